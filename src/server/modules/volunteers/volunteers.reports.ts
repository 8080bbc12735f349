import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { HoursReportQuery, HoursReportRow, SummaryReport } from '../../../shared/contracts/volunteers';
import { STAR_THRESHOLD_HOURS } from '../../../shared/contracts/volunteers';
import type { ActorCtx } from '../../platform/context';
import { invalidField } from '../../platform/errors';
import { activeUnitsOfKind } from '../org/org.api';
import { chinaDayStart, unitInScope } from './volunteers.common';
import { volunteersPolicy } from './volunteers.policy';
import { volunteerHours, volunteers } from './volunteers.table';

async function communitiesInScope(ctx: ActorCtx, orgUnitId?: string) {
  const unit = orgUnitId ? await unitInScope(ctx, orgUnitId, 'volunteers.read') : undefined;
  const units = await activeUnitsOfKind(ctx.db, ctx.actor, 'volunteers.read', 'community', unit?.path);
  return units.map((u) => ({ id: u.id, name: u.name, path: u.path }));
}

/**
 * Confirmed hours by certifying community in a period of China calendar days [from, to] (corrections
 * count on the day they were made): distinct volunteers, distinct activities, minutes.
 */
export async function hoursReport(ctx: ActorCtx, q: HoursReportQuery): Promise<HoursReportRow[]> {
  volunteersPolicy.require(ctx.actor, 'read');
  if (q.to < q.from) throw invalidField('to', 'volunteers.period');
  const communities = await communitiesInScope(ctx, q.orgUnitId);
  if (communities.length === 0) return [];
  const from = chinaDayStart(q.from);
  const to = new Date(chinaDayStart(q.to).getTime() + 86_400_000);
  const rows = await ctx.db
    .select({
      id: volunteerHours.communityId,
      volunteers: sql<number>`count(distinct ${volunteerHours.volunteerId})::int`,
      activities: sql<number>`count(distinct ${volunteerHours.activityId})::int`,
      minutes: sql<number>`coalesce(sum(${volunteerHours.minutes}),0)::int`,
    })
    .from(volunteerHours)
    .where(
      and(
        inArray(
          volunteerHours.communityId,
          communities.map((c) => c.id),
        ),
        gte(volunteerHours.occurredAt, from),
        lt(volunteerHours.occurredAt, to),
      ),
    )
    .groupBy(volunteerHours.communityId);
  const of = new Map(rows.map((r) => [r.id, r]));
  return communities.map((c) => {
    const r = of.get(c.id);
    return {
      communityId: c.id,
      communityName: c.name,
      volunteers: Number(r?.volunteers ?? 0),
      activities: Number(r?.activities ?? 0),
      minutes: Number(r?.minutes ?? 0),
    };
  });
}

/** Active volunteers per community by kind, and the star distribution (R-LAW-VL-2) in scope. */
export async function summaryReport(ctx: ActorCtx, orgUnitId?: string): Promise<SummaryReport> {
  volunteersPolicy.require(ctx.actor, 'read');
  const communities = await communitiesInScope(ctx, orgUnitId);
  if (communities.length === 0)
    return { communities: [], stars: [0, 1, 2, 3, 4, 5].map((s) => ({ stars: s, count: 0 })) };
  const ids = communities.map((c) => c.id);
  const kinds = await ctx.db
    .select({ id: volunteers.communityId, kind: volunteers.kind, n: sql<number>`count(*)::int` })
    .from(volunteers)
    .where(and(inArray(volunteers.communityId, ids), eq(volunteers.status, 'active')))
    .groupBy(volunteers.communityId, volunteers.kind);
  const [t1, t2, t3, t4, t5] = STAR_THRESHOLD_HOURS.map((h) => h * 60);
  const stars = await ctx.db.execute(sql`
    select case when m >= ${t5} then 5 when m >= ${t4} then 4 when m >= ${t3} then 3
                when m >= ${t2} then 2 when m >= ${t1} then 1 else 0 end as stars, count(*)::int as n
    from (
      select v.id, coalesce((select sum(h.minutes) from volunteer_hours h where h.volunteer_id = v.id), 0) as m
      from volunteers v
      where v.status = 'active' and v.community_id in (${sql.join(
        ids.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    ) x group by 1`);
  const starRows = (stars as unknown as { rows: { stars: number | string; n: number | string }[] }).rows;
  const starOf = new Map(starRows.map((r) => [Number(r.stars), Number(r.n)]));
  return {
    communities: communities.map((c) => {
      const byKind: Record<string, number> = {};
      for (const k of kinds.filter((k) => k.id === c.id)) byKind[k.kind] = Number(k.n);
      return {
        communityId: c.id,
        communityName: c.name,
        total: Object.values(byKind).reduce((a, b) => a + b, 0),
        byKind,
      };
    }),
    stars: [0, 1, 2, 3, 4, 5].map((s) => ({ stars: s, count: starOf.get(s) ?? 0 })),
  };
}
