import { defineAccess } from './define';

/**
 * The work-item access module's permissions (R-AC-1) and which built-in roles hold them (platform_admin
 * holds all). Departments' applications are filed with the organisation and civil-affairs departments of
 * their level, who consult, record opinions and record the leading group's decision (civil affairs);
 * subdistricts file for their offices; communities read the published list and refuse unlisted requests.
 */
export const workItemAccessAccess = defineAccess({
  permissions: [
    'work_item_access.read',
    'work_item_access.apply',
    'work_item_access.decide',
    'work_item_access.refuse',
  ],
  grants: {
    civil_affairs: ['work_item_access.read', 'work_item_access.apply', 'work_item_access.decide'],
    subdistrict_admin: ['work_item_access.read'],
    community_secretary: ['work_item_access.read', 'work_item_access.refuse'],
    community_worker: ['work_item_access.read', 'work_item_access.refuse'],
  },
});
