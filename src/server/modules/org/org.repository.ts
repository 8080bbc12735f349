import type { IdGenerator, Clock } from '../../platform/clock';
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
