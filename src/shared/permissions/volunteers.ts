import { defineAccess } from './define';

/** The volunteers module's permissions and which built-in roles hold them (platform_admin holds all). */
export const volunteersAccess = defineAccess({
  permissions: ['volunteers.read', 'volunteers.write'],
  grants: {
    civil_affairs: ['volunteers.read'],
    subdistrict_admin: ['volunteers.read', 'volunteers.write'],
    community_secretary: ['volunteers.read', 'volunteers.write'],
    community_worker: ['volunteers.read', 'volunteers.write'],
    grid_worker: ['volunteers.read'],
  },
});
