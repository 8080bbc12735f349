import { and, asc, eq, or } from 'drizzle-orm';
import type {
  CreateDeputyBody,
  CreateResidentUnitBody,
  CreateSocialOrgBody,
  DeputyKind,
  DeputyListQuery,
  ResidentUnitKind,
  ResidentUnitListQuery,
  SocialOrgListQuery,
  SocialOrgRegistration,
  UpdateDeputyBody,
  UpdateResidentUnitBody,
  UpdateSocialOrgBody,
} from '../../../shared/contracts/people';
import { isValidUscc } from '../../../shared/validation/codes';
import { insertAudited, sentFields, updateAudited } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import { maskPhone } from '../../platform/crypto';
import { AppError, invalidField } from '../../platform/errors';
import { peoplePolicy } from './people.policy';
import { usccTakenIn } from './units.repository';
import type { OrgUnit } from '../org/org.api';
import {
  findScoped,
  isUniqueViolation,
  linkedResident,
  nameLike,
  type PeoplePermission,
  subtreeWhere,
  unitForWrite,
  unitNames,
  writable,
  listInReach,
} from './people.common';
import { deputies, residentUnits, socialOrgs } from './people.table';

type DeputyRow = typeof deputies.$inferSelect;
type ResidentUnitRow = typeof residentUnits.$inferSelect;
type SocialOrgRow = typeof socialOrgs.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Deputies (两代表一委员): party congress delegates, people's congress deputies, CPPCC members.
// ---------------------------------------------------------------------------------------------

async function deputyDtos(ctx: ActorCtx, rows: DeputyRow[]) {
  const units = await unitNames(
    ctx.db,
    rows.map((r) => r.orgUnitId),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as DeputyKind,
    level: r.level,
    orgUnitId: r.orgUnitId,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    residentId: r.residentId,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    abilities: { edit: writable(ctx, r.orgPath) },
  }));
}

const findDeputy = (ctx: ActorCtx, id: string, permission: PeoplePermission) =>
  findScoped(ctx, deputies, id, permission);

export async function listDeputies(ctx: ActorCtx, q: DeputyListQuery) {
  peoplePolicy.require(ctx.actor, 'read');
  const filter = and(
    await subtreeWhere(ctx, q.orgUnitId, deputies.orgPath),
    nameLike(deputies.name, q.q),
    q.kind ? eq(deputies.kind, q.kind) : undefined,
  );
  return listInReach(ctx, deputyDtos, {
    table: deputies,
    filter,
    orderBy: [asc(deputies.kind), asc(deputies.name), asc(deputies.id)],
    page: q,
  });
}

export async function getDeputy(ctx: ActorCtx, id: string) {
  peoplePolicy.require(ctx.actor, 'read');
  return (await deputyDtos(ctx, [await findDeputy(ctx, id, 'people.read')]))[0]!;
}

export async function createDeputy(ctx: ActorCtx, input: CreateDeputyBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const unit = await unitForWrite(ctx, input.orgUnitId);
  if (input.residentId) await linkedResident(ctx, input.residentId);
  const id = ctx.ids();
  const now = ctx.clock.now();
  const row = await insertAudited(
    ctx,
    deputies,
    {
      id,
      name: input.name,
      kind: input.kind,
      level: input.level,
      orgUnitId: unit.id,
      orgPath: unit.path,
      residentId: input.residentId ?? null,
      createdAt: now,
      updatedAt: now,
    },
    { action: 'people.deputy.create', entityType: 'deputy' },
  );
  return (await deputyDtos(ctx, [row]))[0]!;
}

export async function updateDeputy(ctx: ActorCtx, id: string, input: UpdateDeputyBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const before = await findDeputy(ctx, id, 'people.write');
  const unit = await movedUnit(ctx, input.orgUnitId, before.orgUnitId);
  if (input.residentId && input.residentId !== before.residentId) await linkedResident(ctx, input.residentId);
  const row = await updateAudited(
    ctx,
    deputies,
    before,
    {
      ...sentFields(input, ['name', 'kind', 'level', 'residentId']),
      ...movedTo(unit),
      updatedAt: ctx.clock.now(),
    },
    { action: 'people.deputy.update', entityType: 'deputy' },
  );
  return (await deputyDtos(ctx, [row]))[0]!;
}

/** The new unit when an update moves a row, else null. */
async function movedUnit(
  ctx: ActorCtx,
  orgUnitId: string | undefined,
  current: string,
): Promise<OrgUnit | null> {
  return orgUnitId !== undefined && orgUnitId !== current ? unitForWrite(ctx, orgUnitId) : null;
}

/** The unit columns an update sets when it moves the row to `unit` (none when it stays). */
const movedTo = (unit: OrgUnit | null) => (unit ? { orgUnitId: unit.id, orgPath: unit.path } : {});

/** Runs a write that may meet a USCC unique index; a violation (two requests racing past the check) is 409. */
async function usccUnique<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (err) {
    if (isUniqueViolation(err)) throw usccTaken();
    throw err;
  }
}

