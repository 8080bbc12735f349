import { z } from 'zod';
import { communityRow, unitIdAndName } from './dtoFields';
import type { Permission } from '../permissions';
import { idNumberProblem } from '../validation/codes';
import { pageQuery } from './pageQuery';
import { blankOrMobilePhone, nullishText as optText, requiredText as text } from './fields';

/**
 * Disputes (矛盾纠纷, seed 003 §三(三)): intake from every door, diversion by the classification lists
 * (R-DS-1), emergency / key / regular tickets with time limits (R-WO-3), the one-window roster of handling
 * bodies (R-DS-2) and people's mediation (R-LAW-MD-1…3). Isomorphic: the server and the web app read it.
 */

// ---------------------------------------------------------------- the state machine (DESIGN convention 10)

export const DS_STATUSES = [
  'registered', // 登记, waiting for the governance centre's diversion
  'diverted', // 已分流: a ticket sent to the responsible unit, waiting for it to accept
  'accepted', // 已受理: handling within the ticket's time limit
  'mediating', // 调解中 (people's mediation)
  'agreed', // 达成调解协议
  'resolved', // 已化解 without a formal mediation
  'terminated', // 终止: a party refused, or mediation failed
  'closed', // 已办结: evaluated by the centre
] as const;
export type DsStatus = (typeof DS_STATUSES)[number];
export const DS_OPEN_STATUSES: readonly DsStatus[] = ['registered', 'diverted', 'accepted', 'mediating'];

/** centre: the governance centre over the dispute's subdistrict; handler: the responsible unit. */
export type DsSide = 'centre' | 'handler';

export interface DsTransition {
  from: readonly DsStatus[];
  to: DsStatus | null;
  permission: Permission;
  side: DsSide;
  /** The 研交办督结 stage the step belongs to (R-WO-2). */
  stage: DsStage;
}

export const DS_STAGES = ['study', 'assign', 'handle', 'supervise', 'close'] as const;
export type DsStage = (typeof DS_STAGES)[number];

export const DS_ACTIONS = [
  'divert',
  'return',
  'accept',
  'supervise',
  'start_mediation',
  'refuse',
  'session',
  'extend',
  'agree',
  'fail',
  'finish',
  'close',
  'follow_up',
] as const;
export type DsAction = (typeof DS_ACTIONS)[number];

export const DS_TRANSITIONS: Record<DsAction, DsTransition> = {
  divert: {
    from: ['registered'],
    to: 'diverted',
    permission: 'disputes.dispatch',
    side: 'centre',
    stage: 'assign',
  },
  return: {
    from: ['diverted'],
    to: 'registered',
    permission: 'disputes.handle',
    side: 'handler',
    stage: 'assign',
  },
  accept: {
    from: ['diverted'],
    to: 'accepted',
    permission: 'disputes.handle',
    side: 'handler',
    stage: 'handle',
  },
  supervise: {
    from: ['diverted', 'accepted', 'mediating', 'agreed'],
    to: null,
    permission: 'disputes.dispatch',
    side: 'centre',
    stage: 'supervise',
  },
  start_mediation: {
    from: ['accepted'],
    to: 'mediating',
    permission: 'disputes.handle',
    side: 'handler',
    stage: 'handle',
  },
  refuse: {
    from: ['accepted', 'mediating'],
    to: 'terminated',
    permission: 'disputes.handle',
    side: 'handler',
    stage: 'handle',
  },
  session: { from: ['mediating'], to: null, permission: 'disputes.handle', side: 'handler', stage: 'handle' },
  extend: { from: ['mediating'], to: null, permission: 'disputes.handle', side: 'handler', stage: 'handle' },
  agree: {
    from: ['mediating'],
    to: 'agreed',
    permission: 'disputes.handle',
    side: 'handler',
    stage: 'handle',
  },
  fail: {
    from: ['mediating'],
    to: 'terminated',
    permission: 'disputes.handle',
    side: 'handler',
    stage: 'handle',
  },
  finish: {
    from: ['accepted'],
    to: 'resolved',
    permission: 'disputes.handle',
    side: 'handler',
    stage: 'handle',
  },
  close: {
    from: ['agreed', 'resolved', 'terminated'],
    to: 'closed',
    permission: 'disputes.dispatch',
    side: 'centre',
    stage: 'close',
  },
  // Follow-up on the performance of the agreement (履行回访, issue 14 §5), before or after closing.
  follow_up: {
    from: ['agreed', 'closed'],
    to: null,
    permission: 'disputes.handle',
    side: 'handler',
    stage: 'supervise',
  },
};

