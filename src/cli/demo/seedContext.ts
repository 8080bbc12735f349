import { and, asc, eq, like } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { orgUnits } from '../../server/modules/org/org.table';
import { loadActor } from '../../server/platform/auth';
import type { ActorCtx, AppDeps } from '../../server/platform/context';
import type { Db } from '../../server/platform/db';

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

/** What a demo seed runs on: the database, clock, ids and PII keys of the app. */
export type DemoSeedDeps = Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>;

/** What a demo seed is handed besides its deps: where its progress lines go. */
export interface DemoSeedOpts {
  log: (line: string) => void;
}

/** The use-case context of demo user `username` (default `admin`) a seed writes as; null when there is none. */
export async function demoUserCtx(
  deps: DemoSeedDeps,
  username = 'admin',
  requestId = 'demo-seed',
): Promise<ActorCtx | null> {
  const { db, ids, pii, clock } = deps;
  const [u] = await db.select().from(users).where(eq(users.username, username));
  const actor = u ? await loadActor(db, u.id) : null;
  if (!actor) return null;
  return { db, ids, pii, clock, actor, requestId };
}

/** The demo org unit of `kind` named `name` (the first the database answers), or undefined when there is none. */
async function demoUnitNamed(db: Db, kind: string, name: string) {
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.kind, kind), eq(orgUnits.name, name)));
  return unit;
}

/** The demo subdistrict 新下陆街道, or undefined when the org tree lacks it. */
export function xinxialuSubdistrict(db: Db) {
  return demoUnitNamed(db, 'subdistrict', '新下陆街道');
}

/** The demo community 铜都社区, or undefined when the org tree lacks it. */
export function tongduCommunity(db: Db) {
  return demoUnitNamed(db, 'community', '铜都社区');
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
