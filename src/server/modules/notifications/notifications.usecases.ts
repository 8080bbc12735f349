import type {
  ChannelDto,
  CreateWebhookBody,
  DeliveryDto,
  DeliveryQuery,
  InboxItemDto,
  InboxQuery,
  SetChannelBody,
  UpdateWebhookBody,
  UserChannel,
  WebhookDto,
} from '../../../shared/contracts/notifications';
import type { Locale } from '../../../shared/i18n/errors';
import { type NotificationEvent, renderNotification } from '../../../shared/i18n/notifications';
import type { Permission } from '../../../shared/permissions';
import { MOBILE_NUMBER } from '../../../shared/validation/codes';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { writeAudit } from '../../platform/audit';
import { auditRecord, auditRecordAccess } from '../../platform/recordAudit';
import { sentFields } from '../../platform/auditedRows';
import { audited } from '../../platform/auditedEntity';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import { maskPhone } from '../../platform/crypto';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import type { Page } from '../../platform/listing';
import type { SmsSender } from '../../platform/sms';
import { type Recipient, activeRecipients, usersHoldingAt } from '../accounts/accounts.api';
import { findUnitInScope, unitNames, unitNamesOf } from '../org/org.api';
import {
  type MessageAttachment,
  type RobotKind,
  checkRobotUrl,
  maskRobotUrl,
  sendToRobot,
  senders,
} from './notifications.channels';
import { notificationsPolicy } from './notifications.policy';
import {
  type WebhookRow,
  channelTarget,
  channelsOf,
  claimDueDeliveries,
  deleteChannel,
  deleteWebhookRow,
  deliveryPage,
  enabledChannelsOf,
  findWebhook,
  inboxPage,
  insertDeliveries,
  insertInboxRows,
  insertMessage,
  insertWebhook,
  markRead,
  ownInboxRow,
  unreadCount,
  updateDelivery,
  updateWebhookRow,
  upsertChannel,
  webhookById,
  webhookPage,
  webhooksFor,
} from './notifications.repository';
import { foundInReach } from '../../platform/findInScope';
import { orgUnitHead } from '../../platform/unitHead';

/** The SMS template name of an event: 'work_order.assigned' → 'notify_work_order_assigned' (SMS_TEMPLATE_NOTIFY_…). */
export const smsTemplateOf = (event: string) => `notify_${event.replace(/\./g, '_')}`;

/** A delivery is tried this many times (1, 2, 4, 8 minutes apart), then logged as failed. */
export const MAX_ATTEMPTS = 5;

// ---------------------------------------------------------------------------------------------
// notify: the platform service other modules call (through notifications.api.ts)

export interface NotifyInput {
  event: NotificationEvent;
  params: Record<string, string | number>;
  /** The page to open (console path or phone path). */
  link?: string | null;
  /** Named people (e.g. the requester), and/or everyone holding `permission` at exactly `orgUnitId`. */
  users?: readonly string[];
  holders?: { permission: Permission; orgUnitId: string };
  /** The unit the event concerns: its group robots (and its ancestors' with subtree) are told too. */
  unit?: { id: string; path: string } | null;
  /** Files an email of this message carries (a meeting invitation's .ics); other channels ignore them. */
  attachments?: readonly MessageAttachment[];
}

/**
 * Records a notification inside the caller's transaction (`tx`): the message, an inbox row per recipient
 * (not the actor who caused it), and a pending delivery per enabled outside channel and per robot that hears
 * it. Nothing is sent here: the `notifications.deliver` job sends, so a rolled-back change tells nobody and a
 * slow provider never slows the request.
 */
