import { and, asc, desc, eq, gte, inArray, lt, ne, sql } from 'drizzle-orm';
import type { ActivityListQuery } from '../../../shared/contracts/volunteers';
import { type Db, rowsOf } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { isUuid } from '../../platform/ids';
import { finderInScope, rowInserter, rowUpdater } from '../../platform/rowAccessors';
import { inReach } from '../../platform/inReach';
import { type Actor, escapeLike } from '../../platform/permissions';
import { type VolunteerAction, volunteersPolicy } from './volunteers.policy';
import {
  volunteerActivities,
  volunteerAttendance,
  volunteerCertificates,
  volunteerHours,
  volunteerSignups,
  volunteerTeams,
  volunteers,
} from './volunteers.table';

/**
 * Reads of volunteer activities and hour entries for an actor: each takes the action it is for and ANDs
 * the policy's scope in (out of reach = not found = 404).
 */
export type ActivityRow = typeof volunteerActivities.$inferSelect;
/** An activity in reach for `action` (locked `for update` when asked), or undefined. */
export async function findActivityRow(
  db: Db,
  actor: Actor,
  action: VolunteerAction,
  id: string,
  forUpdate = false,
): Promise<ActivityRow | undefined> {
  if (!isUuid(id)) return undefined;
  const q = db
    .select()
    .from(volunteerActivities)
    .where(
      and(eq(volunteerActivities.id, id), volunteersPolicy.scope(actor, action, volunteerActivities.orgPath)),
    );
  const [row] = forUpdate ? await q.for('update') : await q;
  return row;
}

/** One page of the activities in reach for reading, under `path` when given, matching the filters, newest first. */
export const listActivityRows = inReach(volunteersPolicy, 'read').lister(
  volunteerActivities,
  [desc(volunteerActivities.startsAt), asc(volunteerActivities.id)],
  (q: ActivityListQuery & { path?: string }) => [
    q.type ? eq(volunteerActivities.type, q.type) : undefined,
    q.theme ? eq(volunteerActivities.theme, q.theme) : undefined,
    q.status ? eq(volunteerActivities.status, q.status) : undefined,
    q.q ? sql`${volunteerActivities.title} ilike ${`%${escapeLike(q.q)}%`}` : undefined,
  ],
);

/** An hour entry in reach for `action`, or undefined. */
export const findHourRow = finderInScope(volunteersPolicy, volunteerHours, volunteerHours.orgPath);

/** Stores an hour entry unless its source was already recorded; false then. */
export async function insertHourOnce(db: Db, values: typeof volunteerHours.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(volunteerHours)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: volunteerHours.id });
  return rows.length > 0;
}

// ─── Certificates (R-LAW-VL-1) ───────────────────────────────────────────────────────────────────

/** A volunteer's confirmed minutes and activities per activity type. */
export function hoursByActivityType(db: Db, volunteerId: string) {
  return db
    .select({
      type: volunteerHours.activityType,
      minutes: sql<number>`coalesce(sum(${volunteerHours.minutes}),0)::int`,
      activities: sql<number>`count(distinct ${volunteerHours.activityId})::int`,
    })
    .from(volunteerHours)
    .where(eq(volunteerHours.volunteerId, volunteerId))
    .groupBy(volunteerHours.activityType);
}

/** A volunteer's latest activity hours with the activity's title and start. */
export function recentActivityHours(db: Db, volunteerId: string, limit: number) {
  return db
    .select({
      title: volunteerActivities.title,
      at: volunteerActivities.startsAt,
      minutes: volunteerHours.minutes,
    })
    .from(volunteerHours)
    .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerHours.activityId))
    .where(and(eq(volunteerHours.volunteerId, volunteerId), eq(volunteerHours.kind, 'activity')))
    .orderBy(sql`${volunteerActivities.startsAt} desc`)
    .limit(limit);
}

/** Registers a certificate under the next number of the day (`ZYFW-YYYYMMDD-nnnnnn`); returns it. */
export async function insertCertificate(
  tx: Db,
  day: string,
  values: Omit<typeof volunteerCertificates.$inferInsert, 'number'>,
): Promise<string> {
  const [seq] = rowsOf<{ n: string | number }>(
    await tx.execute(sql`select nextval('volunteer_cert_seq')::bigint as n`),
  );
  const number = `ZYFW-${day.replaceAll('-', '')}-${String(seq!.n).padStart(6, '0')}`;
  await tx.insert(volunteerCertificates).values({ ...values, number });
  return number;
}

// ─── Activities, sign-ups (of activities the caller found in scope) ──────────────────────────────

