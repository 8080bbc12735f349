import { type AuditedWrite, auditedWrite } from './auditedRows';
import type { ActorCtx } from './context';
import type { Db } from './db';
import { type RowUnit, newUnitRow } from './newRow';

/** The columns `newUnitRow` gives a new row: the caller's `fields` are the rest. */
type UnitRowColumns = keyof ReturnType<typeof newUnitRow>;

/**
 * A use case's create of one row under an org unit (found in the actor's reach), with its audit entry, in one
 * transaction: the repository's `insert` stores `newUnitRow`'s id, unit, path and times (`now`, default the
 * clock's) together with `fields`; returns the row as stored.
 */
export function insertUnitRowAudited<V extends object, R extends { id: string; orgPath: string }>(
  ctx: ActorCtx,
  unit: RowUnit,
  insert: (tx: Db, values: V) => Promise<R>,
  fields: NoInfer<Omit<V, UnitRowColumns>>,
  audit: AuditedWrite<R>,
  now: Date = ctx.clock.now(),
): Promise<R> {
  return auditedWrite(ctx, (tx) => insert(tx, { ...newUnitRow(ctx, unit, now), ...fields } as V), audit);
}
