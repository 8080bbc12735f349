import { defineAccess } from './define';

/** The module's permissions; a role that holds them all is given this list. */
const PERMISSIONS = [
  'services.read',
  'services.write',
  'services.dispatch',
  'services.order',
  'services.serve',
] as const;

/** The services module's permissions and which built-in roles hold them (platform_admin holds all). */
export const servicesAccess = defineAccess({
  permissions: PERMISSIONS,
  grants: {
    civil_affairs: ['services.read'],
    subdistrict_admin: PERMISSIONS,
    community_secretary: ['services.read', 'services.write', 'services.dispatch'],
    community_worker: ['services.read', 'services.write', 'services.dispatch'],
    grid_worker: ['services.read', 'services.write'],
    resident: ['services.order'],
    volunteer: ['services.order', 'services.serve'],
  },
});
