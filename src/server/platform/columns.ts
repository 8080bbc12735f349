/** Column helpers shared by the Drizzle table files (*.table.ts); they only spell columns, the SQL is the same as writing them out. */
import { timestamp } from 'drizzle-orm/pg-core';

/** A timestamptz column read and written as a JS Date. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** created_at and updated_at, both required; spread into a table's columns: `...timestamps()`. */
export const timestamps = () => ({
  createdAt: ts('created_at').notNull(),
  updatedAt: ts('updated_at').notNull(),
});
