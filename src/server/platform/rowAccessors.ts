import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { findRowInScope } from './findInScope';
import type { Actor } from './permissions';
import type { Policy } from './policy';
import { updateVersionedRow } from './rows';

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
