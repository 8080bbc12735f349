import { defineAccess } from './define';

/**
 * The surveys module's permissions (民意调查, 共议共评, seed 004 R-AS-5): read surveys and their results;
 * manage them (build, publish, close, set quotas); enter paper responses (grid workers at the door too);
 * answer a survey distributed to one's own home as a resident.
 */
export const surveysAccess = defineAccess({
  permissions: ['surveys.read', 'surveys.manage', 'surveys.enter', 'surveys.answer'],
  grants: {
    civil_affairs: ['surveys.read', 'surveys.manage', 'surveys.enter'],
    subdistrict_admin: ['surveys.read', 'surveys.manage', 'surveys.enter'],
    dispatcher: ['surveys.read'],
    community_secretary: ['surveys.read', 'surveys.manage', 'surveys.enter'],
    community_worker: ['surveys.read', 'surveys.manage', 'surveys.enter'],
    grid_worker: ['surveys.read', 'surveys.enter'],
    evaluator: ['surveys.read'],
    resident: ['surveys.answer'],
  },
});
