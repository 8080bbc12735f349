import { chinaDate, chinaDayStart, chinaMinute } from '../../../shared/chinaTime';
import { type Storage, imageMime } from '../../platform/storage';
import { userByUsername, userDisplayNames } from '../accounts/accounts.api';
import type {
  DutyReportDto,
  DutyReportQuery,
  DutySlotBody,
  MyDutyLogBody,
  StationBody,
  StationFunction,
  StationPatch,
} from '../../../shared/contracts/services';
import { facilitiesUnder } from '../facilities/facilities.api';
import { auditedChange, sentFields } from '../../platform/auditedRows';
import { audited } from '../../platform/auditedEntity';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { checkId, isUuid } from '../../platform/ids';
import { registryCandidates, registryEntries } from '../people/people.api';
import {
  communityDtos,
  communityFilter,
  communityFor,
  communityNamesOf,
  insertCommunityRow,
} from './services.common';
import { dutySlotsPolicy, stationsPolicy } from './services.policy';
import {
  type DutySlotRow,
  type StationRow,
  findDutySlotRow,
  findStationRow,
  listDutySlotRows,
  listStationRows,
  stationById,
} from './services.repository';
import {
  type DutyLogRow,
  deleteDutySlot,
  dutyLogById,
  dutyLogCount,
  dutyLogCounts,
  dutyLogRowsOfSlots,
  dutyLogRowsWithContent,
  dutyReportRows,
  dutySlotById,
  dutySlotClash,
  dutySlotRowsOfUser,
  insertDutyLog,
  insertDutySlot,
  insertStation,
  setDutyLogPhoto,
  updateStationRow,
} from './services.duty.repository';
import { sql } from 'drizzle-orm';
import { foundInReach } from '../../platform/findInScope';

/**
 * Neighbour-station duty rota (R-SV-2): stations (邻里驿站) per community, duty slots (who, where,
 * when: resident representatives, grid workers, party street/building leaders…, and 两代表一委员 doing
 * liaison duty, seed 003 三(三)1, picked from the people module's deputies registry) and duty logs. One
 * person cannot be on duty in two places at once: an overlapping slot answers 409.
 */

/** Every change of a duty slot (created, deleted, logged) is audited under the slot. */
const auditSlot = audited('svc_duty_slot');

/** The host facilities of these stations, each read under its station's community (S000-09). */
async function hostNames(db: Db, rows: StationRow[]): Promise<Map<string, string>> {
  const names = new Map<string, string>();
  const byPath = new Map<string, string[]>();
  for (const r of rows)
    if (r.hostFacilityId) byPath.set(r.orgPath, [...(byPath.get(r.orgPath) ?? []), r.hostFacilityId]);
  for (const [path, ids] of byPath)
    for (const f of (await facilitiesUnder(db, path, ids)).values()) names.set(f.id, f.name);
  return names;
}

async function stationDtos(db: Db, rows: StationRow[]) {
  const hosts = await hostNames(db, rows);
  return communityDtos(db, rows, (r) => ({
    name: r.name,
    address: r.address,
    active: r.active,
    hostFacilityId: r.hostFacilityId,
    hostFacilityName: r.hostFacilityId ? (hosts.get(r.hostFacilityId) ?? null) : null,
    functions: r.functions as StationFunction[],
  }));
}

/**
 * Seed 000 二.2 (S000-09): the host facility must be a facility of the facilities registry kept in the
 * station's community (its path's subtree), else 422 on the field — one answer for an unknown id and
 * another community's facility, so nothing outside the station's community is told apart.
 */
async function checkHost(db: Db, communityPath: string, hostFacilityId: string | null | undefined) {
  if (!hostFacilityId) return;
  if (!(await facilitiesUnder(db, communityPath, [hostFacilityId])).has(hostFacilityId))
    throw new AppError(
      'services.station_host_outside',
      422,
      {},
      {
        fields: [{ path: 'hostFacilityId', code: 'services.station_host_outside' }],
      },
    );
}