export async function notifyIn(tx: Db, ctx: Pick<UseCaseCtx, 'clock' | 'ids' | 'actor'>, input: NotifyInput) {
  const now = ctx.clock.now();
  const named = input.users?.length ? await activeRecipients(tx, input.users) : [];
  const holders = input.holders
    ? await usersHoldingAt(tx, input.holders.permission, input.holders.orgUnitId)
    : [];
  const recipients = new Map<string, Recipient>();
  for (const r of [...named, ...holders]) if (r.userId !== ctx.actor?.userId) recipients.set(r.userId, r);
  const robots = input.unit ? await webhooksFor(tx, input.unit.path, input.event) : [];
  if (recipients.size === 0 && robots.length === 0) return { messageId: null, recipients: 0, deliveries: 0 };

  const messageId = ctx.ids();
  await insertMessage(tx, {
    id: messageId,
    event: input.event,
    params: input.params,
    link: input.link ?? null,
    attachments: input.attachments?.length ? [...input.attachments] : null,
    orgUnitId: input.unit?.id ?? null,
    orgPath: input.unit?.path ?? null,
    createdAt: now,
  });
  await insertInboxRows(
    tx,
    [...recipients.keys()].map((userId) => ({ id: ctx.ids(), messageId, userId, createdAt: now })),
  );
  const channels = await enabledChannelsOf(tx, [...recipients.keys()]);
  const deliveries = [
    ...channels.map((c) => ({
      id: ctx.ids(),
      messageId,
      channel: c.channel,
      userId: c.userId,
      webhookId: null,
      targetMasked: c.targetMasked,
      locale: recipients.get(c.userId)?.locale ?? 'zh-CN',
      orgPath: input.unit?.path ?? null,
      nextAttemptAt: now,
      createdAt: now,
    })),
    ...robots.map((w) => ({
      id: ctx.ids(),
      messageId,
      channel: w.kind,
      userId: null,
      webhookId: w.id,
      targetMasked: w.name,
      locale: 'zh-CN',
      orgPath: w.orgPath,
      nextAttemptAt: now,
      createdAt: now,
    })),
  ];
  await insertDeliveries(tx, deliveries);
  return { messageId, recipients: recipients.size, deliveries: deliveries.length };
}

/** The text an outside channel sends: title and body in one line. */
const oneLine = (event: string, params: Record<string, string | number>, locale: Locale) => {
  const { title, body } = renderNotification(event, params, locale);
  return { title, text: `【邻里】${title}：${body}` };
};

/**
 * The delivery job (every minute, and on demand): sends due deliveries one by one, each in its own
 * transaction with its row locked (SKIP LOCKED: several processes share the work, none sends twice);
 * a failure is retried after 1, 2, 4, 8 minutes and logged as failed after MAX_ATTEMPTS.
 */
export async function deliverDue(
  ctx: UseCaseCtx,
  sms: SmsSender,
  limit = 200,
): Promise<{ sent: number; failed: number; retried: number }> {
  const result = { sent: 0, failed: 0, retried: 0 };
  for (let i = 0; i < limit; i++) {
    const done = await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const [due] = await claimDueDeliveries(tx, now, 1);
      if (!due) return false;
      const { delivery: d, message: m } = due;
      const locale: Locale = d.locale === 'en' ? 'en' : 'zh-CN';
      const { title, text } = oneLine(m.event, m.params, locale);
      let error: string | null = null;
      try {
        const s = senders();
        if (d.webhookId) {
          const robot = await webhookById(tx, d.webhookId);
          if (!robot) throw new Error('robot removed');
          await sendToRobot(
            s,
            {
              kind: robot.kind as RobotKind,
              url: ctx.pii.decrypt(robot.urlEnc),
              secret: robot.secretEnc ? ctx.pii.decrypt(robot.secretEnc) : null,
            },
            text,
            now.getTime(),
          );
        } else {
          const target = d.userId ? await channelTarget(tx, d.userId, d.channel) : undefined;
          if (!target?.enabled) throw new Error('channel removed or off');
          const address = ctx.pii.decrypt(target.targetEnc);
          if (d.channel === 'sms') {
            // A carrier delivers approved templates only: one per event (smsTemplateOf), the event's params.
            await sms.send({
              phone: address,
              template: smsTemplateOf(m.event),
              params: {
                ...Object.fromEntries(Object.entries(m.params).map(([k, v]) => [k, String(v)])),
                text,
              },
            });
          } else if (d.channel === 'email') {
            if (!s.email) throw new Error('no SMTP server configured');
            const link = m.link ? `\n\n${m.link}` : '';
            await s.email(
              address,
              `【邻里】${title}`,
              `${renderNotification(m.event, m.params, locale).body}${link}`,
              m.attachments ?? undefined,
            );
          } else throw new Error(`unknown channel ${d.channel}`);
        }
      } catch (err) {
        error = (err instanceof Error ? err.message : String(err)).slice(0, 300);
      }
      const attempts = d.attempts + 1;
      if (!error) {
        await updateDelivery(tx, d.id, { status: 'sent', attempts, sentAt: now, lastError: null });
        result.sent++;
      } else if (attempts >= MAX_ATTEMPTS) {
        await updateDelivery(tx, d.id, { status: 'failed', attempts, lastError: error });
        await auditRecord(tx, ctx, d, {
          action: 'notifications.delivery_failed',
          entityType: 'notification_delivery',
          after: { channel: d.channel, target: d.targetMasked, event: m.event, attempts, error },
          success: false,
        });
        result.failed++;
      } else {
        const wait = 60_000 * 2 ** (attempts - 1);
        await updateDelivery(tx, d.id, {
          attempts,
          lastError: error,
          nextAttemptAt: new Date(now.getTime() + wait),
        });
        result.retried++;
      }
      return true;
    });
    if (!done) break;
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// The inbox (own)

