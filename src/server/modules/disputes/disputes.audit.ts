import { type AuditContext, writeAudit } from '../../platform/audit';
import type { Db } from '../../platform/db';

/**
 * The audit entries of one kind of disputes record: `entityType`, the record's id, at the record's path, with
 * what the step changed (`after`, and `before` where the trail keeps the old values).
 */
function auditOf(entityType: string) {
  return (
    db: Db,
    ctx: AuditContext,
    record: { id: string; orgPath: string },
    action: string,
    after: Record<string, unknown>,
    before?: Record<string, unknown>,
  ): Promise<void> =>
    writeAudit(db, ctx, { action, entityType, entityId: record.id, orgPath: record.orgPath, before, after });
}

/** Something done to one dispute (at the path of the unit handling it). */
export const auditDispute = auditOf('ds_dispute');
/** A change to a handling body of the roster. */
export const auditBody = auditOf('ds_body');
/** A step on a hidden risk of the register. */
export const auditRisk = auditOf('ds_risk');
/** A community's leader and contact named (the record is the community). */
export const auditContact = auditOf('ds_contact');
