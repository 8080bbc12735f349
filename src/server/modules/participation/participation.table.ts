import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  actorColumns,
  createdByAndAt,
  createdByTimestamps,
  createdByVersionedTimestamps,
  timestamps,
  ts,
  versionedTimestamps,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';
import type { TopicOrderEvidence } from '../../../shared/contracts/deliberation';

/**
 * Meetings (R-LAW-MT-1…4): the kind decides the quorum and pass rules (MEETING_RULES, data), the basis who
 * is due; `due` is computed from the registry at `frozen_on` when the meeting is called and never again.
 * `present`/`quorum_met` are written once, when the meeting closes; a closed meeting never changes.
 */
export const ptMeetings = scopedTable(
  'pt_meetings',
  {
    kind: text('kind').notNull(),
    basis: text('basis').notNull(),
    title: text('title').notNull(),
    agenda: text('agenda'),
    heldAt: ts('held_at').notNull(),
    noticeAt: ts('notice_at').notNull(),
    place: text('place'),
    host: text('host'),
    frozenOn: date('frozen_on', { mode: 'string' }).notNull(),
    /** Adults, households or roster members due, frozen. */
    due: integer('due').notNull(),
    /** Households in the unit at the frozen date (for the representatives' ratio check). */
    households: integer('households').notNull().default(0),
    /** The roster for the members basis: [{ name, gender }]. */
    members: jsonb('members').$type<{ name: string; gender?: string }[]>().notNull().default([]),
    status: text('status').notNull(),
    minutes: text('minutes'),
    present: integer('present'),
    quorumMet: boolean('quorum_met'),
    closedAt: ts('closed_at'),
    ...createdByVersionedTimestamps(),
  },
  (t) => [index('pt_meetings_held_idx').on(t.heldAt)],
);

/** One row per person signed in: a registered resident (adults/households) or a roster member by name. */
export const ptAttendance = pgTable(
  'pt_attendance',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id').notNull(),
    residentId: uuid('resident_id'),
    /** The resident's household unit, when the resident is registered at one (households basis). */
    householdId: uuid('household_id'),
    name: text('name').notNull(),
    /** staff | qr */
    method: text('method').notNull(),
    signedBy: uuid('signed_by'),
    signedAt: ts('signed_at').notNull(),
  },
  (t) => [
    uniqueIndex('pt_attendance_resident_uq')
      .on(t.meetingId, t.residentId)
      .where(sql`${t.residentId} is not null`),
    uniqueIndex('pt_attendance_member_uq').on(t.meetingId, t.name).where(sql`${t.residentId} is null`),
  ],
);

