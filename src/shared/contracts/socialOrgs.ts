import { z } from 'zod';
import { queryBool } from './common';
import { pageQuery } from './pageQuery';
import { SOCIAL_ORG_REGISTRATIONS } from './people';
import { communityRow, timestamps, unitRef } from './dtoFields';
import { usccField } from './fields';
import { SPECIAL_GROUP_TAGS } from '../orgKinds';

/**
 * Social organisations (社会组织, issue 16 §2): the registry with its classes and members, the three-level
 * incubation, 社工站/室, 公益创投 rounds, community funds (on the ledger, disclosed), purchased-service
 * contracts and 五社联动 links. Isomorphic: the server and the web app read this file.
 */

/** Seed 004 (自治协商/矛盾调处/公益服务/兴趣活动), seed 003 (服务性/互助性) and the 社工机构 of seed 004 Ⅱ-8. */
export const SO_CATEGORIES = [
  'self_governance',
  'mediation',
  'public_welfare',
  'interest',
  'service',
  'mutual_aid',
  'social_work_agency',
] as const;
export type SoCategory = (typeof SO_CATEGORIES)[number];
/** Seed 002 三(二)7: organisations founded among 乡贤、邻里、房东. */
export const SO_FOUNDER_GROUPS = ['gentry', 'neighbours', 'landlords', 'other'] as const;
/** Seed 003 三(二)2: 区培育基地 → 街道社会组织联合会 → 社区社会组织工作室. */
export const SO_TIERS = ['district_base', 'subdistrict_federation', 'community_studio'] as const;
export type SoTier = (typeof SO_TIERS)[number];
export const SO_STAGES = ['applied', 'incubating', 'graduated', 'exited'] as const;
export type SoStage = (typeof SO_STAGES)[number];
export const PROPOSAL_STATES = ['submitted', 'granted', 'rejected', 'reported', 'closed'] as const;
export type ProposalState = (typeof PROPOSAL_STATES)[number];
export const PROPOSAL_ACTIONS = ['approve', 'reject', 'report', 'close'] as const;
export type ProposalAction = (typeof PROPOSAL_ACTIONS)[number];
export const ROUND_STATES = ['open', 'reviewing', 'closed'] as const;
export const CONTRACT_STATES = ['active', 'completed', 'terminated'] as const;
/**
 * How a contract funds the social organisation (seed 002 二.7: 采取购买服务、项目委托、以奖代补、公益创投等方式,
 * S002-14): 购买服务 `purchase`, 项目委托 `entrustment`, 以奖代补 `award_subsidy` (a reward after the results,
 * instead of a subsidy up front). 公益创投 is not a mode here: it runs through the venture rounds.
 */
export const CONTRACT_FUNDING_MODES = ['purchase', 'entrustment', 'award_subsidy'] as const;
export type ContractFundingMode = (typeof CONTRACT_FUNDING_MODES)[number];
/** R-ORG-6 (seed 002): by 2025 at least 2 public-welfare organisations with migrant members per urban village. */
export const MIGRANT_WELFARE_TARGET = 2;

const uuid = z.string().uuid();
const name = (max = 100) => z.string().trim().min(1).max(max);
const optText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v === '' || v == null ? null : v));
const day = z.iso.date();
const optDay = z.iso
  .date()
  .nullish()
  .transform((v) => v ?? null);
/** Amounts in fen (integer), at most 100 million yuan. */
const fen = z.number().int().min(1).max(10_000_000_000);

// ---- registry ----

export const orgSchema = z.object({
  id: z.string(),
  name: z.string(),
  uscc: z.string().nullable(),
  registration: z.enum(SOCIAL_ORG_REGISTRATIONS),
  category: z.enum(SO_CATEGORIES).nullable(),
  field: z.string(),
  founderGroup: z.enum(SO_FOUNDER_GROUPS).nullable(),
  publicWelfare: z.boolean(),
  migrantMembers: z.boolean(),
  memberCount: z.number(),
  migrantCount: z.number(),
  incubationTier: z.enum(SO_TIERS).nullable(),
  incubationStage: z.enum(SO_STAGES).nullable(),
  contactName: z.string().nullable(),
  ...unitRef,
  ...timestamps,
  abilities: z.object({ edit: z.boolean() }),
});
export type OrgDto = z.infer<typeof orgSchema>;

const orgFields = {
  name: name(),
  /** Checked against GB 32100 (R-LAW-CD-3) by the people registry: field error `people.uscc`. */
  uscc: usccField,
  registration: z.enum(SOCIAL_ORG_REGISTRATIONS),
  category: z.enum(SO_CATEGORIES),
  field: z.string().trim().max(50).optional(),
  founderGroup: z.enum(SO_FOUNDER_GROUPS).nullish(),
  /** Defaults from the class (public_welfare, social_work_agency, mutual_aid and service count as 公益). */
  publicWelfare: z.boolean().optional(),
  contactName: optText(50),
  orgUnitId: uuid,
};
export const orgBody = z.strictObject(orgFields);
export type OrgBody = z.infer<typeof orgBody>;
export const orgPatch = z.strictObject(orgFields).partial();
export type OrgPatch = z.infer<typeof orgPatch>;

