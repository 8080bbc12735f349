import { type SQL, and, desc, eq, inArray, isNull, lte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { countWhere } from '../../platform/figureQuery';
import { upsertRow } from '../../platform/upsertRow';
import { findRowInScope } from '../../platform/findInScope';
import { firstRow } from '../../platform/firstRow';
import { type Page, type PageQuery, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { rowInserter, rowUpdater } from '../../platform/rowAccessors';
import { notificationsPolicy } from './notifications.policy';
import {
  notificationChannels,
  notificationDeliveries,
  notificationMessages,
  notificationWebhooks,
  notifications,
} from './notifications.table';

/**
 * Every query of the notifications tables. Inbox and channel queries are keyed by the user's own id;
 * robots and the delivery log carry the policy's scope in their `where` (out of reach = not found).
 */
export type MessageRow = typeof notificationMessages.$inferSelect;
export type WebhookRow = typeof notificationWebhooks.$inferSelect;
export type DeliveryRow = typeof notificationDeliveries.$inferSelect;
export type ChannelRow = typeof notificationChannels.$inferSelect;

// --- writing a message (inside the caller's transaction)

export async function insertMessage(tx: Db, row: typeof notificationMessages.$inferInsert): Promise<void> {
  await tx.insert(notificationMessages).values(row);
}

export async function insertInboxRows(tx: Db, rows: (typeof notifications.$inferInsert)[]): Promise<void> {
  if (rows.length) await tx.insert(notifications).values(rows).onConflictDoNothing();
}

export async function insertDeliveries(
  tx: Db,
  rows: (typeof notificationDeliveries.$inferInsert)[],
): Promise<void> {
  if (rows.length) await tx.insert(notificationDeliveries).values(rows);
}

/** The enabled outside channels of these users. */
export async function enabledChannelsOf(tx: Db, userIds: readonly string[]): Promise<ChannelRow[]> {
  if (userIds.length === 0) return [];
  return tx
    .select()
    .from(notificationChannels)
    .where(and(inArray(notificationChannels.userId, [...userIds]), eq(notificationChannels.enabled, true)));
}

/** The enabled robots that hear of a message at `orgPath`: the unit's own and its ancestors' with `subtree`. */
export async function webhooksFor(tx: Db, orgPath: string, event: string): Promise<WebhookRow[]> {
  return tx
    .select()
    .from(notificationWebhooks)
    .where(
      and(
        eq(notificationWebhooks.enabled, true),
        sql`(${notificationWebhooks.orgPath} = ${orgPath} or (${notificationWebhooks.subtree} and ${orgPath} like ${notificationWebhooks.orgPath} || '%'))`,
        sql`(jsonb_array_length(${notificationWebhooks.events}) = 0 or ${notificationWebhooks.events} ? ${event})`,
      ),
    );
}

// --- the inbox (own rows only)

export async function inboxPage(
  db: Db,
  userId: string,
  unreadOnly: boolean,
  page: PageQuery,
): Promise<Page<{ id: string; readAt: Date | null; createdAt: Date; message: MessageRow }>> {
  const where = and(eq(notifications.userId, userId), unreadOnly ? isNull(notifications.readAt) : undefined);
  const listed = await listPage(db, {
    table: notifications,
    where,
    orderBy: [desc(notifications.createdAt), desc(notifications.id)],
    page,
  });
  const ids = listed.items.map((r) => r.messageId);
  const messages = ids.length
    ? await db.select().from(notificationMessages).where(inArray(notificationMessages.id, ids))
    : [];
  const byId = new Map(messages.map((m) => [m.id, m]));
  return {
    ...listed,
    items: listed.items.flatMap((r) => {
      const message = byId.get(r.messageId);
      return message ? [{ id: r.id, readAt: r.readAt, createdAt: r.createdAt, message }] : [];
    }),
  };
}

export async function unreadCount(db: Db, userId: string): Promise<number> {
  return countWhere(db, notifications, and(eq(notifications.userId, userId), isNull(notifications.readAt)));
}

/** Marks the user's own rows read (one, or all with `id` undefined); returns how many changed. */
export async function markRead(db: Db, userId: string, now: Date, id?: string): Promise<number> {
  const rows = await db
    .update(notifications)
    .set({ readAt: now })
    .where(
      and(
        eq(notifications.userId, userId),
        isNull(notifications.readAt),
        id ? eq(notifications.id, id) : undefined,
      ),
    )
    .returning({ id: notifications.id });
  return rows.length;
}

export async function ownInboxRow(db: Db, userId: string, id: string) {
  const [row] = await db
    .select({ id: notifications.id })
    .from(notifications)
    .where(and(eq(notifications.userId, userId), eq(notifications.id, id)));
  return row;
}

// --- own channels

export async function channelsOf(db: Db, userId: string): Promise<ChannelRow[]> {
  return db.select().from(notificationChannels).where(eq(notificationChannels.userId, userId));
}

export async function upsertChannel(tx: Db, row: typeof notificationChannels.$inferInsert): Promise<void> {
  await upsertRow(
    tx,
    notificationChannels,
    [notificationChannels.userId, notificationChannels.channel],
    row,
    {
      enabled: row.enabled,
      targetEnc: row.targetEnc,
      targetMasked: row.targetMasked,
      updatedAt: row.updatedAt,
    },
  );
}

export async function deleteChannel(tx: Db, userId: string, channel: string): Promise<number> {
  const rows = await tx
    .delete(notificationChannels)
    .where(and(eq(notificationChannels.userId, userId), eq(notificationChannels.channel, channel)))
    .returning({ userId: notificationChannels.userId });
  return rows.length;
}

// --- robots (scoped)

const webhookScope = (actor: Actor): SQL => notificationsPolicy.scope(actor, 'manage');

/** A robot in the actor's `manage` reach; an id that is not a UUID is not found. */
export function findWebhook(db: Db, actor: Actor, id: string): Promise<WebhookRow | undefined> {
  return findRowInScope(db, notificationWebhooks, id, webhookScope(actor));
}

export async function webhookPage(
  db: Db,
  actor: Actor,
  filter: { orgPath?: string | undefined },
  page: PageQuery,
): Promise<Page<WebhookRow>> {
  return listPage(db, {
    table: notificationWebhooks,
    where: and(
      webhookScope(actor),
      filter.orgPath ? sql`${notificationWebhooks.orgPath} like ${`${filter.orgPath}%`}` : undefined,
    ),
    orderBy: [notificationWebhooks.orgPath, notificationWebhooks.name, notificationWebhooks.id],
    page,
  });
}

export const insertWebhook = rowInserter(notificationWebhooks);

export const updateWebhookRow = rowUpdater(notificationWebhooks);

export async function deleteWebhookRow(tx: Db, id: string): Promise<void> {
  await tx.delete(notificationWebhooks).where(eq(notificationWebhooks.id, id));
}

export function webhookById(db: Db, id: string): Promise<WebhookRow | undefined> {
  return firstRow(db, notificationWebhooks, eq(notificationWebhooks.id, id));
}

// --- the delivery log

export async function deliveryPage(
  db: Db,
  actor: Actor,
  filter: { status?: string | undefined; channel?: string | undefined },
  page: PageQuery,
): Promise<Page<DeliveryRow & { message: MessageRow | undefined }>> {
  const listed = await listPage(db, {
    table: notificationDeliveries,
    where: and(
      notificationsPolicy.scope(actor, 'manage', sql`coalesce(${notificationDeliveries.orgPath}, '/')`),
      filter.status ? eq(notificationDeliveries.status, filter.status) : undefined,
      filter.channel ? eq(notificationDeliveries.channel, filter.channel) : undefined,
    ),
    orderBy: [desc(notificationDeliveries.createdAt), desc(notificationDeliveries.id)],
    page,
  });
  const ids = [...new Set(listed.items.map((r) => r.messageId))];
  const messages = ids.length
    ? await db.select().from(notificationMessages).where(inArray(notificationMessages.id, ids))
    : [];
  const byId = new Map(messages.map((m) => [m.id, m]));
  return { ...listed, items: listed.items.map((r) => ({ ...r, message: byId.get(r.messageId) })) };
}

/** Up to `limit` deliveries due now, locked for this transaction (rows another process holds are skipped). */
export async function claimDueDeliveries(tx: Db, now: Date, limit: number) {
  return tx
    .select({ delivery: notificationDeliveries, message: notificationMessages })
    .from(notificationDeliveries)
    .innerJoin(notificationMessages, eq(notificationMessages.id, notificationDeliveries.messageId))
    .where(and(eq(notificationDeliveries.status, 'pending'), lte(notificationDeliveries.nextAttemptAt, now)))
    .orderBy(notificationDeliveries.nextAttemptAt)
    .limit(limit)
    .for('update', { of: notificationDeliveries, skipLocked: true });
}

export async function updateDelivery(
  tx: Db,
  id: string,
  patch: Partial<typeof notificationDeliveries.$inferInsert>,
): Promise<void> {
  await tx.update(notificationDeliveries).set(patch).where(eq(notificationDeliveries.id, id));
}

/** A user's channel address (encrypted), for sending. */
export async function channelTarget(
  db: Db,
  userId: string,
  channel: string,
): Promise<ChannelRow | undefined> {
  return firstRow(
    db,
    notificationChannels,
    and(eq(notificationChannels.userId, userId), eq(notificationChannels.channel, channel)),
  );
}
