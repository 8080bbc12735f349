import { type SQL, and, asc, desc, eq, gt, gte, inArray, isNotNull, isNull, lt, ne, sql } from 'drizzle-orm';
import type {
  PointListQuery,
  RedemptionListQuery,
  SettlementListQuery,
} from '../../../shared/contracts/merchants';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { rowsOfParent } from '../../platform/rowsOfParents';
import { countsBy } from '../../platform/figureQuery';
import { namesById } from '../../platform/namesById';
import { type Db, rowsOf } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { isUuid } from '../../platform/ids';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, escapeLike, underPath } from '../../platform/permissions';
import { insertRow } from '../../platform/rows';
import { rowInserter, rowUpdater } from '../../platform/rowAccessors';
import { userFieldSql } from '../accounts/accounts.api';
import { unitsOfKindOverJoinSql } from '../org/org.api';
import {
  DAY,
  endOfChinaDay,
  type ItemRow,
  type PointRow,
  type RedemptionRow,
  type SettlementRow,
} from './merchants.common';
import { type Access, isMerchantLogin, merchantsPolicy, pointScope } from './merchants.policy';
import {
  merchantSettlements,
  redemptionCodes,
  redemptionItems,
  redemptionLines,
  redemptionPointUsers,
  redemptionPoints,
  redemptions,
} from './merchants.table';

/**
 * Reads of redemption points, redemptions and settlements for an actor: each takes what it is for and
 * ANDs the policy's scope in (`pointScope`: staff over their subtree, a merchant login at its linked
 * points), so a record out of reach is not found (404), the same as one that does not exist.
 */
/** Rows under `path` (the platform's underPath), or no condition when no unit is given. */
const under = (column: AnyPgColumn, path?: string) => (path ? underPath(column, path) : undefined);

/** The points a merchant login is linked to (none for staff). */
export async function linkedPointIds(db: Db, actor: Actor): Promise<string[]> {
  if (!isMerchantLogin(actor)) return [];
  const rows = await db
    .select({ pointId: redemptionPointUsers.pointId })
    .from(redemptionPointUsers)
    .where(eq(redemptionPointUsers.userId, actor.userId));
  return rows.map((r) => r.pointId);
}

/** A point in reach for `access`, or undefined (also for an id that is not a UUID). */
export async function findPointRow(
  db: Db,
  actor: Actor,
  linked: string[],
  access: Access,
  id: string,
): Promise<PointRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(db, redemptionPoints, and(eq(redemptionPoints.id, id), pointScope(actor, linked, access)));
}

/** One page of the points in reach (`read`) matching the filters; `unitPath`: a unit found in scope. */
export function listPointRows(
  db: Db,
  actor: Actor,
  linked: string[],
  q: PointListQuery,
  unitPath?: string,
): Promise<Page<PointRow>> {
  return listPage(db, {
    table: redemptionPoints,
    where: and(
      pointScope(actor, linked, 'read'),
      under(redemptionPoints.orgPath, unitPath),
      q.q ? sql`${redemptionPoints.name} ilike ${`%${escapeLike(q.q)}%`}` : undefined,
      q.kind ? eq(redemptionPoints.kind, q.kind) : undefined,
      q.status ? eq(redemptionPoints.status, q.status) : undefined,
      q.year
        ? sql`${redemptionPoints.registeredOn} >= ${`${q.year}-01-01`} and ${redemptionPoints.registeredOn} <= ${`${q.year}-12-31`}`
        : undefined,
    ),
    orderBy: [desc(redemptionPoints.registeredOn), asc(redemptionPoints.name), asc(redemptionPoints.id)],
    page: q,
  });
}

/** The active catalogue items of the given points (none when there are no points), in the given order. */
async function activeItemsAt(db: Db, points: { id: string }[], ...order: SQL[]): Promise<ItemRow[]> {
  if (points.length === 0) return [];
  return db
    .select()
    .from(redemptionItems)
    .where(
      and(
        inArray(
          redemptionItems.pointId,
          points.map((p) => p.id),
        ),
        eq(redemptionItems.active, true),
      ),
    )
    .orderBy(...order);
}

/** The active points whose counter the actor works, with their active catalogue items. */
export async function counterPointRows(db: Db, actor: Actor, linked: string[]) {
  const points = await db
    .select()
    .from(redemptionPoints)
    .where(and(eq(redemptionPoints.status, 'active'), pointScope(actor, linked, 'counter')))
    .orderBy(asc(redemptionPoints.kind), asc(redemptionPoints.name))
    .limit(200);
  const items = await activeItemsAt(db, points, asc(redemptionItems.category), asc(redemptionItems.name));
  return { points, items };
}

