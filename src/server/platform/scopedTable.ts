import { type PgColumnBuilderBase, pgTable } from 'drizzle-orm/pg-core';
import { pathIndex, scopedRecordColumns } from './columns';

/**
 * A table of records kept at an org unit and read by subtree: `scopedRecordColumns` (id, org_unit_id, org_path),
 * then the table's own `columns` (its timestamps included), and the index `<name>_path_idx` on org_path.
 * `export const xRounds = scopedTable('x_rounds', { title: text('title').notNull(), ...timestamps() });`
 */
export const scopedTable = <N extends string, C extends Record<string, PgColumnBuilderBase>>(
  name: N,
  columns: C,
) =>
  pgTable(name, { ...scopedRecordColumns(), ...columns }, (t) => [pathIndex(`${name}_path_idx`, t.orgPath)]);
