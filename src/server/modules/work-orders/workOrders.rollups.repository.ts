import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db';
import { survivingUnitJoin } from '../org/org.api';
import { ROLLUP_COUNTERS, ROLLUP_STRIPES, type RollupCounter } from './workOrders.rollups.table';

/**
 * The statements on the rollup tables (`wo_rollups`, `wo_rollups_monthly`): the counter upserts of one
 * order change and the full recompute. What each counter counts is `workOrders.rollups.ts`'s; the recompute's
 * SQL mirrors its `orderFacts` and `followupFact` for every row at once.
 */

/** Counter changes of one (unit, China day, category) cell. */
export interface RollupCell {
  unitId: string;
  day: string;
  categoryCode: string;
  counts: Partial<Record<RollupCounter, number>>;
}

/** The rollup stripe of an order's changes: the last hex digit of its id (random in a UUIDv7). */
export function stripeOf(orderId: string): number {
  return Number.parseInt(orderId.slice(-1), 16) % ROLLUP_STRIPES || 0;
}

/** The same as `chinaDay` in SQL, for a timestamptz expression. */
const dayOf = (expr: string) => `(((${expr}) at time zone 'UTC') + interval '8 hours')::date`;

const COLS = ROLLUP_COUNTERS.join(', ');
const addSet = ROLLUP_COUNTERS.map((c) => `${c} = r.${c} + excluded.${c}`).join(', ');
const sums = (prefix = '') => ROLLUP_COUNTERS.map((c) => `sum(${prefix}${c})::int as ${c}`).join(', ');
const monthOf = (day: string) => `(${day} - (extract(day from ${day})::int - 1))`;
/** A fact's unit (`f.unit_id`), or the unit it was merged into (org.api's `survivingUnitJoin`). */
const UNIT = survivingUnitJoin('f.unit_id');

/** The counter upserts as common table expressions (`wo_rf`, `wo_rd`, `wo_rdaily`, `wo_rmonthly`). */
export function rollupCtes(cells: RollupCell[], stripe: number): SQL {
  const values = sql.join(
    cells.map(
      (c) =>
        sql`(${c.unitId}::uuid, ${c.day}::date, ${c.categoryCode}::text, ${`{${ROLLUP_COUNTERS.map((k) => c.counts[k] ?? 0).join(',')}}`}::int[])`,
    ),
    sql`, `,
  );
  const picks = ROLLUP_COUNTERS.map((c, i) => `sum(f.c[${i + 1}])::int as ${c}`).join(', ');
  // Rows are locked in key order, so concurrent changes cannot deadlock on the counters.
  return sql`
    wo_rf(unit_id, day, category_code, c) as (values ${values}),
    wo_rd as (
      select ${sql.raw(UNIT.id)} as org_unit_id, ${sql.raw(UNIT.path)} as org_path, f.day, f.category_code,
        ${sql.raw(picks)}
      from wo_rf f ${sql.raw(UNIT.join)}
      group by 1, 2, 3, 4
    ),
    wo_rdaily as (
      insert into wo_rollups as r (org_unit_id, org_path, day, category_code, stripe, ${sql.raw(COLS)})
      select org_unit_id, org_path, day, category_code, ${stripe}::smallint, ${sql.raw(COLS)} from wo_rd order by 1, 3, 4
      on conflict (org_unit_id, day, category_code, stripe) do update set ${sql.raw(addSet)}
    ),
    wo_rmonthly as (
      insert into wo_rollups_monthly as r (org_unit_id, org_path, month, stripe, ${sql.raw(COLS)})
      select org_unit_id, org_path, ${sql.raw(monthOf('day'))}, ${stripe}::smallint, ${sql.raw(sums())}
      from wo_rd group by 1, 2, 3 order by 1, 3
      on conflict (org_unit_id, month, stripe) do update set ${sql.raw(addSet)}
    )`;
}

/** Adds the cells' counter changes into stripe `stripe` of the daily and monthly rollups (one statement). */
export async function addRollupCells(tx: Db, cells: RollupCell[], stripe: number): Promise<void> {
  await tx.execute(sql`with ${rollupCtes(cells, stripe)} select 1`);
}

// ---------------------------------------------------------------- full recompute

/** `array[…]` of the counters in ROLLUP_COUNTERS order; unlisted counters are 0. */
const counterArray = (exprs: Partial<Record<RollupCounter, string>>) =>
  `array[${ROLLUP_COUNTERS.map((c) => exprs[c] ?? '0').join(', ')}]`;

