import { and, asc, desc, eq, gt, like, sql } from 'drizzle-orm';
import { ledgerAccounts } from '../../server/modules/ledger/ledger.table';
import { ensureCommunityAccount, postTransaction } from '../../server/modules/ledger/ledger.core';
import {
  merchantSettlements,
  redemptionItems,
  redemptionLines,
  redemptionPoints,
  redemptionPointUsers,
  redemptions,
} from '../../server/modules/merchants/merchants.table';
import { orgUnits } from '../../server/modules/org/org.table';
import { volunteers } from '../../server/modules/volunteers/volunteers.table';
import {
  ensurePointAccount,
  ensureVolunteerPointsAccount,
  pointsMove,
} from '../../server/modules/merchants/merchants.common';
import type { AppDeps, UseCaseCtx } from '../../server/platform/context';
import { maskPhone } from '../../server/platform/crypto';
import { usccCheckChar } from '../../shared/validation/codes';
import { insertDemoLogin } from './demoLogin';
import { xinxialuCommunities } from './seedContext';

type Line = [name: string, category: string, price: number, stock: number];

const SUPERMARKET: Line[] = [
  ['金龙鱼大豆油1.8L', 'grain_oil', 120, 20],
  ['东北大米5kg', 'grain_oil', 150, 30],
  ['挂面1kg', 'grain_oil', 30, 40],
  ['洗衣液2kg', 'daily', 80, 25],
  ['抽纸(10包)', 'daily', 60, 30],
  ['牙膏套装', 'daily', 40, 20],
  ['毛巾', 'daily', 20, 50],
];
const BARBER: Line[] = [
  ['理发券(单次)', 'voucher', 50, 100],
  ['老人上门理发', 'service', 80, 20],
];
const GROCERY: Line[] = [
  ['鸡蛋(10枚)', 'grain_oil', 25, 60],
  ['食盐500g', 'grain_oil', 10, 80],
  ['香皂', 'daily', 15, 40],
];
const REPAIR: Line[] = [
  ['家电清洗券', 'voucher', 100, 15],
  ['换锁芯服务', 'service', 60, 10],
];

/**
 * Demo data of the merchants module (R-VP-1): a love supermarket in each of 新下陆街道's 12 communities
 * registered this year (so the target of 10 shows met) plus merchants from earlier years, catalogues,
 * the merchant login `shangjia` at 铜都社区爱心超市, and — when the volunteers seed gave someone points — a
 * few redemptions in past months, the earlier ones settled.
 */
