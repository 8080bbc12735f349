import { defineAccess } from './define';

/**
 * The notifications module's permissions (platform_admin holds all). Everyone's own inbox and channel settings
 * need no permission (a session); `notifications.manage` configures a unit's group robots (WeCom, DingTalk) and
 * reads the delivery log of its subtree.
 */
export const notificationsAccess = defineAccess({
  permissions: ['notifications.manage'],
  grants: {
    civil_affairs: ['notifications.manage'],
    subdistrict_admin: ['notifications.manage'],
    community_secretary: ['notifications.manage'],
  },
});
