import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Answers, Question } from '../../../shared/contracts/surveys';
import {
  createdByVersionedTimestamps,
  encryptedColumns,
  pathIndex,
  proxyColumns,
  scopedColumns,
  ts,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * A survey (民意调查) distributed to the residents of its unit (`org_unit_id`: a community, a grid, or a
 * subdistrict/district/city for a wider one). `questions` are edited only while `draft`; publishing freezes
 * them and counts the population (permanent residents under the unit) once.
 */
export const svSurveys = scopedTable(
  'sv_surveys',
  {
    title: text('title').notNull(),
    purpose: text('purpose').notNull(),
    intro: text('intro'),
    year: integer('year').notNull(),
    status: text('status').notNull(),
    opensAt: ts('opens_at').notNull(),
    closesAt: ts('closes_at').notNull(),
    questions: jsonb('questions').$type<Question[]>().notNull().default([]),
    /** Responses aimed at in all (sampling). */
    target: integer('target'),
    /** Per-unit targets under the survey's unit (grids of a community, communities of a city). */
    quotas: jsonb('quotas').$type<{ orgUnitId: string; target: number }[]>().notNull().default([]),
    population: integer('population'),
    publishedAt: ts('published_at'),
    closedAt: ts('closed_at'),
    ...createdByVersionedTimestamps(),
  },
  (t) => [index('sv_surveys_year_idx').on(t.year, t.status)],
);

/**
 * One response, at the respondent's unit (their household when known, else the unit staff chose). One per
 * resident: per login, per registry record and per phone (blind index), each unique within the survey.
 * The phone is kept only as ciphertext, blind index and mask (R-LAW-PI-1).
 */
export const svResponses = pgTable(
  'sv_responses',
  {
    id: uuid('id').primaryKey(),
    surveyId: uuid('survey_id').notNull(),
    ...scopedColumns(),
    channel: text('channel').notNull(),
    userId: uuid('user_id'),
    residentId: uuid('resident_id'),
    ...encryptedColumns('phone', 'phone'),
    answers: jsonb('answers').$type<Answers>().notNull(),
    /** Paper responses: the staff member who typed the form in. */
    enteredBy: uuid('entered_by'),
    /** 帮办代办: made for a resident by staff or a volunteer (platform/proxy.ts). */
    ...proxyColumns(),
    answeredAt: ts('answered_at').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [
    index('sv_responses_survey_idx').on(t.surveyId, t.answeredAt),
    pathIndex('sv_responses_path_idx', t.orgPath),
    uniqueIndex('sv_responses_user_uq').on(t.surveyId, t.userId).where(sql`${t.userId} is not null`),
    uniqueIndex('sv_responses_resident_uq')
      .on(t.surveyId, t.residentId)
      .where(sql`${t.residentId} is not null`),
    uniqueIndex('sv_responses_phone_uq').on(t.surveyId, t.phoneHash).where(sql`${t.phoneHash} is not null`),
  ],
);
