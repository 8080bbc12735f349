import { z } from 'zod';
import { REGISTRATION_STATUSES } from '../orgKinds';
import { residentPersonFields } from './residents';
import { pageQuery } from './pageQuery';
import { timestamps, unitRef } from './dtoFields';

/**
 * Resident import (issue 2 part 7): upload → background parse and validation into staging → preview
 * and per-row error report → all-or-nothing commit.
 */
export const IMPORT_STATUSES = [
  'parsing',
  'validated',
  'failed',
  'committing',
  'committed',
  'cancelled',
] as const;
export type ImportStatus = (typeof IMPORT_STATUSES)[number];

/** The template's columns, in order; the keys double as label keys in src/shared/i18n/labels.ts. */
export const RESIDENT_IMPORT_COLUMNS = [
  'name',
  'idNumber',
  'phone',
  'gender',
  'birthDate',
  'building',
  'room',
  'address',
  'registrationStatus',
  'tags',
  'notes',
] as const;
export type ResidentImportColumn = (typeof RESIDENT_IMPORT_COLUMNS)[number];

/** Limits the server enforces; the web app shows them next to the upload button. */
export const IMPORT_LIMITS = { maxRows: 200_000, maxFileMb: 30, previewRows: 20, shownErrors: 100 } as const;

/** One problem in one cell: the row as the spreadsheet numbers it, the column, and why (in the reader's language). */
export const importErrorSchema = z.object({
  row: z.number(),
  /** Column key, e.g. 'idNumber'. */
  field: z.string(),
  /** Column title in the reader's language, e.g. '身份证号'. */
  column: z.string(),
  code: z.string(),
  reason: z.string(),
});
export type ImportErrorDto = z.infer<typeof importErrorSchema>;

/** A valid staged row; personal fields are masked (R-LAW-PI-1). */
export const importPreviewRowSchema = z.object({
  row: z.number(),
  ...residentPersonFields,
  building: z.string().nullable(),
  room: z.string().nullable(),
  registrationStatus: z.enum(REGISTRATION_STATUSES),
  /** How many special-group tags the row carries; the tags stay encrypted (R-LAW-PI-1). */
  specialGroupCount: z.number().int(),
  notes: z.string().nullable(),
});
export type ImportPreviewRow = z.infer<typeof importPreviewRowSchema>;

export const importJobSchema = z.object({
  id: z.string(),
  kind: z.string(),
  ...unitRef,
  fileName: z.string(),
  format: z.enum(['xlsx', 'csv']),
  /** A CSV's detected encoding (GB18030 covers GBK); null for xlsx. */
  encoding: z.enum(['utf-8', 'gb18030', 'utf-16le', 'utf-16be']).nullable(),
  fileSize: z.number(),
  status: z.enum(IMPORT_STATUSES),
  /** 0–100 while parsing; 100 once validated. */
  progress: z.number(),
  /** Data rows found (known up front for CSV, at the end for .xlsx). */
  totalRows: z.number(),
  processedRows: z.number(),
  validRows: z.number(),
  errorRows: z.number(),
  /** Why the whole file failed, in the reader's language. */
  failure: z.object({ code: z.string(), message: z.string() }).nullable(),
  committedRows: z.number().nullable(),
  committedAt: z.date().nullable(),
  createdBy: z.string(),
  createdByName: z.string().nullable(),
  ...timestamps,
  abilities: z.object({ commit: z.boolean(), cancel: z.boolean() }),
});
export type ImportJobDto = z.infer<typeof importJobSchema>;

export const importJobDetailSchema = importJobSchema.extend({
  /** The first errors (IMPORT_LIMITS.shownErrors); the full list is GET /api/imports/:id/errors.xlsx. */
  errors: z.array(importErrorSchema),
  /** The first valid rows (IMPORT_LIMITS.previewRows), masked. */
  preview: z.array(importPreviewRowSchema),
});
export type ImportJobDetailDto = z.infer<typeof importJobDetailSchema>;

export const importListQuery = z.object({
  status: z.enum(IMPORT_STATUSES).optional(),
  ...pageQuery,
});
export type ImportListQuery = z.infer<typeof importListQuery>;

/** Multipart form fields sent with the file (the file part is named `file`). */
export const residentImportFields = z.object({ orgUnitId: z.string().uuid() });
export type ResidentImportFields = z.infer<typeof residentImportFields>;
