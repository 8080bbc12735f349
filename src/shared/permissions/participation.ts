import { defineAccess } from './define';

/**
 * The participation module's permissions (议事协商, seeds 000–004): read meetings, procedures and
 * disclosures; manage them (call and run meetings, record attendance and votes, run procedures, post
 * disclosures and answer objections). Community staff hold both in their community; the subdistrict
 * oversees (late disclosures are flagged to it) and may run its own meetings. Residents read the
 * disclosure board of the units above their home and object to postings (participation.board).
 */
export const participationAccess = defineAccess({
  permissions: ['participation.read', 'participation.manage', 'participation.board'],
  grants: {
    civil_affairs: ['participation.read'],
    subdistrict_admin: ['participation.read', 'participation.manage'],
    dispatcher: ['participation.read'],
    community_secretary: ['participation.read', 'participation.manage'],
    community_worker: ['participation.read', 'participation.manage'],
    grid_worker: ['participation.read'],
    evaluator: ['participation.read'],
    resident: ['participation.board'],
  },
});
