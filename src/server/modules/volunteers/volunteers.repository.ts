import { and, asc, desc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { VolunteerListQuery } from '../../../shared/contracts/volunteers';
import { countsBy } from '../../platform/figureQuery';
import { namesById } from '../../platform/namesById';
import { type Db, rowsOf } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { upsertRow } from '../../platform/upsertRow';
import { isUuid } from '../../platform/ids';
import { finderInScope, rowInserter, rowUpdater, versionedUpdater } from '../../platform/rowAccessors';
import { inReach } from '../../platform/inReach';
import type { PageQuery } from '../../platform/listing';
import { type Actor, escapeLike } from '../../platform/permissions';
import { type VolunteerAction, volunteersPolicy } from './volunteers.policy';
import {
  volunteerActivities,
  volunteerCommunityFlags,
  volunteerHours,
  volunteerTeamMembers,
  volunteerTeams,
  volunteers,
} from './volunteers.table';

/**
 * Reads of the volunteer registry and its teams for an actor: every one takes the action it is for and
 * ANDs the policy's scope in, so a volunteer or team out of reach is not found (404), the same as one
 * that does not exist. (Activities and hours: activities.repository.ts.)
 */
export type VolunteerRow = typeof volunteers.$inferSelect;
export type TeamRow = typeof volunteerTeams.$inferSelect;

/** Reads for lists: the rows in reach for `read`, under a unit's path when given. */
const readable = inReach(volunteersPolicy, 'read');

/** A volunteer in reach for `action`, or undefined (also for an id that is not a UUID). */
export const findVolunteerRow = finderInScope(volunteersPolicy, volunteers);

/** One page of the volunteers in reach for reading, under `path` when given, matching the filters, by name. */
export const listVolunteerRows = readable.lister(
  volunteers,
  [asc(volunteers.name), asc(volunteers.id)],
  (q: VolunteerListQuery & { path?: string }) => [
    q.q ? sql`${volunteers.name} ilike ${`%${escapeLike(q.q)}%`}` : undefined,
    q.kind ? eq(volunteers.kind, q.kind) : undefined,
    q.status ? eq(volunteers.status, q.status) : undefined,
    q.skill ? sql`${q.skill} = any(${volunteers.skills})` : undefined,
  ],
);

/** A volunteer by id in any scope and status (for other modules, through volunteers.api.ts). */
export async function volunteerRowById(db: Db, id: string): Promise<VolunteerRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(db, volunteers, eq(volunteers.id, id));
}

/** An active volunteer by id; with `scope`, only one in reach for that action. */
export async function activeVolunteerRow(
  db: Db,
  id: string,
  scope?: { actor: Actor; action: VolunteerAction | undefined },
): Promise<VolunteerRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(
    db,
    volunteers,
    and(
      eq(volunteers.id, id),
      eq(volunteers.status, 'active'),
      scope ? (scope.action ? volunteersPolicy.scope(scope.actor, scope.action) : sql`false`) : undefined,
    ),
  );
}

/** The active volunteer record a login acts as (volunteers.user_id), if any. */
export async function activeVolunteerRowOfUser(db: Db, userId: string): Promise<VolunteerRow | undefined> {
  return firstRow(db, volunteers, and(eq(volunteers.userId, userId), eq(volunteers.status, 'active')));
}

/** A team in reach for `action`, or undefined. */
export const findTeamRow = finderInScope(volunteersPolicy, volunteerTeams, volunteerTeams.orgPath);

/** One page of the teams in reach for reading, under `path` when given, by place and name. */
export const listTeamRows = readable.lister(
  volunteerTeams,
  [asc(volunteerTeams.orgPath), asc(volunteerTeams.name), asc(volunteerTeams.id)],
  (q: PageQuery & { path?: string; kind?: string | undefined }) => [
    q.kind ? eq(volunteerTeams.kind, q.kind) : undefined,
  ],
);

// ─── Reports (over communities the caller found in scope) ────────────────────────────────────────

