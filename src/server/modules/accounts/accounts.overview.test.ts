import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { buildResident } from '../../../../test/factories';
import { uuidv7 } from '../../platform/clock';
import type { SmsMessage } from '../../platform/sms';
import { ledgerAccounts } from '../ledger/ledger.table';
import { svcOrders } from '../services/services.table';
import { volunteers } from '../volunteers/volunteers.table';

let t: TestApp;
const outbox: SmsMessage[] = [];
let ipSeq = 0;

beforeAll(async () => {
  t = await createTestApp();
  t.deps.sms = { provider: 'test', send: async (m) => void outbox.push(m) };
});
afterAll(() => t.close());

/** Logs in by SMS; a client that sends the session cookie and CSRF header. */
async function smsLogin(phone: string) {
  const remoteAddress = `10.2.0.${++ipSeq}`;
  await t.app.inject({ method: 'POST', url: '/api/auth/sms/send', payload: { phone }, remoteAddress });
  const code = [...outbox].reverse().find((m) => m.phone === phone)!.params.code;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/sms/login',
    payload: { phone, code },
    remoteAddress,
  });
  expect(res.statusCode).toBe(200);
  const headers = {
    cookie: `linli_sid=${res.cookies.find((c) => c.name === 'linli_sid')!.value}`,
    'x-csrf-token': res.json().csrfToken as string,
  };
  const request = (o: InjectOptions) =>
    t.app.inject({ ...o, remoteAddress, headers: { ...headers, ...o.headers } });
  return {
    id: res.json().id as string,
    get: (url: string) => request({ method: 'GET', url }),
    post: (url: string, payload: object) => request({ method: 'POST', url, payload }),
  };
}

const report = (c: { post: (u: string, p: object) => Promise<{ statusCode: number }> }, phone: string) =>
  c.post('/api/public/work-orders', {
    kind: 'help',
    categoryCode: 'street_lamp',
    description: '楼道灯坏了',
    requesterPhone: phone,
    buildingId: t.fx.tongduBuilding.id,
  });

async function serviceOrderFor(userId: string, title: string) {
  const now = t.clock.now();
  await t.database.db.insert(svcOrders).values({
    id: uuidv7(),
    number: `FW${Math.floor(Math.random() * 1e9)}`,
    communityId: t.fx.tongdu.id,
    orgUnitId: t.fx.tongdu.id,
    orgPath: t.fx.tongdu.path,
    title,
    category: 'elderly',
    activityType: 'elderly_care',
    status: 'submitted',
    orderedBy: userId,
    orderedByName: '居民',
    beneficiaryName: '居民',
    createdAt: now,
    updatedAt: now,
  });
}

async function accountFor(ownerKind: string, ownerId: string, unit: 'points' | 'minutes', balance: number) {
  const now = t.clock.now();
  await t.database.db.insert(ledgerAccounts).values({
    id: uuidv7(),
    ownerKind,
    ownerId,
    unit,
    name: `${ownerKind}-${unit}`,
    orgUnitId: t.fx.tongdu.id,
    orgPath: t.fx.tongdu.path,
    balance,
    createdAt: now,
    updatedAt: now,
  });
}

describe('GET /api/me/overview', () => {
  it('needs a session', async () => {
    expect((await t.anonymous.get('/api/me/overview')).statusCode).toBe(401);
  });

  it("a resident sees their own requests (logged in or with their phone), service orders, balances and tiles, nobody else's", async () => {
    const phoneA = '13600000001';
    const phoneB = '13600000002';
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '王秀英', phone: phoneA });
    await buildResident(t.deps, t.fx.xihuayuanBuilding, t.fx.xihuayuan, { name: '刘建国', phone: phoneB });
    // A reported once anonymously with their phone, before having a login.
    expect((await report(t.anonymous, phoneA)).statusCode).toBe(201);
    const a = await smsLogin(phoneA);
    const b = await smsLogin(phoneB);
    expect((await report(a, phoneA)).statusCode).toBe(201);
    expect((await report(b, phoneB)).statusCode).toBe(201);
    await serviceOrderFor(a.id, '陪同就医');
    await serviceOrderFor(b.id, '代买药品');
    await accountFor('user', a.id, 'points', 120);
    await accountFor('user', a.id, 'minutes', 90);

    const ra = (await a.get('/api/me/overview')).json();
    expect(ra.user).toEqual({ id: a.id, displayName: '王秀英', phoneMask: '136****0001' });
    expect(ra.resident).toEqual({ linked: true, communityName: '铜都社区' });
    expect(ra.requests.total).toBe(2);
    expect(ra.requests.items[0]).toMatchObject({
      kind: 'help',
      categoryName: expect.any(String),
      closedAt: null,
    });
    expect(ra.serviceOrders.total).toBe(1);
    expect(ra.serviceOrders.items.map((o: { title: string }) => o.title)).toEqual(['陪同就医']);
    expect(ra.points).toBe(120);
    expect(ra.timeBankMinutes).toBe(90);
    expect(ra.links).toEqual({
      report: true,
      track: true,
      services: true,
      orders: true,
      points: true,
      timebank: true,
      activities: false,
      hours: false,
      certificate: false,
      tasks: false,
      redeem: false,
    });
    expect(JSON.stringify(ra)).not.toContain('代买药品');
    expect(JSON.stringify(ra)).not.toContain('13600000001');

    const rb = (await b.get('/api/me/overview')).json();
    expect(rb.requests.total).toBe(1);
    expect(rb.serviceOrders.items.map((o: { title: string }) => o.title)).toEqual(['代买药品']);
    expect(rb.points).toBeNull();
    expect(rb.timeBankMinutes).toBeNull();
    expect(rb.resident.communityName).toBe('西花苑社区');
  });

  it('a resident who is a registered volunteer also gets the volunteer tiles and their volunteer balances', async () => {
    const phone = '13600000003';
    const c = await smsLogin(phone);
    const volunteerId = uuidv7();
    const now = t.clock.now();
    await t.database.db.insert(volunteers).values({
      id: volunteerId,
      userId: c.id,
      name: '志愿者',
      kind: 'resident',
      orgUnitId: t.fx.tongdu.id,
      orgPath: t.fx.tongdu.path,
      communityId: t.fx.tongdu.id,
      createdAt: now,
      updatedAt: now,
    });
    await accountFor('volunteer', volunteerId, 'points', 35);
    const r = (await c.get('/api/me/overview')).json();
    expect(r.resident).toEqual({ linked: false, communityName: null });
    expect(r.points).toBe(35);
    expect(r.links).toMatchObject({ activities: true, hours: true, certificate: true, redeem: true });
    // No role yet (not in the registry): no ordering services, no ledger pages.
    expect(r.links).toMatchObject({ services: false, points: false, tasks: false });
  });

  it('staff get an overview of their own (usually empty) too', async () => {
    const w = await t.as('tongdu_worker');
    const r = (await w.get('/api/me/overview')).json();
    expect(r.requests.total).toBe(0);
    expect(r.user.phoneMask).toBeNull();
  });
});
