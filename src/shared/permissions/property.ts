import { defineAccess } from './define';

/**
 * The property module's permissions (issue 16 §3, seeds 003 and 004): read compounds, coverage, 三方联动
 * meetings, notices, appraisals and honours; manage them (community staff, the subdistrict, civil affairs).
 */
export const propertyAccess = defineAccess({
  permissions: ['property.read', 'property.manage', 'property.board'],
  grants: {
    civil_affairs: ['property.read', 'property.manage'],
    subdistrict_admin: ['property.read', 'property.manage'],
    dispatcher: ['property.read'],
    community_secretary: ['property.read', 'property.manage'],
    community_worker: ['property.read', 'property.manage'],
    grid_worker: ['property.read'],
    evaluator: ['property.read'],
    resident: ['property.board'],
  },
});
