import { z } from 'zod';
import { communityRef, communityRow, unitIdAndName } from './dtoFields';
import { queryBool } from './common';
import { pageQuery, pageQueryOf } from './pageQuery';
import { mobilePhone as phone, requiredText as text } from './fields';

/** Volunteers, teams, activities, attendance and hours (issue 4). */

export const VOLUNTEER_KINDS = ['resident', 'party_member', 'university', 'other'] as const;
export const VOLUNTEER_STATUSES = ['active', 'inactive'] as const;
export const TEAM_KINDS = ['general', 'emergency', 'party_member', 'university', 'specialty'] as const;
/** Activity types, the same codes as the ledger's earning rules. */
export const ACTIVITY_TYPES = [
  'elderly_care',
  'environment',
  'neighbour_help',
  'emergency',
  'culture',
  'other',
] as const;
/**
 * Seed 000 二.2: the themed volunteering campaigns 邻里亲、邻里帮、邻里和、邻里美、邻里乐 and 邻里守望.
 * An activity may carry one; the reports count activities, volunteers and hours per theme.
 */
export const ACTIVITY_THEMES = ['closeness', 'help', 'harmony', 'beauty', 'joy', 'watch'] as const;
export type ActivityTheme = (typeof ACTIVITY_THEMES)[number];
export const SLOTS = ['morning', 'afternoon', 'evening'] as const;
export const ATTENDANCE_STATUSES = ['checked_in', 'checked_out', 'confirmed'] as const;

/**
 * R-LAW-VL-2: common star levels by cumulative hours, 100 / 300 / 600 / 1000 / 1500 h = 1–5 stars
 * (the national 星级志愿者 standard, as in DOMAIN.md).
 */
export const STAR_THRESHOLD_HOURS = [100, 300, 600, 1000, 1500] as const;

export function starsOf(minutes: number): number {
  const hours = minutes / 60;
  let stars = 0;
  for (const h of STAR_THRESHOLD_HOURS) if (hours >= h) stars++;
  return stars;
}

/** Hours to the next star, or null at five stars. */
export function nextStarHours(minutes: number): number | null {
  const next = STAR_THRESHOLD_HOURS.find((h) => minutes / 60 < h);
  return next === undefined ? null : next;
}

/** R-ORG-4: a demonstration community needs at least this many partner-university volunteers. */
export const UNIVERSITY_VOLUNTEERS_MIN = 20;

const uuid = z.string().uuid();

export const availabilitySchema = z.strictObject({
  weekdays: z.array(z.number().int().min(1).max(7)).max(7).default([]),
  slots: z.array(z.enum(SLOTS)).max(3).default([]),
  note: z.string().trim().max(200).optional(),
});
export type Availability = z.infer<typeof availabilitySchema>;

const skills = z.array(text(30)).max(20);

/**
 * A new profile: from a resident (name and phone from the registry), from a party member (reporting
 * party members), or standalone (university and other volunteers: name required).
 */
export const createVolunteerBody = z
  .strictObject({
    residentId: uuid.nullish(),
    partyMemberId: uuid.nullish(),
    /** Community or grid served in; defaults to the resident's / party member's community. */
    orgUnitId: uuid.nullish(),
    name: z.string().trim().min(1).max(50).nullish(),
    phone: phone.nullish(),
    kind: z.enum(VOLUNTEER_KINDS).optional(),
    university: z.string().trim().min(1).max(80).nullish(),
    skills: skills.default([]),
    availability: availabilitySchema.default({ weekdays: [], slots: [] }),
    notes: z.string().trim().max(500).nullish(),
  })
  .superRefine((v, c) => {
    if (!v.residentId && !v.partyMemberId) {
      if (!v.name) c.addIssue({ code: 'custom', path: ['name'], message: 'volunteers.name_required' });
      if (!v.orgUnitId)
        c.addIssue({ code: 'custom', path: ['orgUnitId'], message: 'volunteers.unit_required' });
    }
    if (v.kind === 'university' && !v.university)
      c.addIssue({ code: 'custom', path: ['university'], message: 'volunteers.university_required' });
  });
