import { type Storage, imageMime } from '../../platform/storage';
import type {
  ActivityDto,
  ActivityListQuery,
  AttendanceDto,
  CreateActivityBody,
  UpdateActivityBody,
} from '../../../shared/contracts/volunteers';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { creditService, creditTeam } from '../ledger/ledger.api';
import {
  checkId,
  haversineM,
  isUniqueViolation,
  placeForWrite,
  unitNames,
  writable,
  foundOr404,
  readListPath,
  requireAccess,
} from './volunteers.common';
import type { volunteerActivities, volunteerAttendance, volunteers } from './volunteers.table';
import { requireMyVolunteer } from './volunteers.usecases';
import {
  activityOfCommunity,
  correctedMinutes,
  lockHourCorrections,
  myParticipation,
  openActivitiesOfCommunity,
  attendanceCount,
  attendanceOf,
  insertAttendance,
  insertHour,
  releaseSeat,
  signupOf,
  updateAttendanceRow,
  attendanceRowsOf,
  findActivityRow,
  findHourRow,
  insertActivity,
  insertSignup,
  listActivityRows,
  lockSignup,
  signupRowsOf,
  takeSeat,
  teamInCommunity,
  updateActivityRow,
  updateSignupRow,
  teamRowById,
} from './activities.repository';
import { audited } from '../../platform/auditedEntity';
import { volunteersPolicy } from './volunteers.policy';
import { findVolunteerRow, volunteerRowById } from './volunteers.repository';

const auditActivity = audited('volunteer_activity');
const auditAttendance = audited('volunteer_attendance');

type ActivityRow = typeof volunteerActivities.$inferSelect;
type AttendanceRow = typeof volunteerAttendance.$inferSelect;
type VolunteerRow = typeof volunteers.$inferSelect;

/** Self check-in opens this long before the start; self check-out closes this long after the end. */
export const SELF_CHECKIN_EARLY_MS = 30 * 60_000;
export const SELF_CHECKOUT_LATE_MS = 60 * 60_000;
/** An activity lasts at most a day: hours are credited per attendance (ledger limit 24 h). */
const MAX_ACTIVITY_MS = 24 * 3_600_000;

async function activityDtos(db: Db, rows: ActivityRow[]): Promise<ActivityDto[]> {
  const names = await unitNames(
    db,
    rows.map((r) => r.communityId),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    type: r.type as ActivityDto['type'],
    theme: r.theme as ActivityDto['theme'],
    description: r.description,
    orgUnitId: r.orgUnitId,
    communityId: r.communityId,
    communityName: names.get(r.communityId) ?? null,
    teamId: r.teamId,
    place: r.place,
    lat: r.lat,
    lng: r.lng,
    radiusM: r.radiusM,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
    signupLimit: r.signupLimit,
    signupCount: r.signupCount,
    status: r.status as ActivityDto['status'],
    organiserName: r.organiserName,
    version: r.version,
  }));
}

function attendanceDto(a: AttendanceRow): AttendanceDto {
  return {
    id: a.id,
    volunteerId: a.volunteerId,
    status: a.status as AttendanceDto['status'],
    checkInAt: a.checkInAt,
    checkInMethod: a.checkInMethod,
    checkOutAt: a.checkOutAt,
    checkOutMethod: a.checkOutMethod,
    checkOutNote: a.checkOutNote,
    hasPhoto: !!a.checkOutPhotoId,
    minutes: a.minutes,
    confirmedAt: a.confirmedAt,
    confirmedByName: a.confirmedByName,
  };
}

async function findActivity(
  ctx: ActorCtx,
  db: Db,
  id: string,
  permission: 'volunteers.read' | 'volunteers.write',
  forUpdate = false,
) {
  const action = requireAccess(ctx, permission);
  return foundOr404(await findActivityRow(db, ctx.actor, action, id, forUpdate));
}

export async function listActivities(ctx: ActorCtx, q: ActivityListQuery) {
  const page = await listActivityRows(ctx.db, ctx.actor, {
    ...q,
    path: await readListPath(ctx, q.orgUnitId),
  });
  return { ...page, items: await activityDtos(ctx.db, page.items) };
}

