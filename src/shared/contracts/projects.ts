import { stateEventFields } from './stateEvents';
import { z } from 'zod';
import { pageQuery } from './pageQuery';
import { timestamps, unitRef } from './dtoFields';

/**
 * Contracts of the co-building projects module (共建共享社区治理项目, seed 000): calls (申报通知),
 * applications (申报) with the subdistrict's review and seal, reviewers' scores and the bureau's
 * selection. Money is integer fen everywhere (R-PJ-5).
 */

const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,39}$/);
const name = z.string().trim().min(1).max(60);
const date = z.iso.date();
const fen = z.number().int().min(0).max(100_000_000_000);

/** The five project types of seed 000 (R-PJ-1), the default of a new call; a call keeps its own copy. */
export const SEED_000_TYPES = [
  { key: 'party_building', name: '党建引领型' },
  { key: 'mutual_aid', name: '邻里互助型' },
  { key: 'consultation', name: '协商自治型' },
  { key: 'service', name: '服务促进型' },
  { key: 'participation', name: '社会参与型' },
] as const;

/** The selection considerations of seed 000 (四.2); the seed gives no weights, so these are defaults. */
export const SEED_000_CRITERIA = [
  { key: 'facilities', name: '基础设施建设', max: 25 },
  { key: 'party_building', name: '党建工作', max: 25 },
  { key: 'service_capacity', name: '服务能力', max: 25 },
  { key: 'participation', name: '群众参与', max: 25 },
] as const;

/** The documents seed 000 asks for (四.1 and its attachments). */
export const SEED_000_DOCUMENTS = [
  { key: 'application_form', name: '项目申报表' },
  { key: 'project_plan', name: '项目方案书' },
] as const;

export const CALL_STATUSES = ['draft', 'open', 'published'] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];

export const APPLICATION_STATES = [
  'draft',
  'pending_review',
  'returned',
  'approved',
  'submitted',
  'selected',
  'not_selected',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number];

export const APPLICATION_ACTIONS = [
  'send',
  'return',
  'approve',
  'seal',
  'submit',
  'select',
  'reject',
  /** 通报: the bureau circulates a notice on a selected project's slow progress (R-PJ-4). */
  'notice',
  /** R-PJ-4: the subdistrict records the project's completion, then its closing summary. */
  'complete',
  'summarize',
  /** R-PJ-4: the bureau records its mid-term field visit with opinions; the subdistrict answers them. */
  'visit',
  'answer',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

export const FUNDING_SOURCES = [
  'city',
  'subdistrict',
  'donation',
  'foundation',
  'resident_unit',
  'self',
  'other',
] as const;
export type FundingSource = (typeof FUNDING_SOURCES)[number];

export const CONSULTATION_KINDS = ['meeting', 'survey', 'minutes'] as const;
export type ConsultationKind = (typeof CONSULTATION_KINDS)[number];

export const SELECTION_LEVELS = ['city', 'prefecture'] as const;
export type SelectionLevel = (typeof SELECTION_LEVELS)[number];

const typeItem = z.strictObject({ key, name });
const documentItem = z.strictObject({ key, name });
const criterionItem = z.strictObject({ key, name, max: z.number().int().min(1).max(100) });

const callFields = {
  year: z.number().int().min(2000).max(2100),
  title: z.string().trim().min(1).max(100),
  types: z.array(typeItem).min(1).max(20),
  /** How many pilots the bureau selects (12 in Jinjiang 2023). */
  quota: z.number().int().min(1).max(1000),
  /** The last day applications are submitted (inclusive, China time). */
  applicationDue: date,
  completionDue: date,
  summaryDue: date,
  /** The monthly progress report is due on this day of each month. */
  reportDay: z.number().int().min(1).max(28),
  /** City-level pilot subsidy and prefecture-level matching subsidy, in fen. */
  subsidyCityFen: fen,
  subsidyPrefectureFen: fen,
  documents: z.array(documentItem).min(1).max(20),
  criteria: z.array(criterionItem).min(1).max(20),
  /** The subdistricts/towns whose communities and villages may apply. */
  scopeUnitIds: z.array(z.uuid()).min(1).max(200),
  notes: z.string().trim().max(2000).nullish(),
};

export const createCallBody = z.strictObject({ orgUnitId: z.uuid(), ...callFields });
export type CreateCallBody = z.infer<typeof createCallBody>;
export const updateCallBody = z.strictObject(callFields).partial();
export type UpdateCallBody = z.infer<typeof updateCallBody>;

export const callListQuery = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional(),
  status: z.enum(CALL_STATUSES).optional(),
  ...pageQuery,
});
export type CallListQuery = z.infer<typeof callListQuery>;

