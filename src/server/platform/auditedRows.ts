import { writeAudit } from './audit';
import type { ActorCtx } from './context';
import type { Db } from './db';
import { auditRecord } from './recordAudit';

/**
 * A use case's one-row create or update together with its audit entry, in one transaction. The caller has
 * already found the row (or the unit of a new row) in the actor's reach; these only write.
 */

/** What the audit entry of an audited write names; `view` is what the trail keeps of a row (default: all of it). */
export interface AuditedWrite<R> {
  action: string;
  entityType: string;
  view?: (row: R) => unknown;
}

/** The fields of a partial-update body that the client sent (undefined dropped), for an update's `set`. */
export function sentFields<T extends object, K extends keyof T>(
  input: T,
  keys: readonly K[],
): { [P in K]?: Exclude<T[P], undefined> } {
  const out: { [P in K]?: Exclude<T[P], undefined> } = {};
  for (const k of keys) if (input[k] !== undefined) out[k] = input[k] as Exclude<T[K], undefined>;
  return out;
}

/**
 * Runs `write` (a repository insert or change of one row) in a transaction with that row's audit entry
 * (`after`: the row as `audit.view` shows it); returns the row.
 */
export async function auditedWrite<R extends { id: string; orgPath: string }>(
  ctx: ActorCtx,
  write: (tx: Db) => Promise<R>,
  audit: AuditedWrite<R>,
): Promise<R> {
  return ctx.db.transaction(async (tx) => {
    const row = await write(tx);
    await auditRecord(tx, ctx, row, {
      action: audit.action,
      entityType: audit.entityType,
      after: audit.view ? audit.view(row) : row,
    });
    return row;
  });
}

/**
 * Runs `change` (a repository update of the row `before`, found in reach) in a transaction with its audit entry
 * (`before` and `after` as `audit.view` shows them, `after` extended by `extra`); returns the updated row.
 */
export async function auditedChange<R extends { id: string; orgPath: string }>(
  ctx: ActorCtx,
  before: R,
  change: (tx: Db) => Promise<R>,
  audit: AuditedWrite<R> & { extra?: Record<string, unknown> },
): Promise<R> {
  const view = audit.view ?? ((r: R) => r);
  return ctx.db.transaction(async (tx) => {
    const after = await change(tx);
    await writeAudit(tx, ctx, {
      action: audit.action,
      entityType: audit.entityType,
      entityId: before.id,
      orgPath: after.orgPath,
      before: view(before),
      after: audit.extra ? { ...(view(after) as object), ...audit.extra } : view(after),
    });
    return after;
  });
}
