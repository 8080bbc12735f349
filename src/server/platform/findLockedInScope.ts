import { type SQL, and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { isUuid } from './ids';

/**
 * `findRowInScope` that can also lock: the row of `table` with this id inside `scope`, or undefined (out of
 * reach, missing and a non-UUID id alike); with `lock` it is read FOR UPDATE, for a change in the same transaction.
 */
export async function findLockedInScope<T extends PgTable & { id: AnyPgColumn }>(
  db: Db,
  table: T,
  id: string,
  scope: SQL | undefined,
  lock: boolean,
): Promise<T['$inferSelect'] | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), scope));
  const [row] = lock ? await q.for('update') : await q;
  return row as T['$inferSelect'] | undefined;
}
