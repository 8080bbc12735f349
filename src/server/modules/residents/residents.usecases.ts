import type {
  CreateResidentBody,
  ResidentListQuery,
  RevealResult,
  UpdateResidentBody,
} from '../../../shared/contracts/residents';
import { birthDateFromIdNumber, genderFromIdNumber } from '../../../shared/validation/codes';
import { auditAccess, auditRecord, auditRecordAccess } from '../../platform/recordAudit';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import { maskAddress, type Pii } from '../../platform/crypto';
import { sealedIdNumber, sealedPhone, storedIdNumber, storedPhone } from '../../platform/sealedFields';
import { type Db, isUniqueViolation } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import {
  communityOfPath,
  findUnitInScope,
  householdOf,
  type OrgUnit,
  underTreeLock,
  unitById,
  unitNames,
  unitsByIds,
} from '../org/org.api';
import type { SpecialGroupTag } from '../../../shared/orgKinds';
import { residentsPolicy } from './residents.policy';
import {
  type ResidentRow,
  findResident as findResidentRow,
  insertResident,
  listResidentRows,
  replaceLegacyTags,
  residentIdByIdNumberHash,
  residentRowsByIds,
  residentsWithLegacyTags,
  updateResidentRow,
} from './residents.repository';

const RESIDENT_UNIT_KINDS = ['community', 'grid', 'compound', 'building', 'household'];

/** The masked view used in every list and by default in detail (R-LAW-PI-1). */
export function toDto(r: ResidentRow, names: { community?: string | null; unit?: string | null } = {}) {
  return {
    id: r.id,
    orgUnitId: r.orgUnitId,
    communityId: r.communityId,
    communityName: names.community ?? null,
    unitName: names.unit ?? null,
    name: r.name,
    gender: r.gender as 'male' | 'female',
    birthDate: r.birthDate,
    idNumber: r.idNumberMask,
    phone: r.phoneMask,
    address: r.addressMask,
    room: r.room,
    registrationStatus: r.registrationStatus as 'registered' | 'permanent' | 'migrant',
    // Special-group tags are sensitive (R-LAW-PI-1): only how many; the tags need an audited reveal.
    specialGroupCount: r.specialGroupHashes.length,
    notes: r.notes,
    version: r.version,
    updatedAt: r.updatedAt,
  };
}

/** Encrypts, indexes and masks the personal fields of a resident for storage. */
export function sealPii(
  pii: Pii,
  input: { idNumber?: string | null; phone?: string | null; address?: string | null },
): Partial<ResidentRow> {
  return {
    ...(input.idNumber !== undefined && sealedIdNumber(pii, storedIdNumber(input.idNumber))),
    ...(input.phone !== undefined && sealedPhone(pii, storedPhone(input.phone))),
    ...(input.address !== undefined && {
      addressEnc: input.address ? pii.encrypt(input.address) : null,
      addressMask: input.address ? maskAddress(input.address) : null,
    }),
  };
}

/** Encrypts special-group tags and indexes each with an HMAC blind index (R-LAW-PI-1). */
export function sealSpecialGroups(pii: Pii, tags: readonly string[]) {
  const unique = [...new Set(tags)].sort();
  return {
    specialGroupsEnc: unique.length ? pii.encrypt(JSON.stringify(unique)) : null,
    specialGroupHashes: unique.map((t) => pii.blindIndex('special_group', t)),
  };
}

/** The clear tags of a row: only for an audited reveal or full export. */
export function openSpecialGroups(pii: Pii, r: Pick<ResidentRow, 'specialGroupsEnc'>): SpecialGroupTag[] {
  return r.specialGroupsEnc ? (JSON.parse(pii.decrypt(r.specialGroupsEnc)) as SpecialGroupTag[]) : [];
}

/**
 * Encrypts the clear-text special-group tags left by earlier releases (R-LAW-PI-1), in batches, and
 * sets them to null: idempotent, run after the migrations at startup and by `linli migrate` (a SQL
 * migration cannot encrypt with the app key). Returns how many residents were converted.
 */