/** The stage of a status, for the 研交办督结 steps on the ticket. */
export function stageOf(status: DsStatus): DsStage {
  if (status === 'registered') return 'study';
  if (status === 'diverted') return 'assign';
  if (status === 'closed') return 'close';
  return 'handle';
}

// ---------------------------------------------------------------- vocabularies

export const DS_SOURCES = [
  'police',
  'grid',
  'community',
  'centre',
  'transfer_12345',
  'transfer_110',
  'work_order',
] as const;
export type DsSource = (typeof DS_SOURCES)[number];
export const DS_NATURES = [
  'neighbour',
  'family',
  'property',
  'tenancy',
  'labour',
  'consumer',
  'land',
  'traffic',
  'other',
] as const;
export const DS_PARTY_ROLES = ['applicant', 'respondent', 'third'] as const;
export const DS_TICKET_KINDS = ['emergency', 'key', 'regular'] as const;
export type DsTicketKind = (typeof DS_TICKET_KINDS)[number];
export const DS_LISTS = ['dispute_service', 'transfer'] as const;
export type DsList = (typeof DS_LISTS)[number];
export const DS_LIST_CATEGORIES = ['dispute', 'government_service', 'hotline_12345', 'police_110'] as const;
export const DS_BODY_KINDS = [
  'mediation_committee',
  'petition',
  'judicial',
  'womens_federation',
  'trade_union',
  'lawyer',
  'counsellor',
  'social_group',
  'deputies',
  'safety_volunteers',
  'five_elders',
] as const;
export type DsBodyKind = (typeof DS_BODY_KINDS)[number];
export const DS_OUTCOMES = ['agreement', 'resolved', 'refused', 'failed'] as const;
export const DS_LEVELS = ['grid', 'community', 'subdistrict'] as const;

/** Practice values (seed 003 gives none, SEED-MAP M-9); civil affairs changes them. */
export const DEFAULT_TICKET_LIMITS: Record<DsTicketKind, { acceptMinutes: number; finishMinutes: number }> = {
  emergency: { acceptMinutes: 30, finishMinutes: 24 * 60 },
  key: { acceptMinutes: 2 * 60, finishMinutes: 3 * 24 * 60 },
  regular: { acceptMinutes: 24 * 60, finishMinutes: 15 * 24 * 60 },
};

/** R-LAW-MD-3: a mediation normally settles within one month; joint application within 30 days. */
export const MEDIATION_DAYS = 30;
export const CONFIRM_WINDOW_DAYS = 30;
/** The reminder before the judicial-confirmation window closes. */
export const CONFIRM_REMIND_DAYS_BEFORE = 7;

/** R-LAW-MD-1: a people's mediation committee has 3 to 9 members, at least one of them a woman. */
export function committeeProblem(members: readonly { gender: string }[]): 'size' | 'woman' | null {
  if (members.length < 3 || members.length > 9) return 'size';
  if (!members.some((m) => m.gender === 'female')) return 'woman';
  return null;
}

// ---------------------------------------------------------------- bodies

const uuid = z.string().uuid();
// ---------------------------------------------------------------- intake

