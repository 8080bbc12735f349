import { and, asc, eq, like } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { orgUnits } from '../../server/modules/org/org.table';
import { loadActor } from '../../server/platform/auth';
import type { ActorCtx, AppDeps } from '../../server/platform/context';
import type { Db } from '../../server/platform/db';

/** What a demo seed runs on: the database, clock, ids and PII keys of the app. */
export type DemoSeedDeps = Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>;

/** The use-case context of demo user `username` (default `admin`) a seed writes as; null when there is none. */
export async function demoUserCtx(deps: DemoSeedDeps, username = 'admin'): Promise<ActorCtx | null> {
  const { db, ids, pii, clock } = deps;
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const actor = u ? await loadActor(db, u.id) : null;
  if (!actor) return null;
  return { db, ids, pii, clock, actor, requestId: 'demo-seed' };
}

/** The demo subdistrict 新下陆街道, or undefined when the org tree lacks it. */
export async function xinxialuSubdistrict(db: Db) {
  const [sd] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'subdistrict'), eq(orgUnits.name, '新下陆街道')));
  return sd;
}

/** The demo subdistrict 新下陆街道 (seed 003) and its communities in display order; null when it is missing. */
export async function xinxialuCommunities(db: Db) {
  const sd = await xinxialuSubdistrict(db);
  if (!sd) return null;
  const communities = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, 'community'), like(orgUnits.path, `${sd.path}%`)))
    .orderBy(asc(orgUnits.sort), asc(orgUnits.name));
  return { sd, communities };
}