/** Motions with their recorded tally; the tally is written once and only while the meeting is quorate. */
export const ptMotions = pgTable(
  'pt_motions',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id').notNull(),
    seq: integer('seq').notNull(),
    title: text('title').notNull(),
    text: text('text'),
    ballot: text('ballot').notNull(),
    yes: integer('yes'),
    no: integer('no'),
    abstain: integer('abstain'),
    /** Present and due when the tally was recorded (the base of the pass rule). */
    presentAtVote: integer('present_at_vote'),
    passed: boolean('passed'),
    decidedAt: ts('decided_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('pt_motions_seq_uq').on(t.meetingId, t.seq)],
);

/** A correction of a closed meeting's record: a new record linked to it, never an edit. */
export const ptCorrections = pgTable(
  'pt_corrections',
  {
    id: uuid('id').primaryKey(),
    meetingId: uuid('meeting_id').notNull(),
    text: text('text').notNull(),
    ...createdByAndAt(),
  },
  (t) => [index('pt_corrections_meeting_idx').on(t.meetingId)],
);

/**
 * A major matter run through a procedure template (R-DL-4): `step` is the index of the next step;
 * `matter_class` its “三重一大” class when it is one (seed 002 二.2, S002-05: MATTER_CLASSES; null when not).
 */
export const ptProcedures = scopedTable('pt_procedures', {
  template: text('template').notNull(),
  title: text('title').notNull(),
  matter: text('matter').notNull(),
  matterClass: text('matter_class'),
  step: integer('step').notNull().default(0),
  status: text('status').notNull(),
  ...createdByTimestamps(),
});

/** The completed steps of a procedure, in order, each with its meeting (and motion) or disclosure. */
export const ptProcedureSteps = pgTable(
  'pt_procedure_steps',
  {
    id: uuid('id').primaryKey(),
    procedureId: uuid('procedure_id').notNull(),
    idx: integer('idx').notNull(),
    key: text('key').notNull(),
    note: text('note'),
    meetingId: uuid('meeting_id'),
    motionId: uuid('motion_id'),
    disclosureId: uuid('disclosure_id'),
    completedBy: uuid('completed_by'),
    completedAt: ts('completed_at').notNull(),
  },
  (t) => [uniqueIndex('pt_procedure_steps_uq').on(t.procedureId, t.idx)],
);

/** A posting on the disclosure board (居务公开, R-DC-1): up from `posted_at` for at least 5 days. */
export const ptDisclosures = scopedTable(
  'pt_disclosures',
  {
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    period: text('period'),
    postedAt: ts('posted_at').notNull(),
    takenDownAt: ts('taken_down_at'),
    ...createdByTimestamps(),
  },
  (t) => [index('pt_disclosures_period_idx').on(t.orgUnitId, t.kind, t.period)],
);

/** A resident's objection to a posting (R-LAW-DC-1: raised within 5 days, answered within 5 days). */
export const ptObjections = pgTable(
  'pt_objections',
  {
    id: uuid('id').primaryKey(),
    disclosureId: uuid('disclosure_id').notNull(),
    userId: uuid('user_id').notNull(),
    /** The objector's name as shown beside the posting, masked (张**). */
    name: text('name').notNull(),
    text: text('text').notNull(),
    raisedAt: ts('raised_at').notNull(),
    answerDueAt: ts('answer_due_at').notNull(),
    answer: text('answer'),
    answeredBy: uuid('answered_by'),
    answeredAt: ts('answered_at'),
  },
  (t) => [index('pt_objections_disclosure_idx').on(t.disclosureId)],
);

/** How often a unit must post a kind of item (R-LAW-DC-1): monthly or quarterly. */
export const ptDisclosureSchedules = scopedTable(
  'pt_disclosure_schedules',
  {
    kind: text('kind').notNull(),
    frequency: text('frequency').notNull(),
    ...timestamps(),
  },
  (t) => [uniqueIndex('pt_disclosure_schedules_uq').on(t.orgUnitId, t.kind)],
);

/**
 * Named deliberation formats (居民说事, 民情恳谈, 社区夜话, 圆桌会, 16号议事日 …): configurable labels, platform-wide
 * data, never code. A retired format stays on the topics that used it.
 */
export const ptTopicFormats = pgTable(
  'pt_topic_formats',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    note: text('note'),
    active: boolean('active').notNull().default(true),
    sort: integer('sort').notNull().default(0),
    ...timestamps(),
  },
  (t) => [uniqueIndex('pt_topic_formats_name_uq').on(t.name)],
);

/**
 * A deliberation topic (议题, R-DL-1…3) held by a community, grid, compound or building unit; `state` is the
 * last of seed 003's six steps completed (proposed → participants → announced → consulted → implemented →
 * reported), moved only by the topic workflow, one step at a time.
 */
export const ptTopics = scopedTable(
  'pt_topics',
  {
    /** community | grid | compound | building (the unit's kind). */
    level: text('level').notNull(),
    /** resident | grid | staff | work_order */
    source: text('source').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull(),
    formatId: uuid('format_id'),
    workOrderId: uuid('work_order_id'),
    /** renovation | service | governance (微改造、微服务、微治理, seed 003 三(一)2, S003-11), or none. */
    microKind: text('micro_kind'),
    /** A topic made from a recurring work-order category: the category, community, period and orders then. */
    orderEvidence: jsonb('order_evidence').$type<TopicOrderEvidence>(),
    proposerId: uuid('proposer_id'),
    /** Shown beside the topic: a resident's name masked (张**), staff by name. */
    proposerName: text('proposer_name').notNull(),
    state: text('state').notNull(),
    meetingId: uuid('meeting_id'),
    supports: integer('supports').notNull().default(0),
    ...versionedTimestamps(),
  },
  (t) => [index('pt_topics_state_idx').on(t.state), index('pt_topics_work_order_idx').on(t.workOrderId)],
);