export const partyInput = z.strictObject({
  role: z.enum(DS_PARTY_ROLES),
  /** A person of the residents registry (name, phone, ID number and residence come from it). */
  residentId: uuid.nullish(),
  name: optText(50),
  phone: blankOrMobilePhone.nullish(),
  idNumber: z
    .string()
    .trim()
    .refine((v) => v === '' || idNumberProblem(v) === null, 'residents.id_number')
    .nullish(),
  gender: z.enum(['male', 'female']).nullish(),
  residenceUnitId: uuid.nullish(),
  residence: optText(200),
  claims: text(2000),
});
export type PartyInput = z.infer<typeof partyInput>;

export const intakeBody = z.strictObject({
  source: z.enum(DS_SOURCES),
  sourceRef: optText(100),
  title: text(100),
  cause: text(2000),
  nature: z.enum(DS_NATURES),
  place: text(200),
  /** Where it happened (community, grid or building): decides the territory (R-WO-4). */
  placeUnitId: uuid,
  occurredAt: z.coerce.date().nullish(),
  parties: z.array(partyInput).min(1).max(20),
  /** A work order that turns out to be a dispute: converted in one action, both linked (source work_order). */
  workOrderId: uuid.nullish(),
});
export type IntakeBody = z.infer<typeof intakeBody>;

// ---------------------------------------------------------------- actions

export const actionBody = z.strictObject({
  action: z.enum(DS_ACTIONS),
  note: optText(2000),
  version: z.number().int().optional(),
  // divert
  list: z.enum(DS_LISTS).optional(),
  entryCode: z.string().trim().max(40).optional(),
  ticketKind: z.enum(DS_TICKET_KINDS).optional(),
  communityId: uuid.nullish(),
  bodyId: uuid.nullish(),
  specialAssignment: z.boolean().optional(),
  // start_mediation
  mediatorIds: z.array(uuid).max(9).optional(),
  /** Joint mediation (R-DS-2): other handling bodies joining the committee. */
  jointBodyIds: z.array(uuid).max(10).optional(),
  // refuse
  partyId: uuid.optional(),
  // session
  heldAt: z.coerce.date().optional(),
  place: optText(200),
  record: optText(4000),
  // extend
  days: z.number().int().min(1).max(90).optional(),
  // agree (R-LAW-MD-2)
  agreement: z
    .strictObject({
      facts: text(4000),
      matters: text(4000),
      content: text(4000),
      performanceManner: text(1000),
      performanceDeadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
      partiesSigned: z.boolean(),
      mediatorSigned: z.boolean(),
      committeeSealed: z.boolean(),
    })
    .optional(),
  // fail
  legalOptions: optText(1000),
  // follow_up: how the agreement is being performed
  performance: z.enum(['performed', 'partial', 'not_performed']).optional(),
  // close
  rating: z.number().int().min(1).max(5).optional(),
  resolutionLevel: z.enum(DS_LEVELS).optional(),
});
export type ActionBody = z.infer<typeof actionBody>;

// ---------------------------------------------------------------- responses

export const partySchema = z.object({
  id: z.string(),
  role: z.enum(DS_PARTY_ROLES),
  residentId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  gender: z.string().nullable(),
  residenceUnitId: z.string().nullable(),
  residenceUnitName: z.string().nullable(),
  residence: z.string().nullable(),
  claims: z.string(),
  refusedAt: z.date().nullable(),
  refusalNote: z.string().nullable(),
});

export const listEntryRef = z.object({
  list: z.enum(DS_LISTS),
  version: z.number(),
  code: z.string(),
  name: z.string(),
  category: z.string(),
});

export const disputeSchema = z.object({
  id: z.string(),
  number: z.string(),
  source: z.enum(DS_SOURCES),
  sourceRef: z.string().nullable(),
  title: z.string(),
  nature: z.string(),
  place: z.string(),
  placeUnitName: z.string().nullable(),
  status: z.enum(DS_STATUSES),
  ticketKind: z.enum(DS_TICKET_KINDS).nullable(),
  communityId: z.string().nullable(),
  communityName: z.string().nullable(),
  bodyId: z.string().nullable(),
  bodyName: z.string().nullable(),
  specialAssignment: z.boolean(),
  acceptDueAt: z.date().nullable(),
  finishDueAt: z.date().nullable(),
  overdue: z.boolean(),
  confirmDueAt: z.date().nullable(),
  partyNames: z.array(z.string()),
  createdAt: z.date(),
  createdByName: z.string().nullable(),
});
export type DisputeDto = z.infer<typeof disputeSchema>;