export type CreateVolunteerBody = z.infer<typeof createVolunteerBody>;

export const updateVolunteerBody = z.strictObject({
  version: z.number().int().min(1),
  orgUnitId: uuid.optional(),
  phone: phone.nullish(),
  kind: z.enum(VOLUNTEER_KINDS).optional(),
  university: z.string().trim().min(1).max(80).nullish(),
  skills: skills.optional(),
  availability: availabilitySchema.optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  notes: z.string().trim().max(500).nullish(),
  /** Links the login that acts as this volunteer (phone pages); null unlinks. */
  username: z.string().trim().min(1).max(50).nullish(),
});
export type UpdateVolunteerBody = z.infer<typeof updateVolunteerBody>;

export const volunteerSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(VOLUNTEER_KINDS),
  university: z.string().nullable(),
  phone: z.string().nullable(),
  skills: z.array(z.string()),
  availability: z.object({
    weekdays: z.array(z.number()),
    slots: z.array(z.string()),
    note: z.string().optional(),
  }),
  ...unitIdAndName,
  ...communityRef,
  gridId: z.string().nullable(),
  residentId: z.string().nullable(),
  partyMemberId: z.string().nullable(),
  userId: z.string().nullable(),
  status: z.enum(VOLUNTEER_STATUSES),
  notes: z.string().nullable(),
  minutes: z.number(),
  stars: z.number(),
  version: z.number(),
  updatedAt: z.date(),
});
export type VolunteerDto = z.infer<typeof volunteerSchema>;

export const hourEntrySchema = z.object({
  id: z.string(),
  kind: z.enum(['activity', 'correction', 'service']),
  minutes: z.number(),
  activityId: z.string().nullable(),
  activityTitle: z.string().nullable(),
  activityType: z.string(),
  attendanceId: z.string().nullable(),
  correctsId: z.string().nullable(),
  reason: z.string().nullable(),
  ...communityRef,
  occurredAt: z.date(),
  createdByName: z.string().nullable(),
  createdAt: z.date(),
});
export type HourEntryDto = z.infer<typeof hourEntrySchema>;

export const teamRefSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  role: z.string(),
});

export const volunteerDetailSchema = volunteerSchema.extend({
  teams: z.array(teamRefSchema),
  hours: z.array(hourEntrySchema),
  nextStarHours: z.number().nullable(),
  canWrite: z.boolean(),
});
export type VolunteerDetailDto = z.infer<typeof volunteerDetailSchema>;

export const volunteerListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  orgUnitId: uuid.optional(),
  kind: z.enum(VOLUNTEER_KINDS).optional(),
  status: z.enum(VOLUNTEER_STATUSES).optional(),
  skill: z.string().trim().max(30).optional(),
  ...pageQuery,
});
export type VolunteerListQuery = z.infer<typeof volunteerListQuery>;

// Teams

export const createTeamBody = z.strictObject({
  name: text(60),
  kind: z.enum(TEAM_KINDS),
  orgUnitId: uuid,
  description: z.string().trim().max(500).nullish(),
  leaderVolunteerId: uuid.nullish(),
});
export type CreateTeamBody = z.infer<typeof createTeamBody>;

export const updateTeamBody = z.strictObject({
  name: text(60).optional(),
  kind: z.enum(TEAM_KINDS).optional(),
  description: z.string().trim().max(500).nullish(),
  leaderVolunteerId: uuid.nullish(),
  active: z.boolean().optional(),
});
export type UpdateTeamBody = z.infer<typeof updateTeamBody>;

export const teamMemberBody = z.strictObject({
  volunteerId: uuid,
  role: z.enum(['leader', 'member']).default('member'),
});

