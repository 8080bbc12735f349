import { z } from 'zod';
import { queryBool } from './common';
import { pageQuery } from './pageQuery';
import { timestamps, unitRef } from './dtoFields';
import { clearableText as text, mobilePhone, usccField as uscc } from './fields';

/**
 * People registry contracts (issue 2 part 6): party levels and organizations, party members,
 * community and grid workers, deputies, resident units and social organizations.
 */

export const WORKER_KINDS = ['community_worker', 'grid_worker', 'social_worker'] as const;
export type WorkerKind = (typeof WORKER_KINDS)[number];

/** 四岗: the four post types of the community-worker career ladder (四岗十八级). */
export const POST_TYPES = ['secretary_director', 'deputy', 'committee_member', 'general'] as const;
export type PostType = (typeof POST_TYPES)[number];

/** 两代表一委员 */
export const DEPUTY_KINDS = ['party_congress', 'peoples_congress', 'cppcc'] as const;
export type DeputyKind = (typeof DEPUTY_KINDS)[number];

/** 驻区单位 kinds. */
export const RESIDENT_UNIT_KINDS = [
  'agency',
  'public_institution',
  'enterprise',
  'social_org',
  'other',
] as const;
export type ResidentUnitKind = (typeof RESIDENT_UNIT_KINDS)[number];

/** 登记 (registered with civil affairs) or 备案 (filed with the subdistrict). */
export const SOCIAL_ORG_REGISTRATIONS = ['registered', 'filed'] as const;
export type SocialOrgRegistration = (typeof SOCIAL_ORG_REGISTRATIONS)[number];

// ---- shared field schemas ----

const id = z.string().uuid();
const personName = z.string().trim().min(1).max(50);
const orgName = z.string().trim().min(1).max(100);
const isoDate = z.iso.date().nullish();
const phone = mobilePhone.nullish();
const tagList = (maxItems: number, maxLength: number) =>
  z.array(z.string().trim().min(1).max(maxLength)).max(maxItems);
const listBase = {
  q: z.string().trim().max(50).optional(),
  /** Rows in this unit's subtree. */
  orgUnitId: id.optional(),
  ...pageQuery,
};

const editAbilities = z.object({ edit: z.boolean() });

export const pageParams = z.object(pageQuery);
export type PageParams = z.infer<typeof pageParams>;

// ---- party organization levels (R-ORG-2) ----

export const partyLevelSchema = z.object({ id: z.string(), rank: z.number(), name: z.string() });
export type PartyLevelDto = z.infer<typeof partyLevelSchema>;

/** The scheme a unit uses: its own, or the nearest one up its path. */
export const partySchemeSchema = z.object({
  orgUnitId: z.string(),
  schemeUnitId: z.string().nullable(),
  schemeUnitName: z.string().nullable(),
  inherited: z.boolean(),
  levels: z.array(partyLevelSchema),
  abilities: z.object({ replace: z.boolean() }),
});
export type PartySchemeDto = z.infer<typeof partySchemeSchema>;

export const partySchemeListItem = z.object({
  ...unitRef,
  orgUnitKind: z.string().nullable(),
  levels: z.array(partyLevelSchema),
});

export const partySchemeQuery = z.object({ orgUnitId: id });

export const replacePartySchemeBody = z.strictObject({
  /** Level names from the top down; an empty list drops the unit's own scheme (it inherits again). */
  names: z
    .array(z.string().trim().min(1).max(30))
    .max(10)
    .superRefine((names, ctx) => {
      if (new Set(names).size !== names.length)
        ctx.addIssue({ code: 'custom', message: 'people.level_duplicate' });
    }),
});
export type ReplacePartySchemeBody = z.infer<typeof replacePartySchemeBody>;

export const renamePartyLevelBody = z.strictObject({ name: z.string().trim().min(1).max(30) });

// ---- party organizations ----

export const partyOrgSchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  parentName: z.string().nullable(),
  levelId: z.string(),
  levelName: z.string().nullable(),
  levelRank: z.number().nullable(),
  name: z.string(),
  ...unitRef,
  secretary: z.string().nullable(),
  ...timestamps,
  abilities: editAbilities,
});
export type PartyOrgDto = z.infer<typeof partyOrgSchema>;

export const partyOrgDetailSchema = partyOrgSchema.extend({
  childCount: z.number(),
  memberCount: z.number(),
});

