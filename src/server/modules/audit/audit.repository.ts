import { and, desc, eq, gte, like, lte, or } from 'drizzle-orm';
import type { AuditQuery } from '../../../shared/contracts/audit';
import { auditLog } from '../../platform/audit.table';
import type { Db } from '../../platform/db';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, escapeLike } from '../../platform/permissions';
import { mergedUnitPathsInto } from '../org/org.api';
import { auditPolicy } from './audit.policy';

/**
 * The only code that queries the audit log for reading (writes go through platform/audit.ts). Scope is
 * always ANDed in: the actor's subtree, plus the history of units merged into it (the trail itself is
 * immutable, so a merged unit's entries keep their old paths).
 */
export async function listAuditEntries(
  db: Db,
  actor: Actor,
  q: AuditQuery,
): Promise<Page<typeof auditLog.$inferSelect>> {
  const inScope = auditPolicy.scope(actor, 'read');
  const merged = await mergedUnitPathsInto(db, (path) => auditPolicy.scope(actor, 'read', path));
  return listPage(db, {
    table: auditLog,
    where: and(
      merged.length
        ? or(inScope, ...merged.map((path) => like(auditLog.orgPath, `${escapeLike(path)}%`)))
        : inScope,
      q.action ? eq(auditLog.action, q.action) : undefined,
      q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
      q.requestId ? eq(auditLog.requestId, q.requestId) : undefined,
      q.success ? eq(auditLog.success, q.success === 'true') : undefined,
      q.from ? gte(auditLog.at, q.from) : undefined,
      q.to ? lte(auditLog.at, q.to) : undefined,
    ),
    orderBy: [desc(auditLog.seq)],
    page: q,
  });
}