export const eventSchema = z.object({
  id: z.string(),
  at: z.date(),
  actorName: z.string().nullable(),
  action: z.string(),
  stage: z.enum(DS_STAGES),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  note: z.string().nullable(),
});

export const sessionSchema = z.object({
  id: z.string(),
  heldAt: z.date(),
  place: z.string().nullable(),
  record: z.string(),
  recordedBy: z.string().nullable(),
});

export const territorySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** place: the place of occurrence lies in it (属地); residence: a party lives in it (主体). */
  reasons: z.array(z.enum(['place', 'residence'])),
});

export const disputeDetailSchema = disputeSchema.extend({
  cause: z.string(),
  /** The work order it was converted from. */
  workOrderId: z.string().nullable(),
  occurredAt: z.date().nullable(),
  placeUnitId: z.string(),
  listEntry: listEntryRef.nullable(),
  divertNote: z.string().nullable(),
  divertedAt: z.date().nullable(),
  acceptedAt: z.date().nullable(),
  overdueAt: z.date().nullable(),
  escalations: z.number(),
  supervisions: z.number(),
  mediationStartedAt: z.date().nullable(),
  mediationDueAt: z.date().nullable(),
  mediators: z.array(z.object({ id: z.string(), name: z.string(), position: z.string() })),
  /** Joint mediation (R-DS-2): the other bodies taking part. */
  jointBodies: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })),
  agreement: z.record(z.string(), z.unknown()).nullable(),
  agreementEffectiveAt: z.date().nullable(),
  confirmRemindAt: z.date().nullable(),
  outcome: z.enum(DS_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  finishedAt: z.date().nullable(),
  closedAt: z.date().nullable(),
  resolutionLevel: z.enum(DS_LEVELS).nullable(),
  rating: z.number().nullable(),
  version: z.number(),
  parties: z.array(partySchema),
  events: z.array(eventSchema),
  sessions: z.array(sessionSchema),
  territory: z.array(territorySchema),
  actions: z.array(z.enum(DS_ACTIONS)),
  canReveal: z.boolean(),
});
export type DisputeDetailDto = z.infer<typeof disputeDetailSchema>;

export const DS_VIEWS = ['all', 'to_divert', 'to_accept', 'in_hand', 'overdue', 'confirm_window'] as const;
export const listQuery = z.object({
  view: z.enum(DS_VIEWS).default('all'),
  status: z.enum(DS_STATUSES).optional(),
  ticketKind: z.enum(DS_TICKET_KINDS).optional(),
  source: z.enum(DS_SOURCES).optional(),
  q: z.string().trim().max(50).optional(),
  /** The disputes converted from one work order (the order's link to them). */
  workOrderId: uuid.optional(),
  ...pageQuery,
});
export type DisputeListQuery = z.infer<typeof listQuery>;

