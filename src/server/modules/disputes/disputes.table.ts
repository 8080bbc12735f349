/** Tables of the disputes module (re-exported by platform/schema.ts for Drizzle and drizzle-kit). */
import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  createdByColumns,
  createdByTimestamps,
  encryptedColumns,
  eventsTable,
  pathIndex,
  scopedColumns,
  statusNote,
  stepsTable,
  timestamps,
  ts,
  userColumns,
  versionedTimestamps,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/** Feeds dispute numbers (JF…). */
export const dsNumberSeq = pgSequence('ds_number_seq', { startWith: 1 });

/**
 * A dispute (矛盾纠纷, R-DS-1): registered at one of the doors, diverted by the governance centre against
 * the classification lists into an emergency / key / regular ticket (R-WO-3), accepted and handled by the
 * responsible unit, mediated (R-LAW-MD-1…3) and closed. Three paths: `org_path` is the unit handling it now
 * (the responsible community after diversion), `dispatch_path` the subdistrict whose centre diverts and
 * supervises it, `place_path` where it happened (the grid sees what happens in it).
 */
export const dsDisputes = pgTable(
  'ds_disputes',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    ...scopedColumns(),
    dispatchPath: text('dispatch_path').notNull(),
    placePath: text('place_path').notNull(),
    placeUnitId: uuid('place_unit_id').notNull(),
    /** police | grid | community | centre | transfer_12345 | transfer_110 | work_order */
    source: text('source').notNull(),
    /** The transfer's or police report's own number, the officer's name… */
    sourceRef: text('source_ref'),
    title: text('title').notNull(),
    /** 纠纷起因 */
    cause: text('cause').notNull(),
    /** 纠纷性质 (neighbour, family, property, labour…) */
    nature: text('nature').notNull(),
    place: text('place').notNull(),
    occurredAt: ts('occurred_at'),
    status: text('status').notNull(),
    /** emergency | key | regular, set at diversion (R-WO-3). */
    ticketKind: text('ticket_kind'),
    /** The classification list entry it was diverted against (a copy: lists are versioned). */
    listEntry: jsonb('list_entry').$type<{
      list: string;
      version: number;
      code: string;
      name: string;
      category: string;
    } | null>(),
    bodyId: uuid('body_id'),
    communityId: uuid('community_id'),
    /** 专门交办: the outcome counts in the 平安建设 assessment. */
    specialAssignment: boolean('special_assignment').notNull().default(false),
    divertNote: text('divert_note'),
    divertedAt: ts('diverted_at'),
    acceptDueAt: ts('accept_due_at'),
    acceptedAt: ts('accepted_at'),
    finishDueAt: ts('finish_due_at'),
    /** When a deadline passed without the step (escalated to the centre). */
    overdueAt: ts('overdue_at'),
    escalations: integer('escalations').notNull().default(0),
    supervisions: integer('supervisions').notNull().default(0),
    /** People's mediation (R-LAW-MD-1…3). */
    mediationStartedAt: ts('mediation_started_at'),
    mediationDueAt: ts('mediation_due_at'),
    mediatorIds: uuid('mediator_ids').array().notNull().default(sql`'{}'::uuid[]`),
    /** One window, one stop (R-DS-2): other bodies joining the mediation (petition, judicial office, lawyers…). */
    jointBodyIds: uuid('joint_body_ids').array().notNull().default(sql`'{}'::uuid[]`),
    agreement: jsonb('agreement').$type<Record<string, unknown> | null>(),
    agreementEffectiveAt: ts('agreement_effective_at'),
    confirmDueAt: ts('confirm_due_at'),
    confirmRemindAt: ts('confirm_remind_at'),
    /** agreement | resolved | refused | failed */
    outcome: text('outcome'),
    outcomeNote: text('outcome_note'),
    finishedAt: ts('finished_at'),
    closedAt: ts('closed_at'),
    /** grid | community | subdistrict: where it was resolved (R-WO-5). */
    resolutionLevel: text('resolution_level'),
    rating: integer('rating'),
    workOrderId: uuid('work_order_id'),
    ...createdByColumns(),
    ...versionedTimestamps(),
  },
  (t) => [
    uniqueIndex('ds_disputes_number_uq').on(t.number),
    pathIndex('ds_disputes_path_idx', t.orgPath),
    pathIndex('ds_disputes_dispatch_idx', t.dispatchPath),
    pathIndex('ds_disputes_place_idx', t.placePath),
    index('ds_disputes_status_idx').on(t.status, t.createdAt),
  ],
);

