import {
  type CreateTeamBody,
  type CreateVolunteerBody,
  type UpdateTeamBody,
  type UpdateVolunteerBody,
  UNIVERSITY_VOLUNTEERS_MIN,
  type VolunteerDto,
  type VolunteerListQuery,
  nextStarHours,
  starsOf,
} from '../../../shared/contracts/volunteers';
import { writeAudit } from '../../platform/audit';
import { audited } from '../../platform/auditedEntity';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { sealedPhone, storedPhone } from '../../platform/sealedFields';
import { roleUnitPaths, userByUsername } from '../accounts/accounts.api';
import { balancesOf, moveHolderAccounts } from '../ledger/ledger.api';
import { activeUnitsOfKind, unitById } from '../org/org.api';
import { partyMemberInScope } from '../people/people.api';
import { liveResidentInScope } from '../residents/residents.api';
import {
  checkId,
  communityOf,
  gridOf,
  isUniqueViolation,
  placeForWrite,
  unitNames,
  writable,
  foundOr404,
  readListPath,
  requireAccess,
} from './volunteers.common';
import { volunteersPolicy } from './volunteers.policy';
import {
  communityFlagRows,
  deleteMember,
  demoteOtherLeaders,
  findTeamRow,
  insertMember,
  insertTeam,
  insertVolunteer,
  updateTeamRow,
  updateVolunteerRow,
  findVolunteerRow,
  hourRowsOf,
  listTeamRows,
  listVolunteerRows,
  memberCounts,
  minutesByVolunteer,
  putCommunityFlag,
  teamMemberRows,
  teamRowsOfVolunteer,
  universityVolunteerCounts,
  volunteerNames,
  volunteerRowOfUser,
} from './volunteers.repository';
import type { volunteerTeams, volunteers } from './volunteers.table';

const auditVolunteer = audited('volunteer');
const auditTeam = audited('volunteer_team');

type VolunteerRow = typeof volunteers.$inferSelect;

/** Confirmed minutes per volunteer (sum of the append-only entries, corrections included). */
export function minutesOf(db: Db, ids: string[]): Promise<Map<string, number>> {
  return minutesByVolunteer(db, ids);
}

export async function toDtos(db: Db, rows: VolunteerRow[]): Promise<VolunteerDto[]> {
  const names = await unitNames(
    db,
    rows.flatMap((r) => [r.orgUnitId, r.communityId]),
  );
  const minutes = await minutesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => {
    const m = Math.max(0, minutes.get(r.id) ?? 0);
    return {
      id: r.id,
      name: r.name,
      kind: r.kind as VolunteerDto['kind'],
      university: r.university,
      phone: r.phoneMask,
      skills: r.skills,
      availability: r.availability,
      orgUnitId: r.orgUnitId,
      unitName: names.get(r.orgUnitId) ?? null,
      communityId: r.communityId,
      communityName: names.get(r.communityId) ?? null,
      gridId: r.gridId,
      residentId: r.residentId,
      partyMemberId: r.partyMemberId,
      userId: r.userId,
      status: r.status as VolunteerDto['status'],
      notes: r.notes,
      minutes: m,
      stars: starsOf(m),
      version: r.version,
      updatedAt: r.updatedAt,
    };
  });
}

/** The audit view of a profile: no personal data (R-LAW-PI-1). */
function auditView(r: VolunteerRow) {
  const { phoneEnc: _e, phoneHash: _h, phoneMask: _m, notes: _n, ...rest } = r;
  return rest;
}

function sealPhone(ctx: ActorCtx, phone: string | null | undefined) {
  if (phone === undefined) return {};
  return sealedPhone(ctx.pii, storedPhone(phone));
}

export async function findVolunteer(
  ctx: ActorCtx,
  id: string,
  permission: 'volunteers.read' | 'volunteers.write',
) {
  const action = requireAccess(ctx, permission);
  return foundOr404(await findVolunteerRow(ctx.db, ctx.actor, action, id));
}

export async function listVolunteers(ctx: ActorCtx, q: VolunteerListQuery) {
  const page = await listVolunteerRows(ctx.db, ctx.actor, {
    ...q,
    path: await readListPath(ctx, q.orgUnitId),
  });
  return { ...page, items: await toDtos(ctx.db, page.items) };
}