export async function seedDemoMerchants(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log: (line: string) => void; logins: string[] },
): Promise<void> {
  const { db, clock, ids, pii } = deps;
  const ctx: UseCaseCtx = { ...deps };
  const xinxialu = await xinxialuCommunities(db);
  if (!xinxialu) return;
  const { sd, communities } = xinxialu;
  if (communities.length === 0) return;
  const now = clock.now();
  const year = Number(new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
  const day = (y: number, m: number, d: number) =>
    `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  let usccSeq = 0;
  const uscc = () => {
    const first17 = `92420204MA4${String(1000 + ++usccSeq).padStart(4, '0')}X0`.slice(0, 17);
    return first17 + usccCheckChar(first17);
  };

  const points: { id: string; name: string; orgUnitId: string; orgPath: string; items: string[] }[] = [];
  const addPoint = async (
    c: (typeof communities)[number],
    p: {
      kind: string;
      name: string;
      address: string;
      contact: string;
      phone: string;
      on: string;
      fen: number | null;
      withUscc: boolean;
      lines: Line[];
    },
  ) => {
    const id = ids();
    await db.insert(redemptionPoints).values({
      id,
      kind: p.kind,
      name: p.name,
      address: p.address,
      contactName: p.contact,
      contactPhoneEnc: pii.encrypt(p.phone),
      contactPhoneMask: maskPhone(p.phone),
      uscc: p.withUscc ? uscc() : null,
      status: 'active',
      registeredOn: p.on,
      fenPerPoint: p.fen,
      orgUnitId: c.id,
      orgPath: c.path,
      createdAt: now,
      updatedAt: now,
    });
    const itemIds: string[] = [];
    for (const [name, category, price, stock] of p.lines) {
      const itemId = ids();
      itemIds.push(itemId);
      await db.insert(redemptionItems).values({
        id: itemId,
        pointId: id,
        name,
        category,
        pricePoints: price,
        stock,
        active: true,
        createdAt: now,
        updatedAt: now,
      });
    }
    points.push({ id, name: p.name, orgUnitId: c.id, orgPath: c.path, items: itemIds });
    return id;
  };

  // This year: a love supermarket in every community (12 ≥ the target of 10).
  for (const [i, c] of communities.entries()) {
    const short = c.name.replace(/社区$/, '');
    await addPoint(c, {
      kind: 'love_supermarket',
      name: `${c.name}爱心超市`,
      address: `${short}社区党群服务中心一楼`,
      contact: `${short}社区工作者`,
      phone: `1397140${String(1000 + i).padStart(4, '0')}`,
      on: day(year, 1 + (i % 10), 5 + i),
      fen: null,
      withUscc: false,
      lines: SUPERMARKET,
    });
  }
  // Earlier years: a few merchants.
  const merchants: [number, string, string, Line[]][] = [
    [0, '铜都美发屋', '铜都社区团城山路18号', BARBER],
    [1, '西花苑便民超市', '西花苑社区新下陆大道66号', GROCERY],
    [2, '孔雀苑家电维修部', '孔雀苑社区孔雀路9号', REPAIR],
    [3, '铜花理发店', '铜花社区铜花路3号', BARBER],
    [0, '铜都惠民粮油店', '铜都社区下陆大道120号', GROCERY],
  ];
  for (const [j, [ci, name, address, lines]] of merchants.entries()) {
    const c = communities[ci % communities.length]!;
    await addPoint(c, {
      kind: 'merchant',
      name,
      address,
      contact: `${name.slice(0, 1)}老板`,
      phone: `1357140${String(2000 + j).padStart(4, '0')}`,
      on: day(year - 1 - (j % 2), 3 + j, 10),
      fen: 5 + (j % 3) * 5,
      withUscc: true,
      lines,
    });
  }

  // The merchant login at 铜都社区爱心超市.
  const tongdu = communities.find((c) => c.name === '铜都社区') ?? communities[0]!;
  const supermarket = points.find((p) => p.orgUnitId === tongdu.id)!;
  const userId = await insertDemoLogin(db, ids, now, {
    username: 'shangjia',
    displayName: '铜都爱心超市店员',
    title: '铜都社区爱心超市',
    role: 'merchant',
    orgUnitId: tongdu.id,
  });
  await db
    .insert(redemptionPointUsers)
    .values({ id: ids(), pointId: supermarket.id, userId, createdAt: now });
  opts.logins.push('shangjia       merchant counter (铜都社区爱心超市)');

  // Redemptions by volunteers who earned points (volunteers/services seeds), in the past months.
  const holders = await db
    .select({
      id: volunteers.id,
      name: volunteers.name,
      communityId: volunteers.communityId,
      balance: ledgerAccounts.balance,
    })
    .from(volunteers)
    .innerJoin(
      ledgerAccounts,
      and(
        eq(ledgerAccounts.ownerKind, 'volunteer'),
        sql`${ledgerAccounts.ownerId} = ${volunteers.id}::text`,
        eq(ledgerAccounts.unit, 'points'),
      ),
    )
    .where(and(gt(ledgerAccounts.balance, 40), like(volunteers.orgPath, `${sd.path}%`)))
    .orderBy(desc(ledgerAccounts.balance))
    .limit(12);
  let made = 0;
  for (const [k, h] of holders.entries()) {
    const point = points.find((p) => p.orgUnitId === h.communityId) ?? supermarket;
    const items = await db
      .select()
      .from(redemptionItems)
      .where(eq(redemptionItems.pointId, point.id))
      .orderBy(asc(redemptionItems.pricePoints));
    // Spend at most half the balance, so the phone page still shows points to redeem.
    const affordable = items.filter((i) => i.pricePoints <= Math.floor(h.balance / 2));
    const item = affordable[k % Math.max(1, affordable.length)];
    if (!item) continue;
    const at = new Date(now.getTime() - (3 + ((k * 11) % 80)) * 86_400_000);
    const [community] = await db.select().from(orgUnits).where(eq(orgUnits.id, h.communityId));
    await db.transaction(async (tx) => {
      const vol = await ensureVolunteerPointsAccount(
        tx,
        ctx,
        h,
        community ?? { id: point.orgUnitId, path: point.orgPath },
      );
      const acc = await ensurePointAccount(tx, ctx, point);
      const id = ids();
      const posted = await postTransaction(tx, ctx, {
        idempotencyKey: `merchants.redeem:demo-${id}`,
        kind: 'redemption',
        memo: point.name,
        sourceType: 'redemption',
        sourceId: id,
        occurredAt: at,
        entries: pointsMove(vol, acc, item.pricePoints),
      });
      const dateCode = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replace(/-/g, '');
      await tx.insert(redemptions).values({
        id,
        number: `DH${dateCode}${id.replace(/-/g, '').slice(-8).toUpperCase()}`,
        pointId: point.id,
        orgUnitId: point.orgUnitId,
        orgPath: point.orgPath,
        volunteerId: h.id,
        volunteerName: h.name,
        totalPoints: item.pricePoints,
        idempotencyKey: `demo-${id}`,
        transactionId: posted.transactionId,
        counterUserId: point.id === supermarket.id ? userId : null,
        redeemedAt: at,
      });
      await tx.insert(redemptionLines).values({
        id: ids(),
        redemptionId: id,
        itemId: item.id,
        itemName: item.name,
        unitPoints: item.pricePoints,
        quantity: 1,
        points: item.pricePoints,
      });
      await tx
        .update(redemptionItems)
        .set({ stock: item.stock - 1 })
        .where(eq(redemptionItems.id, item.id));
    });
    made++;
  }

  // Settle the redemptions older than a month, per point.
  const cutoff = new Date(now.getTime() - 30 * 86_400_000);
  const upTo = new Date(cutoff.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
  let settled = 0;
  for (const p of points) {
    const due = (await db.select().from(redemptions).where(eq(redemptions.pointId, p.id))).filter(
      (r) => !r.settlementId && r.redeemedAt < cutoff,
    );
    if (due.length === 0) continue;
    const total = due.reduce((s, r) => s + r.totalPoints, 0);
    const [pt] = await db.select().from(redemptionPoints).where(eq(redemptionPoints.id, p.id));
    const community = communities.find((c) => c.id === p.orgUnitId)!;
    await db.transaction(async (tx) => {
      const acc = await ensurePointAccount(tx, ctx, p);
      const com = await ensureCommunityAccount(tx, ctx, community, 'points');
      const id = ids();
      const posted = await postTransaction(tx, ctx, {
        idempotencyKey: `merchants.settle:demo-${id}`,
        kind: 'settlement',
        memo: p.name,
        sourceType: 'merchant_settlement',
        sourceId: id,
        entries: pointsMove(acc, com, total),
      });
      await tx.insert(merchantSettlements).values({
        id,
        number: `JS${upTo.replace(/-/g, '')}${id.replace(/-/g, '').slice(-8).toUpperCase()}`,
        pointId: p.id,
        orgUnitId: p.orgUnitId,
        orgPath: p.orgPath,
        upTo,
        redemptionCount: due.length,
        pointsTotal: total,
        fenPerPoint: pt?.fenPerPoint ?? null,
        cashFen: pt?.fenPerPoint ? total * pt.fenPerPoint : 0,
        idempotencyKey: `demo-${id}`,
        transactionId: posted.transactionId,
        note: '演示数据：月度结算',
        createdAt: now,
      });
      for (const r of due)
        await tx.update(redemptions).set({ settlementId: id }).where(eq(redemptions.id, r.id));
    });
    settled++;
  }
  opts.log(
    `merchants: ${points.length} redemption points (${communities.length} this year), ${made} redemptions, ${settled} settlements; login shangjia`,
  );
}