const SPOT = `(o.status = 'closed' and o.accepted_at is null)`;
const ACCEPTED_AT = `coalesce(o.accepted_at, case when ${SPOT} then o.created_at end)`;
const ACCEPTED_ON_TIME = `(o.escalation_level = 0 and (o.accepted_at is null or o.redo_count > 0 or o.accept_due_at is null or o.accepted_at <= o.accept_due_at))`;
const REPLIED_AT = `coalesce(o.replied_at, case when ${SPOT} then o.created_at end)`;
const REPLIED_ON_TIME = `(${SPOT} or o.due_at is null or o.replied_at <= o.due_at)`;
const level = (l: string) => `coalesce(o.resolution_level = '${l}', false)::int`;

/** What orderFacts() (workOrders.rollups.ts) computes, for every order at once. */
const ORDER_FACTS_SQL = `
  select x.unit_id, x.day, o.category_code, x.c
  from work_orders o
  cross join lateral (values
    (coalesce(o.grid_id, o.community_id, substring(o.dispatch_path from '([0-9a-fA-F-]{36})/$')::uuid),
      ${dayOf('o.created_at')},
      ${counterArray({ received: '1', withdrawn: `(o.status in ('cancelled', 'diverted', 'duplicate'))::int` })}),
    (o.org_unit_id, case when o.status not in ('cancelled', 'diverted', 'duplicate') then ${dayOf('o.created_at')} end,
      ${counterArray({ assigned: '1' })}),
    (o.org_unit_id, ${dayOf(ACCEPTED_AT)},
      ${counterArray({ accepted_on_time: `${ACCEPTED_ON_TIME}::int`, accepted_late: `(not ${ACCEPTED_ON_TIME})::int` })}),
    (o.org_unit_id, ${dayOf(REPLIED_AT)},
      ${counterArray({ replied: '1', replied_on_time: `${REPLIED_ON_TIME}::int` })}),
    (o.org_unit_id, case when o.status = 'closed' then ${dayOf('o.closed_at')} end,
      ${counterArray({
        closed: '1',
        resolved_at_grid: level('grid'),
        resolved_at_community: level('community'),
        resolved_at_subdistrict: level('subdistrict'),
        resolved_above: level('above'),
      })}),
    (o.org_unit_id, ${dayOf('o.overdue_at')}, ${counterArray({ overdue: '1' })})
  ) x(unit_id, day, c)
  where x.day is not null`;

/** What followupFact() (workOrders.rollups.ts) computes, for every follow-up at once. */
const FOLLOWUP_FACTS_SQL = `
  select fu.org_unit_id, ${dayOf('fu.at')}, o.category_code,
    ${counterArray({
      followups_valid: '1',
      resolved: 'fu.resolved::int',
      satisfied: `(fu.satisfaction = 'satisfied')::int`,
      basically_satisfied: `(fu.satisfaction = 'basically_satisfied')::int`,
      dissatisfied: `(fu.satisfaction = 'dissatisfied')::int`,
      redone: `(fu.satisfaction = 'dissatisfied' and fu.unit_fault)::int`,
    })}
  from wo_followups fu join work_orders o on o.id = fu.order_id`;

/** Recomputed counters go to stripe 0: one row per key until changes spread over the stripes again. */
const RECOMPUTE_DAILY_SQL = `
  insert into wo_rollups (org_unit_id, org_path, day, category_code, ${COLS})
  select ${UNIT.id}, ${UNIT.path}, f.day, f.category_code,
    ${ROLLUP_COUNTERS.map((_, i) => `sum(f.c[${i + 1}])::int`).join(', ')}
  from (${ORDER_FACTS_SQL} union all ${FOLLOWUP_FACTS_SQL}) f(unit_id, day, category_code, c)
  ${UNIT.join}
  group by 1, 2, 3, 4`;

const RECOMPUTE_MONTHLY_SQL = `
  insert into wo_rollups_monthly (org_unit_id, org_path, month, ${COLS})
  select org_unit_id, org_path, ${monthOf('day')}, ${sums()}
  from wo_rollups group by 1, 2, 3`;

/**
 * Rebuilds both rollup tables from the orders and follow-ups (demo data, bulk loads, `linli`
 * maintenance). Concurrent order changes wait for it, so none is lost or counted twice.
 */
export async function recomputeRollups(db: Db): Promise<{ daily: number; monthly: number }> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`lock table wo_rollups, wo_rollups_monthly in share row exclusive mode`);
    await tx.execute(sql`delete from wo_rollups`);
    await tx.execute(sql`delete from wo_rollups_monthly`);
    await tx.execute(sql.raw(RECOMPUTE_DAILY_SQL));
    await tx.execute(sql.raw(RECOMPUTE_MONTHLY_SQL));
    const [n] = rowsOf<{ daily: number; monthly: number }>(
      await tx.execute(
        sql`select (select count(*) from wo_rollups)::int as daily, (select count(*) from wo_rollups_monthly)::int as monthly`,
      ),
    );
    return n!;
  });
}
