/** Column helpers shared by the Drizzle table files (*.table.ts); they only spell columns, the SQL is the same as writing them out. */
import { text, timestamp, uuid } from 'drizzle-orm/pg-core';

/** A timestamptz column read and written as a JS Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** created_at and updated_at, both required; spread into a table's columns: `...timestamps()`. */
export const timestamps = () => ({
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/** org_unit_id + org_path of a scoped table (the row's unit and its path, DESIGN convention 5), both required. */
export const scopedColumns = () => ({
  orgUnitId: uuid('org_unit_id').notNull(),
  orgPath: text('org_path').notNull(),
});
