import { and, asc, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { ImportListQuery } from '../../../shared/contracts/imports';
import type { Db } from '../../platform/db';
import { type Page, listPage } from '../../platform/listing';
import type { Actor } from '../../platform/permissions';
import { finderInScope } from '../../platform/rowAccessors';
import { type ImportAction, importsPolicy } from './imports.policy';
import { importJobs, importRows } from './imports.table';

/**
 * The queries of import jobs and their staging rows for the use cases an actor starts. Reads take the
 * actor and the action and AND `importsPolicy.scope` into their `where`: a job out of reach is not
 * found (404). Rows of a job are read only after the job was found this way. (The queries of the
 * background pipeline — parse, stage, commit, boot recovery — are in imports.pipeline.repository.ts.)
 */
export type JobRow = typeof importJobs.$inferSelect;

/** One job in reach for `action`, or undefined (also for an id that is not a UUID). */
export const findJobRow = finderInScope(importsPolicy, importJobs);

/** A job found in scope, as stored now. */
export async function reloadJob(db: Db, id: string): Promise<JobRow> {
  const [job] = await db.select().from(importJobs).where(eq(importJobs.id, id));
  return job!;
}

/** One page of the jobs in reach for `action`, newest first. */
export function listJobRows(
  db: Db,
  actor: Actor,
  action: ImportAction,
  q: ImportListQuery,
): Promise<Page<JobRow>> {
  return listPage(db, {
    table: importJobs,
    where: and(importsPolicy.scope(actor, action), q.status ? eq(importJobs.status, q.status) : undefined),
    orderBy: [desc(importJobs.createdAt), desc(importJobs.id)],
    page: q,
  });
}

/** The first valid staged rows of a job found in scope, for the preview. */
export function previewRowsOf(db: Db, jobId: string, limit: number) {
  return db
    .select({ rowNo: importRows.rowNo, data: importRows.data })
    .from(importRows)
    .where(and(eq(importRows.jobId, jobId), isNull(importRows.errors)))
    .orderBy(asc(importRows.rowNo))
    .limit(limit);
}

/** Staged rows with errors of a job found in scope, after row `after`, by row number. */
export function errorRowsAfter(db: Db, jobId: string, after: number, limit: number) {
  return db
    .select({ rowNo: importRows.rowNo, errors: importRows.errors })
    .from(importRows)
    .where(
      and(eq(importRows.jobId, jobId), sql`${importRows.errors} is not null`, gt(importRows.rowNo, after)),
    )
    .orderBy(asc(importRows.rowNo))
    .limit(limit);
}

/** Moves a job found in scope from one of `from` to `to`; undefined when another request won. */
export async function setJobStatus(
  db: Db,
  id: string,
  from: string[],
  to: string,
  now: Date,
): Promise<JobRow | undefined> {
  const [row] = await db
    .update(importJobs)
    .set({ status: to, updatedAt: now })
    .where(and(eq(importJobs.id, id), inArray(importJobs.status, from)))
    .returning();
  return row;
}

/** Claims a validated job without errors for its commit ('committing'); undefined when not (anymore). */
export async function claimForCommit(db: Db, id: string, now: Date): Promise<JobRow | undefined> {
  const [row] = await db
    .update(importJobs)
    .set({ status: 'committing', updatedAt: now })
    .where(and(eq(importJobs.id, id), eq(importJobs.status, 'validated'), eq(importJobs.errorRows, 0)))
    .returning();
  return row;
}

/** Deletes the staging rows of a job. */
export async function deleteStagingRows(db: Db, jobId: string): Promise<void> {
  await db.delete(importRows).where(eq(importRows.jobId, jobId));
}
