import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { countWhere } from '../../platform/figureQuery';
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
  return countWhere(db, pjMilestones, eq(pjMilestones.applicationId, applicationId));
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
