import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { SO_LOAD_STATUSES } from '../../../shared/contracts/serviceOrderMachine';
import { type Db, rowsOf } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { lockRow, rowInserter } from '../../platform/rowAccessors';
import { rowsOfParent } from '../../platform/rowsOfParents';
import { openOrderCounts } from './services.lists.repository';
import { upsertRow } from '../../platform/upsertRow';
import {
  svcNeeds,
  svcOrderEvents,
  svcOrderNumberSeq,
  svcOrders,
  svcProjects,
  svcSettings,
} from './services.table';

/**
 * Writes of service orders, their timeline, the needs they answer and the communities' settings, and the
 * reads `services.orders.ts` makes once it has found the order (or the community) in reach
 * (services.repository.ts's finders ANDing the policy's scope in); these only read and write.
 */

/** A community's order settings (accept time), or undefined when it has none. */
export function settingsRow(db: Db, communityId: string) {
  return firstRow(db, svcSettings, eq(svcSettings.orgUnitId, communityId));
}

/** Stores a community's order settings (inserted, or `set` on the one there). */
export function upsertSettings(
  db: Db,
  communityId: string,
  set: { acceptTimeoutHours: number; updatedAt: Date },
) {
  return upsertRow(db, svcSettings, svcSettings.orgUnitId, { orgUnitId: communityId, ...set }, set);
}

/** An order's timeline entries, oldest first. */
export function orderEventRows(db: Db, orderId: string) {
  return rowsOfParent(
    db,
    svcOrderEvents,
    svcOrderEvents.orderId,
    orderId,
    asc(svcOrderEvents.at),
    asc(svcOrderEvents.id),
  );
}

/** Adds an entry to an order's timeline. */
export async function insertOrderEvent(db: Db, values: typeof svcOrderEvents.$inferInsert): Promise<void> {
  await db.insert(svcOrderEvents).values(values);
}

/** The order a login placed with this request key (a repeated request), or undefined. */
export async function orderByRequestKey(db: Db, userId: string, requestKey: string) {
  const [o] = await db
    .select()
    .from(svcOrders)
    .where(and(eq(svcOrders.orderedBy, userId), eq(svcOrders.requestKey, requestKey)));
  return o;
}

/** Locks the project's row (FOR UPDATE) until the transaction ends: orders of it are counted one at a time. */
export function lockProjectRow(tx: Db, projectId: string): Promise<void> {
  return lockRow(tx, svcProjects, projectId);
}

/** How many orders of the project are open (ordered, dispatched, accepted, in service or served). */
export async function openOrderCountOfProject(db: Db, projectId: string): Promise<number> {
  return (await openOrderCounts(db, [projectId])).get(projectId) ?? 0;
}

/** The next value of the order number sequence. */
export async function nextOrderNumber(tx: Db): Promise<number> {
  const seq = rowsOf<{ n: string | number }>(
    await tx.execute(sql`select nextval(${sql.raw(`'${svcOrderNumberSeq.seqName}'`)})::bigint as n`),
  );
  return Number(seq[0]!.n);
}

/** Changes a need's status (and the order it is matched to). */
export async function setNeedFields(
  db: Db,
  needId: string,
  set: { status: string; orderId?: string | null; updatedAt: Date },
): Promise<void> {
  await db.update(svcNeeds).set(set).where(eq(svcNeeds.id, needId));
}

/** Inserts one order and returns it. */
export const insertOrder = rowInserter(svcOrders);

/** Records the minutes the time bank paid for the order. */
export async function setOrderTimePaid(db: Db, orderId: string, minutes: number): Promise<void> {
  await db.update(svcOrders).set({ timePaidMinutes: minutes }).where(eq(svcOrders.id, orderId));
}

/** The orders assigned to a login: open, served, minutes served and the average rating. */
export async function assigneeSummaryRow(db: Db, userId: string) {
  const [s] = await db
    .select({
      open: sql<number>`count(*) filter (where ${svcOrders.status} in ('dispatched','accepted','in_service'))::int`,
      served: sql<number>`count(*) filter (where ${svcOrders.status} in ('served','confirmed','closed'))::int`,
      minutes: sql<number>`coalesce(sum(${svcOrders.servedMinutes}) filter (where ${svcOrders.status} in ('served','confirmed','closed')), 0)::int`,
      rating: sql<number | null>`round(avg(${svcOrders.rating})::numeric, 2)::float8`,
    })
    .from(svcOrders)
    .where(eq(svcOrders.assigneeUserId, userId));
  return s;
}

/** The current load (orders dispatched, accepted or in service) of each assignee in a community. */
export function assigneeLoadsOfCommunity(db: Db, communityId: string) {
  return db
    .select({ id: svcOrders.assigneeId, n: sql<number>`count(*)::int` })
    .from(svcOrders)
    .where(and(eq(svcOrders.communityId, communityId), inArray(svcOrders.status, [...SO_LOAD_STATUSES])))
    .groupBy(svcOrders.assigneeId);
}
