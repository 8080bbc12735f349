import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { ReportDto, ReportQuery, YearRecordDto } from '../../../shared/contracts/services';
import type { ActorCtx } from '../../platform/context';
import { notFound } from '../../platform/errors';
import type { Actor } from '../../platform/permissions';
import { isUuid } from '../../platform/ids';
import { partyMembers } from '../people/people.table';
import { volunteers } from '../volunteers/volunteers.table';
import { communityFilter, communityNamesOf, unitNames } from './services.common';
import { serviceOrdersPolicy, volunteerRecordVisible } from './services.policy';
import { svcOrders } from './services.table';

const num = (v: unknown) => Number(v ?? 0);
const avg = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100);

/** Orders by status, by community, top services and the average rating, in the actor's scope. */
export async function servicesReport(ctx: ActorCtx, q: ReportQuery): Promise<ReportDto> {
  serviceOrdersPolicy.require(ctx.actor, 'read');
  const cid = await communityFilter(ctx, q.communityId);
  const where = and(
    serviceOrdersPolicy.scope(ctx.actor, 'read'),
    cid ? eq(svcOrders.communityId, cid) : undefined,
    q.from ? gte(svcOrders.createdAt, q.from) : undefined,
    q.to ? lt(svcOrders.createdAt, q.to) : undefined,
  );
  const byStatus = await ctx.db
    .select({ status: svcOrders.status, count: sql<number>`count(*)::int` })
    .from(svcOrders)
    .where(where)
    .groupBy(svcOrders.status);
  const done = sql`${svcOrders.status} in ('confirmed', 'closed')`;
  const byCommunity = await ctx.db
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
  const top = await ctx.db
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
  const [totals] = await ctx.db
    .select({
      total: sql<number>`count(*)::int`,
      rating: sql<number | null>`avg(${svcOrders.rating})::float8`,
      minutes: sql<number>`coalesce(sum(${svcOrders.servedMinutes}) filter (where ${done}), 0)::int`,
    })
    .from(svcOrders)
    .where(where);
  const names = await communityNamesOf(ctx.db, byCommunity);
  return {
    total: num(totals?.total),
    byStatus: byStatus.map((r) => ({ status: r.status, count: num(r.count) })),
    byCommunity: byCommunity
      .map((r) => ({
        communityId: r.communityId,
        communityName: names.get(r.communityId) ?? null,
        orders: num(r.orders),
        confirmed: num(r.confirmed),
        minutes: num(r.minutes),
        averageRating: avg(r.rating),
      }))
      // the most orders first; ties by the community's name, so the table reads the same each time
      .sort(
        (a, b) =>
          b.orders - a.orders || (a.communityName ?? '').localeCompare(b.communityName ?? '', 'zh-CN'),
      ),
    topServices: top.map((r) => ({ title: r.title, orders: num(r.orders), averageRating: avg(r.rating) })),
    averageRating: avg(totals?.rating),
    servedMinutes: num(totals?.minutes),
  };
}

/** Staff with services.read over the volunteer, or the volunteer themself. */
function maySeeVolunteer(actor: Actor, v: typeof volunteers.$inferSelect) {
  return volunteerRecordVisible(actor, v);
}

/**
 * The yearly service record of a volunteer (for a reporting party member: for their employer unit):
 * name, employer, community, orders served, hours, ratings (China calendar year).
 */
export async function yearRecord(ctx: ActorCtx, volunteerId: string, year: number): Promise<YearRecordDto> {
  if (!isUuid(volunteerId)) throw notFound();
  const [v] = await ctx.db.select().from(volunteers).where(eq(volunteers.id, volunteerId));
  if (!v || !maySeeVolunteer(ctx.actor, v)) throw notFound();
  const [pm] = v.partyMemberId
    ? await ctx.db.select().from(partyMembers).where(eq(partyMembers.id, v.partyMemberId))
    : [];
  const from = new Date(`${year}-01-01T00:00:00+08:00`);
  const to = new Date(`${year + 1}-01-01T00:00:00+08:00`);
  const rows = await ctx.db
    .select()
    .from(svcOrders)
    .where(
      and(
        eq(svcOrders.assigneeType, 'volunteer'),
        eq(svcOrders.assigneeId, v.id),
        inArray(svcOrders.status, ['served', 'confirmed', 'closed']),
        gte(svcOrders.checkOutAt, from),
        lt(svcOrders.checkOutAt, to),
      ),
    )
    .orderBy(asc(svcOrders.checkOutAt));
  const names = await unitNames(ctx.db, [v.communityId]);
  const rated = rows.filter((r) => r.rating !== null);
  return {
    year,
    volunteerId: v.id,
    name: v.name,
    employer: pm?.employer ?? null,
    communityName: names.get(v.communityId) ?? null,
    ordersServed: rows.length,
    minutes: rows.reduce((s, r) => s + (r.servedMinutes ?? 0), 0),
    averageRating: rated.length ? avg(rated.reduce((s, r) => s + r.rating!, 0) / rated.length) : null,
    orders: rows.map((r) => ({
      number: r.number,
      title: r.title,
      date: r.checkOutAt!,
      minutes: r.servedMinutes ?? 0,
      rating: r.rating,
    })),
  };
}

/** The volunteer profile of the logged-in user (404 when there is none). */
export async function myVolunteerId(ctx: ActorCtx): Promise<string> {
  const [v] = await ctx.db
    .select({ id: volunteers.id })
    .from(volunteers)
    .where(eq(volunteers.userId, ctx.actor.userId));
  if (!v) throw notFound();
  return v.id;
}

/** Volunteers (reporting party members first) by orders served in the period, for the yearly records. */
export async function serversReport(ctx: ActorCtx, q: ReportQuery) {
  serviceOrdersPolicy.require(ctx.actor, 'read');
  const cid = await communityFilter(ctx, q.communityId);
  const rows = await ctx.db
    .select({
      volunteerId: volunteers.id,
      name: volunteers.name,
      kind: volunteers.kind,
      communityId: volunteers.communityId,
      orders: sql<number>`count(*)::int`,
      minutes: sql<number>`coalesce(sum(${svcOrders.servedMinutes}), 0)::int`,
      rating: sql<number | null>`avg(${svcOrders.rating})::float8`,
    })
    .from(svcOrders)
    .innerJoin(volunteers, eq(volunteers.id, svcOrders.assigneeId))
    .where(
      and(
        serviceOrdersPolicy.scope(ctx.actor, 'read'),
        eq(svcOrders.assigneeType, 'volunteer'),
        inArray(svcOrders.status, ['served', 'confirmed', 'closed']),
        cid ? eq(svcOrders.communityId, cid) : undefined,
        q.from ? gte(svcOrders.checkOutAt, q.from) : undefined,
        q.to ? lt(svcOrders.checkOutAt, q.to) : undefined,
      ),
    )
    .groupBy(volunteers.id, volunteers.name, volunteers.kind, volunteers.communityId)
    .orderBy(sql`(${volunteers.kind} = 'party_member') desc`, sql`count(*) desc`)
    .limit(200);
  const names = await communityNamesOf(ctx.db, rows);
  return rows.map((r) => ({
    volunteerId: r.volunteerId,
    name: r.name,
    kind: r.kind,
    communityName: names.get(r.communityId) ?? null,
    orders: num(r.orders),
    minutes: num(r.minutes),
    averageRating: avg(r.rating),
  }));
}
