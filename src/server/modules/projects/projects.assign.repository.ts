import { and, asc, eq, inArray } from 'drizzle-orm';
import { rowsOfParent } from '../../platform/rowsOfParents';
import type { Db } from '../../platform/db';
import { pjApplications, pjAssignments } from './projects.table';

/** Queries of reviewer assignments (issue 11 §2); the scope they set is in projects.policy.ts. */
export type AssignmentRow = typeof pjAssignments.$inferSelect;

export function assignmentsOfCall(db: Db, callId: string): Promise<AssignmentRow[]> {
  return rowsOfParent(
    db,
    pjAssignments,
    pjAssignments.callId,
    callId,
    asc(pjAssignments.createdAt),
    asc(pjAssignments.reviewerName),
  );
}

/** Applications of the call by id (unscoped: the use case checks them against the bureau's scope). */
export function applicationsByIds(db: Db, callId: string, ids: string[]) {
  return db
    .select()
    .from(pjApplications)
    .where(and(eq(pjApplications.callId, callId), inArray(pjApplications.id, ids)));
}

/** Inserts the assignments not there yet; returns those inserted. */
export async function insertAssignments(
  db: Db,
  rows: (typeof pjAssignments.$inferInsert)[],
): Promise<AssignmentRow[]> {
  if (rows.length === 0) return [];
  return db.insert(pjAssignments).values(rows).onConflictDoNothing().returning();
}

export async function deleteAssignment(
  db: Db,
  applicationId: string,
  reviewerId: string,
): Promise<AssignmentRow | undefined> {
  const [row] = await db
    .delete(pjAssignments)
    .where(and(eq(pjAssignments.applicationId, applicationId), eq(pjAssignments.reviewerId, reviewerId)))
    .returning();
  return row;
}
