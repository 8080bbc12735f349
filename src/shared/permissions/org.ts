import { defineAccess } from './define';

/** The org module's permissions and which built-in roles hold them (platform_admin holds all). */
export const orgAccess = defineAccess({
  permissions: ['org.read', 'org.write'],
  grants: {
    civil_affairs: ['org.read', 'org.write'],
    subdistrict_admin: ['org.read', 'org.write'],
    dispatcher: ['org.read'],
    community_secretary: ['org.read', 'org.write'],
    community_worker: ['org.read'],
    grid_worker: ['org.read'],
    evaluator: ['org.read'],
  },
});
