import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';

/**
 * Inserts one row or, when a row with the same `target` key is already there, updates that row with `set`; returns
 * the row as stored. `upsertRow(tx, fooLimits, fooLimits.kind, row, { minutes: row.minutes })`.
 */
export async function upsertRow<T extends PgTable>(
  db: Db,
  table: T,
  target: AnyPgColumn | AnyPgColumn[],
  values: T['$inferInsert'],
  set: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect']> {
  const [row] = await db
    .insert(table as PgTable)
    .values(values as never)
    .onConflictDoUpdate({ target, set: set as never })
    .returning();
  return row as T['$inferSelect'];
}
