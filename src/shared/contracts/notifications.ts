import { z } from 'zod';
import { pageQuery } from './pageQuery';
import { timestamps, unitRef } from './dtoFields';

/** Outside channels a user may add (the in-app inbox is always on). */
export const USER_CHANNELS = ['sms', 'email'] as const;
export type UserChannel = (typeof USER_CHANNELS)[number];
export const WEBHOOK_KINDS = ['wecom', 'dingtalk'] as const;
export const DELIVERY_STATUSES = ['pending', 'sent', 'failed'] as const;
export const DELIVERY_CHANNELS = ['sms', 'email', 'wecom', 'dingtalk'] as const;

export const inboxQuery = z.object({
  ...pageQuery,
  unread: z.enum(['true', 'false']).optional(),
});
export type InboxQuery = z.infer<typeof inboxQuery>;

export const inboxItemSchema = z.object({
  id: z.string(),
  event: z.string(),
  title: z.string(),
  body: z.string(),
  /** A page of the console or the phone app to open. */
  link: z.string().nullable(),
  read: z.boolean(),
  createdAt: z.date(),
});
export type InboxItemDto = z.infer<typeof inboxItemSchema>;

export const unreadSchema = z.object({ unread: z.number().int() });

export const channelSchema = z.object({
  channel: z.enum(USER_CHANNELS),
  enabled: z.boolean(),
  /** Masked: 138****8000, z***@example.com. */
  target: z.string(),
  /** Whether this platform can send on the channel at all (an SMS provider / SMTP server is configured). */
  available: z.boolean(),
});
export type ChannelDto = z.infer<typeof channelSchema>;
export const channelsSchema = z.object({
  channels: z.array(channelSchema),
  available: z.object({ sms: z.boolean(), email: z.boolean() }),
});

export const channelParams = z.object({ channel: z.enum(USER_CHANNELS) });
export const setChannelBody = z.strictObject({
  /** A mainland mobile number for sms, an email address for email; omitted = keep the current one. */
  target: z.string().trim().min(3).max(200).optional(),
  enabled: z.boolean(),
});
export type SetChannelBody = z.infer<typeof setChannelBody>;

export const webhookSchema = z.object({
  id: z.string(),
  ...unitRef,
  kind: z.enum(WEBHOOK_KINDS),
  name: z.string(),
  /** Masked: the robot's key is never shown again. */
  url: z.string(),
  signed: z.boolean(),
  subtree: z.boolean(),
  events: z.array(z.string()),
  enabled: z.boolean(),
  ...timestamps,
});
export type WebhookDto = z.infer<typeof webhookSchema>;

export const webhookListQuery = z.object({ ...pageQuery, orgUnitId: z.string().optional() });
export const createWebhookBody = z.strictObject({
  orgUnitId: z.string(),
  kind: z.enum(WEBHOOK_KINDS),
  name: z.string().trim().min(1).max(50),
  url: z.string().trim().min(10).max(500),
  secret: z.string().trim().min(1).max(200).nullish(),
  subtree: z.boolean().default(true),
  events: z.array(z.string().max(60)).max(50).default([]),
  enabled: z.boolean().default(true),
});
export type CreateWebhookBody = z.infer<typeof createWebhookBody>;
export const updateWebhookBody = z.strictObject({
  name: z.string().trim().min(1).max(50).optional(),
  url: z.string().trim().min(10).max(500).optional(),
  secret: z.string().trim().min(1).max(200).nullish(),
  subtree: z.boolean().optional(),
  events: z.array(z.string().max(60)).max(50).optional(),
  enabled: z.boolean().optional(),
});
export type UpdateWebhookBody = z.infer<typeof updateWebhookBody>;

export const deliveryQuery = z.object({
  ...pageQuery,
  status: z.enum(DELIVERY_STATUSES).optional(),
  channel: z.enum(DELIVERY_CHANNELS).optional(),
});
export type DeliveryQuery = z.infer<typeof deliveryQuery>;
export const deliverySchema = z.object({
  id: z.string(),
  event: z.string(),
  title: z.string(),
  channel: z.enum(DELIVERY_CHANNELS),
  target: z.string(),
  status: z.enum(DELIVERY_STATUSES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  sentAt: z.date().nullable(),
  createdAt: z.date(),
});
export type DeliveryDto = z.infer<typeof deliverySchema>;
