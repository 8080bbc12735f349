import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser } from '../../../../test/app';
import { buildResident } from '../../../../test/factories';
import { carePlans } from './care.table';
import { flagMissedVisits } from './care.usecases';

const DAY = 86_400_000;
let t: TestApp;
let tongdu: Client;
let xhy: Client;
let grid: Client;
let vol: Client;
let sd: Client;
let gridUserId: string;
let volUserId: string;
let otherVolId: string;
let residentId: string;

beforeAll(async () => {
  t = await createTestApp();
  volUserId = await createUser(t, 'care_vol', [{ role: 'volunteer', orgUnitId: t.fx.tongdu.id }]);
  otherVolId = await createUser(t, 'care_vol_xhy', [{ role: 'volunteer', orgUnitId: t.fx.xihuayuan.id }]);
  await createUser(t, 'care_resident', [{ role: 'resident', orgUnitId: t.fx.tongdu.id }]);
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  grid = await t.as('grid_worker');
  vol = await t.as('care_vol');
  sd = await t.as('sd_admin');
  gridUserId = (await grid.get('/api/auth/me')).json().id;
  const r = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
    name: '王秀英',
    phone: '13800138000',
    address: '铜都1栋2单元301',
    tags: ['living_alone', 'low_income'],
  });
  residentId = r.id;
});
afterAll(() => t.close());

async function plan(client: Client, body: Record<string, unknown>) {
  return client.post('/api/care/plans', {
    residentId,
    tag: 'living_alone',
    frequencyDays: 7,
    assigneeKind: 'grid_worker',
    assigneeUserId: gridUserId,
    ...body,
  });
}

describe('special-group visit plans (R-SV-3)', () => {
  let planId: string;

  it('R-SV-3 a plan needs a tag the resident carries and a visitor of the resident’s community', async () => {
    expect((await plan(tongdu, { tag: 'disabled' })).json().error.code).toBe('care.tag_not_on_resident');
    expect(
      (await plan(tongdu, { assigneeKind: 'volunteer', assigneeUserId: otherVolId })).json().error.code,
    ).toBe('care.assignee_outside');
    expect((await plan(tongdu, { frequencyDays: 0 })).statusCode).toBe(400);
    // Another community's worker cannot plan for this resident (404, not 403).
    expect((await plan(xhy, {})).statusCode).toBe(404);
    const res = await plan(tongdu, {});
    expect(res.statusCode, res.body).toBe(200);
    planId = res.json().id;
    expect(res.json()).toMatchObject({
      residentNameMask: '王**',
      tag: 'living_alone',
      frequencyDays: 7,
      assigneeName: expect.any(String),
    });
    expect((await plan(tongdu, {})).statusCode).toBe(409);
  });

  it('R-SV-3 the tag is encrypted at rest and the full identity is an audited reveal', async () => {
    const [row] = await t.database.db.select().from(carePlans).where(eq(carePlans.id, planId));
    expect(row!.tagEnc).not.toContain('living_alone');
    expect(JSON.stringify(row)).not.toContain('王秀英');
    const list = (await tongdu.get('/api/care/plans')).json();
    expect(JSON.stringify(list)).not.toContain('王秀英');
    const who = await grid.post(`/api/care/plans/${planId}/reveal`);
    expect(who.json()).toMatchObject({ name: '王秀英', phone: '13800138000', address: '铜都1栋2单元301' });
    const audit = (await (await t.as('admin')).get('/api/audit?entityType=care_plan')).json();
    expect(audit.items.map((a: { action: string }) => a.action)).toContain('care.reveal');
  });

  it('R-SV-3 strictest scope: other communities and unassigned volunteers do not see the plan', async () => {
    expect((await xhy.get(`/api/care/plans/${planId}`)).statusCode).toBe(404);
    expect((await xhy.get('/api/care/plans')).json().total).toBe(0);
    expect((await vol.get('/api/care/plans?view=mine')).json().total).toBe(0);
    expect((await vol.get(`/api/care/plans/${planId}`)).statusCode).toBe(404);
    expect(
      (await vol.post(`/api/care/plans/${planId}/visits`, { place: '家中', outcome: 'well' })).statusCode,
    ).toBe(404);
    // A resident holds no care permission at all.
    expect((await (await t.as('care_resident')).get('/api/care/plans')).statusCode).toBe(403);
  });

  it('R-SV-3 the grid worker logs a visit with time and place; the next visit falls due one period later', async () => {
    const mine = (await grid.get('/api/care/plans?view=mine')).json();
    expect(mine.items.map((p: { id: string }) => p.id)).toEqual([planId]);
    const now = t.clock.now();
    const future = await grid.post(`/api/care/plans/${planId}/visits`, {
      visitedAt: new Date(now.getTime() + DAY).toISOString(),
      place: '老人家中',
      outcome: 'well',
    });
    expect(future.json().error.code).toBe('care.visit_time');
    const res = await grid.post(`/api/care/plans/${planId}/visits`, {
      place: '铜都1栋老人家中',
      lat: 30.165,
      lng: 114.93,
      outcome: 'needs_help',
      note: '反映腿脚不便，需要助餐服务',
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.visits[0]).toMatchObject({ place: '铜都1栋老人家中', outcome: 'needs_help', lat: 30.165 });
    expect(new Date(d.nextDueAt).getTime()).toBe(now.getTime() + 7 * DAY);
    expect(new Date(d.lastVisitAt).getTime()).toBe(now.getTime());
  });

  it('R-SV-3 missed visits are flagged once per period by the job, and a volunteer logs on their own plan only', async () => {
    // Reassign to the volunteer, then let three weeks pass without a visit.
    const p = (await tongdu.get(`/api/care/plans/${planId}`)).json();
    const re = await tongdu.patch(`/api/care/plans/${planId}`, {
      assigneeKind: 'volunteer',
      assigneeUserId: volUserId,
      version: p.version,
    });
    expect(re.statusCode, re.body).toBe(200);
    // Three visits were due (15, 8 and 1 days ago) and none was made.
    await t.database.db
      .update(carePlans)
      .set({ nextDueAt: new Date(t.clock.now().getTime() - 15 * DAY - 3_600_000) })
      .where(eq(carePlans.id, planId));
    const ctx = { ...t.deps, clock: t.clock, requestId: 'test' };
    expect(await flagMissedVisits(ctx)).toBe(3);
    expect(await flagMissedVisits(ctx)).toBe(0);
    const after = (await tongdu.get(`/api/care/plans/${planId}`)).json();
    expect(after.missedCount).toBe(3);
    expect(after.misses).toHaveLength(3);
    expect(new Date(after.nextDueAt).getTime()).toBeGreaterThan(t.clock.now().getTime());
    expect((await tongdu.get('/api/care/plans?view=missed')).json().total).toBe(1);
    // The volunteer now sees it on the phone and logs the visit; the grid worker (no longer assigned) still may as staff.
    expect((await vol.get('/api/care/plans?view=mine')).json().total).toBe(1);
    const v = await vol.post(`/api/care/plans/${planId}/visits`, { place: '社区幸福食堂', outcome: 'well' });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json().canVisit).toBe(true);
  });
});