export const orgListQuery = z.object({
  q: z.string().trim().max(50).optional(),
  orgUnitId: uuid.optional(),
  category: z.enum(SO_CATEGORIES).optional(),
  registration: z.enum(SOCIAL_ORG_REGISTRATIONS).optional(),
  tier: z.enum(SO_TIERS).optional(),
  migrantMembers: queryBool,
  ...pageQuery,
});
export type OrgListQuery = z.infer<typeof orgListQuery>;

export const memberSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  migrant: z.boolean(),
  role: z.string().nullable(),
  joinedOn: z.string().nullable(),
  createdAt: z.date(),
});
export type MemberDto = z.infer<typeof memberSchema>;
export const memberBody = z.strictObject({
  name: name(50),
  migrant: z.boolean().default(false),
  role: optText(30),
  joinedOn: optDay,
});
export type MemberBody = z.infer<typeof memberBody>;

export const urbanVillageSchema = z.object({
  ...communityRow,
  subdistrictName: z.string().nullable(),
  /** Public-welfare organisations with migrant-worker members (R-ORG-6). */
  migrantWelfareOrgs: z.number(),
  target: z.number(),
  flagged: z.boolean(),
});
export type UrbanVillageDto = z.infer<typeof urbanVillageSchema>;

// ---- incubation ----

export const incubationSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  tier: z.enum(SO_TIERS),
  stage: z.enum(SO_STAGES),
  baseName: z.string(),
  mentor: z.string().nullable(),
  startedOn: z.string(),
  endedOn: z.string().nullable(),
  outcome: z.string().nullable(),
  ...timestamps,
});
export type IncubationDto = z.infer<typeof incubationSchema>;
export const incubationBody = z.strictObject({
  orgId: uuid,
  tier: z.enum(SO_TIERS),
  stage: z.enum(SO_STAGES).default('incubating'),
  baseName: name(60),
  mentor: optText(50),
  startedOn: day,
  endedOn: optDay,
  outcome: optText(500),
});
export type IncubationBody = z.infer<typeof incubationBody>;
export const incubationPatch = z.strictObject({
  stage: z.enum(SO_STAGES).optional(),
  mentor: optText(50).optional(),
  endedOn: optDay.optional(),
  outcome: optText(500).optional(),
});
export type IncubationPatch = z.infer<typeof incubationPatch>;
export const incubationListQuery = z.object({
  orgUnitId: uuid.optional(),
  orgId: uuid.optional(),
  tier: z.enum(SO_TIERS).optional(),
  stage: z.enum(SO_STAGES).optional(),
  ...pageQuery,
});

// ---- 社工站 / 社工室 ----

export const stationSchema = z.object({
  id: z.string(),
  kind: z.enum(['station', 'room']),
  name: z.string(),
  address: z.string().nullable(),
  operatorOrgId: z.string().nullable(),
  operatorOrgName: z.string().nullable(),
  openedOn: z.string().nullable(),
  ...unitRef,
  workers: z.array(z.object({ id: z.string(), name: z.string(), qualified: z.boolean() })),
  workerCount: z.number(),
  qualifiedCount: z.number(),
  ...timestamps,
});
export type StationDto = z.infer<typeof stationSchema>;
export const stationBody = z.strictObject({
  orgUnitId: uuid,
  name: name(60),
  address: optText(200),
  operatorOrgId: uuid.nullish(),
  openedOn: optDay,
});
export type StationBody = z.infer<typeof stationBody>;
export const stationWorkerBody = z.strictObject({ workerId: uuid });
export const stationListQuery = z.object({ orgUnitId: uuid.optional(), ...pageQuery });

// ---- 公益创投 ----

export const roundSchema = z.object({
  id: z.string(),
  title: z.string(),
  year: z.number(),
  budgetFen: z.number(),
  grantedFen: z.number(),
  opensOn: z.string(),
  closesOn: z.string(),
  state: z.enum(ROUND_STATES),
  description: z.string().nullable(),
  proposalCount: z.number(),
  ...unitRef,
  ...timestamps,
});
export type RoundDto = z.infer<typeof roundSchema>;
export const roundBody = z.strictObject({
  orgUnitId: uuid,
  title: name(100),
  year: z.number().int().min(2000).max(2100),
  budgetFen: fen,
  opensOn: day,
  closesOn: day,
  description: optText(2000),
});
export type RoundBody = z.infer<typeof roundBody>;
export const roundStateBody = z.strictObject({ state: z.enum(ROUND_STATES) });
export const roundListQuery = z.object({ orgUnitId: uuid.optional(), ...pageQuery });

