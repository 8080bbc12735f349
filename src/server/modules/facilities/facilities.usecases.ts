import {
  COUNCIL_ROOMS_TARGET,
  COUNCIL_ROOM_KIND,
  COUNCIL_ROOM_PERIOD,
  type CoverageDto,
  type CoverageRowDto,
  ELDERLY_CARE_RESIDENTS_PER_FACILITY,
  GRID_PARTY_VENUES_PER_YEAR,
  GRID_PARTY_VENUE_KIND,
  type FacilityBody,
  type FacilityCategory,
  type FacilityDto,
  type FacilityKindDto,
  type FacilityListQuery,
  type FacilityPatch,
  type KindBody,
  LIFE_CIRCLE_RADIUS_M,
  SUB_STATION_DISTANCE_M,
  SUB_STATION_STAFF_MAX,
  SUB_STATION_STAFF_MIN,
} from '../../../shared/contracts/facilities';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError, notFound } from '../../platform/errors';
import type { Page } from '../../platform/listing';
import { communityOnPath, idsOnPath } from '../../platform/unitPaths';
import { versionedAuditedUpdate } from '../../platform/versionedAudit';
import { activeUnitsOfKind, type OrgUnit, unitFilter, unitInScope, unitsByIds } from '../org/org.api';
import { permanentResidentsUnder } from '../residents/residents.api';
import { type CoverageFacility, type CoverageFacts, boxAround, coverageOf } from './facilities.coverage';
import { type FacilityAction, facilitiesPolicy, kindsPolicy } from './facilities.policy';
import {
  type FacilityRow,
  type KindRow,
  allFacilityRows,
  allKinds,
  builtBetweenInReach,
  countBuiltInYear,
  facilitiesInBox,
  facilityRowsUnder,
  findFacility,
  inUseFacilitiesUnder,
  insertFacility,
  insertKind,
  kindByKey,
  listFacilityRows,
  updateFacility as updateFacilityRow,
  updateKind,
} from './facilities.repository';
import { foundInReach } from '../../platform/findInScope';
import { isUuid } from '../../platform/ids';

const FACILITY_UNIT_KINDS = ['subdistrict', 'community', 'grid', 'compound'];

function kindDto(k: KindRow): FacilityKindDto {
  return {
    key: k.key,
    nameZh: k.nameZh,
    nameEn: k.nameEn,
    category: k.category as FacilityCategory,
    role: (k.role as FacilityKindDto['role']) ?? null,
    source: k.source,
    sort: k.sort,
    active: k.active,
  };
}

export async function listKinds(ctx: ActorCtx): Promise<FacilityKindDto[]> {
  kindsPolicy.require(ctx.actor, 'read');
  return (await allKinds(ctx.db)).map(kindDto);
}

/** R-FC-1: kinds are data; civil affairs adds a kind or renames / retires one (never deleted). */
export async function saveKind(ctx: ActorCtx, input: KindBody, create: boolean): Promise<FacilityKindDto> {
  kindsPolicy.require(ctx.actor, 'configure');
  const existing = await kindByKey(ctx.db, input.key);
  if (create && existing) throw new AppError('facilities.kind_exists', 409);
  if (!create && !existing) throw notFound();
  const now = ctx.clock.now();
  const row = await ctx.db.transaction(async (tx) => {
    const values = {
      nameZh: input.nameZh,
      nameEn: input.nameEn,
      category: input.category,
      role: input.role ?? null,
      source: input.source ?? null,
      sort: input.sort,
      active: input.active,
      updatedAt: now,
    };
    const k = existing
      ? await updateKind(tx, input.key, values)
      : await insertKind(tx, { key: input.key, ...values, createdAt: now });
    await writeAudit(tx, ctx, {
      action: 'facilities.kind_save',
      entityType: 'fc_kind',
      entityId: k.key,
      orgPath: '/',
      before: existing ? kindDto(existing) : undefined,
      after: kindDto(k),
    });
    return k;
  });
  return kindDto(row);
}

