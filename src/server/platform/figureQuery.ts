import { type SQL, and, gte, lt, sql } from 'drizzle-orm';
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