export async function getActivity(ctx: ActorCtx, id: string) {
  const row = await findActivity(ctx, ctx.db, id, 'volunteers.read');
  const [dto] = await activityDtos(ctx.db, [row]);
  const signups = await signupRowsOf(ctx.db, id);
  const att = await attendanceRowsOf(ctx.db, id);
  const attOf = new Map(att.map((a) => [a.volunteerId, a]));
  return {
    ...dto!,
    signups: signups.map(({ s, name, kind }) => {
      const a = attOf.get(s.volunteerId);
      return {
        signupId: s.id,
        volunteerId: s.volunteerId,
        name,
        kind: kind as 'resident',
        status: s.status as 'signed' | 'cancelled',
        signedAt: s.createdAt,
        attendance: a ? attendanceDto(a) : null,
      };
    }),
    canWrite: writable(ctx, row.orgPath),
  };
}

export async function createActivity(ctx: ActorCtx, input: CreateActivityBody) {
  volunteersPolicy.require(ctx.actor, 'write');
  if (input.endsAt.getTime() - input.startsAt.getTime() > MAX_ACTIVITY_MS)
    throw invalidField('endsAt', 'volunteers.too_long');
  return ctx.db.transaction(async (tx) => {
    const place = await placeForWrite(ctx, tx, input.orgUnitId);
    if (input.teamId) {
      if (!(await teamInCommunity(tx, input.teamId, place.communityId)))
        throw invalidField('teamId', 'volunteers.team_not_found');
    }
    const now = ctx.clock.now();
    const id = ctx.ids();
    const row = await insertActivity(tx, {
      id,
      title: input.title,
      type: input.type,
      theme: input.theme ?? null,
      description: input.description ?? null,
      orgUnitId: place.unit.id,
      orgPath: place.unit.path,
      communityId: place.communityId,
      teamId: input.teamId ?? null,
      place: input.place,
      lat: input.lat ?? null,
      lng: input.lng ?? null,
      radiusM: input.radiusM ?? 300,
      startsAt: input.startsAt,
      endsAt: input.endsAt,
      signupLimit: input.signupLimit,
      signupCount: 0,
      status: 'open',
      organiserId: ctx.actor.userId,
      organiserName: ctx.actor.displayName,
      createdAt: now,
      updatedAt: now,
    });
    await auditActivity(tx, ctx, 'volunteers.activity_create', id, row, {
      after: row,
    });
    return (await activityDtos(tx, [row]))[0]!;
  });
}

export async function updateActivity(ctx: ActorCtx, id: string, input: UpdateActivityBody) {
  return ctx.db.transaction(async (tx) => {
    const before = await findActivity(ctx, tx, id, 'volunteers.write', true);
    if (before.version !== input.version) throw new AppError('common.conflict', 409);
    if (before.status !== 'open') throw new AppError('volunteers.activity_closed', 409);
    const startsAt = input.startsAt ?? before.startsAt;
    const endsAt = input.endsAt ?? before.endsAt;
    if (endsAt.getTime() <= startsAt.getTime()) throw invalidField('endsAt', 'volunteers.ends_before_starts');
    if (endsAt.getTime() - startsAt.getTime() > MAX_ACTIVITY_MS)
      throw invalidField('endsAt', 'volunteers.too_long');
    const limit = input.signupLimit ?? before.signupLimit;
    if (limit < before.signupCount) throw invalidField('signupLimit', 'volunteers.limit_below_signups');
    const lat = input.lat !== undefined ? input.lat : before.lat;
    const lng = input.lng !== undefined ? input.lng : before.lng;
    if ((lat == null) !== (lng == null)) throw invalidField('lat', 'volunteers.lat_lng_pair');
    const row = await updateActivityRow(tx, id, {
      ...(input.title && { title: input.title }),
      ...(input.type && { type: input.type }),
      ...(input.theme !== undefined && { theme: input.theme }),
      ...(input.description !== undefined && { description: input.description }),
      ...(input.place && { place: input.place }),
      lat: lat ?? null,
      lng: lng ?? null,
      ...(input.radiusM && { radiusM: input.radiusM }),
      startsAt,
      endsAt,
      signupLimit: limit,
      version: before.version + 1,
      updatedAt: ctx.clock.now(),
    });
    await auditActivity(tx, ctx, 'volunteers.activity_update', id, row, {
      before,
      after: row,
    });
    return (await activityDtos(tx, [row]))[0]!;
  });
}

