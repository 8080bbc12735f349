import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  channelParams,
  channelsSchema,
  createWebhookBody,
  deliveryQuery,
  deliverySchema,
  inboxItemSchema,
  inboxQuery,
  setChannelBody,
  unreadSchema,
  updateWebhookBody,
  webhookListQuery,
  webhookSchema,
} from '../../../shared/contracts/notifications';
import { NOTIFICATIONS_AUDIT } from '../../../shared/i18n/audit.notifications';
import { NOTIFICATIONS_ERRORS } from '../../../shared/i18n/errors.notifications';
import { notificationsAccess } from '../../../shared/permissions/notifications';
import { access } from '../../platform/access';
import { routeKit } from '../../platform/routeKit';
import { idParams } from '../../platform/ids';
import { defineModule } from '../../platform/module';
import { recordRoutes } from '../../platform/recordRoutes';
import { createSmsSender } from '../../platform/sms';
import * as tables from './notifications.table';
import {
  createWebhook,
  deleteWebhook,
  deliverDue,
  getChannels,
  listDeliveries,
  listInbox,
  listWebhooks,
  readAll,
  readOne,
  removeChannel,
  setChannel,
  testWebhook,
  unread,
  updateWebhook,
} from './notifications.usecases';

/**
 * Notifications: every user's inbox (`/api/notifications`), their own SMS/email channels, the group robots
 * of org units and the delivery log. Other modules call `notify` (notifications.api.ts) in their transaction;
 * the `notifications.deliver` job sends what is due, with retries.
 */
export const notificationsModule = defineModule({
  name: 'notifications',
  tables,
  scopedTables: {
    scoped: [tables.notificationMessages, tables.notificationWebhooks],
    pathOnly: [tables.notificationDeliveries],
  },
  access: notificationsAccess,
  errors: NOTIFICATIONS_ERRORS,
  audit: NOTIFICATIONS_AUDIT,
  jobs: [
    {
      name: 'notifications.deliver',
      cron: '* * * * *',
      run: (deps) => deliverDue(deps, deps.sms ?? createSmsSender(deps.config.sms, deps.log)),
    },
  ],
  routes(base: FastifyInstance, deps) {
    const { app, tags, ctxOf, route, page, recordFields } = routeKit(base, deps, 'notifications');
    const session = { access: access.session };
    const manage = { access: access.permission('notifications.manage') };

    page('/api/notifications', session.access, inboxQuery, inboxItemSchema, listInbox);
    app.get(
      '/api/notifications/unread',
      { config: session, schema: { tags, response: { 200: unreadSchema } } },
      (req) => unread(ctxOf(req)),
    );
    app.post(
      '/api/notifications/read-all',
      { config: session, schema: { tags, response: { 200: unreadSchema } } },
      (req) => readAll(ctxOf(req)),
    );
    route('POST', '/api/notifications/:id/read', session.access, { response: unreadSchema }, readOne);
    app.get(
      '/api/notifications/channels',
      { config: session, schema: { tags, response: { 200: channelsSchema } } },
      (req) => getChannels(ctxOf(req)),
    );
    app.put(
      '/api/notifications/channels/:channel',
      {
        config: session,
        schema: { tags, params: channelParams, body: setChannelBody, response: { 200: channelsSchema } },
      },
      (req) => setChannel(ctxOf(req), req.params.channel, req.body),
    );
    app.delete(
      '/api/notifications/channels/:channel',
      { config: session, schema: { tags, params: channelParams, response: { 200: channelsSchema } } },
      (req) => removeChannel(ctxOf(req), req.params.channel),
    );
    recordRoutes(app, {
      path: '/api/notifications/webhooks',
      ...recordFields(manage.access, manage.access),
      schema: webhookSchema,
      listQuery: webhookListQuery,
      body: createWebhookBody,
      list: listWebhooks,
      create: createWebhook,
      update: { body: updateWebhookBody, run: updateWebhook },
    });
    app.delete(
      '/api/notifications/webhooks/:id',
      { config: manage, schema: { tags, params: idParams } },
      async (req, reply) => {
        await deleteWebhook(ctxOf(req), req.params.id);
        return reply.status(204).send();
      },
    );
    app.post(
      '/api/notifications/webhooks/:id/test',
      {
        config: manage,
        schema: { tags, params: idParams, response: { 200: z.object({ delivered: z.literal(true) }) } },
      },
      (req) => testWebhook(ctxOf(req), req.params.id),
    );
    page('/api/notifications/deliveries', manage.access, deliveryQuery, deliverySchema, listDeliveries);
  },
});