export async function listInbox(ctx: ActorCtx, q: InboxQuery, locale: Locale): Promise<Page<InboxItemDto>> {
  const page = await inboxPage(ctx.db, ctx.actor.userId, q.unread === 'true', q);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      event: r.message.event,
      ...renderNotification(r.message.event, r.message.params, locale),
      link: r.message.link,
      read: r.readAt !== null,
      createdAt: r.createdAt,
    })),
  };
}

export async function unread(ctx: ActorCtx) {
  return { unread: await unreadCount(ctx.db, ctx.actor.userId) };
}

export async function readOne(ctx: ActorCtx, id: string) {
  if (!isUuid(id) || !(await ownInboxRow(ctx.db, ctx.actor.userId, id))) throw notFound();
  await markRead(ctx.db, ctx.actor.userId, ctx.clock.now(), id);
  return unread(ctx);
}

export async function readAll(ctx: ActorCtx) {
  await markRead(ctx.db, ctx.actor.userId, ctx.clock.now());
  return unread(ctx);
}

// ---------------------------------------------------------------------------------------------
// Own outside channels

// SMS always has a provider (the console adapter in development); email needs SMTP_URL.
const available = () => ({ sms: true, email: !!senders().email });

export async function getChannels(ctx: ActorCtx) {
  const rows = await channelsOf(ctx.db, ctx.actor.userId);
  const avail = available();
  const channels: ChannelDto[] = rows.map((r) => ({
    channel: r.channel as UserChannel,
    enabled: r.enabled,
    target: r.targetMasked,
    available: avail[r.channel as UserChannel] ?? false,
  }));
  return { channels, available: avail };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const maskEmail = (e: string) => {
  const [name, host] = e.split('@');
  return `${name!.slice(0, 1)}***@${host}`;
};

export async function setChannel(ctx: ActorCtx, channel: UserChannel, body: SetChannelBody) {
  const existing = (await channelsOf(ctx.db, ctx.actor.userId)).find((c) => c.channel === channel);
  let targetEnc = existing?.targetEnc;
  let targetMasked = existing?.targetMasked;
  if (body.target !== undefined) {
    const t =
      channel === 'sms' ? body.target.replace(/[\s-]/g, '').replace(/^\+?86/, '') : body.target.toLowerCase();
    if (!(channel === 'sms' ? MOBILE_NUMBER : EMAIL).test(t))
      throw invalidField('target', 'notifications.bad_target');
    targetEnc = ctx.pii.encrypt(t);
    targetMasked = channel === 'sms' ? maskPhone(t) : maskEmail(t);
  }
  if (!targetEnc || !targetMasked) throw invalidField('target', 'notifications.bad_target');
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    await upsertChannel(tx, {
      userId: ctx.actor.userId,
      channel,
      enabled: body.enabled,
      targetEnc: targetEnc!,
      targetMasked: targetMasked!,
      createdAt: now,
      updatedAt: now,
    });
    await writeAudit(tx, ctx, {
      action: 'notifications.channel_set',
      entityType: 'notification_channel',
      entityId: `${ctx.actor.userId}:${channel}`,
      before: existing ? { enabled: existing.enabled, target: existing.targetMasked } : null,
      after: { channel, enabled: body.enabled, target: targetMasked },
    });
  });
  return getChannels(ctx);
}