describe('temporary relief (R-SV-3)', () => {
  const body = (extra: Record<string, unknown> = {}) => ({
    placeUnitId: t.fx.tongduGrid.id,
    emergencyPlace: '铜都第一网格建设路口',
    applicantName: '李建国',
    idNumber: '510104198001011236',
    phone: '13912345678',
    hukouPlace: '四川省成都市锦江区',
    localHukou: false,
    reason: '外来务工人员突发重病住院，无力支付医药费，家庭生活陷入困境',
    items: [
      { kind: 'money', description: '临时救助金', amountFen: 200000 },
      { kind: 'goods', description: '米面油生活物资', amountFen: 30000, provider: '区慈善会' },
      { kind: 'service', description: '社工陪护与心理疏导', provider: '同心社工服务中心' },
    ],
    ...extra,
  });

  it('R-SV-3 relief is granted at the place of emergency regardless of household registration: apply, approve, grant', async () => {
    const a = await tongdu.post('/api/care/relief', body());
    expect(a.statusCode, a.body).toBe(200);
    const r = a.json();
    expect(r).toMatchObject({
      state: 'applied',
      localHukou: false,
      hukouPlace: '四川省成都市锦江区',
      totalFen: 230000,
      moneyFen: 200000,
      applicantNameMask: '李**',
      idNumberMask: '510104********1236',
      phoneMask: '139****5678',
      unitName: '铜都第一网格',
    });
    expect(JSON.stringify(r)).not.toContain('李建国');
    // The community cannot approve; the subdistrict can.
    expect(
      (await tongdu.post(`/api/care/relief/${r.id}/actions`, { action: 'approve', version: 1 })).statusCode,
    ).toBe(403);
    const ok = await sd.post(`/api/care/relief/${r.id}/actions`, {
      action: 'approve',
      note: '情况属实，同意救助',
      version: 1,
    });
    expect(ok.json()).toMatchObject({
      state: 'approved',
      decisionNote: '情况属实，同意救助',
      actions: ['grant'],
    });
    expect(
      (await sd.post(`/api/care/relief/${r.id}/actions`, { action: 'approve', version: 2 })).statusCode,
    ).toBe(409);
    const g = await tongdu.post(`/api/care/relief/${r.id}/actions`, { action: 'grant', version: 2 });
    expect(g.json().state).toBe('granted');
    // Out of scope: another community does not find it.
    expect((await xhy.get(`/api/care/relief/${r.id}`)).statusCode).toBe(404);
    const who = await tongdu.post(`/api/care/relief/${r.id}/reveal`);
    expect(who.json()).toMatchObject({ name: '李建国', idNumber: '510104198001011236' });
  });

  it('R-SV-3 relief items: money needs an amount; bad ID numbers and phones are refused in the user’s language', async () => {
    const noAmount = await tongdu.post(
      '/api/care/relief',
      body({ items: [{ kind: 'money', description: '救助金' }] }),
    );
    expect(noAmount.statusCode).toBe(422);
    expect(noAmount.json().error.message).toBe('资金救助须填写金额');
    expect(
      (await tongdu.post('/api/care/relief', body({ idNumber: '510104198001011237' }))).json().error.code,
    ).toBe('care.id_number');
    expect((await tongdu.post('/api/care/relief', body({ phone: '12345' }))).json().error.code).toBe(
      'care.phone',
    );
    expect((await tongdu.post('/api/care/relief', body({ items: [] }))).statusCode).toBe(400);
    expect(
      (await tongdu.post('/api/care/relief', body({ placeUnitId: t.fx.subdistrict.id }))).statusCode,
    ).toBe(404);
  });
});