export async function listStations(ctx: ActorCtx, communityId: string | undefined) {
  stationsPolicy.require(ctx.actor, 'read');
  const rows = await listStationRows(ctx.db, ctx.actor, await communityFilter(ctx, communityId));
  return stationDtos(ctx.db, rows);
}

export async function createStation(ctx: ActorCtx, body: StationBody) {
  stationsPolicy.require(ctx.actor, 'write');
  const community = await communityFor(ctx.db, ctx.actor, 'services.write', body.communityId);
  await checkHost(ctx.db, community.path, body.hostFacilityId);
  return insertCommunityRow(
    ctx,
    insertStation,
    community,
    community.id,
    {
      name: body.name,
      address: body.address ?? null,
      active: body.active,
      hostFacilityId: body.hostFacilityId ?? null,
      functions: body.functions,
    },
    { action: 'services.station_create', entityType: 'svc_station', view: stationAuditView },
    stationDtos,
  );
}

/** What a station's audit entries show of it. */
const stationAuditView = (r: StationRow) => ({
  name: r.name,
  address: r.address,
  active: r.active,
  hostFacilityId: r.hostFacilityId,
  functions: r.functions,
});

/**
 * Changes a station in reach for writing (else 404): its name, address, whether it is active, its host
 * facility (checked as on create, S000-09) and its functions; audited with before and after.
 */
/** What a station edit may change. */
const STATION_FIELDS = ['name', 'address', 'active', 'hostFacilityId', 'functions'] as const;

export async function updateStation(ctx: ActorCtx, id: string, body: StationPatch) {
  stationsPolicy.require(ctx.actor, 'write');
  const s = await findStation(ctx, id, 'write');
  await checkHost(ctx.db, s.orgPath, body.hostFacilityId);
  const set = sentFields(body, STATION_FIELDS);
  const row = await auditedChange(
    ctx,
    s,
    (tx) => updateStationRow(tx, s.id, { ...set, updatedAt: ctx.clock.now() }),
    { action: 'services.station_update', entityType: 'svc_station', view: stationAuditView },
  );
  return (await stationDtos(ctx.db, [row]))[0]!;
}

/** A duty slot in reach for `action`, else 404. */
async function findSlot(ctx: ActorCtx, id: string, action: 'read' | 'write') {
  return foundInReach(dutySlotsPolicy, ctx, action, () => findDutySlotRow(ctx.db, ctx.actor, action, id));
}

async function findStation(ctx: ActorCtx, id: string, action: 'read' | 'write') {
  const s = await findStationRow(ctx.db, ctx.actor, action, id);
  if (!s) throw notFound();
  return s;
}

const fmt = chinaMinute;

export async function createSlot(ctx: ActorCtx, body: DutySlotBody) {
  dutySlotsPolicy.require(ctx.actor, 'write');
  if (!isUuid(body.stationId)) throw invalidField('stationId', 'services.station_unknown');
  const station = await stationById(ctx.db, body.stationId);
  if (!station) throw invalidField('stationId', 'services.station_unknown');
  // A station outside the actor's scope answers 404 like any foreign record.
  await findStation(ctx, station.id, 'write');
  if (!station.active) throw new AppError('services.station_inactive', 409);
  // A deputy is the registry's record, registered in the station's community; the name is the registry's.
  let personName = body.personName;
  if (body.personType === 'deputy') {
    const [deputy] = body.personId
      ? await registryEntries(ctx.db, 'deputy', station.orgPath, [body.personId])
      : [];
    if (!deputy) throw deputyOutside();
    personName = deputy.name;
  }
  if (body.personUserId && !(await userDisplayNames(ctx.db, [body.personUserId])).size)
    throw invalidField('personUserId', 'services.duty_user_unknown');
  let personUserId = body.personUserId ?? null;
  if (!personUserId && body.personUsername) {
    const u = await userByUsername(ctx.db, body.personUsername);
    if (!u?.active) throw invalidField('personUsername', 'services.duty_user_unknown');
    personUserId = u.id;
  }
  const personKey = body.personId ?? `name:${station.communityId}:${personName.replace(/\s+/g, '')}`;
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    // Serialise bookings of the same person so two concurrent overlapping slots cannot both pass.
    await tx.execute(sql`select pg_advisory_xact_lock(7411301, hashtext(${personKey}))`);
    const clash = await dutySlotClash(tx, personKey, body.startsAt, body.endsAt);
    if (clash) {
      throw new AppError(
        'services.duty_conflict',
        409,
        {
          name: personName,
          start: fmt(clash.slot.startsAt),
          end: fmt(clash.slot.endsAt),
          station: clash.stationName,
        },
        { slotId: clash.slot.id },
      );
    }
    const created = await insertDutySlot(tx, {
      id: ctx.ids(),
      stationId: station.id,
      orgPath: station.orgPath,
      orgUnitId: station.orgUnitId,
      personType: body.personType,
      personName,
      personKey,
      personId: body.personId ?? null,
      personUserId,
      startsAt: body.startsAt,
      endsAt: body.endsAt,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await auditSlot(tx, ctx, 'services.duty_slot_create', created.id, station, {
      after: {
        station: station.name,
        personType: body.personType,
        personName,
        ...(body.personType === 'deputy' && { deputyId: body.personId }),
        startsAt: body.startsAt,
        endsAt: body.endsAt,
      },
    });
    return created;
  });
  return { ...slotDto(row, station.name), logs: 0 };
}