const countsSchema = z.record(z.string(), z.number());

export const callSchema = z.object({
  id: z.string(),
  ...unitRef,
  year: z.number(),
  title: z.string(),
  status: z.enum(CALL_STATUSES),
  types: z.array(typeItem),
  quota: z.number(),
  applicationDue: z.string(),
  completionDue: z.string(),
  summaryDue: z.string(),
  reportDay: z.number(),
  subsidyCityFen: z.number(),
  subsidyPrefectureFen: z.number(),
  documents: z.array(documentItem),
  criteria: z.array(criterionItem),
  scopeUnits: z.array(z.object({ id: z.string(), name: z.string() })),
  notes: z.string().nullable(),
  openedAt: z.date().nullable(),
  publishedAt: z.date().nullable(),
  /** Applications by state (in the actor's reach). */
  counts: countsSchema,
  selectedCount: z.number(),
  /** Whether the application deadline has passed (by the server's clock). */
  pastDeadline: z.boolean(),
  abilities: z.object({ edit: z.boolean(), open: z.boolean(), publish: z.boolean(), apply: z.boolean() }),
  ...timestamps,
});
export type CallDto = z.infer<typeof callSchema>;

const budgetLine = z.strictObject({
  item: z.string().trim().min(1).max(100),
  amountFen: fen.min(1),
  note: z.string().trim().max(200).nullish(),
});
const fundingLine = z.strictObject({ source: z.enum(FUNDING_SOURCES), amountFen: fen.min(1) });

const applicationFields = {
  type: key,
  title: z.string().trim().min(1).max(100),
  summary: z.string().trim().max(4000).nullish(),
  /** Specific, checkable targets (seed 000 三: 目标计划应具体明确). */
  targets: z.array(z.string().trim().min(1).max(200)).max(20),
  consultationKind: z.enum(CONSULTATION_KINDS).nullish(),
  consultationDate: date.nullish(),
  consultationNote: z.string().trim().max(2000).nullish(),
  budgetLines: z.array(budgetLine).max(50),
  funding: z.array(fundingLine).max(20),
};

export const createApplicationBody = z.strictObject({
  callId: z.uuid(),
  orgUnitId: z.uuid(),
  ...applicationFields,
});
export type CreateApplicationBody = z.infer<typeof createApplicationBody>;
export const updateApplicationBody = z.strictObject(applicationFields).partial();
export type UpdateApplicationBody = z.infer<typeof updateApplicationBody>;

export const applicationActionBody = z.strictObject({
  action: z.enum(APPLICATION_ACTIONS),
  comment: z.string().trim().max(1000).nullish(),
  /** The seal log number (e.g. 2026-017), when the step seals. */
  sealNo: z.string().trim().min(1).max(40).nullish(),
  /** On approve: seal at once (with `sealNo`, or a number by date). */
  seal: z.boolean().nullish(),
  /** On select: a city-level pilot or recommended to the prefecture (泉州) level. */
  level: z.enum(SELECTION_LEVELS).nullish(),
});
export type ApplicationActionBody = z.infer<typeof applicationActionBody>;

export const applicationListQuery = z.object({
  callId: z.uuid().optional(),
  state: z.enum(APPLICATION_STATES).optional(),
  /** waiting: what waits for the current user (their step); overdue: past the deadline, not submitted. */
  view: z.enum(['waiting', 'overdue', 'toScore']).optional(),
  q: z.string().trim().max(100).optional(),
  ...pageQuery,
});
export type ApplicationListQuery = z.infer<typeof applicationListQuery>;

export const applicationSchema = z.object({
  id: z.string(),
  number: z.string(),
  callId: z.string(),
  callTitle: z.string(),
  ...unitRef,
  subdistrictName: z.string().nullable(),
  type: z.string(),
  typeName: z.string(),
  title: z.string(),
  state: z.enum(APPLICATION_STATES),
  budgetTotalFen: z.number(),
  submitDueAt: z.date(),
  overdue: z.boolean(),
  sealed: z.boolean(),
  submittedAt: z.date().nullable(),
  level: z.enum(SELECTION_LEVELS).nullable(),
  /**
   * The city finance subsidy of a selected pilot by its level (R-PJ-5, the call's amounts in fen): the
   * prefecture-matching amount once recommended to the prefecture, the city-level amount otherwise; null until selected.
   */
  subsidyFen: z.number().nullable(),
  /** R-PJ-4, once selected: completion and the closing summary against the call's dates. */
  completionDueAt: z.date().nullable(),
  completedAt: z.date().nullable(),
  completionOverdue: z.boolean(),
  summaryDueAt: z.date().nullable(),
  summaryAt: z.date().nullable(),
  summaryOverdue: z.boolean(),
  visitAt: z.date().nullable(),
  visitOpinion: z.string().nullable(),
  visitAnsweredAt: z.date().nullable(),
  visitAnswer: z.string().nullable(),
  /** Average total of the reviewers' scores (those who did not recuse), for the bureau; null otherwise. */
  averageScore: z.number().nullable(),
  scoreCount: z.number().nullable(),
  /** Whether the current user has scored it (reviewers). */
  scoredByMe: z.boolean(),
  actions: z.array(z.enum(APPLICATION_ACTIONS)),
  updatedAt: z.date(),
});
export type ApplicationDto = z.infer<typeof applicationSchema>;

