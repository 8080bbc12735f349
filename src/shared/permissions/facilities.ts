import { defineAccess } from './define';

/**
 * The facilities module's permissions (issue 16 §1): read the registry and its coverage, keep a unit's
 * facilities (manage), and maintain the platform-wide list of kinds (configure).
 */
export const facilitiesAccess = defineAccess({
  permissions: ['facilities.read', 'facilities.manage', 'facilities.configure'],
  grants: {
    civil_affairs: ['facilities.read', 'facilities.manage', 'facilities.configure'],
    subdistrict_admin: ['facilities.read', 'facilities.manage'],
    dispatcher: ['facilities.read'],
    community_secretary: ['facilities.read', 'facilities.manage'],
    community_worker: ['facilities.read', 'facilities.manage'],
    grid_worker: ['facilities.read'],
    evaluator: ['facilities.read'],
  },
});
