/** Lookups the demo seeds share: the demo subdistrict 新下陆街道 (seed 003) and acting as a demo login. */
import { and, asc, eq, like } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { orgUnits } from '../../server/modules/org/org.table';
import { loadActor } from '../../server/platform/auth';
import type { ActorCtx, AppDeps } from '../../server/platform/context';
import type { Db } from '../../server/platform/db';

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
