import type { BuildExtraConfigColumns } from 'drizzle-orm';
import { type PgColumnBuilderBase, type PgTableExtraConfigValue, pgTable } from 'drizzle-orm/pg-core';
import { pathIndex, scopedRecordColumns } from './columns';

type ScopedColumns<C> = ReturnType<typeof scopedRecordColumns> & C;

/**
 * A table of records kept at an org unit and read by subtree: `scopedRecordColumns` (id, org_unit_id, org_path),
 * then the table's own `columns` (its timestamps included), the index `<name>_path_idx` on org_path, then the
 * table's own indexes (`indexes`, when it has any).
 * `export const xRounds = scopedTable('x_rounds', { title: text('title').notNull(), ...timestamps() });`
 */
export const scopedTable = <N extends string, C extends Record<string, PgColumnBuilderBase>>(
  name: N,
  columns: C,
  indexes?: (t: BuildExtraConfigColumns<N, ScopedColumns<C>, 'pg'>) => PgTableExtraConfigValue[],
) =>
  pgTable(name, { ...scopedRecordColumns(), ...columns } as ScopedColumns<C>, (t) => [
    pathIndex(`${name}_path_idx`, t.orgPath),
    ...(indexes?.(t) ?? []),
  ]);
