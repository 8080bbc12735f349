import { index, integer, jsonb, pgTable, text, uuid } from 'drizzle-orm/pg-core';
import { scopedColumns, timestamps, ts } from '../../platform/columns';

/** One problem found in one row of an import file; the message is rendered in the reader's language. */
export interface ImportRowError {
  /** Row number as the spreadsheet shows it (the header is usually row 1). */
  row: number;
  /** Column key (`name`, `idNumber`, …). */
  column: string;
  /** Error code from src/shared/i18n/errors.ts and its params. */
  code: string;
  params?: Record<string, string | number>;
}

/**
 * A resident import: the file is parsed and validated into `import_rows` (staging), previewed, then
 * committed in one INSERT … SELECT so a crash leaves either every row or none.
 */
export const importJobs = pgTable('import_jobs', {
  id: uuid('id').primaryKey(),
  kind: text('kind').notNull(),
  ...scopedColumns(),
  fileName: text('file_name').notNull(),
  /** 'xlsx' | 'csv' */
  format: text('format').notNull().default('xlsx'),
  /** A CSV's detected text encoding ('utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'); null for xlsx. */
  encoding: text('encoding'),
  fileSize: integer('file_size').notNull().default(0),
  /** parsing → validated | failed → committing → committed | cancelled */
  status: text('status').notNull(),
  /** 0–100: share of the file read so far. */
  progress: integer('progress').notNull().default(0),
  totalRows: integer('total_rows').notNull().default(0),
  processedRows: integer('processed_rows').notNull().default(0),
  errorRows: integer('error_rows').notNull().default(0),
  /** The first errors only (see MAX_STORED_ERRORS); every error is on its row in `import_rows`. */
  errors: jsonb('errors').$type<ImportRowError[]>().notNull().default([]),
  /** Why the whole file failed (status 'failed'), as an error code and params. */
  failureCode: text('failure_code'),
  failureParams: jsonb('failure_params').$type<Record<string, string | number>>(),
  committedRows: integer('committed_rows'),
  committedAt: ts('committed_at'),
  createdBy: uuid('created_by').notNull(),
  ...timestamps(),
});

export const importRows = pgTable(
  'import_rows',
  {
    jobId: uuid('job_id').notNull(),
    rowNo: integer('row_no').notNull(),
    /** The row as it will be inserted (personal data already encrypted); `{}` for a row with errors. */
    data: jsonb('data').$type<Record<string, unknown>>().notNull(),
    /** The row's problems; null for a valid row. */
    errors: jsonb('errors').$type<ImportRowError[]>(),
  },
  (t) => [index('import_rows_job_idx').on(t.jobId, t.rowNo)],
);
