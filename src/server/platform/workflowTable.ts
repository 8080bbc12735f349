import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditEntry } from './audit';
import type { TransitionEvent } from './workflow';

/**
 * A workflow adapter's record columns for a table with `id`, `state`, `version` and `updated_at`: spread into
 * the adapter (`...stateTableColumns(table)`) beside its event writer and audit entry.
 */
export function stateTableColumns<
  T extends PgTable & { id: AnyPgColumn; state: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn },
>(table: T) {
  return {
    table,
    id: table.id,
    state: table.state,
    version: table.version,
    updatedAt: table.updatedAt,
  };
}

/**
 * A workflow adapter's audit entry for a transition: `<prefix>.<action>` on the record, its state before and
 * after (with the transition's data).
 */
export function stateTransitionAudit(prefix: string, entityType: string) {
  return <S extends string>(e: TransitionEvent<S, { id: string; orgPath: string }>): AuditEntry => ({
    action: `${prefix}.${e.action}`,
    entityType,
    entityId: e.record.id,
    orgPath: e.record.orgPath,
    before: { state: e.from },
    after: { state: e.to, ...e.data },
  });
}
