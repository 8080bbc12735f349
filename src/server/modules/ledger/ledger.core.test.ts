import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, sql } from 'drizzle-orm';
import { createTestApp, type TestApp } from '../../../../test/app';
import type { UseCaseCtx } from '../../platform/context';
import { rowsOf } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { auditLog } from '../../platform/audit.table';
import { balancesOf, ensureAccount, postTransaction, TIME_BANK_CAP_MINUTES } from './ledger.core';
import { creditService } from './ledger.credit';
import { ledgerAccounts, ledgerEarningRules, ledgerEntries, ledgerTransactions } from './ledger.table';

let t: TestApp;
let ctx: UseCaseCtx;
beforeAll(async () => {
  t = await createTestApp();
  ctx = { db: t.deps.db, clock: t.deps.clock, ids: t.deps.ids, pii: t.deps.pii };
});
afterAll(() => t.close());

// One app for the file: each test has its own holders and idempotency keys; the community account is
// shared (a credit account), so tests compare its balance before and after.
let n = 0;
let alice: string;
let bob: string;
beforeEach(() => {
  n++;
  alice = `v-alice-${n}`;
  bob = `v-bob-${n}`;
});
/** An idempotency key of the current test. */
const key = (k: string) => `${k}:t${n}`;

const countRows = async (table: typeof ledgerTransactions | typeof ledgerEntries | typeof ledgerAccounts) =>
  (await t.database.db.select({ n: count() }).from(table))[0]!.n;

async function accounts() {
  const db = t.database.db;
  return db.transaction(async (tx) => {
    const base = { orgUnitId: t.fx.tongdu.id, orgPath: t.fx.tongdu.path };
    return {
      issuer: await ensureAccount(tx, ctx, {
        ...base,
        ownerKind: 'community',
        ownerId: t.fx.tongdu.id,
        unit: 'points',
        name: '铜都社区',
      }),
      alice: await ensureAccount(tx, ctx, {
        ...base,
        ownerKind: 'volunteer',
        ownerId: alice,
        unit: 'points',
        name: '张三',
      }),
      bob: await ensureAccount(tx, ctx, {
        ...base,
        ownerKind: 'volunteer',
        ownerId: bob,
        unit: 'points',
        name: '李四',
      }),
    };
  });
}

const post = (k: string, from: string, to: string, amount: number, kind = 'transfer') =>
  t.database.db.transaction((tx) =>
    postTransaction(tx, ctx, {
      idempotencyKey: key(k),
      kind,
      entries: [
        { accountId: from, unit: 'points', amount: -amount },
        { accountId: to, unit: 'points', amount },
      ],
    }),
  );

