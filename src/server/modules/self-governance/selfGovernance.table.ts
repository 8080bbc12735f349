import { date, index, integer, jsonb, text, uuid } from 'drizzle-orm/pg-core';
import { createdByTimestamps, timestamps, versionedTimestamps } from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * A self-governance body of a community (seed 002 三(一)1, seed 004 Ⅱ-1): the party committee, the
 * residents'/villagers' committee, the affairs-supervision committee, a sub-committee (下设委员会, e.g.
 * 环境和物业管理委员会, `parent_id` = its committee), a residents'/villagers' group, or one of the residents'
 * deliberation carriers of seed 003 (议事会、评议会、理事会、监督小组). `org_unit_id` = the community.
 */
export const sgBodies = scopedTable('sg_bodies', {
  kind: text('kind').notNull(),
  name: text('name').notNull(),
  parentId: uuid('parent_id'),
  termStart: date('term_start', { mode: 'string' }),
  termEnd: date('term_end', { mode: 'string' }),
  ...timestamps(),
});

/**
 * A position on a body (secretary, director, member, group leader, representative…) and who holds it: a
 * worker of the people registry (`person_id`, through people.api) or a name. Vacant when `vacant_since` is
 * set (the holder left): the open vacancy is a row of `sg_vacancies`.
 */
export const sgPositions = scopedTable(
  'sg_positions',
  {
    bodyId: uuid('body_id').notNull(),
    post: text('post').notNull(),
    personId: uuid('person_id'),
    personName: text('person_name'),
    termStart: date('term_start', { mode: 'string' }),
    termEnd: date('term_end', { mode: 'string' }),
    vacantSince: date('vacant_since', { mode: 'string' }),
    /** election | by_election | appointment */
    filledVia: text('filled_via'),
    ...versionedTimestamps(),
  },
  (t) => [index('sg_positions_body_idx').on(t.bodyId)],
);

/** A vacancy (空缺职位): when it opened and why, and when and how it was filled (补选, seed 002 三(一)1). */
export const sgVacancies = scopedTable(
  'sg_vacancies',
  {
    positionId: uuid('position_id').notNull(),
    openedOn: date('opened_on', { mode: 'string' }).notNull(),
    reason: text('reason').notNull(),
    previousHolder: text('previous_holder'),
    closedOn: date('closed_on', { mode: 'string' }),
    filledBy: text('filled_by'),
    filledVia: text('filled_via'),
    electionId: uuid('election_id'),
    ...timestamps(),
  },
  (t) => [index('sg_vacancies_position_idx').on(t.positionId)],
);

export type ElectionResult = { name: string; post: string; votes: number; elected: boolean };

/**
 * An election of a body (seed 004 Ⅱ-2: 村委会实行自荐直选，居委会实行直接选举): a general election (换届) or a
 * by-election (补选) of one vacant position, with the electorate, ballots cast and each candidate's votes.
 */
export const sgElections = scopedTable('sg_elections', {
  bodyId: uuid('body_id').notNull(),
  /** general | by_election */
  kind: text('kind').notNull(),
  /** self_nomination_direct | direct | representative | household_representative */
  method: text('method').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  electorate: integer('electorate').notNull(),
  ballotsCast: integer('ballots_cast').notNull(),
  results: jsonb('results').$type<ElectionResult[]>().notNull(),
  positionId: uuid('position_id'),
  note: text('note'),
  ...createdByTimestamps(),
});

/** Training of the two committees' cadres and their performance reviews (seed 002 三(三)9). */
export const sgReviews = scopedTable('sg_reviews', {
  bodyId: uuid('body_id'),
  /** training | review */
  kind: text('kind').notNull(),
  /** training: topic | secondment | mentoring | study_tour; review: performance | promise */
  form: text('form').notNull(),
  heldOn: date('held_on', { mode: 'string' }).notNull(),
  title: text('title').notNull(),
  participants: integer('participants'),
  personName: text('person_name'),
  /** excellent | competent | basically_competent | incompetent */
  result: text('result'),
  score: integer('score'),
  remark: text('remark'),
  ...createdByTimestamps(),
});
