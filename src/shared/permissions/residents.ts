import { defineAccess } from './define';

/** The module's permissions; a role that holds them all is given this list. */
const PERMISSIONS = [
  'residents.read',
  'residents.write',
  'residents.reveal',
  'residents.import',
  'residents.export',
] as const;

/** The residents module's permissions and which built-in roles hold them (platform_admin holds all). */
export const residentsAccess = defineAccess({
  permissions: PERMISSIONS,
  grants: {
    civil_affairs: ['residents.read'],
    subdistrict_admin: PERMISSIONS,
    dispatcher: ['residents.read', 'residents.reveal'],
    community_secretary: PERMISSIONS,
    community_worker: PERMISSIONS,
    grid_worker: ['residents.read', 'residents.write', 'residents.reveal'],
  },
});
