import { defineAccess } from './define';

/** The audit module's permissions and which built-in roles hold them (platform_admin holds all). */
export const auditAccess = defineAccess({
  permissions: ['audit.read'],
  grants: {
    civil_affairs: ['audit.read'],
    subdistrict_admin: ['audit.read'],
    community_secretary: ['audit.read'],
  },
});
