import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

/**
 * A workflow adapter's record columns for a table whose state is kept in `status` (with `id`, `version` and
 * `updated_at`): spread into the adapter (`...statusTableColumns(table)`), as `stateTableColumns` for `state`.
 */
export function statusTableColumns<
  T extends PgTable & { id: AnyPgColumn; status: AnyPgColumn; version: AnyPgColumn; updatedAt: AnyPgColumn },
>(table: T) {
  return {
    table,
    id: table.id,
    state: table.status,
    version: table.version,
    updatedAt: table.updatedAt,
  };
}

/** A workflow adapter's `steps`: the deadline-steps table (`stepsTable` in columns.ts) and its record column. */
export function deadlineSteps<T extends PgTable & { step: AnyPgColumn; at: AnyPgColumn }>(
  table: T,
  recordId: AnyPgColumn,
) {
  return { table, recordId, step: table.step, at: table.at };
}