export const teamSchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(TEAM_KINDS),
  orgUnitId: z.string(),
  ...communityRef,
  description: z.string().nullable(),
  leaderVolunteerId: z.string().nullable(),
  leaderName: z.string().nullable(),
  memberCount: z.number(),
  active: z.boolean(),
  /** R-VP-1: love points the team earned for its team activities (its own ledger account). */
  points: z.number(),
});
export type TeamDto = z.infer<typeof teamSchema>;

export const teamDetailSchema = teamSchema.extend({
  members: z.array(
    z.object({
      volunteerId: z.string(),
      name: z.string(),
      kind: z.enum(VOLUNTEER_KINDS),
      skills: z.array(z.string()),
      role: z.string(),
      joinedAt: z.date(),
    }),
  ),
  canWrite: z.boolean(),
});
export type TeamDetailDto = z.infer<typeof teamDetailSchema>;

export const teamListQuery = z.object({
  orgUnitId: uuid.optional(),
  kind: z.enum(TEAM_KINDS).optional(),
  ...pageQueryOf(50),
});

// Demonstration communities (R-ORG-4)

export const communityFlagBody = z.strictObject({
  demonstration: z.boolean(),
  partnerUniversities: z.array(text(80)).max(10).default([]),
});

export const universityRowSchema = z.object({
  ...communityRow,
  demonstration: z.boolean(),
  partnerUniversities: z.array(z.string()),
  universityVolunteers: z.number(),
  /** R-ORG-4: a demonstration community with fewer than 20 active university volunteers. */
  flagged: z.boolean(),
  canWrite: z.boolean(),
});
export type UniversityRow = z.infer<typeof universityRowSchema>;

// Activities

const geo = {
  lat: z.number().min(-90).max(90).nullish(),
  lng: z.number().min(-180).max(180).nullish(),
  radiusM: z.number().int().min(20).max(5000).optional(),
};

export const createActivityBody = z
  .strictObject({
    title: text(80),
    type: z.enum(ACTIVITY_TYPES),
    theme: z.enum(ACTIVITY_THEMES).nullish(),
    description: z.string().trim().max(2000).nullish(),
    orgUnitId: uuid,
    teamId: uuid.nullish(),
    place: text(120),
    ...geo,
    startsAt: z.coerce.date(),
    endsAt: z.coerce.date(),
    signupLimit: z.number().int().min(1).max(10000),
  })
  .superRefine((v, c) => {
    if (v.endsAt.getTime() <= v.startsAt.getTime())
      c.addIssue({ code: 'custom', path: ['endsAt'], message: 'volunteers.ends_before_starts' });
    if ((v.lat == null) !== (v.lng == null))
      c.addIssue({ code: 'custom', path: ['lat'], message: 'volunteers.lat_lng_pair' });
  });
export type CreateActivityBody = z.infer<typeof createActivityBody>;

export const updateActivityBody = z.strictObject({
  version: z.number().int().min(1),
  title: text(80).optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  theme: z.enum(ACTIVITY_THEMES).nullish(),
  description: z.string().trim().max(2000).nullish(),
  place: text(120).optional(),
  ...geo,
  startsAt: z.coerce.date().optional(),
  endsAt: z.coerce.date().optional(),
  signupLimit: z.number().int().min(1).max(10000).optional(),
});
export type UpdateActivityBody = z.infer<typeof updateActivityBody>;

export const activitySchema = z.object({
  id: z.string(),
  title: z.string(),
  type: z.enum(ACTIVITY_TYPES),
  theme: z.enum(ACTIVITY_THEMES).nullable(),
  description: z.string().nullable(),
  orgUnitId: z.string(),
  ...communityRef,
  teamId: z.string().nullable(),
  place: z.string(),
  lat: z.number().nullable(),
  lng: z.number().nullable(),
  radiusM: z.number(),
  startsAt: z.date(),
  endsAt: z.date(),
  signupLimit: z.number(),
  signupCount: z.number(),
  status: z.enum(['open', 'cancelled']),
  organiserName: z.string().nullable(),
  version: z.number(),
});
export type ActivityDto = z.infer<typeof activitySchema>;

