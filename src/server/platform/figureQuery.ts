import { type SQL, and, gte, inArray, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { underPath } from './permissions';

/** What a report figure's query asks for (platform/reportFigures.ts): rows under a unit in a period. */
export interface FigureQuery {
  orgPath: string;
  from: Date;
  to: Date;
}

/** The condition of a figure's rows: `path` under `q.orgPath` and `at` in [q.from, q.to). */
export function underInPeriod(path: AnyPgColumn, at: AnyPgColumn, q: FigureQuery): SQL | undefined {
  return and(underPath(path, q.orgPath), gte(at, q.from), lt(at, q.to));
}

/** How many rows of `table` meet `where`. */
export async function countWhere(db: Db, table: PgTable, where: SQL | undefined): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(table).where(where);
  return r?.n ?? 0;
}

/**
 * How many rows of `table` meeting `where` each of `ids` has in its `key` column: id → count, an id with none
 * left out; no ids answer an empty map without a query (the comments of a page of topics, a team's members…).
 */
export async function countsBy(
  db: Db,
  table: PgTable,
  key: AnyPgColumn,
  ids: readonly string[],
  where?: SQL,
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: key, n: sql<number>`count(*)::int` })
    .from(table)
    .where(and(inArray(key, [...ids]), where))
    .groupBy(key);
  return new Map(rows.map((r) => [r.id as string, r.n]));
}
