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
import { sentFields } from '../../platform/auditedRows';
import type { ActorCtx } from '../../platform/context';
import { AppError, invalidField } from '../../platform/errors';
import { maskedPhoneFields } from '../../platform/sealedFields';
import { peoplePolicy } from './people.policy';
import {
  deputyFilters,
  deputyRows,
  residentUnitFilters,
  residentUnitRows,
  socialOrgFilters,
  socialOrgRows,
  usccTakenIn,
} from './units.repository';
import {
  isUniqueViolation,
  linkedResident,
  movedTo,
  movedUnit,
  registryRecords,
  unitForWrite,
  unitRowDtos,
} from './people.common';
import type { deputies, residentUnits, socialOrgs } from './people.table';

type DeputyRow = typeof deputies.$inferSelect;
type ResidentUnitRow = typeof residentUnits.$inferSelect;
type SocialOrgRow = typeof socialOrgs.$inferSelect;

// ---------------------------------------------------------------------------------------------
// Deputies (两代表一委员): party congress delegates, people's congress deputies, CPPCC members.
// ---------------------------------------------------------------------------------------------

const deputyRecords = registryRecords(deputyRows, (ctx, rows: DeputyRow[]) =>
  unitRowDtos(ctx, rows, (r) => ({
    id: r.id,
    name: r.name,
    kind: r.kind as DeputyKind,
    level: r.level,
    residentId: r.residentId,
  })),
);

export function listDeputies(ctx: ActorCtx, q: DeputyListQuery) {
  return deputyRecords.list(ctx, q, () => deputyFilters(q));
}

export const getDeputy = (ctx: ActorCtx, id: string) => deputyRecords.get(ctx, id);

export async function createDeputy(ctx: ActorCtx, input: CreateDeputyBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const unit = await unitForWrite(ctx, input.orgUnitId);
  if (input.residentId) await linkedResident(ctx, input.residentId);
  return deputyRecords.insert(
    ctx,
    unit,
    { name: input.name, kind: input.kind, level: input.level, residentId: input.residentId ?? null },
    { action: 'people.deputy.create', entityType: 'deputy' },
  );
}

export async function updateDeputy(ctx: ActorCtx, id: string, input: UpdateDeputyBody) {
  peoplePolicy.require(ctx.actor, 'write');
  const before = await deputyRecords.find(ctx, id, 'people.write');
  const unit = await movedUnit(ctx, input.orgUnitId, before.orgUnitId);
  if (input.residentId && input.residentId !== before.residentId) await linkedResident(ctx, input.residentId);
  return deputyRecords.update(
    ctx,
    before,
    { ...sentFields(input, ['name', 'kind', 'level', 'residentId']), ...movedTo(unit) },
    { action: 'people.deputy.update', entityType: 'deputy' },
  );
}

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

/** A USCC identifies one unit (or one organization) across the platform (the unique index is platform-wide). */
async function checkUscc(
  ctx: ActorCtx,
  kind: 'resident_unit' | 'social_org',
  uscc: string | null | undefined,
  selfId?: string,
) {
  checkUsccFormat(uscc);
  if (!uscc) return;
  if (await usccTakenIn(ctx.db, kind, uscc, selfId)) throw usccTaken();
}

// ---------------------------------------------------------------------------------------------
// Resident units (驻区单位): agencies and companies located in the area.
// ---------------------------------------------------------------------------------------------

const residentUnitRecords = registryRecords(residentUnitRows, (ctx, rows: ResidentUnitRow[]) =>
  unitRowDtos(ctx, rows, (r) => ({
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    kind: r.kind as ResidentUnitKind,
    address: r.address,
    contactName: r.contactName,
    contactPhone: r.contactPhoneMask,
  })),
);

/** The audit trail keeps no contact phone, in clear, encrypted or masked (R-LAW-PI-1). */
function residentUnitAuditView(r: ResidentUnitRow) {
  const { contactPhoneEnc: _enc, contactPhoneMask: _mask, ...rest } = r;
  return rest;
}

export function listResidentUnits(ctx: ActorCtx, q: ResidentUnitListQuery) {
  return residentUnitRecords.list(ctx, q, () => residentUnitFilters(q));
}

