import { type AuditContext, type AuditEntry, writeAudit } from './audit';
import type { Db } from './db';

/**
 * Writes the audit entry of a change to `record`, filed under its id and org path, in the caller's transaction:
 * `await auditRecord(tx, ctx, row, { action, entityType, before, after })`.
 */
export function auditRecord(
  tx: Db,
  ctx: AuditContext,
  record: { id: string; orgPath: string | null },
  entry: Omit<AuditEntry, 'entityId' | 'orgPath'>,
): Promise<void> {
  return writeAudit(tx, ctx, { ...entry, entityId: record.id, orgPath: record.orgPath });
}
