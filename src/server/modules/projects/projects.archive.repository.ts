import { asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { findRowInScope } from '../../platform/findInScope';
import { pjArchiveItems } from './projects.table';
import { updateRow } from '../../platform/rows';
import { rowInserter } from '../../platform/rowAccessors';
import { rowsOfApplication } from './projects.childRows';

export type ArchiveItemRow = typeof pjArchiveItems.$inferSelect;

export const insertArchiveItem = rowInserter(pjArchiveItems);

/** A project's archive items, oldest first within each category. */
export function archiveItemsOf(db: Db, applicationId: string): Promise<ArchiveItemRow[]> {
  return rowsOfApplication(
    db,
    pjArchiveItems,
    applicationId,
    asc(pjArchiveItems.category),
    asc(pjArchiveItems.createdAt),
    asc(pjArchiveItems.id),
  );
}

/** One item by id (the caller checks its application is in reach). */
export async function archiveItemById(db: Db, id: string): Promise<ArchiveItemRow | undefined> {
  return findRowInScope(db, pjArchiveItems, id, undefined);
}

/** Marks an item removed (soft delete: the row and its file stay for the record). */
export async function markArchiveItemRemoved(
  db: Db,
  id: string,
  patch: Pick<ArchiveItemRow, 'removedAt' | 'removedBy' | 'removedByName' | 'removedReason'>,
): Promise<ArchiveItemRow> {
  return updateRow(db, pjArchiveItems, id, { ...patch, updatedAt: patch.removedAt! });
}

/** Locks one item row until the transaction ends (two removals of one item, one at a time). */
export async function lockArchiveItem(db: Db, id: string): Promise<ArchiveItemRow | undefined> {
  const [r] = await db.select().from(pjArchiveItems).where(eq(pjArchiveItems.id, id)).for('update');
  return r;
}