export const getResidentUnit = (ctx: ActorCtx, id: string) => residentUnitRecords.get(ctx, id);

export async function createResidentUnit(ctx: ActorCtx, input: CreateResidentUnitBody) {
  peoplePolicy.require(ctx.actor, 'write');
  checkUsccFormat(input.uscc);
  const unit = await unitForWrite(ctx, input.orgUnitId);
  await checkUscc(ctx, 'resident_unit', input.uscc);
  return usccUnique(() =>
    residentUnitRecords.insert(
      ctx,
      unit,
      {
        name: input.name,
        uscc: input.uscc ?? null,
        kind: input.kind,
        address: input.address ?? null,
        contactName: input.contactName ?? null,
        ...maskedPhoneFields(ctx.pii, 'contactPhone', input.contactPhone),
      },
      { action: 'people.resident_unit.create', entityType: 'resident_unit', view: residentUnitAuditView },
    ),
  );
}

export async function updateResidentUnit(ctx: ActorCtx, id: string, input: UpdateResidentUnitBody) {
  peoplePolicy.require(ctx.actor, 'write');
  checkUsccFormat(input.uscc);
  const before = await residentUnitRecords.find(ctx, id, 'people.write');
  const unit = await movedUnit(ctx, input.orgUnitId, before.orgUnitId);
  if (input.uscc !== undefined) await checkUscc(ctx, 'resident_unit', input.uscc, id);
  return usccUnique(() =>
    residentUnitRecords.update(
      ctx,
      before,
      {
        ...sentFields(input, ['name', 'uscc', 'kind', 'address', 'contactName']),
        ...maskedPhoneFields(ctx.pii, 'contactPhone', input.contactPhone),
        ...movedTo(unit),
      },
      {
        action: 'people.resident_unit.update',
        entityType: 'resident_unit',
        view: residentUnitAuditView,
        extra: { contactPhoneChanged: input.contactPhone !== undefined },
      },
    ),
  );
}

// ---------------------------------------------------------------------------------------------
// Community social organizations (社区社会组织), registered (登记) or filed (备案). R-ORG-6 counts the
// public-welfare ones with migrant-worker members.
// ---------------------------------------------------------------------------------------------

const socialOrgRecords = registryRecords(socialOrgRows, (ctx, rows: SocialOrgRow[]) =>
  unitRowDtos(ctx, rows, (r) => ({
    id: r.id,
    name: r.name,
    uscc: r.uscc,
    registration: r.registration as SocialOrgRegistration,
    field: r.field,
    publicWelfare: r.publicWelfare,
    migrantMembers: r.migrantMembers,
    memberCount: r.memberCount,
  })),
);

export function listSocialOrgs(ctx: ActorCtx, q: SocialOrgListQuery) {
  return socialOrgRecords.list(ctx, q, () => socialOrgFilters(q));
}

export const getSocialOrg = (ctx: ActorCtx, id: string) => socialOrgRecords.get(ctx, id);

export async function createSocialOrg(ctx: ActorCtx, input: CreateSocialOrgBody) {
  peoplePolicy.require(ctx.actor, 'write');
  checkUsccFormat(input.uscc);
  const unit = await unitForWrite(ctx, input.orgUnitId);
  await checkUscc(ctx, 'social_org', input.uscc);
  return socialOrgRecords.insert(
    ctx,
    unit,
    {
      name: input.name,
      uscc: input.uscc ?? null,
      registration: input.registration,
      field: input.field,
      publicWelfare: input.publicWelfare,
      migrantMembers: input.migrantMembers,
      memberCount: input.memberCount,
    },
    { action: 'people.social_org.create', entityType: 'social_org' },
  );
}

export async function updateSocialOrg(ctx: ActorCtx, id: string, input: UpdateSocialOrgBody) {
  peoplePolicy.require(ctx.actor, 'write');
  checkUsccFormat(input.uscc);
  const before = await socialOrgRecords.find(ctx, id, 'people.write');
  const unit = await movedUnit(ctx, input.orgUnitId, before.orgUnitId);
  if (input.uscc !== undefined) await checkUscc(ctx, 'social_org', input.uscc, id);
  return socialOrgRecords.update(
    ctx,
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
    },
    { action: 'people.social_org.update', entityType: 'social_org' },
  );
}
