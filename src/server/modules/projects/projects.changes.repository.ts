import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { pjChanges } from './projects.table';
import { rowInserter } from '../../platform/rowAccessors';
import { rowsOfApplication } from './projects.childRows';

/** Queries of a selected project's content changes (R-PJ-4, projects.changes.ts). */
export type ChangeRow = typeof pjChanges.$inferSelect;

export function changesOf(db: Db, applicationId: string): Promise<ChangeRow[]> {
  return rowsOfApplication(db, pjChanges, applicationId, desc(pjChanges.requestedAt), desc(pjChanges.id));
}

export async function pendingChangeOf(db: Db, applicationId: string): Promise<ChangeRow | undefined> {
  const [row] = await db
    .select()
    .from(pjChanges)
    .where(and(eq(pjChanges.applicationId, applicationId), eq(pjChanges.state, 'pending')))
    .for('update');
  return row;
}

export async function changeById(db: Db, id: string, lock = false): Promise<ChangeRow | undefined> {
  const q = db.select().from(pjChanges).where(eq(pjChanges.id, id));
  const [row] = lock ? await q.for('update') : await q;
  return row;
}

export const insertChange = rowInserter(pjChanges);

/** Decides a pending change (only while pending: a second decision finds nothing). */
export async function decideChangeRow(
  db: Db,
  id: string,
  patch: Pick<ChangeRow, 'state' | 'decidedBy' | 'decidedByName' | 'decidedAt' | 'decisionComment'>,
): Promise<ChangeRow | undefined> {
  const [row] = await db
    .update(pjChanges)
    .set(patch)
    .where(and(eq(pjChanges.id, id), eq(pjChanges.state, 'pending')))
    .returning();
  return row;
}