/** An activity's sign-ups, oldest first, with the volunteer's name and kind. */
export function signupRowsOf(db: Db, activityId: string) {
  return db
    .select({ s: volunteerSignups, name: volunteers.name, kind: volunteers.kind })
    .from(volunteerSignups)
    .innerJoin(volunteers, eq(volunteers.id, volunteerSignups.volunteerId))
    .where(eq(volunteerSignups.activityId, activityId))
    .orderBy(asc(volunteerSignups.createdAt));
}

/** An activity's attendance records. */
export function attendanceRowsOf(db: Db, activityId: string) {
  return db.select().from(volunteerAttendance).where(eq(volunteerAttendance.activityId, activityId));
}

/** How many attendance records an activity has. */
export async function attendanceCount(db: Db, activityId: string): Promise<number> {
  const [att] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(volunteerAttendance)
    .where(eq(volunteerAttendance.activityId, activityId));
  return Number(att?.n ?? 0);
}

/** Whether a team exists in this community. */
export async function teamInCommunity(db: Db, teamId: string, communityId: string): Promise<boolean> {
  if (!isUuid(teamId)) return false;
  const [team] = await db
    .select({ id: volunteerTeams.id })
    .from(volunteerTeams)
    .where(and(eq(volunteerTeams.id, teamId), eq(volunteerTeams.communityId, communityId)));
  return !!team;
}

/** A team's id and name (the team of an activity being confirmed). */
export async function teamRowById(db: Db, teamId: string): Promise<{ id: string; name: string } | undefined> {
  const [team] = await db
    .select({ id: volunteerTeams.id, name: volunteerTeams.name })
    .from(volunteerTeams)
    .where(eq(volunteerTeams.id, teamId));
  return team;
}

export const insertActivity = rowInserter(volunteerActivities);

export const updateActivityRow = rowUpdater(volunteerActivities);

/** A volunteer's sign-up to an activity, locked `for update`, if any. */
export async function lockSignup(db: Db, activityId: string, volunteerId: string) {
  const [existing] = await db
    .select()
    .from(volunteerSignups)
    .where(and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.volunteerId, volunteerId)))
    .for('update');
  return existing;
}

/** Takes a seat if the activity is open and not full (one conditional update); the new count, or undefined. */
export async function takeSeat(db: Db, activityId: string): Promise<number | undefined> {
  const seat = await db
    .update(volunteerActivities)
    .set({ signupCount: sql`${volunteerActivities.signupCount} + 1` })
    .where(
      and(
        eq(volunteerActivities.id, activityId),
        eq(volunteerActivities.status, 'open'),
        sql`${volunteerActivities.signupCount} < ${volunteerActivities.signupLimit}`,
      ),
    )
    .returning({ n: volunteerActivities.signupCount });
  return seat[0]?.n;
}

export async function updateSignupRow(
  db: Db,
  id: string,
  set: Partial<typeof volunteerSignups.$inferInsert>,
): Promise<void> {
  await db.update(volunteerSignups).set(set).where(eq(volunteerSignups.id, id));
}

export async function insertSignup(db: Db, values: typeof volunteerSignups.$inferInsert): Promise<void> {
  await db.insert(volunteerSignups).values(values);
}

// ─── Attendance and hours ────────────────────────────────────────────────────────────────────────

type NewAttendance = typeof volunteerAttendance.$inferInsert;

/** A volunteer's attendance of an activity (locked `for update` when asked), if any. */
export async function attendanceOf(db: Db, activityId: string, volunteerId: string, forUpdate = false) {
  const q = db
    .select()
    .from(volunteerAttendance)
    .where(
      and(eq(volunteerAttendance.activityId, activityId), eq(volunteerAttendance.volunteerId, volunteerId)),
    );
  const [att] = forUpdate ? await q.for('update') : await q;
  return att;
}

/** A volunteer's sign-up to an activity (unlocked), if any. */
export async function signupOf(db: Db, activityId: string, volunteerId: string) {
  return firstRow(
    db,
    volunteerSignups,
    and(eq(volunteerSignups.activityId, activityId), eq(volunteerSignups.volunteerId, volunteerId)),
  );
}

/** Gives a seat back. */
export async function releaseSeat(db: Db, activityId: string): Promise<void> {
  await db
    .update(volunteerActivities)
    .set({ signupCount: sql`${volunteerActivities.signupCount} - 1` })
    .where(eq(volunteerActivities.id, activityId));
}

/** Stores an attendance and returns it as stored. */
export async function insertAttendance(db: Db, values: NewAttendance) {
  await db.insert(volunteerAttendance).values(values);
  const [row] = await db.select().from(volunteerAttendance).where(eq(volunteerAttendance.id, values.id));
  return row!;
}

