import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { auditLog } from '../../platform/audit.table';

let t: TestApp;
let grid: Client; // 铜都 grid worker
let tongdu: Client;
let xhy: Client;
let centre: Client;

beforeAll(async () => {
  t = await createTestApp();
  grid = await t.as('grid_worker');
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  centre = await signInNewUser(t, 'centre', 'dispatcher', t.fx.subdistrict.id);
});
afterAll(() => t?.close());

const risk = (over: Record<string, unknown> = {}) => ({
  orgUnitId: t.fx.tongduGrid.id,
  title: '两户因停车位长期争执',
  description: '1栋两户为楼下停车位多次争吵，有升级苗头。',
  level: 'high',
  involved: '1栋两户居民',
  measures: '网格员已分别上门劝解。',
  ...over,
});

describe('risk screening register (排查, issue 14 §6)', () => {
  it('R-DS-3 a grid worker records a hidden risk in this month’s round; it is audited and counted', async () => {
    const res = await grid.post('/api/disputes/risks', risk());
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({
      state: 'open',
      level: 'high',
      unitName: '铜都第一网格',
      actions: ['handle', 'resolve'],
    });
    expect(r.round).toMatch(/^\d{4}-\d{2}$/);
    const list = (await tongdu.get(`/api/disputes/risks?round=${r.round}`)).json();
    expect(list.items.map((x: { id: string }) => x.id)).toContain(r.id);
    expect(list.summary).toMatchObject({ high: 1, open: 1 });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, r.id));
    expect(audits.map((a) => a.action)).toEqual(['disputes.risk.create']);
  });

  it('R-DS-3 handling and resolving are recorded with notes; a resolved risk can only be reopened', async () => {
    const r = (
      await grid.post('/api/disputes/risks', risk({ level: 'medium', title: '租户噪音扰民' }))
    ).json();
    const h = await tongdu.post(`/api/disputes/risks/${r.id}/actions`, {
      action: 'handle',
      note: '社区约谈双方',
    });
    expect(h.statusCode, h.body).toBe(200);
    expect(h.json().state).toBe('handling');
    const done = await tongdu.post(`/api/disputes/risks/${r.id}/actions`, {
      action: 'resolve',
      note: '已达成谅解',
    });
    expect(done.json()).toMatchObject({ state: 'resolved', handledNote: '已达成谅解', actions: ['reopen'] });
    const again = await tongdu.post(`/api/disputes/risks/${r.id}/actions`, {
      action: 'resolve',
      note: '再次',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('R-DS-3 another community neither sees nor acts on the risk (404), and a future round is refused', async () => {
    const r = (await grid.post('/api/disputes/risks', risk({ title: '邻里漏水纠纷隐患' }))).json();
    expect((await xhy.get(`/api/disputes/risks?orgUnitId=${t.fx.tongdu.id}`)).statusCode).toBe(404);
    const mine = (await xhy.get('/api/disputes/risks')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).not.toContain(r.id);
    const act = await xhy.post(`/api/disputes/risks/${r.id}/actions`, { action: 'resolve', note: 'x' });
    expect(act.statusCode).toBe(404);
    expect((await xhy.post('/api/disputes/risks', risk())).statusCode).toBe(404);
    const future = await grid.post('/api/disputes/risks', risk({ round: '2099-01' }));
    expect(future.statusCode).toBe(422);
    expect(future.json().error.code).toBe('disputes.risk_round');
    // the subdistrict's centre reads the whole register of its communities
    const all = (await centre.get('/api/disputes/risks?level=high')).json();
    expect(all.total).toBeGreaterThanOrEqual(2);
  });
});