export async function cancelActivity(ctx: ActorCtx, id: string, reason: string) {
  return ctx.db.transaction(async (tx) => {
    const before = await findActivity(ctx, tx, id, 'volunteers.write', true);
    if (before.status !== 'open') throw new AppError('volunteers.activity_closed', 409);
    if ((await attendanceCount(tx, id)) > 0) throw new AppError('volunteers.activity_has_attendance', 409);
    const row = await updateActivityRow(tx, id, {
      status: 'cancelled',
      version: before.version + 1,
      updatedAt: ctx.clock.now(),
    });
    await auditActivity(tx, ctx, 'volunteers.activity_cancel', id, row, {
      before: { status: before.status },
      after: { status: 'cancelled', reason },
    });
    return (await activityDtos(tx, [row]))[0]!;
  });
}

// Sign-up

/**
 * Signs a volunteer up. The seat is taken by one conditional UPDATE of the counter
 * (signup_count < signup_limit), so concurrent sign-ups never exceed the limit; the unique
 * (activity, volunteer) index refuses a double sign-up.
 */
async function signUpTx(ctx: ActorCtx, tx: Db, activity: ActivityRow, volunteer: VolunteerRow) {
  const now = ctx.clock.now();
  if (activity.status !== 'open') throw new AppError('volunteers.activity_closed', 409);
  if (now.getTime() >= activity.endsAt.getTime()) throw new AppError('volunteers.activity_over', 409);
  if (volunteer.status !== 'active') throw new AppError('volunteers.volunteer_inactive', 409);
  if (volunteer.communityId !== activity.communityId) throw new AppError('volunteers.other_community', 409);
  const existing = await lockSignup(tx, activity.id, volunteer.id);
  if (existing?.status === 'signed') throw new AppError('volunteers.already_signed_up', 409);
  const seat = await takeSeat(tx, activity.id);
  if (seat === undefined)
    throw new AppError('volunteers.activity_full', 409, { limit: activity.signupLimit });
  let signupId: string;
  if (existing) {
    signupId = existing.id;
    await updateSignupRow(tx, existing.id, { status: 'signed', createdAt: now, cancelledAt: null });
  } else {
    signupId = ctx.ids();
    await insertSignup(tx, {
      id: signupId,
      activityId: activity.id,
      volunteerId: volunteer.id,
      status: 'signed',
      createdAt: now,
    });
  }
  await auditActivity(tx, ctx, 'volunteers.signup', activity.id, activity, {
    after: { volunteerId: volunteer.id, signupId },
  });
  return { signupId, signupCount: seat };
}

async function cancelSignupTx(ctx: ActorCtx, tx: Db, activity: ActivityRow, volunteerId: string) {
  const existing = await lockSignup(tx, activity.id, volunteerId);
  if (existing?.status !== 'signed') throw new AppError('volunteers.not_signed_up', 409);
  if (await attendanceOf(tx, activity.id, volunteerId))
    throw new AppError('volunteers.already_checked_in', 409);
  await updateSignupRow(tx, existing.id, { status: 'cancelled', cancelledAt: ctx.clock.now() });
  await releaseSeat(tx, activity.id);
  await auditActivity(tx, ctx, 'volunteers.signup_cancel', activity.id, activity, {
    before: { volunteerId, signupId: existing.id },
  });
}

async function volunteerForActivity(ctx: ActorCtx, db: Db, volunteerId: string) {
  // A path id that cannot exist answers 404 before PostgreSQL rejects it (22P02 → 500).
  checkId(volunteerId);
  const v = await findVolunteerRow(db, ctx.actor, 'write', volunteerId);
  if (!v) throw invalidField('volunteerId', 'volunteers.volunteer_not_found');
  return v;
}

async function withSignupRetry<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    // Two concurrent sign-ups of the same volunteer: the loser hits the unique index.
    if (isUniqueViolation(err)) throw new AppError('volunteers.already_signed_up', 409);
    throw err;
  }
}