/** Updates an attendance (only while in `fromStatus` when given); undefined when it no longer was. */
export async function updateAttendanceRow(
  db: Db,
  id: string,
  set: Partial<NewAttendance>,
  fromStatus?: string,
) {
  const [row] = await db
    .update(volunteerAttendance)
    .set(set)
    .where(
      and(
        eq(volunteerAttendance.id, id),
        fromStatus ? eq(volunteerAttendance.status, fromStatus) : undefined,
      ),
    )
    .returning();
  return row;
}

export async function insertHour(db: Db, values: typeof volunteerHours.$inferInsert): Promise<void> {
  await db.insert(volunteerHours).values(values);
}

/** Holds the lock of an hour entry's corrections for the rest of the transaction. */
export async function lockHourCorrections(tx: Db, entryId: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`vol-hours:${entryId}`}))`);
}

/** The minutes of an hour entry with its corrections. */
export async function correctedMinutes(db: Db, entryId: string): Promise<number> {
  const [sum] = await db
    .select({ m: sql<number>`coalesce(sum(${volunteerHours.minutes}),0)::int` })
    .from(volunteerHours)
    .where(sql`${volunteerHours.id} = ${entryId} or ${volunteerHours.correctsId} = ${entryId}`);
  return Number(sum?.m ?? 0);
}

// ─── The volunteer's own phone pages (their own community's activities) ──────────────────────────

/** An activity of the volunteer's community (locked `for update` when asked), or undefined. */
export async function activityOfCommunity(db: Db, communityId: string, id: string, forUpdate = false) {
  if (!isUuid(id)) return undefined;
  const q = db
    .select()
    .from(volunteerActivities)
    .where(and(eq(volunteerActivities.id, id), eq(volunteerActivities.communityId, communityId)));
  const [a] = forUpdate ? await q.for('update') : await q;
  return a;
}

/** Open activities of a community that ended at most `since` ago or later, by start (at most 100). */
export function openActivitiesOfCommunity(db: Db, communityId: string, endedAfter: Date) {
  return db
    .select()
    .from(volunteerActivities)
    .where(
      and(
        eq(volunteerActivities.communityId, communityId),
        eq(volunteerActivities.status, 'open'),
        gte(volunteerActivities.endsAt, endedAfter),
      ),
    )
    .orderBy(asc(volunteerActivities.startsAt))
    .limit(100);
}

/** A volunteer's sign-ups and attendance of these activities. */
export async function myParticipation(db: Db, volunteerId: string, activityIds: string[]) {
  if (activityIds.length === 0) return { signups: [], attendance: [] };
  const signups = await db
    .select()
    .from(volunteerSignups)
    .where(
      and(inArray(volunteerSignups.activityId, activityIds), eq(volunteerSignups.volunteerId, volunteerId)),
    );
  const attendance = await db
    .select()
    .from(volunteerAttendance)
    .where(
      and(
        inArray(volunteerAttendance.activityId, activityIds),
        eq(volunteerAttendance.volunteerId, volunteerId),
      ),
    );
  return { signups, attendance };
}

/**
 * Per activity theme (null: none) in these communities and the period [from, to): activities held (not
 * cancelled, by start), and the volunteers and confirmed minutes their hour entries record.
 */
export async function themeCounts(db: Db, communityIds: string[], from: Date, to: Date) {
  const [held, served] = await Promise.all([
    db
      .select({ theme: volunteerActivities.theme, activities: sql<number>`count(*)::int` })
      .from(volunteerActivities)
      .where(
        and(
          inArray(volunteerActivities.communityId, communityIds),
          gte(volunteerActivities.startsAt, from),
          lt(volunteerActivities.startsAt, to),
          ne(volunteerActivities.status, 'cancelled'),
        ),
      )
      .groupBy(volunteerActivities.theme),
    db
      .select({
        theme: volunteerActivities.theme,
        volunteers: sql<number>`count(distinct ${volunteerHours.volunteerId})::int`,
        minutes: sql<number>`coalesce(sum(${volunteerHours.minutes}), 0)::int`,
      })
      .from(volunteerHours)
      .innerJoin(volunteerActivities, eq(volunteerActivities.id, volunteerHours.activityId))
      .where(
        and(
          inArray(volunteerHours.communityId, communityIds),
          gte(volunteerHours.occurredAt, from),
          lt(volunteerHours.occurredAt, to),
        ),
      )
      .groupBy(volunteerActivities.theme),
  ]);
  return { held, served };
}
