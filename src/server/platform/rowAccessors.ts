import { and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { findRowInScope } from './findInScope';
import type { Actor } from './permissions';
import type { Policy } from './policy';
import { insertRow, updateRow, updateRowBumpingVersion, updateVersionedRow } from './rows';

/**
 * A repository's look-up of one `table` row by id in the actor's reach for an action of `policy` (its scope on
 * `pathColumn` when given, else on the policy's own path column), undefined when missing or out of reach (404);
 * `lock` reads it FOR UPDATE. `export const findFoo = finderInScope(fooPolicy, fooItems);`
 */
export function finderInScope<A extends string, T extends PgTable & { id: AnyPgColumn }>(
  policy: Pick<Policy<A, never>, 'scope'>,
  table: T,
  pathColumn?: AnyPgColumn,
) {
  return (
    db: Db,
    actor: Actor,
    action: A,
    id: string,
    lock = false,
  ): Promise<T['$inferSelect'] | undefined> =>
    findRowInScope(db, table, id, policy.scope(actor, action, pathColumn), lock);
}

/**
 * A repository's optimistic update of one `table` row (found in reach by the use case): `updateVersionedRow`
 * at the version the caller read, undefined when another change won.
 */
export function versionedUpdater<T extends PgTable & { id: AnyPgColumn; version: AnyPgColumn }>(table: T) {
  return (
    db: Db,
    id: string,
    version: number,
    patch: Partial<T['$inferInsert']>,
  ): Promise<T['$inferSelect'] | undefined> => updateVersionedRow(db, table, id, version, patch);
}

/**
 * A repository's move of one `table` row on from status `from` (optimistic: the patch applies, raising the
 * version by one, only while the row is still in `from`); the row after, or undefined when it moved meanwhile.
 */
export function statusMover<
  T extends PgTable & { id: AnyPgColumn; status: AnyPgColumn; version: AnyPgColumn },
>(table: T) {
  return async (
    db: Db,
    id: string,
    from: string,
    patch: Partial<T['$inferInsert']>,
  ): Promise<T['$inferSelect'] | undefined> => {
    const [after] = await db
      .update(table as PgTable)
      .set({ ...patch, version: sql`${table.version} + 1` } as never)
      .where(and(eq(table.id, id), eq(table.status, from)))
      .returning();
    return after as T['$inferSelect'] | undefined;
  };
}

/** A repository's insert of one `table` row (insertRow bound to the table): `export const insertFoo = rowInserter(foos);` */
export function rowInserter<T extends PgTable>(table: T) {
  return (db: Db, values: T['$inferInsert']): Promise<T['$inferSelect']> => insertRow(db, table, values);
}

/** A repository's update of one `table` row the use case found in reach (updateRow bound to the table). */
export function rowUpdater<T extends PgTable & { id: AnyPgColumn }>(table: T) {
  return (db: Db, id: string, set: Partial<T['$inferInsert']>): Promise<T['$inferSelect']> =>
    updateRow(db, table, id, set);
}

/** The same raising the row's version by one without checking it (updateRowBumpingVersion bound to the table). */
export function bumpingUpdater<T extends PgTable & { id: AnyPgColumn; version: AnyPgColumn }>(table: T) {
  return (db: Db, id: string, set: Partial<T['$inferInsert']>): Promise<T['$inferSelect']> =>
    updateRowBumpingVersion(db, table, id, set);
}

/** Locks the `table` row with this id until the transaction ends (FOR UPDATE): its changes go one at a time. */
export async function lockRow<T extends PgTable & { id: AnyPgColumn }>(
  tx: Db,
  table: T,
  id: string,
): Promise<void> {
  await tx
    .select({ id: table.id })
    .from(table as PgTable)
    .where(eq(table.id, id))
    .for('update');
}
