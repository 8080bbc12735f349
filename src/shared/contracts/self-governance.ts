import { z } from 'zod';
import { communityRef, communityRow } from './dtoFields';
import { pageQuery } from './pageQuery';
import { nullishText as optText, requiredText as text } from './fields';

/**
 * Self-governance bodies (issue 16 §3; seed 002 三(一)1–2 and 三(三)9, seed 004 Ⅱ-1/Ⅱ-2): the two
 * committees (party committee, residents'/villagers' committee), the affairs-supervision committee,
 * sub-committees (环境和物业管理委员会 …), residents'/villagers' groups with leaders and representatives;
 * positions with terms, 一肩挑 (one person secretary and director), vacancies with the date they opened and
 * by-elections (补选); elections (村委会自荐直选, 居委会直接选举) with results; training and performance
 * reviews of the two committees; and the residents' deliberation carriers seed 003 三(一)2 and 三(一)4 names
 * (议事会、评议会 formed by residents, 理事会, 监督小组; S003-09, S003-22). Isomorphic: the server and the web
 * app read this file.
 */

const day = z.iso.date();

export const BODY_KINDS = [
  'party_committee',
  'residents_committee',
  'villagers_committee',
  'supervision_committee',
  'sub_committee',
  'residents_group',
  'villagers_group',
  // Seed 003 三(一)2 (S003-09): 发动群众组建评议会、议事会; 三(一)4 (S003-22): 理事会、评议会、监督小组.
  'deliberation_council', // 议事会
  'evaluation_council', // 评议会
  'trustee_council', // 理事会
  'supervision_group', // 监督小组
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];
export const POSTS = [
  'secretary',
  'deputy_secretary',
  'director',
  'deputy_director',
  'chair',
  'member',
  'group_leader',
  'representative',
] as const;
export type Post = (typeof POSTS)[number];
export const FILLED_VIA = ['election', 'by_election', 'appointment'] as const;
export const ELECTION_KINDS = ['general', 'by_election'] as const;
/** Seed 004 Ⅱ-2: 村委会实行自荐直选，居委会实行直接选举. */
export const ELECTION_METHODS = [
  'self_nomination_direct',
  'direct',
  'representative',
  'household_representative',
] as const;
export type ElectionMethod = (typeof ELECTION_METHODS)[number];
export const EXPECTED_METHOD: Partial<Record<BodyKind, ElectionMethod>> = {
  villagers_committee: 'self_nomination_direct',
  residents_committee: 'direct',
};
export const REVIEW_KINDS = ['training', 'review'] as const;
/** Seed 002 三(三)9: 专题培训、挂职锻炼、以老带新、考察培训; 履职践诺督查评估. */
export const REVIEW_FORMS = [
  'topic',
  'secondment',
  'mentoring',
  'study_tour',
  'performance',
  'promise',
] as const;
export const REVIEW_RESULTS = ['excellent', 'competent', 'basically_competent', 'incompetent'] as const;
/** A vacancy open this many days is a to-do (the workbench and the overview flag it). */
export const VACANCY_OVERDUE_DAYS = 30;

export const bodyBody = z.strictObject({
  communityId: z.uuid(),
  kind: z.enum(BODY_KINDS),
  name: text(80),
  parentId: z.uuid().nullish(),
  termStart: day.nullish(),
  termEnd: day.nullish(),
});
export type BodyBody = z.infer<typeof bodyBody>;

export const bodyQuery = z.object({
  communityId: z.uuid().optional(),
  kind: z.enum(BODY_KINDS).optional(),
  ...pageQuery,
});
export type BodyQuery = z.infer<typeof bodyQuery>;