// ---------------------------------------------------------------------------------------------
// Unified social credit codes (R-LAW-CD-3), shared by resident units and social organizations.
// ---------------------------------------------------------------------------------------------

function checkUsccFormat(uscc: string | null | undefined) {
  if (uscc && !isValidUscc(uscc)) throw invalidField('uscc', 'people.uscc');
}

const usccTaken = () =>
  new AppError('people.uscc_taken', 409, {}, { fields: [{ path: 'uscc', code: 'people.uscc_taken' }] });

// ---------------------------------------------------------------------------------------------
// Resident units (驻区单位): agencies and companies located in the area.
// ---------------------------------------------------------------------------------------------

async function residentUnitDtos(ctx: ActorCtx, rows: ResidentUnitRow[]) {
  const units = await unitNames(
    ctx.db,
    rows.map((r) => r.orgUnitId),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    kind: r.kind as ResidentUnitKind,
    address: r.address,
    contactName: r.contactName,
    contactPhone: r.contactPhoneMask,
    orgUnitId: r.orgUnitId,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    abilities: { edit: writable(ctx, r.orgPath) },
  }));
}

/** The audit trail keeps no contact phone, in clear, encrypted or masked (R-LAW-PI-1). */
function residentUnitAuditView(r: ResidentUnitRow) {
  const { contactPhoneEnc: _enc, contactPhoneMask: _mask, ...rest } = r;
  return rest;
}

const findResidentUnit = (ctx: ActorCtx, id: string, permission: PeoplePermission) =>
  findScoped(ctx, residentUnits, id, permission);

/** A USCC identifies one unit across the platform (the unique index is platform-wide). */
async function checkResidentUnitUscc(ctx: ActorCtx, uscc: string | null | undefined, selfId?: string) {
  checkUsccFormat(uscc);
  if (!uscc) return;
  if (await usccTakenIn(ctx.db, residentUnits, uscc, selfId)) throw usccTaken();
}

function sealContactPhone(ctx: ActorCtx, phone: string | null | undefined) {
  if (phone === undefined) return {};
  const v = phone ? phone.replace(/[\s-]/g, '').replace(/^\+?86/, '') : null;
  return { contactPhoneEnc: v ? ctx.pii.encrypt(v) : null, contactPhoneMask: v ? maskPhone(v) : null };
}

export async function listResidentUnits(ctx: ActorCtx, q: ResidentUnitListQuery) {
  peoplePolicy.require(ctx.actor, 'read');
  const filter = and(
    await subtreeWhere(ctx, q.orgUnitId, residentUnits.orgPath),
    q.q ? or(nameLike(residentUnits.name, q.q), eq(residentUnits.uscc, q.q.toUpperCase())) : undefined,
    q.kind ? eq(residentUnits.kind, q.kind) : undefined,
  );
  return listInReach(ctx, residentUnitDtos, {
    table: residentUnits,
    filter,
    orderBy: [asc(residentUnits.name), asc(residentUnits.id)],
    page: q,
  });
}

export async function getResidentUnit(ctx: ActorCtx, id: string) {
  peoplePolicy.require(ctx.actor, 'read');
  return (await residentUnitDtos(ctx, [await findResidentUnit(ctx, id, 'people.read')]))[0]!;
}

export async function createResidentUnit(ctx: ActorCtx, input: CreateResidentUnitBody) {
  peoplePolicy.require(ctx.actor, 'write');
  checkUsccFormat(input.uscc);
  const unit = await unitForWrite(ctx, input.orgUnitId);
  await checkResidentUnitUscc(ctx, input.uscc);
  const id = ctx.ids();
  const now = ctx.clock.now();
  const row = await usccUnique(() =>
    insertAudited(
      ctx,
      residentUnits,
      {
        id,
        name: input.name,
        uscc: input.uscc ?? null,
        kind: input.kind,
        address: input.address ?? null,
        contactName: input.contactName ?? null,
        ...sealContactPhone(ctx, input.contactPhone),
        orgUnitId: unit.id,
        orgPath: unit.path,
        createdAt: now,
        updatedAt: now,
      },
      { action: 'people.resident_unit.create', entityType: 'resident_unit', view: residentUnitAuditView },
    ),
  );
  return (await residentUnitDtos(ctx, [row]))[0]!;
}