describe('ledger core', () => {
  it('R-VP-1: ensureAccount opens one account per owner and unit and returns it again', async () => {
    const a = await accounts();
    const opened = await countRows(ledgerAccounts);
    const b = await accounts();
    expect(b).toEqual(a);
    expect(await countRows(ledgerAccounts)).toBe(opened);
    const rows = await t.database.db
      .select()
      .from(ledgerAccounts)
      .where(
        and(inArray(ledgerAccounts.ownerId, [t.fx.tongdu.id, alice, bob]), eq(ledgerAccounts.unit, 'points')),
      );
    expect(rows).toHaveLength(3);
    expect(rows.find((r) => r.id === a.issuer)!.credit).toBe(true);
    expect(rows.find((r) => r.id === a.alice)!.credit).toBe(false);
  });

  it('R-VP-1: a posting balances, updates cached balances and writes an audit row', async () => {
    const a = await accounts();
    const r = await post('k1', a.issuer, a.alice, 30, 'service_credit');
    expect(r.duplicate).toBe(false);
    expect(await balancesOf(t.database.db, 'volunteer', alice)).toEqual({ points: 30, minutes: 0 });
    const entries = await t.database.db
      .select()
      .from(ledgerEntries)
      .where(eq(ledgerEntries.transactionId, r.transactionId));
    expect(entries.reduce((s, e) => s + e.amount, 0)).toBe(0);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, r.transactionId));
    expect(audits.map((x) => x.action)).toEqual(['ledger.post']);
  });

  it('R-VP-1: unbalanced entries are refused and write nothing', async () => {
    const a = await accounts();
    const [transactions, entries] = [await countRows(ledgerTransactions), await countRows(ledgerEntries)];
    await expect(
      t.database.db.transaction((tx) =>
        postTransaction(tx, ctx, {
          idempotencyKey: key('bad'),
          kind: 'transfer',
          entries: [
            { accountId: a.issuer, unit: 'points', amount: -5 },
            { accountId: a.alice, unit: 'points', amount: 4 },
          ],
        }),
      ),
    ).rejects.toMatchObject({ code: 'ledger.unbalanced', status: 422 });
    expect(await countRows(ledgerTransactions)).toBe(transactions);
    expect(await countRows(ledgerEntries)).toBe(entries);
    expect(await balancesOf(t.database.db, 'volunteer', alice)).toEqual({ points: 0, minutes: 0 });
  });

  it('R-VP-1: the same idempotency key twice posts once and returns the first transaction', async () => {
    const a = await accounts();
    const first = await post('same', a.issuer, a.alice, 10);
    const second = await post('same', a.issuer, a.alice, 10);
    expect(second).toEqual({ transactionId: first.transactionId, duplicate: true });
    expect((await balancesOf(t.database.db, 'volunteer', alice)).points).toBe(10);
  });

  it('R-VP-1: a holder account never goes negative; the refused posting leaves nothing', async () => {
    const a = await accounts();
    const transactions = await countRows(ledgerTransactions);
    await post('fund', a.issuer, a.alice, 5);
    const err = await post('over', a.alice, a.bob, 6).catch((e) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'ledger.insufficient_balance', status: 409 });
    expect(await balancesOf(t.database.db, 'volunteer', alice)).toEqual({ points: 5, minutes: 0 });
    const keys = await t.database.db
      .select({ k: ledgerTransactions.idempotencyKey })
      .from(ledgerTransactions)
      .where(inArray(ledgerTransactions.idempotencyKey, [key('fund'), key('over')]));
    expect(keys.map((k) => k.k)).toEqual([key('fund')]);
    expect(await countRows(ledgerTransactions)).toBe(transactions + 1);
  });

  it('R-VP-1: a failure later in the caller transaction rolls the posting back', async () => {
    const a = await accounts();
    const [transactions, entries] = [await countRows(ledgerTransactions), await countRows(ledgerEntries)];
    await expect(
      t.database.db.transaction(async (tx) => {
        await postTransaction(tx, ctx, {
          idempotencyKey: key('mid'),
          kind: 'transfer',
          entries: [
            { accountId: a.issuer, unit: 'points', amount: -7 },
            { accountId: a.alice, unit: 'points', amount: 7 },
          ],
        });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await countRows(ledgerEntries)).toBe(entries);
    expect(await countRows(ledgerTransactions)).toBe(transactions);
    expect((await balancesOf(t.database.db, 'volunteer', alice)).points).toBe(0);
  });

  it('R-VP-1: concurrent transfers from one account never overdraw it', async () => {
    const a = await accounts();
    await post('fund', a.issuer, a.alice, 50);
    const results = await Promise.allSettled(
      Array.from({ length: 12 }, (_, i) => post(`spend-${i}`, a.alice, a.bob, 10)),
    );
    const ok = results.filter((r) => r.status === 'fulfilled').length;
    expect(ok).toBe(5);
    expect(await balancesOf(t.database.db, 'volunteer', alice)).toEqual({ points: 0, minutes: 0 });
    expect((await balancesOf(t.database.db, 'volunteer', bob)).points).toBe(50);
    const sums = rowsOf<{ s: string }>(
      await t.database.db.execute(sql`select coalesce(sum(amount),0) as s from ledger_entries`),
    );
    expect(Number(sums[0]!.s)).toBe(0);
  });

  it('R-VP-1: concurrent retries with one key post once', async () => {
    const a = await accounts();
    const results = await Promise.all(Array.from({ length: 6 }, () => post('retry', a.issuer, a.alice, 3)));
    expect(results.filter((r) => !r.duplicate)).toHaveLength(1);
    expect((await balancesOf(t.database.db, 'volunteer', alice)).points).toBe(3);
    // Retries of a spend that emptied the account still answer "duplicate", not "insufficient".
    const spends = await Promise.all(Array.from({ length: 6 }, () => post('spend-all', a.alice, a.bob, 3)));
    expect(spends.filter((r) => !r.duplicate)).toHaveLength(1);
    expect((await balancesOf(t.database.db, 'volunteer', bob)).points).toBe(3);
  });

  it('R-VP-1: a posting on its own is one atomic statement: concurrent spends and retries without a caller transaction', async () => {
    const a = await accounts();
    const alone = (k: string, from: string, to: string, amount: number) =>
      postTransaction(t.database.db, ctx, {
        idempotencyKey: key(k),
        kind: 'transfer',
        entries: [
          { accountId: from, unit: 'points', amount: -amount },
          { accountId: to, unit: 'points', amount },
        ],
      });
    await alone('fund', a.issuer, a.alice, 40);
    const spends = await Promise.allSettled([
      ...Array.from({ length: 8 }, (_, i) => alone(`spend-${i}`, a.alice, a.bob, 10)),
      ...Array.from({ length: 4 }, () => alone('spend-0', a.alice, a.bob, 10)),
    ]);
    const posted = spends.filter((r) => r.status === 'fulfilled' && !r.value.duplicate);
    expect(posted).toHaveLength(4);
    const refused = spends.filter((r) => r.status === 'rejected');
    for (const r of refused)
      expect((r as PromiseRejectedResult).reason).toMatchObject({ code: 'ledger.insufficient_balance' });
    expect(await balancesOf(t.database.db, 'volunteer', alice)).toEqual({ points: 0, minutes: 0 });
    // Running balances follow the order the postings took: bob's go 10, 20, 30, 40.
    const bobs = rowsOf<{ after: number }>(
      await t.database.db.execute(
        sql`select e.balance_after as after from ledger_entries e where e.account_id = ${a.bob} order by e.seq`,
      ),
    );
    expect(bobs.map((r) => Number(r.after))).toEqual([10, 20, 30, 40]);
    // The transaction and its audit row belong where the holder is.
    const first = (posted[0] as PromiseFulfilledResult<{ transactionId: string }>).value.transactionId;
    const [tx] = await t.database.db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.id, first));
    const [audit] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, tx!.id));
    expect(audit!.orgPath).toBe(t.fx.tongdu.path);
    expect(tx!.orgPath).toBe(t.fx.tongdu.path);
  });

  it("R-VP-1: an unknown account or a unit that is not the account's is refused and writes nothing", async () => {
    const a = await accounts();
    const [transactions, entries] = [await countRows(ledgerTransactions), await countRows(ledgerEntries)];
    const attempt = (accountId: string, unit: 'points' | 'minutes') =>
      postTransaction(t.database.db, ctx, {
        idempotencyKey: key(`bad-${unit}-${accountId.slice(-4)}`),
        kind: 'transfer',
        entries: [
          { accountId: a.issuer, unit, amount: -5 },
          { accountId, unit, amount: 5 },
        ],
      });
    await expect(attempt('01a24636-0000-7000-8000-000000000000', 'points')).rejects.toMatchObject({
      code: 'ledger.account_not_found',
      status: 404,
    });
    await expect(attempt(a.alice, 'minutes')).rejects.toMatchObject({
      code: 'ledger.unit_mismatch',
      status: 422,
    });
    expect(await countRows(ledgerTransactions)).toBe(transactions);
    expect(await countRows(ledgerEntries)).toBe(entries);
  });
});

