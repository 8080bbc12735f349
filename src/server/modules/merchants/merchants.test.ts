import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, signInNewUser } from '../../../../test/app';
import { usccCheckChar } from '../../../shared/validation/codes';
import type { UseCaseCtx } from '../../platform/context';
import { rowsOf } from '../../platform/db';
import { balancesOf, ensureAccount, postTransaction } from '../ledger/ledger.core';
import { volunteers } from '../volunteers/volunteers.table';
import { redemptionCodes } from './merchants.table';

let t: TestApp;
let worker: Client;
let shop: Client;
let pointId: string;
let rice: { id: string };
let soap: { id: string };
const vols: Record<string, string> = {};
let seq = 0;
const key = () => `test-key-${++seq}-${Date.now()}`;

const uscc = (first17: string) => first17 + usccCheckChar(first17);

function ctx(): UseCaseCtx {
  return { db: t.deps.db, clock: t.clock, ids: t.deps.ids, pii: t.deps.pii };
}

/** A volunteer profile linked to a login (role volunteer at 铜都第一网格), holding `points` love points. */
async function volunteer(username: string, points: number) {
  const userId = await createUser(t, username, [{ role: 'volunteer', orgUnitId: t.fx.tongduGrid.id }]);
  const id = t.deps.ids();
  const now = t.clock.now();
  await t.database.db.insert(volunteers).values({
    id,
    userId,
    name: `志愿者${username}`,
    kind: 'resident',
    orgUnitId: t.fx.tongduGrid.id,
    orgPath: t.fx.tongduGrid.path,
    communityId: t.fx.tongdu.id,
    gridId: t.fx.tongduGrid.id,
    createdAt: now,
    updatedAt: now,
  });
  if (points > 0)
    await t.database.db.transaction(async (tx) => {
      const c = ctx();
      const com = await ensureAccount(tx, c, {
        ownerKind: 'community',
        ownerId: t.fx.tongdu.id,
        unit: 'points',
        orgUnitId: t.fx.tongdu.id,
        orgPath: t.fx.tongdu.path,
        name: '铜都社区',
      });
      const vol = await ensureAccount(tx, c, {
        ownerKind: 'volunteer',
        ownerId: id,
        unit: 'points',
        orgUnitId: t.fx.tongdu.id,
        orgPath: t.fx.tongdu.path,
        name: username,
      });
      await postTransaction(tx, c, {
        idempotencyKey: `test-earn-${id}`,
        kind: 'service_credit',
        entries: [
          { accountId: com, unit: 'points', amount: -points },
          { accountId: vol, unit: 'points', amount: points },
        ],
      });
    });
  vols[username] = id;
  return id;
}

const balance = async (username: string) =>
  (await balancesOf(t.database.db, 'volunteer', vols[username]!)).points;

async function codeFor(username: string, body: Record<string, unknown> = {}) {
  const c = await t.as(username);
  const res = await c.post('/api/merchants/me/codes', body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { code: string; expiresAt: string; volunteerName: string; balance: number };
}

async function stockOf(itemId: string) {
  const p = (await worker.get(`/api/merchants/points/${pointId}`)).json();
  return p.items.find((i: { id: string }) => i.id === itemId).stock as number;
}

async function postings(prefix: string) {
  return rowsOf<{ n: number }>(
    await t.database.db.execute(
      sql`select count(*)::int as n from ledger_transactions where idempotency_key like ${`${prefix}%`}`,
    ),
  )[0]!.n;
}

function redeemAs(c: Client, body: Record<string, unknown>, idem = key()) {
  return c.request({
    method: 'POST',
    url: '/api/merchants/redemptions',
    payload: { pointId, ...body },
    headers: { 'idempotency-key': idem },
  });
}

/** A merchant point of 铜都 registered by the community worker, with `operator` linked to it when given. */
async function tongduMerchant(name: string, operator?: string) {
  const point = (
    await worker.post('/api/merchants/points', { kind: 'merchant', name, orgUnitId: t.fx.tongdu.id })
  ).json();
  if (operator) await worker.post(`/api/merchants/points/${point.id}/operators`, { username: operator });
  return point;
}

/** An item the community worker adds to a point's catalogue. */
async function addItem(point: string, item: Record<string, unknown>) {
  return (await worker.post(`/api/merchants/points/${point}/items`, item)).json();
}

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'shop1', [{ role: 'merchant', orgUnitId: t.fx.tongdu.id }]);
  await createUser(t, 'shop2', [{ role: 'merchant', orgUnitId: t.fx.tongdu.id }]);
  await createUser(t, 'shop_xhy', [{ role: 'merchant', orgUnitId: t.fx.xihuayuan.id }]);
  worker = await t.as('tongdu_worker');
  const res = await worker.post('/api/merchants/points', {
    kind: 'love_supermarket',
    name: '铜都社区爱心超市',
    address: '铜都社区党群服务中心一楼',
    contactName: '陈店长',
    contactPhone: '13800001234',
    fenPerPoint: 10,
    orgUnitId: t.fx.tongdu.id,
  });
  expect(res.statusCode, res.body).toBe(201);
  pointId = res.json().id;
  rice = await addItem(pointId, { name: '大米5kg', category: 'grain_oil', pricePoints: 50, stock: 10 });
  soap = await addItem(pointId, { name: '洗衣皂', category: 'daily', pricePoints: 5, stock: 1 });
  expect(
    (await worker.post(`/api/merchants/points/${pointId}/operators`, { username: 'shop1' })).statusCode,
  ).toBe(200);
  shop = await t.as('shop1');
  await volunteer('vol_a', 400);
  await volunteer('vol_b', 30);
  await volunteer('vol_c', 100);
  await volunteer('vol_d', 100);
});
afterAll(() => t.close());

