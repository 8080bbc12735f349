import { defineAccess } from './define';

/** The services module's permissions and which built-in roles hold them (platform_admin holds all). */
export const servicesAccess = defineAccess({
  permissions: ['services.read', 'services.write', 'services.dispatch', 'services.order', 'services.serve'],
  grants: {
    civil_affairs: ['services.read'],
    subdistrict_admin: [
      'services.read',
      'services.write',
      'services.dispatch',
      'services.order',
      'services.serve',
    ],
    community_secretary: ['services.read', 'services.write', 'services.dispatch'],
    community_worker: ['services.read', 'services.write', 'services.dispatch'],
    grid_worker: ['services.read', 'services.write'],
    resident: ['services.order'],
    volunteer: ['services.order', 'services.serve'],
  },
});
