/** What the demo seeds share of seed 003: 新下陆街道, its communities and their secretaries; acting as a demo login. */
import { and, asc, eq, like } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { orgUnits } from '../../server/modules/org/org.table';
import { loadActor } from '../../server/platform/auth';
import type { ActorCtx, AppDeps } from '../../server/platform/context';
import type { Db } from '../../server/platform/db';

/** The demo logins of the 12 communities' secretaries (seed 003 attachment 1), by community. */
export const XINXIALU_SECRETARIES: Record<string, string> = {
  铜都社区: 'luhx',
  西花苑社区: 'zhanxs',
  孔雀苑社区: 'wangtt',
  铜花社区: 'maxq',
  新星社区: 'yaowp',
  陆家铺社区: 'guis',
  神牛社区: 'jiangl',
  胜利社区: 'weiwj',
  康宁社区: 'xiangq',
  大塘社区: 'wuxg',
  团结社区: 'tanjx',
  友谊社区: 'jianghy',
};

/** 新下陆街道 and its communities in display order, or null when seed 003 has not created it. */
export async function xinxialuCommunities(db: Db) {
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

/** A use-case context acting as the demo login `username` (null when it does not exist), on `clock`. */
export function demoActorCtx(deps: Pick<AppDeps, 'db' | 'ids' | 'pii'>, clock: AppDeps['clock']) {
  const { db, ids, pii } = deps;
  return async (username: string): Promise<ActorCtx | null> => {
    const [u] = await db.select().from(users).where(eq(users.username, username));
    const actor = u ? await loadActor(db, u.id) : null;
    return actor ? { db, ids, pii, clock, actor, requestId: 'demo-seed' } : null;
  };
}