/** Who takes part (determined at step 2): a registry record (resident, deputy, unit, social org) or a named party. */
export const ptTopicParticipants = pgTable(
  'pt_topic_participants',
  {
    id: uuid('id').primaryKey(),
    topicId: uuid('topic_id').notNull(),
    kind: text('kind').notNull(),
    refId: uuid('ref_id'),
    name: text('name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('pt_topic_participants_topic_idx').on(t.topicId)],
);

/** The record of each step (the workflow's timeline): who, when, what was decided or done. */
export const ptTopicEvents = pgTable(
  'pt_topic_events',
  {
    id: uuid('id').primaryKey(),
    topicId: uuid('topic_id').notNull(),
    action: text('action').notNull(),
    fromState: text('from_state'),
    toState: text('to_state').notNull(),
    note: text('note').notNull(),
    meetingId: uuid('meeting_id'),
    ...actorColumns(),
    at: ts('at').notNull(),
  },
  (t) => [index('pt_topic_events_topic_idx').on(t.topicId, t.at)],
);

/** One support per resident and topic. */
export const ptTopicSupports = pgTable(
  'pt_topic_supports',
  {
    topicId: uuid('topic_id').notNull(),
    userId: uuid('user_id').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('pt_topic_supports_uq').on(t.topicId, t.userId)],
);

/** Residents following a topic (told of its next steps). */
export const ptTopicFollows = pgTable(
  'pt_topic_follows',
  {
    topicId: uuid('topic_id').notNull(),
    userId: uuid('user_id').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [uniqueIndex('pt_topic_follows_uq').on(t.topicId, t.userId)],
);

export const ptTopicComments = pgTable(
  'pt_topic_comments',
  {
    id: uuid('id').primaryKey(),
    topicId: uuid('topic_id').notNull(),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    text: text('text').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [index('pt_topic_comments_topic_idx').on(t.topicId, t.at)],
);

/** `photoId`: an uploaded evidence photo in the file store (platform/storage.ts). */
export type RoomItem = { ok: boolean; note: string | null; photo: string | null; photoId?: string | null };

/** A council room (议事厅/室, R-DL-5) with seed 000's 六具备 checklist, each item with its evidence. */
export const ptRooms = scopedTable('pt_rooms', {
  name: text('name').notNull(),
  address: text('address'),
  checklist: jsonb('checklist').$type<Record<string, RoomItem>>().notNull().default({}),
  ...timestamps(),
});

/**
 * A convention (村规民约 / 居民公约 / 自治章程, R-DL-6): versioned; `published_no` is the version residents read.
 * Awareness and compliance rates (per mille) are written by `setConventionRates` (participation.api.ts), the
 * hook the surveys will call; `rates_source` names where they came from.
 */
export const ptConventions = scopedTable('pt_conventions', {
  kind: text('kind').notNull(),
  title: text('title').notNull(),
  publishedNo: integer('published_no'),
  publishedAt: ts('published_at'),
  awarenessPermille: integer('awareness_permille'),
  compliancePermille: integer('compliance_permille'),
  ratesSource: text('rates_source'),
  ratesAt: ts('rates_at'),
  ...timestamps(),
});

export const ptConventionVersions = pgTable(
  'pt_convention_versions',
  {
    id: uuid('id').primaryKey(),
    conventionId: uuid('convention_id').notNull(),
    no: integer('no').notNull(),
    text: text('text').notNull(),
    note: text('note'),
    meetingId: uuid('meeting_id'),
    adoptedOn: date('adopted_on', { mode: 'string' }),
    ...createdByAndAt(),
  },
  (t) => [uniqueIndex('pt_convention_versions_uq').on(t.conventionId, t.no)],
);

/**
 * A user's secret calendar feed (iCal subscription of the meetings in their scope): only the SHA-256 of the
 * token is kept; rotating replaces it, so the old address stops working at once.
 */
export const ptCalendarFeeds = pgTable(
  'pt_calendar_feeds',
  {
    userId: uuid('user_id').primaryKey(),
    tokenHash: text('token_hash').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('pt_calendar_feeds_token_uq').on(t.tokenHash)],
);
