import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { scopedColumns, timestamps, ts } from '../../platform/columns';

/**
 * Meetings (R-LAW-MT-1…4): the kind decides the quorum and pass rules (MEETING_RULES, data), the basis who
 * is due; `due` is computed from the registry at `frozen_on` when the meeting is called and never again.
 * `present`/`quorum_met` are written once, when the meeting closes; a closed meeting never changes.
 */
export const ptMeetings = pgTable(
  'pt_meetings',
  {
    id: uuid('id').primaryKey(),
    ...scopedColumns(),
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
    createdBy: uuid('created_by'),
    version: integer('version').notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    index('pt_meetings_path_idx').using('btree', sql`${t.orgPath} text_pattern_ops`),
    index('pt_meetings_held_idx').on(t.heldAt),
  ],
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
    createdBy: uuid('created_by'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('pt_corrections_meeting_idx').on(t.meetingId)],
);
