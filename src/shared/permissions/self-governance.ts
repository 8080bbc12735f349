import { defineAccess } from './define';

/**
 * The self-governance module's permissions (issue 16 §3, seeds 002 and 004): read the bodies, positions,
 * vacancies, elections, trainings and reviews of communities; manage them (the community secretary, the
 * subdistrict, civil affairs).
 */
export const selfGovernanceAccess = defineAccess({
  permissions: ['self_governance.read', 'self_governance.manage'],
  grants: {
    civil_affairs: ['self_governance.read', 'self_governance.manage'],
    subdistrict_admin: ['self_governance.read', 'self_governance.manage'],
    community_secretary: ['self_governance.read', 'self_governance.manage'],
    community_worker: ['self_governance.read'],
    evaluator: ['self_governance.read'],
  },
});
