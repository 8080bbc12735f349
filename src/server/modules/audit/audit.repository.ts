import { and, desc, eq, gte, like, lte, or, sql } from 'drizzle-orm';
import type { AuditQuery } from '../../../shared/contracts/audit';
import { auditLog } from '../../platform/audit.table';
import { type Db, rowsOf } from '../../platform/db';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, escapeLike } from '../../platform/permissions';
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
  const merged = rowsOf<{ path: string }>(
    await db.execute(sql`
      with recursive absorbed as (
        select id, path from org_units where status = 'merged'
          and merged_into_id in (select id from org_units where ${auditPolicy.scope(actor, 'read', sql`path`)})
        union
        select o.id, o.path from org_units o join absorbed a on o.merged_into_id = a.id where o.status = 'merged'
      ) select path from absorbed`),
  );
  return listPage(db, {
    table: auditLog,
    where: and(
      merged.length
        ? or(inScope, ...merged.map((m) => like(auditLog.orgPath, `${escapeLike(m.path)}%`)))
        : inScope,
      q.action ? eq(auditLog.action, q.action) : undefined,
      q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
      q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
      q.actorId ? eq(auditLog.actorId, q.actorId) : undefined,
      q.success ? eq(auditLog.success, q.success === 'true') : undefined,
      q.from ? gte(auditLog.at, q.from) : undefined,
      q.to ? lte(auditLog.at, q.to) : undefined,
    ),
    orderBy: [desc(auditLog.seq)],
    page: q,
  });
}