export async function migrateSpecialGroups(db: Db, pii: Pii): Promise<number> {
  let converted = 0;
  for (;;) {
    const batch = await residentsWithLegacyTags(db, 500);
    if (batch.length === 0) return converted;
    await db.transaction(async (tx) => {
      for (const r of batch) {
        // A row whose tags this release already wrote keeps them (they are newer).
        const tags = r.specialGroupsEnc ? openSpecialGroups(pii, r) : (r.legacyTags ?? []);
        // Only while still unconverted: an edit in between (which clears the legacy column) wins.
        await replaceLegacyTags(tx, r.id, sealSpecialGroups(pii, tags));
      }
    });
    converted += batch.length;
  }
}

/** A building + room resolves to the household unit (created on first use, by the org module). */
function placeOf(ctx: ActorCtx, tx: Db, unit: OrgUnit, room: string | null | undefined): Promise<OrgUnit> {
  return householdOf({ ...ctx, db: tx }, unit, room);
}

function fieldError(path: string, code: string, status = 422) {
  return new AppError('common.validation', status, {}, { fields: [{ path, code }] });
}

/** Birth date and gender follow the ID number (R-LAW-CD-2); a contradicting birth date is refused. */
function derived(input: { idNumber?: string | null; birthDate?: string | null; gender?: 'male' | 'female' }) {
  if (!input.idNumber) return { birthDate: input.birthDate ?? null, gender: input.gender };
  const birth = birthDateFromIdNumber(input.idNumber)!;
  if (input.birthDate && input.birthDate !== birth) throw fieldError('birthDate', 'residents.birth_mismatch');
  return { birthDate: birth, gender: genderFromIdNumber(input.idNumber) };
}

async function checkIdUnique(db: Db, hash: string | null | undefined, selfId?: string) {
  if (!hash) return;
  const dup = await residentIdByIdNumberHash(db, hash);
  if (dup && dup !== selfId) throw idTaken();
}

const idTaken = () =>
  new AppError(
    'residents.id_number_taken',
    409,
    {},
    { fields: [{ path: 'idNumber', code: 'residents.id_number_taken' }] },
  );

export async function listResidents(ctx: ActorCtx, q: ResidentListQuery) {
  residentsPolicy.require(ctx.actor, 'read');
  const unitPath = q.orgUnitId ? (await findUnitInScope(ctx, q.orgUnitId, 'residents.read')).path : undefined;
  const page = await listResidentRows(ctx.db, ctx.pii, ctx.actor, 'read', q, unitPath);
  return { ...page, items: await withNames(ctx.db, page.items) };
}

async function withNames(db: Db, rows: ResidentRow[]) {
  const name = await unitNames(
    db,
    rows.flatMap((r) => [r.communityId, r.orgUnitId]),
  );
  return rows.map((r) => toDto(r, { community: name.get(r.communityId), unit: name.get(r.orgUnitId) }));
}

/** A live resident in reach for `action`, else 404 (also when it does not exist). */
async function findResident(ctx: ActorCtx, id: string, action: 'read' | 'write' | 'reveal') {
  const r = await findResidentRow(ctx.db, ctx.actor, action, id);
  if (!r) throw notFound();
  return r;
}

export async function getResident(ctx: ActorCtx, id: string) {
  residentsPolicy.require(ctx.actor, 'read');
  const r = await findResident(ctx, id, 'read');
  const [dto] = await withNames(ctx.db, [r]);
  const ancestorIds = r.orgPath.split('/').filter(Boolean);
  const ancestors = (await unitsByIds(ctx.db, ancestorIds)).map((u) => ({
    id: u.id,
    name: u.name,
    kind: u.kind,
  }));
  ancestors.sort((a, b) => ancestorIds.indexOf(a.id) - ancestorIds.indexOf(b.id));
  return {
    ...dto!,
    ancestors,
    abilities: residentsPolicy.abilities(ctx.actor, r, { edit: 'write', remove: 'write', reveal: 'reveal' }),
  };
}

/**
 * Shows one personal field in full (the special-group tags included); needs residents.reveal and is
 * always audited (R-LAW-PI-1).
 */
export async function revealField(
  ctx: ActorCtx,
  id: string,
  field: 'idNumber' | 'phone' | 'address' | 'tags',
): Promise<RevealResult> {
  residentsPolicy.require(ctx.actor, 'reveal');
  const r = await findResident(ctx, id, 'reveal');
  let value: string | SpecialGroupTag[] | null;
  if (field === 'tags') value = openSpecialGroups(ctx.pii, r);
  else {
    const stored = field === 'idNumber' ? r.idNumberEnc : field === 'phone' ? r.phoneEnc : r.addressEnc;
    value = stored ? ctx.pii.decrypt(stored) : null;
  }
  await auditRecordAccess(ctx, r, {
    action: 'residents.reveal',
    entityType: 'resident',
    after: { field, name: r.name },
  });
  return { field, value };
}

