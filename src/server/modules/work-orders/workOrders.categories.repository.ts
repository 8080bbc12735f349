import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { woCategories } from './workOrders.table';

// The queries on the service categories (`wo_categories`): platform-wide rows, not scoped by unit.

/** A category as stored. */
export type CategoryRow = typeof woCategories.$inferSelect;
/** A new category (or a patch of one). */
export type NewCategoryRow = typeof woCategories.$inferInsert;

/** Every category, retired ones included, in no particular order (caches and name look-ups). */
export function allCategoryRows(db: Db): Promise<CategoryRow[]> {
  return db.select().from(woCategories);
}

/** Every category, retired ones included, by sort then code (the administration page). */
export function categoryRowsSorted(db: Db): Promise<CategoryRow[]> {
  return db.select().from(woCategories).orderBy(asc(woCategories.sort), asc(woCategories.code));
}

/** One category by code (active or retired), or null. */
export async function categoryByCode(db: Db, code: string): Promise<CategoryRow | null> {
  return (await firstRow(db, woCategories, eq(woCategories.code, code))) ?? null;
}

/** Inserts these categories, leaving alone the codes that exist already. */
export async function insertMissingCategories(db: Db, rows: NewCategoryRow[]): Promise<void> {
  await db.insert(woCategories).values(rows).onConflictDoNothing({ target: woCategories.code });
}

/** Inserts one category and returns it as stored (a taken code fails on `wo_categories_pkey`). */
export async function insertCategory(db: Db, row: NewCategoryRow): Promise<CategoryRow | undefined> {
  const [created] = await db.insert(woCategories).values(row).returning();
  return created;
}

/** One category by code, locked FOR UPDATE in the caller's transaction, or undefined. */
export async function categoryForUpdate(tx: Db, code: string): Promise<CategoryRow | undefined> {
  const [before] = await tx.select().from(woCategories).where(eq(woCategories.code, code)).for('update');
  return before;
}

/** Updates one category by code and returns it as stored. */
export async function updateCategoryRow(
  tx: Db,
  code: string,
  patch: Partial<NewCategoryRow>,
): Promise<CategoryRow | undefined> {
  const [after] = await tx.update(woCategories).set(patch).where(eq(woCategories.code, code)).returning();
  return after;
}

/** The active categories by sort then code (the published service list). */
export function activeCategoryRows(db: Db): Promise<CategoryRow[]> {
  return db
    .select()
    .from(woCategories)
    .where(eq(woCategories.active, true))
    .orderBy(asc(woCategories.sort), asc(woCategories.code));
}

/** One active category by code, or null (retired or unknown). */
export async function activeCategoryByCode(db: Db, code: string): Promise<CategoryRow | null> {
  return (
    (await firstRow(db, woCategories, and(eq(woCategories.code, code), eq(woCategories.active, true)))) ??
    null
  );
}