async function toDtos(ctx: ActorCtx, rows: FacilityRow[]): Promise<FacilityDto[]> {
  const kinds = new Map((await allKinds(ctx.db)).map((k) => [k.key, k]));
  const pathIds = rows.flatMap((r) => idsOnPath(r.orgPath));
  const units = new Map((await unitsByIds(ctx.db, pathIds)).map((u) => [u.id, u]));
  return rows.map((r) => {
    const k = kinds.get(r.kind);
    const community = communityOnPath(units, r.orgPath);
    return {
      id: r.id,
      orgUnitId: r.orgUnitId,
      unitName: units.get(r.orgUnitId)?.name ?? null,
      communityName: community?.name ?? null,
      kind: r.kind,
      kindNameZh: k?.nameZh ?? null,
      kindNameEn: k?.nameEn ?? null,
      category: (k?.category as FacilityCategory) ?? null,
      role: (k?.role as FacilityDto['role']) ?? null,
      name: r.name,
      address: r.address,
      lng: r.lng,
      lat: r.lat,
      areaM2: r.areaM2,
      officeAreaM2: r.officeAreaM2,
      hours: r.hours,
      operator: r.operator,
      operatorKind: (r.operatorKind as FacilityDto['operatorKind']) ?? null,
      staffCount: r.staffCount,
      beds: r.beds,
      status: r.status as FacilityDto['status'],
      plannedOn: r.plannedOn,
      builtOn: r.builtOn,
      acceptedOn: r.acceptedOn,
      handedOverOn: r.handedOverOn,
      note: r.note,
      operationMode: (r.operationMode as FacilityDto['operationMode']) ?? null,
      contractStartOn: r.contractStartOn,
      contractEndOn: r.contractEndOn,
      yearlyFeeFen: r.yearlyFeeFen,
      version: r.version,
      canEdit: facilitiesPolicy.can(ctx.actor, 'manage', r),
    };
  });
}

/** The unit filter of a list: a unit in reach for reading, else 404 (never an empty page). */
const filterUnit = unitFilter('facilities.read');

async function categoryKinds(db: Db, category: FacilityCategory | undefined): Promise<string[] | undefined> {
  if (!category) return undefined;
  return (await allKinds(db)).filter((k) => k.category === category).map((k) => k.key);
}

/** A list's filters after the read check: the unit's path (in reach, else 404) and the kinds of the category. */
async function listFilters(ctx: ActorCtx, q: Omit<FacilityListQuery, 'page' | 'pageSize'>) {
  facilitiesPolicy.require(ctx.actor, 'read');
  const unit = await filterUnit(ctx, q.orgUnitId);
  return [unit?.path, await categoryKinds(ctx.db, q.category)] as const;
}

export async function listFacilities(ctx: ActorCtx, q: FacilityListQuery): Promise<Page<FacilityDto>> {
  const page = await listFacilityRows(ctx.db, ctx.actor, q, ...(await listFilters(ctx, q)));
  return { ...page, items: await toDtos(ctx, page.items) };
}

export async function exportFacilities(
  ctx: ActorCtx,
  q: Omit<FacilityListQuery, 'page' | 'pageSize'>,
): Promise<FacilityDto[]> {
  return toDtos(ctx, await allFacilityRows(ctx.db, ctx.actor, q, ...(await listFilters(ctx, q)), 10_000));
}

export async function getFacility(ctx: ActorCtx, id: string): Promise<FacilityDto> {
  const f = await facilityFor(ctx, 'read', id);
  return (await toDtos(ctx, [f]))[0]!;
}

async function activeKind(db: Db, key: string): Promise<KindRow> {
  const k = await kindByKey(db, key);
  if (!k?.active) throw new AppError('facilities.unknown_kind', 422);
  return k;
}

/** Seed 001's 四同步: each step's date no earlier than the one before it. */
function checkDates(d: {
  plannedOn?: string | null;
  builtOn?: string | null;
  acceptedOn?: string | null;
  handedOverOn?: string | null;
}) {
  const seq = [d.plannedOn, d.builtOn, d.acceptedOn, d.handedOverOn].filter((x): x is string => !!x);
  for (let i = 1; i < seq.length; i++)
    if (seq[i]! < seq[i - 1]!) throw new AppError('facilities.dates_order', 422);
}

/** Seed 003 五.2 (S003-61): an operating contract ends no earlier than it starts. */
function checkContract(d: { contractStartOn?: string | null; contractEndOn?: string | null }) {
  if (d.contractStartOn && d.contractEndOn && d.contractEndOn < d.contractStartOn)
    throw new AppError('facilities.contract_dates', 422);
}

/** The facility with this id in reach for `action` (403 without its permission, 404 out of reach). */
async function facilityFor(ctx: ActorCtx, action: FacilityAction, id: string): Promise<FacilityRow> {
  return foundInReach(facilitiesPolicy, ctx, action, () => findFacility(ctx.db, ctx.actor, action, id));
}

