import { and, eq, inArray } from 'drizzle-orm';
import { orgUnits } from '../../server/modules/org/org.table';
import type { Db } from '../../server/platform/db';

type UnitRow = typeof orgUnits.$inferSelect;

/**
 * 舟山市 (seed 004's city) and the communities with these names, as the demo seed made them; null when the
 * database has no such city. Callers keep the communities that lie under the city.
 */
export async function zhoushanCommunities(
  db: Db,
  names: readonly string[],
): Promise<{ city: UnitRow; communities: UnitRow[] } | null> {
  const [city] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'city'), eq(orgUnits.name, '舟山市')));
  if (!city) return null;
  const communities = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'community'), inArray(orgUnits.name, [...names])));
  return { city, communities };
}