export async function hourEntries(db: Db, volunteerId: string) {
  const rows = await hourRowsOf(db, volunteerId);
  const names = await unitNames(
    db,
    rows.map((r) => r.h.communityId),
  );
  return rows.map(({ h, title }) => ({
    id: h.id,
    kind: h.kind as 'activity' | 'correction' | 'service',
    minutes: h.minutes,
    activityId: h.activityId,
    activityTitle: title ?? null,
    activityType: h.activityType,
    attendanceId: h.attendanceId,
    correctsId: h.correctsId,
    reason: h.reason,
    communityId: h.communityId,
    communityName: names.get(h.communityId) ?? null,
    occurredAt: h.occurredAt,
    createdByName: h.createdByName,
    createdAt: h.createdAt,
  }));
}

export async function teamsOf(db: Db, volunteerId: string) {
  const rows = await teamRowsOfVolunteer(db, volunteerId);
  return rows.map((r) => ({ ...r, kind: r.kind as 'general' }));
}

export async function getVolunteer(ctx: ActorCtx, id: string) {
  const row = await findVolunteer(ctx, id, 'volunteers.read');
  const [dto] = await toDtos(ctx.db, [row]);
  return {
    ...dto!,
    teams: await teamsOf(ctx.db, id),
    hours: await hourEntries(ctx.db, id),
    nextStarHours: nextStarHours(dto!.minutes),
    canWrite: writable(ctx, row.orgPath),
  };
}

export async function createVolunteer(ctx: ActorCtx, input: CreateVolunteerBody) {
  volunteersPolicy.require(ctx.actor, 'write');
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    let name = input.name ?? null;
    let residentId = input.residentId ?? null;
    const partyMemberId = input.partyMemberId ?? null;
    let kind = input.kind;
    let homePath: string | null = null;
    let phoneFields: Partial<VolunteerRow> = sealPhone(ctx, input.phone);
    if (partyMemberId) {
      const pm = await partyMemberInScope(tx, ctx.actor, 'volunteers.write', partyMemberId);
      if (!pm) throw invalidField('partyMemberId', 'volunteers.party_member_not_found');
      name = pm.name;
      residentId = residentId ?? pm.residentId;
      kind = kind ?? 'party_member';
      homePath = pm.orgPath;
    }
    if (residentId) {
      const r = await liveResidentInScope(tx, ctx.actor, 'volunteers.write', residentId);
      if (!r) throw invalidField('residentId', 'volunteers.resident_not_found');
      name = partyMemberId ? name : r.name;
      homePath = homePath ?? r.orgPath;
      if (input.phone === undefined || input.phone === null)
        phoneFields = { phoneEnc: r.phoneEnc, phoneHash: r.phoneHash, phoneMask: r.phoneMask };
      kind = kind ?? 'resident';
    }
    // Where they serve: the given community/grid, else their grid, else their community.
    let orgUnitId = input.orgUnitId ?? null;
    if (!orgUnitId && homePath) {
      const grid = await gridOf(tx, homePath);
      const community = await communityOf(tx, homePath);
      orgUnitId = grid?.id ?? community?.id ?? null;
    }
    if (!orgUnitId) throw invalidField('orgUnitId', 'volunteers.unit_required');
    const place = await placeForWrite(ctx, tx, orgUnitId);
    const id = ctx.ids();
    const values = {
      id,
      residentId,
      partyMemberId,
      userId: null,
      name: name!,
      ...phoneFields,
      skills: [...new Set(input.skills)],
      availability: input.availability,
      kind: kind ?? 'other',
      university: input.university ?? null,
      orgUnitId: place.unit.id,
      orgPath: place.unit.path,
      communityId: place.communityId,
      gridId: place.gridId,
      status: 'active',
      notes: input.notes ?? null,
      createdAt: now,
      updatedAt: now,
    };
    let row: VolunteerRow;
    try {
      row = await insertVolunteer(tx, values);
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('volunteers.already_registered', 409);
      throw err;
    }
    await auditVolunteer(tx, ctx, 'volunteers.create', id, row, {
      after: auditView(row),
    });
    return (await toDtos(tx, [row]))[0]!;
  });
}

