import { type SQL, and, asc, count, desc, eq, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type {
  ApplicationListQuery,
  CallListQuery,
  ReportListQuery,
} from '../../../shared/contracts/projects';
import type { ActorCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { countWhere } from '../../platform/figureQuery';
import { findRowInScope } from '../../platform/findInScope';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, escapeLike } from '../../platform/permissions';
import {
  type ApplicationAction,
  applicationsPolicy,
  assignedToActor,
  callReadScope,
  callsPolicy,
  isEvaluatorOnly,
  scoreAssignmentLimit,
} from './projects.policy';
import {
  pjApplicationEvents,
  pjApplications,
  pjCalls,
  pjExemptions,
  pjReports,
  pjScores,
} from './projects.table';
import { bumpingUpdater, rowInserter } from '../../platform/rowAccessors';
import { rowsOfApplication } from './projects.childRows';

/**
 * Every query of the projects module's tables. Reads take the actor and AND the policy's scope in, so a
 * call or application out of reach is simply not found (404).
 */
export type CallRow = typeof pjCalls.$inferSelect;
export type ApplicationRow = typeof pjApplications.$inferSelect;
export type ScoreRow = typeof pjScores.$inferSelect;
export type EventRow = typeof pjApplicationEvents.$inferSelect;
export type ReportRow = typeof pjReports.$inferSelect;

// ---------------------------------------------------------------- calls

/** A call the actor may read (or manage), or undefined (also for a malformed id). */
export async function findCall(
  db: Db,
  actor: Actor,
  id: string,
  action: 'read' | 'manage' = 'read',
): Promise<CallRow | undefined> {
  const scope = action === 'read' ? callReadScope(actor) : callsPolicy.scope(actor, 'manage');
  return findRowInScope(db, pjCalls, id, scope);
}

/** A call by id, without scope: for a transition on an application already found in scope. */
export async function callById(db: Db, id: string, lock = false): Promise<CallRow | undefined> {
  const q = db.select().from(pjCalls).where(eq(pjCalls.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export function listCallRows(db: Db, actor: Actor, q: CallListQuery): Promise<Page<CallRow>> {
  return listPage(db, {
    table: pjCalls,
    where: and(
      callReadScope(actor),
      q.year ? eq(pjCalls.year, q.year) : undefined,
      q.status ? eq(pjCalls.status, q.status) : undefined,
    ),
    orderBy: [desc(pjCalls.year), desc(pjCalls.createdAt), desc(pjCalls.id)],
    page: q,
  });
}

export const insertCall = rowInserter(pjCalls);

export const updateCallRow = bumpingUpdater(pjCalls);

/** Applications per call and state, among those the actor may read. */
export async function stateCounts(
  db: Db,
  actor: Actor,
  callIds: string[],
): Promise<Map<string, Record<string, number>>> {
  const out = new Map<string, Record<string, number>>();
  if (callIds.length === 0) return out;
  const rows = await db
    .select({ callId: pjApplications.callId, state: pjApplications.state, n: count() })
    .from(pjApplications)
    .where(
      and(
        inArray(pjApplications.callId, callIds),
        applicationsPolicy.scope(actor, 'read'),
        reviewerLimit(actor),
      ),
    )
    .groupBy(pjApplications.callId, pjApplications.state);
  for (const r of rows) {
    const m = out.get(r.callId) ?? {};
    m[r.state] = r.n;
    out.set(r.callId, m);
  }
  return out;
}

/** How many applications of the call are selected (all of them, for the quota: R-PJ-2). */
export async function selectedCount(db: Db, callId: string): Promise<number> {
  return countWhere(
    db,
    pjApplications,
    and(eq(pjApplications.callId, callId), eq(pjApplications.state, 'selected')),
  );
}

/** Moves the application deadline of every application of the call not yet submitted. */
export async function moveSubmitDue(db: Db, callId: string, dueAt: Date): Promise<void> {
  await db
    .update(pjApplications)
    .set({ submitDueAt: dueAt, overdueAt: null })
    .where(
      and(
        eq(pjApplications.callId, callId),
        inArray(pjApplications.state, ['draft', 'pending_review', 'returned', 'approved']),
      ),
    );
}

/** The submitted applications still undecided when results are published: marked not selected. */
export async function closeUndecided(db: Db, callId: string, now: Date): Promise<ApplicationRow[]> {
  return db
    .update(pjApplications)
    .set({
      state: 'not_selected',
      decidedAt: now,
      updatedAt: now,
      version: sql`${pjApplications.version} + 1`,
    })
    .where(and(eq(pjApplications.callId, callId), eq(pjApplications.state, 'submitted')))
    .returning();
}

/** One application by id, out of any actor's scope (the deadline sweep's escalation). */
export async function findApplicationById(db: Db, id: string): Promise<ApplicationRow | undefined> {
  return firstRow(db, pjApplications, eq(pjApplications.id, id));
}

/** The decided applications of a call (selected or not selected), for telling the applicants. */
export async function decidedOfCall(db: Db, callId: string): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(pjApplications)
    .where(
      and(eq(pjApplications.callId, callId), inArray(pjApplications.state, ['selected', 'not_selected'])),
    )
    .orderBy(asc(pjApplications.number));
}

// ---------------------------------------------------------------- applications

/**
 * A reviewer who takes no part in the procedure itself (an evaluator: no apply, review or manage
 * permission) sees applications only once they are submitted: what they are there to score.
 */
export function reviewerLimit(actor: Actor): SQL | undefined {
  if (!isEvaluatorOnly(actor)) return undefined;
  // Issue 11 §2: and only those assigned to them (projects.policy.ts).
  return and(
    inArray(pjApplications.state, ['submitted', 'selected', 'not_selected']),
    assignedToActor(actor),
  );
}

/** An application in reach for `action`, or undefined. */
export async function findApplication(
  db: Db,
  actor: Actor,
  id: string,
  action: ApplicationAction = 'read',
): Promise<ApplicationRow | undefined> {
  return findRowInScope(
    db,
    pjApplications,
    id,
    and(
      applicationsPolicy.scope(actor, action),
      reviewerLimit(actor),
      action === 'score' ? scoreAssignmentLimit(actor) : undefined,
    ),
  );
}

export async function applicationOfUnit(
  db: Db,
  callId: string,
  orgUnitId: string,
): Promise<ApplicationRow | undefined> {
  return firstRow(
    db,
    pjApplications,
    and(eq(pjApplications.callId, callId), eq(pjApplications.orgUnitId, orgUnitId)),
  );
}

/** What waits for the actor: their own step in the procedure, each in the scope of its permission. */
function waitingWhere(actor: Actor): SQL {
  const s = (a: ApplicationAction) => applicationsPolicy.scope(actor, a);
  return or(
    and(inArray(pjApplications.state, ['draft', 'returned']), s('apply')),
    and(inArray(pjApplications.state, ['pending_review', 'approved']), s('review')),
    and(eq(pjApplications.state, 'submitted'), s('manage')),
  )!;
}

/** Submitted applications of open calls the actor has not scored yet. */
function toScoreWhere(actor: Actor): SQL {
  return and(
    eq(pjApplications.state, 'submitted'),
    applicationsPolicy.scope(actor, 'score'),
    scoreAssignmentLimit(actor),
    sql`exists (select 1 from ${pjCalls} where ${pjCalls.id} = ${pjApplications.callId} and ${pjCalls.status} = 'open')`,
    sql`not exists (select 1 from ${pjScores} where ${pjScores.applicationId} = ${pjApplications.id} and ${pjScores.reviewerId} = ${actor.userId})`,
  )!;
}

export function listApplicationRows(
  db: Db,
  actor: Actor,
  q: ApplicationListQuery,
  now: Date,
): Promise<Page<ApplicationRow>> {
  return listPage(db, {
    table: pjApplications,
    where: and(
      applicationsPolicy.scope(actor, 'read'),
      reviewerLimit(actor),
      q.callId ? eq(pjApplications.callId, q.callId) : undefined,
      q.state ? eq(pjApplications.state, q.state) : undefined,
      q.q
        ? sql`(${pjApplications.title} ilike ${`%${escapeLike(q.q)}%`} or ${pjApplications.number} ilike ${`%${escapeLike(q.q)}%`})`
        : undefined,
      q.view === 'waiting' ? waitingWhere(actor) : undefined,
      q.view === 'toScore' ? toScoreWhere(actor) : undefined,
      q.view === 'overdue'
        ? and(
            inArray(pjApplications.state, ['draft', 'pending_review', 'returned', 'approved']),
            or(isNotNull(pjApplications.overdueAt), sql`${pjApplications.submitDueAt} < ${now}`),
          )
        : undefined,
    ),
    orderBy: [desc(pjApplications.updatedAt), desc(pjApplications.id)],
    page: q,
  });
}

/** Every application of a call in reach for `action`, by subdistrict and number (exports). */
export function applicationsOfCall(
  db: Db,
  actor: Actor,
  callId: string,
  action: ApplicationAction,
): Promise<ApplicationRow[]> {
  return db
    .select()
    .from(pjApplications)
    .where(
      and(eq(pjApplications.callId, callId), applicationsPolicy.scope(actor, action), reviewerLimit(actor)),
    )
    .orderBy(asc(pjApplications.subdistrictId), asc(pjApplications.number))
    .limit(5000);
}

export const insertApplication = rowInserter(pjApplications);

export const updateApplicationRow = bumpingUpdater(pjApplications);

/** The next application number of a year: SB2026-0001, … */
export async function nextApplicationNumber(db: Db, year: number): Promise<string> {
  const prefix = `SB${year}-`;
  const [r] = await db
    .select({ max: sql<string | null>`max(${pjApplications.number})` })
    .from(pjApplications)
    .where(sql`${pjApplications.number} like ${`${prefix}%`}`);
  const last = r?.max ? Number(r.max.slice(prefix.length)) : 0;
  return `${prefix}${String(last + 1).padStart(4, '0')}`;
}

/** The deadline sweep's flag: the application was not submitted by the call's application day. */
/** A call's completion or summary date moved: the selected projects not yet done move with it (flag cleared). */
export async function moveProjectDue(db: Db, callId: string, which: 'completion' | 'summary', dueAt: Date) {
  const done = which === 'completion' ? pjApplications.completedAt : pjApplications.summaryAt;
  await db
    .update(pjApplications)
    .set(
      which === 'completion'
        ? { completionDueAt: dueAt, completionOverdueAt: null }
        : { summaryDueAt: dueAt, summaryOverdueAt: null },
    )
    .where(
      and(
        eq(pjApplications.callId, callId),
        eq(pjApplications.state, 'selected'),
        isNull(done),
        // A force-majeure exemption (R-PJ-4) keeps the project's own completion date.
        which === 'completion'
          ? sql`not exists (select 1 from ${pjExemptions} where ${pjExemptions.applicationId} = ${pjApplications.id})`
          : undefined,
      ),
    );
}

/** Flags a selected project's completion or summary as overdue. */
export async function markProjectOverdue(db: Db, id: string, which: 'completion' | 'summary', now: Date) {
  await db
    .update(pjApplications)
    .set(which === 'completion' ? { completionOverdueAt: now } : { summaryOverdueAt: now })
    .where(eq(pjApplications.id, id));
}

export async function markOverdue(db: Db, id: string, now: Date): Promise<void> {
  await db.update(pjApplications).set({ overdueAt: now }).where(eq(pjApplications.id, id));
}

export async function insertEvent(db: Db, row: typeof pjApplicationEvents.$inferInsert): Promise<void> {
  await db.insert(pjApplicationEvents).values(row);
}

/**
 * A step on a project's timeline (办理记录) that changes no state — implementation, money, changes,
 * evaluation — taken by the actor now.
 */
export function insertStep(
  db: Db,
  ctx: Pick<ActorCtx, 'ids' | 'clock' | 'actor'>,
  app: { id: string; state: string },
  action: string,
  comment: string | null,
  data: Record<string, unknown> = {},
): Promise<void> {
  return insertEvent(db, {
    id: ctx.ids(),
    applicationId: app.id,
    at: ctx.clock.now(),
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action,
    fromState: app.state,
    toState: app.state,
    comment,
    data,
  });
}

export function eventsOf(db: Db, applicationId: string): Promise<EventRow[]> {
  return rowsOfApplication(
    db,
    pjApplicationEvents,
    applicationId,
    asc(pjApplicationEvents.at),
    asc(pjApplicationEvents.id),
  );
}

// ---------------------------------------------------------------- scores

/** The scores of an application: all of them, or only `reviewerId`'s (each reviewer scores separately). */
export function scoresOf(db: Db, applicationId: string, reviewerId?: string): Promise<ScoreRow[]> {
  return db
    .select()
    .from(pjScores)
    .where(
      and(
        eq(pjScores.applicationId, applicationId),
        reviewerId ? eq(pjScores.reviewerId, reviewerId) : undefined,
      ),
    )
    .orderBy(asc(pjScores.createdAt));
}

/** Average total and number of counted scores (recusals left out) per application. */
export async function scoreSummaries(
  db: Db,
  applicationIds: string[],
): Promise<Map<string, { average: number | null; count: number }>> {
  const out = new Map<string, { average: number | null; count: number }>();
  if (applicationIds.length === 0) return out;
  const rows = await db
    .select({
      id: pjScores.applicationId,
      avg: sql<string | null>`avg(${pjScores.total})`,
      n: sql<number>`count(${pjScores.total})::int`,
    })
    .from(pjScores)
    .where(and(inArray(pjScores.applicationId, applicationIds), eq(pjScores.conflict, false)))
    .groupBy(pjScores.applicationId);
  for (const r of rows)
    out.set(r.id, { average: r.avg === null ? null : Math.round(Number(r.avg) * 10) / 10, count: r.n });
  return out;
}

/** Which of these applications the reviewer has scored (or recused from). */
export async function scoredBy(db: Db, reviewerId: string, applicationIds: string[]): Promise<Set<string>> {
  if (applicationIds.length === 0) return new Set();
  const rows = await db
    .select({ id: pjScores.applicationId })
    .from(pjScores)
    .where(and(eq(pjScores.reviewerId, reviewerId), inArray(pjScores.applicationId, applicationIds)));
  return new Set(rows.map((r) => r.id));
}

export async function upsertScore(
  db: Db,
  row: typeof pjScores.$inferInsert,
): Promise<{ row: ScoreRow; before: ScoreRow | undefined }> {
  const [before] = await db
    .select()
    .from(pjScores)
    .where(and(eq(pjScores.applicationId, row.applicationId), eq(pjScores.reviewerId, row.reviewerId)))
    .for('update');
  if (before) {
    const [updated] = await db
      .update(pjScores)
      .set({
        conflict: row.conflict,
        conflictNote: row.conflictNote,
        scores: row.scores,
        total: row.total,
        comment: row.comment,
        reviewerName: row.reviewerName,
        updatedAt: row.updatedAt,
      })
      .where(eq(pjScores.id, before.id))
      .returning();
    return { row: updated!, before };
  }
  const [created] = await db.insert(pjScores).values(row).returning();
  return { row: created!, before: undefined };
}

// ---------------------------------------------------------------- monthly reports

export async function insertReports(db: Db, rows: (typeof pjReports.$inferInsert)[]): Promise<void> {
  if (rows.length) await db.insert(pjReports).values(rows).onConflictDoNothing();
}

export function reportsOf(db: Db, applicationId: string): Promise<ReportRow[]> {
  return rowsOfApplication(db, pjReports, applicationId, asc(pjReports.month));
}

/** A report whose project is in reach for `action`, or undefined. */
export async function findReport(
  db: Db,
  actor: Actor,
  id: string,
  action: ApplicationAction = 'read',
): Promise<ReportRow | undefined> {
  return findRowInScope(db, pjReports, id, applicationsPolicy.scope(actor, action, pjReports.orgPath));
}

export function listReportRows(
  db: Db,
  actor: Actor,
  q: ReportListQuery,
  now: Date,
): Promise<Page<ReportRow>> {
  const soon = new Date(now.getTime() + 31 * 86_400_000);
  return listPage(db, {
    table: pjReports,
    where: and(
      applicationsPolicy.scope(actor, 'read', pjReports.orgPath),
      q.callId ? eq(pjReports.callId, q.callId) : undefined,
      q.view === 'overdue' ? and(eq(pjReports.state, 'due'), sql`${pjReports.dueAt} < ${now}`) : undefined,
      q.view === 'open' ? and(eq(pjReports.state, 'due'), sql`${pjReports.dueAt} < ${soon}`) : undefined,
      q.view === 'filed' ? eq(pjReports.state, 'filed') : undefined,
    ),
    orderBy: [asc(pjReports.dueAt), asc(pjReports.id)],
    page: q,
  });
}

/** Application id → title and unit id, for report lists. */
export async function applicationHeads(
  db: Db,
  ids: string[],
): Promise<Map<string, { title: string; orgUnitId: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .select({ id: pjApplications.id, title: pjApplications.title, orgUnitId: pjApplications.orgUnitId })
    .from(pjApplications)
    .where(inArray(pjApplications.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, { title: r.title, orgUnitId: r.orgUnitId }]));
}

/** The deadline sweep's flag on a monthly report not filed by the report day. */
export async function markReportOverdue(db: Db, id: string, now: Date): Promise<void> {
  await db.update(pjReports).set({ overdueAt: now }).where(eq(pjReports.id, id));
}
