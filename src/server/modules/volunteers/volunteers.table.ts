import { sql } from 'drizzle-orm';
import {
  boolean,
  doublePrecision,
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
  encryptedColumns,
  latLng,
  pathIndex,
  scopedColumns,
  timestamps,
  ts,
  userColumns,
  versionedTimestamps,
} from '../../platform/columns';

/** Tables of the volunteers module (re-exported by platform/schema.ts for Drizzle and drizzle-kit). */

/** When a volunteer is usually free: weekdays 1 (Mon) … 7 (Sun) and time slots ('morning' | 'afternoon' | 'evening'). */
export type VolunteerAvailability = { weekdays: number[]; slots: string[]; note?: string };

/**
 * A volunteer profile. Linked to the resident registry (`residentId`) and, for 在职党员到社区报到, to the
 * party member record (`partyMemberId`). `userId` is the login that acts as this volunteer (phone pages,
 * service orders). Phone is PII: encrypted, blind-indexed and masked (R-LAW-PI-1).
 * `org_path` is the community or grid the volunteer serves in; `communityId` the community for reports.
 * The ledger credits `volunteers.id`; the services module suggests candidates by skills, grid and userId.
 */
export const volunteers = pgTable(
  'volunteers',
  {
    id: uuid('id').primaryKey(),
    residentId: uuid('resident_id'),
    partyMemberId: uuid('party_member_id'),
    userId: uuid('user_id'),
    name: text('name').notNull(),
    ...encryptedColumns('phone', 'phone'),
    skills: text('skills').array().notNull().default(sql`'{}'::text[]`),
    availability: jsonb('availability')
      .$type<VolunteerAvailability>()
      .notNull()
      .default({ weekdays: [], slots: [] }),
    /** resident | party_member | university | other */
    kind: text('kind').notNull(),
    /** Partner university, for kind = 'university' (R-ORG-4). */
    university: text('university'),
    /** The community or grid served in. */
    ...scopedColumns(),
    communityId: uuid('community_id').notNull(),
    gridId: uuid('grid_id'),
    /** active | inactive */
    status: text('status').notNull().default('active'),
    notes: text('notes'),
    ...versionedTimestamps(),
  },
  (t) => [
    pathIndex('volunteers_path_idx', t.orgPath),
    index('volunteers_community_idx').on(t.communityId),
    index('volunteers_grid_idx').on(t.gridId),
    index('volunteers_skills_idx').using('gin', t.skills),
    uniqueIndex('volunteers_user_uq').on(t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('volunteers_resident_uq').on(t.residentId).where(sql`${t.residentId} is not null`),
    uniqueIndex('volunteers_party_member_uq').on(t.partyMemberId).where(sql`${t.partyMemberId} is not null`),
  ],
);

/** Volunteer teams, including emergency volunteer teams (seed 000). */
export const volunteerTeams = pgTable(
  'volunteer_teams',
  {
    id: uuid('id').primaryKey(),
    name: text('name').notNull(),
    /** general | emergency | party_member | university | specialty */
    kind: text('kind').notNull(),
    ...scopedColumns(),
    communityId: uuid('community_id').notNull(),
    /** The leading volunteer (a member of the team). */
    leaderVolunteerId: uuid('leader_volunteer_id'),
    description: text('description'),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [pathIndex('volunteer_teams_path_idx', t.orgPath)],
);

export const volunteerTeamMembers = pgTable(
  'volunteer_team_members',
  {
    id: uuid('id').primaryKey(),
    teamId: uuid('team_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    /** leader | member */
    role: text('role').notNull().default('member'),
    joinedAt: ts('joined_at').notNull(),
  },
  (t) => [
    uniqueIndex('volunteer_team_members_uq').on(t.teamId, t.volunteerId),
    index('volunteer_team_members_volunteer_idx').on(t.volunteerId),
  ],
);

/**
 * R-ORG-4: which communities are demonstration communities (示范社区), set by staff; a demonstration
 * community must have at least 20 partner-university volunteers. One row per community org unit.
 */
export const volunteerCommunityFlags = pgTable('volunteer_community_flags', {
  orgUnitId: uuid('org_unit_id').primaryKey(),
  orgPath: text('org_path').notNull(),
  demonstration: boolean('demonstration').notNull().default(false),
  /** Partner universities, free text. */
  partnerUniversities: text('partner_universities').array().notNull().default(sql`'{}'::text[]`),
  updatedBy: uuid('updated_by'),
  updatedAt: ts('updated_at').notNull(),
});

/** A volunteer activity organised by a community (R-LAW-VL-1: the organiser records and certifies). */
export const volunteerActivities = pgTable(
  'volunteer_activities',
  {
    id: uuid('id').primaryKey(),
    title: text('title').notNull(),
    /** Matches the ledger's earning-rule activity types: elderly_care | environment | neighbour_help | emergency | culture | other */
    type: text('type').notNull(),
    /** ACTIVITY_THEMES (seed 000: 邻里亲 … 邻里守望), or none. */
    theme: text('theme'),
    description: text('description'),
    ...scopedColumns(),
    communityId: uuid('community_id').notNull(),
    teamId: uuid('team_id'),
    place: text('place').notNull(),
    ...latLng(),
    /** Geofence radius in metres for self check-in. */
    radiusM: integer('radius_m').notNull().default(300),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    signupLimit: integer('signup_limit').notNull(),
    signupCount: integer('signup_count').notNull().default(0),
    /** open | cancelled */
    status: text('status').notNull().default('open'),
    organiserId: uuid('organiser_id'),
    organiserName: text('organiser_name'),
    ...versionedTimestamps(),
  },
  (t) => [
    pathIndex('volunteer_activities_path_idx', t.orgPath),
    index('volunteer_activities_starts_idx').on(t.startsAt),
  ],
);

export const volunteerSignups = pgTable(
  'volunteer_signups',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    /** signed | cancelled */
    status: text('status').notNull(),
    createdAt: ts('created_at').notNull(),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [
    uniqueIndex('volunteer_signups_uq').on(t.activityId, t.volunteerId),
    index('volunteer_signups_volunteer_idx').on(t.volunteerId),
  ],
);

/** One attendance record per volunteer and activity: check-in, check-out, organiser confirmation. */
export const volunteerAttendance = pgTable(
  'volunteer_attendance',
  {
    id: uuid('id').primaryKey(),
    activityId: uuid('activity_id').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    orgPath: text('org_path').notNull(),
    /** checked_in | checked_out | confirmed */
    status: text('status').notNull(),
    checkInAt: ts('check_in_at').notNull(),
    /** staff | self */
    checkInMethod: text('check_in_method').notNull(),
    checkInBy: uuid('check_in_by'),
    checkInLat: doublePrecision('check_in_lat'),
    checkInLng: doublePrecision('check_in_lng'),
    checkOutAt: ts('check_out_at'),
    checkOutMethod: text('check_out_method'),
    checkOutBy: uuid('check_out_by'),
    checkOutLat: doublePrecision('check_out_lat'),
    checkOutLng: doublePrecision('check_out_lng'),
    /** What the volunteer noted at check-out (optional). */
    checkOutNote: text('check_out_note'),
    /** A photo of the work done (optional; the file in storage under this id), added while checked in. */
    checkOutPhotoId: uuid('check_out_photo_id'),
    /** Minutes computed from the record at check-out. */
    minutes: integer('minutes'),
    confirmedAt: ts('confirmed_at'),
    ...userColumns('confirmedBy', 'confirmed_by'),
    ...versionedTimestamps(),
  },
  (t) => [
    uniqueIndex('volunteer_attendance_uq').on(t.activityId, t.volunteerId),
    index('volunteer_attendance_volunteer_idx').on(t.volunteerId),
  ],
);

/**
 * Append-only hour entries (R-LAW-VL-1: records are kept, corrections are new entries, never edits).
 * kind 'activity' comes from a confirmed attendance; kind 'correction' links the corrected entry and
 * carries a reason and signed minutes.
 */
export const volunteerHours = pgTable(
  'volunteer_hours',
  {
    id: uuid('id').primaryKey(),
    volunteerId: uuid('volunteer_id').notNull(),
    /** activity | correction | service */
    kind: text('kind').notNull(),
    minutes: integer('minutes').notNull(),
    activityId: uuid('activity_id'),
    attendanceId: uuid('attendance_id'),
    activityType: text('activity_type').notNull(),
    correctsId: uuid('corrects_id'),
    reason: text('reason'),
    /** The certifying community. */
    communityId: uuid('community_id').notNull(),
    orgPath: text('org_path').notNull(),
    occurredAt: ts('occurred_at').notNull(),
    ...createdByColumns(),
    createdAt: ts('created_at').notNull(),
    /** For kind 'service': where the hours come from (service_order | duty) and its id; posted once. */
    sourceType: text('source_type'),
    sourceId: text('source_id'),
  },
  (t) => [
    index('volunteer_hours_volunteer_idx').on(t.volunteerId, t.occurredAt),
    uniqueIndex('volunteer_hours_source_uq')
      .on(t.sourceType, t.sourceId)
      .where(sql`${t.sourceId} is not null`),
    pathIndex('volunteer_hours_path_idx', t.orgPath),
    uniqueIndex('volunteer_hours_attendance_uq').on(t.attendanceId).where(sql`${t.kind} = 'activity'`),
  ],
);

/** Feeds certificate numbers. */
export const volunteerCertSeq = pgSequence('volunteer_cert_seq', { startWith: 1 });

/** Issued service certificates (free, R-LAW-VL-1): a register of what was certified. */
export const volunteerCertificates = pgTable(
  'volunteer_certificates',
  {
    id: uuid('id').primaryKey(),
    number: text('number').notNull(),
    volunteerId: uuid('volunteer_id').notNull(),
    minutes: integer('minutes').notNull(),
    stars: integer('stars').notNull(),
    communityId: uuid('community_id').notNull(),
    issuedBy: uuid('issued_by'),
    issuedAt: ts('issued_at').notNull(),
  },
  (t) => [
    uniqueIndex('volunteer_certificates_number_uq').on(t.number),
    index('volunteer_certificates_volunteer_idx').on(t.volunteerId),
  ],
);
