import { and, eq, gte, like, lt, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';
import { signInStaff } from '../../../../test/staff';
import { buildWorkOrder } from '../../../../test/factories';
import { MODULES } from '../../app';
import { auditLog } from '../../platform/audit.table';
import { workOrders } from '../work-orders/workOrders.table';
import { dueOnOf, periodOf, previousPeriod } from './scheduledReports.periods';
import { srCycles, srSubmissions } from './scheduledReports.table';
import { tickScheduledReports } from './scheduledReports.usecases';

let t: TestApp;
let sd: Client;
let tongdu: Client;
let xhy: Client;
let grid: Client;
let templateId: string;

const china = (s: string) => new Date(`${s}+08:00`);
/** Moves the clock (China time) and logs everyone in again (sessions expire after 12 hours). */
const at = async (iso: string) => {
  t.clock.set(china(iso));
  ({ sd, tongdu, xhy } = await signInStaff(t));
  grid = await t.as('grid_worker');
};
const tick = () => tickScheduledReports({ ...t.deps, requestId: 'test-tick' });
const cyclesOf = (id: string) =>
  t.database.db.select().from(srCycles).where(eq(srCycles.templateId, id)).orderBy(srCycles.periodStart);

const monthly = () => ({
  orgUnitId: t.fx.subdistrict.id,
  title: '试点工作进展情况',
  basis: '关于开展城乡社区治理试点工作的通知',
  cadence: 'monthly',
  dueDay: 20,
  remindDays: 3,
  startsOn: '2026-12-01',
  submitters: { mode: 'communities_under', unitId: t.fx.subdistrict.id },
  fields: [
    { key: 'progress', label: '本月工作进展', type: 'text', required: true },
    { key: 'received', label: '受理诉求（件）', type: 'number', source: 'work_orders.received' },
    { key: 'households', label: '走访户数', type: 'number', required: true },
    { key: 'funds', label: '投入资金', type: 'amount' },
    { key: 'satisfaction', label: '群众满意率', type: 'percent' },
  ],
  attachments: [{ label: '工作照片', required: false }],
});

beforeAll(async () => {
  t = await createTestApp();
  ({ sd, tongdu, xhy } = await signInStaff(t));
  grid = await t.as('grid_worker');
  const res = await sd.post('/api/scheduled-reports/templates', monthly());
  expect(res.statusCode, res.body).toBe(201);
  templateId = res.json().id;
});
afterAll(() => t?.close());

const mine = async (c: Client, period: string) => {
  const res = await c.get(`/api/scheduled-reports/submissions?side=mine&templateId=${templateId}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.find((s: { period: string }) => s.period === period) as {
    id: string;
    state: string;
    late: boolean;
  };
};

describe('periods', () => {
  it('R-RP-1 monthly by the 20th (seed 000), half-yearly by 30 June and 31 December (seed 002)', () => {
    const m = periodOf('monthly', '2026-12-01');
    expect(m).toEqual({ period: '2026-12', start: '2026-12-01', end: '2026-12-31' });
    expect(dueOnOf(m, 20, false)).toBe('2026-12-20');
    const h1 = periodOf('half_yearly', '2027-03-15');
    expect(h1).toEqual({ period: '2027-H1', start: '2027-01-01', end: '2027-06-30' });
    expect(dueOnOf(h1, 31, false)).toBe('2027-06-30');
    expect(dueOnOf(periodOf('half_yearly', '2026-07-01'), 31, false)).toBe('2026-12-31');
    const q = periodOf('quarterly', '2026-12-31');
    expect(q.period).toBe('2026-Q4');
    expect(dueOnOf(q, 10, true)).toBe('2027-01-10');
    expect(previousPeriod('monthly', periodOf('monthly', '2027-01-05')).period).toBe('2026-12');
    expect(dueOnOf(periodOf('monthly', '2028-02-01'), 31, false)).toBe('2028-02-29');
    expect(periodOf('yearly', '2026-05-05').period).toBe('2026');
  });
});

describe('templates', () => {
  it('R-RP-1 a template names figures Linli holds; unknown figures and units outside the receiver are refused in Chinese', async () => {
    const figures = (await sd.get('/api/scheduled-reports/figures')).json() as { key: string }[];
    expect(figures.map((f) => f.key)).toEqual(
      expect.arrayContaining([
        'work_orders.received',
        'work_orders.closed',
        'work_orders.on_time_rate',
        'volunteers.hours',
        'services.orders_completed',
        'disputes.mediated',
      ]),
    );
    const bad = await sd.post('/api/scheduled-reports/templates', {
      ...monthly(),
      fields: [{ key: 'x', label: '某数', type: 'number', source: 'nothing.here' }],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('某数');
    const atCommunity = await sd.post('/api/scheduled-reports/templates', {
      ...monthly(),
      orgUnitId: t.fx.tongdu.id,
    });
    expect(atCommunity.json().error.code).toBe('scheduled_reports.receiver_unit');
    const outside = await sd.post('/api/scheduled-reports/templates', {
      ...monthly(),
      orgUnitId: t.fx.district.id,
    });
    expect(outside.statusCode).toBe(404);
    expect((await tongdu.post('/api/scheduled-reports/templates', monthly())).statusCode).toBe(403);
  });
});

describe('template editing', () => {
  it('R-RP-1 the receiving unit edits a template: fields, attachments, cadence, submitters; bad edits refused in Chinese', async () => {
    const made = await sd.post('/api/scheduled-reports/templates', {
      ...monthly(),
      title: '城中村治理情况总结',
      startsOn: '2030-01-01',
    });
    expect(made.statusCode, made.body).toBe(201);
    const id = made.json().id;
    const res = await sd.patch(`/api/scheduled-reports/templates/${id}`, {
      cadence: 'half_yearly',
      dueDay: 31,
      remindDays: 7,
      submitters: { mode: 'units', unitIds: [t.fx.tongdu.id, t.fx.xihuayuan.id] },
      fields: [
        { key: 'progress', label: '半年工作总结', type: 'text', required: true },
        { key: 'f2', label: '整治点位（个）', type: 'number', required: true },
      ],
      attachments: [{ label: '总结报告（盖章扫描件）', required: true }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const tpl = res.json();
    expect(tpl).toMatchObject({ cadence: 'half_yearly', dueDay: 31, remindDays: 7 });
    expect(tpl.fields.map((f: { label: string }) => f.label)).toEqual(['半年工作总结', '整治点位（个）']);
    expect(tpl.attachments).toEqual([{ label: '总结报告（盖章扫描件）', required: true }]);
    expect(tpl.submitterNames).toEqual(expect.arrayContaining([t.fx.tongdu.name, t.fx.xihuayuan.name]));
    const dup = await sd.patch(`/api/scheduled-reports/templates/${id}`, {
      fields: [
        { key: 'a', label: '户数', type: 'number' },
        { key: 'b', label: '户数', type: 'number' },
      ],
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().error.message).toBe('字段“户数”重复');
    const outside = await sd.patch(`/api/scheduled-reports/templates/${id}`, {
      submitters: { mode: 'units', unitIds: [t.fx.subdistrict.id] },
    });
    expect(outside.statusCode).toBe(422);
    expect(outside.json().error.code).toBe('scheduled_reports.submitter_outside');
    const badDay = await sd.patch(`/api/scheduled-reports/templates/${id}`, { dueDay: 40 });
    expect(badDay.statusCode).toBe(400);
    const receiver = await sd.patch(`/api/scheduled-reports/templates/${id}`, {
      orgUnitId: t.fx.district.id,
    });
    expect(receiver.statusCode).toBe(400);
    expect((await tongdu.patch(`/api/scheduled-reports/templates/${id}`, { title: 'x' })).statusCode).toBe(
      403,
    );
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((a) => a.action)).toContain('scheduled_reports.template.update');
  });
});

describe('cycles', () => {
  it('R-RP-1 the scheduled-reports job is registered and a tick opens the cycle when the period starts (China time)', async () => {
    const job = MODULES.flatMap((m) => m.jobs ?? []).find((j) => j.name === 'scheduled-reports.cycles');
    expect(job).toBeDefined();
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    // 30 November 23:59 China time: December has not started, and the template starts on 1 December.
    await at('2026-11-30T23:59:00');
    await job!.run({ ...t.deps, log, requestId: 'test-tick-1' });
    expect(await cyclesOf(templateId)).toHaveLength(0);
    // 1 December 00:00 China time (30 November 16:00 UTC): the December cycle opens.
    await at('2026-12-01T00:00:00');
    await job!.run({ ...t.deps, log, requestId: 'test-tick-2' });
    const cycles = await cyclesOf(templateId);
    expect(cycles.map((c) => [c.period, c.dueOn])).toEqual([['2026-12', '2026-12-20']]);
    expect(cycles[0]!.dueAt.toISOString()).toBe('2026-12-20T16:00:00.000Z');
    const subs = await t.database.db
      .select()
      .from(srSubmissions)
      .where(eq(srSubmissions.cycleId, cycles[0]!.id));
    expect(subs.map((s) => s.orgUnitId).sort()).toEqual([t.fx.tongdu.id, t.fx.xihuayuan.id].sort());
    expect(subs.every((s) => s.state === 'draft')).toBe(true);
    // A second tick opens nothing new.
    await tick();
    expect(await cyclesOf(templateId)).toHaveLength(1);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'scheduled_reports.cycle.create'));
    expect(audit.length).toBeGreaterThanOrEqual(1);
  });

  it('R-RP-1 reminders go out before the due day, once', async () => {
    await at('2026-12-17T23:00:00');
    expect((await tick()).reminded).toBe(0);
    await at('2026-12-18T00:00:00');
    expect((await tick()).reminded).toBe(1);
    expect((await tick()).reminded).toBe(0);
    const inbox = (await tongdu.get('/api/notifications')).json();
    expect(JSON.stringify(inbox)).toContain('报告即将到期');
  });
});

describe('submissions', () => {
  it('R-RP-1 figures Linli holds are pre-filled and the form may change them', async () => {
    await at('2026-12-18T09:00:00');
    await buildWorkOrder(t.deps, t.fx, { community: t.fx.tongdu, by: 'tongdu_worker' });
    const s = await mine(tongdu, '2026-12');
    const detail = (await tongdu.get(`/api/scheduled-reports/submissions/${s.id}`)).json();
    const [count] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(workOrders)
      .where(
        and(
          like(workOrders.orgPath, `${t.fx.tongdu.path}%`),
          gte(workOrders.createdAt, china('2026-12-01T00:00:00')),
          lt(workOrders.createdAt, t.clock.now()),
        ),
      );
    expect(detail.figures.received).toBe(count!.n);
    const saved = await tongdu.patch(`/api/scheduled-reports/submissions/${s.id}`, {
      values: { received: 7, progress: '完成议事协商两次', funds: 150000, satisfaction: 80 },
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().values.received).toBe(7);
    const missing = await tongdu.post(`/api/scheduled-reports/submissions/${s.id}/actions`, {
      action: 'submit',
    });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error.message).toContain('走访户数');
    const badAmount = await tongdu.patch(`/api/scheduled-reports/submissions/${s.id}`, {
      values: { funds: 1.5 },
    });
    expect(badAmount.statusCode).toBe(422);
    expect(badAmount.json().error.message).toContain('投入资金');
  });

  it('R-RP-1 lateness across the due day in China time: 23:59:59 on the 20th is on time, 00:00 on the 21st is late', async () => {
    const a = await mine(tongdu, '2026-12');
    expect(
      (await tongdu.patch(`/api/scheduled-reports/submissions/${a.id}`, { values: { households: 10 } }))
        .statusCode,
    ).toBe(200);
    await at('2026-12-20T23:59:59');
    const onTime = await tongdu.post(`/api/scheduled-reports/submissions/${a.id}/actions`, {
      action: 'submit',
    });
    expect(onTime.statusCode, onTime.body).toBe(200);
    expect(onTime.json()).toMatchObject({ state: 'submitted', late: false });

    const b = await mine(xhy, '2026-12');
    await xhy.patch(`/api/scheduled-reports/submissions/${b.id}`, {
      values: { progress: '开展邻里节活动', households: 5, funds: 50000, satisfaction: 90 },
    });
    await at('2026-12-21T00:00:00');
    // The tick at the due time flags what was not handed in.
    expect((await tick()).flagged).toBe(1);
    const overdue = (await sd.get('/api/scheduled-reports/overdue')).json();
    expect(overdue.items.map((s: { unitName: string }) => s.unitName)).toEqual(['西花苑社区']);
    const late = await xhy.post(`/api/scheduled-reports/submissions/${b.id}/actions`, { action: 'submit' });
    expect(late.json()).toMatchObject({ state: 'submitted', late: true });
    expect((await sd.get('/api/scheduled-reports/overdue')).json().total).toBe(0);
  });

  it('R-RP-1 the receiving unit returns with a reason, the unit resubmits, the receiver accepts', async () => {
    const a = (await sd.get(`/api/scheduled-reports/submissions?side=review&templateId=${templateId}`))
      .json()
      .items.find((s: { unitName: string }) => s.unitName === '铜都社区');
    expect(a.actions).toEqual(['accept', 'return']);
    const noReason = await sd.post(`/api/scheduled-reports/submissions/${a.id}/actions`, {
      action: 'return',
      reason: ' ',
    });
    expect(noReason.statusCode).toBe(422);
    expect(noReason.json().error.message).toBe('退回须写明理由');
    // A community cannot review its own report.
    expect(
      (await tongdu.post(`/api/scheduled-reports/submissions/${a.id}/actions`, { action: 'accept' }))
        .statusCode,
    ).toBe(403);
    const returned = await sd.post(`/api/scheduled-reports/submissions/${a.id}/actions`, {
      action: 'return',
      reason: '走访户数与台账不符，请核实',
    });
    expect(returned.json()).toMatchObject({ state: 'returned', returnReason: '走访户数与台账不符，请核实' });
    expect(
      (await sd.post(`/api/scheduled-reports/submissions/${a.id}/actions`, { action: 'accept' })).statusCode,
    ).toBe(409);
    await tongdu.patch(`/api/scheduled-reports/submissions/${a.id}`, { values: { households: 12 } });
    await at('2026-12-22T10:00:00');
    const again = await tongdu.post(`/api/scheduled-reports/submissions/${a.id}/actions`, {
      action: 'submit',
    });
    // Returned and resubmitted after the due day: still on time, the first hand-in was.
    expect(again.json()).toMatchObject({ state: 'resubmitted', late: false, resubmissions: 1 });
    const accepted = await sd.post(`/api/scheduled-reports/submissions/${a.id}/actions`, {
      action: 'accept',
    });
    expect(accepted.json().state).toBe('accepted');
    expect(accepted.json().events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['submit', 'return', 'resubmit', 'accept']),
    );
    const edit = await tongdu.patch(`/api/scheduled-reports/submissions/${a.id}`, {
      values: { households: 1 },
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('不能再修改');
    const actions = await t.database.db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.entityId, a.id));
    expect(actions.map((r) => r.action)).toEqual(
      expect.arrayContaining(['scheduled_reports.submission.return', 'scheduled_reports.submission.accept']),
    );
  });

  it('R-RP-1 rollup sums numeric fields of handed-in reports under a parent, per child unit', async () => {
    const [cycle] = await cyclesOf(templateId);
    const r = (await sd.get(`/api/scheduled-reports/cycles/${cycle!.id}/rollup`)).json();
    expect(r.unit.name).toBe('新下陆街道');
    expect(r.count).toBe(2);
    expect(r.totals).toMatchObject({ households: 17, funds: 200000, received: 7, satisfaction: 85 });
    expect(
      r.children.map((c: { name: string; totals: { households: number } }) => [c.name, c.totals.households]),
    ).toEqual([
      ['铜都社区', 12],
      ['西花苑社区', 5],
    ]);
    const one = (
      await sd.get(`/api/scheduled-reports/cycles/${cycle!.id}/rollup?unitId=${t.fx.tongdu.id}`)
    ).json();
    expect(one.totals.households).toBe(12);
    const board = (await sd.get(`/api/scheduled-reports/templates/${templateId}/board`)).json();
    expect(
      board.units.map((u: { name: string; cells: { state: string; late: boolean }[] }) => [
        u.name,
        u.cells[0]!.state,
        u.cells[0]!.late,
      ]),
    ).toEqual([
      ['铜都社区', 'accepted', false],
      ['西花苑社区', 'submitted', true],
    ]);
    const xlsx = await sd.get(`/api/scheduled-reports/cycles/${cycle!.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
  });

  it('R-RP-1 out of scope answers 404: another community’s report, rollup or unit', async () => {
    const a = await mine(tongdu, '2026-12');
    expect((await xhy.get(`/api/scheduled-reports/submissions/${a.id}`)).statusCode).toBe(404);
    expect((await xhy.patch(`/api/scheduled-reports/submissions/${a.id}`, { values: {} })).statusCode).toBe(
      404,
    );
    expect(
      (await xhy.post(`/api/scheduled-reports/submissions/${a.id}/actions`, { action: 'submit' })).statusCode,
    ).toBe(404);
    const [cycle] = await cyclesOf(templateId);
    const own = (await xhy.get(`/api/scheduled-reports/cycles/${cycle!.id}/rollup`)).json();
    // A community's rollup holds only what it may read: its own report.
    expect(own.children.map((c: { name: string }) => c.name)).toEqual(['西花苑社区']);
    expect(
      (await xhy.get(`/api/scheduled-reports/cycles/${cycle!.id}/rollup?unitId=${t.fx.tongdu.id}`))
        .statusCode,
    ).toBe(404);
    const list = (await xhy.get('/api/scheduled-reports/submissions')).json();
    expect(list.items.every((s: { unitName: string }) => s.unitName === '西花苑社区')).toBe(true);
    expect((await grid.get('/api/scheduled-reports/submissions')).statusCode).toBe(403);
    expect((await tongdu.get(`/api/scheduled-reports/cycles/${cycle!.id}/export.xlsx`)).statusCode).toBe(403);
  });

  it('R-RP-1 half-yearly: the cycle of the second half is due on 31 December, the first half’s on 30 June', async () => {
    await at('2026-12-22T10:00:00');
    const res = await sd.post('/api/scheduled-reports/templates', {
      ...monthly(),
      title: '城中村治理总结',
      cadence: 'half_yearly',
      dueDay: 31,
      startsOn: '2026-07-01',
      submitters: { mode: 'units', unitIds: [t.fx.tongdu.id, t.fx.xihuayuan.id] },
      fields: [{ key: 'summary', label: '治理总结', type: 'text', required: true }],
    });
    expect(res.statusCode, res.body).toBe(201);
    await tick();
    await at('2027-01-01T00:00:00');
    await tick();
    await at('2027-07-01T00:00:00');
    await tick();
    const cycles = await cyclesOf(res.json().id);
    expect(cycles.map((c) => [c.period, c.dueOn])).toEqual([
      ['2026-H2', '2026-12-31'],
      ['2027-H1', '2027-06-30'],
      ['2027-H2', '2027-12-31'],
    ]);
  });
});