/** Confirmed hours per certifying community in [from, to): distinct volunteers, activities, minutes. */
export function hoursByCommunity(db: Db, communityIds: string[], from: Date, to: Date) {
  return db
    .select({
      id: volunteerHours.communityId,
      volunteers: sql<number>`count(distinct ${volunteerHours.volunteerId})::int`,
      activities: sql<number>`count(distinct ${volunteerHours.activityId})::int`,
      minutes: sql<number>`coalesce(sum(${volunteerHours.minutes}),0)::int`,
    })
    .from(volunteerHours)
    .where(
      and(
        inArray(volunteerHours.communityId, communityIds),
        gte(volunteerHours.occurredAt, from),
        lt(volunteerHours.occurredAt, to),
      ),
    )
    .groupBy(volunteerHours.communityId);
}

/** Active volunteers per community and kind. */
export function activeByCommunityAndKind(db: Db, communityIds: string[]) {
  return db
    .select({ id: volunteers.communityId, kind: volunteers.kind, n: sql<number>`count(*)::int` })
    .from(volunteers)
    .where(and(inArray(volunteers.communityId, communityIds), eq(volunteers.status, 'active')))
    .groupBy(volunteers.communityId, volunteers.kind);
}

/** How many active volunteers of these communities hold each star level (thresholds in minutes). */
export async function starDistribution(
  db: Db,
  communityIds: string[],
  [t1, t2, t3, t4, t5]: number[],
): Promise<Map<number, number>> {
  const stars = await db.execute(sql`
    select case when m >= ${t5} then 5 when m >= ${t4} then 4 when m >= ${t3} then 3
                when m >= ${t2} then 2 when m >= ${t1} then 1 else 0 end as stars, count(*)::int as n
    from (
      select v.id, coalesce((select sum(h.minutes) from volunteer_hours h where h.volunteer_id = v.id), 0) as m
      from volunteers v
      where v.status = 'active' and v.community_id in (${sql.join(
        communityIds.map((id) => sql`${id}::uuid`),
        sql`, `,
      )})
    ) x group by 1`);
  const rows = rowsOf<{ stars: number | string; n: number | string }>(stars);
  return new Map(rows.map((r) => [Number(r.stars), Number(r.n)]));
}

// ─── Registry details (of volunteers and teams the caller found in scope) ────────────────────────

/** Confirmed minutes per volunteer (sum of the append-only entries, corrections included). */
export async function minutesByVolunteer(db: Db, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({
      id: volunteerHours.volunteerId,
      m: sql<number>`coalesce(sum(${volunteerHours.minutes}),0)::int`,
    })
    .from(volunteerHours)
    .where(inArray(volunteerHours.volunteerId, ids))
    .groupBy(volunteerHours.volunteerId);
  return new Map(rows.map((r) => [r.id, Number(r.m)]));
}

/** A volunteer's hour entries, newest first (at most 500), with the activity's title. */
export function hourRowsOf(db: Db, volunteerId: string) {
  return db
    .select({ h: volunteerHours, title: volunteerActivities.title })
    .from(volunteerHours)
    .leftJoin(volunteerActivities, eq(volunteerActivities.id, volunteerHours.activityId))
    .where(eq(volunteerHours.volunteerId, volunteerId))
    .orderBy(desc(volunteerHours.occurredAt), desc(volunteerHours.createdAt))
    .limit(500);
}

/** The teams a volunteer belongs to, with their role, by name. */
export function teamRowsOfVolunteer(db: Db, volunteerId: string) {
  return db
    .select({
      id: volunteerTeams.id,
      name: volunteerTeams.name,
      kind: volunteerTeams.kind,
      role: volunteerTeamMembers.role,
    })
    .from(volunteerTeamMembers)
    .innerJoin(volunteerTeams, eq(volunteerTeams.id, volunteerTeamMembers.teamId))
    .where(eq(volunteerTeamMembers.volunteerId, volunteerId))
    .orderBy(asc(volunteerTeams.name));
}

/** Members per team. */
export function memberCounts(db: Db, teamIds: string[]): Promise<Map<string, number>> {
  return countsBy(db, volunteerTeamMembers, volunteerTeamMembers.teamId, teamIds);
}

/** Volunteer names by id. */
export function volunteerNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  return namesById(db, volunteers, volunteers.name, ids);
}

