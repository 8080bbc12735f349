import { NEW_POINTS_TARGET } from '../../../shared/contracts/merchants';
import type { ActorCtx } from '../../platform/context';
import { CHINA, chinaDate, unitPathFor } from './merchants.common';
import { merchantsPolicy } from './merchants.policy';
import { reportFigures } from './merchants.repository';

// The R-VP-1 report: new points per year against the target, points per point and month, top items.

// ---------------------------------------------------------------------------------------------
// Report (R-VP-1): new points per year per subdistrict against the target, points per point and
// month, top items.
// ---------------------------------------------------------------------------------------------

export async function report(
  ctx: ActorCtx,
  q: { year?: number | undefined; orgUnitId?: string | undefined },
) {
  merchantsPolicy.require(ctx.actor, 'manage');
  const year = q.year ?? Number(chinaDate(ctx.clock.now()).slice(0, 4));
  const unitPath = await unitPathFor(ctx, q.orgUnitId, 'manage');
  const from = new Date(Date.parse(`${year}-01-01T00:00:00Z`) - CHINA);
  const to = new Date(Date.parse(`${year + 1}-01-01T00:00:00Z`) - CHINA);
  const figures = await reportFigures(ctx.db, ctx.actor, { year, from, to }, unitPath);
  const { perYear, tot, active } = figures;
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
      wholeSubdistrict:
        merchantsPolicy.can(ctx.actor, 'manage', { id: s.subdistrictId, orgPath: s.path }) && !q.orgUnitId,
      count,
      target: NEW_POINTS_TARGET,
      met: count >= NEW_POINTS_TARGET,
      byYear: Array.from({ length: 5 }, (_, i) => year - 4 + i).map((y) => ({
        year: y,
        count: s.byYear.get(y) ?? 0,
      })),
    };
  });
  const byPointMonth = figures.byPointMonth.map((r) => ({
    pointId: r.pid,
    pointName: r.pname,
    month: r.m,
    points: Number(r.pts),
    redemptions: Number(r.n),
  }));
  const topItems = figures.topItems.map((r) => ({
    itemName: r.name,
    quantity: Number(r.q),
    points: Number(r.pts),
  }));
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