export async function updateVolunteer(ctx: ActorCtx, id: string, input: UpdateVolunteerBody) {
  const before = await findVolunteer(ctx, id, 'volunteers.write');
  if (before.version !== input.version) throw new AppError('common.conflict', 409);
  const run = () =>
    ctx.db.transaction(async (tx) => {
      const place = input.orgUnitId ? await placeForWrite(ctx, tx, input.orgUnitId) : null;
      const kind = input.kind ?? before.kind;
      const university = input.university !== undefined ? input.university : before.university;
      if (kind === 'university' && !university)
        throw invalidField('university', 'volunteers.university_required');
      const communityId = place?.communityId ?? before.communityId;
      const community = await unitById(tx, communityId);
      let userId: string | null | undefined;
      if (input.username === null) userId = null;
      else if (input.username) {
        const u = await userByUsername(tx, input.username);
        if (!u) throw invalidField('username', 'volunteers.user_not_found');
        // Only a resident's or volunteer's login of the volunteer's own community can act as them
        // (their ledger accounts, check-ins): not a staff login, not someone from elsewhere.
        const paths = await roleUnitPaths(tx, u.id, ['volunteer', 'resident']);
        if (!paths.some((p) => p.startsWith(community!.path)))
          throw invalidField('username', 'volunteers.user_not_in_community');
        userId = u.id;
      }
      const row = await updateVolunteerRow(tx, id, input.version, {
        ...(place && {
          orgUnitId: place.unit.id,
          orgPath: place.unit.path,
          communityId: place.communityId,
          gridId: place.gridId,
        }),
        ...sealPhone(ctx, input.phone),
        kind,
        university,
        ...(input.skills && { skills: [...new Set(input.skills)] }),
        ...(input.availability && { availability: input.availability }),
        ...(input.status && { status: input.status }),
        ...(input.notes !== undefined && { notes: input.notes }),
        ...(userId !== undefined && { userId }),
        updatedAt: ctx.clock.now(),
      });
      if (!row) throw new AppError('common.conflict', 409);
      // The volunteer's ledger accounts follow them to their new community (scope, reports, pool).
      if (place) await moveHolderAccounts(tx, 'volunteer', id, community!, ctx.clock.now());
      await auditVolunteer(tx, ctx, 'volunteers.update', id, row, {
        before: auditView(before),
        after: auditView(row),
      });
      return (await toDtos(tx, [row]))[0]!;
    });
  try {
    return await run();
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('volunteers.user_taken', 409);
    throw err;
  }
}

/** The profile linked to the logged-in user (phone pages), or null. */
export async function myVolunteerRow(ctx: ActorCtx): Promise<VolunteerRow | null> {
  return (await volunteerRowOfUser(ctx.db, ctx.actor.userId)) ?? null;
}

/** The profile linked to the logged-in user, read on `db` (e.g. a transaction); none answers 403. */
export async function requireMyVolunteer(ctx: ActorCtx, db: Db = ctx.db): Promise<VolunteerRow> {
  const me = await volunteerRowOfUser(db, ctx.actor.userId);
  if (!me) throw new AppError('volunteers.not_a_volunteer', 403);
  return me;
}

export async function getMyVolunteer(ctx: ActorCtx) {
  const row = await myVolunteerRow(ctx);
  if (!row) return { profile: null, hours: [], nextStarHours: null };
  const [dto] = await toDtos(ctx.db, [row]);
  return {
    profile: dto!,
    hours: await hourEntries(ctx.db, row.id),
    nextStarHours: nextStarHours(dto!.minutes),
  };
}

// Teams

type TeamRow = typeof volunteerTeams.$inferSelect;

async function teamDtos(db: Db, rows: TeamRow[]) {
  const names = await unitNames(
    db,
    rows.map((r) => r.communityId),
  );
  const ids = rows.map((r) => r.id);
  const countOf = await memberCounts(db, ids);
  const pointsOf = new Map<string, number>();
  for (const id of ids) pointsOf.set(id, (await balancesOf(db, 'team', id)).points);
  const leaderOf = await volunteerNames(
    db,
    rows.map((r) => r.leaderVolunteerId).filter((x): x is string => !!x),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as 'general',
    orgUnitId: r.orgUnitId,
    communityId: r.communityId,
    communityName: names.get(r.communityId) ?? null,
    description: r.description,
    leaderVolunteerId: r.leaderVolunteerId,
    leaderName: r.leaderVolunteerId ? (leaderOf.get(r.leaderVolunteerId) ?? null) : null,
    memberCount: countOf.get(r.id) ?? 0,
    active: r.active,
    points: pointsOf.get(r.id) ?? 0,
  }));
}