/** An organiser's step, in one transaction: on an activity and a volunteer the actor may both write. */
function asOrganiser<T>(
  ctx: ActorCtx,
  activityId: string,
  volunteerId: string,
  step: (tx: Db, activity: ActivityRow, volunteer: VolunteerRow) => Promise<T>,
) {
  return ctx.db.transaction(async (tx) => {
    const activity = await findActivity(ctx, tx, activityId, 'volunteers.write');
    const v = await volunteerForActivity(ctx, tx, volunteerId);
    return step(tx, activity, v);
  });
}

export async function staffSignUp(ctx: ActorCtx, activityId: string, volunteerId: string) {
  return withSignupRetry(() =>
    asOrganiser(ctx, activityId, volunteerId, (tx, activity, v) => signUpTx(ctx, tx, activity, v)),
  );
}

export async function staffCancelSignup(ctx: ActorCtx, activityId: string, volunteerId: string) {
  checkId(volunteerId);
  return ctx.db.transaction(async (tx) => {
    const activity = await findActivity(ctx, tx, activityId, 'volunteers.write');
    await cancelSignupTx(ctx, tx, activity, volunteerId);
  });
}

// Attendance

export interface Position {
  lat: number;
  lng: number;
}

/** Minutes served, counted inside the activity's time window (R-LAW-VL-1: true and accurate). */
export function servedMinutes(activity: Pick<ActivityRow, 'startsAt' | 'endsAt'>, inAt: Date, outAt: Date) {
  const from = Math.max(inAt.getTime(), activity.startsAt.getTime());
  const to = Math.min(outAt.getTime(), activity.endsAt.getTime());
  return Math.max(0, Math.floor((to - from) / 60_000));
}

/** A volunteer's own check-in/out: inside the geofence (haversine) and the time window. */
function checkSelfPosition(activity: ActivityRow, pos: Position | undefined, now: Date, what: 'in' | 'out') {
  const early = activity.startsAt.getTime() - SELF_CHECKIN_EARLY_MS;
  const late = activity.endsAt.getTime() + (what === 'out' ? SELF_CHECKOUT_LATE_MS : 0);
  if (now.getTime() < early || now.getTime() > late)
    throw new AppError('volunteers.outside_window', 409, {
      from: new Date(early).toISOString(),
      to: new Date(late).toISOString(),
    });
  if (activity.lat == null || activity.lng == null) throw new AppError('volunteers.no_geofence', 409);
  if (!pos) throw invalidField('lat', 'volunteers.position_required');
  const d = Math.round(haversineM(activity.lat, activity.lng, pos.lat, pos.lng));
  if (d > activity.radiusM)
    throw new AppError('volunteers.outside_geofence', 409, { distance: d, radius: activity.radiusM });
}