export const proposalSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  roundTitle: z.string().nullable(),
  orgId: z.string(),
  orgName: z.string().nullable(),
  title: z.string(),
  summary: z.string(),
  requestedFen: z.number(),
  grantFen: z.number().nullable(),
  state: z.enum(PROPOSAL_STATES),
  reportText: z.string().nullable(),
  scoreCount: z.number(),
  averageScore: z.number().nullable(),
  myScore: z.number().nullable(),
  version: z.number(),
  actions: z.array(z.enum(PROPOSAL_ACTIONS)),
  canScore: z.boolean(),
  orgUnitName: z.string().nullable(),
  ...timestamps,
});
export type ProposalDto = z.infer<typeof proposalSchema>;
export const proposalDetailSchema = proposalSchema.extend({
  scores: z.array(
    z.object({
      reviewerName: z.string().nullable(),
      score: z.number(),
      comment: z.string().nullable(),
      createdAt: z.date(),
    }),
  ),
  events: z.array(
    z.object({
      at: z.date(),
      actorName: z.string().nullable(),
      action: z.string(),
      fromState: z.string(),
      toState: z.string(),
      comment: z.string().nullable(),
    }),
  ),
});
export type ProposalDetailDto = z.infer<typeof proposalDetailSchema>;
export const proposalBody = z.strictObject({
  roundId: uuid,
  orgId: uuid,
  title: name(100),
  summary: name(2000),
  requestedFen: fen,
});
export type ProposalBody = z.infer<typeof proposalBody>;
export const scoreBody = z.strictObject({ score: z.number().int().min(0).max(100), comment: optText(500) });
export type ScoreBody = z.infer<typeof scoreBody>;
export const proposalActionBody = z.strictObject({
  action: z.enum(PROPOSAL_ACTIONS),
  version: z.number().int().min(1),
  grantFen: fen.optional(),
  comment: optText(500),
  reportText: optText(4000),
});
export type ProposalActionBody = z.infer<typeof proposalActionBody>;
export const proposalListQuery = z.object({
  roundId: uuid.optional(),
  orgUnitId: uuid.optional(),
  state: z.enum(PROPOSAL_STATES).optional(),
  /** Proposals still waiting for my score. */
  toReview: queryBool,
  ...pageQuery,
});
export type ProposalListQuery = z.infer<typeof proposalListQuery>;

// ---- community funds ----

export const fundSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  balanceFen: z.number(),
  donatedFen: z.number(),
  disbursedFen: z.number(),
  ...unitRef,
  ...timestamps,
});
export type FundDto = z.infer<typeof fundSchema>;
export const fundBody = z.strictObject({ orgUnitId: uuid, name: name(60), purpose: name(500) });
export const flowSchema = z.object({
  id: z.string(),
  fundId: z.string(),
  kind: z.enum(['donation', 'disbursement']),
  amountFen: z.number(),
  party: z.string(),
  purpose: z.string().nullable(),
  occurredOn: z.string(),
  balanceAfterFen: z.number(),
  createdAt: z.date(),
});
export type FlowDto = z.infer<typeof flowSchema>;
export const flowBody = z.strictObject({
  kind: z.enum(['donation', 'disbursement']),
  amountFen: fen,
  party: name(60),
  anonymous: z.boolean().default(false),
  purpose: optText(200),
  occurredOn: day,
});
export type FlowBody = z.infer<typeof flowBody>;
export const fundListQuery = z.object({ orgUnitId: uuid.optional(), ...pageQuery });
export const flowListQuery = z.object({ ...pageQuery });

// ---- purchased-service contracts ----

