import { chinaDayEnd, chinaDayStart } from '../../../shared/chinaTime';
import type { ReportQuery, ReportRow, ReportView } from '../../../shared/contracts/ledger';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import { isUuid } from '../../platform/ids';
import { unitInScope, unitsByIds } from '../org/org.api';
import { ledgerPolicy } from './ledger.policy';
import { reportFigures } from './ledger.repository';

/**
 * Points issued / redeemed and minutes deposited / withdrawn / donated per community over a period (by
 * the day the service or redemption happened, China time), with current balances. A reversal counts
 * under the kind of the transaction it reverses, so a reversed credit nets to zero.
 */
export async function pointsReport(ctx: ActorCtx, q: ReportQuery): Promise<ReportView> {
  ledgerPolicy.require(ctx.actor, 'read');
  if (q.from > q.to)
    throw new AppError('common.validation', 422, {}, { fields: [{ path: 'to', code: 'before_from' }] });
  const from = chinaDayStart(q.from);
  const to = chinaDayEnd(q.to);
  let subtreePath: string | undefined;
  if (q.orgUnitId) {
    // A unit outside the scope answers 404 like an unknown one (DESIGN convention 5).
    const u = isUuid(q.orgUnitId)
      ? await unitInScope(ctx.db, ctx.actor, ledgerPolicy.permissions.read, q.orgUnitId)
      : undefined;
    if (!u) throw notFound();
    subtreePath = u.path;
  }
  const { flows, balances } = await reportFigures(ctx.db, ctx.actor, 'read', { from, to }, subtreePath);
  const ids = [...new Set([...flows, ...balances].map((r) => String(r.org_unit_id)))];
  const names = await unitsByIds(ctx.db, ids);
  const num = (v: unknown) => Number(v ?? 0);
  const rows: ReportRow[] = ids
    .map((id) => {
      const f = flows.find((r) => r.org_unit_id === id);
      const b = balances.find((r) => r.org_unit_id === id);
      return {
        communityId: id,
        communityName: names.find((n) => n.id === id)?.name ?? id,
        pointsIssued: num(f?.points_issued),
        pointsRedeemed: num(f?.points_redeemed),
        pointsBalance: num(b?.points_balance),
        minutesDeposited: num(f?.minutes_deposited),
        minutesWithdrawn: num(f?.minutes_withdrawn),
        minutesDonated: num(f?.minutes_donated),
        minutesBalance: num(b?.minutes_balance),
        poolBalance: num(b?.pool_balance),
        volunteers: num(f?.volunteers),
      };
    })
    .sort((a, b) => {
      const pa = names.find((n) => n.id === a.communityId)?.path ?? '';
      const pb = names.find((n) => n.id === b.communityId)?.path ?? '';
      return pa < pb ? -1 : pa > pb ? 1 : 0;
    });
  const total: ReportRow = {
    communityId: '',
    communityName: '',
    pointsIssued: 0,
    pointsRedeemed: 0,
    pointsBalance: 0,
    minutesDeposited: 0,
    minutesWithdrawn: 0,
    minutesDonated: 0,
    minutesBalance: 0,
    poolBalance: 0,
    volunteers: 0,
  };
  for (const r of rows)
    for (const k of Object.keys(total) as (keyof ReportRow)[])
      if (typeof r[k] === 'number') (total[k] as number) += r[k] as number;
  return { from: q.from, to: q.to, rows, total };
}