async function checkInTx(
  ctx: ActorCtx,
  tx: Db,
  activity: ActivityRow,
  volunteerId: string,
  method: 'staff' | 'self',
  pos?: Position,
) {
  const now = ctx.clock.now();
  if (activity.status !== 'open') throw new AppError('volunteers.activity_closed', 409);
  if (method === 'self') checkSelfPosition(activity, pos, now, 'in');
  const signup = await signupOf(tx, activity.id, volunteerId);
  if (signup?.status !== 'signed') throw new AppError('volunteers.not_signed_up', 409);
  const id = ctx.ids();
  let row: AttendanceRow;
  try {
    row = await insertAttendance(tx, {
      id,
      activityId: activity.id,
      volunteerId,
      orgPath: activity.orgPath,
      status: 'checked_in',
      checkInAt: now,
      checkInMethod: method,
      checkInBy: ctx.actor.userId,
      checkInLat: pos?.lat ?? null,
      checkInLng: pos?.lng ?? null,
      createdAt: now,
      updatedAt: now,
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('volunteers.already_checked_in', 409);
    throw err;
  }
  await auditAttendance(tx, ctx, 'volunteers.check_in', id, activity, {
    after: { activityId: activity.id, volunteerId, method, at: now },
  });
  return attendanceDto(row);
}

async function checkOutTx(
  ctx: ActorCtx,
  tx: Db,
  activity: ActivityRow,
  volunteerId: string,
  method: 'staff' | 'self',
  pos?: Position,
  note?: string,
) {
  const now = ctx.clock.now();
  const att = await attendanceOf(tx, activity.id, volunteerId, true);
  if (!att) throw new AppError('volunteers.not_checked_in', 409);
  if (att.status !== 'checked_in') throw new AppError('volunteers.already_checked_out', 409);
  if (method === 'self') checkSelfPosition(activity, pos, now, 'out');
  const minutes = servedMinutes(activity, att.checkInAt, now);
  const row = await updateAttendanceRow(
    tx,
    att.id,
    {
      status: 'checked_out',
      checkOutAt: now,
      checkOutMethod: method,
      checkOutBy: ctx.actor.userId,
      checkOutLat: pos?.lat ?? null,
      checkOutLng: pos?.lng ?? null,
      checkOutNote: note ?? null,
      minutes,
      version: att.version + 1,
      updatedAt: now,
    },
    'checked_in',
  );
  if (!row) throw new AppError('volunteers.already_checked_out', 409);
  await auditAttendance(tx, ctx, 'volunteers.check_out', att.id, activity, {
    before: { status: att.status },
    after: {
      status: 'checked_out',
      method,
      minutes,
      at: now,
      note: note ?? null,
      photo: !!att.checkOutPhotoId,
    },
  });
  return attendanceDto(row);
}

export async function staffCheckIn(ctx: ActorCtx, activityId: string, volunteerId: string) {
  return asOrganiser(ctx, activityId, volunteerId, (tx, activity) =>
    checkInTx(ctx, tx, activity, volunteerId, 'staff'),
  );
}

export async function staffCheckOut(ctx: ActorCtx, activityId: string, volunteerId: string) {
  return asOrganiser(ctx, activityId, volunteerId, (tx, activity) =>
    checkOutTx(ctx, tx, activity, volunteerId, 'staff'),
  );
}

/**
 * R-LAW-VL-1: the organising community certifies the hours. Confirmation posts one append-only hour
 * entry and credits the ledger (time bank minutes + love points) in the same transaction, keyed
 * 'activity:<attendanceId>' so a replay never double-posts.
 */
export async function confirmAttendance(ctx: ActorCtx, activityId: string, volunteerId: string) {
  checkId(volunteerId);
  return ctx.db.transaction(async (tx) => {
    const activity = await findActivity(ctx, tx, activityId, 'volunteers.write');
    const att = await attendanceOf(tx, activity.id, volunteerId, true);
    if (!att) throw new AppError('volunteers.not_checked_in', 409);
    if (att.status === 'confirmed') throw new AppError('volunteers.already_confirmed', 409);
    if (att.status !== 'checked_out') throw new AppError('volunteers.not_checked_out', 409);
    const v = await volunteerRowById(tx, volunteerId);
    const now = ctx.clock.now();
    const row = await updateAttendanceRow(tx, att.id, {
      status: 'confirmed',
      confirmedAt: now,
      confirmedBy: ctx.actor.userId,
      confirmedByName: ctx.actor.displayName,
      version: att.version + 1,
      updatedAt: now,
    });
    const minutes = att.minutes ?? 0;
    let credit = null;
    let teamPoints: number | null = null;
    if (minutes > 0) {
      await insertHour(tx, {
        id: ctx.ids(),
        volunteerId,
        kind: 'activity',
        minutes,
        activityId: activity.id,
        attendanceId: att.id,
        activityType: activity.type,
        communityId: activity.communityId,
        orgPath: activity.orgPath,
        occurredAt: att.checkOutAt ?? now,
        createdBy: ctx.actor.userId,
        createdByName: ctx.actor.displayName,
        createdAt: now,
      });
      credit = await creditService(tx, ctx, {
        idempotencyKey: `activity:${att.id}`,
        volunteerId,
        volunteerName: v!.name,
        communityUnitId: activity.communityId,
        minutes,
        activityType: activity.type,
        sourceType: 'activity',
        sourceId: att.id,
        occurredAt: att.checkOutAt ?? now,
        memo: activity.title,
      });
      // R-VP-1: a team activity's confirmed hours also earn the team love points (team earning rule).
      if (activity.teamId) {
        const team = await teamRowById(tx, activity.teamId);
        if (team)
          teamPoints = (
            await creditTeam(tx, ctx, {
              idempotencyKey: `team_activity:${att.id}`,
              teamId: team.id,
              teamName: team.name,
              communityUnitId: activity.communityId,
              minutes,
              sourceId: att.id,
              occurredAt: att.checkOutAt ?? now,
              memo: `${activity.title}（${v!.name}）`,
            })
          ).points;
      }
    }
    await auditAttendance(tx, ctx, 'volunteers.confirm', att.id, activity, {
      before: { status: att.status },
      after: { status: 'confirmed', minutes, credit, teamPoints },
    });
    return attendanceDto(row!);
  });
}

/**
 * The ledger source an hour entry was credited under: hours from another module (kind 'service', e.g. a
 * service order) carry their own source; activity hours were credited per attendance. A correction must
 * name the same source so the ledger takes back what was credited for it (R-VP-2, R-LAW-VL-1).
 */
function ledgerSourceOf(entry: {
  id: string;
  attendanceId: string | null;
  sourceType: string | null;
  sourceId: string | null;
}): { sourceType: 'activity' | 'service_order' | 'duty'; sourceId: string } {
  if (
    entry.sourceType &&
    entry.sourceId &&
    (entry.sourceType === 'service_order' || entry.sourceType === 'duty')
  )
    return { sourceType: entry.sourceType, sourceId: entry.sourceId };
  return { sourceType: 'activity', sourceId: entry.attendanceId ?? entry.id };
}

/**
 * A correction is a new entry (signed minutes, a reason, the corrected entry linked), never an edit
 * (R-LAW-VL-1); the ledger gets it under its own idempotency key.
 */
export async function correctHours(
  ctx: ActorCtx,
  entryId: string,
  input: { minutes: number; reason: string },
) {
  volunteersPolicy.require(ctx.actor, 'write');
  checkId(entryId);
  return ctx.db.transaction(async (tx) => {
    const entry = await findHourRow(tx, ctx.actor, 'write', entryId);
    if (!entry) throw notFound();
    if (entry.kind === 'correction') throw new AppError('volunteers.correct_original', 409);
    // Lock the volunteer's entries for this source so two corrections cannot both pass the check.
    await lockHourCorrections(tx, entry.id);
    const current = await correctedMinutes(tx, entry.id);
    if (current + input.minutes < 0)
      throw new AppError('volunteers.correction_below_zero', 409, { current, minutes: input.minutes });
    const v = await volunteerRowById(tx, entry.volunteerId);
    const now = ctx.clock.now();
    const id = ctx.ids();
    await insertHour(tx, {
      id,
      volunteerId: entry.volunteerId,
      kind: 'correction',
      minutes: input.minutes,
      activityId: entry.activityId,
      attendanceId: entry.attendanceId,
      activityType: entry.activityType,
      // The source (sourceType/sourceId) stays on the corrected entry, reached through correctsId:
      // volunteer_hours_source_uq allows one row per source, so the correction cannot repeat it.
      correctsId: entry.id,
      reason: input.reason,
      communityId: entry.communityId,
      orgPath: entry.orgPath,
      occurredAt: now,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
      createdAt: now,
    });
    const credit = await creditService(tx, ctx, {
      idempotencyKey: `correction:${id}`,
      volunteerId: entry.volunteerId,
      volunteerName: v!.name,
      communityUnitId: entry.communityId,
      minutes: input.minutes,
      activityType: entry.activityType,
      ...ledgerSourceOf(entry),
      occurredAt: now,
      memo: input.reason,
    });
    await writeAudit(tx, ctx, {
      action: 'volunteers.hours_correct',
      entityType: 'volunteer_hours',
      entityId: id,
      orgPath: entry.orgPath,
      after: { correctsId: entry.id, minutes: input.minutes, reason: input.reason, credit },
    });
    return { id, minutes: input.minutes, total: current + input.minutes };
  });
}

// The volunteer's own phone pages

async function myActivity(db: Db, me: VolunteerRow, activityId: string, forUpdate = false) {
  const a = await activityOfCommunity(db, me.communityId, activityId, forUpdate);
  if (!a) throw notFound();
  return a;
}

/** The signed-in volunteer's own step, in one transaction: on an activity of their community. */
function asMe<T>(
  ctx: ActorCtx,
  activityId: string,
  step: (tx: Db, activity: ActivityRow, me: VolunteerRow) => Promise<T>,
) {
  return ctx.db.transaction(async (tx) => {
    const me = await requireMyVolunteer(ctx, tx);
    const activity = await myActivity(tx, me, activityId);
    return step(tx, activity, me);
  });
}

/** Open activities of my community that have not ended, with my sign-up and attendance. */
export async function listMyActivities(ctx: ActorCtx) {
  const me = await requireMyVolunteer(ctx);
  const now = ctx.clock.now();
  const dayAgo = new Date(now.getTime() - 7 * 86_400_000);
  const rows = await openActivitiesOfCommunity(ctx.db, me.communityId, dayAgo);
  const dtos = await activityDtos(ctx.db, rows);
  const { signups, attendance: atts } = await myParticipation(
    ctx.db,
    me.id,
    rows.map((r) => r.id),
  );
  const signed = new Set(signups.filter((s) => s.status === 'signed').map((s) => s.activityId));
  const attOf = new Map(atts.map((a) => [a.activityId, a]));
  return dtos.map((d) => {
    const a = attOf.get(d.id);
    return { ...d, signedUp: signed.has(d.id), attendance: a ? attendanceDto(a) : null };
  });
}

export async function mySignUp(ctx: ActorCtx, activityId: string) {
  return withSignupRetry(() => asMe(ctx, activityId, (tx, activity, me) => signUpTx(ctx, tx, activity, me)));
}

export async function myCancelSignup(ctx: ActorCtx, activityId: string) {
  await asMe(ctx, activityId, (tx, activity, me) => cancelSignupTx(ctx, tx, activity, me.id));
}

export async function myCheckIn(ctx: ActorCtx, activityId: string, pos: Position) {
  return asMe(ctx, activityId, (tx, activity, me) => checkInTx(ctx, tx, activity, me.id, 'self', pos));
}

export async function myCheckOut(ctx: ActorCtx, activityId: string, body: Position & { note?: string }) {
  return asMe(ctx, activityId, (tx, activity, me) =>
    checkOutTx(ctx, tx, activity, me.id, 'self', { lat: body.lat, lng: body.lng }, body.note),
  );
}

/**
 * A photo of the work done, added by the volunteer while checked in (before checking out): stored, and
 * its id kept on the attendance; a second photo replaces the first. 409 when not checked in.
 */
export async function attachMyCheckOutPhoto(
  ctx: ActorCtx,
  storage: Storage,
  activityId: string,
  readPhoto: () => Promise<{ data: Buffer; mime: string }>,
) {
  const checkedIn = async (db: Db, forUpdate: boolean) => {
    const me = await requireMyVolunteer(ctx, db);
    const activity = await myActivity(db, me, activityId);
    const att = await attendanceOf(db, activity.id, me.id, forUpdate);
    if (att?.status !== 'checked_in') throw new AppError('volunteers.not_checked_in', 409);
    return { activity, att };
  };
  // Who and what first (404 for an activity out of reach), then the upload, then the write.
  await checkedIn(ctx.db, false);
  const photo = await readPhoto();
  const id = ctx.ids();
  await storage.put(id, photo.data);
  return ctx.db.transaction(async (tx) => {
    const { activity, att } = await checkedIn(tx, true);
    const row = await updateAttendanceRow(
      tx,
      att.id,
      { checkOutPhotoId: id, version: att.version + 1, updatedAt: ctx.clock.now() },
      'checked_in',
    );
    if (!row) throw new AppError('volunteers.not_checked_in', 409);
    await auditAttendance(tx, ctx, 'volunteers.check_out_photo', att.id, activity, {
      after: { photoId: id, mime: photo.mime, size: photo.data.length },
    });
    return attendanceDto(row);
  });
}

/** The check-out photo of a volunteer's attendance, for staff who may read the activity (404 otherwise). */
export async function checkOutPhoto(
  ctx: ActorCtx,
  storage: Storage,
  activityId: string,
  volunteerId: string,
) {
  const activity = await findActivity(ctx, ctx.db, activityId, 'volunteers.read');
  const att = await attendanceOf(ctx.db, activity.id, volunteerId);
  const data = att?.checkOutPhotoId ? await storage.get(att.checkOutPhotoId) : null;
  const mime = data ? imageMime(data) : null;
  if (!data || !mime) throw notFound();
  return { data, mime };
}