export const revealSchema = z.object({
  name: z.string(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
});

// ---------------------------------------------------------------- classification lists

export const listEntrySchema = z.object({
  list: z.enum(DS_LISTS),
  version: z.number(),
  code: z.string(),
  name: z.string(),
  category: z.enum(DS_LIST_CATEGORIES),
  suggestedBody: z.enum(DS_BODY_KINDS).nullable(),
  suggestedTicket: z.enum(DS_TICKET_KINDS),
});
export type ListEntryDto = z.infer<typeof listEntrySchema>;
export const listsSchema = z.object({
  lists: z.array(
    z.object({ list: z.enum(DS_LISTS), version: z.number(), entries: z.array(listEntrySchema) }),
  ),
});

export const listImportBody = z.strictObject({
  list: z.enum(DS_LISTS),
  entries: z
    .array(
      z.strictObject({
        code: text(40),
        name: text(200),
        category: z.enum(DS_LIST_CATEGORIES),
        suggestedBody: z.enum(DS_BODY_KINDS).nullish(),
        suggestedTicket: z.enum(DS_TICKET_KINDS).default('regular'),
      }),
    )
    .min(1)
    .max(2000),
});

// ---------------------------------------------------------------- ticket limits

export const limitsSchema = z.object({
  limits: z.array(
    z.object({ kind: z.enum(DS_TICKET_KINDS), acceptMinutes: z.number(), finishMinutes: z.number() }),
  ),
});
export const limitsBody = z.strictObject({
  limits: z
    .array(
      z.strictObject({
        kind: z.enum(DS_TICKET_KINDS),
        acceptMinutes: z
          .number()
          .int()
          .min(5)
          .max(30 * 24 * 60),
        finishMinutes: z
          .number()
          .int()
          .min(30)
          .max(180 * 24 * 60),
      }),
    )
    .min(1)
    .max(3),
});

// ---------------------------------------------------------------- handling bodies

export const memberInput = z.strictObject({
  name: text(50),
  gender: z.enum(['male', 'female']),
  position: z.enum(['chair', 'vice_chair', 'member']),
  skills: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
});
export const bodyBody = z.strictObject({
  orgUnitId: uuid,
  kind: z.enum(DS_BODY_KINDS),
  name: text(100),
  contact: optText(100),
  skills: z.array(z.string().trim().min(1).max(20)).max(10).default([]),
  members: z.array(memberInput).max(50).default([]),
});
export const bodyPatch = z.strictObject({
  name: text(100).optional(),
  contact: optText(100),
  active: z.boolean().optional(),
  members: z.array(memberInput).max(50).optional(),
});
export const bodySchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  kind: z.enum(DS_BODY_KINDS),
  name: z.string(),
  contact: z.string().nullable(),
  skills: z.array(z.string()),
  active: z.boolean(),
  load: z.number(),
  members: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      gender: z.string(),
      position: z.string(),
      skills: z.array(z.string()),
    }),
  ),
  canEdit: z.boolean(),
});
export type BodyDto = z.infer<typeof bodySchema>;

// ---------------------------------------------------------------- joint meetings and contacts (R-DS-3)

export const DS_MEETING_KINDS = ['monthly', 'extra'] as const;
export const meetingBody = z.strictObject({
  /** The subdistrict holding the meeting. */
  orgUnitId: uuid,
  kind: z.enum(DS_MEETING_KINDS),
  heldAt: z.coerce.date(),
  place: optText(200),
  host: optText(50),
  attendees: z.array(z.string().trim().min(1).max(50)).min(1).max(100),
  disputeIds: z.array(uuid).max(100).default([]),
  decisions: text(4000),
  minutes: optText(8000),
});
export const meetingSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  kind: z.enum(DS_MEETING_KINDS),
  heldAt: z.date(),
  place: z.string().nullable(),
  host: z.string().nullable(),
  attendees: z.array(z.string()),
  cases: z.array(z.object({ id: z.string(), number: z.string(), title: z.string() })),
  decisions: z.string(),
  minutes: z.string().nullable(),
});
export type MeetingDto = z.infer<typeof meetingSchema>;
export const meetingsSchema = z.object({
  items: z.array(meetingSchema),
  /** The last six months per subdistrict in scope: whether the monthly meeting was held (R-DS-3). */
  months: z.array(
    z.object({
      orgUnitId: z.string(),
      unitName: z.string(),
      month: z.string(),
      monthly: z.boolean(),
      extra: z.number(),
    }),
  ),
});

export const contactBody = z.strictObject({
  leaderName: text(50),
  leaderTitle: optText(100),
  contactName: text(50),
  contactInfo: optText(100),
});
export const contactSchema = z.object({
  ...communityRow,
  leaderName: z.string().nullable(),
  leaderTitle: z.string().nullable(),
  contactName: z.string().nullable(),
  contactInfo: z.string().nullable(),
  canEdit: z.boolean(),
});
export type ContactDto = z.infer<typeof contactSchema>;

