import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { auditLog } from '../../platform/audit.table';
import { sweepWorkflow } from '../../platform/workflow';
import { wiaApplications } from './workItemAccess.table';
import { applicationWorkflow } from './workItemAccess.workflow';

let t: TestApp;
let civil: Client;
let sd: Client;
let tongdu: Client;

const form = (over: Record<string, unknown> = {}) => ({
  orgUnitId: t.fx.district.id,
  department: '区住房和城乡建设局',
  contactName: '王科长',
  item: '城镇燃气安全入户宣传',
  content: '每季度组织社区开展燃气安全入户宣传并报送台账',
  basisKind: 'none',
  trainingStaff: [{ name: '李明', post: '区住建局燃气科科员' }],
  trainingPlan: '入驻后一个月内对社区工作者集中培训一次',
  fundsFen: 2_000_000,
  fundsNote: '每个社区每年2万元，随事项拨付',
  ...over,
});

/** Tongdu's worker records a department's request as refused (the market-supervision ledger by default). */
const refuse = (over: Record<string, unknown> = {}) =>
  tongdu.post('/api/work-item-access/refusals', {
    communityId: t.fx.tongdu.id,
    department: '区市场监管局',
    matter: '餐饮门店食品安全检查台账',
    requestedOn: '2026-11-20',
    ...over,
  });

beforeAll(async () => {
  t = await createTestApp();
  civil = await signInNewUser(t, 'wia_civil', 'civil_affairs', t.fx.district.id);
  sd = await t.as('sd_admin');
  tongdu = await t.as('tongdu_worker');
});
afterAll(() => t?.close());

async function applyAt(when: string, over: Record<string, unknown> = {}) {
  const saved = t.clock.now();
  t.clock.set(new Date(when));
  try {
    const c = await t.as('wia_civil');
    const res = await c.post('/api/work-item-access/applications', form(over));
    expect(res.statusCode, res.body).toBe(201);
    return res.json();
  } finally {
    t.clock.set(saved);
  }
}

describe('R-AC-1 the decision is due within 15 working days on the platform calendar', () => {
  it('R-AC-1 filed the Thursday before 中秋 and National Day 2026: holidays skipped, the adjusted Saturday 10 Oct counts', async () => {
    // Working days after 24 Sep: 28, 29, 30 Sep; 8, 9, 10 (Sat, 调休), 12–16, 19–22 Oct → the 15th is 22 Oct.
    const a = await applyAt('2026-09-24T10:00:00+08:00');
    expect(a.state).toBe('submitted');
    expect(new Date(a.dueAt).toISOString()).toBe('2026-10-22T10:00:00.000Z');
    expect(a.dueEstimated).toBe(false);
  });

  it('R-AC-1 filed on a Saturday: that day never counts, the adjusted Sunday 20 Sep is the first working day', async () => {
    const a = await applyAt('2026-09-19T15:00:00+08:00');
    expect(new Date(a.dueAt).toISOString()).toBe('2026-10-15T10:00:00.000Z');
  });

  it('R-AC-1 filed on an ordinary Monday: three plain weeks', async () => {
    const a = await applyAt('2026-11-02T09:00:00+08:00');
    expect(new Date(a.dueAt).toISOString()).toBe('2026-11-23T10:00:00.000Z');
  });

  it('R-AC-1 a year an admin loads counts at once: its holidays and adjusted working weekends move the deadline', async () => {
    const admin = await t.as('admin');
    // 2031: say 6–10 Jan are declared holidays and Saturday 11 Jan an adjusted working day.
    const days = [
      ...['06', '07', '08', '09', '10'].map((d) => ({
        date: `2031-01-${d}`,
        kind: 'holiday',
        name: '测试假期',
      })),
      { date: '2031-01-11', kind: 'workday', name: '测试假期' },
    ];
    const put = await admin.put('/api/calendar/2031', { days });
    expect(put.statusCode, put.body).toBe(200);
    // Filed Thu 2 Jan 2031: 3 Jan (1), 11 Jan Sat (2), 13–17 (3–7), 20–24 (8–12), 27–29 (13–15) → 29 Jan.
    const a = await applyAt('2031-01-02T10:00:00+08:00', { item: '管理员日历测试' });
    expect(new Date(a.dueAt).toISOString()).toBe('2031-01-29T10:00:00.000Z');
    expect(a.dueEstimated).toBe(false);
  });

  it('R-AC-1 an undecided application is marked overdue once when its day has passed', async () => {
    const a = await applyAt('2026-11-02T09:00:00+08:00', { item: '逾期测试事项' });
    const ctx = { ...t.deps, requestId: 'test' };
    const where = eq(wiaApplications.id, a.id);
    const saved = t.clock.now();
    try {
      t.clock.set(new Date('2026-11-23T17:59:00+08:00'));
      expect((await sweepWorkflow(applicationWorkflow, ctx, { where })).overdue ?? 0).toBe(0);
      t.clock.set(new Date('2026-11-23T18:01:00+08:00'));
      expect((await sweepWorkflow(applicationWorkflow, ctx, { where })).overdue).toBe(1);
      expect((await sweepWorkflow(applicationWorkflow, ctx, { where })).overdue ?? 0).toBe(0);
      const c = await t.as('wia_civil');
      const d = (await c.get(`/api/work-item-access/applications/${a.id}`)).json();
      expect(d.overdue).toBe(true);
      expect(d.events.at(-1).action).toBe('overdue');
      const list = (await c.get('/api/work-item-access/applications?overdue=true')).json();
      expect(list.items.map((x: { id: string }) => x.id)).toContain(a.id);
    } finally {
      t.clock.set(saved);
      civil = await t.as('wia_civil');
    }
  });
});