export const positionSchema = z.object({
  id: z.string(),
  bodyId: z.string(),
  post: z.enum(POSTS),
  personId: z.string().nullable(),
  personName: z.string().nullable(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  vacantSince: z.string().nullable(),
  daysVacant: z.number().nullable(),
  filledVia: z.enum(FILLED_VIA).nullable(),
  /** This holder is also the community's party secretary and committee director (一肩挑). */
  oneShoulder: z.boolean(),
  version: z.number(),
});
export type PositionDto = z.infer<typeof positionSchema>;

export const bodySchema = z.object({
  id: z.string(),
  ...communityRef,
  kind: z.enum(BODY_KINDS),
  name: z.string(),
  parentId: z.string().nullable(),
  termStart: z.string().nullable(),
  termEnd: z.string().nullable(),
  positions: z.array(positionSchema),
});
export type BodyDto = z.infer<typeof bodySchema>;

export const positionBody = z.strictObject({
  post: z.enum(POSTS),
  /** A worker of the people registry; else `personName`. */
  personId: z.uuid().nullish(),
  personName: optText(40),
  termStart: day.nullish(),
  termEnd: day.nullish(),
  /** A post created vacant: the date it fell vacant. */
  vacantSince: day.nullish(),
  vacancyReason: optText(200),
});
export type PositionBody = z.infer<typeof positionBody>;

export const vacateBody = z.strictObject({
  openedOn: day,
  reason: text(200),
  version: z.number().int().optional(),
});
export type VacateBody = z.infer<typeof vacateBody>;

export const fillBody = z.strictObject({
  personId: z.uuid().nullish(),
  personName: optText(40),
  via: z.enum(['by_election', 'appointment']),
  on: day,
  termEnd: day.nullish(),
  version: z.number().int().optional(),
});
export type FillBody = z.infer<typeof fillBody>;

export const vacancyQuery = z.object({
  communityId: z.uuid().optional(),
  state: z.enum(['open', 'closed']).optional(),
  /** 'true': open for more than VACANCY_OVERDUE_DAYS days. */
  overdue: z.enum(['true', 'false']).optional(),
  ...pageQuery,
});
export type VacancyQuery = z.infer<typeof vacancyQuery>;

export const vacancySchema = z.object({
  id: z.string(),
  positionId: z.string(),
  ...communityRef,
  bodyName: z.string().nullable(),
  post: z.enum(POSTS),
  openedOn: z.string(),
  reason: z.string(),
  previousHolder: z.string().nullable(),
  closedOn: z.string().nullable(),
  filledBy: z.string().nullable(),
  filledVia: z.enum(FILLED_VIA).nullable(),
  electionId: z.string().nullable(),
  daysOpen: z.number(),
  overdue: z.boolean(),
});
export type VacancyDto = z.infer<typeof vacancySchema>;

export const electionResultSchema = z.strictObject({
  name: text(40),
  post: z.enum(POSTS),
  votes: z.number().int().min(0).max(1_000_000),
  elected: z.boolean(),
});

export const electionBody = z.strictObject({
  bodyId: z.uuid(),
  kind: z.enum(ELECTION_KINDS),
  method: z.enum(ELECTION_METHODS),
  heldOn: day,
  electorate: z.number().int().min(1).max(1_000_000),
  ballotsCast: z.number().int().min(0).max(1_000_000),
  results: z.array(electionResultSchema).min(1).max(60),
  /** By-election (补选): the vacant post it fills. */
  positionId: z.uuid().nullish(),
  note: optText(1000),
});
export type ElectionBody = z.infer<typeof electionBody>;

export const electionQuery = z.object({ communityId: z.uuid().optional(), ...pageQuery });
export type ElectionQuery = z.infer<typeof electionQuery>;

export const ELECTION_FLAGS = ['method_unexpected', 'turnout_below_half', 'elected_below_half'] as const;
export const electionSchema = z.object({
  id: z.string(),
  ...communityRef,
  bodyId: z.string(),
  bodyName: z.string().nullable(),
  bodyKind: z.enum(BODY_KINDS).nullable(),
  kind: z.enum(ELECTION_KINDS),
  method: z.enum(ELECTION_METHODS),
  heldOn: z.string(),
  electorate: z.number(),
  ballotsCast: z.number(),
  turnout: z.number(),
  results: z.array(
    z.object({ name: z.string(), post: z.enum(POSTS), votes: z.number(), elected: z.boolean() }),
  ),
  positionId: z.string().nullable(),
  note: z.string().nullable(),
  flags: z.array(z.enum(ELECTION_FLAGS)),
});
export type ElectionDto = z.infer<typeof electionSchema>;

export const reviewBody = z.strictObject({
  communityId: z.uuid(),
  bodyId: z.uuid().nullish(),
  kind: z.enum(REVIEW_KINDS),
  form: z.enum(REVIEW_FORMS),
  heldOn: day,
  title: text(120),
  participants: z.number().int().min(0).max(10_000).nullish(),
  personName: optText(40),
  result: z.enum(REVIEW_RESULTS).nullish(),
  score: z.number().int().min(0).max(100).nullish(),
  remark: optText(1000),
});
export type ReviewBody = z.infer<typeof reviewBody>;
export const reviewQuery = z.object({
  communityId: z.uuid().optional(),
  kind: z.enum(REVIEW_KINDS).optional(),
  ...pageQuery,
});
export type ReviewQuery = z.infer<typeof reviewQuery>;
export const reviewSchema = z.object({
  id: z.string(),
  ...communityRef,
  bodyId: z.string().nullable(),
  bodyName: z.string().nullable(),
  kind: z.enum(REVIEW_KINDS),
  form: z.enum(REVIEW_FORMS),
  heldOn: z.string(),
  title: z.string(),
  participants: z.number().nullable(),
  personName: z.string().nullable(),
  result: z.enum(REVIEW_RESULTS).nullable(),
  score: z.number().nullable(),
  remark: z.string().nullable(),
});
export type ReviewDto = z.infer<typeof reviewSchema>;

export const OVERVIEW_FLAGS = [
  'no_party_committee',
  'no_committee',
  'no_supervision',
  'vacancy_overdue',
  'one_shoulder',
  'no_training_this_year',
  'no_review_this_year',
] as const;
export const overviewQuery = z.object({ orgUnitId: z.uuid().optional() });
export const overviewSchema = z.object({
  rows: z.array(
    z.object({
      ...communityRow,
      bodies: z.number(),
      positions: z.number(),
      openVacancies: z.number(),
      overdueVacancies: z.number(),
      /** The person holding both the party secretary's and the committee director's post (一肩挑). */
      oneShoulder: z.string().nullable(),
      lastElection: z.string().nullable(),
      trainingsThisYear: z.number(),
      reviewsThisYear: z.number(),
      flags: z.array(z.enum(OVERVIEW_FLAGS)),
    }),
  ),
});
export type OverviewDto = z.infer<typeof overviewSchema>;
