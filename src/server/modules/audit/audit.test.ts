import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResident } from '../../../../test/factories';
import { type TestApp, createTestApp } from '../../../../test/app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('audit log filters', () => {
  it('requestId lists what one request wrote, and nothing for a request that wrote nothing', async () => {
    const r = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
      name: '周八',
      phone: '13900002222',
    });
    const worker = await t.as('tongdu_worker');
    expect((await worker.post(`/api/residents/${r.id}/reveal`, { field: 'phone' })).statusCode).toBe(200);
    const sd = await t.as('sd_admin');
    const [reveal] = (await sd.get(`/api/audit?action=residents.reveal&entityId=${r.id}`)).json().items;
    expect(reveal.requestId).toEqual(expect.any(String));
    const same = (await sd.get(`/api/audit?requestId=${reveal.requestId}`)).json();
    expect(same.total).toBeGreaterThanOrEqual(1);
    expect(same.items.every((e: { requestId: string }) => e.requestId === reveal.requestId)).toBe(true);
    expect(same.items.map((e: { seq: number }) => e.seq)).toContain(reveal.seq);
    expect((await sd.get('/api/audit?requestId=no-such-request')).json()).toMatchObject({
      total: 0,
      items: [],
    });
  });

  it('a requestId longer than 100 characters is refused with a 400 in Chinese', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.get(`/api/audit?requestId=${'x'.repeat(101)}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });
});