/** 422 on the person: no deputy of that id is registered in the station's community. */
const deputyOutside = () =>
  new AppError(
    'services.duty_deputy_outside',
    422,
    {},
    {
      fields: [{ path: 'personId', code: 'services.duty_deputy_outside' }],
    },
  );

/**
 * The deputies (两代表一委员) who may be put on duty at the station: those registered in its community,
 * by name (`q`: part of the name), from the people registry; the station in reach for writing, else 404.
 */
export async function stationDeputies(ctx: ActorCtx, stationId: string, q: { q?: string | undefined }) {
  dutySlotsPolicy.require(ctx.actor, 'write');
  const station = await findStation(ctx, stationId, 'write');
  return registryCandidates(ctx.db, 'deputy', station.orgPath, q.q || undefined);
}

/**
 * The duty report (R-SV-2; seed 003 三(三)1 for the deputies): per station in the reader's scope, the slots
 * starting in the period and the visitors received, and of them the deputies' liaison slots, the visitors
 * they received and the matters they logged; by community, then station; with the totals.
 */
export async function dutyReport(ctx: ActorCtx, q: DutyReportQuery): Promise<DutyReportDto> {
  dutySlotsPolicy.require(ctx.actor, 'read');
  if (q.from && q.to && q.to <= q.from) throw invalidField('to', 'services.slot_end_before_start');
  const communityId = await communityFilter(ctx, q.communityId);
  const rows = await dutyReportRows(ctx.db, ctx.actor, { communityId, from: q.from, to: q.to });
  const names = await communityNamesOf(ctx.db, rows);
  const stations = rows
    .map((r) => ({ ...r, communityName: names.get(r.communityId) ?? null }))
    .sort(
      (a, b) =>
        (a.communityName ?? '').localeCompare(b.communityName ?? '', 'zh-CN') ||
        a.stationName.localeCompare(b.stationName, 'zh-CN'),
    );
  const sum = (k: 'slots' | 'visitors' | 'deputySlots' | 'deputyVisitors' | 'deputyLogs') =>
    stations.reduce((s, r) => s + r[k], 0);
  return {
    stations,
    total: {
      slots: sum('slots'),
      visitors: sum('visitors'),
      deputySlots: sum('deputySlots'),
      deputyVisitors: sum('deputyVisitors'),
      deputyLogs: sum('deputyLogs'),
    },
  };
}

function slotDto(r: DutySlotRow, stationName: string | null) {
  return {
    id: r.id,
    stationId: r.stationId,
    stationName,
    personType: r.personType as 'volunteer',
    personName: r.personName,
    personId: r.personId,
    selfLogging: r.personUserId !== null,
    startsAt: r.startsAt,
    endsAt: r.endsAt,
  };
}

function dutyLogDto(r: DutyLogRow) {
  return {
    id: r.id,
    slotId: r.slotId,
    at: r.at,
    content: r.content,
    visitors: r.visitors,
    createdByName: r.createdByName,
    selfEntered: r.selfEntered,
    hasPhoto: r.photoId !== null,
  };
}

