import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';

/** The audit entry of something done to one dispute: entity `ds_dispute`, at the path of the unit handling it. */
export function auditDispute(
  db: Db,
  ctx: AuditContext,
  d: { id: string; orgPath: string },
  action: string,
  after: Record<string, unknown>,
): Promise<void> {
  return writeAudit(db, ctx, { action, entityType: 'ds_dispute', entityId: d.id, orgPath: d.orgPath, after });
}
