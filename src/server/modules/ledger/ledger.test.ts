import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, count, eq, inArray, like, sql } from 'drizzle-orm';
import { createTestApp, createUser, type TestApp } from '../../../../test/app';
import type { UseCaseCtx } from '../../platform/context';
import { auditLog } from '../../platform/audit.table';
import { volunteers } from '../volunteers/volunteers.table';
import { balancesOf, ensureAccount, postTransaction } from './ledger.core';
import { creditService } from './ledger.credit';
import { ledgerAccounts, ledgerEarningRules, ledgerTransactions } from './ledger.table';
import { withdrawTime } from './ledger.usecases';
import { ledgerVerifyCommand, verifyLedger } from './ledger.verify';

let t: TestApp;
let ctx: UseCaseCtx;
// One app for the file; each test gets its own volunteers, login and keys (see beforeEach), so tests
// don't see each other's balances. Tests that read the whole ledger get an app of their own (ownApp).
let n = 0;
let volId: string;
let xhyVolId: string;
/** 张志愿<n>: the 铜都 volunteer of the current test, linked to the login `zhiyuan<n>`. */
let volName: string;
let xhyName: string;
let username: string;
/** An idempotency key (or other unique name) of the current test. */
const key = (k: string) => `${k}-t${n}`;

async function addVolunteer(name: string, community: { id: string; path: string }, userId?: string) {
  const id = t.deps.ids();
  const now = t.clock.now();
  await t.database.db.insert(volunteers).values({
    id,
    name,
    kind: 'party_member',
    orgUnitId: community.id,
    orgPath: community.path,
    communityId: community.id,
    userId: userId ?? null,
    createdAt: now,
    updatedAt: now,
  });
  return id;
}

const credit = (
  key: string,
  volunteerId: string,
  communityUnitId: string,
  minutes: number,
  name = '志愿者',
) =>
  t.database.db.transaction((tx) =>
    creditService(tx, ctx, {
      idempotencyKey: key,
      volunteerId,
      volunteerName: name,
      communityUnitId,
      minutes,
      activityType: 'elderly_care',
      sourceType: 'activity',
      sourceId: key,
      occurredAt: t.clock.now(),
    }),
  );

async function accountOf(ownerId: string, unit: 'points' | 'minutes') {
  const [a] = await t.database.db
    .select()
    .from(ledgerAccounts)
    .where(sql`${ledgerAccounts.ownerId} = ${ownerId} and ${ledgerAccounts.unit} = ${unit}`);
  return a!;
}

const ctxOf = (app: TestApp): UseCaseCtx => ({
  db: app.deps.db,
  clock: app.deps.clock,
  ids: app.deps.ids,
  pii: app.deps.pii,
});

/** For a describe whose test reads or tampers with the whole ledger: a fresh app just for it. */
function ownApp() {
  let shared: TestApp;
  beforeAll(async () => {
    shared = t;
    t = await createTestApp();
    ctx = ctxOf(t);
  });
  afterAll(async () => {
    await t.close();
    t = shared;
    ctx = ctxOf(t);
  });
}

const countOf = async (action: string) =>
  (await t.database.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, action)))[0]!.n;

/** Earning rules are per community: a test that sets one removes it again, whatever happened. */
const dropTongduRules = () =>
  t.database.db.delete(ledgerEarningRules).where(eq(ledgerEarningRules.orgUnitId, t.fx.tongdu.id));

beforeAll(async () => {
  t = await createTestApp();
  ctx = ctxOf(t);
});
afterAll(() => t.close());

beforeEach(async () => {
  n++;
  volName = `张志愿${n}`;
  xhyName = `西志愿${n}`;
  username = `zhiyuan${n}`;
  const uid = await createUser(t, username, [{ role: 'volunteer', orgUnitId: t.fx.tongdu.id }]);
  volId = await addVolunteer(volName, t.fx.tongdu, uid);
  xhyVolId = await addVolunteer(xhyName, t.fx.xihuayuan);
  await credit(key('seed-1'), volId, t.fx.tongdu.id, 120, volName);
  await credit(key('seed-2'), xhyVolId, t.fx.xihuayuan.id, 60, xhyName);
});

