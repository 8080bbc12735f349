import { and, asc, eq, gte, inArray, isNotNull, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/permissions';
import { volunteerFieldSql } from '../volunteers/volunteers.api';
import { serviceOrdersPolicy } from './services.policy';
import type { SvcOrderRow } from './services.repository';
import { svcOrders } from './services.table';

/**
 * The queries behind the services reports (`services.reports.ts`): every one over many orders ANDs the
 * actor's services.read scope in; the yearly record reads the orders of a volunteer the caller may see.
 */

/** A report's period and community (one found in scope). */
export interface ReportFilter {
  communityId: string | undefined;
  from: Date | undefined;
  to: Date | undefined;
}

/**
 * The orders in reach for reading (created in the period, of the community) by status, by community, the ten
 * most ordered services, and the totals.
 */
export async function orderReportRows(db: Db, actor: Actor, f: ReportFilter) {
  const where = and(
    serviceOrdersPolicy.scope(actor, 'read'),
    f.communityId ? eq(svcOrders.communityId, f.communityId) : undefined,
    f.from ? gte(svcOrders.createdAt, f.from) : undefined,
    f.to ? lt(svcOrders.createdAt, f.to) : undefined,
  );
  const byStatus = await db
    .select({ status: svcOrders.status, count: sql<number>`count(*)::int` })
    .from(svcOrders)
    .where(where)
    .groupBy(svcOrders.status);
  const done = sql`${svcOrders.status} in ('confirmed', 'closed')`;
  const byCommunity = await db
    .select({
      communityId: svcOrders.communityId,
      orders: sql<number>`count(*)::int`,
      confirmed: sql<number>`count(*) filter (where ${done})::int`,
      minutes: sql<number>`coalesce(sum(${svcOrders.servedMinutes}) filter (where ${done}), 0)::int`,
      rating: sql<number | null>`avg(${svcOrders.rating})::float8`,
    })
    .from(svcOrders)
    .where(where)
    .groupBy(svcOrders.communityId);
  const top = await db
    .select({
      title: svcOrders.title,
      orders: sql<number>`count(*)::int`,
      rating: sql<number | null>`avg(${svcOrders.rating})::float8`,
    })
    .from(svcOrders)
    .where(where)
    .groupBy(svcOrders.title)
    .orderBy(sql`count(*) desc`, asc(svcOrders.title))
    .limit(10);
  const [totals] = await db
    .select({
      total: sql<number>`count(*)::int`,
      rating: sql<number | null>`avg(${svcOrders.rating})::float8`,
      minutes: sql<number>`coalesce(sum(${svcOrders.servedMinutes}) filter (where ${done}), 0)::int`,
    })
    .from(svcOrders)
    .where(where);
  return { byStatus, byCommunity, top, totals };
}

/** The orders a volunteer served (checked out in [from, to)), by check-out time. */
export function servedOrderRowsOfVolunteer(
  db: Db,
  volunteerId: string,
  from: Date,
  to: Date,
): Promise<SvcOrderRow[]> {
  return db
    .select()
    .from(svcOrders)
    .where(
      and(
        eq(svcOrders.assigneeType, 'volunteer'),
        eq(svcOrders.assigneeId, volunteerId),
        inArray(svcOrders.status, ['served', 'confirmed', 'closed']),
        gte(svcOrders.checkOutAt, from),
        lt(svcOrders.checkOutAt, to),
      ),
    )
    .orderBy(asc(svcOrders.checkOutAt));
}

/**
 * The volunteers who served orders in reach for reading (checked out in the period, of the community), with
 * their orders, minutes and average rating: reporting party members first, then by orders; at most 200.
 */
export function serverReportRows(db: Db, actor: Actor, f: ReportFilter) {
  const kind = volunteerFieldSql<string>(svcOrders.assigneeId, 'kind');
  return db
    .select({
      volunteerId: sql<string>`${svcOrders.assigneeId}`,
      name: sql<string>`${volunteerFieldSql(svcOrders.assigneeId, 'name')}`,
      kind: sql<string>`${kind}`,
      communityId: sql<string>`${volunteerFieldSql(svcOrders.assigneeId, 'community_id')}`,
      orders: sql<number>`count(*)::int`,
      minutes: sql<number>`coalesce(sum(${svcOrders.servedMinutes}), 0)::int`,
      rating: sql<number | null>`avg(${svcOrders.rating})::float8`,
    })
    .from(svcOrders)
    .where(
      and(
        serviceOrdersPolicy.scope(actor, 'read'),
        eq(svcOrders.assigneeType, 'volunteer'),
        // only orders whose assignee is a volunteer on record (as an inner join on volunteers)
        isNotNull(volunteerFieldSql(svcOrders.assigneeId, 'id')),
        inArray(svcOrders.status, ['served', 'confirmed', 'closed']),
        f.communityId ? eq(svcOrders.communityId, f.communityId) : undefined,
        f.from ? gte(svcOrders.checkOutAt, f.from) : undefined,
        f.to ? lt(svcOrders.checkOutAt, f.to) : undefined,
      ),
    )
    .groupBy(svcOrders.assigneeId)
    .orderBy(sql`(${kind} = 'party_member') desc`, sql`count(*) desc`)
    .limit(200);
}
