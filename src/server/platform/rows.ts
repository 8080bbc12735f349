import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';

/**
 * One-row writes that a use case makes inside its transaction, after it has found the row (or the unit
 * of a new row) in the actor's reach: the caller's checks decide; these only write and return the row.
 */

/** Inserts one row and returns it as stored. */
export async function insertRow<T extends PgTable>(
  db: Db,
  table: T,
  values: T['$inferInsert'],
): Promise<T['$inferSelect']> {
  const [created] = await db
    .insert(table as PgTable)
    .values(values as never)
    .returning();
  return created as T['$inferSelect'];
}

/** Updates the row with this id (one the use case already found in reach) and returns it. */
export async function updateRow<T extends PgTable & { id: AnyPgColumn }>(
  db: Db,
  table: T,
  id: string,
  set: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect']> {
  const [after] = await db
    .update(table as PgTable)
    .set(set as never)
    .where(eq(table.id, id))
    .returning();
  return after as T['$inferSelect'];
}

/**
 * Updates the row with this id (one the use case already found in reach), raising its `version` by one
 * without checking it first (the last write wins; `updateVersionedRow` below is the checked form); returns it.
 */
export function updateRowBumpingVersion<T extends PgTable & { id: AnyPgColumn; version: AnyPgColumn }>(
  db: Db,
  table: T,
  id: string,
  set: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect']> {
  return updateRow(db, table, id, { ...set, version: sql`${table.version} + 1` } as Partial<
    T['$inferInsert']
  >);
}

/**
 * Updates the row with this id while its `version` is still `version` (optimistic lock), raising the version
 * by one (and only while `where` holds, when given); returns the row, or undefined when another change won.
 */
export async function updateVersionedRow<T extends PgTable & { id: AnyPgColumn; version: AnyPgColumn }>(
  db: Db,
  table: T,
  id: string,
  version: number,
  set: Partial<T['$inferInsert']>,
  where?: SQL,
): Promise<T['$inferSelect'] | undefined> {
  const [after] = await db
    .update(table as PgTable)
    .set({ ...set, version: version + 1 } as never)
    .where(and(eq(table.id, id), eq(table.version, version), where))
    .returning();
  return after as T['$inferSelect'] | undefined;
}
