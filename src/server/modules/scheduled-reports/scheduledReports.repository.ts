import { type SQL, and, asc, desc, eq, ilike, inArray, isNull, lte, sql } from 'drizzle-orm';
import { rowsOfParent, rowsOfParents } from '../../platform/rowsOfParents';
import type { Db } from '../../platform/db';
import { countWhere } from '../../platform/figureQuery';
import { findRowInScope } from '../../platform/findInScope';
import { type Page, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { escapeLike } from '../../platform/permissions';
import { reachScope } from '../../platform/scopeReach';
import { rowInserter, versionedUpdater } from '../../platform/rowAccessors';
import {
  receiverPathSql,
  submissionsPolicy,
  submitSideScope,
  templatesPolicy,
} from './scheduledReports.policy';
import { srCycles, srEvents, srSubmissions, srTemplates } from './scheduledReports.table';

export type TemplateRow = typeof srTemplates.$inferSelect;
export type CycleRow = typeof srCycles.$inferSelect;
export type SubmissionRow = typeof srSubmissions.$inferSelect;
export type EventRow = typeof srEvents.$inferSelect;
/** A submission with its receiving unit's path (its cycle's). */
export type SubmissionRec = SubmissionRow & { receiverPath: string };

// ---------------------------------------------------------------- templates

export const insertTemplate = rowInserter(srTemplates);

export const updateTemplateRow = versionedUpdater(srTemplates);

/** A template in reach for reading (in the subtree or above the actor's unit), or with `manage`, in the subtree. */
export function findTemplate(
  db: Db,
  actor: Actor,
  id: string,
  mode: 'read' | 'manage' = 'read',
): Promise<TemplateRow | undefined> {
  const scope =
    mode === 'read'
      ? reachScope(actor, 'scheduled_reports.read', srTemplates.orgPath)
      : templatesPolicy.scope(actor, 'manage');
  return findRowInScope(db, srTemplates, id, scope);
}

export function listTemplateRows(
  db: Db,
  actor: Actor,
  q: { page: number; pageSize: number; active?: boolean; q?: string },
): Promise<Page<TemplateRow>> {
  const where: SQL[] = [reachScope(actor, 'scheduled_reports.read', srTemplates.orgPath)];
  if (q.active !== undefined) where.push(eq(srTemplates.active, q.active));
  if (q.q) where.push(ilike(srTemplates.title, `%${escapeLike(q.q)}%`));
  return listPage(db, {
    table: srTemplates,
    where: and(...where),
    orderBy: [desc(srTemplates.createdAt), desc(srTemplates.id)],
    page: q,
  });
}

/** Every active template (the cycle job, which runs as the system). */
export function activeTemplates(db: Db): Promise<TemplateRow[]> {
  return db.select().from(srTemplates).where(eq(srTemplates.active, true)).orderBy(asc(srTemplates.id));
}

// ---------------------------------------------------------------- cycles

/** Inserts the cycle unless the template already has one for the period; the row when inserted. */
export async function insertCycle(db: Db, row: typeof srCycles.$inferInsert): Promise<CycleRow | undefined> {
  const rows = await db.insert(srCycles).values(row).onConflictDoNothing().returning();
  return rows[0];
}

export function findCycle(db: Db, actor: Actor, id: string): Promise<CycleRow | undefined> {
  return findRowInScope(db, srCycles, id, reachScope(actor, 'scheduled_reports.read', srCycles.orgPath));
}

export function listCycleRows(
  db: Db,
  actor: Actor,
  q: { page: number; pageSize: number; templateId?: string },
): Promise<Page<CycleRow>> {
  const where: SQL[] = [reachScope(actor, 'scheduled_reports.read', srCycles.orgPath)];
  if (q.templateId) where.push(eq(srCycles.templateId, q.templateId));
  return listPage(db, {
    table: srCycles,
    where: and(...where),
    orderBy: [desc(srCycles.periodStart), desc(srCycles.id)],
    page: q,
  });
}

export function latestCycles(db: Db, templateId: string, limit: number): Promise<CycleRow[]> {
  return db
    .select()
    .from(srCycles)
    .where(eq(srCycles.templateId, templateId))
    .orderBy(desc(srCycles.periodStart))
    .limit(limit);
}

export function cyclesByIds(db: Db, ids: readonly string[]): Promise<CycleRow[]> {
  return rowsOfParents(db, srCycles, srCycles.id, ids);
}

export function templatesByIds(db: Db, ids: readonly string[]): Promise<TemplateRow[]> {
  return rowsOfParents(db, srTemplates, srTemplates.id, ids);
}

/** Cycles whose reminder time has come and that were not reminded yet (the job). */
export function cyclesToRemind(db: Db, now: Date): Promise<CycleRow[]> {
  return db
    .select()
    .from(srCycles)
    .where(and(isNull(srCycles.remindedAt), lte(srCycles.remindAt, now), sql`${srCycles.dueAt} > ${now}`))
    .limit(500);
}

/** Cycles past their due time that were not flagged yet (the job). */
export function cyclesToFlag(db: Db, now: Date): Promise<CycleRow[]> {
  return db
    .select()
    .from(srCycles)
    .where(and(isNull(srCycles.overdueAt), lte(srCycles.dueAt, now)))
    .limit(500);
}

/** Claims a cycle's step (reminder or overdue) once: false when another process took it first. */
export async function claimCycleStep(db: Db, id: string, step: 'remindedAt' | 'overdueAt', now: Date) {
  const column = step === 'remindedAt' ? srCycles.remindedAt : srCycles.overdueAt;
  const rows = await db
    .update(srCycles)
    .set({ [step]: now })
    .where(and(eq(srCycles.id, id), isNull(column)))
    .returning({ id: srCycles.id });
  return rows.length > 0;
}

// ---------------------------------------------------------------- submissions

const submissionSelect = () => ({
  id: srSubmissions.id,
  cycleId: srSubmissions.cycleId,
  templateId: srSubmissions.templateId,
  orgUnitId: srSubmissions.orgUnitId,
  orgPath: srSubmissions.orgPath,
  state: srSubmissions.state,
  values: srSubmissions.values,
  attachments: srSubmissions.attachments,
  note: srSubmissions.note,
  late: srSubmissions.late,
  firstSubmittedAt: srSubmissions.firstSubmittedAt,
  submittedAt: srSubmissions.submittedAt,
  submittedBy: srSubmissions.submittedBy,
  reviewedAt: srSubmissions.reviewedAt,
  reviewedBy: srSubmissions.reviewedBy,
  returnReason: srSubmissions.returnReason,
  resubmissions: srSubmissions.resubmissions,
  overdueAt: srSubmissions.overdueAt,
  version: srSubmissions.version,
  createdAt: srSubmissions.createdAt,
  updatedAt: srSubmissions.updatedAt,
  receiverPath: receiverPathSql,
});

export async function insertSubmissions(db: Db, rows: (typeof srSubmissions.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return db.insert(srSubmissions).values(rows).onConflictDoNothing().returning();
}

export async function findSubmission(
  db: Db,
  actor: Actor,
  id: string,
  opts: { lock?: boolean } = {},
): Promise<SubmissionRec | undefined> {
  const q = db
    .select(submissionSelect())
    .from(srSubmissions)
    .where(and(eq(srSubmissions.id, id), submissionsPolicy.scope(actor, 'read')));
  const [row] = opts.lock ? await q.for('update', { of: srSubmissions }) : await q;
  return row as SubmissionRec | undefined;
}

export const updateSubmissionRow = versionedUpdater(srSubmissions);

export interface SubmissionFilter {
  page: number;
  pageSize: number;
  cycleId?: string | undefined;
  templateId?: string | undefined;
  state?: string | undefined;
  side?: 'mine' | 'review' | undefined;
  overdue?: boolean | undefined;
}

export async function listSubmissionRows(
  db: Db,
  actor: Actor,
  q: SubmissionFilter,
  now: Date,
): Promise<Page<SubmissionRec>> {
  const where: SQL[] = [submissionsPolicy.scope(actor, 'read')];
  if (q.cycleId) where.push(eq(srSubmissions.cycleId, q.cycleId));
  if (q.templateId) where.push(eq(srSubmissions.templateId, q.templateId));
  if (q.state) where.push(eq(srSubmissions.state, q.state));
  if (q.side === 'mine') where.push(submitSideScope(actor));
  if (q.side === 'review') where.push(submissionsPolicy.scope(actor, 'review', receiverPathSql));
  if (q.overdue)
    where.push(
      sql`${srSubmissions.state} in ('draft', 'returned') and (select c.due_at from ${srCycles} c where c.id = ${srSubmissions.cycleId}) <= ${now}`,
    );
  const cond = and(...where);
  const n = await countWhere(db, srSubmissions, cond);
  const dueSql = sql`(select c.due_at from ${srCycles} c where c.id = ${srSubmissions.cycleId})`;
  const items = await db
    .select(submissionSelect())
    .from(srSubmissions)
    .where(cond)
    .orderBy(desc(dueSql), asc(srSubmissions.orgPath), asc(srSubmissions.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: items as SubmissionRec[], total: n, page: q.page, pageSize: q.pageSize };
}

/** Every submission of these cycles (the caller checked the cycles are in reach). */
export function submissionsOfCycles(db: Db, cycleIds: readonly string[]): Promise<SubmissionRow[]> {
  return rowsOfParents(db, srSubmissions, srSubmissions.cycleId, cycleIds, asc(srSubmissions.orgPath));
}

/** Submissions of a cycle not handed in (draft or returned): the job's reminders and overdue flags. */
export function pendingOfCycle(db: Db, cycleId: string): Promise<SubmissionRow[]> {
  return db
    .select()
    .from(srSubmissions)
    .where(and(eq(srSubmissions.cycleId, cycleId), inArray(srSubmissions.state, ['draft', 'returned'])));
}

export async function flagOverdue(db: Db, cycleId: string, now: Date) {
  await db
    .update(srSubmissions)
    .set({ overdueAt: now })
    .where(
      and(
        eq(srSubmissions.cycleId, cycleId),
        inArray(srSubmissions.state, ['draft', 'returned']),
        isNull(srSubmissions.overdueAt),
      ),
    );
}

// ---------------------------------------------------------------- events

export async function insertEvent(db: Db, row: typeof srEvents.$inferInsert) {
  await db.insert(srEvents).values(row);
}

export function eventsOf(db: Db, submissionId: string): Promise<EventRow[]> {
  return rowsOfParent(db, srEvents, srEvents.submissionId, submissionId, asc(srEvents.at), asc(srEvents.id));
}
