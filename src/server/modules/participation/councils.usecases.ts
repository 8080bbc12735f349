import { activeUnitFor, filterPath, listUnder, unitNamesOf } from './participation.units';
import type { z } from 'zod';
import {
  CONVENTION_KIND_NAMES,
  type ConventionDetailDto,
  type ConventionDto,
  type ConventionKind,
  ROOM_ITEMS,
  ROOM_ITEM_NAMES,
  type RoomDto,
  type RoomItemKey,
  type conventionBody,
  type conventionListQuery,
  type diffQuery,
  lineDiff,
  type publishBody,
  type roomBody,
  type roomListQuery,
  type roomPatchBody,
  type versionBody,
} from '../../../shared/contracts/deliberation';
import { chinaDate } from '../../../shared/chinaTime';
import { foundInReach } from '../../platform/findInScope';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { auditRecord } from '../../platform/recordAudit';
import type { ActorCtx } from '../../platform/context';
import { AppError, invalidField, notFound } from '../../platform/errors';
import { type Storage, imageMime } from '../../platform/storage';
import type { Page } from '../../platform/listing';
import { unitHead } from '../../platform/unitHead';
import {
  type ConventionRow,
  type RoomRow,
  findConvention,
  findRoom,
  insertConvention,
  insertRoom,
  insertVersion,
  listConventionRows,
  listRoomRows,
  updateConvention,
  updateRoom,
  versionCounts,
  versionsOf,
} from './councils.repository';
import type { Locale } from './meetings.usecases';
import { conventionsPolicy, roomsPolicy } from './participation.policy';
import { findMeeting } from './participation.repository';
import { homePaths } from './topics.usecases';
import type { RoomItem } from './participation.table';

// ---------------------------------------------------------------- council rooms (R-DL-5)

async function roomDtos(ctx: ActorCtx, rows: RoomRow[], loc: Locale): Promise<RoomDto[]> {
  const names = await unitNamesOf(ctx.db, rows);
  return rows.map((r) => {
    const checklist = ROOM_ITEMS.map((key) => {
      const it = r.checklist[key];
      return {
        key,
        name: ROOM_ITEM_NAMES[key][loc],
        ok: !!it?.ok,
        note: it?.note ?? null,
        photo: it?.photo ?? null,
        photoUrl: it?.photoId ? `/api/deliberations/rooms/${r.id}/items/${key}/photo` : null,
      };
    });
    const missing = checklist.filter((c) => !c.ok).map((c) => c.name);
    return {
      ...unitHead(r, names),
      name: r.name,
      address: r.address,
      checklist,
      missing,
      complete: missing.length === 0,
      updatedAt: r.updatedAt,
    };
  });
}

type ChecklistInput = z.infer<typeof roomBody>['checklist'];
const checklistOf = (c: ChecklistInput | undefined, prev: Record<string, RoomItem> = {}) => {
  const out: Record<string, RoomItem> = { ...prev };
  for (const [k, v] of Object.entries(c ?? {}))
    if (v)
      out[k] = { ok: v.ok, note: v.note ?? null, photo: v.photo ?? null, photoId: prev[k]?.photoId ?? null };
  return out;
};
/** An item is ticked only with its evidence (a note or a photo). */
const checkEvidence = (c: Record<string, RoomItem>) => {
  for (const [k, v] of Object.entries(c))
    if (v.ok && !v.note && !v.photo && !v.photoId)
      throw invalidField(`checklist.${k}`, 'participation.room_evidence');
};

export const listRooms = listUnder(
  roomsPolicy,
  (ctx, q: z.infer<typeof roomListQuery>, path) => listRoomRows(ctx.db, ctx.actor, { ...q, path }),
  roomDtos,
);

export async function getRoom(ctx: ActorCtx, id: string, loc: Locale) {
  const r = await foundInReach(roomsPolicy, ctx, 'read', () => findRoom(ctx.db, ctx.actor, 'read', id));
  return (await roomDtos(ctx, [r], loc))[0]!;
}

export async function createRoom(ctx: ActorCtx, input: z.infer<typeof roomBody>, loc: Locale) {
  roomsPolicy.require(ctx.actor, 'manage');
  const unit = await activeUnitFor(ctx, 'participation.manage', input.orgUnitId);
  const checklist = checklistOf(input.checklist);
  checkEvidence(checklist);
  const r = await insertUnitRowAudited(
    ctx,
    unit,
    insertRoom,
    {
      name: input.name,
      address: input.address ?? null,
      checklist,
    },
    {
      action: 'participation.room.create',
      entityType: 'pt_room',
      view: (row) => ({ name: row.name, checklist }),
    },
  );
  return (await roomDtos(ctx, [r], loc))[0]!;
}