export async function updateResidentUnit(ctx: ActorCtx, id: string, input: UpdateResidentUnitBody) {
  peoplePolicy.require(ctx.actor, 'write');
  checkUsccFormat(input.uscc);
  const before = await findResidentUnit(ctx, id, 'people.write');
  const unit = await movedUnit(ctx, input.orgUnitId, before.orgUnitId);
  if (input.uscc !== undefined) await checkResidentUnitUscc(ctx, input.uscc, id);
  const row = await usccUnique(() =>
    updateAudited(
      ctx,
      residentUnits,
      before,
      {
        ...sentFields(input, ['name', 'uscc', 'kind', 'address', 'contactName']),
        ...sealContactPhone(ctx, input.contactPhone),
        ...movedTo(unit),
        updatedAt: ctx.clock.now(),
      },
      {
        action: 'people.resident_unit.update',
        entityType: 'resident_unit',
        view: residentUnitAuditView,
        extra: { contactPhoneChanged: input.contactPhone !== undefined },
      },
    ),
  );
  return (await residentUnitDtos(ctx, [row]))[0]!;
}

// ---------------------------------------------------------------------------------------------
// Community social organizations (社区社会组织), registered (登记) or filed (备案). R-ORG-6 counts the
// public-welfare ones with migrant-worker members.
// ---------------------------------------------------------------------------------------------

async function socialOrgDtos(ctx: ActorCtx, rows: SocialOrgRow[]) {
  const units = await unitNames(
    ctx.db,
    rows.map((r) => r.orgUnitId),
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    registration: r.registration as SocialOrgRegistration,
    field: r.field,
    publicWelfare: r.publicWelfare,
    migrantMembers: r.migrantMembers,
    memberCount: r.memberCount,
    orgUnitId: r.orgUnitId,
    orgUnitName: units.get(r.orgUnitId) ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    abilities: { edit: writable(ctx, r.orgPath) },
  }));
}

const findSocialOrg = (ctx: ActorCtx, id: string, permission: PeoplePermission) =>
  findScoped(ctx, socialOrgs, id, permission);

async function checkSocialOrgUscc(ctx: ActorCtx, uscc: string | null | undefined, selfId?: string) {
  checkUsccFormat(uscc);
  if (!uscc) return;
  if (await usccTakenIn(ctx.db, socialOrgs, uscc, selfId)) throw usccTaken();
}

export async function listSocialOrgs(ctx: ActorCtx, q: SocialOrgListQuery) {
  peoplePolicy.require(ctx.actor, 'read');
  const filter = and(
    await subtreeWhere(ctx, q.orgUnitId, socialOrgs.orgPath),
    q.q ? or(nameLike(socialOrgs.name, q.q), nameLike(socialOrgs.field, q.q)) : undefined,
    q.registration ? eq(socialOrgs.registration, q.registration) : undefined,
    q.publicWelfare !== undefined ? eq(socialOrgs.publicWelfare, q.publicWelfare) : undefined,
    q.migrantMembers !== undefined ? eq(socialOrgs.migrantMembers, q.migrantMembers) : undefined,
  );
  return listInReach(ctx, socialOrgDtos, {
    table: socialOrgs,
    filter,
    orderBy: [asc(socialOrgs.name), asc(socialOrgs.id)],
    page: q,
  });
}

export async function getSocialOrg(ctx: ActorCtx, id: string) {
  peoplePolicy.require(ctx.actor, 'read');
  return (await socialOrgDtos(ctx, [await findSocialOrg(ctx, id, 'people.read')]))[0]!;
}

export async function createSocialOrg(ctx: ActorCtx, input: CreateSocialOrgBody) {
  peoplePolicy.require(ctx.actor, 'write');
  checkUsccFormat(input.uscc);
  const unit = await unitForWrite(ctx, input.orgUnitId);
  await checkSocialOrgUscc(ctx, input.uscc);
  const id = ctx.ids();
  const now = ctx.clock.now();
  const row = await insertAudited(
    ctx,
    socialOrgs,
    {
      id,
      name: input.name,
      uscc: input.uscc ?? null,
      registration: input.registration,
      field: input.field,
      publicWelfare: input.publicWelfare,
      migrantMembers: input.migrantMembers,
      memberCount: input.memberCount,
      orgUnitId: unit.id,
      orgPath: unit.path,
      createdAt: now,
      updatedAt: now,
    },
    { action: 'people.social_org.create', entityType: 'social_org' },
  );
  return (await socialOrgDtos(ctx, [row]))[0]!;
}

export async function updateSocialOrg(ctx: ActorCtx, id: string, input: UpdateSocialOrgBody) {
  peoplePolicy.require(ctx.actor, 'write');
  checkUsccFormat(input.uscc);
  const before = await findSocialOrg(ctx, id, 'people.write');
  const unit = await movedUnit(ctx, input.orgUnitId, before.orgUnitId);
  if (input.uscc !== undefined) await checkSocialOrgUscc(ctx, input.uscc, id);
  const row = await updateAudited(
    ctx,
    socialOrgs,
    before,
    {
      ...sentFields(input, [
        'name',
        'uscc',
        'registration',
        'field',
        'publicWelfare',
        'migrantMembers',
        'memberCount',
      ]),
      ...movedTo(unit),
      updatedAt: ctx.clock.now(),
    },
    { action: 'people.social_org.update', entityType: 'social_org' },
  );
  return (await socialOrgDtos(ctx, [row]))[0]!;
}