const partyOrgFields = {
  name: orgName,
  orgUnitId: id,
  levelId: id,
  parentId: id.nullish(),
  secretary: text(50),
};
export const createPartyOrgBody = z.strictObject(partyOrgFields);
export type CreatePartyOrgBody = z.infer<typeof createPartyOrgBody>;
export const updatePartyOrgBody = z.strictObject(partyOrgFields).partial();
export type UpdatePartyOrgBody = z.infer<typeof updatePartyOrgBody>;

export const partyOrgListQuery = z.object({ ...listBase, parentId: id.optional(), levelId: id.optional() });
export type PartyOrgListQuery = z.infer<typeof partyOrgListQuery>;

// ---- party members ----

export const partyMemberSchema = z.object({
  id: z.string(),
  residentId: z.string().nullable(),
  name: z.string(),
  partyOrgId: z.string().nullable(),
  partyOrgName: z.string().nullable(),
  ...unitRef,
  joinedOn: z.string().nullable(),
  reporting: z.boolean(),
  employer: z.string().nullable(),
  reportedOn: z.string().nullable(),
  skills: z.array(z.string()),
  isCentralHousehold: z.boolean(),
  ...timestamps,
  abilities: editAbilities,
});
export type PartyMemberDto = z.infer<typeof partyMemberSchema>;

const partyMemberFields = {
  /** When linked to a resident, name and unit default to the resident's. */
  residentId: id.nullish(),
  name: personName.optional(),
  orgUnitId: id.optional(),
  partyOrgId: id.nullish(),
  joinedOn: isoDate,
  /** 在职党员到社区报到: employed elsewhere, reporting to the community where they live. */
  reporting: z.boolean().optional(),
  employer: text(100),
  reportedOn: isoDate,
  skills: tagList(20, 30).optional(),
  isCentralHousehold: z.boolean().optional(),
};
export const createPartyMemberBody = z.strictObject(partyMemberFields);
export type CreatePartyMemberBody = z.infer<typeof createPartyMemberBody>;
export const updatePartyMemberBody = z.strictObject(partyMemberFields);
export type UpdatePartyMemberBody = z.infer<typeof updatePartyMemberBody>;

export const partyMemberListQuery = z.object({
  ...listBase,
  partyOrgId: id.optional(),
  reporting: queryBool,
  centralHousehold: queryBool,
  skill: z.string().trim().max(30).optional(),
});
export type PartyMemberListQuery = z.infer<typeof partyMemberListQuery>;

// ---- workers ----

export const gridRefSchema = z.object({ id: z.string(), name: z.string() });

export const workerSchema = z.object({
  id: z.string(),
  name: z.string(),
  gender: z.enum(['male', 'female']).nullable(),
  ...unitRef,
  kind: z.enum(WORKER_KINDS),
  postType: z.enum(POST_TYPES).nullable(),
  grade: z.number().nullable(),
  /** Grid workers: part-time (兼职) rather than full-time (专职), seed 003's 专兼结合. */
  partTime: z.boolean(),
  qualifications: z.array(z.string()),
  /** Always masked (R-LAW-PI-1). */
  phone: z.string().nullable(),
  userId: z.string().nullable(),
  active: z.boolean(),
  grids: z.array(gridRefSchema),
  ...timestamps,
  abilities: z.object({
    edit: z.boolean(),
    deactivate: z.boolean(),
    activate: z.boolean(),
    assignGrids: z.boolean(),
  }),
});
export type WorkerDto = z.infer<typeof workerSchema>;

const workerFields = {
  name: personName,
  gender: z.enum(['male', 'female']).nullish(),
  orgUnitId: id,
  kind: z.enum(WORKER_KINDS),
  /** Required for community workers, absent for the others. */
  postType: z.enum(POST_TYPES).nullish(),
  /** 十八级 */
  grade: z.number().int().min(1).max(18).nullish(),
  /** Grid workers only: part-time (兼职) rather than full-time (专职). */
  partTime: z.boolean().optional(),
  qualifications: tagList(10, 50),
  phone,
  userId: id.nullish(),
};
export const createWorkerBody = z.strictObject({
  ...workerFields,
  qualifications: workerFields.qualifications.default([]),
});
export type CreateWorkerBody = z.infer<typeof createWorkerBody>;
export const updateWorkerBody = z.strictObject(workerFields).partial();
export type UpdateWorkerBody = z.infer<typeof updateWorkerBody>;

