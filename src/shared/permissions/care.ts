import { defineAccess } from './define';

/**
 * The care module's permissions (R-SV-3), the strictest scope of the platform: read plans and visits,
 * keep plans, log a visit to any plan in scope (visit) or only to plans assigned to oneself (visit_own:
 * grid workers and volunteers), reveal the person's identity (audited), apply for and grant temporary
 * relief, and approve it (the subdistrict).
 */
export const careAccess = defineAccess({
  permissions: [
    'care.read',
    'care.plan',
    'care.visit',
    'care.visit_own',
    'care.reveal',
    'care.relief',
    'care.approve',
  ],
  grants: {
    civil_affairs: ['care.read', 'care.approve'],
    subdistrict_admin: ['care.read', 'care.plan', 'care.reveal', 'care.relief', 'care.approve'],
    community_secretary: ['care.read', 'care.plan', 'care.visit', 'care.reveal', 'care.relief'],
    community_worker: ['care.read', 'care.plan', 'care.visit', 'care.reveal', 'care.relief'],
    grid_worker: ['care.read', 'care.visit', 'care.visit_own', 'care.reveal'],
    volunteer: ['care.visit_own'],
  },
});
