import { chinaDayEnd, chinaWeekEnd } from '../../../shared/chinaTime';
import { and, asc, desc, eq, gte, ilike, inArray, lt, or, sql } from 'drizzle-orm';
import type { WorkOrderListQuery } from '../../../shared/contracts/workOrders';
import { OPEN_STATUSES, type WoStatus } from '../../../shared/contracts/workOrderMachine';
import { rowsOfParent } from '../../platform/rowsOfParents';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { isUuid } from '../../platform/ids';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, escapeLike } from '../../platform/permissions';
import { finderInScope } from '../../platform/rowAccessors';
import { workOrdersPolicy } from './workOrders.policy';
import { woAttachments, woEvents, woFollowups, woParticipants, workOrders } from './workOrders.table';

/**
 * Reads of work orders for staff. Every read takes the actor and the action it is for and ANDs the
 * policy's scope (handling unit OR dispatching subdistrict) into its `where`: an order out of reach is
 * not found, the same as one that does not exist (404, never 403). The rows of an order's timeline,
 * participants and follow-ups are read only for an order already found this way.
 */
export type OrderRow = typeof workOrders.$inferSelect;

/** One order in reach for `action`, or undefined (also for an id that is not a UUID). */
export const findOrderRow = finderInScope(workOrdersPolicy, workOrders);

/** An attachment by id (undefined for an id that is not a UUID); its order decides who may open it. */
export async function findAttachment(db: Db, id: string) {
  if (!isUuid(id)) return undefined;
  return firstRow(db, woAttachments, eq(woAttachments.id, id));
}

/** The order of each of the given attachments that exist (null: uploaded, not attached yet). */
export function attachmentOwners(db: Db, ids: string[]) {
  return db
    .select({ id: woAttachments.id, orderId: woAttachments.orderId })
    .from(woAttachments)
    .where(inArray(woAttachments.id, ids));
}

/** An order's timeline, oldest first (for an order found in scope, or its requester's public view). */
export function orderEventRows(db: Db, orderId: string) {
  return rowsOfParent(db, woEvents, woEvents.orderId, orderId, asc(woEvents.at), asc(woEvents.id));
}

/**
 * An order by its number, in any scope: for the requester's pages only, whose caller then checks the
 * tracking token or the requester's login (and answers 404 when neither matches).
 */
export async function orderByNumberForRequester(db: Db, number: string): Promise<OrderRow | undefined> {
  return firstRow(db, workOrders, eq(workOrders.number, number.toUpperCase()));
}

/** The timeline, called departments and follow-ups of an order found in scope. */
export async function orderDetailRows(db: Db, orderId: string) {
  const [timeline, participants, followups] = await Promise.all([
    orderEventRows(db, orderId),
    db
      .select()
      .from(woParticipants)
      .where(eq(woParticipants.orderId, orderId))
      .orderBy(asc(woParticipants.calledAt)),
    db.select().from(woFollowups).where(eq(woFollowups.orderId, orderId)).orderBy(asc(woFollowups.cycle)),
  ]);
  return { timeline, participants, followups };
}

/**
 * One page of the orders in reach for reading that match the list's view and filters; `unitPath` is a
 * unit the caller found in scope (orders handled or dispatched under it).
 */
export function listOrderRows(
  db: Db,
  actor: Actor,
  q: WorkOrderListQuery,
  now: Date,
  unitPath?: string,
): Promise<Page<OrderRow>> {
  const open = inArray(workOrders.status, [...OPEN_STATUSES]);
  // The states in which an order's time limit runs.
  const DUE_STATUSES: WoStatus[] = [
    'submitted',
    'dispatched',
    'in_progress',
    'return_requested',
    'extension_pending',
  ];
  const view = {
    all: undefined,
    intake: inArray(workOrders.status, ['submitted', 'return_requested', 'extension_pending']),
    // The orders the actor's own unit handles.
    mine: and(
      inArray(workOrders.status, ['dispatched', 'in_progress', 'extension_pending']),
      workOrdersPolicy.scope(actor, 'handle', workOrders.orgPath),
    ),
    overdue: and(inArray(workOrders.status, DUE_STATUSES), lt(workOrders.dueAt, now)),
    due_soon: and(
      inArray(workOrders.status, ['dispatched', 'in_progress', 'extension_pending']),
      gte(workOrders.dueAt, now),
      lt(workOrders.dueAt, new Date(now.getTime() + 24 * 3_600_000)),
    ),
    // Still in time but due before the end of today / of this week (Monday to Sunday), China time.
    due_today: and(
      inArray(workOrders.status, DUE_STATUSES),
      gte(workOrders.dueAt, now),
      lt(workOrders.dueAt, chinaDayEnd(now)),
    ),
    due_week: and(
      inArray(workOrders.status, DUE_STATUSES),
      gte(workOrders.dueAt, now),
      lt(workOrders.dueAt, chinaWeekEnd(now)),
    ),
    supervised: and(open, eq(workOrders.supervised, true)),
  }[q.view];
  const where = and(
    workOrdersPolicy.scope(actor, 'read'),
    view,
    q.status?.length ? inArray(workOrders.status, q.status) : undefined,
    q.categoryCode ? eq(workOrders.categoryCode, q.categoryCode) : undefined,
    q.priority ? eq(workOrders.priority, q.priority) : undefined,
    unitPath
      ? or(
          sql`${workOrders.orgPath} like ${`${escapeLike(unitPath)}%`}`,
          sql`${workOrders.dispatchPath} like ${`${escapeLike(unitPath)}%`}`,
        )
      : undefined,
    q.from ? gte(workOrders.createdAt, q.from) : undefined,
    q.to ? lt(workOrders.createdAt, q.to) : undefined,
    q.q
      ? or(eq(workOrders.number, q.q.toUpperCase()), ilike(workOrders.description, `%${escapeLike(q.q)}%`))
      : undefined,
  );
  return listPage(db, {
    table: workOrders,
    where,
    orderBy:
      q.view === 'overdue' || q.view === 'due_soon' || q.view === 'due_today' || q.view === 'due_week'
        ? [asc(workOrders.dueAt), asc(workOrders.id)]
        : q.view === 'intake' || q.view === 'mine'
          ? // Work queues: emergencies first, then key matters (R-WO-3), newest first within each.
            [
              sql`case ${workOrders.priority} when 'emergency' then 0 when 'key' then 1 else 2 end`,
              desc(workOrders.createdAt),
              desc(workOrders.id),
            ]
          : [desc(workOrders.createdAt), desc(workOrders.id)],
    page: q,
  });
}

