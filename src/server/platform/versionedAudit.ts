import type { ActorCtx } from './context';
import type { Db } from './db';
import { AppError } from './errors';
import { auditRecord } from './recordAudit';

/** What the audit entry of a versioned update names: `before` as read, `after` from the updated row. */
export interface VersionedAudit<R> {
  action: string;
  entityType: string;
  /** The module's error code for "changed meanwhile" (409), e.g. `care.stale`. */
  stale: string;
  before: unknown;
  after: (row: R) => unknown;
}

/**
 * A use case's optimistic-locked change of one row with its audit entry, in one transaction: `update` (a
 * repository's versioned update) answers undefined when another change won, which answers 409 `stale`.
 * Returns the updated row.
 */
export async function versionedAuditedUpdate<R extends { id: string; orgPath: string }>(
  ctx: ActorCtx,
  update: (tx: Db) => Promise<R | undefined>,
  audit: VersionedAudit<R>,
): Promise<R> {
  return ctx.db.transaction(async (tx) => {
    const row = await update(tx);
    if (!row) throw new AppError(audit.stale, 409);
    await auditRecord(tx, ctx, row, {
      action: audit.action,
      entityType: audit.entityType,
      before: audit.before,
      after: audit.after(row),
    });
    return row;
  });
}
