import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  childColumns,
  createdByColumns,
  createdByTimestamps,
  createdByVersionedTimestamps,
  eventsTable,
  fileColumns,
  pathIndex,
  scopedColumns,
  stateComment,
  stepsTable,
  timestamps,
  ts,
  userColumns,
  versionedTimestamps,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * The head of a row kept under an application with its call: id, application_id, call_id and org_path (the
 * application's), all required.
 */
const callRowColumns = () => ({
  id: uuid('id').primaryKey(),
  applicationId: uuid('application_id').notNull(),
  callId: uuid('call_id').notNull(),
  orgPath: text('org_path').notNull(),
});

/** A reviewer's row on an application (assignment, score): `callRowColumns`, reviewer_id and reviewer_name. */
const reviewerRowColumns = () => ({
  ...callRowColumns(),
  reviewerId: uuid('reviewer_id').notNull(),
  reviewerName: text('reviewer_name').notNull(),
});

/**
 * A call for co-building projects (申报通知, seed 000): issued by a city or district civil-affairs bureau
 * (`org_unit_id`/`org_path` = the issuing unit) for the communities and villages under the subdistricts
 * and towns in `scope_unit_ids`. The project types, documents and selection criteria are the call's own
 * data (R-PJ-1, R-PJ-2); every deadline of its projects is computed from its dates.
 */
export const pjCalls = scopedTable(
  'pj_calls',
  {
    year: integer('year').notNull(),
    title: text('title').notNull(),
    /** draft | open | published */
    status: text('status').notNull(),
    types: jsonb('types').$type<{ key: string; name: string }[]>().notNull(),
    quota: integer('quota').notNull(),
    applicationDue: date('application_due', { mode: 'string' }).notNull(),
    completionDue: date('completion_due', { mode: 'string' }).notNull(),
    summaryDue: date('summary_due', { mode: 'string' }).notNull(),
    reportDay: integer('report_day').notNull(),
    subsidyCityFen: bigint('subsidy_city_fen', { mode: 'number' }).notNull(),
    subsidyPrefectureFen: bigint('subsidy_prefecture_fen', { mode: 'number' }).notNull(),
    documents: jsonb('documents').$type<{ key: string; name: string }[]>().notNull(),
    criteria: jsonb('criteria').$type<{ key: string; name: string; max: number }[]>().notNull(),
    scopeUnitIds: uuid('scope_unit_ids').array().notNull(),
    notes: text('notes'),
    openedAt: ts('opened_at'),
    publishedAt: ts('published_at'),
    ...createdByVersionedTimestamps(),
  },
  (t) => [index('pj_calls_year_idx').on(t.year)],
);

/**
 * A community's (village's) application to a call (R-PJ-2): `org_unit_id`/`org_path` = the applying
 * community, `subdistrict_id` = the subdistrict/town that reviews, seals and submits it. State machine in
 * projects.workflow.ts; `submit_due_at` is the end of the call's application day (China time), copied so
 * the workflow engine's deadline sweep can flag it, and moved when the call's date moves.
 */
export const pjApplications = pgTable(
  'pj_applications',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    callId: uuid('call_id').notNull(),
    ...scopedColumns(),
    subdistrictId: uuid('subdistrict_id').notNull(),
    type: text('type').notNull(),
    title: text('title').notNull(),
    summary: text('summary'),
    targets: jsonb('targets').$type<string[]>().notNull().default([]),
    consultationKind: text('consultation_kind'),
    consultationDate: date('consultation_date', { mode: 'string' }),
    consultationNote: text('consultation_note'),
    budgetLines: jsonb('budget_lines')
      .$type<{ item: string; amountFen: number; note?: string | null }[]>()
      .notNull()
      .default([]),
    funding: jsonb('funding').$type<{ source: string; amountFen: number }[]>().notNull().default([]),
    budgetTotalFen: bigint('budget_total_fen', { mode: 'number' }).notNull().default(0),
    fundingTotalFen: bigint('funding_total_fen', { mode: 'number' }).notNull().default(0),
    state: text('state').notNull(),
    reviewComment: text('review_comment'),
    sealNo: text('seal_no'),
    sealedAt: ts('sealed_at'),
    ...userColumns('sealedBy', 'sealed_by'),
    submitDueAt: ts('submit_due_at').notNull(),
    overdueAt: ts('overdue_at'),
    submittedAt: ts('submitted_at'),
    /** city | prefecture, once selected. */
    level: text('level'),
    decidedAt: ts('decided_at'),
    /** R-PJ-4, once selected: completion and the closing summary, due by the call's dates (end of day, China time). */
    completionDueAt: ts('completion_due_at'),
    completedAt: ts('completed_at'),
    completionNote: text('completion_note'),
    completionOverdueAt: ts('completion_overdue_at'),
    summaryDueAt: ts('summary_due_at'),
    summaryAt: ts('summary_at'),
    summaryText: text('summary_text'),
    summaryOverdueAt: ts('summary_overdue_at'),
    /** R-PJ-4: the bureau's latest mid-term field visit, its opinions and the project's answer. */
    visitAt: ts('visit_at'),
    visitOpinion: text('visit_opinion'),
    visitAnsweredAt: ts('visit_answered_at'),
    visitAnswer: text('visit_answer'),
    ...createdByVersionedTimestamps(),
  },
  (t) => [
    uniqueIndex('pj_applications_number_uq').on(t.number),
    uniqueIndex('pj_applications_call_unit_uq').on(t.callId, t.orgUnitId),
    pathIndex('pj_applications_path_idx', t.orgPath),
    index('pj_applications_call_idx').on(t.callId, t.state),
    index('pj_applications_due_idx').on(t.submitDueAt),
  ],
);