export const scoreSchema = z.object({
  id: z.string(),
  reviewerId: z.string(),
  reviewerName: z.string(),
  conflict: z.boolean(),
  conflictNote: z.string().nullable(),
  scores: z.record(z.string(), z.number()),
  total: z.number().nullable(),
  comment: z.string().nullable(),
  ...timestamps,
});
export type ScoreDto = z.infer<typeof scoreSchema>;

export const applicationEventSchema = z.object({ id: z.string(), ...stateEventFields });

export const REPORT_STATES = ['due', 'filed'] as const;
export type ReportState = (typeof REPORT_STATES)[number];

/** A selected project's monthly progress report (R-PJ-4): filed by the subdistrict before the report day. */
export const reportSchema = z.object({
  id: z.string(),
  applicationId: z.string(),
  applicationTitle: z.string(),
  orgUnitName: z.string().nullable(),
  month: z.string(),
  state: z.enum(REPORT_STATES),
  dueAt: z.date(),
  overdue: z.boolean(),
  progress: z.string().nullable(),
  issues: z.string().nullable(),
  nextSteps: z.string().nullable(),
  filedAt: z.date().nullable(),
  filedByName: z.string().nullable(),
  canFile: z.boolean(),
});
export type ReportDto = z.infer<typeof reportSchema>;

export const reportListQuery = z.object({
  callId: z.uuid().optional(),
  /** open: not filed yet and due within the month, or overdue; overdue: past the report day, not filed. */
  view: z.enum(['open', 'overdue', 'filed']).optional(),
  ...pageQuery,
});
export type ReportListQuery = z.infer<typeof reportListQuery>;

export const fileReportBody = z.strictObject({
  progress: z.string().trim().min(1).max(4000),
  issues: z.string().trim().max(2000).nullish(),
  nextSteps: z.string().trim().max(2000).nullish(),
});
export type FileReportBody = z.infer<typeof fileReportBody>;

export const applicationDetailSchema = applicationSchema.extend({
  summary: z.string().nullable(),
  targets: z.array(z.string()),
  consultationKind: z.enum(CONSULTATION_KINDS).nullable(),
  consultationDate: z.string().nullable(),
  consultationNote: z.string().nullable(),
  budgetLines: z.array(z.object({ item: z.string(), amountFen: z.number(), note: z.string().nullish() })),
  funding: z.array(z.object({ source: z.enum(FUNDING_SOURCES), amountFen: z.number() })),
  fundingTotalFen: z.number(),
  reviewComment: z.string().nullable(),
  sealNo: z.string().nullable(),
  sealedAt: z.date().nullable(),
  sealedByName: z.string().nullable(),
  criteria: z.array(criterionItem),
  /** The bureau sees every score; a reviewer only their own (each scores separately). */
  scores: z.array(scoreSchema),
  events: z.array(applicationEventSchema),
  /** Monthly progress reports, once selected. */
  reports: z.array(reportSchema),
  abilities: z.object({ edit: z.boolean(), score: z.boolean() }),
  createdAt: z.date(),
  /** Issue 11 §3: the number of the seal-log entry (certificates module) the seal was recorded under. */
  sealLogNo: z.string().nullish(),
});
export type ApplicationDetailDto = z.infer<typeof applicationDetailSchema>;

export const scoreBody = z.strictObject({
  /** The conflict-of-interest declaration: true = the reviewer has one and recuses (no scores counted). */
  conflict: z.boolean(),
  conflictNote: z.string().trim().max(500).nullish(),
  scores: z.record(z.string(), z.number().int().min(0).max(100)).default({}),
  comment: z.string().trim().max(1000).nullish(),
});
export type ScoreBody = z.infer<typeof scoreBody>;