export async function listTeams(
  ctx: ActorCtx,
  q: { orgUnitId?: string | undefined; kind?: string | undefined; page: number; pageSize: number },
) {
  const page = await listTeamRows(ctx.db, ctx.actor, { ...q, path: await readListPath(ctx, q.orgUnitId) });
  return { ...page, items: await teamDtos(ctx.db, page.items) };
}

async function findTeam(
  ctx: ActorCtx,
  db: Db,
  id: string,
  permission: 'volunteers.read' | 'volunteers.write',
) {
  const action = requireAccess(ctx, permission);
  return foundOr404(await findTeamRow(db, ctx.actor, action, id));
}

export async function getTeam(ctx: ActorCtx, id: string) {
  const team = await findTeam(ctx, ctx.db, id, 'volunteers.read');
  const [dto] = await teamDtos(ctx.db, [team]);
  const members = await teamMemberRows(ctx.db, id);
  return {
    ...dto!,
    members: members.map((m) => ({ ...m, kind: m.kind as 'resident' })),
    canWrite: writable(ctx, team.orgPath),
  };
}

/** A volunteer that may join a team at `teamPath`: in write scope and serving in the team's community. */
async function memberCandidate(ctx: ActorCtx, db: Db, volunteerId: string, communityId: string) {
  const v = await findVolunteerRow(db, ctx.actor, 'write', volunteerId);
  if (!v) throw invalidField('volunteerId', 'volunteers.volunteer_not_found');
  if (v.communityId !== communityId) throw invalidField('volunteerId', 'volunteers.other_community');
  return v;
}

export async function createTeam(ctx: ActorCtx, input: CreateTeamBody) {
  volunteersPolicy.require(ctx.actor, 'write');
  return ctx.db.transaction(async (tx) => {
    const place = await placeForWrite(ctx, tx, input.orgUnitId);
    const now = ctx.clock.now();
    const id = ctx.ids();
    const leader = input.leaderVolunteerId
      ? await memberCandidate(ctx, tx, input.leaderVolunteerId, place.communityId)
      : null;
    const row = await insertTeam(tx, {
      id,
      name: input.name,
      kind: input.kind,
      orgUnitId: place.unit.id,
      orgPath: place.unit.path,
      communityId: place.communityId,
      leaderVolunteerId: leader?.id ?? null,
      description: input.description ?? null,
      active: true,
      createdAt: now,
      updatedAt: now,
    });
    if (leader)
      await insertMember(tx, {
        id: ctx.ids(),
        teamId: id,
        volunteerId: leader.id,
        role: 'leader',
        joinedAt: now,
      });
    await auditTeam(tx, ctx, 'volunteers.team_create', id, row, {
      after: row,
    });
    return (await teamDtos(tx, [row]))[0]!;
  });
}

export async function updateTeam(ctx: ActorCtx, id: string, input: UpdateTeamBody) {
  return ctx.db.transaction(async (tx) => {
    const before = await findTeam(ctx, tx, id, 'volunteers.write');
    const now = ctx.clock.now();
    if (input.leaderVolunteerId) {
      const leader = await memberCandidate(ctx, tx, input.leaderVolunteerId, before.communityId);
      await insertMember(
        tx,
        { id: ctx.ids(), teamId: id, volunteerId: leader.id, role: 'leader', joinedAt: now },
        true,
      );
      await demoteOtherLeaders(tx, id, leader.id);
    }
    const row = await updateTeamRow(tx, id, {
      ...(input.name && { name: input.name }),
      ...(input.kind && { kind: input.kind }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.leaderVolunteerId !== undefined && { leaderVolunteerId: input.leaderVolunteerId }),
      ...(input.active !== undefined && { active: input.active }),
      updatedAt: now,
    });
    await auditTeam(tx, ctx, 'volunteers.team_update', id, row, {
      before,
      after: row,
    });
    return (await teamDtos(tx, [row]))[0]!;
  });
}

