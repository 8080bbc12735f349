import { type SQL, and, asc, desc, eq, lt, or, sql } from 'drizzle-orm';
import { countsBy } from '../../platform/figureQuery';
import type { Db } from '../../platform/db';
import { findRowInScope } from '../../platform/findInScope';
import { firstRow } from '../../platform/firstRow';
import { type Page, type PageQuery, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { insertRow, updateVersionedRow } from '../../platform/rows';
import { versionedUpdater } from '../../platform/rowAccessors';
import { type PlanAction, type ReliefAction, plansPolicy, reliefPolicy } from './care.policy';
import { careMisses, carePlans, careRelief, careVisits } from './care.table';

/** The only code that queries the care module's tables (CONTRIBUTING: boundaries). */
export type PlanRow = typeof carePlans.$inferSelect;
export type VisitRow = typeof careVisits.$inferSelect;
export type MissRow = typeof careMisses.$inferSelect;
export type ReliefRow = typeof careRelief.$inferSelect;

/** Plans in reach: over the tree for `read`, or assigned to the actor (visit_own). */
export function planReach(actor: Actor): SQL {
  return or(
    plansPolicy.scope(actor, 'read'),
    and(plansPolicy.scope(actor, 'visit_own'), eq(carePlans.assigneeUserId, actor.userId)),
  )!;
}

export function findPlan(
  db: Db,
  actor: Actor,
  id: string,
  action?: PlanAction,
): Promise<PlanRow | undefined> {
  return findRowInScope(db, carePlans, id, action ? plansPolicy.scope(actor, action) : planReach(actor));
}

export function planByResidentTag(db: Db, residentId: string, tagHash: string): Promise<PlanRow | undefined> {
  return firstRow(db, carePlans, and(eq(carePlans.residentId, residentId), eq(carePlans.tagHash, tagHash)));
}

export const insertPlan = (tx: Db, row: typeof carePlans.$inferInsert): Promise<PlanRow> =>
  insertRow(tx, carePlans, row);

export const updatePlan = versionedUpdater(carePlans);

export function listPlanRows(
  db: Db,
  actor: Actor,
  q: { view: string; tagHash?: string; underPath?: string; now: Date } & PageQuery,
): Promise<Page<PlanRow>> {
  const conds: (SQL | undefined)[] = [planReach(actor)];
  if (q.underPath) conds.push(sql`${carePlans.orgPath} like ${`${q.underPath}%`}`);
  if (q.tagHash) conds.push(eq(carePlans.tagHash, q.tagHash));
  if (q.view === 'mine') conds.push(eq(carePlans.assigneeUserId, actor.userId), eq(carePlans.active, true));
  if (q.view === 'overdue') conds.push(eq(carePlans.active, true), lt(carePlans.nextDueAt, q.now));
  if (q.view === 'missed')
    conds.push(sql`exists (select 1 from ${careMisses} m where m.plan_id = ${carePlans.id})`);
  return listPage(db, {
    table: carePlans,
    where: and(...conds),
    orderBy: [desc(carePlans.active), asc(carePlans.nextDueAt), asc(carePlans.id)],
    page: q,
  });
}

export function missCounts(db: Db, planIds: readonly string[]): Promise<Map<string, number>> {
  return countsBy(db, careMisses, careMisses.planId, planIds);
}

export function visitsOf(db: Db, planId: string, limit = 50): Promise<VisitRow[]> {
  return db
    .select()
    .from(careVisits)
    .where(eq(careVisits.planId, planId))
    .orderBy(desc(careVisits.visitedAt))
    .limit(limit);
}

export function missesOf(db: Db, planId: string, limit = 50): Promise<MissRow[]> {
  return db
    .select()
    .from(careMisses)
    .where(eq(careMisses.planId, planId))
    .orderBy(desc(careMisses.dueAt))
    .limit(limit);
}

export const insertVisit = (tx: Db, row: typeof careVisits.$inferInsert): Promise<VisitRow> =>
  insertRow(tx, careVisits, row);

/** Active plans whose visit was due before `now` (the missed-visit job), at most `limit`. */
export function duePlans(db: Db, now: Date, limit: number): Promise<PlanRow[]> {
  return db
    .select()
    .from(carePlans)
    .where(and(eq(carePlans.active, true), lt(carePlans.nextDueAt, now)))
    .orderBy(asc(carePlans.nextDueAt))
    .limit(limit);
}

/** Re-reads a plan for the job, locked; skipped when another process has it. */
export async function lockPlan(tx: Db, id: string): Promise<PlanRow | undefined> {
  const [p] = await tx
    .select()
    .from(carePlans)
    .where(eq(carePlans.id, id))
    .for('update', { skipLocked: true });
  return p;
}

/** Claims a missed visit (once per plan and due time); false when it was flagged already. */
export async function insertMiss(tx: Db, row: typeof careMisses.$inferInsert): Promise<boolean> {
  const r = await tx.insert(careMisses).values(row).onConflictDoNothing().returning({ id: careMisses.id });
  return r.length > 0;
}

// ---- temporary relief

export const insertRelief = (tx: Db, row: typeof careRelief.$inferInsert): Promise<ReliefRow> =>
  insertRow(tx, careRelief, row);

/** Moves a relief case on from `fromState` at `version`; undefined when it changed meanwhile. */
export const updateRelief = (
  tx: Db,
  id: string,
  version: number,
  fromState: string,
  patch: Partial<typeof careRelief.$inferInsert>,
): Promise<ReliefRow | undefined> =>
  updateVersionedRow(tx, careRelief, id, version, patch, eq(careRelief.state, fromState));

export const findRelief = (
  db: Db,
  actor: Actor,
  action: ReliefAction,
  id: string,
): Promise<ReliefRow | undefined> => findRowInScope(db, careRelief, id, reliefPolicy.scope(actor, action));

export function listReliefRows(
  db: Db,
  actor: Actor,
  q: { state?: string; underPath?: string } & PageQuery,
): Promise<Page<ReliefRow>> {
  const conds: (SQL | undefined)[] = [reliefPolicy.scope(actor, 'read')];
  if (q.underPath) conds.push(sql`${careRelief.orgPath} like ${`${q.underPath}%`}`);
  if (q.state) conds.push(eq(careRelief.state, q.state));
  return listPage(db, {
    table: careRelief,
    where: and(...conds),
    orderBy: [desc(careRelief.createdAt), desc(careRelief.id)],
    page: q,
  });
}
