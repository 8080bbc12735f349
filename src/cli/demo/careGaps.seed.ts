import { and, asc, desc, eq, inArray, isNull, like, lt } from 'drizzle-orm';
import { users } from '../../server/modules/accounts/accounts.table';
import { creditTeam, ensureAccount, postTransaction } from '../../server/modules/ledger/ledger.api';
import { ledgerDesignees, ledgerEarningRules } from '../../server/modules/ledger/ledger.table';
import { reverseRedemption } from '../../server/modules/merchants/merchants.redemptions';
import { redemptions } from '../../server/modules/merchants/merchants.table';
import { svcDutyLogs, svcDutySlots, svcStations } from '../../server/modules/services/services.table';
import {
  volunteerActivities,
  volunteerAttendance,
  volunteers,
  volunteerTeams,
} from '../../server/modules/volunteers/volunteers.table';
import { chinaDayStart } from '../../shared/chinaTime';
import { TEAM_RULE_TYPE } from '../../shared/contracts/ledger';
import { type DemoSeedDeps, demoUserCtx, xinxialuCommunities } from './seedContext';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * Demo data of issue 16 item 6 (volunteer and ledger gaps), on top of the volunteers, ledger, merchants
 * and services seeds:
 * - a: one 铜都社区 love-supermarket redemption reversed (冲正) with its reason;
 * - b: 新下陆街道's team earning rule (5 points per member-hour, 100 a day per team) and each community's
 *   first team credited for the four latest activities of its community, run as team activities;
 * - c: 周桂兰, an elderly 铜都社区 volunteer with 10 banked hours, who named her son (login `zhiyuan`)
 *   as family member, consent recorded by staff: he can pay a service order for her on /m;
 * - d: `zhiyuan` on duty today and yesterday at 铜都邻里驿站 (linked login), yesterday's duty logged by
 *   himself: /m/duty.
 */
