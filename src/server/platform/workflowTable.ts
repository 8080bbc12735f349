import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { AuditEntry } from './audit';
import type { TransitionEvent } from './workflow';

type Versioned = PgTable & { id: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn };

/** A workflow adapter's record columns: the table, its id, the column holding the state, version and updated_at. */
function recordColumns<T extends Versioned>(table: T, state: AnyPgColumn) {
  return { table, id: table.id, state, version: table.version, updatedAt: table.updatedAt };
}

/**
 * A workflow adapter's record columns for a table with `id`, `state`, `version` and `updated_at`: spread into
 * the adapter (`...stateTableColumns(table)`) beside its event writer and audit entry.
 */
export function stateTableColumns<T extends Versioned & { state: AnyPgColumn }>(table: T) {
  return recordColumns(table, table.state);
}

/** The same for a table whose state is kept in `status` (services, work orders, disputes). */
export function statusTableColumns<T extends Versioned & { status: AnyPgColumn }>(table: T) {
  return recordColumns(table, table.status);
}

/** A workflow adapter's `steps`: the deadline-steps table (`stepsTable` in columns.ts) and its record column. */
export function deadlineSteps<T extends PgTable & { step: AnyPgColumn; at: AnyPgColumn }>(
  table: T,
  recordId: AnyPgColumn,
) {
  return { table, recordId, step: table.step, at: table.at };
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

type StatusEvent = TransitionEvent<string, { id: string; orgPath: string }>;

/**
 * The same for a record whose state is kept in `status`: the status before and after, beside what `before`
 * and `after` add (then the transition's data); the entry lies at the record's unit after the step unless
 * `orgPathOf` says otherwise.
 */
export function statusTransitionAudit<E extends StatusEvent>(
  prefix: string,
  entityType: string,
  opts: {
    before?(e: E): Record<string, unknown>;
    after?(e: E): Record<string, unknown>;
    orgPathOf?(e: E): string;
  } = {},
) {
  return (e: E): AuditEntry => ({
    action: `${prefix}.${e.action}`,
    entityType,
    entityId: e.record.id,
    orgPath: opts.orgPathOf ? opts.orgPathOf(e) : e.updated.orgPath,
    before: { status: e.from, ...opts.before?.(e) },
    after: { status: e.to, ...opts.after?.(e), ...e.data },
  });
}
