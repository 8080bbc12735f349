import { type SQL, and, eq } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ActorCtx } from './context';
import type { Db } from './db';
import { notFound } from './errors';
import { isUuid } from './ids';
import type { Actor } from './permissions';

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

/**
 * What `find` returns once the actor is known to hold `action` (the policy's permission check comes first: 403
 * without it), else 404 when it finds nothing: the one record a use case acts on, in the actor's reach.
 */
export async function foundInReach<A extends string, R>(
  policy: { require(actor: Actor | undefined, action: A): void },
  ctx: ActorCtx,
  action: A,
  find: () => Promise<R | undefined>,
): Promise<R> {
  policy.require(ctx.actor, action);
  const row = await find();
  if (!row) throw notFound();
  return row;
}