describe('redemption points and catalogues (R-VP-1)', () => {
  it('R-VP-1: community staff register a love supermarket; the phone is masked and kept out of the audit trail', async () => {
    const p = (await worker.get(`/api/merchants/points/${pointId}`)).json();
    expect(p).toMatchObject({
      kind: 'love_supermarket',
      status: 'active',
      contactPhone: '138****1234',
      orgUnitName: '铜都社区',
      abilities: { edit: true, counter: true, settle: true },
    });
    expect(p.items.map((i: { name: string }) => i.name).sort()).toEqual(['大米5kg', '洗衣皂'].sort());
    expect(p.operators.map((o: { username: string }) => o.username)).toEqual(['shop1']);
    const audit = rowsOf<{ after: Record<string, unknown> }>(
      await t.database.db.execute(
        sql`select after from audit_log where action = 'merchants.point.create' and entity_id = ${pointId}`,
      ),
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]!.after)).not.toContain('1234');
  });

  it('R-VP-1: a wrong USCC check character is refused (422 merchants.uscc); a valid one is stored once, a second point with it is 409', async () => {
    const valid = uscc('92420200MA4A0B1C2');
    const wrong = valid.slice(0, 17) + (valid[17] === '0' ? '1' : '0');
    const base = { kind: 'merchant', name: '老王理发店', orgUnitId: t.fx.tongdu.id };
    const bad = await worker.post('/api/merchants/points', { ...base, uscc: wrong });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.fields[0]).toMatchObject({ path: 'uscc', code: 'merchants.uscc' });
    const ok = await worker.post('/api/merchants/points', { ...base, uscc: valid.toLowerCase() });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().uscc).toBe(valid);
    const dup = await worker.post('/api/merchants/points', { ...base, name: '另一家', uscc: valid });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('merchants.uscc_taken');
  });

  it('bad catalogue input is 400: a price of 0, a negative stock, a fractional price, unknown fields', async () => {
    for (const body of [
      { name: '毛巾', pricePoints: 0, stock: 1 },
      { name: '毛巾', pricePoints: 5, stock: -1 },
      { name: '毛巾', pricePoints: 2.5, stock: 1 },
      { name: '毛巾', pricePoints: 5, stock: 1, cost: 3 },
    ]) {
      const res = await worker.post(`/api/merchants/points/${pointId}/items`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
  });

  it('R-VP-1: a 西花苑 worker gets 404 on the 铜都 point, its items and its counter; cannot register a point in 铜都 (404)', async () => {
    const xhy = await t.as('xhy_worker');
    expect((await xhy.get(`/api/merchants/points/${pointId}`)).statusCode).toBe(404);
    expect((await xhy.patch(`/api/merchants/items/${rice.id}`, { stock: 99 })).statusCode).toBe(404);
    expect((await xhy.get('/api/merchants/points')).json().items).toEqual([]);
    const res = await xhy.post('/api/merchants/points', {
      kind: 'merchant',
      name: 'x',
      orgUnitId: t.fx.tongdu.id,
    });
    expect(res.statusCode).toBe(404);
    expect(
      (await redeemAs(xhy, { volunteerId: vols.vol_a, items: [{ itemId: rice.id, quantity: 1 }] }))
        .statusCode,
    ).toBe(404);
  });

  it('a point registers with a community only; a grid is a field error', async () => {
    const res = await worker.post('/api/merchants/points', {
      kind: 'merchant',
      name: 'x',
      orgUnitId: t.fx.tongduGrid.id,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields[0].code).toBe('merchants.unit_kind');
  });

  it('only a login holding the merchant role at the community can be linked, and to one point only', async () => {
    expect(
      (await worker.post(`/api/merchants/points/${pointId}/operators`, { username: 'shop_xhy' })).statusCode,
    ).toBe(422);
    expect(
      (await worker.post(`/api/merchants/points/${pointId}/operators`, { username: 'grid_worker' }))
        .statusCode,
    ).toBe(422);
    const other = await tongduMerchant('铜都便利店');
    const again = await worker.post(`/api/merchants/points/${other.id}/operators`, { username: 'shop1' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('merchants.user_linked');
  });
});

describe('redemption at the counter (R-VP-1)', () => {
  it('R-VP-1: the volunteer shows a code, the merchant redeems: stock and balance go down in one transaction, audited; the code is single use', async () => {
    const before = await balance('vol_a');
    const stock = await stockOf(rice.id);
    const c = await codeFor('vol_a');
    expect(c.code).toMatch(/^\d{8}$/);
    expect(c.balance).toBe(before);
    expect(new Date(c.expiresAt).getTime() - t.clock.now().getTime()).toBe(10 * 60_000);
    const stored = await t.database.db.select().from(redemptionCodes);
    expect(stored.some((r) => r.codeHash.includes(c.code))).toBe(false);

    const look = await shop.post('/api/merchants/counter/lookup', { pointId, code: c.code });
    expect(look.statusCode).toBe(200);
    expect(look.json()).toMatchObject({ volunteerName: '志愿者vol_a', balance: before });

    const res = await redeemAs(shop, { code: c.code, items: [{ itemId: rice.id, quantity: 2 }] });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ totalPoints: 100, replayed: false, balanceAfter: before - 100 });
    expect(r.number).toMatch(/^DH\d{8}[0-9A-F]{8}$/);
    expect(await balance('vol_a')).toBe(before - 100);
    expect(await stockOf(rice.id)).toBe(stock - 2);
    const audit = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'merchants.redeem' and entity_id = ${r.id}`,
      ),
    );
    expect(audit[0]!.n).toBe(1);

    const reuse = await redeemAs(shop, { code: c.code, items: [{ itemId: rice.id, quantity: 1 }] });
    expect(reuse.statusCode).toBe(409);
    expect(reuse.json().error.code).toBe('merchants.code_used');
  });

  it('R-VP-1: a replayed request (same Idempotency-Key) returns the first result and posts once', async () => {
    const idem = key();
    const c = await codeFor('vol_a');
    const first = await redeemAs(shop, { code: c.code, items: [{ itemId: rice.id, quantity: 1 }] }, idem);
    expect(first.statusCode).toBe(201);
    const bal = await balance('vol_a');
    const stock = await stockOf(rice.id);
    const again = await redeemAs(shop, { code: c.code, items: [{ itemId: rice.id, quantity: 1 }] }, idem);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: first.json().id, replayed: true, totalPoints: 50 });
    expect(await balance('vol_a')).toBe(bal);
    expect(await stockOf(rice.id)).toBe(stock);
    expect(await postings(`merchants.redeem:${idem}`)).toBe(1);
    // The key in the body works the same way.
    const c2 = await codeFor('vol_a');
    const bodyKey = key();
    const b1 = await shop.post('/api/merchants/redemptions', {
      pointId,
      code: c2.code,
      items: [{ itemId: rice.id, quantity: 1 }],
      idempotencyKey: bodyKey,
    });
    const b2 = await shop.post('/api/merchants/redemptions', {
      pointId,
      code: c2.code,
      items: [{ itemId: rice.id, quantity: 1 }],
      idempotencyKey: bodyKey,
    });
    expect([b1.statusCode, b2.statusCode]).toEqual([201, 200]);
    expect(b2.json().id).toBe(b1.json().id);
    // Another login sending the same key is refused, not answered with this redemption.
    const foreign = await worker.post('/api/merchants/redemptions', {
      pointId,
      code: c2.code,
      items: [{ itemId: rice.id, quantity: 1 }],
      idempotencyKey: bodyKey,
    });
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json().error.code).toBe('merchants.idempotency_conflict');
  });

  it('R-VP-1: the same request sent twice at once posts once: one 201, one 200 replay', async () => {
    const idem = key();
    const c = await codeFor('vol_a');
    const bal = await balance('vol_a');
    const body = { code: c.code, items: [{ itemId: rice.id, quantity: 1 }] };
    const [a, b] = await Promise.all([redeemAs(shop, body, idem), redeemAs(shop, body, idem)]);
    expect([a.statusCode, b.statusCode].sort(), a.body + b.body).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(await postings(`merchants.redeem:${idem}`)).toBe(1);
    expect(await balance('vol_a')).toBe(bal - 50);
  });

  it('R-VP-1: redeeming more than the balance is 409 and nothing changes (stock, balance, code still usable)', async () => {
    const c = await codeFor('vol_b'); // 30 points
    const stock = await stockOf(rice.id);
    const res = await redeemAs(shop, { code: c.code, items: [{ itemId: rice.id, quantity: 1 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('ledger.insufficient_balance');
    expect(await stockOf(rice.id)).toBe(stock);
    expect(await balance('vol_b')).toBe(30);
    const ok = await redeemAs(shop, { code: c.code, items: [{ itemId: soap.id, quantity: 1 }] });
    expect(ok.statusCode).toBe(201);
    expect(await balance('vol_b')).toBe(25);
    // Restock the soap for the race below.
    expect((await worker.patch(`/api/merchants/items/${soap.id}`, { stock: 1 })).statusCode).toBe(200);
  });

  it('R-VP-1: redeeming more than the stock is 409 merchants.out_of_stock and nothing changes', async () => {
    const c = await codeFor('vol_a');
    const bal = await balance('vol_a');
    const res = await redeemAs(shop, {
      code: c.code,
      items: [
        { itemId: rice.id, quantity: 1 },
        { itemId: soap.id, quantity: 2 },
      ],
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('merchants.out_of_stock');
    expect(res.json().error.message).toContain('洗衣皂');
    expect(await balance('vol_a')).toBe(bal);
    expect(await stockOf(soap.id)).toBe(1);
  });

  it('an expired code is 410, an unknown code 404, a malformed code 400; a new code retires the earlier one', async () => {
    const c = await codeFor('vol_c');
    t.clock.advance(10 * 60_000 + 1000);
    const expired = await redeemAs(shop, { code: c.code, items: [{ itemId: rice.id, quantity: 1 }] });
    expect(expired.statusCode).toBe(410);
    expect(expired.json().error.code).toBe('merchants.code_expired');
    const first = await codeFor('vol_c');
    const second = await codeFor('vol_c');
    const retired = await redeemAs(shop, { code: first.code, items: [{ itemId: rice.id, quantity: 1 }] });
    expect(retired.statusCode === 410 || (first.code === second.code && retired.statusCode === 201)).toBe(
      true,
    );
    const unknown = await redeemAs(shop, {
      code: String((Number(second.code) + 1) % 100_000_000).padStart(8, '0'),
      items: [{ itemId: rice.id, quantity: 1 }],
    });
    expect([404, 410]).toContain(unknown.statusCode);
    expect(
      (await redeemAs(shop, { code: '12ab', items: [{ itemId: rice.id, quantity: 1 }] })).statusCode,
    ).toBe(400);
    expect((await redeemAs(shop, { code: second.code, items: [] })).statusCode).toBe(400);
    const noKey = await shop.post('/api/merchants/redemptions', {
      pointId,
      code: second.code,
      items: [{ itemId: rice.id, quantity: 1 }],
    });
    expect(noKey.statusCode).toBe(422);
    expect(noKey.json().error.code).toBe('merchants.idempotency_key');
  });

  it('a merchant of another point gets 404 on this point; a merchant may not enter a volunteer without a code (403)', async () => {
    const other = await tongduMerchant('铜都水果店', 'shop2');
    const shop2 = await t.as('shop2');
    const c = await codeFor('vol_c');
    expect((await shop2.get(`/api/merchants/points/${pointId}`)).statusCode).toBe(404);
    expect((await shop2.post('/api/merchants/counter/lookup', { pointId, code: c.code })).statusCode).toBe(
      404,
    );
    const res = await redeemAs(shop2, { code: c.code, items: [{ itemId: rice.id, quantity: 1 }] });
    expect(res.statusCode).toBe(404);
    const pts = (await shop2.get('/api/merchants/counter/points')).json();
    expect(pts.map((p: { id: string }) => p.id)).toEqual([other.id]);
    const direct = await redeemAs(shop, {
      volunteerId: vols.vol_c,
      items: [{ itemId: rice.id, quantity: 1 }],
    });
    expect(direct.statusCode).toBe(403);
    // Community staff may enter the volunteer directly.
    const staff = await redeemAs(worker, {
      volunteerId: vols.vol_c,
      items: [{ itemId: rice.id, quantity: 1 }],
    });
    expect(staff.statusCode, staff.body).toBe(201);
  });

  it('R-VP-1: two counters redeeming the last item at once: one wins, the other is 409, stock ends at 0', async () => {
    expect(await stockOf(soap.id)).toBe(1);
    const [c1, c2] = [await codeFor('vol_c'), await codeFor('vol_d')];
    const results = await Promise.all([
      redeemAs(shop, { code: c1.code, items: [{ itemId: soap.id, quantity: 1 }] }),
      redeemAs(worker, { code: c2.code, items: [{ itemId: soap.id, quantity: 1 }] }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().error.code).toBe('merchants.out_of_stock');
    expect(await stockOf(soap.id)).toBe(0);
  });

  it('the phone page lists nearby points with in-stock items, the balance and recent redemptions; a non-volunteer gets 409 for a code', async () => {
    const v = await t.as('vol_a');
    const me = (await v.get('/api/merchants/me')).json();
    expect(me.volunteerName).toBe('志愿者vol_a');
    expect(me.balance).toBe(await balance('vol_a'));
    expect(me.points[0]).toMatchObject({ name: '铜都社区爱心超市', ownCommunity: true });
    expect(me.recent.length).toBeGreaterThan(0);
    const staffCode = await worker.post('/api/merchants/me/codes', {});
    expect(staffCode.statusCode).toBe(403);
    const r = await signInNewUser(t, 'plain_resident', 'resident', t.fx.tongduGrid.id);
    const res = await r.post('/api/merchants/me/codes', {});
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('merchants.not_a_volunteer');
    expect((await t.anonymous.get('/api/merchants/me')).statusCode).toBe(401);
  });
});

describe('more refusals at the counter', () => {
  it('a code picked for another point is 409 at this one; a suspended point cannot redeem (409); a merchant sees its point read-only', async () => {
    const other = await tongduMerchant('铜都书店');
    const book = await addItem(other.id, { name: '图书券', pricePoints: 5, stock: 5 });
    const c = await codeFor('vol_d', { pointId: other.id, items: [{ itemId: book.id, quantity: 1 }] });
    const res = await redeemAs(shop, { code: c.code, items: [{ itemId: rice.id, quantity: 1 }] });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('merchants.code_other_point');
    // Items of another point are refused at this counter.
    const c2 = await codeFor('vol_d');
    const foreignItem = await redeemAs(shop, { code: c2.code, items: [{ itemId: book.id, quantity: 1 }] });
    expect(foreignItem.statusCode).toBe(422);
    expect(foreignItem.json().error.details.fields[0].code).toBe('merchants.item_unknown');
    // A suspended point: no redemption, and it drops off the counter list.
    expect(
      (await worker.patch(`/api/merchants/points/${other.id}`, { status: 'suspended' })).statusCode,
    ).toBe(200);
    const c3 = await codeFor('vol_d');
    const suspended = await worker.request({
      method: 'POST',
      url: '/api/merchants/redemptions',
      payload: { pointId: other.id, code: c3.code, items: [{ itemId: book.id, quantity: 1 }] },
      headers: { 'idempotency-key': key() },
    });
    expect(suspended.statusCode).toBe(409);
    expect(suspended.json().error.code).toBe('merchants.point_inactive');
    const counter = (await worker.get('/api/merchants/counter/points')).json();
    expect(counter.map((p: { id: string }) => p.id)).not.toContain(other.id);
    // The merchant reads its own point without edit rights, and cannot change the catalogue (403).
    const mine = (await shop.get(`/api/merchants/points/${pointId}`)).json();
    expect(mine.abilities).toEqual({ edit: false, counter: true, settle: false });
    expect(mine.operators).toEqual([]);
    expect((await shop.patch(`/api/merchants/items/${rice.id}`, { stock: 999 })).statusCode).toBe(403);
    expect((await t.anonymous.get('/api/merchants/points')).statusCode).toBe(401);
  });

  it('wrong codes are recorded; after 10 in 10 minutes the counter login must wait (429)', async () => {
    await createUser(t, 'shop_guess', [{ role: 'merchant', orgUnitId: t.fx.tongdu.id }]);
    const other = await tongduMerchant('铜都猜码店', 'shop_guess');
    const g = await t.as('shop_guess');
    for (let i = 0; i < 10; i++) {
      const res = await g.post('/api/merchants/counter/lookup', {
        pointId: other.id,
        code: String(10_000_000 + i),
      });
      expect([404, 409, 410]).toContain(res.statusCode);
    }
    const blocked = await g.post('/api/merchants/counter/lookup', { pointId: other.id, code: '10000099' });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().error.code).toBe('merchants.too_many_attempts');
    t.clock.advance(10 * 60_000 + 1000);
    const later = await g.post('/api/merchants/counter/lookup', { pointId: other.id, code: '10000099' });
    expect(later.statusCode).not.toBe(429);
  });

  it('every write leaves an audit record: point edits, catalogue changes, counter logins, codes and settlements', async () => {
    const rows = rowsOf<{ action: string; n: number }>(
      await t.database.db.execute(
        sql`select action, count(*)::int as n from audit_log where action like 'merchants.%' group by action`,
      ),
    );
    const by = Object.fromEntries(rows.map((r) => [r.action, r.n]));
    for (const action of [
      'merchants.point.create',
      'merchants.point.update',
      'merchants.item.create',
      'merchants.item.update',
      'merchants.operator.link',
      'merchants.code.issue',
      'merchants.redeem',
    ])
      expect(by[action], action).toBeGreaterThan(0);
  });
});

describe('reversal of a redemption (冲正, R-VP-1)', () => {
  it('R-VP-1: staff reverse a redemption: a compensating ledger posting returns the points, stock comes back, the redemption shows the reason, audited; never twice', async () => {
    const before = await balance('vol_a');
    const stock = await stockOf(rice.id);
    const c = await codeFor('vol_a');
    const res = await redeemAs(shop, { code: c.code, items: [{ itemId: rice.id, quantity: 1 }] });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(await balance('vol_a')).toBe(before - r.totalPoints);
    // The counter login may not reverse; a foreign community gets 404; a reason is required.
    expect(
      (await shop.post(`/api/merchants/redemptions/${r.id}/reverse`, { reason: '误操作' })).statusCode,
    ).toBe(403);
    const xhy = await t.as('xhy_worker');
    expect(
      (await xhy.post(`/api/merchants/redemptions/${r.id}/reverse`, { reason: '误操作' })).statusCode,
    ).toBe(404);
    expect((await worker.post(`/api/merchants/redemptions/${r.id}/reverse`, {})).statusCode).toBe(400);

    const rev = await worker.post(`/api/merchants/redemptions/${r.id}/reverse`, {
      reason: '店员扫错商品，居民未取货',
    });
    expect(rev.statusCode, rev.body).toBe(200);
    expect(rev.json()).toMatchObject({
      id: r.id,
      reversal: { reason: '店员扫错商品，居民未取货' },
      abilities: { reverse: false },
    });
    expect(await balance('vol_a')).toBe(before);
    expect(await stockOf(rice.id)).toBe(stock);
    // Append-only: the original posting is untouched and a new one names it.
    const txs = rowsOf<{ id: string; kind: string; reverses_id: string | null }>(
      await t.database.db.execute(
        sql`select id, kind, reverses_id from ledger_transactions where id = ${r.transactionId} or reverses_id = ${r.transactionId}`,
      ),
    );
    expect(txs).toHaveLength(2);
    expect(txs.find((x) => x.reverses_id === r.transactionId)?.kind).toBe('reversal');
    const audit = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'merchants.reverse' and entity_id = ${r.id}`,
      ),
    );
    expect(audit[0]!.n).toBe(1);

    const twice = await worker.post(`/api/merchants/redemptions/${r.id}/reverse`, { reason: '再次冲正' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('merchants.already_reversed');
    // The generic ledger reversal still refuses a redemption (owned by the merchants module).
    const listed = (await worker.get(`/api/merchants/redemptions?pointId=${pointId}`)).json();
    expect(listed.items.find((x: { id: string }) => x.id === r.id).reversal.reason).toBe(
      '店员扫错商品，居民未取货',
    );
    // Not settled later: a reversed redemption is not among the redemptions to settle.
    const toSettle = (
      await worker.get(`/api/merchants/redemptions?pointId=${pointId}&settled=false&pageSize=200`)
    ).json();
    expect(toSettle.items.some((x: { id: string }) => x.id === r.id)).toBe(false);
  });
});

describe('settlement (R-VP-1)', () => {
  it('R-VP-1: the community settles every unsettled redemption up to a date: one record, one posting, cash at the rate; a replay returns it; nothing is settled twice', async () => {
    const unsettled = (
      await worker.get(`/api/merchants/redemptions?pointId=${pointId}&settled=false&pageSize=200`)
    ).json();
    const total = unsettled.items.reduce((s: number, r: { totalPoints: number }) => s + r.totalPoints, 0);
    expect(total).toBeGreaterThan(0);
    const idem = key();
    const today = new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const settleReq = () =>
      worker.request({
        method: 'POST',
        url: `/api/merchants/points/${pointId}/settlements`,
        payload: { upTo: today, note: '11月结算' },
        headers: { 'idempotency-key': idem },
      });
    const res = await settleReq();
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      pointsTotal: total,
      redemptionCount: unsettled.total,
      fenPerPoint: 10,
      cashFen: total * 10,
      replayed: false,
    });
    const again = await settleReq();
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: res.json().id, replayed: true });
    expect(await postings(`merchants.settle:${idem}`)).toBe(1);
    expect((await balancesOf(t.database.db, 'merchant', pointId)).points).toBe(0);
    const left = (await worker.get(`/api/merchants/redemptions?pointId=${pointId}&settled=false`)).json();
    expect(left.total).toBe(0);
    const nothing = await worker.request({
      method: 'POST',
      url: `/api/merchants/points/${pointId}/settlements`,
      payload: { upTo: today },
      headers: { 'idempotency-key': key() },
    });
    expect(nothing.statusCode).toBe(409);
    expect(nothing.json().error.code).toBe('merchants.nothing_to_settle');
    const future = await worker.request({
      method: 'POST',
      url: `/api/merchants/points/${pointId}/settlements`,
      payload: { upTo: '2099-01-01' },
      headers: { 'idempotency-key': key() },
    });
    expect(future.statusCode).toBe(422);
    // Merchants cannot settle; a foreign community cannot see the settlement.
    expect((await shop.get('/api/merchants/settlements')).statusCode).toBe(403);
    const xhy = await t.as('xhy_worker');
    expect((await xhy.get('/api/merchants/settlements')).json().total).toBe(0);
    const list = (await worker.get('/api/merchants/settlements')).json();
    expect(list.items[0]).toMatchObject({ id: res.json().id, pointName: '铜都社区爱心超市' });
    const audit = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from audit_log where action = 'merchants.settle' and entity_id = ${res.json().id}`,
      ),
    );
    expect(audit[0]!.n).toBe(1);
  });

  it('R-VP-1: a redemption already settled with the point cannot be reversed (409 with the settlement named)', async () => {
    const settled = (await worker.get(`/api/merchants/redemptions?pointId=${pointId}&settled=true`)).json();
    const r = settled.items[0];
    expect(r.abilities.reverse).toBe(false);
    const res = await worker.post(`/api/merchants/redemptions/${r.id}/reverse`, { reason: '居民退货' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('merchants.reverse_settled');
    expect(res.json().error.message).toContain('结算');
  });

  it('settlements export as .xlsx with the totals', async () => {
    const res = await worker.get('/api/merchants/settlements/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(1).value).toBe('结算单号');
    expect(ws.getRow(2).getCell(2).value).toBe('铜都社区爱心超市');
  });
});

describe('report (R-VP-1)', () => {
  it('R-VP-1: new redemption points this year per subdistrict against the target of 10, points by point and month, top items', async () => {
    const rep = (await worker.get('/api/merchants/report?year=2026')).json();
    expect(rep.target).toBe(10);
    const sd = rep.newPoints.find((s: { subdistrictName: string }) => s.subdistrictName === '新下陆街道');
    expect(sd.count).toBeGreaterThanOrEqual(4);
    expect(sd).toMatchObject({ met: false, wholeSubdistrict: false });
    expect(
      rep.byPointMonth.some((r: { month: string; points: number }) => r.month === '2026-11' && r.points > 0),
    ).toBe(true);
    expect(rep.topItems[0].itemName).toBe('大米5kg');
    expect(rep.totals.points).toBe(rep.totals.settledPoints);
    const sdAdmin = await t.as('sd_admin');
    for (let i = 0; i < 8; i++)
      await sdAdmin.post('/api/merchants/points', {
        kind: 'merchant',
        name: `西花苑商户${i}`,
        orgUnitId: t.fx.xihuayuan.id,
      });
    const rep2 = (await sdAdmin.get('/api/merchants/report?year=2026')).json();
    expect(rep2.newPoints[0]).toMatchObject({
      subdistrictName: '新下陆街道',
      met: true,
      wholeSubdistrict: true,
    });
    expect(rep2.newPoints[0].count).toBeGreaterThanOrEqual(10);
    // The 西花苑 worker's report counts only 西花苑's points.
    const xhy = await t.as('xhy_worker');
    expect((await xhy.get('/api/merchants/report?year=2026')).json().newPoints[0].count).toBe(8);
  });
});

describe('list filters by unit (DESIGN convention 5: out of scope is 404)', () => {
  const ROUTES = [
    '/api/merchants/points',
    '/api/merchants/redemptions',
    '/api/merchants/settlements',
    '/api/merchants/settlements/export.xlsx',
    '/api/merchants/report',
  ];
  it('a 西花苑 worker filtering any merchants list by 铜都社区 gets the same 404 as for a unit that does not exist', async () => {
    const xhy = await t.as('xhy_worker');
    for (const url of ROUTES) {
      const outside = await xhy.get(`${url}?orgUnitId=${t.fx.tongdu.id}`);
      const unknown = await xhy.get(`${url}?orgUnitId=${t.deps.ids()}`);
      expect(outside.statusCode, url).toBe(404);
      expect(unknown.statusCode, url).toBe(404);
      expect(outside.json(), url).toEqual(unknown.json());
      // Its own community still filters.
      expect((await xhy.get(`${url}?orgUnitId=${t.fx.xihuayuan.id}`)).statusCode, url).toBe(200);
    }
  });

  it('a 西花苑 worker filtering redemptions or settlements by the 铜都 point gets the same 404 as for a point that does not exist', async () => {
    const xhy = await t.as('xhy_worker');
    const worker = await t.as('tongdu_worker');
    for (const url of [
      '/api/merchants/redemptions',
      '/api/merchants/settlements',
      '/api/merchants/settlements/export.xlsx',
    ]) {
      const outside = await xhy.get(`${url}?pointId=${pointId}`);
      const unknown = await xhy.get(`${url}?pointId=${t.deps.ids()}`);
      expect(outside.statusCode, url).toBe(404);
      expect(outside.json(), url).toEqual(unknown.json());
      expect((await worker.get(`${url}?pointId=${pointId}`)).statusCode, url).toBe(200);
    }
  });

  it('a merchant login filters by its own community, and gets 404 for another', async () => {
    for (const url of ['/api/merchants/points', '/api/merchants/redemptions']) {
      expect((await shop.get(`${url}?orgUnitId=${t.fx.tongdu.id}`)).statusCode, url).toBe(200);
      expect((await shop.get(`${url}?orgUnitId=${t.fx.xihuayuan.id}`)).statusCode, url).toBe(404);
    }
  });
});

describe('database', () => {
  it('every redemption is balanced in the ledger: the volunteer paid what the point received', async () => {
    const rows = rowsOf<{ s: number }>(
      await t.database.db.execute(sql`select coalesce(sum(e.amount), 0)::int as s from ledger_entries e
        join ledger_transactions tr on tr.id = e.transaction_id where tr.kind = 'redemption'`),
    );
    expect(rows[0]!.s).toBe(0);
    const [v] = await t.database.db.select().from(volunteers).where(eq(volunteers.id, vols.vol_a!));
    expect(v).toBeDefined();
  });
});
