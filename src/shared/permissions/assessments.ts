import { defineAccess } from './define';

/**
 * The assessments module's permissions (seed 004, R-AS-1…5): civil affairs keeps frameworks and runs
 * rounds, a community self-assesses, its subdistrict reviews, the assigned third-party evaluator scores and
 * signs (the `evaluator` role reads elsewhere only).
 */
export const assessmentsAccess = defineAccess({
  permissions: [
    'assessments.read',
    'assessments.manage',
    'assessments.self',
    'assessments.review',
    'assessments.evaluate',
    'assessments.export',
  ],
  grants: {
    civil_affairs: ['assessments.read', 'assessments.manage', 'assessments.export'],
    subdistrict_admin: ['assessments.read', 'assessments.review', 'assessments.export'],
    community_secretary: ['assessments.read', 'assessments.self'],
    community_worker: ['assessments.read', 'assessments.self'],
    evaluator: ['assessments.read', 'assessments.evaluate', 'assessments.export'],
  },
});
