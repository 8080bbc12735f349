import { defineAccess } from './define';

/** The open311 module's permissions and which built-in roles hold them (platform_admin holds all). */
export const open311Access = defineAccess({
  permissions: ['open311.manage'],
  grants: {
    civil_affairs: ['open311.manage'],
    subdistrict_admin: ['open311.manage'],
  },
});
