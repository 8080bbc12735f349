import { type SQL, and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { isUuid } from './ids';

/**
 * The row of `table` with this id inside `scope` (the policy's reach for the actor and action), or undefined:
 * out of reach reads as not found, the same as missing; an id that is not a UUID is not found either.
 */
export async function findRowInScope<T extends PgTable & { id: AnyPgColumn }>(
  db: Db,
  table: T,
  id: string,
  scope: SQL | undefined,
): Promise<T['$inferSelect'] | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), scope));
  return row as T['$inferSelect'] | undefined;
}
