import { type SQL, and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { isUuid } from './ids';

/**
 * The row of `table` with this id inside `scope` (the policy's reach for the actor and action), or undefined:
 * out of reach reads as not found, the same as missing; an id that is not a UUID is not found either. With
 * `lock` the row is read FOR UPDATE, for a change in the same transaction.
 */
export async function findRowInScope<T extends PgTable & { id: AnyPgColumn }>(
  db: Db,
  table: T,
  id: string,
  scope: SQL | undefined,
  lock = false,
): Promise<T['$inferSelect'] | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), scope));
  const [row] = lock ? await q.for('update') : await q;
  return row as T['$inferSelect'] | undefined;
}