/** One page of the redemptions at points in reach (`read`) matching the filters, newest first. */
export function listRedemptionRows(
  db: Db,
  actor: Actor,
  linked: string[],
  q: RedemptionListQuery,
  unitPath?: string,
): Promise<Page<RedemptionRow>> {
  return listPage(db, {
    table: redemptions,
    where: and(
      pointScope(actor, linked, 'read', { pointId: redemptions.pointId, path: redemptions.orgPath }),
      under(redemptions.orgPath, unitPath),
      q.pointId ? eq(redemptions.pointId, q.pointId) : undefined,
      q.settled === true
        ? isNotNull(redemptions.settlementId)
        : q.settled === false
          ? and(isNull(redemptions.settlementId), isNull(redemptions.reversedAt))
          : undefined,
      q.from ? gte(redemptions.redeemedAt, new Date(endOfChinaDay(q.from).getTime() - DAY)) : undefined,
      q.to ? lt(redemptions.redeemedAt, endOfChinaDay(q.to)) : undefined,
    ),
    orderBy: [desc(redemptions.redeemedAt), desc(redemptions.id)],
    page: q,
  });
}

/** One page (or with `all`, up to 50,000) of the settlements in reach (`manage`), newest first. */
export function listSettlementRows(
  db: Db,
  actor: Actor,
  q: SettlementListQuery,
  unitPath: string | undefined,
  all: boolean,
): Promise<Page<SettlementRow>> {
  return listPage(db, {
    table: merchantSettlements,
    where: and(
      merchantsPolicy.scope(actor, 'manage', merchantSettlements.orgPath),
      under(merchantSettlements.orgPath, unitPath),
      q.pointId ? eq(merchantSettlements.pointId, q.pointId) : undefined,
      q.from ? sql`${merchantSettlements.upTo} >= ${q.from}` : undefined,
      q.to ? sql`${merchantSettlements.upTo} <= ${q.to}` : undefined,
    ),
    orderBy: [desc(merchantSettlements.createdAt), desc(merchantSettlements.id)],
    page: all ? { page: 1, pageSize: 50_000 } : q,
  });
}

/**
 * The R-VP-1 report's figures over the points the actor manages (under `unitPath` when given): new
 * points per subdistrict and year (the five years up to `year`), and over [from, to) points redeemed
 * per point and month, the ten most redeemed items, totals, and the active points.
 */
