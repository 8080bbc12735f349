import { sql } from 'drizzle-orm';
import { auditLog } from '../../platform/audit.table';
import { type Policy, definePolicy } from '../../platform/policy';

export type AuditAction = 'read' | 'verify';
type AuditRecord = { orgPath: string | null };

/**
 * Who reads the audit trail: `audit.read` within the actor's subtree. Entries with no org unit (logins,
 * accounts) count as platform-wide ('/'), so only platform-wide auditors see them; verifying the whole
 * chain is for them only too.
 */
export const auditPolicy: Policy<AuditAction, AuditRecord> = definePolicy({
  permissions: { read: 'audit.read', verify: 'audit.read' },
  pathColumn: sql`coalesce(${auditLog.orgPath}, '/')`,
  pathOf: (r: AuditRecord) => r.orgPath ?? '/',
});
