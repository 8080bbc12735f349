import { sql } from 'drizzle-orm';
import type { ReportQuery, ReportRow, ReportView } from '../../../shared/contracts/ledger';
import type { ActorCtx } from '../../platform/context';
import { rowsOf } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import { escapeLike, requirePermission, scopeWhere } from '../../platform/permissions';

const dayStart = (d: string) => new Date(`${d}T00:00:00+08:00`);

/**
 * Points issued / redeemed and minutes deposited / withdrawn / donated per community over a period (by
 * the day the service or redemption happened, China time), with current balances. A reversal counts
 * under the kind of the transaction it reverses, so a reversed credit nets to zero.
 */
export async function pointsReport(ctx: ActorCtx, q: ReportQuery): Promise<ReportView> {
  requirePermission(ctx.actor, 'ledger.read');
  if (q.from > q.to)
    throw new AppError('common.validation', 422, {}, { fields: [{ path: 'to', code: 'before_from' }] });
  const from = dayStart(q.from);
  const to = new Date(dayStart(q.to).getTime() + 86_400_000);
  let subtree = sql`true`;
  if (q.orgUnitId) {
    const [u] = rowsOf<{ path: string }>(
      await ctx.db.execute(
        sql`select path from org_units u where id = ${q.orgUnitId} and ${scopeWhere(ctx.actor, 'ledger.read', sql`u.path`)}`,
      ),
    );
    if (!u) throw notFound();
    subtree = sql`a.org_path like ${`${escapeLike(u.path)}%`}`;
  }
  const scope = scopeWhere(ctx.actor, 'ledger.read', sql`a.org_path`);
  const flows = rowsOf<Record<string, string | number | null>>(
    await ctx.db.execute(sql`
      with f as (
        select a.org_unit_id, a.owner_kind, a.owner_id, a.unit, e.amount, coalesce(o.kind, t.kind) as k
        from ledger_entries e
        join ledger_transactions t on t.id = e.transaction_id
        left join ledger_transactions o on o.id = t.reverses_id
        join ledger_accounts a on a.id = e.account_id
        where t.occurred_at >= ${from.toISOString()} and t.occurred_at < ${to.toISOString()} and ${scope} and ${subtree}
      )
      select org_unit_id,
        coalesce(sum(amount) filter (where owner_kind in ('volunteer','user') and unit = 'points'
          and k in ('service_credit','service_correction','adjust')), 0)::bigint as points_issued,
        coalesce(sum(amount) filter (where owner_kind = 'merchant' and unit = 'points' and k = 'redemption'), 0)::bigint as points_redeemed,
        coalesce(sum(amount) filter (where owner_kind in ('volunteer','user') and unit = 'minutes'
          and k in ('service_credit','service_correction')), 0)::bigint as minutes_deposited,
        coalesce(-sum(amount) filter (where owner_kind in ('volunteer','user') and unit = 'minutes' and k = 'time_withdrawal'), 0)::bigint
          + coalesce(-sum(amount) filter (where owner_kind = 'pool' and k = 'pool_withdrawal'), 0)::bigint as minutes_withdrawn,
        coalesce(sum(amount) filter (where owner_kind = 'pool' and k = 'pool_donation'), 0)::bigint as minutes_donated,
        count(distinct owner_id) filter (where owner_kind = 'volunteer' and k = 'service_credit')::int as volunteers
      from f group by org_unit_id`),
  );
  const balances = rowsOf<Record<string, string | number | null>>(
    await ctx.db.execute(sql`
      select a.org_unit_id,
        coalesce(sum(a.balance) filter (where a.owner_kind in ('volunteer','user') and a.unit = 'points'), 0)::bigint as points_balance,
        coalesce(sum(a.balance) filter (where a.owner_kind in ('volunteer','user') and a.unit = 'minutes'), 0)::bigint as minutes_balance,
        coalesce(sum(a.balance) filter (where a.owner_kind = 'pool'), 0)::bigint as pool_balance
      from ledger_accounts a where ${scope} and ${subtree} and a.owner_kind <> 'community'
      group by a.org_unit_id`),
  );
  const ids = [...new Set([...flows, ...balances].map((r) => String(r.org_unit_id)))];
  const names = ids.length
    ? rowsOf<{ id: string; name: string; path: string }>(
        await ctx.db.execute(
          sql`select id, name, path from org_units where id in (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
        ),
      )
    : [];
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