export async function reportFigures(
  db: Db,
  actor: Actor,
  q: { year: number; from: Date; to: Date },
  unitPath?: string,
) {
  const subtree = unitPath ? sql`p.org_path like ${`${escapeLike(unitPath)}%`}` : sql`true`;
  const scope = merchantsPolicy.scope(actor, 'manage', sql`p.org_path`);
  const { year, from, to } = q;
  const perYear = rowsOf<{ sid: string; sname: string; spath: string; y: number; n: number }>(
    await db.execute(sql`
      select s.id as sid, s.name as sname, s.path as spath, extract(year from p.registered_on)::int as y, count(*)::int as n
      from redemption_points p
      ${unitsOfKindOverJoinSql('s', 'subdistrict', sql`p.org_path`)}
      where ${scope} and ${subtree}
        and extract(year from p.registered_on) between ${year - 4} and ${year}
      group by s.id, s.name, s.path, y
      order by s.name, y`),
  );
  const byPointMonth = rowsOf<{ pid: string; pname: string; m: string; pts: number; n: number }>(
    await db.execute(sql`
      select p.id as pid, p.name as pname,
        to_char(r.redeemed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as m,
        sum(r.total_points)::int as pts, count(*)::int as n
      from redemptions r join redemption_points p on p.id = r.point_id
      where ${scope} and ${subtree}
        and r.redeemed_at >= ${from.toISOString()} and r.redeemed_at < ${to.toISOString()}
      group by p.id, p.name, m
      order by m, p.name`),
  );
  const topItems = rowsOf<{ name: string; q: number; pts: number }>(
    await db.execute(sql`
      select l.item_name as name, sum(l.quantity)::int as q, sum(l.points)::int as pts
      from redemption_lines l
      join redemptions r on r.id = l.redemption_id
      join redemption_points p on p.id = r.point_id
      where ${scope} and ${subtree}
        and r.redeemed_at >= ${from.toISOString()} and r.redeemed_at < ${to.toISOString()}
      group by l.item_name
      order by q desc, pts desc, name
      limit 10`),
  );
  const [tot] = rowsOf<{ pts: number; n: number; settled: number }>(
    await db.execute(sql`
      select coalesce(sum(r.total_points), 0)::int as pts, count(*)::int as n,
        coalesce(sum(r.total_points) filter (where r.settlement_id is not null), 0)::int as settled
      from redemptions r join redemption_points p on p.id = r.point_id
      where ${scope} and ${subtree} and r.reversed_at is null
        and r.redeemed_at >= ${from.toISOString()} and r.redeemed_at < ${to.toISOString()}`),
  );
  const [active] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from redemption_points p where ${scope} and ${subtree} and p.status = 'active'`,
    ),
  );
  return { perYear, byPointMonth, topItems, tot, active };
}

/** Point names by id (any scope: the caller has already found the rows that name them). */
export function pointNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  return namesById(db, redemptionPoints, redemptionPoints.name, ids);
}

// ─── Points, catalogues and counter logins (writes take rows the caller found in scope) ──────────

/** Per point: how many catalogue items, and how many redeemed points are not yet settled. */
export async function pointFigures(db: Db, ids: string[]) {
  if (ids.length === 0) return { items: new Map<string, number>(), unsettled: new Map<string, number>() };
  const [items, unsettled] = await Promise.all([
    countsBy(db, redemptionItems, redemptionItems.pointId, ids),
    db
      .select({ pointId: redemptions.pointId, n: sql<number>`coalesce(sum(total_points), 0)::int` })
      .from(redemptions)
      .where(
        and(
          inArray(redemptions.pointId, ids),
          isNull(redemptions.settlementId),
          isNull(redemptions.reversedAt),
        ),
      )
      .groupBy(redemptions.pointId),
  ]);
  return {
    items,
    unsettled: new Map(unsettled.map((c) => [c.pointId, c.n])),
  };
}

/** Whether another point already carries this unified social credit code (codes are global). */
export async function usccTakenBy(db: Db, uscc: string, exceptId?: string): Promise<boolean> {
  const [dup] = await db
    .select({ id: redemptionPoints.id })
    .from(redemptionPoints)
    .where(and(eq(redemptionPoints.uscc, uscc), exceptId ? ne(redemptionPoints.id, exceptId) : undefined));
  return !!dup;
}

export const insertPoint = rowInserter(redemptionPoints);

export const updatePointRow = rowUpdater(redemptionPoints);

/** A point's catalogue: active items first, by category and name. */
export function itemRowsOf(db: Db, pointId: string): Promise<ItemRow[]> {
  return rowsOfParent(
    db,
    redemptionItems,
    redemptionItems.pointId,
    pointId,
    desc(redemptionItems.active),
    asc(redemptionItems.category),
    asc(redemptionItems.name),
  );
}

/** An item by id (the caller then finds its point in scope), locked `for update` when asked. */
export async function itemById(db: Db, id: string, forUpdate = false): Promise<ItemRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db.select().from(redemptionItems).where(eq(redemptionItems.id, id));
  const [item] = forUpdate ? await q.for('update') : await q;
  return item;
}

export const insertItem = rowInserter(redemptionItems);

export const updateItemRow = rowUpdater(redemptionItems);

/** The logins linked to a point's counter, by username (users that no longer exist left out). */
export function operatorsOf(db: Db, pointId: string) {
  return db
    .select({
      userId: redemptionPointUsers.userId,
      username: sql<string>`${userFieldSql(redemptionPointUsers.userId, 'username')}`,
      displayName: sql<string>`${userFieldSql(redemptionPointUsers.userId, 'displayName')}`,
      linkedAt: redemptionPointUsers.createdAt,
    })
    .from(redemptionPointUsers)
    .where(
      and(
        eq(redemptionPointUsers.pointId, pointId),
        sql`${userFieldSql(redemptionPointUsers.userId, 'username')} is not null`,
      ),
    )
    .orderBy(asc(userFieldSql(redemptionPointUsers.userId, 'username')));
}

/** The point a login is linked to, if any (a login works one counter). */
export function linkOfUser(db: Db, userId: string) {
  return firstRow(db, redemptionPointUsers, eq(redemptionPointUsers.userId, userId));
}

export async function insertLink(db: Db, values: typeof redemptionPointUsers.$inferInsert): Promise<void> {
  await db.insert(redemptionPointUsers).values(values);
}

/** Unlinks a login from a point; false when it was not linked. */
export async function deleteLink(db: Db, pointId: string, userId: string): Promise<boolean> {
  const gone = await db
    .delete(redemptionPointUsers)
    .where(and(eq(redemptionPointUsers.pointId, pointId), eq(redemptionPointUsers.userId, userId)))
    .returning();
  return gone.length > 0;
}

// ─── Settlements ─────────────────────────────────────────────────────────────────────────────────

/** The settlement made under an idempotency key, if any (the caller checks it is the same request). */
export function settlementByKey(db: Db, key: string): Promise<SettlementRow | undefined> {
  return firstRow(db, merchantSettlements, eq(merchantSettlements.idempotencyKey, key));
}

/** Holds the point's settlement lock for the rest of the transaction (settlements of a point in turn). */
export async function lockPointSettlements(tx: Db, pointId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`merchants.settle:${pointId}`}))`);
}

