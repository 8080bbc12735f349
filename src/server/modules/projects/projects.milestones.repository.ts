import { asc, count, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { findRowInScope } from '../../platform/findInScope';
import { pjMilestones } from './projects.table';
import { rowInserter, rowUpdater } from '../../platform/rowAccessors';
import { rowsOfApplication } from './projects.childRows';

export type MilestoneRow = typeof pjMilestones.$inferSelect;

/** A project's milestones by due date. */
export function milestonesOf(db: Db, applicationId: string): Promise<MilestoneRow[]> {
  return rowsOfApplication(
    db,
    pjMilestones,
    applicationId,
    asc(pjMilestones.dueOn),
    asc(pjMilestones.createdAt),
    asc(pjMilestones.id),
  );
}

export async function milestoneCount(db: Db, applicationId: string): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(pjMilestones)
    .where(eq(pjMilestones.applicationId, applicationId));
  return r?.n ?? 0;
}

/** One milestone by id (the caller checks its project is in reach). */
export async function milestoneById(db: Db, id: string): Promise<MilestoneRow | undefined> {
  return findRowInScope(db, pjMilestones, id, undefined);
}

export const insertMilestone = rowInserter(pjMilestones);

export const updateMilestone = rowUpdater(pjMilestones);

export async function deleteMilestone(db: Db, id: string): Promise<void> {
  await db.delete(pjMilestones).where(eq(pjMilestones.id, id));
}
