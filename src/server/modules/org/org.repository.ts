import { sql } from 'drizzle-orm';
import type { Clock, IdGenerator } from '../../platform/clock';
import type { Db } from '../../platform/db';
import { orgUnits } from './org.table';

export type OrgUnitRow = typeof orgUnits.$inferSelect;

/** Inserts a unit under `parent` (or as a root) with its path computed; for seeding and tests. */
export async function insertUnit(
  deps: { db: Db; clock: Clock; ids: IdGenerator },
  parent: OrgUnitRow | null,
  fields: Pick<OrgUnitRow, 'kind' | 'name'> & Partial<Omit<OrgUnitRow, 'id' | 'path' | 'depth' | 'parentId'>>,
): Promise<OrgUnitRow> {
  const id = deps.ids();
  const now = deps.clock.now();
  const [row] = await deps.db
    .insert(orgUnits)
    .values({
      attrs: {},
      ...fields,
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/**
 * Runs `fn` in a transaction holding the org-tree lock: 'exclusive' for moves, merges, splits and archives
 * (they rewrite paths), 'shared' for writes that copy a unit's path into a row. Reads inside `fn` go through
 * the transaction, so the paths it sees cannot change underneath it.
 */
export async function underTreeLock<C extends { db: Db }, T>(
  ctx: C,
  mode: 'shared' | 'exclusive',
  fn: (c: C) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      mode === 'exclusive'
        ? sql`select pg_advisory_xact_lock(7411002)`
        : sql`select pg_advisory_xact_lock_shared(7411002)`,
    );
    return fn({ ...ctx, db: tx });
  });
}
