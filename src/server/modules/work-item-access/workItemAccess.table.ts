import { bigint, boolean, date, index, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  actorColumns,
  createdByVersionedTimestamps,
  eventsTable,
  pathIndex,
  scopedColumns,
  stateComment,
  stepsTable,
  ts,
  versionedTimestamps,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * An application by a department for a work item to enter communities (社区工作事项准入, R-AC-1, seed 001):
 * filed with the organisation and civil-affairs departments of the level (`org_unit_id`/`org_path` = that
 * city or district); they consult the departments concerned, the community-governance leading group
 * decides. `due_at` = submission + 15 working days on the platform calendar (`due_estimated` when a year
 * on the way has no schedule). An item that a law, regulation, rule or superior party committee or
 * government requires (`basis_kind` law | superior) is exempt: recorded and listed, no approval.
 */
export const wiaApplications = pgTable(
  'wia_applications',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    ...scopedColumns(),
    department: text('department').notNull(),
    contactName: text('contact_name'),
    item: text('item').notNull(),
    content: text('content').notNull(),
    /** none | law | superior */
    basisKind: text('basis_kind').notNull(),
    basis: text('basis'),
    trainingStaff: jsonb('training_staff').$type<{ name: string; post: string }[]>().notNull().default([]),
    trainingPlan: text('training_plan'),
    fundsFen: bigint('funds_fen', { mode: 'number' }).notNull().default(0),
    fundsNote: text('funds_note'),
    /** submitted | consulting | approved | refused | purchase | exempt */
    state: text('state').notNull(),
    submittedAt: ts('submitted_at').notNull(),
    dueAt: ts('due_at'),
    dueEstimated: boolean('due_estimated').notNull().default(false),
    overdueAt: ts('overdue_at'),
    decidedAt: ts('decided_at'),
    decisionNote: text('decision_note'),
    meetingRef: text('meeting_ref'),
    ...createdByVersionedTimestamps(),
  },
  (t) => [
    uniqueIndex('wia_applications_number_uq').on(t.number),
    pathIndex('wia_applications_path_idx', t.orgPath),
    index('wia_applications_due_idx').on(t.dueAt),
  ],
);

/** Opinions the organisation and civil-affairs departments sought from the departments concerned. */
export const wiaOpinions = pgTable(
  'wia_opinions',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    department: text('department').notNull(),
    /** agree | disagree | conditional */
    stance: text('stance').notNull(),
    text: text('text').notNull(),
    at: ts('at').notNull(),
    ...actorColumns(),
  },
  (t) => [index('wia_opinions_app_idx').on(t.applicationId, t.at)],
);

/** An application's timeline (every step, and the deadline sweep's overdue mark). */
export const wiaEvents = eventsTable(
  'wia_events',
  'applicationId',
  'application_id',
  'wia_events_app_idx',
  stateComment(),
);

export const wiaSteps = stepsTable('wia_steps', 'recordId', 'record_id');

/**
 * The published lists of the level: items admitted to communities (`list` = admitted: approved or
 * exempt) and items routed to the government purchase-of-services list (`list` = purchase). An annual
 * clean-up review keeps or removes each (`status`, `reviewed_on`, `review_note`).
 */
export const wiaItems = scopedTable('wia_items', {
  applicationId: uuid('application_id'),
  /** admitted | purchase */
  list: text('list').notNull(),
  /** approved | exempt | purchase */
  kind: text('kind').notNull(),
  department: text('department').notNull(),
  item: text('item').notNull(),
  content: text('content').notNull(),
  basis: text('basis'),
  fundsFen: bigint('funds_fen', { mode: 'number' }).notNull().default(0),
  trainingStaff: jsonb('training_staff').$type<{ name: string; post: string }[]>().notNull().default([]),
  publishedOn: date('published_on', { mode: 'string' }).notNull(),
  /** active | removed */
  status: text('status').notNull(),
  reviewedOn: date('reviewed_on', { mode: 'string' }),
  reviewNote: text('review_note'),
  ...versionedTimestamps(),
});

/**
 * A community marks a department's request as not admitted (the matter is not on the published list):
 * `org_unit_id`/`org_path` = the community. Append-only; the level above sees them for its clean-up.
 */
export const wiaRefusals = scopedTable('wia_refusals', {
  department: text('department').notNull(),
  matter: text('matter').notNull(),
  requestedOn: date('requested_on', { mode: 'string' }).notNull(),
  note: text('note'),
  ...actorColumns(),
  createdAt: ts('created_at').notNull(),
});