describe('creditService', () => {
  /** The volunteer of the current test. */
  const v1 = () => `v-1-${n}`;
  const credit = (k: string, minutes: number, over: Partial<Parameters<typeof creditService>[2]> = {}) =>
    t.database.db.transaction((tx) =>
      creditService(tx, ctx, {
        idempotencyKey: key(k),
        volunteerId: v1(),
        volunteerName: '王五',
        communityUnitId: t.fx.tongdu.id,
        minutes,
        activityType: 'elderly_care',
        sourceType: 'activity',
        sourceId: 'act-1',
        occurredAt: new Date('2026-11-23T10:00:00+08:00'),
        ...over,
      }),
    );

  it('R-VP-1: served time earns points by the default rule (10 per hour) and minutes in the time bank', async () => {
    const community = await balancesOf(t.database.db, 'community', t.fx.tongdu.id);
    const r = await credit('c1', 90);
    expect(r).toEqual({ duplicate: false, minutes: 90, points: 15, excessMinutes: 0 });
    expect(await balancesOf(t.database.db, 'volunteer', v1())).toEqual({ points: 15, minutes: 90 });
    // The community issues them (its account is shared with the other tests: compared with before).
    const issued = { points: community.points - 15, minutes: community.minutes - 90 };
    expect(await balancesOf(t.database.db, 'community', t.fx.tongdu.id)).toEqual(issued);
    const again = await credit('c1', 90);
    expect(again).toMatchObject({ duplicate: true, minutes: 90, points: 15 });
    expect(await balancesOf(t.database.db, 'volunteer', v1())).toEqual({ points: 15, minutes: 90 });
    expect(await balancesOf(t.database.db, 'community', t.fx.tongdu.id)).toEqual(issued);
  });

  it('R-VP-1: the daily cap of the activity type limits points per volunteer and China day', async () => {
    // The rule would change the other tests' points: it is removed at the end, whatever happened.
    const ruleId = t.deps.ids();
    await t.database.db.insert(ledgerEarningRules).values({
      id: ruleId,
      orgUnitId: t.fx.subdistrict.id,
      orgPath: t.fx.subdistrict.path,
      activityType: 'elderly_care',
      pointsPerHour: 20,
      dailyCap: 50,
      updatedAt: t.clock.now(),
    });
    try {
      expect((await credit('d1', 120, { sourceId: 'a' })).points).toBe(40);
      expect((await credit('d2', 120, { sourceId: 'b' })).points).toBe(10);
      const r3 = await credit('d3', 60, { sourceId: 'c' });
      expect(r3).toMatchObject({ points: 0, minutes: 60 });
      // Next China day: the cap starts again.
      expect(
        (await credit('d4', 60, { sourceId: 'd', occurredAt: new Date('2026-11-24T00:30:00+08:00') })).points,
      ).toBe(20);
    } finally {
      await t.database.db.delete(ledgerEarningRules).where(eq(ledgerEarningRules.id, ruleId));
    }
  });

  it('R-VP-2, R-LAW-VL-2: the time bank stops at 1,500 hours; the excess is reported, not banked', async () => {
    const db = t.database.db;
    // Bring the account near the cap directly through postings (days of service).
    for (let i = 0; i < 62; i++)
      await credit(`fill-${i}`, 1440, {
        sourceId: `f${i}`,
        occurredAt: new Date(Date.UTC(2026, 0, 1 + i, 2)),
      });
    const before = (await balancesOf(db, 'volunteer', v1())).minutes;
    expect(before).toBe(62 * 1440);
    const r = await credit('over', 1440, {
      sourceId: 'over',
      occurredAt: new Date('2026-05-01T10:00:00+08:00'),
    });
    expect(r.minutes).toBe(TIME_BANK_CAP_MINUTES - before);
    expect(r.excessMinutes).toBe(1440 - (TIME_BANK_CAP_MINUTES - before));
    expect((await balancesOf(db, 'volunteer', v1())).minutes).toBe(TIME_BANK_CAP_MINUTES);
    const [tx] = await db
      .select()
      .from(ledgerTransactions)
      .where(eq(ledgerTransactions.idempotencyKey, key('over')));
    expect(tx!.memo).toContain(`超出时间银行上限 ${r.excessMinutes} 分钟未存入`);
  });

  it('R-VP-1: a negative correction takes back minutes and points of the same source', async () => {
    await credit('c1', 120, { sourceId: 'x' });
    const r = await credit('c1-fix', -60, { sourceId: 'x' });
    expect(r).toMatchObject({ duplicate: false, minutes: -60, points: -10 });
    expect(await balancesOf(t.database.db, 'volunteer', v1())).toEqual({ points: 10, minutes: 60 });
  });

  it('R-VP-1: bad minutes answer 422', async () => {
    await expect(credit('z', 0)).rejects.toMatchObject({ code: 'ledger.bad_minutes', status: 422 });
    await expect(credit('z', 2000)).rejects.toMatchObject({ code: 'ledger.bad_minutes' });
  });
});
