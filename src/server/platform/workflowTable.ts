import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';

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
