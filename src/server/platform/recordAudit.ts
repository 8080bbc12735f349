import { type AuditContext, type AuditEntry, writeAudit } from './audit';
import type { Db } from './db';

type RecordEntry = Omit<AuditEntry, 'entityId' | 'orgPath'>;

/**
 * Writes the audit entry of a change to `record`, filed under its id and org path, in the caller's transaction:
 * `await auditRecord(tx, ctx, row, { action, entityType, before, after })`.
 */
export function auditRecord(
  tx: Db,
  ctx: AuditContext,
  record: { id: string; orgPath: string | null },
  entry: RecordEntry,
): Promise<void> {
  return writeAudit(tx, ctx, { ...entry, entityId: record.id, orgPath: record.orgPath });
}

/**
 * Writes one audit entry in a transaction of its own: the trail of an act that changes no record (a reveal of
 * personal data, an export, a printout, a test delivery). `await auditAccess(ctx, { action, entityType, after })`.
 */
export async function auditAccess(ctx: AuditContext & { db: Db }, entry: AuditEntry): Promise<void> {
  await ctx.db.transaction((tx) => writeAudit(tx, ctx, entry));
}

/** `auditAccess` of an access to `record`, filed under its id and org path (as `auditRecord` files it). */
export function auditRecordAccess(
  ctx: AuditContext & { db: Db },
  record: { id: string; orgPath: string | null },
  entry: RecordEntry,
): Promise<void> {
  return auditAccess(ctx, { ...entry, entityId: record.id, orgPath: record.orgPath });
}