/** A team's members, the leader first, then by name. */
export function teamMemberRows(db: Db, teamId: string) {
  return db
    .select({
      volunteerId: volunteers.id,
      name: volunteers.name,
      kind: volunteers.kind,
      skills: volunteers.skills,
      role: volunteerTeamMembers.role,
      joinedAt: volunteerTeamMembers.joinedAt,
    })
    .from(volunteerTeamMembers)
    .innerJoin(volunteers, eq(volunteers.id, volunteerTeamMembers.volunteerId))
    .where(eq(volunteerTeamMembers.teamId, teamId))
    .orderBy(desc(sql`${volunteerTeamMembers.role} = 'leader'`), asc(volunteers.name));
}

/** The volunteer record linked to a login (any status), if any. */
export async function volunteerRowOfUser(db: Db, userId: string): Promise<VolunteerRow | undefined> {
  return firstRow(db, volunteers, eq(volunteers.userId, userId));
}

/** The staff-set flags of these communities (R-ORG-4). */
export function communityFlagRows(db: Db, communityIds: string[]) {
  return db
    .select()
    .from(volunteerCommunityFlags)
    .where(inArray(volunteerCommunityFlags.orgUnitId, communityIds));
}

/** Active university volunteers per community (R-ORG-4). */
export async function universityVolunteerCounts(
  db: Db,
  communityIds: string[],
): Promise<Map<string, number>> {
  const counts = await db
    .select({ id: volunteers.communityId, n: sql<number>`count(*)::int` })
    .from(volunteers)
    .where(
      and(
        inArray(volunteers.communityId, communityIds),
        eq(volunteers.kind, 'university'),
        eq(volunteers.status, 'active'),
      ),
    )
    .groupBy(volunteers.communityId);
  return new Map(counts.map((c) => [c.id, Number(c.n)]));
}

/** Sets a community's flags; returns the flags before. */
export async function putCommunityFlag(db: Db, values: typeof volunteerCommunityFlags.$inferInsert) {
  const [before] = await db
    .select()
    .from(volunteerCommunityFlags)
    .where(eq(volunteerCommunityFlags.orgUnitId, values.orgUnitId));
  await upsertRow(db, volunteerCommunityFlags, volunteerCommunityFlags.orgUnitId, values, values);
  return before;
}

// ─── Registry writes (of volunteers and teams the caller found in scope) ─────────────────────────

export const insertVolunteer = rowInserter(volunteers);

/** Updates a volunteer if still at `version` (optimistic lock), bumping it; undefined when not. */
export const updateVolunteerRow = versionedUpdater(volunteers);

export const insertTeam = rowInserter(volunteerTeams);

export const updateTeamRow = rowUpdater(volunteerTeams);

/** Adds a member (`upsert`: an existing member takes the role instead of failing). */
export async function insertMember(
  db: Db,
  values: typeof volunteerTeamMembers.$inferInsert,
  upsert = false,
): Promise<void> {
  const q = db.insert(volunteerTeamMembers).values(values);
  if (upsert)
    await q.onConflictDoUpdate({
      target: [volunteerTeamMembers.teamId, volunteerTeamMembers.volunteerId],
      set: { role: values.role },
    });
  else await q;
}

/** Makes every other leader of the team a plain member. */
export async function demoteOtherLeaders(db: Db, teamId: string, leaderId: string): Promise<void> {
  await db
    .update(volunteerTeamMembers)
    .set({ role: 'member' })
    .where(
      and(
        eq(volunteerTeamMembers.teamId, teamId),
        eq(volunteerTeamMembers.role, 'leader'),
        sql`${volunteerTeamMembers.volunteerId} <> ${leaderId}`,
      ),
    );
}

/** Removes a member; the removed membership, or undefined when there was none. */
export async function deleteMember(db: Db, teamId: string, volunteerId: string) {
  const [gone] = await db
    .delete(volunteerTeamMembers)
    .where(and(eq(volunteerTeamMembers.teamId, teamId), eq(volunteerTeamMembers.volunteerId, volunteerId)))
    .returning();
  return gone;
}