/** A redemption in the actor's `manage` scope, locked `for update` (reversal). */
export async function lockRedemptionToManage(
  tx: Db,
  actor: Actor,
  id: string,
): Promise<RedemptionRow | undefined> {
  const [row] = await tx
    .select()
    .from(redemptions)
    .where(
      and(
        eq(redemptions.id, id),
        pointScope(actor, [], 'manage', { pointId: redemptions.pointId, path: redemptions.orgPath }),
      ),
    )
    .for('update');
  return row;
}

/** Records a redemption's reversal once (only while unsettled and not yet reversed). */
export async function markReversed(
  tx: Db,
  id: string,
  v: { at: Date; by: string; byName: string; reason: string; transactionId: string },
): Promise<RedemptionRow | undefined> {
  const [row] = await tx
    .update(redemptions)
    .set({
      reversedAt: v.at,
      reversedBy: v.by,
      reversedByName: v.byName,
      reverseReason: v.reason,
      reversalTransactionId: v.transactionId,
    })
    .where(and(eq(redemptions.id, id), isNull(redemptions.reversedAt), isNull(redemptions.settlementId)))
    .returning();
  return row;
}

/** Puts reversed quantities back in stock. */
export async function returnStock(tx: Db, itemId: string, quantity: number, at: Date): Promise<void> {
  await tx
    .update(redemptionItems)
    .set({ stock: sql`${redemptionItems.stock} + ${quantity}`, updatedAt: at })
    .where(eq(redemptionItems.id, itemId));
}

/** A settlement's number (for the refusal to reverse a settled redemption). */
export async function settlementNumber(db: Db, id: string): Promise<string | null> {
  const [row] = await db
    .select({ number: merchantSettlements.number })
    .from(merchantSettlements)
    .where(eq(merchantSettlements.id, id));
  return row?.number ?? null;
}

/** A point's unsettled redemptions before `before`, locked `for update`. */
export function dueRedemptions(tx: Db, pointId: string, before: Date): Promise<RedemptionRow[]> {
  return tx
    .select()
    .from(redemptions)
    .where(
      and(
        eq(redemptions.pointId, pointId),
        isNull(redemptions.settlementId),
        // A reversed redemption's points went back to the holder: nothing to settle.
        isNull(redemptions.reversedAt),
        lt(redemptions.redeemedAt, before),
      ),
    )
    .orderBy(asc(redemptions.id))
    .for('update');
}

export const insertSettlement = rowInserter(merchantSettlements);

/** Marks still-unsettled redemptions as settled by `settlementId`; returns how many were marked. */
export async function markSettled(tx: Db, ids: string[], settlementId: string): Promise<number> {
  const marked = await tx
    .update(redemptions)
    .set({ settlementId })
    .where(and(inArray(redemptions.id, ids), isNull(redemptions.settlementId)))
    .returning({ id: redemptions.id });
  return marked.length;
}

// ─── Codes and redemptions (the holder's phone and the counter) ──────────────────────────────────

/** How many of these items are active in the point's catalogue. */
export async function activeItemCount(db: Db, pointId: string, itemIds: string[]): Promise<number> {
  const rows = await db
    .select({ id: redemptionItems.id })
    .from(redemptionItems)
    .where(
      and(
        inArray(redemptionItems.id, itemIds),
        eq(redemptionItems.pointId, pointId),
        eq(redemptionItems.active, true),
      ),
    );
  return rows.length;
}

/** An active point by id, in any scope (a holder may redeem anywhere), or undefined. */
export async function activePointById(db: Db, id: string): Promise<PointRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(
    db,
    redemptionPoints,
    and(eq(redemptionPoints.id, id), eq(redemptionPoints.status, 'active')),
  );
}

