import { eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';

/**
 * Updates the row with this id (one the use case already found in reach) with `set`, raising its `version` by
 * one without checking it first (the last write wins; see rows.ts `updateVersionedRow` for the checked form);
 * returns the row.
 */
export async function updateRowBumpingVersion<T extends PgTable & { id: AnyPgColumn; version: AnyPgColumn }>(
  db: Db,
  table: T,
  id: string,
  set: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect']> {
  const [after] = await db
    .update(table as PgTable)
    .set({ ...set, version: sql`${table.version} + 1` } as never)
    .where(eq(table.id, id))
    .returning();
  return after as T['$inferSelect'];
}