/** A party of a dispute; names, phones and ID numbers encrypted at rest (R-LAW-PI-1). */
export const dsParties = pgTable(
  'ds_parties',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    seq: integer('seq').notNull(),
    /** applicant | respondent | third */
    role: text('role').notNull(),
    residentId: uuid('resident_id'),
    nameEnc: text('name_enc').notNull(),
    nameMask: text('name_mask').notNull(),
    ...encryptedColumns('phone', 'phone'),
    ...encryptedColumns('idNumber', 'id_number'),
    gender: text('gender'),
    residenceUnitId: uuid('residence_unit_id'),
    residencePath: text('residence_path'),
    residence: text('residence'),
    /** 当事人诉求 */
    claims: text('claims').notNull(),
    /** The party refused mediation (R-LAW-MD-1). */
    refusedAt: ts('refused_at'),
    refusalNote: text('refusal_note'),
  },
  (t) => [index('ds_parties_dispute_idx').on(t.disputeId, t.seq)],
);

/** The ticket's timeline: every step of 研交办督结 (R-WO-2). */
export const dsEvents = eventsTable(
  'ds_events',
  'disputeId',
  'dispute_id',
  'ds_events_dispute_idx',
  statusNote(),
);

/** Mediation sessions with their work record (调解工作记录, R-LAW-MD-2). */
export const dsSessions = pgTable(
  'ds_sessions',
  {
    id: uuid('id').primaryKey(),
    disputeId: uuid('dispute_id').notNull(),
    heldAt: ts('held_at').notNull(),
    place: text('place'),
    record: text('record').notNull(),
    recordedBy: text('recorded_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('ds_sessions_dispute_idx').on(t.disputeId, t.heldAt)],
);

/** Deadline claims of the dispute workflow (one per record and step). */
export const dsSteps = stepsTable('ds_steps', 'disputeId', 'dispute_id');

/**
 * The two classification lists of seed 003 (R-DS-1), versioned: `dispute_service` =
 * 矛盾纠纷与政务服务事项分类清单, `transfer` = 12345与110平台分流转办事项参考清单. Platform-wide data.
 */
export const dsListEntries = pgTable(
  'ds_list_entries',
  {
    id: uuid('id').primaryKey(),
    list: text('list').notNull(),
    version: integer('version').notNull(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    /** dispute | government_service (first list); police_110 | hotline_12345 (second). */
    category: text('category').notNull(),
    /** The handling body kind the entry suggests (mediation_committee, petition, judicial…). */
    suggestedBody: text('suggested_body'),
    /** The ticket kind it suggests. */
    suggestedTicket: text('suggested_ticket').notNull().default('regular'),
    active: boolean('active').notNull().default(true),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('ds_list_entries_uq').on(t.list, t.version, t.code)],
);

/** Time limits of the three ticket kinds (R-WO-3), in minutes: platform-wide, changed by civil affairs. */
export const dsTicketLimits = pgTable('ds_ticket_limits', {
  kind: text('kind').primaryKey(),
  acceptMinutes: integer('accept_minutes').notNull(),
  finishMinutes: integer('finish_minutes').notNull(),
  updatedAt: ts('updated_at').notNull(),
});

/**
 * The one-window roster of handling bodies (R-DS-2): mediation committees, petition, judicial office,
 * women's federation, trade union, lawyers, counsellors, social groups, 两代表一委员, 平安志愿者, 五老人员.
 */
export const dsBodies = scopedTable('ds_bodies', {
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  contact: text('contact'),
  skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
  active: boolean('active').notNull().default(true),
  ...timestamps(),
});

/** Members of a handling body (a committee's chair and members: R-LAW-MD-1 3–9 incl. a woman). */
export const dsBodyMembers = pgTable(
  'ds_body_members',
  {
    id: uuid('id').primaryKey(),
    bodyId: uuid('body_id').notNull(),
    name: text('name').notNull(),
    /** male | female */
    gender: text('gender').notNull(),
    /** chair | vice_chair | member */
    position: text('position').notNull(),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    sinceDate: date('since_date', { mode: 'string' }),
  },
  (t) => [index('ds_body_members_body_idx').on(t.bodyId)],
);

/**
 * The subdistrict's joint meeting on disputes (联席会议, R-DS-3): monthly, plus extra meetings on major
 * matters, with attendance, the cases discussed and the decisions.
 */
export const dsMeetings = scopedTable('ds_meetings', {
  /** monthly | extra */
  kind: text('kind').notNull(),
  heldAt: ts('held_at').notNull(),
  place: text('place'),
  host: text('host'),
  attendees: text('attendees').array().notNull().default(sql`'{}'::text[]`),
  disputeIds: uuid('dispute_ids').array().notNull().default(sql`'{}'::uuid[]`),
  decisions: text('decisions').notNull(),
  minutes: text('minutes'),
  ...createdByTimestamps(),
});

/** Each community's one responsible leader and one contact for disputes (R-DS-3). */
export const dsContacts = scopedTable(
  'ds_contacts',
  {
    leaderName: text('leader_name').notNull(),
    leaderTitle: text('leader_title'),
    contactName: text('contact_name').notNull(),
    /** The office line or work group, not a personal number. */
    contactInfo: text('contact_info'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('ds_contacts_unit_uq').on(t.orgUnitId)],
);

/**
 * The register of hidden risks found in screening rounds (排查, issue 14 §6): a grid (or community) records
 * what it found in the month's round, with a level; it is handled and resolved with notes. No personal data:
 * people involved are described in words; a risk that becomes a dispute is registered as one.
 */
export const dsRisks = scopedTable(
  'ds_risks',
  {
    /** China month 'YYYY-MM'. */
    round: text('round').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    /** low | medium | high */
    level: text('level').notNull(),
    involved: text('involved'),
    measures: text('measures'),
    /** open | handling | resolved */
    state: text('state').notNull(),
    handledNote: text('handled_note'),
    resolvedAt: ts('resolved_at'),
    ...userColumns('reportedBy', 'reported_by'),
    ...timestamps(),
  },
  (t) => [index('ds_risks_round_idx').on(t.round)],
);

/**
 * The register of serious incidents of seed 004's assessment standard (附件2 Ⅱ-4 文明和谐: 社区两年内无重大刑事
 * 案件，无群体性事件，无越级上访、非正常上访，无邪教组织活动，无传销组织、无黄赌毒现象), kept at the community
 * where it happened. It sits beside the hidden-risk register because it is the same 平安建设 work (the incidents
 * the screening exists to prevent, recorded by the staff who handle disputes) and the assessment reads it from
 * here as evidence (`disputes.incidents`). No personal data: the description is in words, like `ds_risks`.
 */
export const dsIncidents = scopedTable(
  'ds_incidents',
  {
    /** major_criminal_case | mass_incident | leapfrog_petition | abnormal_petition | cult_activity | pyramid_selling | porn_gambling_drugs */
    kind: text('kind').notNull(),
    /** The China calendar day it happened; it counts against the community until that day + 2 years. */
    occurredOn: date('occurred_on', { mode: 'string' }).notNull(),
    place: text('place').notNull(),
    description: text('description').notNull(),
    handlingResult: text('handling_result'),
    /** Who reported it (police station, petition office, grid worker …), as told. */
    reportedBy: text('reported_by').notNull(),
    ...userColumns('recordedBy', 'recorded_by'),
    ...timestamps(),
  },
  (t) => [index('ds_incidents_unit_day_idx').on(t.orgUnitId, t.occurredOn)],
);