// ---------------------------------------------------------------- risk screening (排查, issue 14 §6)

export const DS_RISK_LEVELS = ['low', 'medium', 'high'] as const;
export const DS_RISK_STATES = ['open', 'handling', 'resolved'] as const;
export const DS_RISK_ACTIONS = ['handle', 'resolve', 'reopen'] as const;
/** A screening round: a China month 'YYYY-MM'. */
const riskRound = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
export const riskBody = z.strictObject({
  /** The grid (or community) where the hidden risk was found. */
  orgUnitId: uuid,
  /** The screening round, a China month 'YYYY-MM' (this month when left out). */
  round: riskRound.optional(),
  title: text(100),
  description: text(2000),
  level: z.enum(DS_RISK_LEVELS),
  /** Who is involved, in words (never ID numbers or phones: those belong in a registered dispute). */
  involved: optText(200),
  measures: optText(2000),
});
export const riskActionBody = z.strictObject({
  action: z.enum(DS_RISK_ACTIONS),
  note: text(2000),
});
export const riskQuery = z.object({
  round: riskRound.optional(),
  state: z.enum(DS_RISK_STATES).optional(),
  level: z.enum(DS_RISK_LEVELS).optional(),
  orgUnitId: uuid.optional(),
  ...pageQuery,
});
export const riskSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  round: z.string(),
  title: z.string(),
  description: z.string(),
  level: z.enum(DS_RISK_LEVELS),
  involved: z.string().nullable(),
  measures: z.string().nullable(),
  state: z.enum(DS_RISK_STATES),
  reportedByName: z.string().nullable(),
  handledNote: z.string().nullable(),
  resolvedAt: z.date().nullable(),
  createdAt: z.date(),
  actions: z.array(z.enum(DS_RISK_ACTIONS)),
});
export type RiskDto = z.infer<typeof riskSchema>;
export const risksSchema = z.object({
  items: z.array(riskSchema),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The round's register in figures: by level and state, over the filter. */
  summary: z.object({
    total: z.number(),
    high: z.number(),
    open: z.number(),
    handling: z.number(),
    resolved: z.number(),
  }),
});

// ---------------------------------------------------------------- serious incidents (seed 004 附件2 Ⅱ-4, S004-36)

/**
 * The kinds of serious incident of seed 004's assessment standard, Ⅱ-4 文明和谐, item 4, in its own words and
 * order: 社区两年内无重大刑事案件，无群体性事件，无越级上访、非正常上访，无邪教组织活动，无传销组织、无黄赌毒现象。
 */
export const DS_INCIDENT_KINDS = [
  'major_criminal_case', // 重大刑事案件
  'mass_incident', // 群体性事件
  'leapfrog_petition', // 越级上访
  'abnormal_petition', // 非正常上访
  'cult_activity', // 邪教组织活动
  'pyramid_selling', // 传销组织
  'porn_gambling_drugs', // 黄赌毒现象
] as const;
export type DsIncidentKind = (typeof DS_INCIDENT_KINDS)[number];

