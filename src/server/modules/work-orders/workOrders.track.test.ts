import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { workOrders } from './workOrders.table';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let ipSeq = 0;
const newIp = () => `10.1.0.${++ipSeq}`;

function post(url: string, payload: object, ip = newIp()) {
  return t.app.inject({ method: 'POST', url, payload, remoteAddress: ip });
}

async function report(phone = '13800005678') {
  const res = await post('/api/public/work-orders', {
    kind: 'help',
    categoryCode: 'street_lamp',
    description: '楼下路灯不亮，晚上看不见台阶',
    requesterPhone: phone,
    buildingId: t.fx.tongduBuilding.id,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { number: string; token: string };
}

describe('R-WO-2 result feedback: tracking by order number + last four digits of the phone (issue 17)', () => {
  it('shows the public view for the right pair, the same as with the tracking link', async () => {
    const { number, token } = await report();
    const res = await post('/api/public/work-orders/track', { number, phoneLast4: '5678' });
    expect(res.statusCode).toBe(200);
    const byToken = await t.anonymous.get(`/api/public/work-orders/${number}?token=${token}`);
    expect(byToken.statusCode).toBe(200); // the older links keep working
    expect(res.json()).toEqual(byToken.json());
    expect(res.json()).toMatchObject({
      number,
      status: 'submitted',
      description: '楼下路灯不亮，晚上看不见台阶',
    });
    expect(JSON.stringify(res.json())).not.toContain('13800005678');
  });

  it('answers 404 for any mismatch: other digits, an unknown number, an order without a phone', async () => {
    const { number } = await report('13800001234');
    for (const body of [
      { number, phoneLast4: '4321' },
      { number: 'WO20990101000001', phoneLast4: '1234' },
    ]) {
      const res = await post('/api/public/work-orders/track', body);
      expect(res.statusCode).toBe(404);
      expect(res.json().error.code).toBe('common.not_found');
    }
    const d = await t.as('sd_admin');
    const noPhone = await d.post('/api/work-orders', {
      kind: 'report',
      channel: 'hotline',
      categoryCode: 'street_lamp',
      description: '匿名来电：路灯不亮',
    });
    expect(noPhone.statusCode).toBe(201);
    const res = await post('/api/public/work-orders/track', {
      number: noPhone.json().number,
      phoneLast4: '0000',
    });
    expect(res.statusCode).toBe(404);
  });

  it('refuses anything but four digits with a Chinese message', async () => {
    const res = await post('/api/public/work-orders/track', { number: 'WO1', phoneLast4: '12a4' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].message).toBe('请输入手机号码后 4 位数字');
  });

  it('rate-limits guessing: 10 lookups a minute per order number, 20 per client address', async () => {
    const { number } = await report('13800002468');
    t.clock.advance(60_000);
    for (let i = 0; i < 10; i++)
      expect(
        (await post('/api/public/work-orders/track', { number, phoneLast4: `000${i}` })).statusCode,
      ).toBe(404);
    // Even the right digits wait, from any address.
    const right = await post('/api/public/work-orders/track', { number, phoneLast4: '2468' });
    expect(right.statusCode).toBe(429);
    t.clock.advance(60_000);
    expect((await post('/api/public/work-orders/track', { number, phoneLast4: '2468' })).statusCode).toBe(
      200,
    );

    const ip = newIp();
    t.clock.advance(60_000);
    for (let i = 0; i < 20; i++)
      expect(
        (await post('/api/public/work-orders/track', { number: `WO2099${i}`, phoneLast4: '1111' }, ip))
          .statusCode,
      ).toBe(404);
    expect((await post('/api/public/work-orders/track', { number, phoneLast4: '2468' }, ip)).statusCode).toBe(
      429,
    );
  });

  it('the requester rates the reply with the same pair instead of a token', async () => {
    const { number } = await report('13800001357');
    const dispatcher = await t.as('sd_admin');
    const [row] = await t.database.db
      .select({ id: workOrders.id })
      .from(workOrders)
      .where(eq(workOrders.number, number));
    const id = row!.id;
    const dispatched = await dispatcher.post(`/api/work-orders/${id}/actions`, {
      action: 'dispatch',
      unitId: t.fx.tongdu.id,
    });
    expect(dispatched.statusCode).toBe(200);
    const worker = await t.as('tongdu_worker');
    await worker.post(`/api/work-orders/${id}/actions`, { action: 'accept' });
    await worker.post(`/api/work-orders/${id}/actions`, {
      action: 'reply',
      note: '已修复',
      publicNote: '路灯已修复',
    });
    t.clock.advance(60_000);
    const wrong = await post(`/api/public/work-orders/${number}/rating`, {
      phoneLast4: '0000',
      resolved: true,
      satisfaction: 'satisfied',
    });
    expect(wrong.statusCode).toBe(404);
    const rated = await post(`/api/public/work-orders/${number}/rating`, {
      phoneLast4: '1357',
      resolved: true,
      satisfaction: 'satisfied',
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().status).toBe('closed');
  });
});
