import { defineAccess } from './define';

/** The module's permissions; a role that holds them all is given this list. */
const PERMISSIONS = [
  'key_tasks.read',
  'key_tasks.manage',
  'key_tasks.report',
  'key_tasks.supervise',
  'key_tasks.export',
] as const;

/**
 * The key-tasks module's permissions (R-TK-1) and which built-in roles hold them (platform_admin holds
 * all): subdistricts and civil-affairs bureaus run leading groups and lists and supervise (督办, 约谈);
 * responsible units (community staff, subdistrict offices) report progress with evidence.
 */
export const keyTasksAccess = defineAccess({
  permissions: PERMISSIONS,
  grants: {
    civil_affairs: ['key_tasks.read', 'key_tasks.manage', 'key_tasks.supervise', 'key_tasks.export'],
    subdistrict_admin: PERMISSIONS,
    community_secretary: ['key_tasks.read', 'key_tasks.report'],
    community_worker: ['key_tasks.read', 'key_tasks.report'],
  },
});
