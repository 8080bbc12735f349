import { type SQL, and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { DoorstepListQuery } from '../../../shared/contracts/projects.doorstep';
import type { Db } from '../../platform/db';
import { countWhere } from '../../platform/figureQuery';
import { rowsOfParents } from '../../platform/rowsOfParents';
import { findRowInScope } from '../../platform/findInScope';
import { type Page, listPage } from '../../platform/listing';
import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { pjDoorstepFiles, pjDoorstepProjects, pjDoorstepRecords } from './projects.table';
import { firstRow } from '../../platform/firstRow';
import { bumpingUpdater, lockRow, rowInserter, rowUpdater } from '../../platform/rowAccessors';

export type DoorstepRow = typeof pjDoorstepProjects.$inferSelect;
export type DoorstepRecordRow = typeof pjDoorstepRecords.$inferSelect;
export type DoorstepFileRow = typeof pjDoorstepFiles.$inferSelect;

/** A doorstep project by id within `scope` (the policy's where fragment), or undefined (also for a bad id). */
export async function findDoorstep(db: Db, id: string, scope: SQL): Promise<DoorstepRow | undefined> {
  return findRowInScope(db, pjDoorstepProjects, id, scope);
}

const listWhere = (scope: SQL, q: Omit<DoorstepListQuery, 'page' | 'pageSize'>) =>
  and(
    scope,
    q.year ? eq(pjDoorstepProjects.year, q.year) : undefined,
    q.category ? eq(pjDoorstepProjects.category, q.category) : undefined,
    q.orgUnitId ? eq(pjDoorstepProjects.orgUnitId, q.orgUnitId) : undefined,
  );

const order = () => [
  desc(pjDoorstepProjects.year),
  asc(pjDoorstepProjects.orgPath),
  asc(pjDoorstepProjects.category),
  asc(pjDoorstepProjects.createdAt),
  asc(pjDoorstepProjects.id),
];

export function listDoorstepRows(db: Db, scope: SQL, q: DoorstepListQuery): Promise<Page<DoorstepRow>> {
  return listPage(db, { table: pjDoorstepProjects, where: listWhere(scope, q), orderBy: order(), page: q });
}

/** Every project matching the filters in scope (exports), at most 5000. */
export function allDoorstepRows(
  db: Db,
  scope: SQL,
  q: Omit<DoorstepListQuery, 'page' | 'pageSize'>,
): Promise<DoorstepRow[]> {
  return db
    .select()
    .from(pjDoorstepProjects)
    .where(listWhere(scope, q))
    .orderBy(...order())
    .limit(5000);
}

/** Projects of the communities a resident's board covers (`root like org_path || '%'`), newest year first. */
export function doorstepForBoard(db: Db, roots: string[]): Promise<DoorstepRow[]> {
  if (roots.length === 0) return Promise.resolve([]);
  const all = roots.includes('/');
  return db
    .select()
    .from(pjDoorstepProjects)
    .where(
      all
        ? undefined
        : sql`(${sql.join(
            roots.map((r) => sql`${r} like (${pjDoorstepProjects.orgPath} || '%')`),
            sql` or `,
          )})`,
    )
    .orderBy(...order())
    .limit(200);
}

/**
 * Serialises R-PJ-6's count for one unit, year and category until the transaction ends (an advisory lock:
 * the row that would conflict does not exist yet, so there is nothing to lock with `for update`).
 */
export async function lockCategory(tx: Db, orgUnitId: string, year: number, category: string) {
  await tx.execute(
    sql`select pg_advisory_xact_lock(7411601, hashtext(${`${orgUnitId}:${year}:${category}`}))`,
  );
}

/** How many projects the unit has in the category and year (other than `exceptId`). */
export async function countInCategory(
  tx: Db,
  orgUnitId: string,
  year: number,
  category: string,
  exceptId?: string,
): Promise<number> {
  return countWhere(
    tx,
    pjDoorstepProjects,
    and(
      eq(pjDoorstepProjects.orgUnitId, orgUnitId),
      eq(pjDoorstepProjects.year, year),
      eq(pjDoorstepProjects.category, category),
      exceptId ? sql`${pjDoorstepProjects.id} <> ${exceptId}` : undefined,
    ),
  );
}

export const insertDoorstep = rowInserter(pjDoorstepProjects);

export const updateDoorstep = bumpingUpdater(pjDoorstepProjects);

/** Locks one project row (stage records of one project one at a time). */
export function lockDoorstep(tx: Db, id: string): Promise<void> {
  return lockRow(tx, pjDoorstepProjects, id);
}

export function recordsOf(db: Db, projectIds: string[]): Promise<DoorstepRecordRow[]> {
  return rowsOfParents(
    db,
    pjDoorstepRecords,
    pjDoorstepRecords.projectId,
    projectIds,
    asc(pjDoorstepRecords.recordDate),
    asc(pjDoorstepRecords.createdAt),
    asc(pjDoorstepRecords.id),
  );
}

export function filesOf(db: Db, projectIds: string[]): Promise<DoorstepFileRow[]> {
  return rowsOfParents(
    db,
    pjDoorstepFiles,
    pjDoorstepFiles.projectId,
    projectIds,
    asc(pjDoorstepFiles.createdAt),
    asc(pjDoorstepFiles.id),
  );
}

/** Which slots hold at least one file, per project (list completeness). */
export async function filledSlots(db: Db, projectIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (projectIds.length === 0) return out;
  const rows = await db
    .selectDistinct({ projectId: pjDoorstepFiles.projectId, slot: pjDoorstepFiles.slot })
    .from(pjDoorstepFiles)
    .where(inArray(pjDoorstepFiles.projectId, projectIds));
  for (const r of rows) out.set(r.projectId, (out.get(r.projectId) ?? new Set()).add(r.slot));
  return out;
}

/** The stages recorded of each project. */
export async function recordedStages(db: Db, projectIds: string[]): Promise<Map<string, Set<string>>> {
  const out = new Map<string, Set<string>>();
  if (projectIds.length === 0) return out;
  const rows = await db
    .select({ projectId: pjDoorstepRecords.projectId, stage: pjDoorstepRecords.stage })
    .from(pjDoorstepRecords)
    .where(and(inArray(pjDoorstepRecords.projectId, projectIds), eq(pjDoorstepRecords.kind, 'stage')));
  for (const r of rows) if (r.stage) out.set(r.projectId, (out.get(r.projectId) ?? new Set()).add(r.stage));
  return out;
}

export async function stageRecord(tx: Db, projectId: string, stage: string) {
  return firstRow(
    tx,
    pjDoorstepRecords,
    and(
      eq(pjDoorstepRecords.projectId, projectId),
      eq(pjDoorstepRecords.kind, 'stage'),
      eq(pjDoorstepRecords.stage, stage),
    ),
  );
}

export const insertRecord = rowInserter(pjDoorstepRecords);

export const updateRecord = rowUpdater(pjDoorstepRecords);

export const insertFile = rowInserter(pjDoorstepFiles);

export async function fileById(db: Db, id: string): Promise<DoorstepFileRow | undefined> {
  return findRowInScope(db, pjDoorstepFiles, id, undefined);
}

export type DoorstepAction = 'read' | 'apply' | 'export' | 'board';

/**
 * Who may do what to doorstep projects: the project's own community records (`projects.apply`), everyone
 * with `projects.read` in its subtree reads (subdistrict, bureau, evaluators), staff with `projects.export`
 * export. Scoped by the applying community's path; out of reach is not found.
 */
export const doorstepPolicy: Policy<DoorstepAction, { orgPath: string }> = definePolicy({
  // board: a resident reading and rating the projects of their own community (their board).
  permissions: {
    read: 'projects.read',
    apply: 'projects.apply',
    export: 'projects.export',
    board: 'participation.board',
  },
  ...onOrgPath(pjDoorstepProjects.orgPath),
});