export const contractItemSchema = z.object({
  id: z.string(),
  kind: z.enum(['deliverable', 'payment']),
  title: z.string(),
  dueOn: z.string().nullable(),
  doneOn: z.string().nullable(),
  amountFen: z.number().nullable(),
  note: z.string().nullable(),
});
export const contractSchema = z.object({
  id: z.string(),
  title: z.string(),
  buyer: z.string(),
  providerOrgId: z.string(),
  providerOrgName: z.string().nullable(),
  amountFen: z.number(),
  paidFen: z.number(),
  startOn: z.string(),
  endOn: z.string(),
  fundingMode: z.enum(CONTRACT_FUNDING_MODES),
  /** The special groups it serves (seed 002 三.15, S002-34), in SPECIAL_GROUP_TAGS' order. */
  targetGroups: z.array(z.enum(SPECIAL_GROUP_TAGS)),
  beneficiaries: z.number().nullable(),
  state: z.enum(CONTRACT_STATES),
  deliverablesDone: z.number(),
  deliverablesTotal: z.number(),
  items: z.array(contractItemSchema),
  ...unitRef,
  ...timestamps,
});
export type ContractDto = z.infer<typeof contractSchema>;
export const contractBody = z.strictObject({
  orgUnitId: uuid,
  title: name(100),
  buyer: name(60),
  providerOrgId: uuid,
  amountFen: fen,
  startOn: day,
  endOn: day,
  /** 购买服务 when left out. */
  fundingMode: z.enum(CONTRACT_FUNDING_MODES).optional(),
  targetGroups: z.array(z.enum(SPECIAL_GROUP_TAGS)).max(SPECIAL_GROUP_TAGS.length).optional(),
  /** How many people it serves (受益人数). */
  beneficiaries: z.number().int().min(0).max(1_000_000).nullish(),
});
export type ContractBody = z.infer<typeof contractBody>;
/** Later: its mode, the groups it serves and (once known) how many people benefited. */
export const contractPatch = z.strictObject({
  fundingMode: z.enum(CONTRACT_FUNDING_MODES).optional(),
  targetGroups: z.array(z.enum(SPECIAL_GROUP_TAGS)).max(SPECIAL_GROUP_TAGS.length).optional(),
  beneficiaries: z.number().int().min(0).max(1_000_000).nullable().optional(),
});
export type ContractPatch = z.infer<typeof contractPatch>;
export const contractStateBody = z.strictObject({ state: z.enum(CONTRACT_STATES) });
export const contractItemBody = z.strictObject({
  kind: z.enum(['deliverable', 'payment']),
  title: name(100),
  dueOn: optDay,
  doneOn: optDay,
  amountFen: fen.nullish(),
  note: optText(500),
});
export type ContractItemBody = z.infer<typeof contractItemBody>;
export const contractItemPatch = z.strictObject({ doneOn: optDay, note: optText(500).optional() });
export const contractListQuery = z.object({
  orgUnitId: uuid.optional(),
  fundingMode: z.enum(CONTRACT_FUNDING_MODES).optional(),
  /** Only contracts serving this special group. */
  targetGroup: z.enum(SPECIAL_GROUP_TAGS).optional(),
  ...pageQuery,
});
export type ContractListQuery = z.infer<typeof contractListQuery>;
export const contractCoverageQuery = z.object({
  orgUnitId: uuid.optional(),
  fundingMode: z.enum(CONTRACT_FUNDING_MODES).optional(),
});
export type ContractCoverageQuery = z.infer<typeof contractCoverageQuery>;
const coverageCounts = { contracts: z.number(), active: z.number(), beneficiaries: z.number() };
/**
 * Purchased-service coverage per special group (seed 002 三.15, S002-34): the contracts in force or completed
 * (not terminated) naming the group, how many of them are active, and their beneficiaries summed (a contract
 * serving several groups counts under each); `total` counts each contract naming any group once, `unnamed`
 * the contracts naming none.
 */
export const contractCoverageSchema = z.object({
  groups: z.array(z.object({ group: z.enum(SPECIAL_GROUP_TAGS), ...coverageCounts })),
  total: z.object(coverageCounts),
  unnamed: z.number(),
});
export type ContractCoverageDto = z.infer<typeof contractCoverageSchema>;

// ---- 五社联动 ----

export const linkSchema = z.object({
  id: z.string(),
  subjectKind: z.enum(['case', 'project']),
  subject: z.string(),
  socialOrgId: z.string().nullable(),
  socialOrgName: z.string().nullable(),
  socialWorkerId: z.string().nullable(),
  socialWorkerName: z.string().nullable(),
  volunteer: z.string().nullable(),
  charityResource: z.string().nullable(),
  note: z.string().nullable(),
  ...unitRef,
  /** How many of the five parties (community always) the link names. */
  parties: z.number(),
  ...timestamps,
});
export type LinkDto = z.infer<typeof linkSchema>;
export const linkBody = z.strictObject({
  orgUnitId: uuid,
  subjectKind: z.enum(['case', 'project']),
  subject: name(100),
  socialOrgId: uuid.nullish(),
  socialWorkerId: uuid.nullish(),
  volunteer: optText(60),
  charityResource: optText(100),
  note: optText(500),
});
export type LinkBody = z.infer<typeof linkBody>;
export const linkListQuery = z.object({ orgUnitId: uuid.optional(), ...pageQuery });

/** A fund and its flows as residents read them (社区基金公示). */
export const publicFundSchema = z.object({
  id: z.string(),
  name: z.string(),
  purpose: z.string(),
  unitName: z.string().nullable(),
  balanceFen: z.number(),
  donatedFen: z.number(),
  disbursedFen: z.number(),
  flows: z.array(flowSchema),
});
export type PublicFundDto = z.infer<typeof publicFundSchema>;
