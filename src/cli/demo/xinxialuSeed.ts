import { chinaDate } from '../../shared/chinaTime';
import { type DemoSeedDeps, demoUserCtx, xinxialuCommunities } from './seedContext';

const DAY = 86_400_000;

/**
 * What a seed of the 12 Xinxialu communities starts from: the admin's context it writes as, the communities,
 * today's China date, its year and `daysAgo(n)`; null when the admin or the subdistrict is missing.
 */
export async function xinxialuSeedStart(deps: DemoSeedDeps) {
  const { db, clock } = deps;
  const admin = await demoUserCtx(deps);
  if (!admin) return null;
  const xinxialu = await xinxialuCommunities(db);
  if (!xinxialu) return null;
  const today = chinaDate(clock.now());
  return {
    admin,
    communities: xinxialu.communities,
    today,
    year: Number(today.slice(0, 4)),
    daysAgo: (n: number) => chinaDate(new Date(clock.now().getTime() - n * DAY)),
  };
}