/** Whether a live (unused, unexpired) code has this hash. */
export async function liveCodeExists(db: Db, hash: string, now: Date): Promise<boolean> {
  const [clash] = await db
    .select({ id: redemptionCodes.id })
    .from(redemptionCodes)
    .where(
      and(
        eq(redemptionCodes.codeHash, hash),
        isNull(redemptionCodes.usedAt),
        gt(redemptionCodes.expiresAt, now),
      ),
    );
  return !!clash;
}

/** Retires a login's live codes and stores a new one. */
export async function replaceCodes(tx: Db, values: NewCode, now: Date): Promise<void> {
  await tx
    .update(redemptionCodes)
    .set({ expiresAt: now })
    .where(
      and(
        eq(redemptionCodes.userId, values.userId),
        isNull(redemptionCodes.usedAt),
        gt(redemptionCodes.expiresAt, now),
      ),
    );
  await tx.insert(redemptionCodes).values(values);
}

export type NewCode = typeof redemptionCodes.$inferInsert;
export type CodeRow = typeof redemptionCodes.$inferSelect;

/** The newest code with this hash (locked `for update` when asked), or undefined. */
export async function newestCodeByHash(db: Db, hash: string, lock: boolean) {
  const q = db
    .select()
    .from(redemptionCodes)
    .where(eq(redemptionCodes.codeHash, hash))
    .orderBy(desc(redemptionCodes.createdAt))
    .limit(1);
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export async function markCodeUsed(tx: Db, id: string, redemptionId: string, at: Date): Promise<void> {
  await tx.update(redemptionCodes).set({ usedAt: at, redemptionId }).where(eq(redemptionCodes.id, id));
}

/** The active points under `rootPath` (the holder's neighbourhood) with their active items, by price. */
export async function nearbyPointRows(db: Db, rootPath: string) {
  const points = await db
    .select()
    .from(redemptionPoints)
    .where(and(eq(redemptionPoints.status, 'active'), underPath(redemptionPoints.orgPath, rootPath)))
    .orderBy(asc(redemptionPoints.name))
    .limit(100);
  const items = await activeItemsAt(db, points, asc(redemptionItems.pricePoints), asc(redemptionItems.name));
  return { points, items };
}

/** A volunteer's latest redemptions (theirs: the holder's own phone page). */
export function recentRedemptionsOf(db: Db, volunteerId: string, limit: number): Promise<RedemptionRow[]> {
  return db
    .select()
    .from(redemptions)
    .where(eq(redemptions.volunteerId, volunteerId))
    .orderBy(desc(redemptions.redeemedAt))
    .limit(limit);
}

/** The lines of these redemptions, by item name. */
export function linesOf(db: Db, redemptionIds: string[]) {
  return db
    .select()
    .from(redemptionLines)
    .where(inArray(redemptionLines.redemptionId, redemptionIds))
    .orderBy(asc(redemptionLines.itemName));
}

/** The redemption made under an idempotency key, if any (the caller checks it is the same request). */
export function redemptionByKey(db: Db, key: string): Promise<RedemptionRow | undefined> {
  return firstRow(db, redemptions, eq(redemptions.idempotencyKey, key));
}

/** Queues requests with the same idempotency key for the rest of the transaction. */
export async function lockRedemptionKey(tx: Db, key: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`merchants.redeem:${key}`}))`);
}

/** The point's items with these ids, locked `for update` in id order (stock is decremented next). */
export function lockItems(tx: Db, pointId: string, itemIds: string[]): Promise<ItemRow[]> {
  return tx
    .select()
    .from(redemptionItems)
    .where(and(inArray(redemptionItems.id, itemIds), eq(redemptionItems.pointId, pointId)))
    .orderBy(asc(redemptionItems.id))
    .for('update');
}

export async function takeStock(tx: Db, itemId: string, quantity: number, at: Date): Promise<void> {
  await tx
    .update(redemptionItems)
    .set({ stock: sql`${redemptionItems.stock} - ${quantity}`, updatedAt: at })
    .where(eq(redemptionItems.id, itemId));
}

/** Stores a redemption and its lines. */
export async function insertRedemption(
  tx: Db,
  values: typeof redemptions.$inferInsert,
  lines: (typeof redemptionLines.$inferInsert)[],
): Promise<RedemptionRow> {
  const row = await insertRow(tx, redemptions, values);
  await tx.insert(redemptionLines).values(lines);
  return row;
}
