import type {
  HoursReportQuery,
  HoursReportRow,
  SummaryReport,
  ThemeReportRow,
} from '../../../shared/contracts/volunteers';
import { ACTIVITY_THEMES, STAR_THRESHOLD_HOURS } from '../../../shared/contracts/volunteers';
import type { ActorCtx } from '../../platform/context';
import { invalidField } from '../../platform/errors';
import { activeUnitsOfKind } from '../org/org.api';
import { chinaDayStart, unitInScope } from './volunteers.common';
import { chinaDayEnd } from '../../../shared/chinaTime';
import { themeCounts } from './activities.repository';
import { volunteersPolicy } from './volunteers.policy';
import { activeByCommunityAndKind, hoursByCommunity, starDistribution } from './volunteers.repository';

async function communitiesInScope(ctx: ActorCtx, orgUnitId?: string) {
  const unit = orgUnitId ? await unitInScope(ctx, orgUnitId, 'volunteers.read') : undefined;
  const units = await activeUnitsOfKind(ctx.db, ctx.actor, 'volunteers.read', 'community', unit?.path);
  return units.map((u) => ({ id: u.id, name: u.name, path: u.path }));
}

/** The communities in scope and the period [from, to) of China calendar days a report covers. */
async function reportPeriod(ctx: ActorCtx, q: HoursReportQuery) {
  volunteersPolicy.require(ctx.actor, 'read');
  if (q.to < q.from) throw invalidField('to', 'volunteers.period');
  const communities = await communitiesInScope(ctx, q.orgUnitId);
  const from = chinaDayStart(q.from);
  return { communities, from, to: chinaDayEnd(q.to) };
}

/**
 * Seed 000 二.2: the themed volunteering campaigns (邻里亲 … 邻里守望) in a period, a row per theme in
 * their order and a last row for activities without a theme: activities held, volunteers, confirmed minutes.
 */
export async function themesReport(ctx: ActorCtx, q: HoursReportQuery): Promise<ThemeReportRow[]> {
  const { communities, from, to } = await reportPeriod(ctx, q);
  const ids = communities.map((c) => c.id);
  const { held, served } = ids.length ? await themeCounts(ctx.db, ids, from, to) : { held: [], served: [] };
  return [...ACTIVITY_THEMES, null].map((theme) => {
    const h = held.find((r) => r.theme === theme);
    const s = served.find((r) => r.theme === theme);
    return {
      theme,
      activities: Number(h?.activities ?? 0),
      volunteers: Number(s?.volunteers ?? 0),
      minutes: Number(s?.minutes ?? 0),
    };
  });
}

/**
 * Confirmed hours by certifying community in a period of China calendar days [from, to] (corrections
 * count on the day they were made): distinct volunteers, distinct activities, minutes.
 */
export async function hoursReport(ctx: ActorCtx, q: HoursReportQuery): Promise<HoursReportRow[]> {
  const { communities, from, to } = await reportPeriod(ctx, q);
  if (communities.length === 0) return [];
  const rows = await hoursByCommunity(
    ctx.db,
    communities.map((c) => c.id),
    from,
    to,
  );
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
  const kinds = await activeByCommunityAndKind(ctx.db, ids);
  const starOf = await starDistribution(
    ctx.db,
    ids,
    STAR_THRESHOLD_HOURS.map((h) => h * 60),
  );
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