export async function addTeamMember(
  ctx: ActorCtx,
  teamId: string,
  input: { volunteerId: string; role: 'leader' | 'member' },
) {
  return ctx.db.transaction(async (tx) => {
    const team = await findTeam(ctx, tx, teamId, 'volunteers.write');
    const v = await memberCandidate(ctx, tx, input.volunteerId, team.communityId);
    const now = ctx.clock.now();
    try {
      await insertMember(tx, { id: ctx.ids(), teamId, volunteerId: v.id, role: input.role, joinedAt: now });
    } catch (err) {
      if (isUniqueViolation(err)) throw new AppError('volunteers.already_member', 409);
      throw err;
    }
    if (input.role === 'leader') {
      await demoteOtherLeaders(tx, teamId, v.id);
      await updateTeamRow(tx, teamId, { leaderVolunteerId: v.id, updatedAt: now });
    }
    await auditTeam(tx, ctx, 'volunteers.team_join', teamId, team, {
      after: { volunteerId: v.id, role: input.role },
    });
  });
}

export async function removeTeamMember(ctx: ActorCtx, teamId: string, volunteerId: string) {
  checkId(volunteerId);
  return ctx.db.transaction(async (tx) => {
    const team = await findTeam(ctx, tx, teamId, 'volunteers.write');
    const gone = await deleteMember(tx, teamId, volunteerId);
    if (!gone) throw notFound();
    if (team.leaderVolunteerId === volunteerId)
      await updateTeamRow(tx, teamId, { leaderVolunteerId: null, updatedAt: ctx.clock.now() });
    await auditTeam(tx, ctx, 'volunteers.team_leave', teamId, team, {
      before: { volunteerId, role: gone.role },
    });
  });
}

// Demonstration communities and partner-university volunteers (R-ORG-4)

/**
 * One row per community in scope: whether it is a demonstration community (the staff-set flag in
 * volunteer_community_flags, else the org unit's attrs.demonstration), its partner
 * universities, the number of active university volunteers, and `flagged` when a demonstration
 * community has fewer than 20 (R-ORG-4).
 */
export async function universityReport(ctx: ActorCtx, orgUnitId?: string) {
  const path = await readListPath(ctx, orgUnitId);
  const communities = (await activeUnitsOfKind(ctx.db, ctx.actor, 'volunteers.read', 'community', path)).map(
    (u) => ({ id: u.id, name: u.name, path: u.path, attrs: u.attrs }),
  );
  if (communities.length === 0) return [];
  const ids = communities.map((c) => c.id);
  const flags = await communityFlagRows(ctx.db, ids);
  const flagOf = new Map(flags.map((f) => [f.orgUnitId, f]));
  const countOf = await universityVolunteerCounts(ctx.db, ids);
  return communities.map((c) => {
    const f = flagOf.get(c.id);
    const n = countOf.get(c.id) ?? 0;
    // Staff's flag wins; without one, the org registry's attribute (attrs.demonstration) decides.
    const demonstration = f ? f.demonstration : c.attrs?.demonstration === true;
    return {
      communityId: c.id,
      communityName: c.name,
      demonstration,
      partnerUniversities: f?.partnerUniversities ?? [],
      universityVolunteers: n,
      flagged: demonstration && n < UNIVERSITY_VOLUNTEERS_MIN,
      canWrite: writable(ctx, c.path),
    };
  });
}

export async function setCommunityFlag(
  ctx: ActorCtx,
  communityId: string,
  input: { demonstration: boolean; partnerUniversities: string[] },
) {
  volunteersPolicy.require(ctx.actor, 'write');
  return ctx.db.transaction(async (tx) => {
    const place = await placeForWrite(ctx, tx, communityId, ['community']);
    const values = {
      orgUnitId: communityId,
      orgPath: place.unit.path,
      demonstration: input.demonstration,
      partnerUniversities: [...new Set(input.partnerUniversities)],
      updatedBy: ctx.actor.userId,
      updatedAt: ctx.clock.now(),
    };
    const before = await putCommunityFlag(tx, values);
    await writeAudit(tx, ctx, {
      action: 'volunteers.community_flag',
      entityType: 'org_unit',
      entityId: communityId,
      orgPath: place.unit.path,
      before: before ?? null,
      after: values,
    });
    return values;
  });
}