/** The China calendar day `years` years from `day` ('YYYY-MM-DD'); 29 February falls on 28 February. */
export function addCalendarYears(day: string, years: number): string {
  const y = Number(day.slice(0, 4)) + years;
  const md = day.slice(5);
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${String(y).padStart(4, '0')}-${md === '02-29' && !leap ? '02-28' : md}`;
}

/** The last day an incident of `day` counts against its community: 两年内 is the day itself up to day + 2 years. */
export const incidentCountsUntil = (day: string): string => addCalendarYears(day, 2);

/**
 * The first day of the two years before `today`: the incidents on this day up to `today` (both inclusive) are
 * those still counting (incidentCountsUntil(d) ≥ today). 2026-11-23 → 2024-11-23; a 29 February → 1 March.
 */
export function incidentWindowStart(today: string): string {
  return today.slice(5) === '02-29'
    ? `${addCalendarYears(today, -2).slice(0, 4)}-03-01`
    : addCalendarYears(today, -2);
}

const isoDay = z.iso.date();
export const incidentBody = z.strictObject({
  /** The community where it happened (the indicator is per community). */
  orgUnitId: uuid,
  kind: z.enum(DS_INCIDENT_KINDS),
  /** The China calendar day it happened, not later than today. */
  occurredOn: isoDay,
  place: text(200),
  /** A short description in words: no names, ID numbers or phones. */
  description: text(500),
  /** How it was handled and with what result (may follow later). */
  handlingResult: optText(1000),
  /** Who reported it (the police station, the petition office, a grid worker …), as told. */
  reportedBy: text(100),
});
export const incidentPatch = incidentBody.omit({ orgUnitId: true }).partial();
export const incidentQuery = z.object({
  /** A community (or a unit above it: its communities) in the reader's scope, else 404. */
  communityId: uuid.optional(),
  kind: z.enum(DS_INCIDENT_KINDS).optional(),
  /** The period of occurrence, China calendar days, both inclusive. */
  from: isoDay.optional(),
  to: isoDay.optional(),
  ...pageQuery,
});
export const incidentSchema = z.object({
  id: z.string(),
  ...unitIdAndName,
  kind: z.enum(DS_INCIDENT_KINDS),
  occurredOn: z.string(),
  place: z.string(),
  description: z.string(),
  handlingResult: z.string().nullable(),
  reportedBy: z.string(),
  recordedByName: z.string().nullable(),
  /** The last day it counts against the community (occurredOn + 2 years). */
  countsUntil: z.string(),
  /** It still counts today (China calendar). */
  counting: z.boolean(),
  canEdit: z.boolean(),
  createdAt: z.date(),
  updatedAt: z.date(),
});
export type IncidentDto = z.infer<typeof incidentSchema>;

export const incidentStandingQuery = z.object({
  communityId: uuid.optional(),
  /** clear: no listed incident in the last two years; incident: at least one. */
  state: z.enum(['clear', 'incident']).optional(),
  ...pageQuery,
});
/** Per community: whether a listed incident happened in the two years up to today (seed 004 Ⅱ-4). */
export const incidentStandingSchema = z.object({
  items: z.array(
    z.object({
      ...communityRow,
      clear: z.boolean(),
      /** Incidents in the window, and the latest of them. */
      incidents: z.number(),
      lastOn: z.string().nullable(),
      /** The first day the community is clear again (the latest incident's countsUntil + 1 day). */
      clearFrom: z.string().nullable(),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  /** The window: windowFrom … today, China calendar days, both inclusive. */
  today: z.string(),
  windowFrom: z.string(),
});
export type IncidentStandingDto = z.infer<typeof incidentStandingSchema>;

// ---------------------------------------------------------------- statistics

export const statsQuery = z.object({
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional(),
});
const countRow = z.object({ key: z.string(), count: z.number() });
export const statsSchema = z.object({
  total: z.number(),
  finished: z.number(),
  /** Agreements and resolved cases among the finished ones. */
  successRate: z.number().nullable(),
  averageDays: z.number().nullable(),
  diverted: z.number(),
  escalated: z.number(),
  /** 专门交办: specially assigned cases, and those mediated or resolved (counted for 平安建设). */
  special: z.number(),
  specialResolved: z.number(),
  bySource: z.array(countRow),
  byNature: z.array(countRow),
  byOutcome: z.array(countRow),
  byLevel: z.array(countRow),
  byTicket: z.array(countRow),
  byCommunity: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      count: z.number(),
      finished: z.number(),
      success: z.number(),
      overdue: z.number(),
      /** 专门交办 to this community, and those mediated or resolved: its 平安建设考核 figure. */
      special: z.number(),
      specialResolved: z.number(),
    }),
  ),
  byMonth: z.array(
    z.object({ key: z.string(), registered: z.number(), finished: z.number(), escalated: z.number() }),
  ),
});
export type StatsDto = z.infer<typeof statsSchema>;
