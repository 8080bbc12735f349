import { sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db';
import type { Db } from '../../platform/db';
import { type Actor, escapeLike } from '../../platform/permissions';
import { statsScope } from './workOrders.policy';
import { ROLLUP_COUNTERS } from './workOrders.rollups.table';

/**
 * The queries behind the work-order measures (`workOrders.reports.ts`): sums over the rollups, and the
 * located orders of the heat map. Each reads under a root unit's path the caller found in reach and ANDs
 * the actor's measures scope (`statsScope`) into its `where`.
 */

const SUMS = ROLLUP_COUNTERS.map((c) => `sum(${c})::int as ${c}`).join(', ');
const COLS = ROLLUP_COUNTERS.join(', ');

/**
 * The rollup counters under `rootPath` per unit path: monthly rows for the whole months `months` (first days,
 * both included) and daily rows for the day ranges `days` (China dates, both ends included).
 */
export async function rollupSumsByPath(
  db: Db,
  actor: Actor,
  rootPath: string,
  months: [string, string] | null,
  days: [string, string][],
) {
  const under = sql`org_path like ${`${escapeLike(rootPath)}%`} and ${statsScope(actor, sql`org_path`)}`;
  const parts = [];
  if (months)
    parts.push(
      sql`select org_path, ${sql.raw(COLS)} from wo_rollups_monthly where ${under} and month between ${months[0]}::date and ${months[1]}::date`,
    );
  if (days.length)
    parts.push(
      sql`select org_path, ${sql.raw(COLS)} from wo_rollups where ${under} and (${sql.join(
        days.map(([a, b]) => sql`day between ${a}::date and ${b}::date`),
        sql` or `,
      )})`,
    );
  return rowsOf<Record<string, number | string>>(
    await db.execute(
      sql`select org_path, ${sql.raw(SUMS)} from (${sql.join(parts, sql` union all `)}) x group by org_path`,
    ),
  );
}

/** The counters of the top-categories report per category under `rootPath` in [from, to], most received first. */
export async function rollupSumsByCategory(db: Db, actor: Actor, rootPath: string, from: string, to: string) {
  return rowsOf<{
    category_code: string;
    received: number;
    closed: number;
    followups_valid: number;
    resolved: number;
    satisfied: number;
    basically_satisfied: number;
  }>(
    await db.execute(sql`
      select category_code, sum(received)::int as received, sum(closed)::int as closed,
        sum(followups_valid)::int as followups_valid, sum(resolved)::int as resolved,
        sum(satisfied)::int as satisfied, sum(basically_satisfied)::int as basically_satisfied
      from wo_rollups
      where org_path like ${`${escapeLike(rootPath)}%`} and ${statsScope(actor, sql`org_path`)}
        and day between ${from}::date and ${to}::date
      group by category_code
      order by 2 desc, 1`),
  );
}

/**
 * Orders received under `rootPath` per unit path and category: `n` in the week [from, to], `prev` in the
 * days from `since` up to the week (the hotspots' comparison).
 */
export async function weekReceivedByPathAndCategory(
  db: Db,
  actor: Actor,
  rootPath: string,
  q: { since: string; from: string; to: string },
) {
  return rowsOf<{ org_path: string; category_code: string; n: number; prev: number }>(
    await db.execute(sql`
      select org_path, category_code,
        coalesce(sum(received) filter (where day >= ${q.from}::date), 0)::int as n,
        coalesce(sum(received) filter (where day < ${q.from}::date), 0)::int as prev
      from wo_rollups
      where org_path like ${`${escapeLike(rootPath)}%`} and ${statsScope(actor, sql`org_path`)}
        and day between ${q.since}::date and ${q.to}::date
      group by 1, 2`),
  );
}

/**
 * Located orders received in [start, end), handled or dispatched under `rootPath` (optionally of one
 * category), counted per square cell of `cellDeg` degrees: the largest `limit` cells.
 */
export async function orderCountsPerCell(
  db: Db,
  actor: Actor,
  rootPath: string,
  q: { start: Date; end: Date; cellDeg: number; categoryCode?: string | undefined; limit: number },
) {
  const prefix = `${escapeLike(rootPath)}%`;
  return rowsOf<{ lat: number; lng: number; n: number }>(
    await db.execute(sql`
      select round(lat / ${q.cellDeg}) as lat, round(lng / ${q.cellDeg}) as lng, count(*)::int as n
      from work_orders
      where lat is not null and lng is not null
        and created_at >= ${q.start.toISOString()}::timestamptz and created_at < ${q.end.toISOString()}::timestamptz
        and (org_path like ${prefix} or dispatch_path like ${prefix})
        and (${statsScope(actor, sql`org_path`)} or ${statsScope(actor, sql`dispatch_path`)})
        ${q.categoryCode ? sql`and category_code = ${q.categoryCode}` : sql``}
      group by 1, 2
      order by 3 desc, 1, 2
      limit ${q.limit}`),
  );
}
