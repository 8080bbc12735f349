import { chinaDayStart as chinaDay, chinaMonth } from '../../../shared/chinaTime';
import type { StatsDto } from '../../../shared/contracts/disputes';
import type { ActorCtx } from '../../platform/context';
import { unitNames } from '../org/org.api';
import { disputesPolicy } from './disputes.policy';
import { disputesInRange } from './disputes.repository';

const DAY = 86_400_000;

function countBy<T>(rows: T[], key: (r: T) => string | null): { key: string; count: number }[] {
  const m = new Map<string, number>();
  for (const r of rows) {
    const k = key(r);
    if (k) m.set(k, (m.get(k) ?? 0) + 1);
  }
  return [...m.entries()].map(([k, count]) => ({ key: k, count })).sort((a, b) => b.count - a.count);
}

/**
 * Dispute statistics in the actor's scope (issue 14 §7, R-WO-5): by source, nature, outcome, level of
 * resolution, ticket kind, community and month; success rate (agreements and resolved cases among the
 * finished), average days from registration to finish, diverted and escalated. Default: the last 12 months.
 */
export async function disputeStats(
  ctx: ActorCtx,
  q: { from?: string | undefined; to?: string | undefined },
): Promise<StatsDto> {
  disputesPolicy.require(ctx.actor, 'read');
  const now = ctx.clock.now();
  const to = q.to ? new Date(chinaDay(q.to).getTime() + DAY) : now;
  const from = q.from ? chinaDay(q.from) : new Date(to.getTime() - 365 * DAY);
  const rows = await disputesInRange(ctx.db, ctx.actor, from, to);
  const finished = rows.filter((r) => r.finishedAt);
  const success = (rs: typeof rows) =>
    rs.filter((r) => r.outcome === 'agreement' || r.outcome === 'resolved').length;
  const overdue = (r: (typeof rows)[number]) => r.escalations > 0 || !!r.overdueAt;
  /** 专门交办 (R-WO-4): specially assigned cases, and those mediated or resolved among the finished. */
  const special = (rs: typeof rows) => {
    const assigned = rs.filter((r) => r.specialAssignment);
    return { special: assigned.length, specialResolved: success(assigned.filter((r) => r.finishedAt)) };
  };
  const names = await unitNames(
    ctx.db,
    rows.flatMap((r) => (r.communityId ? [r.communityId] : [])),
  );
  const communities = new Map<string, typeof rows>();
  for (const r of rows)
    if (r.communityId) communities.set(r.communityId, [...(communities.get(r.communityId) ?? []), r]);
  const months = new Map<string, { registered: number; finished: number; escalated: number }>();
  const month = (k: string) => {
    const m = months.get(k) ?? { registered: 0, finished: 0, escalated: 0 };
    months.set(k, m);
    return m;
  };
  for (const r of rows) {
    month(chinaMonth(r.createdAt)).registered++;
    if (r.finishedAt) month(chinaMonth(r.finishedAt)).finished++;
    if (overdue(r)) month(chinaMonth(r.createdAt)).escalated++;
  }
  return {
    total: rows.length,
    finished: finished.length,
    successRate: finished.length ? success(finished) / finished.length : null,
    averageDays: finished.length
      ? finished.reduce((s, r) => s + (r.finishedAt!.getTime() - r.createdAt.getTime()) / DAY, 0) /
        finished.length
      : null,
    diverted: rows.filter((r) => r.divertedAt).length,
    escalated: rows.filter(overdue).length,
    ...special(rows),
    bySource: countBy(rows, (r) => r.source),
    byNature: countBy(rows, (r) => r.nature),
    byOutcome: countBy(rows, (r) => r.outcome),
    byLevel: countBy(rows, (r) => r.resolutionLevel),
    byTicket: countBy(rows, (r) => r.ticketKind),
    byCommunity: [...communities.entries()]
      .map(([id, rs]) => ({
        key: id,
        name: names.get(id) ?? '',
        count: rs.length,
        finished: rs.filter((r) => r.finishedAt).length,
        success: success(rs),
        overdue: rs.filter(overdue).length,
        ...special(rs),
      }))
      .sort((a, b) => b.count - a.count),
    byMonth: [...months.entries()]
      .map(([key, m]) => ({ key, ...m }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}