export async function seedDemoCareGaps(
  deps: DemoSeedDeps,
  opts: { log: (line: string) => void },
): Promise<void> {
  const { db, ids, clock } = deps;
  const admin = await demoUserCtx(deps);
  if (!admin) return;
  const now = clock.now();
  const demo = await xinxialuCommunities(db);
  if (!demo) return;
  const { sd, communities } = demo;
  const tongdu = communities.find((c) => c.name === '铜都社区') ?? communities[0];
  if (!tongdu) return;

  // a: a redemption reversed at 铜都社区 (unsettled: the latest one).
  let reversed = 0;
  const [latest] = await db
    .select()
    .from(redemptions)
    .where(and(like(redemptions.orgPath, `${tongdu.path}%`), isNull(redemptions.settlementId)))
    .orderBy(desc(redemptions.redeemedAt))
    .limit(1);
  if (latest) {
    await reverseRedemption(admin, latest.id, { reason: '店员误扫商品，居民当场未取货，积分退回' });
    reversed = 1;
  }

  // b: the team rule and team activities.
  await db
    .insert(ledgerEarningRules)
    .values({
      id: ids(),
      orgUnitId: sd.id,
      orgPath: sd.path,
      activityType: TEAM_RULE_TYPE,
      pointsPerHour: 5,
      dailyCap: 100,
      updatedAt: now,
    })
    .onConflictDoNothing();
  let teamCredits = 0;
  for (const c of communities) {
    const [team] = await db
      .select()
      .from(volunteerTeams)
      .where(eq(volunteerTeams.communityId, c.id))
      .orderBy(asc(volunteerTeams.createdAt))
      .limit(1);
    if (!team) continue;
    const acts = await db
      .select()
      .from(volunteerActivities)
      .where(
        and(
          eq(volunteerActivities.communityId, c.id),
          isNull(volunteerActivities.teamId),
          lt(volunteerActivities.startsAt, now),
        ),
      )
      .orderBy(desc(volunteerActivities.startsAt))
      .limit(4);
    if (acts.length === 0) continue;
    await db
      .update(volunteerActivities)
      .set({ teamId: team.id })
      .where(
        inArray(
          volunteerActivities.id,
          acts.map((a) => a.id),
        ),
      );
    const atts = await db
      .select()
      .from(volunteerAttendance)
      .where(
        and(
          inArray(
            volunteerAttendance.activityId,
            acts.map((a) => a.id),
          ),
          eq(volunteerAttendance.status, 'confirmed'),
        ),
      );
    await db.transaction(async (tx) => {
      for (const att of atts) {
        if (!att.minutes || att.minutes <= 0) continue;
        const a = acts.find((x) => x.id === att.activityId)!;
        const r = await creditTeam(tx, admin, {
          idempotencyKey: `team_activity:${att.id}`,
          teamId: team.id,
          teamName: team.name,
          communityUnitId: c.id,
          minutes: att.minutes,
          sourceId: att.id,
          occurredAt: att.checkOutAt ?? a.startsAt,
          memo: a.title,
        });
        if (r.points > 0) teamCredits++;
      }
    });
  }

  // c: 周桂兰 (an elderly volunteer with banked hours) and her son (login zhiyuan), consent recorded.
  const [zhiyuan] = await db.select().from(users).where(eq(users.username, 'zhiyuan'));
  if (zhiyuan) {
    const elderId = ids();
    await db.insert(volunteers).values({
      id: elderId,
      name: '周桂兰',
      kind: 'resident',
      skills: ['陪伴聊天'],
      orgUnitId: tongdu.id,
      orgPath: tongdu.path,
      communityId: tongdu.id,
      status: 'active',
      createdAt: new Date(now.getTime() - 900 * DAY),
      updatedAt: now,
    });
    await db.transaction(async (tx) => {
      const acc = (ownerKind: string, ownerId: string, name: string) =>
        ensureAccount(tx, admin, {
          ownerKind,
          ownerId,
          unit: 'minutes',
          orgUnitId: tongdu.id,
          orgPath: tongdu.path,
          name,
        });
      const minutes = await acc('volunteer', elderId, '周桂兰');
      const issuer = await acc('community', tongdu.id, tongdu.name);
      await postTransaction(tx, admin, {
        idempotencyKey: `demo.elder-bank:${elderId}`,
        kind: 'service_credit',
        memo: '2023–2024 年邻里互助服务时间储蓄',
        sourceType: 'activity',
        sourceId: elderId,
        activityType: 'neighbour_help',
        occurredAt: new Date(now.getTime() - 400 * DAY),
        entries: [
          { accountId: minutes, unit: 'minutes', amount: 600 },
          { accountId: issuer, unit: 'minutes', amount: -600 },
        ],
      });
      const consentAt = new Date(now.getTime() - 10 * DAY);
      await tx.insert(ledgerDesignees).values({
        id: ids(),
        accountId: minutes,
        name: zhiyuan.displayName,
        relation: '儿子',
        userId: zhiyuan.id,
        link: 'declared',
        consentBy: 'staff',
        consentAt,
        consentNote: '周桂兰本人在社区党群服务中心当面同意，社区工作者见证',
        consentRecordedBy: admin.actor.userId,
        createdAt: consentAt,
        createdBy: admin.actor.userId,
      });
    });
  }

  // d: zhiyuan on duty at 铜都邻里驿站 today and yesterday; yesterday's log written by himself.
  let dutySlots = 0;
  const [station] = await db
    .select()
    .from(svcStations)
    .where(eq(svcStations.communityId, tongdu.id))
    .limit(1);
  if (zhiyuan && station) {
    const today = chinaDayStart(now).getTime();
    for (const [offset, from, to] of [
      [-1, 18, 20],
      [0, 18, 20],
    ] as const) {
      const startsAt = new Date(today + offset * DAY + from * HOUR);
      const slotId = ids();
      await db.insert(svcDutySlots).values({
        id: slotId,
        stationId: station.id,
        orgPath: station.orgPath,
        orgUnitId: station.orgUnitId,
        personType: 'party_leader',
        personName: zhiyuan.displayName,
        personKey: `user:${zhiyuan.id}`,
        personUserId: zhiyuan.id,
        startsAt,
        endsAt: new Date(today + offset * DAY + to * HOUR),
        createdAt: now,
      });
      dutySlots++;
      if (offset < 0)
        await db.insert(svcDutyLogs).values({
          id: ids(),
          slotId,
          stationId: station.id,
          orgPath: station.orgPath,
          orgUnitId: station.orgUnitId,
          at: new Date(startsAt.getTime() + 1.5 * HOUR),
          content: '晚间值班：帮 3 位老人预约下周理发，登记 2 号楼楼道灯不亮（已转网格员）',
          visitors: 5,
          selfEntered: true,
          createdBy: zhiyuan.id,
          createdByName: zhiyuan.displayName,
        });
    }
  }
  opts.log(
    `care gaps: ${reversed} redemption reversed, ${teamCredits} team credits, 周桂兰's time bank for her son (zhiyuan), ${dutySlots} duty slots for zhiyuan (/m/duty)`,
  );
}
