import { defineAccess } from './define';

/** The reports module's permissions and which built-in roles hold them (platform_admin holds all). */
export const reportsAccess = defineAccess({
  permissions: ['reports.read'],
  grants: {
    civil_affairs: ['reports.read'],
    subdistrict_admin: ['reports.read'],
    dispatcher: ['reports.read'],
    community_secretary: ['reports.read'],
    community_worker: ['reports.read'],
    evaluator: ['reports.read'],
  },
});