export async function deleteSlot(ctx: ActorCtx, id: string) {
  const slot = await findSlot(ctx, id, 'write');
  // A slot with logs is a record of what happened: it stays.
  if ((await dutyLogCount(ctx.db, id)) > 0) throw new AppError('services.slot_has_logs', 409);
  await ctx.db.transaction(async (tx) => {
    await deleteDutySlot(tx, id);
    await auditSlot(tx, ctx, 'services.duty_slot_delete', id, slot, {
      before: { personName: slot.personName, startsAt: slot.startsAt, endsAt: slot.endsAt },
    });
  });
}

export async function listSlots(
  ctx: ActorCtx,
  q: { communityId?: string | undefined; stationId?: string | undefined; from: Date; to: Date },
) {
  dutySlotsPolicy.require(ctx.actor, 'read');
  if (q.to <= q.from) throw invalidField('to', 'services.slot_end_before_start');
  if (q.to.getTime() - q.from.getTime() > 62 * 86_400_000)
    throw invalidField('to', 'services.period_too_long');
  const cid = await communityFilter(ctx, q.communityId);
  const station = q.stationId ? await findStation(ctx, q.stationId, 'read') : undefined;
  const rows = await listDutySlotRows(ctx.db, ctx.actor, {
    communityId: cid,
    stationId: station?.id,
    from: q.from,
    to: q.to,
  });
  const ids = rows.map((r) => r.slot.id);
  const logs = await dutyLogCounts(ctx.db, ids);
  return rows.map((r) => ({ ...slotDto(r.slot, r.stationName), logs: logs.get(r.slot.id) ?? 0 }));
}

export async function addDutyLog(ctx: ActorCtx, slotId: string, body: { content: string; visitors: number }) {
  const slot = await findSlot(ctx, slotId, 'write');
  return writeDutyLog(
    ctx,
    slot,
    { at: ctx.clock.now(), content: body.content, visitors: body.visitors },
    { action: 'services.duty_log', after: () => ({ visitors: body.visitors }) },
  );
}

/**
 * Writes a duty log on `slot` by the acting user and its audit entry (`action`; `after` is given the new
 * log's id), and returns the log.
 */
async function writeDutyLog(
  ctx: ActorCtx,
  slot: DutySlotRow,
  log: { at: Date; content: string; visitors: number; selfEntered?: boolean },
  audit: { action: string; after: (logId: string) => Record<string, unknown> },
) {
  return ctx.db.transaction(async (tx) => {
    const row = await insertDutyLog(tx, {
      id: ctx.ids(),
      slotId: slot.id,
      stationId: slot.stationId,
      orgPath: slot.orgPath,
      orgUnitId: slot.orgUnitId,
      ...log,
      createdBy: ctx.actor.userId,
      createdByName: ctx.actor.displayName,
    });
    await auditSlot(tx, ctx, audit.action, slot.id, slot, { after: audit.after(row.id) });
    return dutyLogDto(row);
  });
}

export async function listDutyLogs(ctx: ActorCtx, slotId: string) {
  await findSlot(ctx, slotId, 'read');
  const rows = await dutyLogRowsWithContent(ctx.db, slotId);
  return rows.map(dutyLogDto);
}

// ---------------------------------------------------------------- the person on duty, on the phone

const DAY = 86_400_000;

/**
 * R-SV-2: the slots of the logged-in person on duty (linked by `person_user_id`), from 7 days back to 7 days
 * ahead, with their logs. `today` = the slot starts on today's China date: the only day it can be logged.
 */
