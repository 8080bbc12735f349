import { boolean, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { createdByTimestamps, scopedRecordColumns, timestamps, ts } from '../../platform/columns';
import type { MessageAttachment } from './notifications.channels';

/**
 * One call of `notify(...)`: what happened (`event` + `params`), where to look (`link`), and the org unit it
 * concerns (its group robots are told too). Read by the recipients' inbox rows and the delivery log.
 */
export const notificationMessages = pgTable(
  'notification_messages',
  {
    id: uuid('id').primaryKey(),
    event: text('event').notNull(),
    params: jsonb('params').$type<Record<string, string | number>>().notNull().default({}),
    link: text('link'),
    /** Files sent with an email of this message (a meeting invitation's .ics); never shown in the inbox. */
    attachments: jsonb('attachments').$type<MessageAttachment[]>(),
    /** The unit the event concerns (null: none, e.g. a platform notice); robots configured there hear of it. */
    orgUnitId: uuid('org_unit_id'),
    orgPath: text('org_path'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('notification_messages_created_idx').on(t.createdAt)],
);

/** A user's in-app inbox: one row per recipient of a message. */
export const notifications = pgTable(
  'notifications',
  {
    id: uuid('id').primaryKey(),
    messageId: uuid('message_id').notNull(),
    userId: uuid('user_id').notNull(),
    readAt: ts('read_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('notifications_user_idx').on(t.userId, t.createdAt),
    uniqueIndex('notifications_message_user_uq').on(t.messageId, t.userId),
  ],
);

/**
 * A user's outside channels ('sms', 'email'): the address (encrypted, masked for display) and whether it is on.
 * The in-app inbox is always on.
 */
export const notificationChannels = pgTable(
  'notification_channels',
  {
    userId: uuid('user_id').notNull(),
    channel: text('channel').notNull(),
    enabled: boolean('enabled').notNull().default(true),
    targetEnc: text('target_enc').notNull(),
    targetMasked: text('target_masked').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('notification_channels_uq').on(t.userId, t.channel)],
);

/** A WeCom or DingTalk group robot of an org unit: told of the unit's messages (and its subunits' when `subtree`). */
export const notificationWebhooks = pgTable(
  'notification_webhooks',
  {
    ...scopedRecordColumns(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    /** The robot's URL (it holds the robot's key): encrypted; shown masked. */
    urlEnc: text('url_enc').notNull(),
    urlMasked: text('url_masked').notNull(),
    /** DingTalk "加签" secret, encrypted; null when the robot does not sign. */
    secretEnc: text('secret_enc'),
    subtree: boolean('subtree').notNull().default(true),
    /** Event names it hears; empty = all. */
    events: jsonb('events').$type<string[]>().notNull().default([]),
    enabled: boolean('enabled').notNull().default(true),
    ...createdByTimestamps(),
  },
  (t) => [index('notification_webhooks_path_idx').on(t.orgPath)],
);

/**
 * The delivery log: one row per message and outside channel target (a user's SMS/email, a group robot),
 * sent by the `notifications.deliver` job with retries (pending → sent | failed after MAX_ATTEMPTS).
 */
export const notificationDeliveries = pgTable(
  'notification_deliveries',
  {
    id: uuid('id').primaryKey(),
    messageId: uuid('message_id').notNull(),
    channel: text('channel').notNull(),
    userId: uuid('user_id'),
    webhookId: uuid('webhook_id'),
    /** Where it goes, masked (138****8000, a robot's name). */
    targetMasked: text('target_masked').notNull(),
    locale: text('locale').notNull().default('zh-CN'),
    /** The unit whose staff may read this row of the log (the message's or the robot's). */
    orgPath: text('org_path'),
    status: text('status').notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: ts('next_attempt_at').notNull(),
    lastError: text('last_error'),
    sentAt: ts('sent_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('notification_deliveries_due_idx').on(t.status, t.nextAttemptAt),
    index('notification_deliveries_message_idx').on(t.messageId),
  ],
);
