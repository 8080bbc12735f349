import { type AuditContext, writeAudit } from './audit';
import type { Db } from './db';

type AuditChange = { before?: unknown; after?: unknown };

/**
 * The audit writer of one entity type: `const auditTeam = audited('volunteer_team')`, then
 * `auditTeam(tx, ctx, action, id, at, { before, after })`, filed under the path of `at` (the record or its unit).
 */
export const audited =
  (entityType: string) =>
  (
    tx: Db,
    ctx: AuditContext,
    action: string,
    entityId: string,
    at: { orgPath: string },
    change: AuditChange,
  ) =>
    writeAudit(tx, ctx, { action, entityType, entityId, orgPath: at.orgPath, ...change });
