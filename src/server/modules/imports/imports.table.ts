import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

/**
 * A resident import: the file is parsed and validated into `import_rows` (staging), previewed, then
 * committed in one INSERT … SELECT so a crash leaves either every row or none.
 */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  orgUnitId: uuid('org_unit_id').notNull(),
  orgPath: text('org_path').notNull(),
  fileName: text('file_name').notNull(),
  /** parsing → validated | failed → committing → committed | cancelled */
  status: text('status').notNull(),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  errorRows: integer('error_rows').notNull().default(0),
  errors: jsonb('errors').$type<{ row: number; column: string; reason: string }[]>().notNull().default([]),
  createdBy: uuid('created_by').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});

export const importRows = pgTable(
  'import_rows',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    /** The row as it will be inserted (personal data already encrypted). */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index('import_rows_job_idx').on(t.jobId, t.rowNo)],
);
