import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  childColumns,
  createdByTimestamps,
  pathIndex,
  scopedColumns,
  timestamps,
  versionedTimestamps,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/** A member of an owners' committee (业委会): a name, the office, and the registry person when known. */
export type OwnersCommitteeMember = {
  name: string;
  role: 'chair' | 'vice_chair' | 'member';
  personId?: string | null;
};

/**
 * The property profile of one compound (小区, an org unit of kind `compound`; `org_unit_id` is that unit,
 * unique): who serves it — a property company (物业服务企业: contract, fee per m² in fen, star rating), a
 * self-management committee (自管委/物管委, seed 003 三(一)3) or nobody — and its owners' committee
 * (业委会: term, election date, members). No row = nothing recorded = no property service.
 */
export const pmCompounds = scopedTable(
  'pm_compounds',
  {
    /** company | self | none */
    management: text('management').notNull(),
    companyName: text('company_name'),
    companyUscc: text('company_uscc'),
    contractStart: date('contract_start', { mode: 'string' }),
    contractEnd: date('contract_end', { mode: 'string' }),
    /** Property fee in fen per m² per month. */
    feeFenPerM2: integer('fee_fen_per_m2'),
    /** Star rating of the property service, 1–5. */
    starRating: integer('star_rating'),
    selfCommitteeName: text('self_committee_name'),
    ocTermStart: date('oc_term_start', { mode: 'string' }),
    ocTermEnd: date('oc_term_end', { mode: 'string' }),
    ocElectedOn: date('oc_elected_on', { mode: 'string' }),
    /** Owners' committee members; null = no owners' committee. */
    ocMembers: jsonb('oc_members').$type<OwnersCommitteeMember[] | null>(),
    ...versionedTimestamps(),
  },
  (t) => [uniqueIndex('pm_compounds_unit_uq').on(t.orgUnitId)],
);

/**
 * A 三方联动 joint meeting (联席会议, seed 003 三(一)3): the residents' committee, the owners' committee and
 * the property company of a community (optionally about one compound), with who represented each party.
 */
export const pmMeetings = pgTable(
  'pm_meetings',
  {
    id: uuid('id').primaryKey(),
    /** The community. */
    ...scopedColumns(),
    compoundId: uuid('compound_id'),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    residentsCommittee: text('residents_committee'),
    ownersCommittee: text('owners_committee'),
    propertyCompany: text('property_company'),
    minutes: text('minutes'),
    ...createdByTimestamps(),
  },
  (t) => [pathIndex('pm_meetings_path_idx', t.orgPath)],
);

/** An issue raised at a joint meeting and, later, resolved (协同联动解决实际问题). Path = its meeting's. */
export const pmIssues = pgTable(
  'pm_issues',
  {
    ...childColumns('meetingId', 'meeting_id'),
    text: text('text').notNull(),
    /** residents_committee | owners_committee | property_company */
    owner: text('owner'),
    /** open | resolved */
    status: text('status').notNull(),
    resolvedOn: date('resolved_on', { mode: 'string' }),
    resolution: text('resolution'),
    ...timestamps(),
  },
  (t) => [index('pm_issues_meeting_idx').on(t.meetingId), pathIndex('pm_issues_path_idx', t.orgPath)],
);

/** A public notice (公示通报) of a community or a compound: residents of the compound see it on the phone. */
export const pmNotices = scopedTable('pm_notices', {
  title: text('title').notNull(),
  body: text('body').notNull(),
  publishedOn: date('published_on', { mode: 'string' }).notNull(),
  ...createdByTimestamps(),
});

/** An appraisal of a compound's property service (评议考评): period, score out of 100, respondents. */
export const pmAppraisals = scopedTable('pm_appraisals', {
  period: text('period').notNull(),
  appraisedOn: date('appraised_on', { mode: 'string' }).notNull(),
  score: integer('score').notNull(),
  respondents: integer('respondents'),
  remark: text('remark'),
  ...createdByTimestamps(),
});

/**
 * Honours of a compound (seed 003 三(一)2): the monthly civilised-compound selection (文明小区, `month`
 * 1–12) and 美好家园 model compounds at city or provincial level (`month` 0).
 */
export const pmHonours = scopedTable(
  'pm_honours',
  {
    /** civilised_monthly | model_city | model_provincial */
    kind: text('kind').notNull(),
    year: integer('year').notNull(),
    month: integer('month').notNull().default(0),
    awardedOn: date('awarded_on', { mode: 'string' }).notNull(),
    remark: text('remark'),
    ...createdByTimestamps(),
  },
  (t) => [uniqueIndex('pm_honours_uq').on(t.kind, t.orgUnitId, t.year, t.month)],
);