/** Orders of one category in one community received in [from, to), in reach for `read`: the count and the newest `limit`. */
export async function ordersOfCategoryRows(
  db: Db,
  actor: Actor,
  q: { categoryCode: string; communityId: string; from: Date; to: Date; limit: number },
) {
  const where = and(
    workOrdersPolicy.scope(actor, 'read'),
    eq(workOrders.categoryCode, q.categoryCode),
    eq(workOrders.communityId, q.communityId),
    gte(workOrders.createdAt, q.from),
    lt(workOrders.createdAt, q.to),
  );
  const [[n], rows] = await Promise.all([
    db.select({ n: sql<number>`count(*)::int` }).from(workOrders).where(where),
    db
      .select({
        id: workOrders.id,
        number: workOrders.number,
        description: workOrders.description,
        status: workOrders.status,
        receivedAt: workOrders.createdAt,
      })
      .from(workOrders)
      .where(where)
      .orderBy(desc(workOrders.createdAt))
      .limit(q.limit),
  ]);
  return { total: Number(n?.n ?? 0), rows };
}

// ---------------------------------------------------------------- rows of an order already found or locked
// The use cases, the SLA steps and the rollups reach these only for an order they found in scope (above)
// or locked in the workflow's transaction: no scope of their own.

/** A timeline entry as stored. */
export type OrderEventRow = typeof woEvents.$inferSelect;
/** A new timeline entry. */
export type NewOrderEventRow = typeof woEvents.$inferInsert;
/** A department called in on an order (吹哨), as stored. */
export type ParticipantRow = typeof woParticipants.$inferSelect;
/** A follow-up (回访) as stored. */
export type FollowupRow = typeof woFollowups.$inferSelect;

/** Updates an order the caller found or locked (no version check; the caller sets `version` when it moves it). */
export async function updateOrderRow(tx: Db, id: string, patch: Partial<typeof workOrders.$inferInsert>) {
  await tx.update(workOrders).set(patch).where(eq(workOrders.id, id));
}

/** Counts one more reminder (催办) on a locked order. */
export async function addOrderReminder(tx: Db, id: string, now: Date) {
  await tx
    .update(workOrders)
    .set({ reminders: sql`${workOrders.reminders} + 1`, updatedAt: now })
    .where(eq(workOrders.id, id));
}

/** Appends entries to orders' timelines. */
export async function insertOrderEvents(tx: Db, rows: NewOrderEventRow | NewOrderEventRow[]) {
  await tx.insert(woEvents).values(Array.isArray(rows) ? rows : [rows]);
}

/** An order by id in any scope, or undefined: for a step that already holds the order's lock (the SLA sweep). */
export function orderRowById(db: Db, id: string): Promise<OrderRow | undefined> {
  return firstRow(db, workOrders, eq(workOrders.id, id));
}

/** The follow-up (回访) rows of an order found or locked by the caller, in no particular order. */
export function followupRowsOf(db: Db, orderId: string) {
  return db.select().from(woFollowups).where(eq(woFollowups.orderId, orderId));
}

/** Attaches uploaded attachments (checked by the caller) to an order. */
export async function attachToOrder(tx: Db, orderId: string, attachmentIds: string[]) {
  await tx.update(woAttachments).set({ orderId }).where(inArray(woAttachments.id, attachmentIds));
}

/** Calls departments in (吹哨) on an order: their participant rows. */
export async function insertParticipants(tx: Db, rows: (typeof woParticipants.$inferInsert)[]) {
  await tx.insert(woParticipants).values(rows);
}

/** A department called in on this order, by its participant id, or undefined. */
export async function participantOfOrder(db: Db, orderId: string, participantId: string) {
  const [p] = await db
    .select()
    .from(woParticipants)
    .where(and(eq(woParticipants.id, participantId), eq(woParticipants.orderId, orderId)));
  return p;
}

/** Records a called department's report back (报到). */
export async function markParticipantReported(tx: Db, id: string, report: string, now: Date) {
  await tx
    .update(woParticipants)
    .set({ status: 'reported', report, reportedAt: now })
    .where(eq(woParticipants.id, id));
}

/** Inserts a follow-up (回访) row unless it conflicts with one already there; whether it was inserted. */
export async function insertFollowupOnce(tx: Db, row: typeof woFollowups.$inferInsert): Promise<boolean> {
  const inserted = await tx.insert(woFollowups).values(row).onConflictDoNothing().returning();
  return inserted.length > 0;
}
