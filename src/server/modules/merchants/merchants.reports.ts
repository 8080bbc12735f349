import { sql } from 'drizzle-orm';
import { NEW_POINTS_TARGET } from '../../../shared/contracts/merchants';
import type { ActorCtx } from '../../platform/context';
import { rowsOf } from '../../platform/db';
import { inScope, requirePermission, scopeWhere } from '../../platform/permissions';
import { chinaDate, CHINA, unitSubtree } from './merchants.policy';

// The R-VP-1 report: new points per year against the target, points per point and month, top items.

// ---------------------------------------------------------------------------------------------
// Report (R-VP-1): new points per year per subdistrict against the target, points per point and
// month, top items.
// ---------------------------------------------------------------------------------------------

export async function report(
  ctx: ActorCtx,
  q: { year?: number | undefined; orgUnitId?: string | undefined },
) {
  requirePermission(ctx.actor, 'merchants.manage');
  const year = q.year ?? Number(chinaDate(ctx.clock.now()).slice(0, 4));
  const subtree = (await unitSubtree(ctx, q.orgUnitId, 'manage', sql`p.org_path`)) ?? sql`true`;
  const scope = scopeWhere(ctx.actor, 'merchants.manage', sql`p.org_path`);
  const perYear = rowsOf<{ sid: string; sname: string; spath: string; y: number; n: number }>(
    await ctx.db.execute(sql`
      select s.id as sid, s.name as sname, s.path as spath, extract(year from p.registered_on)::int as y, count(*)::int as n
      from redemption_points p
      join org_units s on s.kind = 'subdistrict' and p.org_path like s.path || '%'
      where ${scope} and ${subtree}
        and extract(year from p.registered_on) between ${year - 4} and ${year}
      group by s.id, s.name, s.path, y
      order by s.name, y`),
  );
  const subs = new Map<
    string,
    { subdistrictId: string; subdistrictName: string; path: string; byYear: Map<number, number> }
  >();
  for (const r of perYear) {
    const s = subs.get(r.sid) ?? {
      subdistrictId: r.sid,
      subdistrictName: r.sname,
      path: r.spath,
      byYear: new Map(),
    };
    s.byYear.set(Number(r.y), Number(r.n));
    subs.set(r.sid, s);
  }
  const newPoints = [...subs.values()].map((s) => {
    const count = s.byYear.get(year) ?? 0;
    return {
      subdistrictId: s.subdistrictId,
      subdistrictName: s.subdistrictName,
      wholeSubdistrict: inScope(ctx.actor, 'merchants.manage', s.path) && !q.orgUnitId,
      count,
      target: NEW_POINTS_TARGET,
      met: count >= NEW_POINTS_TARGET,
      byYear: Array.from({ length: 5 }, (_, i) => year - 4 + i).map((y) => ({
        year: y,
        count: s.byYear.get(y) ?? 0,
      })),
    };
  });
  const from = new Date(Date.parse(`${year}-01-01T00:00:00Z`) - CHINA);
  const to = new Date(Date.parse(`${year + 1}-01-01T00:00:00Z`) - CHINA);
  const byPointMonth = rowsOf<{ pid: string; pname: string; m: string; pts: number; n: number }>(
    await ctx.db.execute(sql`
      select p.id as pid, p.name as pname,
        to_char(r.redeemed_at at time zone 'Asia/Shanghai', 'YYYY-MM') as m,
        sum(r.total_points)::int as pts, count(*)::int as n
      from redemptions r join redemption_points p on p.id = r.point_id
      where ${scope} and ${subtree}
        and r.redeemed_at >= ${from.toISOString()} and r.redeemed_at < ${to.toISOString()}
      group by p.id, p.name, m
      order by m, p.name`),
  ).map((r) => ({
    pointId: r.pid,
    pointName: r.pname,
    month: r.m,
    points: Number(r.pts),
    redemptions: Number(r.n),
  }));
  const topItems = rowsOf<{ name: string; q: number; pts: number }>(
    await ctx.db.execute(sql`
      select l.item_name as name, sum(l.quantity)::int as q, sum(l.points)::int as pts
      from redemption_lines l
      join redemptions r on r.id = l.redemption_id
      join redemption_points p on p.id = r.point_id
      where ${scope} and ${subtree}
        and r.redeemed_at >= ${from.toISOString()} and r.redeemed_at < ${to.toISOString()}
      group by l.item_name
      order by q desc, pts desc, name
      limit 10`),
  ).map((r) => ({ itemName: r.name, quantity: Number(r.q), points: Number(r.pts) }));
  const [tot] = rowsOf<{ pts: number; n: number; settled: number }>(
    await ctx.db.execute(sql`
      select coalesce(sum(r.total_points), 0)::int as pts, count(*)::int as n,
        coalesce(sum(r.total_points) filter (where r.settlement_id is not null), 0)::int as settled
      from redemptions r join redemption_points p on p.id = r.point_id
      where ${scope} and ${subtree}
        and r.redeemed_at >= ${from.toISOString()} and r.redeemed_at < ${to.toISOString()}`),
  );
  const [active] = rowsOf<{ n: number }>(
    await ctx.db.execute(
      sql`select count(*)::int as n from redemption_points p where ${scope} and ${subtree} and p.status = 'active'`,
    ),
  );
  return {
    year,
    target: NEW_POINTS_TARGET,
    newPoints,
    byPointMonth,
    topItems,
    totals: {
      points: Number(tot?.pts ?? 0),
      redemptions: Number(tot?.n ?? 0),
      activePoints: Number(active?.n ?? 0),
      settledPoints: Number(tot?.settled ?? 0),
    },
  };
}