export async function patchRoom(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof roomPatchBody>,
  loc: Locale,
) {
  roomsPolicy.require(ctx.actor, 'manage');
  const r = await ctx.db.transaction(async (tx) => {
    const row = await findRoom(tx, ctx.actor, 'manage', id);
    if (!row) throw notFound();
    const checklist = checklistOf(input.checklist, row.checklist);
    checkEvidence(checklist);
    const next = await updateRoom(tx, row.id, {
      name: input.name ?? row.name,
      address: input.address === undefined ? row.address : input.address,
      checklist,
      updatedAt: ctx.clock.now(),
    });
    await auditRecord(tx, ctx, row, {
      action: 'participation.room.update',
      entityType: 'pt_room',
      before: { name: row.name, checklist: row.checklist },
      after: { name: next.name, checklist: next.checklist },
    });
    return next;
  });
  return (await roomDtos(ctx, [r], loc))[0]!;
}

const isRoomItem = (k: string): k is RoomItemKey => (ROOM_ITEMS as readonly string[]).includes(k);

/**
 * An evidence photo of one 六具备 item (R-DL-5), uploaded from the console: the room must be one the actor
 * manages (else 404), the item one of the six (else 404), the file an image of at most 5 MB (400/413/415 from
 * `readPhoto`). It is stored, its id kept on the item (a second photo replaces the first), and audited.
 */
export async function attachRoomPhoto(
  ctx: ActorCtx,
  storage: Storage,
  id: string,
  key: string,
  readPhoto: () => Promise<{ data: Buffer; mime: string }>,
  loc: Locale,
) {
  roomsPolicy.require(ctx.actor, 'manage');
  const found = await findRoom(ctx.db, ctx.actor, 'manage', id);
  if (!found || !isRoomItem(key)) throw notFound();
  const photo = await readPhoto();
  const photoId = ctx.ids();
  await storage.put(photoId, photo.data);
  const r = await ctx.db.transaction(async (tx) => {
    const row = await findRoom(tx, ctx.actor, 'manage', found.id);
    if (!row) throw notFound();
    const prev = row.checklist[key];
    const checklist = {
      ...row.checklist,
      [key]: { ok: prev?.ok ?? false, note: prev?.note ?? null, photo: prev?.photo ?? null, photoId },
    };
    const next = await updateRoom(tx, row.id, { checklist, updatedAt: ctx.clock.now() });
    await auditRecord(tx, ctx, row, {
      action: 'participation.room.photo',
      entityType: 'pt_room',
      before: { item: key, photoId: prev?.photoId ?? null },
      after: { item: key, photoId, mime: photo.mime, size: photo.data.length },
    });
    return next;
  });
  return (await roomDtos(ctx, [r], loc))[0]!;
}

/** The evidence photo of a room's item, for those who may read the room (404 otherwise or when none). */
export async function roomPhoto(ctx: ActorCtx, storage: Storage, id: string, key: string) {
  roomsPolicy.require(ctx.actor, 'read');
  const row = await findRoom(ctx.db, ctx.actor, 'read', id);
  const photoId = row && isRoomItem(key) ? row.checklist[key]?.photoId : null;
  const data = photoId ? await storage.get(photoId) : null;
  if (!data) throw notFound();
  return { data, mime: imageMime(data) ?? 'application/octet-stream' };
}

// ---------------------------------------------------------------- conventions (R-DL-6)

async function conventionDtos(ctx: ActorCtx, rows: ConventionRow[], loc: Locale): Promise<ConventionDto[]> {
  const [names, counts] = await Promise.all([
    unitNamesOf(ctx.db, rows),
    versionCounts(
      ctx.db,
      rows.map((r) => r.id),
    ),
  ]);
  return rows.map((c) => ({
    ...unitHead(c, names),
    kind: c.kind,
    kindName: CONVENTION_KIND_NAMES[c.kind as ConventionKind]?.[loc] ?? c.kind,
    title: c.title,
    versions: counts.get(c.id) ?? 0,
    publishedNo: c.publishedNo,
    publishedAt: c.publishedAt,
    awarenessPermille: c.awarenessPermille,
    compliancePermille: c.compliancePermille,
    ratesSource: c.ratesSource,
    ratesAt: c.ratesAt,
  }));
}

async function conventionDetail(
  ctx: ActorCtx,
  c: ConventionRow,
  loc: Locale,
  board: boolean,
): Promise<ConventionDetailDto> {
  const [dto] = await conventionDtos(ctx, [c], loc);
  const versions = await versionsOf(ctx.db, c.id);
  return {
    ...dto!,
    items: versions
      .filter(({ v }) => !board || v.no === c.publishedNo)
      .map(({ v, meetingTitle }) => ({
        id: v.id,
        no: v.no,
        text: v.text,
        note: v.note,
        meetingId: v.meetingId,
        meetingTitle: meetingTitle ?? null,
        adoptedOn: v.adoptedOn,
        createdAt: v.createdAt,
      })),
  };
}

export async function listConventions(
  ctx: ActorCtx,
  q: z.infer<typeof conventionListQuery>,
  loc: Locale,
  board = false,
): Promise<Page<ConventionDto>> {
  if (!board) conventionsPolicy.require(ctx.actor, 'read');
  const path = board ? undefined : await filterPath(ctx, q.orgUnitId);
  const homes = board ? await homePaths(ctx) : undefined;
  const page = await listConventionRows(ctx.db, ctx.actor, { path, homes }, q);
  return { ...page, items: await conventionDtos(ctx, page.items, loc) };
}