export async function createFacility(ctx: ActorCtx, input: FacilityBody): Promise<FacilityDto> {
  facilitiesPolicy.require(ctx.actor, 'manage');
  const unit = await unitInScope(ctx.db, ctx.actor, 'facilities.manage', input.orgUnitId);
  if (unit?.status !== 'active') throw notFound();
  if (!FACILITY_UNIT_KINDS.includes(unit.kind)) throw new AppError('facilities.unit_kind', 422);
  await activeKind(ctx.db, input.kind);
  checkDates(input);
  checkContract(input);
  const row = await insertUnitRowAudited(
    ctx,
    unit,
    insertFacility,
    {
      kind: input.kind,
      name: input.name,
      address: input.address ?? null,
      lng: input.lng ?? null,
      lat: input.lat ?? null,
      areaM2: input.areaM2 ?? null,
      officeAreaM2: input.officeAreaM2 ?? null,
      hours: input.hours ?? null,
      operator: input.operator ?? null,
      operatorKind: input.operatorKind ?? null,
      staffCount: input.staffCount,
      beds: input.beds ?? null,
      status: input.status,
      plannedOn: input.plannedOn ?? null,
      builtOn: input.builtOn ?? null,
      acceptedOn: input.acceptedOn ?? null,
      handedOverOn: input.handedOverOn ?? null,
      note: input.note ?? null,
      operationMode: input.operationMode ?? null,
      contractStartOn: input.contractStartOn ?? null,
      contractEndOn: input.contractEndOn ?? null,
      yearlyFeeFen: input.yearlyFeeFen ?? null,
      createdBy: ctx.actor.userId,
    },
    {
      action: 'facilities.create',
      entityType: 'fc_facility',
      view: (f) => ({
        kind: f.kind,
        name: f.name,
        lng: f.lng,
        lat: f.lat,
        staffCount: f.staffCount,
        status: f.status,
        operationMode: f.operationMode,
        contractStartOn: f.contractStartOn,
        contractEndOn: f.contractEndOn,
        yearlyFeeFen: f.yearlyFeeFen,
      }),
    },
  );
  return (await toDtos(ctx, [row]))[0]!;
}

export async function updateFacility(ctx: ActorCtx, id: string, input: FacilityPatch): Promise<FacilityDto> {
  const f = await facilityFor(ctx, 'manage', id);
  if (input.kind !== undefined && input.kind !== f.kind) await activeKind(ctx.db, input.kind);
  const { version, ...rest } = input;
  const patch = Object.fromEntries(
    Object.entries(rest).filter(([, v]) => v !== undefined),
  ) as Partial<FacilityRow>;
  checkDates({ ...f, ...patch });
  checkContract({ ...f, ...patch });
  const now = ctx.clock.now();
  const before: Record<string, unknown> = {};
  for (const key of Object.keys(patch)) before[key] = f[key as keyof FacilityRow];
  const row = await versionedAuditedUpdate(
    ctx,
    (tx) => updateFacilityRow(tx, f.id, version, { ...patch, updatedAt: now }),
    {
      action: 'facilities.update',
      entityType: 'fc_facility',
      stale: 'facilities.stale',
      before,
      after: () => patch,
    },
  );
  return (await toDtos(ctx, [row]))[0]!;
}

/** A facility as another module shows it: its name and kind (services' 邻里驿站 host, S000-09). */
export interface FacilityRef {
  id: string;
  name: string;
  kindNameZh: string | null;
  kindNameEn: string | null;
  orgPath: string;
}

/**
 * The facilities with these ids registered under the unit at `path` (its subtree), by id; an id of no
 * facility there is left out. The caller has scoped the unit (e.g. a station's community in its reach).
 */
export async function facilitiesUnder(
  db: Db,
  path: string,
  ids: readonly string[],
): Promise<Map<string, FacilityRef>> {
  const rows = await facilityRowsUnder(db, path, [...new Set(ids)].filter(isUuid));
  if (rows.length === 0) return new Map();
  const kinds = new Map((await allKinds(db)).map((k) => [k.key, k]));
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: r.name,
        kindNameZh: kinds.get(r.kind)?.nameZh ?? null,
        kindNameEn: kinds.get(r.kind)?.nameEn ?? null,
        orgPath: r.orgPath,
      },
    ]),
  );
}

/**
 * The coverage facts of these communities (villages), computed from coordinates (see coverageOf). The
 * caller has scoped the units; the life circle counts every facility nearby, whoever keeps it.
 */
