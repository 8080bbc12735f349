import { defineAccess } from './define';

/**
 * The participation module's permissions (议事协商, seeds 000–004): read meetings, procedures and
 * disclosures; manage them (call and run meetings, record attendance and votes, run procedures, post
 * disclosures and answer objections). Community staff hold both in their community; the subdistrict
 * oversees (late disclosures are flagged to it) and may run its own meetings. Residents read the
 * disclosure board of the units above their home and object to postings (participation.board); on the same
 * board they read, propose, support, comment on and follow deliberation topics of their home's units. Grid
 * workers and community staff propose topics (participation.propose); running a topic's steps is manage.
 */
export const participationAccess = defineAccess({
  permissions: ['participation.read', 'participation.manage', 'participation.board', 'participation.propose'],
  grants: {
    civil_affairs: ['participation.read'],
    subdistrict_admin: ['participation.read', 'participation.manage', 'participation.propose'],
    dispatcher: ['participation.read'],
    community_secretary: ['participation.read', 'participation.manage', 'participation.propose'],
    community_worker: ['participation.read', 'participation.manage', 'participation.propose'],
    grid_worker: ['participation.read', 'participation.propose'],
    evaluator: ['participation.read'],
    resident: ['participation.board'],
  },
});
