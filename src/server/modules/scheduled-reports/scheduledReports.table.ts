import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AttachmentDef, FieldDef, SubmittersDef } from '../../../shared/contracts/scheduledReports';
import {
  childColumns,
  createdByVersionedTimestamps,
  eventColumns,
  pathIndex,
  scopedColumns,
  ts,
  versionedTimestamps,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * A report template (信息报告, R-RP-1): set up by the receiving unit (`org_unit_id`/`org_path`), with its
 * fields and attachments, a cadence (monthly / quarterly / half-yearly / yearly), the due day of the due
 * month, and the units that must submit (chosen units, or every community under a unit).
 */
export const srTemplates = scopedTable('sr_templates', {
  title: text('title').notNull(),
  basis: text('basis'),
  description: text('description'),
  /** monthly | quarterly | half_yearly | yearly */
  cadence: text('cadence').notNull(),
  dueDay: integer('due_day').notNull(),
  dueInNextMonth: boolean('due_in_next_month').notNull().default(false),
  remindDays: integer('remind_days').notNull().default(3),
  startsOn: date('starts_on', { mode: 'string' }).notNull(),
  submitters: jsonb('submitters').$type<SubmittersDef>().notNull(),
  fields: jsonb('fields').$type<FieldDef[]>().notNull(),
  attachments: jsonb('attachments').$type<AttachmentDef[]>().notNull().default([]),
  active: boolean('active').notNull().default(true),
  ...createdByVersionedTimestamps(),
});

/**
 * One period of a template (e.g. 2026-11, 2026-H2): opened by the `scheduled-reports.cycles` job when the
 * period starts, with its due day (`due_on`, China date) and `due_at` (the end of that day, China time).
 * `org_path` = the receiving unit's path. `reminded_at` / `overdue_at`: the job's reminder and overdue steps.
 */
export const srCycles = pgTable(
  'sr_cycles',
  {
    ...childColumns('templateId', 'template_id'),
    period: text('period').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueAt: ts('due_at').notNull(),
    remindAt: ts('remind_at'),
    remindedAt: ts('reminded_at'),
    overdueAt: ts('overdue_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('sr_cycles_template_period_uq').on(t.templateId, t.period),
    pathIndex('sr_cycles_path_idx', t.orgPath),
    index('sr_cycles_due_idx').on(t.dueAt),
  ],
);

/**
 * One unit's report for one cycle. `org_unit_id`/`org_path`: the submitting unit; the receiving unit (who
 * reviews it) is the cycle's `org_path`. `late`: first handed in after the due time (R-RP-1); `overdue_at`: the
 * job found it not handed in at the due time.
 */
export const srSubmissions = pgTable(
  'sr_submissions',
  {
    id: uuid('id').primaryKey(),
    cycleId: uuid('cycle_id').notNull(),
    templateId: uuid('template_id').notNull(),
    ...scopedColumns(),
    /** draft | submitted | returned | resubmitted | accepted */
    state: text('state').notNull(),
    values: jsonb('values').$type<Record<string, number | string | null>>().notNull().default({}),
    attachments: jsonb('attachments').$type<{ label: string; name: string }[]>().notNull().default([]),
    note: text('note'),
    late: boolean('late').notNull().default(false),
    firstSubmittedAt: ts('first_submitted_at'),
    submittedAt: ts('submitted_at'),
    submittedBy: uuid('submitted_by'),
    reviewedAt: ts('reviewed_at'),
    reviewedBy: uuid('reviewed_by'),
    returnReason: text('return_reason'),
    resubmissions: integer('resubmissions').notNull().default(0),
    overdueAt: ts('overdue_at'),
    ...versionedTimestamps(),
  },
  (t) => [
    uniqueIndex('sr_submissions_cycle_unit_uq').on(t.cycleId, t.orgUnitId),
    pathIndex('sr_submissions_path_idx', t.orgPath),
    index('sr_submissions_cycle_idx').on(t.cycleId),
  ],
);

/** A submission's timeline: saved, submitted, returned (with the reason), resubmitted, accepted. */
export const srEvents = pgTable(
  'sr_events',
  {
    ...eventColumns('submissionId', 'submission_id'),
    orgPath: text('org_path').notNull(),
    comment: text('comment'),
  },
  (t) => [index('sr_events_submission_idx').on(t.submissionId, t.at)],
);