export async function coverageOfUnits(
  db: Db,
  units: readonly OrgUnit[],
): Promise<Map<string, CoverageFacts>> {
  const out = new Map<string, CoverageFacts>();
  if (units.length === 0) return out;
  const kinds = new Map((await allKinds(db)).map((k) => [k.key, k]));
  const asCoverage = (f: FacilityRow): CoverageFacility => {
    const k = kinds.get(f.kind);
    return {
      id: f.id,
      name: f.name,
      orgPath: f.orgPath,
      lat: f.lat,
      lng: f.lng,
      staffCount: f.staffCount,
      category: (k?.category as FacilityCategory) ?? null,
      role: (k?.role as CoverageFacility['role']) ?? null,
    };
  };
  const paths = units.map((u) => u.path);
  const [own, population] = await Promise.all([
    inUseFacilitiesUnder(db, paths),
    permanentResidentsUnder(db, paths),
  ]);
  const ownFacilities = own.map(asCoverage);
  for (const u of units) {
    const point = u.lat !== null && u.lng !== null ? { lat: u.lat, lng: u.lng } : null;
    const nearby = point
      ? (await facilitiesInBox(db, boxAround(point, LIFE_CIRCLE_RADIUS_M))).map(asCoverage)
      : [];
    const attrs = u.attrs ?? {};
    out.set(
      u.id,
      coverageOf(
        {
          id: u.id,
          path: u.path,
          lat: u.lat,
          lng: u.lng,
          urbanVillage: attrs.urbanVillage === true,
          permanentResidents: population.get(u.path) ?? 0,
        },
        ownFacilities.filter((f) => f.orgPath.startsWith(u.path)),
        nearby,
      ),
    );
  }
  return out;
}

/** Per community (village) in reach, or under the unit asked for: the coverage rules (R-ORG-5, R-ORG-6, life circle). */
export async function coverage(ctx: ActorCtx, q: { orgUnitId?: string }): Promise<CoverageDto> {
  facilitiesPolicy.require(ctx.actor, 'read');
  const unit = await filterUnit(ctx, q.orgUnitId);
  let communities = await activeUnitsOfKind(ctx.db, ctx.actor, 'facilities.read', 'community', unit?.path);
  if (unit?.kind === 'community') communities = communities.filter((c) => c.id === unit.id);
  const parents = new Map(
    (
      await unitsByIds(
        ctx.db,
        communities.map((c) => c.parentId).filter((x): x is string => !!x),
      )
    ).map((u) => [u.id, u]),
  );
  const facts = await coverageOfUnits(ctx.db, communities);
  /*
   * Seed 003's council rooms (S003-25) are counted from this module's own registry — facilities of kind
   * COUNCIL_ROOM_KIND (居民议事厅, which takes in the 社区圆桌会) with a built date in the lab period — the
   * same source and test as the grid party venues below (kind + built_on). Participation's pt_rooms are
   * not counted: they keep a room's 六具备 checklist (R-DL-5), not when it was built, and another module's
   * rooms would be read through its api only. Whatever its status, a room built in the period counts, as
   * a venue does. The scope is the unit asked for, else every facility the actor reads.
   */
  const councilRoomPaths = await builtBetweenInReach(
    ctx.db,
    ctx.actor,
    unit?.path,
    COUNCIL_ROOM_KIND,
    COUNCIL_ROOM_PERIOD,
  );
  const rows: CoverageRowDto[] = communities.map((c) => {
    const f = facts.get(c.id)!;
    const attrs = c.attrs ?? {};
    return {
      communityId: c.id,
      communityName: c.name,
      subdistrictName: (c.parentId && parents.get(c.parentId)?.name) || null,
      urbanVillage: attrs.urbanVillage === true,
      ...f,
      councilRooms: councilRoomPaths.filter((p) => p.startsWith(c.path)).length,
    };
  });
  rows.sort(
    (a, b) =>
      (a.subdistrictName ?? '').localeCompare(b.subdistrictName ?? '', 'zh') ||
      a.communityName.localeCompare(b.communityName, 'zh'),
  );
  const year = new Date(ctx.clock.now().getTime() + 8 * 3_600_000).getUTCFullYear();
  const subdistricts =
    unit?.kind === 'subdistrict'
      ? [unit]
      : unit
        ? []
        : await activeUnitsOfKind(ctx.db, ctx.actor, 'facilities.read', 'subdistrict');
  const venues = [];
  for (const s of subdistricts)
    venues.push({
      subdistrictId: s.id,
      subdistrictName: s.name,
      year,
      built: await countBuiltInYear(ctx.db, s.path, GRID_PARTY_VENUE_KIND, year),
      target: GRID_PARTY_VENUES_PER_YEAR,
    });
  return {
    venues,
    councilRooms: {
      ...COUNCIL_ROOM_PERIOD,
      built: councilRoomPaths.length,
      target: COUNCIL_ROOMS_TARGET,
      met: councilRoomPaths.length >= COUNCIL_ROOMS_TARGET,
    },
    subStationDistanceM: SUB_STATION_DISTANCE_M,
    subStationStaffMin: SUB_STATION_STAFF_MIN,
    subStationStaffMax: SUB_STATION_STAFF_MAX,
    elderlyCareResidentsPerFacility: ELDERLY_CARE_RESIDENTS_PER_FACILITY,
    lifeCircleRadiusM: LIFE_CIRCLE_RADIUS_M,
    rows,
  };
}
