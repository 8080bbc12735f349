import { type SQL, and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { WorkerListQuery } from '../../../shared/contracts/people';
import type { Db } from '../../platform/db';
import { rowUpdater } from '../../platform/rowAccessors';
import { unitFieldSql, unitNameSql } from '../org/org.api';
import { nameLike, registryRows } from './people.repository';
import { gridAssignments, workers } from './people.table';

/**
 * Workers' and grid assignments' queries beyond the scoped lookups and lists of people.repository.ts:
 * writes and reads on workers (and grids) the use case has already found in reach.
 */
export type WorkerRow = typeof workers.$inferSelect;

/** The grids these workers hold (live grids only), by the grid's sort then name. */
export function gridsOfWorkers(db: Db, workerIds: string[]) {
  return db
    .select({
      workerId: gridAssignments.workerId,
      id: gridAssignments.gridId,
      name: unitNameSql(gridAssignments.gridId),
    })
    .from(gridAssignments)
    .where(
      and(
        inArray(gridAssignments.workerId, workerIds),
        sql`${unitNameSql(gridAssignments.gridId)} is not null`,
      ),
    )
    .orderBy(asc(unitFieldSql(gridAssignments.gridId, 'sort')), asc(unitNameSql(gridAssignments.gridId)));
}

/** Workers' scoped reads and one-row writes, listed by kind then name. */
export const workerRows = registryRows(workers, [asc(workers.kind), asc(workers.name), asc(workers.id)]);

/**
 * The list filters of workers: name contains `q.q`, of kind `q.kind` and post type `q.postType`, active or
 * not (`q.status`), holding grid `q.gridId` (found in reach).
 */
export function workerFilters(
  q: Pick<WorkerListQuery, 'q' | 'kind' | 'postType' | 'status' | 'gridId'>,
): (SQL | undefined)[] {
  return [
    nameLike(workers.name, q.q),
    q.kind ? eq(workers.kind, q.kind) : undefined,
    q.postType ? eq(workers.postType, q.postType) : undefined,
    q.status === 'all' ? undefined : eq(workers.active, q.status === 'active'),
    q.gridId
      ? sql`exists (select 1 from ${gridAssignments} where ${gridAssignments.workerId} = ${workers.id} and ${gridAssignments.gridId} = ${q.gridId})`
      : undefined,
  ];
}

/** Updates a worker found in scope. */
export const updateWorkerRow = rowUpdater(workers);

/** Ends every grid assignment of a worker; returns the ended ones. */
export function endAssignments(db: Db, workerId: string) {
  return db.delete(gridAssignments).where(eq(gridAssignments.workerId, workerId)).returning();
}

/** Whether the worker already holds the grid. */
export async function isAssigned(db: Db, workerId: string, gridId: string): Promise<boolean> {
  const [existing] = await db
    .select({ id: gridAssignments.id })
    .from(gridAssignments)
    .where(and(eq(gridAssignments.workerId, workerId), eq(gridAssignments.gridId, gridId)));
  return !!existing;
}

export async function insertAssignment(db: Db, values: typeof gridAssignments.$inferInsert): Promise<void> {
  await db.insert(gridAssignments).values(values);
}

/** Ends one assignment; returns it (empty when there was none). */
export function endAssignment(db: Db, workerId: string, gridId: string) {
  return db
    .delete(gridAssignments)
    .where(and(eq(gridAssignments.workerId, workerId), eq(gridAssignments.gridId, gridId)))
    .returning();
}