export async function createResident(ctx: ActorCtx, input: CreateResidentBody) {
  // Shared tree lock: the unit's path copied into the row cannot be moved underneath (see org.repository).
  return underTreeLock(ctx, 'shared', (c) => createResidentLocked(c, input));
}

async function createResidentLocked(ctx: ActorCtx, input: CreateResidentBody) {
  residentsPolicy.require(ctx.actor, 'write');
  const unit = await findUnitInScope(ctx, input.orgUnitId, 'residents.write');
  if (!RESIDENT_UNIT_KINDS.includes(unit.kind)) throw fieldError('orgUnitId', 'residents.unit_kind');
  if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  const { birthDate, gender } = derived(input);
  if (!gender) throw fieldError('gender', 'invalid_type', 400);
  const sealed = sealPii(ctx.pii, input);
  const community = await communityOfPath(ctx.db, unit.path);
  if (!community) throw fieldError('orgUnitId', 'residents.unit_kind');
  const id = ctx.ids();
  const now = ctx.clock.now();
  // The unique index on the ID number's blind index decides duplicates, also under concurrency.
  const { row, place } = await ctx.db
    .transaction(async (tx) => {
      const place = await placeOf(ctx, tx, unit, input.room);
      const created = await insertResident(tx, {
        id,
        orgUnitId: place.id,
        orgPath: place.path,
        communityId: community.id,
        name: input.name,
        gender,
        birthDate,
        ...sealed,
        room: input.room ?? null,
        registrationStatus: input.registrationStatus,
        ...sealSpecialGroups(ctx.pii, input.tags),
        notes: input.notes ?? null,
        createdAt: now,
        updatedAt: now,
      });
      await writeAudit(tx, ctx, {
        action: 'residents.create',
        entityType: 'resident',
        entityId: id,
        orgPath: place.path,
        after: toDto(created),
      });
      return { row: created, place };
    })
    .catch((err) => {
      if (isUniqueViolation(err, 'residents_id_number_uq')) throw idTaken();
      throw err;
    });
  return toDto(row, { community: community.name, unit: place.name });
}

export async function updateResident(ctx: ActorCtx, id: string, input: UpdateResidentBody) {
  // Shared tree lock: the unit's path copied into the row cannot be moved underneath (see org.repository).
  return underTreeLock(ctx, 'shared', (c) => updateResidentLocked(c, id, input));
}