export const workerListQuery = z.object({
  ...listBase,
  kind: z.enum(WORKER_KINDS).optional(),
  postType: z.enum(POST_TYPES).optional(),
  /** Workers assigned to this grid. */
  gridId: id.optional(),
  status: z.enum(['active', 'inactive', 'all']).default('active'),
});
export type WorkerListQuery = z.infer<typeof workerListQuery>;

export const assignGridBody = z.strictObject({ gridId: id });

// ---- deputies (两代表一委员) ----

export const deputySchema = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(DEPUTY_KINDS),
  level: z.string(),
  ...unitRef,
  residentId: z.string().nullable(),
  ...timestamps,
  abilities: editAbilities,
});
export type DeputyDto = z.infer<typeof deputySchema>;

const deputyFields = {
  name: personName,
  kind: z.enum(DEPUTY_KINDS),
  /** The congress's level, e.g. 区, 市, 省. */
  level: z.string().trim().min(1).max(20),
  orgUnitId: id,
  residentId: id.nullish(),
};
export const createDeputyBody = z.strictObject(deputyFields);
export type CreateDeputyBody = z.infer<typeof createDeputyBody>;
export const updateDeputyBody = z.strictObject(deputyFields).partial();
export type UpdateDeputyBody = z.infer<typeof updateDeputyBody>;

export const deputyListQuery = z.object({ ...listBase, kind: z.enum(DEPUTY_KINDS).optional() });
export type DeputyListQuery = z.infer<typeof deputyListQuery>;

// ---- resident units (驻区单位) ----

export const residentUnitSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  kind: z.enum(RESIDENT_UNIT_KINDS),
  address: z.string().nullable(),
  contactName: z.string().nullable(),
  /** Always masked (R-LAW-PI-1). */
  contactPhone: z.string().nullable(),
  ...unitRef,
  ...timestamps,
  abilities: editAbilities,
});
export type ResidentUnitDto = z.infer<typeof residentUnitSchema>;

const residentUnitFields = {
  name: orgName,
  uscc,
  kind: z.enum(RESIDENT_UNIT_KINDS),
  address: text(200),
  contactName: text(50),
  contactPhone: phone,
  orgUnitId: id,
};
export const createResidentUnitBody = z.strictObject(residentUnitFields);
export type CreateResidentUnitBody = z.infer<typeof createResidentUnitBody>;
export const updateResidentUnitBody = z.strictObject(residentUnitFields).partial();
export type UpdateResidentUnitBody = z.infer<typeof updateResidentUnitBody>;

export const residentUnitListQuery = z.object({ ...listBase, kind: z.enum(RESIDENT_UNIT_KINDS).optional() });
export type ResidentUnitListQuery = z.infer<typeof residentUnitListQuery>;

// ---- social organizations (社区社会组织) ----

export const socialOrgSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  registration: z.enum(SOCIAL_ORG_REGISTRATIONS),
  field: z.string(),
  publicWelfare: z.boolean(),
  migrantMembers: z.boolean(),
  memberCount: z.number(),
  ...unitRef,
  ...timestamps,
  abilities: editAbilities,
});
export type SocialOrgDto = z.infer<typeof socialOrgSchema>;

const socialOrgFields = {
  name: orgName,
  uscc,
  registration: z.enum(SOCIAL_ORG_REGISTRATIONS),
  /** The service field, e.g. 志愿服务, 文体, 调解. */
  field: z.string().trim().min(1).max(50),
  publicWelfare: z.boolean(),
  /** R-ORG-6: public-welfare organizations with migrant-worker members. */
  migrantMembers: z.boolean(),
  memberCount: z.number().int().min(0).max(1_000_000),
  orgUnitId: id,
};
export const createSocialOrgBody = z.strictObject({
  ...socialOrgFields,
  publicWelfare: socialOrgFields.publicWelfare.default(false),
  migrantMembers: socialOrgFields.migrantMembers.default(false),
  memberCount: socialOrgFields.memberCount.default(0),
});
export type CreateSocialOrgBody = z.infer<typeof createSocialOrgBody>;
export const updateSocialOrgBody = z.strictObject(socialOrgFields).partial();
export type UpdateSocialOrgBody = z.infer<typeof updateSocialOrgBody>;

export const socialOrgListQuery = z.object({
  ...listBase,
  registration: z.enum(SOCIAL_ORG_REGISTRATIONS).optional(),
  publicWelfare: queryBool,
  migrantMembers: queryBool,
});
export type SocialOrgListQuery = z.infer<typeof socialOrgListQuery>;
