import { defineAccess } from './define';

/** The accounts module's permissions and which built-in roles hold them (platform_admin holds all). */
export const accountsAccess = defineAccess({
  permissions: ['users.read', 'users.write'],
  grants: {
    civil_affairs: ['users.read'],
    subdistrict_admin: ['users.read', 'users.write'],
    community_secretary: ['users.read', 'users.write'],
  },
});
