import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import {
  childColumns,
  eventColumns,
  pathIndex,
  scopedColumns,
  timestamps,
  ts,
  versionedTimestamps,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * The social-organisation capability (issue 16 §2) on top of the people module's registry
 * (`social_orgs`, reached only through `people.api.ts`): a profile per organisation (class, founder
 * group, 社工机构 flag), its members (migrant workers counted for R-ORG-6), the three-level incubation,
 * 社工站/室, 公益创投 rounds, community funds on the ledger, purchased-service contracts and 五社联动 links.
 */

/** One per social organisation (`id` = `social_orgs.id`), at the organisation's unit. */
export const soProfiles = scopedTable('so_profiles', {
  /** self_governance | mediation | public_welfare | interest | service | mutual_aid | social_work_agency */
  category: text('category').notNull(),
  /** 乡贤 | 邻里 | 房东 | other (seed 002), optional */
  founderGroup: text('founder_group'),
  /** The three-level incubation tier the organisation sits at now (null: not incubated). */
  incubationTier: text('incubation_tier'),
  /** applied | incubating | graduated | exited */
  incubationStage: text('incubation_stage'),
  contactName: text('contact_name'),
  ...timestamps(),
});

/** Members of an organisation; migrant workers (外来务工人员) are flagged (R-ORG-6). */
export const soMembers = pgTable(
  'so_members',
  {
    ...childColumns('orgId', 'org_id'),
    name: text('name').notNull(),
    migrant: boolean('migrant').notNull().default(false),
    role: text('role'),
    joinedOn: text('joined_on'),
    removedAt: ts('removed_at'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('so_members_org_idx').on(t.orgId), pathIndex('so_members_path_idx', t.orgPath)],
);

/** Incubation records: district base → subdistrict federation → community studio (seed 003 三(二)2). */
export const soIncubations = pgTable(
  'so_incubations',
  {
    ...childColumns('orgId', 'org_id'),
    /** district_base | subdistrict_federation | community_studio */
    tier: text('tier').notNull(),
    /** applied | incubating | graduated | exited */
    stage: text('stage').notNull(),
    baseName: text('base_name').notNull(),
    mentor: text('mentor'),
    startedOn: text('started_on').notNull(),
    endedOn: text('ended_on'),
    outcome: text('outcome'),
    ...timestamps(),
  },
  (t) => [index('so_incubations_org_idx').on(t.orgId), pathIndex('so_incubations_path_idx', t.orgPath)],
);

/** 社工站 (subdistrict) / 社工室 (community), optionally run by a 社工机构 (a social organisation). */
export const soStations = scopedTable(
  'so_stations',
  {
    /** station | room */
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    address: text('address'),
    operatorOrgId: uuid('operator_org_id'),
    openedOn: text('opened_on'),
    ...timestamps(),
  },
  (t) => [uniqueIndex('so_stations_unit_uq').on(t.orgUnitId)],
);

/** Social workers (people's `workers`) posted at a station. */
export const soStationWorkers = pgTable(
  'so_station_workers',
  {
    ...childColumns('stationId', 'station_id'),
    workerId: uuid('worker_id').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('so_station_workers_uq').on(t.stationId, t.workerId)],
);

/** 公益创投 funding rounds, issued by a district or subdistrict. */
export const soRounds = scopedTable('so_rounds', {
  title: text('title').notNull(),
  year: integer('year').notNull(),
  budgetFen: bigint('budget_fen', { mode: 'number' }).notNull(),
  opensOn: text('opens_on').notNull(),
  closesOn: text('closes_on').notNull(),
  /** open | reviewing | closed */
  state: text('state').notNull(),
  description: text('description'),
  ...timestamps(),
});

/** A proposal of a social organisation to a round: submitted → granted | rejected → reported → closed. */
export const soProposals = pgTable(
  'so_proposals',
  {
    id: uuid('id').primaryKey(),
    roundId: uuid('round_id').notNull(),
    /** The organisation's unit (scope) */
    ...scopedColumns(),
    /** The round's path: the issuer's reviewers reach the proposal through it. */
    roundPath: text('round_path').notNull(),
    orgId: uuid('org_id').notNull(),
    title: text('title').notNull(),
    summary: text('summary').notNull(),
    requestedFen: bigint('requested_fen', { mode: 'number' }).notNull(),
    grantFen: bigint('grant_fen', { mode: 'number' }),
    /** submitted | granted | rejected | reported | closed */
    state: text('state').notNull(),
    reportText: text('report_text'),
    ...versionedTimestamps(),
  },
  (t) => [
    uniqueIndex('so_proposals_round_org_title_uq').on(t.roundId, t.orgId, t.title),
    pathIndex('so_proposals_path_idx', t.orgPath),
    pathIndex('so_proposals_round_path_idx', t.roundPath),
  ],
);

export const soProposalScores = pgTable(
  'so_proposal_scores',
  {
    ...childColumns('proposalId', 'proposal_id'),
    reviewerId: uuid('reviewer_id').notNull(),
    reviewerName: text('reviewer_name'),
    score: integer('score').notNull(),
    comment: text('comment'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [uniqueIndex('so_proposal_scores_uq').on(t.proposalId, t.reviewerId)],
);

export const soProposalEvents = pgTable(
  'so_proposal_events',
  {
    ...eventColumns('proposalId', 'proposal_id'),
    orgPath: text('org_path').notNull(),
    fromState: text('from_state').notNull(),
    toState: text('to_state').notNull(),
    comment: text('comment'),
    data: jsonb('data').$type<Record<string, unknown>>(),
  },
  (t) => [index('so_proposal_events_idx').on(t.proposalId, t.at)],
);

/** A community fund (社区基金); its money is a `fen` account on the ledger. */
export const soFunds = scopedTable('so_funds', {
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  ...timestamps(),
});

/** A donation into or a disbursement out of a fund, with its ledger transaction (the public list). */
export const soFundFlows = pgTable(
  'so_fund_flows',
  {
    ...childColumns('fundId', 'fund_id'),
    /** donation | disbursement */
    kind: text('kind').notNull(),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** Donor or payee as disclosed (an anonymous donor is shown as such). */
    party: text('party').notNull(),
    anonymous: boolean('anonymous').notNull().default(false),
    purpose: text('purpose'),
    occurredOn: text('occurred_on').notNull(),
    ledgerTxId: uuid('ledger_tx_id').notNull(),
    balanceAfterFen: bigint('balance_after_fen', { mode: 'number' }).notNull(),
    actorName: text('actor_name'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('so_fund_flows_fund_idx').on(t.fundId, t.createdAt)],
);

/**
 * 政府购买服务 contracts with a social organisation, by funding mode (seed 002 二.7 购买服务、项目委托、以奖代补,
 * S002-14: `purchase` | `entrustment` | `award_subsidy`; 公益创投 are the rounds above), with the special groups
 * they serve (seed 002 三.15 独居、空巢、留守、失能、重残…, S002-34: SPECIAL_GROUP_TAGS) and how many people
 * benefit (`beneficiaries`, null while not known).
 */
export const soContracts = scopedTable('so_contracts', {
  title: text('title').notNull(),
  buyer: text('buyer').notNull(),
  providerOrgId: uuid('provider_org_id').notNull(),
  amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
  startOn: text('start_on').notNull(),
  endOn: text('end_on').notNull(),
  fundingMode: text('funding_mode').notNull().default('purchase'),
  targetGroups: text('target_groups').array().notNull().default(sql`'{}'::text[]`),
  beneficiaries: integer('beneficiaries'),
  /** active | completed | terminated */
  state: text('state').notNull(),
  ...timestamps(),
});

/** A deliverable or a payment of a contract. */
export const soContractItems = pgTable(
  'so_contract_items',
  {
    ...childColumns('contractId', 'contract_id'),
    /** deliverable | payment */
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    dueOn: text('due_on'),
    doneOn: text('done_on'),
    amountFen: bigint('amount_fen', { mode: 'number' }),
    note: text('note'),
    ...timestamps(),
  },
  (t) => [index('so_contract_items_idx').on(t.contractId)],
);

/** 五社联动: who works together on one case or project in a community. */
export const soLinks = scopedTable('so_links', {
  /** case | project */
  subjectKind: text('subject_kind').notNull(),
  subject: text('subject').notNull(),
  socialOrgId: uuid('social_org_id'),
  socialWorkerId: uuid('social_worker_id'),
  volunteer: text('volunteer'),
  charityResource: text('charity_resource'),
  note: text('note'),
  ...timestamps(),
});
