import { type SQL, and, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import { OPEN_STATUSES } from '../../../shared/contracts/workOrderMachine';
import type { auditRow } from '../../platform/audit';
import { auditLog } from '../../platform/audit.table';
import { type Db, executePrepared, rowsOf } from '../../platform/db';
import { unitPathAtTreeVersionSql } from '../org/org.api';
import type { NewOrderEventRow, OrderRow } from './workOrders.repository';
import { woAttachments, woCategories, woEvents, woNumberSeq, workOrders } from './workOrders.table';

/**
 * The intake's writes (`intake` in workOrders.usecases.ts): the order, its timeline, its attachments, its
 * audit row and its rollup counters in one statement, and the nearby open orders it may duplicate.
 */

/** An open order near a new one's point: a candidate duplicate, before the exact distance. */
export type NearbyOrder = {
  id: string;
  number: string;
  status: string;
  lat: number | null;
  lng: number | null;
};

/**
 * Open orders of `order`'s category other than it, received in [since, its intake] and inside ±degLat /
 * ±degLng of its point: at most 20.
 */
export function nearbyOpenOrders(
  db: Db,
  order: OrderRow & { lat: number; lng: number },
  box: { since: Date; degLat: number; degLng: number },
) {
  return db
    .select({
      id: workOrders.id,
      number: workOrders.number,
      status: workOrders.status,
      lat: workOrders.lat,
      lng: workOrders.lng,
    })
    .from(workOrders)
    .where(
      and(
        ne(workOrders.id, order.id),
        eq(workOrders.categoryCode, order.categoryCode),
        inArray(workOrders.status, [...OPEN_STATUSES]),
        gte(workOrders.createdAt, box.since),
        lte(workOrders.createdAt, order.createdAt),
        sql`${workOrders.lat} between ${order.lat - box.degLat} and ${order.lat + box.degLat}`,
        sql`${workOrders.lng} between ${order.lng - box.degLng} and ${order.lng + box.degLng}`,
      ),
    )
    .limit(20);
}

/** What the intake's statement writes. */
export interface IntakeWrite {
  /**
   * The order as stored, but for three columns the statement sets: its number (`WO` + `dayCode` + the
   * sequence), its category (only while it is still active) and its two unit paths (only while the org
   * tree is still at `orgVersion`); a NULL there fails the insert (not-null violation).
   */
  order: OrderRow;
  /** The China date of the intake as YYYYMMDD. */
  dayCode: string;
  orgVersion: number;
  ownerUnitId: string;
  dispatchUnitId: string;
  events: NewOrderEventRow[];
  /** Uploaded attachments the order takes. */
  attachmentIds: string[];
  /** The audit row; the statement adds the order's path and number to it. */
  audit: ReturnType<typeof auditRow>;
  /** The rollup counter upserts as common table expressions (workOrders.rollups.ts), if any. */
  rollups: SQL | null;
  /** Read the nearby open orders (`nearbyOpenOrders`) in the same statement, so before the order exists. */
  nearby: {
    order: OrderRow & { lat: number; lng: number };
    since: Date;
    degLat: number;
    degLng: number;
  } | null;
}

/**
 * The intake's one statement (one round trip, atomic without a transaction): answers with the order's
 * number and unit paths as stored, and the nearby orders when asked for them.
 */
export async function insertIntake(db: Db, w: IntakeWrite) {
  const order = w.order;
  // The current path of a cached unit, while the tree is still the snapshot's (else null).
  const pathOf = (unitId: string) => unitPathAtTreeVersionSql(unitId, w.orgVersion);
  const insertOrder = db
    .insert(workOrders)
    .values({
      ...order,
      number: sql`'WO' || ${w.dayCode}::text || lpad((nextval(${sql.raw(`'${woNumberSeq.seqName}'`)}) % 1000000)::text, 6, '0')`,
      categoryCode: sql`(select code from ${woCategories} where code = ${order.categoryCode} and active)`,
      orgPath: pathOf(w.ownerUnitId),
      dispatchPath: pathOf(w.dispatchUnitId),
    })
    .returning({
      number: workOrders.number,
      orgPath: workOrders.orgPath,
      dispatchPath: workOrders.dispatchPath,
    })
    .getSQL();
  const attach = w.attachmentIds.length
    ? sql`wo_att as (${db.update(woAttachments).set({ orderId: order.id }).where(inArray(woAttachments.id, w.attachmentIds)).getSQL()}),`
    : sql``;
  const nearby = w.nearby
    ? sql`(select coalesce(json_agg(d), '[]'::json) from (${nearbyOpenOrders(db, w.nearby.order, w.nearby).getSQL()}) d)`
    : sql`null::json`;
  const insertAudit = db
    .insert(auditLog)
    .values({
      ...w.audit,
      orgPath: sql`(select org_path from wo_o)`,
      after: sql`${JSON.stringify(w.audit.after)}::jsonb || jsonb_build_object('number', (select number from wo_o))`,
    })
    .getSQL();
  const [written] = rowsOf<{
    number: string;
    org_path: string;
    dispatch_path: string;
    nearby: NearbyOrder[] | string | null;
  }>(
    await executePrepared(
      db,
      'wo_intake',
      sql`
          with ${attach}
          wo_ev as (${db.insert(woEvents).values(w.events).getSQL()}),
          wo_o as (${insertOrder}),
          wo_audit as (${insertAudit})${w.rollups ? sql`, ${w.rollups}` : sql``}
          select wo_o.*, ${nearby} as nearby from wo_o`,
    ),
  );
  const near: NearbyOrder[] | null =
    typeof written!.nearby === 'string' ? JSON.parse(written!.nearby) : written!.nearby;
  return {
    number: written!.number,
    orgPath: written!.org_path,
    dispatchPath: written!.dispatch_path,
    nearby: near,
  };
}