export async function getConvention(ctx: ActorCtx, id: string, loc: Locale, board = false) {
  if (!board) conventionsPolicy.require(ctx.actor, 'read');
  const homes = board ? await homePaths(ctx) : [];
  const c = await findConvention(ctx.db, ctx.actor, board ? 'board' : 'read', id, false, homes);
  if (!c) throw notFound();
  return conventionDetail(ctx, c, loc, board);
}

export async function createConvention(ctx: ActorCtx, input: z.infer<typeof conventionBody>, loc: Locale) {
  conventionsPolicy.require(ctx.actor, 'manage');
  const unit = await activeUnitFor(ctx, 'participation.manage', input.orgUnitId);
  if (unit.kind !== 'community' && input.kind !== 'charter')
    throw invalidField('orgUnitId', 'participation.convention_unit');
  const c = await insertUnitRowAudited(
    ctx,
    unit,
    insertConvention,
    { kind: input.kind, title: input.title },
    {
      action: 'participation.convention.create',
      entityType: 'pt_convention',
      view: (row) => ({ kind: row.kind, title: row.title }),
    },
  );
  return conventionDetail(ctx, c, loc, false);
}

/**
 * A new version (R-DL-6), with the meeting that adopted it: a closed meeting of the convention's unit (or
 * above or below it) that reached its quorum. Versions are never edited; a change is the next version.
 */
export async function addVersion(ctx: ActorCtx, id: string, input: z.infer<typeof versionBody>, loc: Locale) {
  conventionsPolicy.require(ctx.actor, 'manage');
  const c = await ctx.db.transaction(async (tx) => {
    const row = await findConvention(tx, ctx.actor, 'manage', id, true);
    if (!row) throw notFound();
    let adoptedOn: string | null = null;
    if (input.meetingId) {
      const m = await findMeeting(tx, ctx.actor, 'read', input.meetingId);
      if (!m || !(m.orgPath.startsWith(row.orgPath) || row.orgPath.startsWith(m.orgPath)))
        throw invalidField('meetingId', 'participation.convention_meeting');
      if (m.status !== 'closed' || !m.quorumMet || m.heldAt > ctx.clock.now())
        throw invalidField('meetingId', 'participation.convention_meeting_quorum');
      adoptedOn = chinaDate(m.heldAt);
    }
    const counts = await versionCounts(tx, [row.id]);
    const no = (counts.get(row.id) ?? 0) + 1;
    const now = ctx.clock.now();
    await insertVersion(tx, {
      id: ctx.ids(),
      conventionId: row.id,
      no,
      text: input.text,
      note: input.note ?? null,
      meetingId: input.meetingId ?? null,
      adoptedOn,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    const next = await updateConvention(tx, row.id, { updatedAt: now });
    await auditRecord(tx, ctx, row, {
      action: 'participation.convention.version',
      entityType: 'pt_convention',
      after: { no, meetingId: input.meetingId ?? null },
    });
    return next;
  });
  return conventionDetail(ctx, c, loc, false);
}

/** Publishes a version: residents read it on the phone from then on. */
export async function publishConvention(
  ctx: ActorCtx,
  id: string,
  input: z.infer<typeof publishBody>,
  loc: Locale,
) {
  conventionsPolicy.require(ctx.actor, 'manage');
  const c = await ctx.db.transaction(async (tx) => {
    const row = await findConvention(tx, ctx.actor, 'manage', id, true);
    if (!row) throw notFound();
    const counts = await versionCounts(tx, [row.id]);
    if (input.no > (counts.get(row.id) ?? 0)) throw invalidField('no', 'participation.convention_version');
    if (row.publishedNo === input.no) throw new AppError('participation.convention_published', 409);
    const now = ctx.clock.now();
    const next = await updateConvention(tx, row.id, {
      publishedNo: input.no,
      publishedAt: now,
      updatedAt: now,
    });
    await auditRecord(tx, ctx, row, {
      action: 'participation.convention.publish',
      entityType: 'pt_convention',
      before: { publishedNo: row.publishedNo },
      after: { publishedNo: input.no },
    });
    return next;
  });
  return conventionDetail(ctx, c, loc, false);
}

/** A line diff between two versions, for the console. */
export async function diffConvention(ctx: ActorCtx, id: string, q: z.infer<typeof diffQuery>) {
  const c = await foundInReach(conventionsPolicy, ctx, 'read', () =>
    findConvention(ctx.db, ctx.actor, 'read', id),
  );
  const versions = await versionsOf(ctx.db, c.id);
  const newest = versions[0]?.v.no ?? 1;
  const to = q.to ?? newest;
  const from = q.from ?? Math.max(1, to - 1);
  const a = versions.find(({ v }) => v.no === from)?.v;
  const b = versions.find(({ v }) => v.no === to)?.v;
  if (!a) throw invalidField('from', 'participation.convention_version');
  if (!b) throw invalidField('to', 'participation.convention_version');
  return { from: a.no, to: b.no, lines: lineDiff(a.text, b.text) };
}
