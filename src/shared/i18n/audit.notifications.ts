import type { AuditLabels } from './audit';

/** Names of the notifications module's audited actions and entity types, for the audit log page. */
export const NOTIFICATIONS_AUDIT: AuditLabels = {
  actions: {
    'notifications.channel_set': { 'zh-CN': '设置个人通知渠道', en: 'Set own notification channel' },
    'notifications.channel_remove': { 'zh-CN': '删除个人通知渠道', en: 'Remove own notification channel' },
    'notifications.webhook_create': { 'zh-CN': '添加群机器人', en: 'Add group robot' },
    'notifications.webhook_update': { 'zh-CN': '修改群机器人', en: 'Change group robot' },
    'notifications.webhook_delete': { 'zh-CN': '删除群机器人', en: 'Delete group robot' },
    'notifications.webhook_test': { 'zh-CN': '测试群机器人', en: 'Test group robot' },
    'notifications.delivery_failed': { 'zh-CN': '通知发送失败', en: 'Notification not delivered' },
  },
  entityTypes: {
    notification_channel: { 'zh-CN': '个人通知渠道', en: 'Notification channel' },
    notification_webhook: { 'zh-CN': '群机器人', en: 'Group robot' },
    notification_delivery: { 'zh-CN': '通知发送记录', en: 'Notification delivery' },
  },
};
