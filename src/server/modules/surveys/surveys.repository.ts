import { type SQL, and, asc, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { Answers } from '../../../shared/contracts/surveys';
import { rowsOfParent } from '../../platform/rowsOfParents';
import { countsBy } from '../../platform/figureQuery';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { rowInserter, statusMover } from '../../platform/rowAccessors';
import { type Page, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { type SurveyAction, residentScope, staffScope } from './surveys.policy';
import { svResponses, svSurveys } from './surveys.table';

/** Every query of the surveys module's tables (CONTRIBUTING: boundaries). */
export type SurveyRow = typeof svSurveys.$inferSelect;
export type ResponseRow = typeof svResponses.$inferSelect;

export const insertSurvey = rowInserter(svSurveys);

/** A survey in the actor's scope for `action` (undefined when out of reach: the caller answers 404). */
export async function findSurvey(
  db: Db,
  actor: Actor,
  action: SurveyAction,
  id: string,
  lock = false,
): Promise<SurveyRow | undefined> {
  const q = db
    .select()
    .from(svSurveys)
    .where(and(eq(svSurveys.id, id), staffScope(actor, action)));
  const [s] = lock ? await q.for('update') : await q;
  return s;
}

export async function listSurveyRows(
  db: Db,
  actor: Actor,
  filters: { path?: string; status?: string; year?: number },
  page: { page: number; pageSize: number },
): Promise<Page<SurveyRow>> {
  return listPage(db, {
    table: svSurveys,
    where: and(
      staffScope(actor, 'read'),
      filters.path ? sql`${svSurveys.orgPath} like ${`${filters.path}%`}` : undefined,
      filters.status ? eq(svSurveys.status, filters.status) : undefined,
      filters.year ? eq(svSurveys.year, filters.year) : undefined,
    ),
    orderBy: [desc(svSurveys.opensAt), desc(svSurveys.id)],
    page,
  });
}

export const updateSurveyRow = statusMover(svSurveys);

/** Responses of each survey, and under each of `paths` for one survey (quota progress). */
export function responseCounts(db: Db, surveyIds: readonly string[]): Promise<Map<string, number>> {
  return countsBy(db, svResponses, svResponses.surveyId, surveyIds);
}

export async function countsUnder(db: Db, surveyId: string, paths: readonly string[]): Promise<number[]> {
  if (paths.length === 0) return [];
  const [row] = await db
    .select(
      Object.fromEntries(
        paths.map((p, i) => [
          `c${i}`,
          sql<number>`count(*) filter (where ${svResponses.orgPath} like ${`${p}%`})::int`,
        ]),
      ),
    )
    .from(svResponses)
    .where(eq(svResponses.surveyId, surveyId));
  return paths.map((_, i) => Number((row as Record<string, number> | undefined)?.[`c${i}`] ?? 0));
}

/** All responses of a survey (for results and export), oldest first. */
export function allResponses(db: Db, surveyId: string): Promise<ResponseRow[]> {
  return rowsOfParent(
    db,
    svResponses,
    svResponses.surveyId,
    surveyId,
    asc(svResponses.answeredAt),
    asc(svResponses.id),
  );
}

export async function listResponseRows(
  db: Db,
  surveyId: string,
  filters: { channel?: string },
  page: { page: number; pageSize: number },
): Promise<Page<ResponseRow>> {
  return listPage(db, {
    table: svResponses,
    where: and(
      eq(svResponses.surveyId, surveyId),
      filters.channel ? eq(svResponses.channel, filters.channel) : undefined,
    ),
    orderBy: [desc(svResponses.answeredAt), desc(svResponses.id)],
    page,
  });
}

export const insertResponse = rowInserter(svResponses);

/** Whether this person has answered the survey already: by login, registry record or phone. */
export async function existingResponse(
  db: Db,
  surveyId: string,
  who: { userId?: string | null; residentId?: string | null; phoneHash?: string | null },
): Promise<'user' | 'resident' | 'phone' | null> {
  const conds: SQL[] = [];
  if (who.userId) conds.push(eq(svResponses.userId, who.userId));
  if (who.residentId) conds.push(eq(svResponses.residentId, who.residentId));
  if (who.phoneHash) conds.push(eq(svResponses.phoneHash, who.phoneHash));
  if (conds.length === 0) return null;
  const [r] = await db
    .select({
      userId: svResponses.userId,
      residentId: svResponses.residentId,
      phoneHash: svResponses.phoneHash,
    })
    .from(svResponses)
    .where(and(eq(svResponses.surveyId, surveyId), or(...conds)))
    .limit(1);
  if (!r) return null;
  if (who.userId && r.userId === who.userId) return 'user';
  if (who.residentId && r.residentId === who.residentId) return 'resident';
  return 'phone';
}

/** A survey distributed to the resident's home (published or closed), or undefined. */
export async function findResidentSurvey(
  db: Db,
  homePaths: readonly string[],
  id: string,
): Promise<SurveyRow | undefined> {
  return firstRow(db, svSurveys, and(eq(svSurveys.id, id), residentScope(homePaths)));
}

/** The surveys distributed to the resident's home, open ones first. */
export async function listResidentSurveys(
  db: Db,
  homePaths: readonly string[],
  page: { page: number; pageSize: number },
): Promise<Page<SurveyRow>> {
  return listPage(db, {
    table: svSurveys,
    where: residentScope(homePaths),
    orderBy: [
      sql`case when ${svSurveys.status} = 'published' then 0 else 1 end`,
      desc(svSurveys.closesAt),
      desc(svSurveys.id),
    ],
    page,
  });
}

/** Which of these surveys the person has answered (login, registry record or phone). */
export async function answeredAmong(
  db: Db,
  surveyIds: readonly string[],
  who: { userId: string; residentId: string | null; phoneHash: string | null },
): Promise<Set<string>> {
  if (surveyIds.length === 0) return new Set();
  const rows = await db
    .select({ id: svResponses.surveyId })
    .from(svResponses)
    .where(
      and(
        inArray(svResponses.surveyId, [...surveyIds]),
        or(
          eq(svResponses.userId, who.userId),
          who.residentId ? eq(svResponses.residentId, who.residentId) : undefined,
          who.phoneHash ? eq(svResponses.phoneHash, who.phoneHash) : undefined,
        ),
      ),
    );
  return new Set(rows.map((r) => r.id));
}

/** Surveys of a year whose unit covers `orgPath` or lies under it (closed only unless `includeOpen`). */
export async function surveysCovering(
  db: Db,
  orgPath: string,
  year: number | undefined,
  includeOpen: boolean,
): Promise<SurveyRow[]> {
  return db
    .select()
    .from(svSurveys)
    .where(
      and(
        or(
          sql`${svSurveys.orgPath} like ${`${orgPath}%`}`,
          sql`${orgPath} like (${svSurveys.orgPath} || '%')`,
        ),
        year ? eq(svSurveys.year, year) : undefined,
        includeOpen ? inArray(svSurveys.status, ['published', 'closed']) : eq(svSurveys.status, 'closed'),
      ),
    )
    .orderBy(desc(svSurveys.closesAt), desc(svSurveys.id))
    .limit(500);
}

/** The answers of these surveys' responses under `orgPath`. */
export async function answersUnder(
  db: Db,
  surveyIds: readonly string[],
  orgPath: string,
): Promise<{ surveyId: string; answers: Answers }[]> {
  if (surveyIds.length === 0) return [];
  return db
    .select({ surveyId: svResponses.surveyId, answers: svResponses.answers })
    .from(svResponses)
    .where(
      and(inArray(svResponses.surveyId, [...surveyIds]), sql`${svResponses.orgPath} like ${`${orgPath}%`}`),
    );
}
