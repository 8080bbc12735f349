import { type SQL, and, desc, gte, lt } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { type EvidenceQuery, onlyRef, underPath } from './evidence';

/**
 * The rows of `table` an evidence source offers (evidence.ts): under the community's org path, dated on
 * `dated` within the period, only `q.ref` when given (and `where` when given), newest first, at most `limit`.
 */
export async function evidenceRowsInPeriod<T extends PgTable & { id: AnyPgColumn; orgPath: AnyPgColumn }>(
  db: Db,
  table: T,
  dated: AnyPgColumn,
  q: EvidenceQuery,
  limit: number,
  where?: SQL,
): Promise<T['$inferSelect'][]> {
  return (await db
    .select()
    .from(table as PgTable)
    .where(
      and(
        underPath(table.orgPath, q.orgPath),
        gte(dated, q.from),
        lt(dated, q.to),
        onlyRef(table.id, q.ref),
        where,
      ),
    )
    .orderBy(desc(dated))
    .limit(limit)) as T['$inferSelect'][];
}
