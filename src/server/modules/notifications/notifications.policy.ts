import { type Policy, definePolicy } from '../../platform/policy';
import { notificationWebhooks } from './notifications.table';

/**
 * Who may do what with notifications. A user's own inbox and channels are theirs alone (the repository
 * keys every such query by the actor's user id; no permission is needed). `manage` — a unit's group robots
 * and the delivery log — is held per subtree: a row is in reach when its org path lies in the actor's scope.
 */
export type NotificationsAction = 'manage';
type WebhookRecord = { orgPath: string };

export const notificationsPolicy: Policy<NotificationsAction, WebhookRecord> = definePolicy({
  permissions: { manage: 'notifications.manage' },
  pathColumn: notificationWebhooks.orgPath,
  pathOf: (r) => r.orgPath,
});
