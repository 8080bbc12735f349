import { asc, isNotNull, sql } from 'drizzle-orm';
import {
  ensureAccount,
  ensureCommunityAccount,
  ensurePoolAccount,
  postTransaction,
} from '../../server/modules/ledger/ledger.core';
import { ledgerDesignees, ledgerEarningRules } from '../../server/modules/ledger/ledger.table';
import { volunteers } from '../../server/modules/volunteers/volunteers.table';
import type { AppDeps, UseCaseCtx } from '../../server/platform/context';
import { rowsOf } from '../../server/platform/db';
import { xinxialuCommunities } from './seedContext';

/** 新下陆街道's earning rules (points per hour, daily cap per volunteer) by activity type. */
const SUBDISTRICT_RULES: [string, number, number][] = [
  ['*', 10, 80],
  ['elderly_care', 15, 120],
  ['neighbour_help', 12, 100],
  ['emergency', 20, 160],
  ['environment', 10, 60],
  ['culture', 8, 48],
];

/**
 * Demo data of the ledger module: earning rules for 新下陆街道 (with one community's own override),
 * the points, minutes and time-pool accounts of its 12 communities, and — for the first volunteer who
 * has a login — a designated family member and a small donation to the pool, so the phone pages show
 * something. Service points themselves are credited by the volunteers/services seeds via creditService.
 */
export async function seedDemoLedger(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void; logins: string[] },
): Promise<void> {
  const { db, clock, ids } = deps;
  const ctx: UseCaseCtx = { ...deps };
  const xinxialu = await xinxialuCommunities(db);
  if (!xinxialu) return;
  const { sd, communities } = xinxialu;
  const now = clock.now();
  await db.transaction(async (tx) => {
    await tx
      .insert(ledgerEarningRules)
      .values(
        SUBDISTRICT_RULES.map(([activityType, pointsPerHour, dailyCap]) => ({
          id: ids(),
          orgUnitId: sd.id,
          orgPath: sd.path,
          activityType,
          pointsPerHour,
          dailyCap,
          updatedAt: now,
        })),
      )
      .onConflictDoNothing();
    // One community rewards elderly care more (its own rule wins over the subdistrict's).
    const first = communities[0];
    if (first)
      await tx
        .insert(ledgerEarningRules)
        .values({
          id: ids(),
          orgUnitId: first.id,
          orgPath: first.path,
          activityType: 'elderly_care',
          pointsPerHour: 20,
          dailyCap: 150,
          updatedAt: now,
        })
        .onConflictDoNothing();
    for (const c of communities) {
      await ensureCommunityAccount(tx, ctx, c, 'points');
      await ensureCommunityAccount(tx, ctx, c, 'minutes');
      await ensurePoolAccount(tx, ctx, c);
    }
  });

  // A volunteer with a login: a designee and a donation to the pool (when they have banked minutes).
  const [v] = await db
    .select()
    .from(volunteers)
    .where(isNotNull(volunteers.userId))
    .orderBy(asc(volunteers.createdAt))
    .limit(1);
  if (v) {
    const community = communities.find((c) => c.id === v.communityId);
    await db.transaction(async (tx) => {
      const unit = community ?? sd;
      const minutes = await ensureAccount(tx, ctx, {
        ownerKind: 'volunteer',
        ownerId: v.id,
        unit: 'minutes',
        orgUnitId: unit.id,
        orgPath: unit.path,
        name: v.name,
      });
      await tx.insert(ledgerDesignees).values({
        id: ids(),
        accountId: minutes,
        name: `${v.name.slice(0, 1)}桂英`,
        relation: '母亲',
        createdAt: now,
      });
      const [acc] = rowsOf<{ balance: number }>(
        await tx.execute(sql`select balance from ledger_accounts where id = ${minutes}`),
      );
      if (community && acc && acc.balance >= 120) {
        const pool = await ensurePoolAccount(tx, ctx, community);
        await postTransaction(tx, ctx, {
          idempotencyKey: `demo.donate:${v.id}`,
          kind: 'pool_donation',
          memo: `${v.name} → ${community.name}`,
          entries: [
            { accountId: minutes, unit: 'minutes', amount: -60 },
            { accountId: pool, unit: 'minutes', amount: 60 },
          ],
        });
      }
    });
  }
  opts.log(
    `ledger: earning rules for ${sd.name} (${SUBDISTRICT_RULES.length}), accounts for ${communities.length} communities`,
  );
}
