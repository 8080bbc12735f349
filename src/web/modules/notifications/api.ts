import type {
  ChannelDto,
  CreateWebhookBody,
  DeliveryDto,
  InboxItemDto,
  SetChannelBody,
  UpdateWebhookBody,
  UserChannel,
  WebhookDto,
} from '../../../shared/contracts/notifications';
import type { Wire } from '../../../shared/contracts/wire';
import { type Page, type Query, api } from '../../app/api';

export type InboxItem = Wire<InboxItemDto>;
export type Channel = Wire<ChannelDto>;
export type Webhook = Wire<WebhookDto>;
export type Delivery = Wire<DeliveryDto>;
export interface Channels {
  channels: Channel[];
  available: { sms: boolean; email: boolean };
}

export const notificationsKeys = {
  all: ['notifications'] as const,
  unread: ['notifications', 'unread'] as const,
  inbox: (q: Query) => ['notifications', 'inbox', q] as const,
  channels: ['notifications', 'channels'] as const,
  webhooks: (q: Query) => ['notifications', 'webhooks', q] as const,
  deliveries: (q: Query) => ['notifications', 'deliveries', q] as const,
};

export const notificationsApi = {
  unread: () => api.get<{ unread: number }>('/api/notifications/unread'),
  inbox: (q: Query) => api.get<Page<InboxItem>>('/api/notifications', q),
  read: (id: string) => api.post<{ unread: number }>(`/api/notifications/${encodeURIComponent(id)}/read`),
  readAll: () => api.post<{ unread: number }>('/api/notifications/read-all'),
  channels: () => api.get<Channels>('/api/notifications/channels'),
  setChannel: (c: UserChannel, body: SetChannelBody) =>
    api.put<Channels>(`/api/notifications/channels/${c}`, body),
  removeChannel: (c: UserChannel) => api.del<Channels>(`/api/notifications/channels/${c}`),
  webhooks: (q: Query) => api.get<Page<Webhook>>('/api/notifications/webhooks', q),
  createWebhook: (body: CreateWebhookBody) => api.post<Webhook>('/api/notifications/webhooks', body),
  updateWebhook: (id: string, body: UpdateWebhookBody) =>
    api.patch<Webhook>(`/api/notifications/webhooks/${encodeURIComponent(id)}`, body),
  deleteWebhook: (id: string) => api.del<void>(`/api/notifications/webhooks/${encodeURIComponent(id)}`),
  testWebhook: (id: string) =>
    api.post<{ delivered: true }>(`/api/notifications/webhooks/${encodeURIComponent(id)}/test`),
  deliveries: (q: Query) => api.get<Page<Delivery>>('/api/notifications/deliveries', q),
  calendarFeed: () => api.get<{ active: boolean; createdAt: string | null }>('/api/calendar/feed-token'),
  rotateCalendarFeed: () => api.post<{ path: string; createdAt: string }>('/api/calendar/feed-token'),
};
