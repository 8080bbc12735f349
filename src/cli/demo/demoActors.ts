import { eq } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { loadActor } from '../../server/platform/auth';
import type { ActorCtx, AppDeps } from '../../server/platform/context';

/** The 12 Xinxialu communities' secretaries (seed 003, attachment 1): community name → demo username. */
export const XINXIALU_SECRETARIES: Readonly<Record<string, string>> = {
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

/**
 * The use-case context of the demo user `username` (null when there is no such user), for a seed that
 * runs the module's use cases as that user on its own clock.
 */
export async function demoUserCtx(
  deps: Pick<AppDeps, 'db' | 'ids' | 'pii' | 'clock'>,
  username: string,
  requestId = 'demo-seed',
): Promise<ActorCtx | null> {
  const { db, ids, pii, clock } = deps;
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const actor = u ? await loadActor(db, u.id) : null;
  return actor ? { db, ids, pii, clock, actor, requestId } : null;
}
