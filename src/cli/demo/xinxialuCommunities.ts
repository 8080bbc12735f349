import { and, asc, eq, like } from 'drizzle-orm';
import { orgUnits } from '../../server/modules/org/org.table';
import type { Db } from '../../server/platform/db';

/**
 * 新下陆街道 (the demo subdistrict the module seeds fill) and its communities in display order, or null when
 * the org seed has not created it.
 */
export async function loadXinxialuCommunities(db: Db) {
  const [sd] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'subdistrict'), eq(orgUnits.name, '新下陆街道')));
  if (!sd) return null;
  const communities = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'community'), like(orgUnits.path, `${sd.path}%`)))
    .orderBy(asc(orgUnits.sort), asc(orgUnits.name));
  return { sd, communities };
}