export const attendanceSchema = z.object({
  id: z.string(),
  volunteerId: z.string(),
  status: z.enum(ATTENDANCE_STATUSES),
  checkInAt: z.date(),
  checkInMethod: z.string(),
  checkOutAt: z.date().nullable(),
  checkOutMethod: z.string().nullable(),
  checkOutNote: z.string().nullable(),
  /** A check-out photo exists (staff read it at …/attendance/:volunteerId/photo). */
  hasPhoto: z.boolean(),
  minutes: z.number().nullable(),
  confirmedAt: z.date().nullable(),
  confirmedByName: z.string().nullable(),
});
export type AttendanceDto = z.infer<typeof attendanceSchema>;

export const signupRowSchema = z.object({
  signupId: z.string(),
  volunteerId: z.string(),
  name: z.string(),
  kind: z.enum(VOLUNTEER_KINDS),
  status: z.enum(['signed', 'cancelled']),
  signedAt: z.date(),
  attendance: attendanceSchema.nullable(),
});

export const activityDetailSchema = activitySchema.extend({
  signups: z.array(signupRowSchema),
  canWrite: z.boolean(),
});
export type ActivityDetailDto = z.infer<typeof activityDetailSchema>;

export const activityListQuery = z.object({
  orgUnitId: uuid.optional(),
  type: z.enum(ACTIVITY_TYPES).optional(),
  theme: z.enum(ACTIVITY_THEMES).optional(),
  status: z.enum(['open', 'cancelled']).optional(),
  q: z.string().trim().max(50).optional(),
  ...pageQuery,
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const volunteerRefBody = z.strictObject({ volunteerId: uuid });
export const positionBody = z.strictObject({
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});

/** Self check-out: where, and optionally a note on the work done (the photo is uploaded before). */
export const checkOutBody = positionBody.extend({ note: text(200).optional() });

export const correctionBody = z.strictObject({
  minutes: z
    .number()
    .int()
    .min(-1440)
    .max(1440)
    .refine((m) => m !== 0, 'volunteers.correction_zero'),
  reason: text(200),
});

// The volunteer's own pages

export const myActivitySchema = activitySchema.extend({
  signedUp: z.boolean(),
  attendance: attendanceSchema.nullable(),
  distanceM: z.number().nullable().optional(),
});
export type MyActivityDto = z.infer<typeof myActivitySchema>;

export const myVolunteerSchema = z.object({
  profile: volunteerSchema.nullable(),
  hours: z.array(hourEntrySchema),
  nextStarHours: z.number().nullable(),
});
export type MyVolunteerDto = z.infer<typeof myVolunteerSchema>;

// Reports

export const hoursReportQuery = z.object({
  orgUnitId: uuid.optional(),
  from: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  to: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type HoursReportQuery = z.infer<typeof hoursReportQuery>;

export const hoursReportRowSchema = z.object({
  ...communityRow,
  volunteers: z.number(),
  activities: z.number(),
  minutes: z.number(),
});
export type HoursReportRow = z.infer<typeof hoursReportRowSchema>;

/** One theme's row of the themed-volunteering report (theme null: activities without a theme). */
export const themeReportRowSchema = z.object({
  theme: z.enum(ACTIVITY_THEMES).nullable(),
  /** Activities held in the period (not cancelled). */
  activities: z.number(),
  /** Volunteers and confirmed minutes from those themes' activities in the period. */
  volunteers: z.number(),
  minutes: z.number(),
});
export type ThemeReportRow = z.infer<typeof themeReportRowSchema>;

export const summaryReportSchema = z.object({
  communities: z.array(
    z.object({
      ...communityRow,
      total: z.number(),
      byKind: z.record(z.string(), z.number()),
    }),
  ),
  stars: z.array(z.object({ stars: z.number(), count: z.number() })),
});
export type SummaryReport = z.infer<typeof summaryReportSchema>;

export { queryBool };