async function updateResidentLocked(ctx: ActorCtx, id: string, input: UpdateResidentBody) {
  residentsPolicy.require(ctx.actor, 'write');
  const before = await findResident(ctx, id, 'write');
  let unit: OrgUnit | undefined;
  if (input.orgUnitId && input.orgUnitId !== before.orgUnitId) {
    unit = await findUnitInScope(ctx, input.orgUnitId, 'residents.write');
    if (!RESIDENT_UNIT_KINDS.includes(unit.kind)) throw fieldError('orgUnitId', 'residents.unit_kind');
    if (unit.status !== 'active') throw new AppError('org.inactive', 409);
  }
  const idNumber =
    input.idNumber !== undefined
      ? input.idNumber
      : before.idNumberEnc
        ? ctx.pii.decrypt(before.idNumberEnc)
        : null;
  const { birthDate, gender } = derived({
    idNumber,
    birthDate: input.birthDate !== undefined ? input.birthDate : idNumber ? null : before.birthDate,
    gender: input.gender ?? (before.gender as 'male' | 'female'),
  });
  const sealed = sealPii(ctx.pii, { idNumber: input.idNumber, phone: input.phone, address: input.address });
  if (input.idNumber !== undefined) await checkIdUnique(ctx.db, sealed.idNumberHash, id);
  const row = await ctx.db
    .transaction(async (tx) => {
      let placeFields = {};
      let room = input.room;
      if (unit || (input.room !== undefined && input.room !== before.room)) {
        let place: OrgUnit;
        if (unit?.kind === 'household') {
          // Moving into a household: that is the place, and its name is the room.
          place = unit;
          room = unit.name;
        } else if (unit) {
          place = await placeOf(ctx, tx, unit, input.room);
        } else {
          const current = (await unitById(tx, before.orgUnitId))!;
          const building = current.kind === 'household' ? (await unitById(tx, current.parentId!))! : current;
          place = await placeOf(ctx, tx, building, input.room);
        }
        const community = await communityOfPath(tx, place.path);
        if (!community) throw fieldError('orgUnitId', 'residents.unit_kind');
        placeFields = { orgUnitId: place.id, orgPath: place.path, communityId: community.id };
      }
      const after = await updateResidentRow(tx, id, input.version, {
        ...(input.name !== undefined && { name: input.name }),
        gender: gender ?? before.gender,
        birthDate,
        ...sealed,
        ...placeFields,
        ...(room !== undefined && { room }),
        ...(input.registrationStatus !== undefined && { registrationStatus: input.registrationStatus }),
        ...(input.tags !== undefined && { ...sealSpecialGroups(ctx.pii, input.tags), legacyTags: null }),
        ...(input.notes !== undefined && { notes: input.notes }),
        version: before.version + 1,
        updatedAt: ctx.clock.now(),
      });
      if (!after) throw new AppError('common.conflict', 409);
      await auditRecord(tx, ctx, after, {
        action: 'residents.update',
        entityType: 'resident',
        before: toDto(before),
        after: toDto(after),
      });
      return after;
    })
    .catch((err) => {
      if (isUniqueViolation(err, 'residents_id_number_uq')) throw idTaken();
      throw err;
    });
  return (await withNames(ctx.db, [row]))[0]!;
}

/** Residents who move away or pass away are marked removed, never deleted. */
export async function removeResident(ctx: ActorCtx, id: string, reason: string) {
  residentsPolicy.require(ctx.actor, 'write');
  const before = await findResident(ctx, id, 'write');
  await ctx.db.transaction(async (tx) => {
    const after = await updateResidentRow(tx, id, before.version, {
      deletedAt: ctx.clock.now(),
      version: before.version + 1,
      notes: [before.notes, reason].filter(Boolean).join('\n'),
    });
    if (!after) throw new AppError('common.conflict', 409);
    await auditRecord(tx, ctx, before, {
      action: 'residents.remove',
      entityType: 'resident',
      before: toDto(before),
      after: { reason },
    });
  });
}

/**
 * Rows for export: masked (special groups as a count) unless `full` is asked for by someone with
 * residents.reveal (audited as residents.export_full).
 */
export async function exportResidents(ctx: ActorCtx, q: ResidentListQuery, full: boolean) {
  residentsPolicy.require(ctx.actor, 'export');
  if (full) residentsPolicy.require(ctx.actor, 'reveal');
  const all: (ReturnType<typeof toDto> & { specialGroups: SpecialGroupTag[] | null })[] = [];
  const fullRows: ResidentRow[] = [];
  for (let page = 1; ; page++) {
    const batch = await listResidents(ctx, { ...q, page, pageSize: 200 });
    all.push(...batch.items.map((r) => ({ ...r, specialGroups: null })));
    if (batch.items.length < 200 || all.length >= 100_000) break;
  }
  if (full && all.length) {
    for (let i = 0; i < all.length; i += 1000) {
      const ids = all.slice(i, i + 1000).map((r) => r.id);
      fullRows.push(...(await residentRowsByIds(ctx.db, ctx.actor, 'reveal', ids)));
    }
    const byId = new Map(fullRows.map((r) => [r.id, r]));
    for (const dto of all) {
      const r = byId.get(dto.id);
      dto.idNumber = r?.idNumberEnc ? ctx.pii.decrypt(r.idNumberEnc) : dto.idNumber;
      dto.phone = r?.phoneEnc ? ctx.pii.decrypt(r.phoneEnc) : dto.phone;
      dto.address = r?.addressEnc ? ctx.pii.decrypt(r.addressEnc) : dto.address;
      dto.specialGroups = r ? openSpecialGroups(ctx.pii, r) : null;
    }
  }
  await auditAccess(ctx, {
    action: full ? 'residents.export_full' : 'residents.export',
    entityType: 'resident',
    after: { filter: q, rows: all.length },
  });
  return all;
}