describe('ledger API', () => {
  it('R-VP-1: staff list the accounts of their community only; a 西花苑 worker gets 404 on a 铜都 account', async () => {
    const tongdu = await t.as('tongdu_worker');
    const list = (await tongdu.get('/api/ledger/accounts?pageSize=200')).json();
    expect(list.total).toBeLessThanOrEqual(200);
    expect(list.items.map((a: { name: string }) => a.name)).toContain(volName);
    expect(list.items.map((a: { name: string }) => a.name)).not.toContain(xhyName);
    expect(list.items.every((a: { orgUnitId: string }) => a.orgUnitId === t.fx.tongdu.id)).toBe(true);
    const acc = await accountOf(volId, 'points');
    expect((await tongdu.get(`/api/ledger/accounts/${acc.id}/statement`)).statusCode).toBe(200);
    const xhy = await t.as('xhy_worker');
    expect((await xhy.get(`/api/ledger/accounts/${acc.id}`)).statusCode).toBe(404);
    expect((await xhy.get(`/api/ledger/accounts/${acc.id}/statement`)).statusCode).toBe(404);
    expect((await xhy.get('/api/ledger/accounts/not-a-uuid')).statusCode).toBe(404);
  });

  it('filtering the account list by a unit outside the scope answers the same 404 as a unit that does not exist', async () => {
    const xhy = await t.as('xhy_worker');
    const outside = await xhy.get(`/api/ledger/accounts?orgUnitId=${t.fx.tongdu.id}`);
    const unknown = await xhy.get(`/api/ledger/accounts?orgUnitId=${t.deps.ids()}`);
    expect(outside.statusCode).toBe(404);
    expect(unknown.statusCode).toBe(404);
    expect(outside.json()).toEqual(unknown.json());
    const own = (
      await (await t.as('tongdu_worker')).get(`/api/ledger/accounts?orgUnitId=${t.fx.tongdu.id}&pageSize=200`)
    ).json();
    expect(own.total).toBeLessThanOrEqual(200);
    expect(own.items.map((a: { name: string }) => a.name)).toContain(volName);
  });

  it('R-VP-1: a statement shows the running balance and exports to .xlsx', async () => {
    await credit(key('more'), volId, t.fx.tongdu.id, 60, volName);
    const acc = await accountOf(volId, 'points');
    const c = await t.as('tongdu_worker');
    const s = (await c.get(`/api/ledger/accounts/${acc.id}/statement`)).json();
    expect(s.items.map((l: { amount: number; balanceAfter: number }) => [l.amount, l.balanceAfter])).toEqual([
      [10, 30],
      [20, 20],
    ]);
    expect(s.items[0].counterparts).toEqual(['铜都社区']);
    const x = await c.get(`/api/ledger/accounts/${acc.id}/statement.xlsx`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(x.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('R-VP-1: a volunteer sees their own accounts (ledger.own) and gets 404 on anyone else’s', async () => {
    const me = await t.as(username);
    const mine = (await me.get('/api/ledger/me')).json();
    expect(mine.volunteer.name).toBe(volName);
    expect(mine.points.balance).toBe(20);
    expect(mine.minutes.balance).toBe(120);
    expect((await me.get(`/api/ledger/accounts/${mine.points.id}/statement`)).statusCode).toBe(200);
    const other = await accountOf(xhyVolId, 'points');
    expect((await me.get(`/api/ledger/accounts/${other.id}/statement`)).statusCode).toBe(404);
    expect((await me.get('/api/ledger/accounts')).statusCode).toBe(403);
  });

  it('R-VP-1: a reversal compensates with a reason, at most once, and is audited', async () => {
    const acc = await accountOf(volId, 'points');
    const c = await t.as('tongdu_worker');
    const s = (await c.get(`/api/ledger/accounts/${acc.id}/statement`)).json();
    const txId = s.items[0].transactionId;
    const reverseAudits = await countOf('ledger.reverse');
    const bad = await c.post(`/api/ledger/transactions/${txId}/reverse`, {
      reason: '',
      idempotencyKey: key('rev-000001'),
    });
    expect(bad.statusCode).toBe(400);
    const r1 = await c.post(`/api/ledger/transactions/${txId}/reverse`, {
      reason: '重复登记',
      idempotencyKey: key('rev-000001'),
    });
    expect(r1.statusCode).toBe(200);
    expect(await balancesOf(t.database.db, 'volunteer', volId)).toEqual({ points: 0, minutes: 0 });
    const again = await c.post(`/api/ledger/transactions/${txId}/reverse`, {
      reason: '重复登记',
      idempotencyKey: key('rev-000001'),
    });
    expect(again.json()).toEqual({ transactionId: r1.json().transactionId, duplicate: true });
    const twice = await c.post(`/api/ledger/transactions/${txId}/reverse`, {
      reason: '再冲一次',
      idempotencyKey: key('rev-000002'),
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('ledger.already_reversed');
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ledger.reverse'), eq(auditLog.entityId, txId)));
    expect(audits).toHaveLength(1);
    expect(await countOf('ledger.reverse')).toBe(reverseAudits + 1);
    const xhy = await t.as('xhy_worker');
    const other = await xhy.post(`/api/ledger/transactions/${txId}/reverse`, {
      reason: 'x',
      idempotencyKey: key('rev-000003'),
    });
    expect(other.statusCode).toBe(404);
    expect((await verifyLedger(t.database.db, t.clock)).ok).toBe(true);
  });

  it('R-VP-1: earning rules are set per community by staff in scope and drive creditService', async () => {
    const c = await t.as('tongdu_worker');
    const ruleAudits = await countOf('ledger.rule.put');
    try {
      const put = await c.put('/api/ledger/rules', {
        orgUnitId: t.fx.tongdu.id,
        activityType: 'elderly_care',
        pointsPerHour: 30,
        dailyCap: 45,
      });
      expect(put.statusCode).toBe(200);
      const r = await credit(key('after-rule'), volId, t.fx.tongdu.id, 120);
      expect(r.points).toBe(25); // 60 points by rate, cut by the daily cap (20 already earned today)
      const grid = await c.put('/api/ledger/rules', {
        orgUnitId: t.fx.tongduGrid.id,
        activityType: '*',
        pointsPerHour: 1,
        dailyCap: 1,
      });
      expect(grid.statusCode).toBe(422);
      const foreign = await (await t.as('xhy_worker')).request({
        method: 'PUT',
        url: '/api/ledger/rules',
        payload: { orgUnitId: t.fx.tongdu.id, activityType: '*', pointsPerHour: 1, dailyCap: 1 },
      });
      expect(foreign.statusCode).toBe(404);
      const list = (await c.get(`/api/ledger/rules?orgUnitId=${t.fx.tongdu.id}`)).json();
      expect(list.items).toHaveLength(1);
      expect(list.items[0]).toMatchObject({ id: put.json().id, pointsPerHour: 30, dailyCap: 45 });
      const audits = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.action, 'ledger.rule.put'), eq(auditLog.entityId, put.json().id)));
      expect(audits).toHaveLength(1);
      expect(await countOf('ledger.rule.put')).toBe(ruleAudits + 1);
    } finally {
      await dropTongduRules();
    }
  });

  it('R-VP-2: the holder designates a family member; staff record a withdrawal for them; no overdraft', async () => {
    const me = await t.as(username);
    const minutes = await accountOf(volId, 'minutes');
    const d = await me.post(`/api/ledger/accounts/${minutes.id}/designees`, {
      name: '张奶奶',
      relation: '母亲',
    });
    expect(d.statusCode).toBe(200);
    const unknown = await me.post(`/api/ledger/accounts/${minutes.id}/designees`, {
      name: '某人',
      relation: '父亲',
      residentId: t.deps.ids(),
    });
    expect(unknown.statusCode).toBe(422);
    // The holder cannot record withdrawals themselves (staff record services delivered).
    const self = await me.post(`/api/ledger/accounts/${minutes.id}/withdraw`, {
      minutes: 30,
      beneficiary: d.json().id,
      memo: '陪诊',
      idempotencyKey: key('wd-0000001'),
    });
    expect(self.statusCode).toBe(403);
    const c = await t.as('tongdu_worker');
    const w = await c.post(`/api/ledger/accounts/${minutes.id}/withdraw`, {
      minutes: 30,
      beneficiary: d.json().id,
      memo: '陪诊',
      idempotencyKey: key('wd-0000001'),
    });
    expect(w.statusCode).toBe(200);
    const retry = await c.post(`/api/ledger/accounts/${minutes.id}/withdraw`, {
      minutes: 30,
      beneficiary: d.json().id,
      memo: '陪诊',
      idempotencyKey: key('wd-0000001'),
    });
    expect(retry.json().duplicate).toBe(true);
    expect((await balancesOf(t.database.db, 'volunteer', volId)).minutes).toBe(90);
    const stranger = await c.post(`/api/ledger/accounts/${minutes.id}/withdraw`, {
      minutes: 10,
      beneficiary: t.deps.ids(),
      memo: '陪诊',
      idempotencyKey: key('wd-0000002'),
    });
    expect(stranger.json().error.code).toBe('ledger.not_designee');
    const over = await c.post(`/api/ledger/accounts/${minutes.id}/withdraw`, {
      minutes: 91,
      beneficiary: 'holder',
      memo: '助浴',
      idempotencyKey: key('wd-0000003'),
    });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('ledger.insufficient_balance');
    expect((await balancesOf(t.database.db, 'volunteer', volId)).minutes).toBe(90);
  });

  it('R-VP-2: withdrawTime (for the services module) spends the holder’s minutes back to the community', async () => {
    const community = await balancesOf(t.database.db, 'community', t.fx.tongdu.id);
    const r = await t.database.db.transaction((tx) =>
      withdrawTime(tx, ctx, {
        idempotencyKey: key('svc-order-1'),
        volunteerId: volId,
        minutes: 45,
        beneficiary: 'holder',
        sourceType: 'service_order',
        sourceId: 'order-1',
        memo: '上门理发',
      }),
    );
    expect(r.duplicate).toBe(false);
    expect((await balancesOf(t.database.db, 'volunteer', volId)).minutes).toBe(75);
    // The 45 minutes go back to the community's account (other tests' postings are on it too).
    expect(await balancesOf(t.database.db, 'community', t.fx.tongdu.id)).toEqual({
      points: community.points,
      minutes: community.minutes + 45,
    });
  });

  it('R-VP-2, R-LAW-VL-2: minutes donated to the community pool serve elderly people living alone; no cash-out', async () => {
    const pool = await balancesOf(t.database.db, 'pool', t.fx.tongdu.id);
    const me = await t.as(username);
    const minutes = await accountOf(volId, 'minutes');
    const d = await me.post(`/api/ledger/accounts/${minutes.id}/donate`, {
      minutes: 100,
      idempotencyKey: key('don-000001'),
    });
    expect(d.statusCode).toBe(200);
    expect(await balancesOf(t.database.db, 'pool', t.fx.tongdu.id)).toEqual({
      points: pool.points,
      minutes: pool.minutes + 100,
    });
    const tooMuch = await me.post(`/api/ledger/accounts/${minutes.id}/donate`, {
      minutes: 21,
      idempotencyKey: key('don-000002'),
    });
    expect(tooMuch.statusCode).toBe(409);
    const c = await t.as('tongdu_worker');
    const p = await c.post('/api/ledger/pool/withdraw', {
      communityId: t.fx.tongdu.id,
      minutes: 60,
      beneficiaryName: '李爷爷(独居)',
      memo: '上门助餐',
      idempotencyKey: key('pool-00001'),
    });
    expect(p.statusCode).toBe(200);
    expect((await balancesOf(t.database.db, 'pool', t.fx.tongdu.id)).minutes).toBe(pool.minutes + 40);
    const xhy = await t.as('xhy_worker');
    const foreign = await xhy.post('/api/ledger/pool/withdraw', {
      communityId: t.fx.tongdu.id,
      minutes: 10,
      beneficiaryName: '某',
      memo: '助餐',
      idempotencyKey: key('pool-00002'),
    });
    expect(foreign.statusCode).toBe(404);
    expect((await c.post(`/api/ledger/accounts/${minutes.id}/cash-out`, { minutes: 1 })).statusCode).toBe(
      404,
    );
  });

  it('R-VP-1: a merchant redemption is not reversed from the ledger (its stock lives in the redemption module)', async () => {
    const vol = await accountOf(volId, 'points');
    const tx = await t.database.db.transaction(async (db) => {
      const shop = await ensureAccount(db, ctx, {
        ownerKind: 'merchant',
        ownerId: t.deps.ids(),
        unit: 'points',
        orgUnitId: t.fx.tongdu.id,
        orgPath: t.fx.tongdu.path,
        name: '爱心超市',
      });
      return postTransaction(db, ctx, {
        idempotencyKey: key('redeem-1'),
        kind: 'redemption',
        entries: [
          { accountId: vol.id, unit: 'points', amount: -5 },
          { accountId: shop, unit: 'points', amount: 5 },
        ],
      });
    });
    const c = await t.as('tongdu_worker');
    const s = (await c.get(`/api/ledger/accounts/${vol.id}/statement`)).json();
    expect(s.items[0]).toMatchObject({ kind: 'redemption', reversible: false });
    const r = await c.post(`/api/ledger/transactions/${tx.transactionId}/reverse`, {
      reason: '退货',
      idempotencyKey: key('rev-redeem-1'),
    });
    expect(r.statusCode).toBe(409);
    expect(r.json().error.code).toBe('ledger.reverse_elsewhere');
    expect((await balancesOf(t.database.db, 'volunteer', volId)).points).toBe(15);
  });

  it('R-VP-1: reversing a service credit gives the day’s points cap back', async () => {
    const c = await t.as('tongdu_worker');
    try {
      await c.put('/api/ledger/rules', {
        orgUnitId: t.fx.tongdu.id,
        activityType: 'elderly_care',
        pointsPerHour: 10,
        dailyCap: 20,
      });
      expect((await credit(key('capped'), volId, t.fx.tongdu.id, 60)).points).toBe(0); // 20 already earned today
      const acc = await accountOf(volId, 'points');
      const first = (await c.get(`/api/ledger/accounts/${acc.id}/statement`)).json().items.at(-1);
      await c.post(`/api/ledger/transactions/${first.transactionId}/reverse`, {
        reason: '登记错人',
        idempotencyKey: key('rev-cap-01'),
      });
      expect((await credit(key('after-reversal'), volId, t.fx.tongdu.id, 60)).points).toBe(10);
    } finally {
      await dropTongduRules();
    }
  });

  it('R-VP-1: a resident without a volunteer record has no accounts and cannot open others’', async () => {
    await createUser(t, key('jumin'), [{ role: 'resident', orgUnitId: t.fx.tongdu.id }]);
    const r = await t.as(key('jumin'));
    const me = (await r.get('/api/ledger/me')).json();
    expect(me).toMatchObject({ volunteer: null, points: null, minutes: null, designees: [] });
    const other = await accountOf(volId, 'minutes');
    expect((await r.get(`/api/ledger/accounts/${other.id}/statement`)).statusCode).toBe(404);
    expect(
      (
        await r.post(`/api/ledger/accounts/${other.id}/donate`, {
          minutes: 1,
          idempotencyKey: key('don-x00001'),
        })
      ).statusCode,
    ).toBe(404);
    expect((await t.anonymous.get('/api/ledger/me')).statusCode).toBe(401);
  });

  it('R-VP-1: every posting writes a hash-chained audit row', async () => {
    // This test's two service credits, and the accounts they touch: its volunteers' and the communities'.
    const txs = await t.database.db
      .select({ id: ledgerTransactions.id })
      .from(ledgerTransactions)
      .where(inArray(ledgerTransactions.idempotencyKey, [key('seed-1'), key('seed-2')]));
    expect(txs).toHaveLength(2);
    const accounts = await t.database.db
      .select({ id: ledgerAccounts.id })
      .from(ledgerAccounts)
      .where(inArray(ledgerAccounts.ownerId, [volId, xhyVolId, t.fx.tongdu.id, t.fx.xihuayuan.id]));
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(
        and(
          like(auditLog.action, 'ledger.%'),
          inArray(
            auditLog.entityId,
            [...txs, ...accounts].map((r) => r.id),
          ),
        ),
      );
    expect(rows.filter((r) => r.action === 'ledger.post')).toHaveLength(2);
    expect(
      rows
        .filter((r) => r.action === 'ledger.post')
        .map((r) => r.entityId)
        .sort(),
    ).toEqual(txs.map((r) => r.id).sort());
    const opened = rows.filter((r) => r.action === 'ledger.account.open');
    expect(opened.length).toBeGreaterThanOrEqual(6);
    // Exactly one opening record per account.
    expect(opened.map((r) => r.entityId).sort()).toEqual(accounts.map((r) => r.id).sort());
  });

  it('R-VP-1: a reversal key used for another transaction is a 409, never a false success; a service key cannot block a reversal', async () => {
    await credit(key('svc-credit-0001'), volId, t.fx.tongdu.id, 60, volName);
    const acc = await accountOf(volId, 'points');
    const c = await t.as('tongdu_worker');
    const [newer, older] = (await c.get(`/api/ledger/accounts/${acc.id}/statement`)).json().items;
    // The client's key equals an existing service credit's key: the reversal still happens.
    const r1 = await c.post(`/api/ledger/transactions/${newer.transactionId}/reverse`, {
      reason: '登记错误',
      idempotencyKey: key('svc-credit-0001'),
    });
    expect(r1.statusCode, r1.body).toBe(200);
    expect(r1.json().duplicate).toBe(false);
    expect((await balancesOf(t.database.db, 'volunteer', volId)).points).toBe(20);
    // The same key on another transaction: refused, and that transaction is not reversed.
    const r2 = await c.post(`/api/ledger/transactions/${older.transactionId}/reverse`, {
      reason: '登记错误',
      idempotencyKey: key('svc-credit-0001'),
    });
    expect(r2.statusCode).toBe(409);
    expect(r2.json().error.code).toBe('ledger.key_reused');
    expect((await balancesOf(t.database.db, 'volunteer', volId)).points).toBe(20);
    // A retry on the first transaction is still the idempotent duplicate.
    const again = await c.post(`/api/ledger/transactions/${newer.transactionId}/reverse`, {
      reason: '登记错误',
      idempotencyKey: key('svc-credit-0001'),
    });
    expect(again.json()).toEqual({ transactionId: r1.json().transactionId, duplicate: true });
    expect((await verifyLedger(t.database.db, t.clock)).ok).toBe(true);
  });

  it('ids that are not uuids (abc, 36 dashes) answer 404 on every ledger path, never a 500', async () => {
    const c = await t.as('tongdu_worker');
    for (const bad of ['abc', '-'.repeat(36), '0123456789abcdef0123456789abcdef----']) {
      expect((await c.get(`/api/ledger/accounts/${bad}`)).statusCode, bad).toBe(404);
      expect((await c.get(`/api/ledger/accounts/${bad}/statement`)).statusCode, bad).toBe(404);
      expect((await c.get(`/api/ledger/accounts/${bad}/designees`)).statusCode, bad).toBe(404);
      const rev = await c.post(`/api/ledger/transactions/${bad}/reverse`, {
        reason: 'x',
        idempotencyKey: key('rev-bad-0001'),
      });
      expect(rev.statusCode, bad).toBe(404);
      expect((await c.request({ method: 'DELETE', url: `/api/ledger/rules/${bad}` })).statusCode, bad).toBe(
        404,
      );
      expect((await c.post(`/api/ledger/designees/${bad}/revoke`)).statusCode, bad).toBe(404);
      expect((await c.get(`/api/ledger/rules?orgUnitId=${bad}`)).statusCode, bad).not.toBe(500);
    }
  });

  it('R-VP-1: verify lists a community worker only the discrepancies of their area and counts the rest', async () => {
    // The shared ledger is otherwise honest (other tests check it): this test's one corrupted balance is
    // the only discrepancy, and it is put back at the end.
    const acc = await accountOf(xhyVolId, 'points');
    await t.database.db.execute(sql`update ledger_accounts set balance = balance + 7 where id = ${acc.id}`);
    try {
      const tongdu = (await (await t.as('tongdu_worker')).post('/api/ledger/verify')).json();
      expect(tongdu.ok).toBe(false);
      expect(tongdu.discrepancies).toEqual([]);
      expect(tongdu.outsideScope).toBe(1);
      const xhy = (await (await t.as('xhy_worker')).post('/api/ledger/verify')).json();
      expect(xhy.discrepancies.map((d: { check: string }) => d.check)).toEqual(['balance_mismatch']);
      expect(xhy.discrepancies[0].id).toBe(acc.id);
      expect(xhy.outsideScope).toBe(0);
      const admin = (await (await t.as('admin')).post('/api/ledger/verify')).json();
      expect(admin.discrepancies).toHaveLength(1);
      expect(admin.outsideScope).toBe(0);
    } finally {
      await t.database.db.execute(sql`update ledger_accounts set balance = balance - 7 where id = ${acc.id}`);
    }
    expect((await verifyLedger(t.database.db, t.clock)).ok).toBe(true);
  });

  it('R-VP-2: a designee can only be a resident of the holder’s community or of the staff member’s area', async () => {
    const { buildResident } = await import('../../../../test/factories');
    const home = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '张奶奶' });
    const away = await buildResident(t.deps, t.fx.xihuayuanBuilding, t.fx.xihuayuan, { name: '外社区' });
    const minutes = await accountOf(volId, 'minutes');
    const me = await t.as(username);
    const ok = await me.post(`/api/ledger/accounts/${minutes.id}/designees`, {
      name: '张奶奶',
      relation: '母亲',
      residentId: home.id,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    // Someone in another community answers like an unknown id, for the holder and for a community worker.
    for (const who of [username, 'tongdu_worker']) {
      const res = await (await t.as(who)).post(`/api/ledger/accounts/${minutes.id}/designees`, {
        name: '某人',
        relation: '父亲',
        residentId: away.id,
      });
      expect(res.statusCode, who).toBe(422);
      expect(res.json().error.details.fields[0]).toMatchObject({ path: 'residentId', code: 'not_found' });
    }
    // The subdistrict's staff cover both communities.
    const sd = await (await t.as('sd_admin')).post(`/api/ledger/accounts/${minutes.id}/designees`, {
      name: '外社区',
      relation: '父亲',
      residentId: away.id,
    });
    expect(sd.statusCode, sd.body).toBe(200);
  });

  // These two read the whole ledger (platform totals, every transaction) or corrupt it: an app each.
  describe('the points report, alone on its ledger', () => {
    ownApp();
    it('R-VP-1, R-VP-2: the report shows points issued and hours deposited by community, and exports', async () => {
      const c = await t.as('sd_admin');
      const r = (await c.get('/api/ledger/reports/points?from=2026-11-01&to=2026-11-30')).json();
      const byName = Object.fromEntries(r.rows.map((x: { communityName: string }) => [x.communityName, x]));
      expect(byName.铜都社区).toMatchObject({
        pointsIssued: 20,
        minutesDeposited: 120,
        pointsBalance: 20,
        volunteers: 1,
      });
      expect(byName.西花苑社区).toMatchObject({ pointsIssued: 10, minutesDeposited: 60 });
      expect(r.total.pointsIssued).toBe(30);
      const tongdu = (
        await (await t.as('tongdu_worker')).get('/api/ledger/reports/points?from=2026-11-01&to=2026-11-30')
      ).json();
      expect(tongdu.rows.map((x: { communityName: string }) => x.communityName)).toEqual(['铜都社区']);
      const x = await c.get('/api/ledger/reports/points.xlsx?from=2026-11-01&to=2026-11-30');
      expect(x.statusCode).toBe(200);
      expect((await c.get('/api/ledger/reports/points?from=2026-12-01&to=2026-11-30')).statusCode).toBe(422);
    });
  });

  describe('verify with tampered rows, alone on its ledger', () => {
    ownApp();
    it('R-VP-1: verify finds nothing on an honest ledger and catches a tampered entry and balance', async () => {
      const c = await t.as('tongdu_worker');
      expect(await ledgerVerifyCommand(t.database.db, t.clock, () => {})).toBe(0);
      const ok = (await c.post('/api/ledger/verify')).json();
      expect(ok).toMatchObject({ ok: true, discrepancies: [] });
      expect(ok.transactions).toBe(2);
      const acc = await accountOf(volId, 'points');
      await t.database.db.execute(
        sql`update ledger_entries set amount = amount + 5 where account_id = ${acc.id}`,
      );
      await t.database.db.execute(
        sql`update ledger_accounts set balance = -3 where owner_id = ${xhyVolId} and unit = 'minutes'`,
      );
      const bad = await verifyLedger(t.database.db, t.clock);
      expect(bad.ok).toBe(false);
      const checks = new Set(bad.discrepancies.map((d) => d.check));
      expect(checks).toContain('unbalanced_transaction');
      expect(checks).toContain('balance_mismatch');
      expect(checks).toContain('running_balance_mismatch');
      expect(checks).toContain('negative_balance');
      const printed: string[] = [];
      expect(await ledgerVerifyCommand(t.database.db, t.clock, (l) => printed.push(l))).toBe(1);
      expect(printed.join('\n')).toContain('balance_mismatch');
      expect((await (await t.as('grid_worker')).post('/api/ledger/verify')).statusCode).toBe(403);
    });
  });
});
