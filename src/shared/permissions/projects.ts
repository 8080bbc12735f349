import { defineAccess } from './define';

/**
 * The co-building projects module's permissions (seed 000, R-PJ-1…6) and which built-in roles hold them
 * (platform_admin holds all): the city/district civil-affairs bureau runs calls and selection, a
 * community applies, its subdistrict/town reviews, seals and submits, reviewers score.
 */
export const projectsAccess = defineAccess({
  permissions: [
    'projects.read',
    'projects.manage',
    'projects.apply',
    'projects.review',
    'projects.score',
    'projects.export',
  ],
  grants: {
    civil_affairs: ['projects.read', 'projects.manage', 'projects.score', 'projects.export'],
    subdistrict_admin: ['projects.read', 'projects.review', 'projects.export'],
    community_secretary: ['projects.read', 'projects.apply'],
    community_worker: ['projects.read', 'projects.apply'],
    evaluator: ['projects.read', 'projects.score'],
  },
});