export async function myDuty(ctx: ActorCtx) {
  if (!ctx.actor) throw new AppError('common.unauthenticated', 401);
  const today = chinaDayStart(ctx.clock.now());
  const rows = await dutySlotRowsOfUser(
    ctx.db,
    ctx.actor.userId,
    new Date(today.getTime() - 7 * DAY),
    new Date(today.getTime() + 8 * DAY),
  );
  const ids = rows.map((r) => r.slot.id);
  const logs = ids.length ? await dutyLogRowsOfSlots(ctx.db, ids) : [];
  const todayStr = chinaDate(ctx.clock.now());
  return rows.map((r) => ({
    id: r.slot.id,
    stationName: r.stationName,
    stationAddress: r.stationAddress,
    personType: r.slot.personType as 'volunteer',
    startsAt: r.slot.startsAt,
    endsAt: r.slot.endsAt,
    today: chinaDate(r.slot.startsAt) === todayStr,
    logs: logs.filter((l) => l.slotId === r.slot.id).map(dutyLogDto),
  }));
}

/** The actor's own slot, or 404 (someone else's slot is answered like a missing one). */
async function mySlot(ctx: ActorCtx, slotId: string) {
  if (!ctx.actor) throw new AppError('common.unauthenticated', 401);
  checkId(slotId);
  const slot = await dutySlotById(ctx.db, slotId);
  if (!slot || slot.personUserId !== ctx.actor.userId) throw notFound();
  return slot;
}

/**
 * R-SV-2: the person on duty logs their own duty on the phone: only for their own slot (404 otherwise) and
 * only on the slot's day (China date; 409 services.duty_not_today); the time handled lies in that day and
 * not in the future. Staff see the log beside the slot (self-entered). Audited.
 */
export async function addMyDutyLog(ctx: ActorCtx, slotId: string, body: MyDutyLogBody) {
  const slot = await mySlot(ctx, slotId);
  const now = ctx.clock.now();
  if (chinaDate(slot.startsAt) !== chinaDate(now))
    throw new AppError('services.duty_not_today', 409, { day: chinaDate(slot.startsAt) });
  const at = body.at ?? now;
  if (at.getTime() > now.getTime() + 60_000 || chinaDate(at) !== chinaDate(now))
    throw invalidField('at', 'services.duty_log_time');
  return writeDutyLog(
    ctx,
    slot,
    { at, content: body.content, visitors: body.visitors, selfEntered: true },
    { action: 'services.duty_log_self', after: (logId) => ({ logId, visitors: body.visitors, at }) },
  );
}

/** A photo on the person's own duty log, added the same day (a second photo replaces the first). */
export async function attachMyDutyPhoto(
  ctx: ActorCtx,
  storage: Storage,
  logId: string,
  readPhoto: () => Promise<{ data: Buffer; mime: string }>,
) {
  if (!ctx.actor) throw new AppError('common.unauthenticated', 401);
  checkId(logId);
  const log = await dutyLogById(ctx.db, logId);
  if (!log || log.createdBy !== ctx.actor.userId || !log.selfEntered) throw notFound();
  await mySlot(ctx, log.slotId);
  if (chinaDate(log.at) !== chinaDate(ctx.clock.now()))
    throw new AppError('services.duty_not_today', 409, { day: chinaDate(log.at) });
  const photo = await readPhoto();
  const id = ctx.ids();
  await storage.put(id, photo.data);
  return ctx.db.transaction(async (tx) => {
    const row = await setDutyLogPhoto(tx, log.id, id);
    await auditSlot(tx, ctx, 'services.duty_log_photo', log.slotId, log, {
      after: { logId: log.id, photoId: id, mime: photo.mime, size: photo.data.length },
    });
    return dutyLogDto(row);
  });
}

/** A duty log's photo, for staff who may read the slot and for the person who wrote it (404 otherwise). */
export async function dutyLogPhoto(ctx: ActorCtx, storage: Storage, logId: string) {
  if (!ctx.actor) throw new AppError('common.unauthenticated', 401);
  checkId(logId);
  const log = await dutyLogById(ctx.db, logId);
  if (!log?.photoId) throw notFound();
  const own = log.createdBy === ctx.actor.userId;
  if (!own) {
    dutySlotsPolicy.require(ctx.actor, 'read');
    if (!(await findDutySlotRow(ctx.db, ctx.actor, 'read', log.slotId))) throw notFound();
  }
  const data = await storage.get(log.photoId);
  if (!data) throw notFound();
  return { data, mime: imageMime(data) ?? 'application/octet-stream' };
}