/** An application's timeline: every transition and system step. */
export const pjApplicationEvents = eventsTable(
  'pj_application_events',
  'applicationId',
  'application_id',
  'pj_application_events_app_idx',
  stateComment(),
);

/** Deadline steps the workflow sweep took (unique per application and step: each fires once). */
export const pjSteps = stepsTable('pj_steps', 'recordId', 'record_id');

/**
 * One reviewer's score of one application (R-PJ-2: criteria are the call's configuration), with the
 * conflict-of-interest declaration: a reviewer who declares one recuses, and their row counts no score.
 * `org_path` = the application's path (scoped reads).
 */
export const pjScores = pgTable(
  'pj_scores',
  {
    ...reviewerRowColumns(),
    conflict: boolean('conflict').notNull(),
    conflictNote: text('conflict_note'),
    scores: jsonb('scores').$type<Record<string, number>>().notNull().default({}),
    total: integer('total'),
    comment: text('comment'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('pj_scores_app_reviewer_uq').on(t.applicationId, t.reviewerId),
    index('pj_scores_call_idx').on(t.callId),
  ],
);

/**
 * A selected project's monthly progress report (R-PJ-4, R-RP-1): the subdistrict (town) files it with the
 * bureau before the call's report day of each month, from the month after selection to the completion
 * month. `due_at` = the start of the report day (China time): "每月20日前" is before the 20th. The
 * workflow's deadline sweep flags reports still not filed then. `org_path` = the community's path.
 */
export const pjReports = pgTable(
  'pj_reports',
  {
    ...callRowColumns(),
    /** YYYY-MM */
    month: text('month').notNull(),
    /** due | filed */
    state: text('state').notNull(),
    dueAt: ts('due_at').notNull(),
    overdueAt: ts('overdue_at'),
    progress: text('progress'),
    issues: text('issues'),
    nextSteps: text('next_steps'),
    filedAt: ts('filed_at'),
    ...userColumns('filedBy', 'filed_by'),
    ...versionedTimestamps(),
  },
  (t) => [
    uniqueIndex('pj_reports_app_month_uq').on(t.applicationId, t.month),
    pathIndex('pj_reports_path_idx', t.orgPath),
    index('pj_reports_due_idx').on(t.dueAt),
  ],
);

/**
 * One item of a selected project's archive (seed 000 四.3, R-PJ-3): a file uploaded to one of the eight
 * categories ①–⑧ with a note. The file lives in the file store (platform/storage.ts) under `file_id`.
 * `org_path` = the application's (community's) path, for scoped reads.
 */
export const pjArchiveItems = pgTable(
  'pj_archive_items',
  {
    ...childColumns('applicationId', 'application_id'),
    /** minutes | plan | guidance | self_governance | funds | disclosure | self_assessment | method */
    category: text('category').notNull(),
    note: text('note'),
    ...fileColumns(),
    ...createdByColumns(),
    /** Removed by the community or subdistrict with a reason (kept: leaves completeness and the zip). */
    removedAt: ts('removed_at'),
    ...userColumns('removedBy', 'removed_by'),
    removedReason: text('removed_reason'),
    ...timestamps(),
  },
  (t) => [
    index('pj_archive_items_app_idx').on(t.applicationId, t.category),
    pathIndex('pj_archive_items_path_idx', t.orgPath),
  ],
);

/**
 * Money of a selected project (R-PJ-5, issue 11 §6): a tranche received from one funding source
 * (disbursement), integer fen. `org_path` = the community's path (scoped reads).
 */
export const pjDisbursements = pgTable(
  'pj_disbursements',
  {
    ...childColumns('applicationId', 'application_id'),
    source: text('source').notNull(),
    receivedOn: date('received_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    note: text('note'),
    ...createdByColumns(),
    ...timestamps(),
  },
  (t) => [index('pj_disbursements_app_idx').on(t.applicationId, t.receivedOn)],
);

/**
 * A spend entered against one of the project's budget lines (`line` = the line's item) with its receipt
 * reference. A spend taking total spent past total disbursed carries the overrun approval (who approved,
 * why) — R-PJ-5 money rule; without one it is refused.
 */
export const pjSpends = pgTable(
  'pj_spends',
  {
    ...childColumns('applicationId', 'application_id'),
    line: text('line').notNull(),
    spentOn: date('spent_on', { mode: 'string' }).notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    receiptRef: text('receipt_ref').notNull(),
    note: text('note'),
    overrunApprovedBy: text('overrun_approved_by'),
    overrunReason: text('overrun_reason'),
    /** The receipt's photo (platform storage id) and its image type, when one was uploaded. */
    receiptFileId: uuid('receipt_file_id'),
    receiptMime: text('receipt_mime'),
    ...createdByColumns(),
    ...timestamps(),
  },
  (t) => [index('pj_spends_app_idx').on(t.applicationId, t.spentOn)],
);

/**
 * A fund-use statement published to residents (R-PJ-5: 村(居)务公开): the snapshot of budget / disbursed /
 * spent per line at publishing time, and the participation module's disclosure it was posted as.
 */
export const pjFundDisclosures = pgTable(
  'pj_fund_disclosures',
  {
    ...childColumns('applicationId', 'application_id'),
    disclosureId: uuid('disclosure_id'),
    snapshot: jsonb('snapshot')
      .$type<{
        lines: { item: string; budgetFen: number; spentFen: number }[];
        budgetFen: number;
        disbursedFen: number;
        spentFen: number;
      }>()
      .notNull(),
    postedAt: ts('posted_at').notNull(),
    ...createdByTimestamps(),
  },
  (t) => [index('pj_fund_disclosures_app_idx').on(t.applicationId, t.postedAt)],
);

/**
 * A milestone of a selected project's implementation plan (R-PJ-4 动态跟踪): a due date inside the project's
 * term, done with a note. `org_path` = the community's path (scoped reads).
 */
export const pjMilestones = pgTable(
  'pj_milestones',
  {
    ...childColumns('applicationId', 'application_id'),
    title: text('title').notNull(),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    note: text('note'),
    doneAt: ts('done_at'),
    doneNote: text('done_note'),
    ...userColumns('doneBy', 'done_by'),
    ...createdByTimestamps(),
  },
  (t) => [
    index('pj_milestones_app_idx').on(t.applicationId, t.dueOn),
    pathIndex('pj_milestones_path_idx', t.orgPath),
  ],
);

/**
 * A call's evaluation settings (R-PJ-4, issue 11 §5): the grade bands of the final evaluation (score ≥ min,
 * highest first), the next-year quota rules (grade → delta, floor), the evaluators the bureau names, and the
 * optional quota per subdistrict/town (`{ unitId: quota }`; the call's total quota still applies).
 */
export const pjCallEvaluation = pgTable('pj_call_evaluation', {
  callId: uuid('call_id').primaryKey(),
  bands: jsonb('bands').$type<{ key: string; name: string; min: number }[]>().notNull(),
  adjustments: jsonb('adjustments').$type<Record<string, number>>().notNull(),
  floor: integer('floor').notNull().default(0),
  evaluatorIds: uuid('evaluator_ids').array().notNull().default([]),
  subdistrictQuotas: jsonb('subdistrict_quotas').$type<Record<string, number>>().notNull().default({}),
  /** The previous call the quotas were proposed from, when applied from a proposal. */
  quotasFromCallId: uuid('quotas_from_call_id'),
  ...timestamps(),
});

/** The final evaluation (末期评估) of a selected project by the bureau's evaluation team (R-PJ-4). */
export const pjEvaluations = pgTable(
  'pj_evaluations',
  {
    id: uuid('id').primaryKey(),
    applicationId: uuid('application_id').notNull(),
    callId: uuid('call_id').notNull(),
    subdistrictId: uuid('subdistrict_id').notNull(),
    orgPath: text('org_path').notNull(),
    members: jsonb('members').$type<string[]>().notNull(),
    score: integer('score').notNull(),
    grade: text('grade').notNull(),
    gradeName: text('grade_name').notNull(),
    opinion: text('opinion').notNull(),
    evaluatedOn: date('evaluated_on', { mode: 'string' }).notNull(),
    ...createdByColumns(),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('pj_evaluations_app_uq').on(t.applicationId),
    index('pj_evaluations_call_idx').on(t.callId, t.subdistrictId),
  ],
);

/**
 * A force-majeure exemption (不可抗力, R-PJ-4 "force majeure excepted") of a project's completion date: the
 * bureau's reason and the new date; the project's completion deadline moves to it (the overdue flag clears).
 */
export const pjExemptions = pgTable(
  'pj_exemptions',
  {
    ...childColumns('applicationId', 'application_id'),
    reason: text('reason').notNull(),
    previousDueAt: ts('previous_due_at').notNull(),
    newDue: date('new_due', { mode: 'string' }).notNull(),
    ...userColumns('grantedBy', 'granted_by'),
    ...timestamps(),
  },
  (t) => [index('pj_exemptions_app_idx').on(t.applicationId, t.createdAt)],
);

/**
 * Seed 004's "家门口" doorstep projects (R-PJ-6, issue 11 §7): `org_unit_id`/`org_path` = the applying
 * community; a year, one of the nine categories (at most two per category per unit per year, counted
 * under an advisory lock), the settlement type, the budget plan (integer fen), the service frequency
 * (`service_times` per `service_per`) and the people served. Stages, reflections and files below.
 */
export const pjDoorstepProjects = scopedTable(
  'pj_doorstep_projects',
  {
    year: integer('year').notNull(),
    category: text('category').notNull(),
    name: text('name').notNull(),
    settlementType: text('settlement_type'),
    budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
    serviceTimes: integer('service_times').notNull(),
    /** week | month | quarter | year */
    servicePer: text('service_per').notNull(),
    peopleServed: integer('people_served').notNull(),
    summary: text('summary'),
    ...createdByColumns(),
    ...versionedTimestamps(),
  },
  (t) => [index('pj_doorstep_projects_unit_idx').on(t.orgUnitId, t.year, t.category)],
);

/**
 * A doorstep project's records: `kind` stage (one per stage: survey | analysis | design | implementation,
 * recorded in that order; the needs survey may link a closed survey) or reflection (any number).
 */
export const pjDoorstepRecords = pgTable(
  'pj_doorstep_records',
  {
    ...childColumns('projectId', 'project_id'),
    kind: text('kind').notNull(),
    stage: text('stage'),
    text: text('text').notNull(),
    recordDate: date('record_date', { mode: 'string' }).notNull(),
    surveyId: uuid('survey_id'),
    surveyTitle: text('survey_title'),
    ...createdByColumns(),
    ...timestamps(),
  },
  (t) => [
    index('pj_doorstep_records_project_idx').on(t.projectId, t.kind),
    uniqueIndex('pj_doorstep_records_stage_uq').on(t.projectId, t.stage).where(sql`${t.kind} = 'stage'`),
  ],
);

/** A file of a doorstep project in one slot: a stage's attachment or one of the four documents. */
export const pjDoorstepFiles = pgTable(
  'pj_doorstep_files',
  {
    ...childColumns('projectId', 'project_id'),
    slot: text('slot').notNull(),
    note: text('note'),
    ...fileColumns(),
    ...createdByColumns(),
    ...timestamps(),
  },
  (t) => [index('pj_doorstep_files_project_idx').on(t.projectId, t.slot)],
);

/**
 * Evaluator assignment (issue 11 §2, "an evaluator sees only what they are assigned"): the bureau assigns a
 * reviewer (`projects.score`) to a submitted application of its call. A reviewer who is not also a bureau
 * manager lists, reads and scores only the applications assigned to them. `org_path` = the application's.
 */
export const pjAssignments = pgTable(
  'pj_assignments',
  {
    ...reviewerRowColumns(),
    ...userColumns('assignedBy', 'assigned_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    uniqueIndex('pj_assignments_app_reviewer_uq').on(t.applicationId, t.reviewerId),
    index('pj_assignments_reviewer_idx').on(t.reviewerId, t.callId),
  ],
);

/**
 * R-PJ-4 "no project swaps midway" (S000-24): a selected project's content change — targets, plan summary,
 * budget lines and funding (kept balanced) — requested by the community with a reason and decided by the
 * bureau with a comment. `before`/`proposed` keep the history; approval applies `proposed`.
 */
export const pjChanges = pgTable(
  'pj_changes',
  {
    ...childColumns('applicationId', 'application_id'),
    /** pending | approved | rejected */
    state: text('state').notNull(),
    reason: text('reason').notNull(),
    before: jsonb('before').$type<Record<string, unknown>>().notNull(),
    proposed: jsonb('proposed').$type<Record<string, unknown>>().notNull(),
    ...userColumns('requestedBy', 'requested_by'),
    requestedAt: ts('requested_at').notNull(),
    ...userColumns('decidedBy', 'decided_by'),
    decidedAt: ts('decided_at'),
    decisionComment: text('decision_comment'),
  },
  (t) => [index('pj_changes_app_idx').on(t.applicationId, t.requestedAt)],
);

/**
 * R-PJ-2 "after consulting residents" (S000-27): the record an application's consultation rests on — a
 * closed meeting or a consulted deliberation topic of the participation module, a closed survey, or uploaded
 * minutes (a file in platform storage). One per application.
 */
export const pjConsultationLinks = pgTable('pj_consultation_links', {
  applicationId: uuid('application_id').primaryKey(),
  orgPath: text('org_path').notNull(),
  /** meeting | topic | survey | minutes */
  kind: text('kind').notNull(),
  recordId: uuid('record_id'),
  title: text('title').notNull(),
  recordDate: date('record_date', { mode: 'string' }),
  fileId: uuid('file_id'),
  fileName: text('file_name'),
  mime: text('mime'),
  size: integer('size'),
  ...createdByColumns(),
  ...timestamps(),
});

/** Seal via the seal log (R-AC-2, issue 11 §3): the application's seal-log entry in the certificates module. */
export const pjSealLinks = pgTable('pj_seal_links', {
  applicationId: uuid('application_id').primaryKey(),
  sealUseId: uuid('seal_use_id').notNull(),
  sealLogNo: text('seal_log_no').notNull(),
  at: ts('at').notNull(),
});

/**
 * A resident's rating of a doorstep project of their community (seed 004 三(三): residents as evaluators),
 * once it reached 项目实施: 1–5 stars and an optional comment; one per resident and project (re-rating
 * replaces it). `rater_masked` keeps the rater's name masked (张*丰), never in clear.
 */
export const pjDoorstepRatings = pgTable(
  'pj_doorstep_ratings',
  {
    ...childColumns('projectId', 'project_id'),
    userId: uuid('user_id').notNull(),
    raterMasked: text('rater_masked').notNull(),
    stars: integer('stars').notNull(),
    comment: text('comment'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('pj_doorstep_ratings_uq').on(t.projectId, t.userId)],
);