export async function removeChannel(ctx: ActorCtx, channel: UserChannel) {
  await ctx.db.transaction(async (tx) => {
    if ((await deleteChannel(tx, ctx.actor.userId, channel)) === 0) throw notFound();
    await writeAudit(tx, ctx, {
      action: 'notifications.channel_remove',
      entityType: 'notification_channel',
      entityId: `${ctx.actor.userId}:${channel}`,
      after: { channel },
    });
  });
  return getChannels(ctx);
}

// ---------------------------------------------------------------------------------------------
// Group robots of org units (notifications.manage in scope)

async function webhookDtos(ctx: ActorCtx, rows: WebhookRow[]): Promise<WebhookDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  return rows.map((r) => ({
    ...orgUnitHead(r, names),
    kind: r.kind as RobotKind,
    name: r.name,
    url: r.urlMasked,
    signed: r.secretEnc !== null,
    subtree: r.subtree,
    events: r.events,
    enabled: r.enabled,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function listWebhooks(
  ctx: ActorCtx,
  q: { page: number; pageSize: number; orgUnitId?: string | undefined },
) {
  notificationsPolicy.require(ctx.actor, 'manage');
  let orgPath: string | undefined;
  if (q.orgUnitId) {
    const unit = await findUnitInScope(ctx, q.orgUnitId, notificationsPolicy.permissions.manage);
    orgPath = unit.path;
  }
  const page = await webhookPage(ctx.db, ctx.actor, { orgPath }, q);
  return { ...page, items: await webhookDtos(ctx, page.items) };
}

async function ownWebhook(ctx: ActorCtx, id: string): Promise<WebhookRow> {
  return foundInReach(notificationsPolicy, ctx, 'manage', () => findWebhook(ctx.db, ctx.actor, id));
}

const auditView = (
  r: Pick<WebhookRow, 'kind' | 'name' | 'urlMasked' | 'subtree' | 'events' | 'enabled'> & { signed: boolean },
) => ({
  kind: r.kind,
  name: r.name,
  url: r.urlMasked,
  signed: r.signed,
  subtree: r.subtree,
  events: r.events,
  enabled: r.enabled,
});

/** What a robot's audit entries name and keep of it (its URL masked, whether it is signed). */
const webhookAudit = {
  entityType: 'notification_webhook',
  view: (r: WebhookRow) => auditView({ ...r, signed: r.secretEnc !== null }),
};
const auditWebhook = audited(webhookAudit.entityType);

export async function createWebhook(ctx: ActorCtx, body: CreateWebhookBody): Promise<WebhookDto> {
  notificationsPolicy.require(ctx.actor, 'manage');
  const unit = await findUnitInScope(ctx, body.orgUnitId, notificationsPolicy.permissions.manage);
  checkRobotUrl(body.kind, body.url);
  if (body.secret && body.kind !== 'dingtalk') throw new AppError('notifications.secret_dingtalk_only', 422);
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    insertWebhook,
    {
      kind: body.kind,
      name: body.name,
      urlEnc: ctx.pii.encrypt(body.url),
      urlMasked: maskRobotUrl(body.url),
      secretEnc: body.secret ? ctx.pii.encrypt(body.secret) : null,
      subtree: body.subtree,
      events: body.events,
      enabled: body.enabled,
      createdBy: ctx.actor.userId,
    },
    { action: 'notifications.webhook_create', ...webhookAudit },
  );
  return (await webhookDtos(ctx, [row]))[0]!;
}

export async function updateWebhook(ctx: ActorCtx, id: string, body: UpdateWebhookBody): Promise<WebhookDto> {
  const before = await ownWebhook(ctx, id);
  if (body.url) checkRobotUrl(before.kind as RobotKind, body.url);
  if (body.secret && before.kind !== 'dingtalk')
    throw new AppError('notifications.secret_dingtalk_only', 422);
  const row = await ctx.db.transaction(async (tx) => {
    const after = await updateWebhookRow(tx, before.id, {
      ...sentFields(body, ['name', 'subtree', 'events', 'enabled']),
      ...(body.url ? { urlEnc: ctx.pii.encrypt(body.url), urlMasked: maskRobotUrl(body.url) } : {}),
      ...(body.secret !== undefined ? { secretEnc: body.secret ? ctx.pii.encrypt(body.secret) : null } : {}),
      updatedAt: ctx.clock.now(),
    });
    await auditWebhook(tx, ctx, 'notifications.webhook_update', before.id, before, {
      before: webhookAudit.view(before),
      after: webhookAudit.view(after),
    });
    return after;
  });
  return (await webhookDtos(ctx, [row]))[0]!;
}

export async function deleteWebhook(ctx: ActorCtx, id: string): Promise<void> {
  const before = await ownWebhook(ctx, id);
  await ctx.db.transaction(async (tx) => {
    await deleteWebhookRow(tx, before.id);
    await auditWebhook(tx, ctx, 'notifications.webhook_delete', before.id, before, {
      before: webhookAudit.view(before),
    });
  });
}

/** Sends a test message to the robot now (not through the queue) and says whether it arrived. */
export async function testWebhook(ctx: ActorCtx, id: string): Promise<{ delivered: true }> {
  const robot = await ownWebhook(ctx, id);
  const unitName = (await unitNames(ctx.db, [robot.orgUnitId])).get(robot.orgUnitId) ?? '';
  const { text } = oneLine('notifications.test', { unit: unitName }, 'zh-CN');
  let reason: string | null = null;
  try {
    await sendToRobot(
      senders(),
      {
        kind: robot.kind as RobotKind,
        url: ctx.pii.decrypt(robot.urlEnc),
        secret: robot.secretEnc ? ctx.pii.decrypt(robot.secretEnc) : null,
      },
      text,
      ctx.clock.now().getTime(),
    );
  } catch (err) {
    reason = (err instanceof Error ? err.message : String(err)).slice(0, 200);
  }
  await auditRecordAccess(ctx, robot, {
    action: 'notifications.webhook_test',
    entityType: 'notification_webhook',
    after: { delivered: reason === null, reason },
    success: reason === null,
  });
  if (reason) throw new AppError('notifications.test_failed', 422, { reason });
  return { delivered: true };
}

// ---------------------------------------------------------------------------------------------
// The delivery log (notifications.manage in scope)

export async function listDeliveries(
  ctx: ActorCtx,
  q: DeliveryQuery,
  locale: Locale,
): Promise<Page<DeliveryDto>> {
  notificationsPolicy.require(ctx.actor, 'manage');
  const page = await deliveryPage(ctx.db, ctx.actor, q, q);
  return {
    ...page,
    items: page.items.map((r) => ({
      id: r.id,
      event: r.message?.event ?? '',
      title: r.message ? renderNotification(r.message.event, r.message.params, locale).title : '',
      channel: r.channel as DeliveryDto['channel'],
      target: r.targetMasked,
      status: r.status as DeliveryDto['status'],
      attempts: r.attempts,
      lastError: r.lastError,
      sentAt: r.sentAt,
      createdAt: r.createdAt,
    })),
  };
}