describe('R-AC-1 procedure and published list', () => {
  it('R-AC-1 consultation opinions, then the leading group admits the item: it enters the published list communities see', async () => {
    const a = (await civil.post('/api/work-item-access/applications', form())).json();
    expect(a.actions).toEqual(expect.arrayContaining(['consult', 'approve', 'refuse', 'route_purchase']));
    const act = (body: Record<string, unknown>) =>
      civil.post(`/api/work-item-access/applications/${a.id}/actions`, body);
    expect((await act({ action: 'consult' })).json().state).toBe('consulting');
    const bad = await act({ action: 'opinion', department: '区委组织部' });
    expect(bad.json().error.code).toBe('work_item_access.opinion_fields');
    const op = await act({
      action: 'opinion',
      department: '区委组织部',
      stance: 'agree',
      comment: '同意准入，经费须足额拨付',
    });
    expect(op.json().opinions).toMatchObject([{ department: '区委组织部', stance: 'agree' }]);
    const ok = await act({
      action: 'approve',
      comment: '领导小组审定同意',
      meetingRef: '2026年第3次领导小组会议',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ state: 'approved', meetingRef: '2026年第3次领导小组会议' });
    expect((await act({ action: 'refuse', comment: 'x' })).statusCode).toBe(409);

    const seen = (await tongdu.get('/api/work-item-access/items')).json();
    expect(seen.items.map((i: { item: string }) => i.item)).toContain('城镇燃气安全入户宣传');
    // A community cannot see the applications themselves, nor decide.
    expect((await tongdu.get(`/api/work-item-access/applications/${a.id}`)).statusCode).toBe(404);
    expect(
      (await tongdu.post(`/api/work-item-access/applications/${a.id}/actions`, { action: 'consult' }))
        .statusCode,
    ).toBe(403);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, a.id));
    expect(audits.map((x) => x.action)).toEqual(
      expect.arrayContaining([
        'work_item_access.apply',
        'work_item_access.opinion',
        'work_item_access.approve',
      ]),
    );
  });

  it('R-AC-1 admitting needs the trainers named and the funds that follow the item (费随事转)', async () => {
    const noTrainer = (
      await civil.post('/api/work-item-access/applications', form({ trainingStaff: [], item: '甲' }))
    ).json();
    const r1 = await civil.post(`/api/work-item-access/applications/${noTrainer.id}/actions`, {
      action: 'approve',
    });
    expect(r1.json().error.code).toBe('work_item_access.training_required');
    const noFunds = (
      await civil.post('/api/work-item-access/applications', form({ fundsFen: 0, item: '乙' }))
    ).json();
    const r2 = await civil.post(`/api/work-item-access/applications/${noFunds.id}/actions`, {
      action: 'approve',
    });
    expect(r2.json().error.code).toBe('work_item_access.funds_required');
    expect(r2.json().error.message).toContain('费随事转');
    // Refused with the reason, or routed to the purchase-of-services list.
    const refused = await civil.post(`/api/work-item-access/applications/${noFunds.id}/actions`, {
      action: 'refuse',
      comment: '属部门自身职责，不得转嫁社区',
    });
    expect(refused.json()).toMatchObject({ state: 'refused', decisionNote: '属部门自身职责，不得转嫁社区' });
    const routed = await civil.post(`/api/work-item-access/applications/${noTrainer.id}/actions`, {
      action: 'route_purchase',
      comment: '专业性强，宜由社会组织承接',
    });
    expect(routed.json().state).toBe('purchase');
    const purchase = (await civil.get('/api/work-item-access/items?list=purchase')).json();
    expect(purchase.items.map((i: { item: string }) => i.item)).toEqual(['甲']);
  });

  it('R-AC-1 an item a law or a superior decision requires is exempt: listed at once with its basis; the basis must be named', async () => {
    const noBasis = await civil.post(
      '/api/work-item-access/applications',
      form({ basisKind: 'law', item: '丙' }),
    );
    expect(noBasis.json().error.code).toBe('work_item_access.basis_required');
    const ex = await civil.post(
      '/api/work-item-access/applications',
      form({ basisKind: 'law', basis: '《中华人民共和国兵役法》第十二条', item: '兵役登记' }),
    );
    expect(ex.json()).toMatchObject({ state: 'exempt', dueAt: null });
    const items = (await tongdu.get('/api/work-item-access/items?q=兵役')).json();
    expect(items.items[0]).toMatchObject({ kind: 'exempt', basis: '《中华人民共和国兵役法》第十二条' });
  });

  it('R-AC-1 a community marks an unlisted request as not admitted; a listed one it cannot refuse', async () => {
    const ok = await refuse({ note: '未列入准入事项清单' });
    expect(ok.statusCode, ok.body).toBe(201);
    const listed = await refuse({ department: '区住房和城乡建设局', matter: '城镇燃气安全入户宣传' });
    expect(listed.statusCode).toBe(409);
    expect(listed.json().error.code).toBe('work_item_access.listed');
    const other = await refuse({ communityId: t.fx.xihuayuan.id, matter: 'x' });
    expect(other.statusCode).toBe(404);
    const atDistrict = (await civil.get('/api/work-item-access/refusals')).json();
    expect(atDistrict.items[0]).toMatchObject({ orgUnitName: '铜都社区', department: '区市场监管局' });
    expect((await sd.post('/api/work-item-access/applications', form())).statusCode).toBe(403);
  });

  it('R-AC-1 the annual clean-up keeps or removes a listed item, with the reason', async () => {
    const items = (await civil.get('/api/work-item-access/items?q=城镇燃气')).json();
    const id = items.items[0].id;
    const kept = await civil.post(`/api/work-item-access/items/${id}/review`, {
      decision: 'keep',
      note: '仍属社区协助事项',
    });
    expect(kept.json()).toMatchObject({ status: 'active', reviewNote: '仍属社区协助事项' });
    const removed = await civil.post(`/api/work-item-access/items/${id}/review`, {
      decision: 'remove',
      note: '2027年起由部门自行承担',
    });
    expect(removed.json().status).toBe('removed');
    expect(
      (await civil.post(`/api/work-item-access/items/${id}/review`, { decision: 'keep', note: 'x' }))
        .statusCode,
    ).toBe(409);
    // Removed from the list: a community may now refuse it.
    const r = await refuse({
      department: '区住房和城乡建设局',
      matter: '城镇燃气安全入户宣传',
      requestedOn: '2026-11-21',
    });
    expect(r.statusCode).toBe(201);
  });
});
