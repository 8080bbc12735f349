/**
 * What other modules may use of the surveys (DESIGN boundaries): functions and types, never the tables.
 * The assessments module links these as evidence of item Ⅱ-10 (共性任务: 群众知晓率、满意度 85%以上, R-AS-5).
 */
import { RATE_BAR, type RateDto } from '../../../shared/contracts/surveys';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { underPath } from '../../platform/permissions';
import { svSurveys } from './surveys.table';
import { unitById } from '../org/org.api';
import { permanentResidentsUnder } from '../residents/residents.api';
import { answersUnder, surveysCovering } from './surveys.repository';
import { rateFromCounts, rateOf } from './surveys.stats';

export type { RateDto as SurveyRate } from '../../../shared/contracts/surveys';

export interface SurveyEvidence {
  id: string;
  title: string;
  year: number;
  status: string;
  orgUnitId: string;
  closedAt: Date | null;
  /** Responses under the asked unit (not the whole survey when it covers a wider unit). */
  responses: number;
}

export interface SurveyRates {
  /** 0.85: seed 004's bar for both rates. */
  bar: number;
  awareness: RateDto | null;
  satisfaction: RateDto | null;
  /** The surveys the rates come from (closed ones, unless `includeOpen`). */
  surveys: SurveyEvidence[];
}

/**
 * Awareness (知晓率) and satisfaction (满意度) rates of a unit for a year (R-AS-5): over the responses lying
 * under `orgPath` in the surveys of that year distributed to the unit, to a unit above it (a city-wide survey
 * counts with its responses from this unit) or to a unit under it. Only closed surveys unless `includeOpen`.
 * Each rate is positive answers ÷ answers to questions tagged with that measure; margin of error at 95%
 * with the finite-population correction when the unit's permanent residents are known (see README). The
 * caller checks the actor's scope on the unit itself.
 */
export async function surveyRates(
  db: Db,
  opts: ({ orgPath: string } | { orgUnitId: string }) & { year?: number; includeOpen?: boolean },
): Promise<SurveyRates> {
  const orgPath = 'orgPath' in opts ? opts.orgPath : (await unitById(db, opts.orgUnitId))?.path;
  if (!orgPath) return { bar: RATE_BAR, awareness: null, satisfaction: null, surveys: [] };
  const surveys = await surveysCovering(db, orgPath, opts.year, opts.includeOpen ?? false);
  const rows = await answersUnder(
    db,
    surveys.map((s) => s.id),
    orgPath,
  );
  const population = (await permanentResidentsUnder(db, [orgPath])).get(orgPath) || null;
  // Every survey's questions apply to its own answers: rates are pooled over the surveys' answers.
  const pooled = (measure: 'awareness' | 'satisfaction') => {
    let positive = 0;
    let total = 0;
    let respondents = 0;
    for (const s of surveys) {
      const r = rateOf(
        s.questions,
        rows.filter((x) => x.surveyId === s.id).map((x) => x.answers),
        measure,
        population,
      );
      if (!r) continue;
      positive += r.positive;
      total += r.total;
      respondents += r.respondents;
    }
    if (!surveys.some((s) => s.questions.some((q) => q.measure === measure))) return null;
    return rateFromCounts(positive, total, respondents, population);
  };
  return {
    bar: RATE_BAR,
    awareness: pooled('awareness'),
    satisfaction: pooled('satisfaction'),
    surveys: surveys.map((s) => ({
      id: s.id,
      title: s.title,
      year: s.year,
      status: s.status,
      orgUnitId: s.orgUnitId,
      closedAt: s.closedAt,
      responses: rows.filter((x) => x.surveyId === s.id).length,
    })),
  };
}

/** Closed surveys of a unit (distributed to it, above it or under it), newest first, for evidence lists. */
export async function closedSurveysOf(
  db: Db,
  opts: ({ orgPath: string } | { orgUnitId: string }) & { year?: number },
): Promise<SurveyEvidence[]> {
  return (await surveyRates(db, { ...opts, includeOpen: false })).surveys;
}

/**
 * Closed surveys held at or under `underPathOf` (an applying community, R-PJ-2 consultation), newest first:
 * for another module's picker (`closedSurveysUnder`) and to check one (`closedSurveyUnder`).
 */
export type ClosedSurveyRecord = { id: string; title: string; orgPath: string; date: string | null };

export async function closedSurveysUnder(db: Db, underPathOf: string): Promise<ClosedSurveyRecord[]> {
  const rows = await db
    .select({ id: svSurveys.id, title: svSurveys.title, orgPath: svSurveys.orgPath, at: svSurveys.closedAt })
    .from(svSurveys)
    .where(and(underPath(svSurveys.orgPath, underPathOf), eq(svSurveys.status, 'closed')))
    .orderBy(desc(svSurveys.closedAt))
    .limit(100);
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    orgPath: r.orgPath,
    date: r.at ? new Date(r.at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10) : null,
  }));
}

export async function closedSurveyUnder(
  db: Db,
  id: string,
  underPathOf: string,
): Promise<ClosedSurveyRecord | undefined> {
  return (await closedSurveysUnder(db, underPathOf)).find((s) => s.id === id);
}
