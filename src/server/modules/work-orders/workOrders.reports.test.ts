import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../../test/app';
import { IN_GRID, giveSquareBoundary } from '../../../../test/workOrders';
import { isoWeekOf, splitPeriod, weekStart } from './workOrders.reports';

let t: TestApp;
const NOVEMBER = 'from=2026-11-01&to=2026-11-30';
const HOUR = 3_600_000;

beforeAll(async () => {
  t = await createTestApp();
  await giveSquareBoundary(t, t.fx.tongduGrid.id);
  await createUser(t, 'dispatcher', [{ role: 'dispatcher', orgUnitId: t.fx.subdistrict.id }]);
  await scenario();
});
afterAll(() => t.close());

async function report(categoryCode: string, where: Record<string, unknown> = IN_GRID) {
  const res = await t.anonymous.post('/api/public/work-orders', {
    kind: 'complaint',
    categoryCode,
    description: '测试诉求',
    requesterPhone: '13800001111',
    ...where,
  });
  expect(res.statusCode).toBe(201);
  const { number, token } = res.json();
  const d = await t.as('dispatcher');
  const id = (await d.get(`/api/work-orders?q=${number}`)).json().items[0].id as string;
  return { id, number, token: token as string };
}

async function act(user: string, id: string, body: Record<string, unknown>) {
  const res = await (await t.as(user)).post(`/api/work-orders/${id}/actions`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/**
 * Five orders on Monday 2026-11-23 (hand-computed numbers in the tests below):
 * A 铜都 street lamp: accepted on time, replied, rated dissatisfied → redo, replied, rated satisfied.
 * B 铜都 garbage: accepted 3 days late, replied, followed up "basically satisfied", resolved.
 * C 铜都 grid garbage: resolved on the spot by the grid worker, followed up satisfied.
 * D 铜都 street lamp: cancelled.
 * E 西花苑 noise: accepted, replied, followed up dissatisfied and unresolved (not the unit's fault).
 */
async function scenario() {
  t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  const a = await report('street_lamp');
  const b = await report('garbage');
  const d = await report('street_lamp');
  const e = await report('noise', { address: '新下陆街道西花苑社区5栋' });
  const c = await (await t.as('grid_worker')).post('/api/work-orders', {
    kind: 'event',
    channel: 'grid_patrol',
    categoryCode: 'garbage',
    description: '楼道堆放垃圾',
    buildingId: t.fx.tongduBuilding.id,
    resolvedOnSpot: '已清理',
  });
  expect(c.statusCode).toBe(201);

  await act('dispatcher', a.id, { action: 'dispatch', unitId: t.fx.tongdu.id });
  await act('tongdu_worker', a.id, { action: 'accept' });
  await act('tongdu_worker', a.id, { action: 'reply', note: '已修复' });
  const first = await t.anonymous.post(`/api/public/work-orders/${a.number}/rating`, {
    token: a.token,
    resolved: false,
    satisfaction: 'dissatisfied',
  });
  expect(first.json().status).toBe('in_progress');
  await act('tongdu_worker', a.id, { action: 'reply', note: '更换线路' });
  const second = await t.anonymous.post(`/api/public/work-orders/${a.number}/rating`, {
    token: a.token,
    resolved: true,
    satisfaction: 'satisfied',
  });
  expect(second.json().status).toBe('closed');

  await act('dispatcher', d.id, { action: 'cancel', note: '诉求人撤回' });
  await act('dispatcher', e.id, { action: 'dispatch' });
  await act('xhy_worker', e.id, { action: 'accept' });
  await act('xhy_worker', e.id, { action: 'reply', note: '已劝导' });
  await act('dispatcher', e.id, { action: 'follow_up', resolved: false, satisfaction: 'dissatisfied' });
  await act('dispatcher', c.json().id, { action: 'follow_up', resolved: true, satisfaction: 'satisfied' });

  await act('dispatcher', b.id, { action: 'dispatch', unitId: t.fx.tongdu.id });
  t.clock.advance(72 * HOUR); // Thursday: past the 1-working-day acceptance limit
  await act('tongdu_worker', b.id, { action: 'accept' });
  await act('tongdu_worker', b.id, { action: 'reply', note: '已清运' });
  await act('dispatcher', b.id, { action: 'follow_up', resolved: true, satisfaction: 'basically_satisfied' });
}

type Row = {
  unitId: string;
  unitName: string;
  own: boolean;
  counters: Record<string, number>;
  rates: Record<string, number | null>;
};

describe('the three rates (R-LAW-WO-6)', () => {
  it('R-LAW-WO-6: response, resolution and satisfaction rates per community match the hand-computed numbers, redo and "basically satisfied" (×0.9) included', async () => {
    const res = await (await t.as('sd_admin')).get(
      `/api/work-orders/stats/rates?orgUnitId=${t.fx.subdistrict.id}&${NOVEMBER}`,
    );
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.weights).toEqual({
      responseWeight: 0.1,
      resolutionWeight: 0.5,
      satisfactionWeight: 0.4,
      basicallySatisfiedWeight: 0.9,
    });
    expect(body.rows.map((r: Row) => r.unitName)).toEqual(['铜都社区', '西花苑社区']);
    const [tongdu, xhy] = body.rows as Row[];
    // 铜都: received A B C D, D withdrawn → 3 valid, all 3 handled there; accepted on time A (redo) and C (on the spot), B late.
    expect(tongdu!.counters).toMatchObject({
      received: 4,
      withdrawn: 1,
      valid: 3,
      assigned: 3,
      acceptedOnTime: 2,
      acceptedLate: 1,
      replied: 3,
      repliedOnTime: 3,
      closed: 3,
      // Follow-ups: A dissatisfied/unresolved (redo), A satisfied, B basically satisfied, C satisfied.
      followupsValid: 4,
      resolved: 3,
      satisfied: 2,
      basicallySatisfied: 1,
      dissatisfied: 1,
      redone: 1,
      resolvedAtGrid: 1,
      resolvedAtCommunity: 2,
    });
    expect(tongdu!.rates).toMatchObject({
      response: 0.6667, // 2 on time / 3 assigned
      resolution: 0.75, // 3 / 4
      satisfaction: 0.725, // (2 + 0.9 × 1) / 4
      composite: 0.7317, // 0.1 × 0.6667 + 0.5 × 0.75 + 0.4 × 0.725
      onTimeAcceptance: 0.6667,
      onTimeCompletion: 1,
    });
    expect(xhy!.rates).toMatchObject({ response: 1, resolution: 0, satisfaction: 0, composite: 0.1 });
    // Total: 4 valid, 3 on time; 5 follow-ups, 3 resolved; (2 + 0.9) / 5 satisfied.
    expect(body.total.counters).toMatchObject({ received: 5, valid: 4, assigned: 4, followupsValid: 5 });
    expect(body.total.rates).toMatchObject({
      response: 0.75,
      resolution: 0.6,
      satisfaction: 0.58,
      composite: 0.607,
    });
  });

  it('R-LAW-WO-6: the weights come from the subdistrict settings', async () => {
    const admin = await t.as('sd_admin');
    const put = await admin.put(`/api/work-orders/settings/${t.fx.subdistrict.id}`, {
      rates: { basicallySatisfiedWeight: 0.5 },
    });
    expect(put.statusCode, put.body).toBe(200);
    const body = (
      await admin.get(`/api/work-orders/stats/rates?orgUnitId=${t.fx.subdistrict.id}&${NOVEMBER}`)
    ).json();
    expect(body.weights.basicallySatisfiedWeight).toBe(0.5);
    // (2 + 0.5 × 1) / 4 = 0.625; composite 0.1 × 0.6667 + 0.5 × 0.75 + 0.4 × 0.625 = 0.6917
    expect(body.rows[0].rates).toMatchObject({ satisfaction: 0.625, composite: 0.6917 });
    await admin.put(`/api/work-orders/settings/${t.fx.subdistrict.id}`, {});
  });

  it('R-LAW-WO-6: grouped by grid, work handled by a community itself is its own row', async () => {
    const body = (
      await (
        await t.as('sd_admin')
      ).get(`/api/work-orders/stats/rates?orgUnitId=${t.fx.subdistrict.id}&${NOVEMBER}&groupBy=grid`)
    ).json();
    const byName = new Map<string, Row>(body.rows.map((r: Row) => [`${r.unitName}${r.own ? '*' : ''}`, r]));
    expect([...byName.keys()].sort()).toEqual(
      ['西花苑社区*', '西花苑第一网格', '铜都社区*', '铜都第一网格'].sort(),
    );
    expect(byName.get('铜都第一网格')!.counters).toMatchObject({
      assigned: 1,
      received: 4,
      withdrawn: 1,
      acceptedOnTime: 1,
      closed: 1,
    });
    expect(byName.get('铜都社区*')!.counters).toMatchObject({
      assigned: 2,
      received: 0,
      acceptedOnTime: 1,
      acceptedLate: 1,
      closed: 2,
    });
    expect(byName.get('西花苑第一网格')!.counters.received).toBe(0);
    expect(body.total.counters.received).toBe(5);
  });

  it('a community worker sees only their own community; another unit is 404', async () => {
    const w = await t.as('tongdu_worker');
    const own = (await w.get(`/api/work-orders/stats/rates?${NOVEMBER}`)).json();
    expect(own.unit.id).toBe(t.fx.tongdu.id);
    expect(own.rows.map((r: Row) => r.unitName)).toEqual(['铜都社区']);
    expect(own.total.counters.received).toBe(4);
    expect((await w.get(`/api/work-orders/stats/rates?orgUnitId=${t.fx.subdistrict.id}`)).statusCode).toBe(
      404,
    );
    expect((await w.get(`/api/work-orders/stats/levels?orgUnitId=${t.fx.xihuayuan.id}`)).statusCode).toBe(
      404,
    );
    expect((await w.get(`/api/work-orders/stats/heatmap?orgUnitId=${t.fx.xihuayuan.id}`)).statusCode).toBe(
      404,
    );
    // An evaluator (reports.read only) reads the subdistrict's measures.
    const ev = await t.as('evaluator');
    const all = (await ev.get(`/api/work-orders/stats/rates?${NOVEMBER}`)).json();
    expect(all.unit.id).toBe(t.fx.subdistrict.id);
    expect(all.total.counters.received).toBe(5);
    expect((await t.anonymous.get('/api/work-orders/stats/rates')).statusCode).toBe(401);
  });

  it('refuses a period that ends before it starts (400)', async () => {
    const res = await (await t.as('sd_admin')).get(
      '/api/work-orders/stats/rates?from=2026-12-01&to=2026-11-01',
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('from');
  });

  it('whole months are read from monthly rows and the ends from daily rows', () => {
    expect(splitPeriod('2026-01-01', '2026-12-31')).toEqual({
      months: ['2026-01-01', '2026-12-01'],
      days: [],
    });
    expect(splitPeriod('2025-11-24', '2026-11-23')).toEqual({
      months: ['2025-12-01', '2026-10-01'],
      days: [
        ['2025-11-24', '2025-11-30'],
        ['2026-11-01', '2026-11-23'],
      ],
    });
    expect(splitPeriod('2026-11-03', '2026-11-20')).toEqual({
      months: null,
      days: [['2026-11-03', '2026-11-20']],
    });
    expect(splitPeriod('2026-02-01', '2026-02-28')).toEqual({
      months: ['2026-02-01', '2026-02-01'],
      days: [],
    });
  });
});

describe('resolution levels (R-WO-5)', () => {
  it('R-WO-5: shares of closed orders resolved in the grid and within the community (小事不出网格,大事不出社区)', async () => {
    const body = (
      await (
        await t.as('sd_admin')
      ).get(`/api/work-orders/stats/levels?orgUnitId=${t.fx.subdistrict.id}&${NOVEMBER}`)
    ).json();
    expect(body.total).toMatchObject({
      closed: 4,
      grid: 1,
      community: 3,
      subdistrict: 0,
      above: 0,
      gridShare: 0.25,
      withinCommunityShare: 1,
    });
    expect(body.rows.find((r: Row) => r.unitName === '铜都社区')).toMatchObject({
      closed: 3,
      gridShare: 0.3333,
    });
  });
});

describe('top categories and hotspots (R-WO-6)', () => {
  it('R-WO-6: top categories of the period, busiest first', async () => {
    const body = (
      await (await t.as('sd_admin')).get(`/api/work-orders/stats/top-categories?${NOVEMBER}&limit=2`)
    ).json();
    expect(body.totalReceived).toBe(5);
    expect(body.rows.map((r: { categoryCode: string }) => r.categoryCode)).toEqual([
      'garbage',
      'street_lamp',
    ]);
    expect(body.rows[0]).toMatchObject({
      categoryName: '垃圾清运',
      received: 2,
      share: 0.4,
      closed: 2,
      resolution: 1,
    });
  });

  it('R-WO-6: a category reported 3 times in one community in one ISO week is a rising hotspot', async () => {
    t.clock.set(new Date('2026-12-08T10:00:00+08:00')); // Tuesday of 2026-W50
    for (let i = 0; i < 3; i++) await report('noise', { address: `西花苑社区${i + 1}栋` });
    await report('noise');
    const sd = await t.as('sd_admin');
    const body = (await sd.get('/api/work-orders/stats/hotspots?week=2026-W50')).json();
    expect(body).toMatchObject({ week: '2026-W50', from: '2026-12-07', to: '2026-12-13', minCount: 3 });
    expect(body.rows[0]).toMatchObject({
      unitName: '西花苑社区',
      categoryCode: 'noise',
      count: 3,
      previousAverage: 0.25, // E, two weeks earlier: 1 in the 4 weeks before
      highFrequency: true,
      rising: true,
    });
    expect(body.rows[1]).toMatchObject({ unitName: '铜都社区', count: 1, highFrequency: false });
    // Default: the current week.
    expect((await sd.get('/api/work-orders/stats/hotspots')).json().week).toBe('2026-W50');
    expect((await sd.get('/api/work-orders/stats/hotspots?week=2026-W60')).statusCode).toBe(400);
    expect(isoWeekOf('2027-01-01')).toBe('2026-W53');
    expect(weekStart('2026-W01')).toBe('2025-12-29');
  });

  it('the heat map counts located orders per cell, within the unit', async () => {
    const sd = await t.as('sd_admin');
    const body = (await sd.get(`/api/work-orders/stats/heatmap?${NOVEMBER}&cellM=200`)).json();
    expect(body.total).toBe(3); // A, B, D have a point; C (building) and E (address) do not
    expect(body.cells).toHaveLength(1);
    expect(body.cells[0].count).toBe(3);
    expect(Math.abs(body.cells[0].lat - IN_GRID.lat)).toBeLessThan(0.002);
    const w = await t.as('tongdu_worker');
    expect((await w.get(`/api/work-orders/stats/heatmap?${NOVEMBER}`)).json().total).toBe(2); // A, B
  });
});

async function workbook(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as never);
  return wb.worksheets[0]!;
}

describe('exports', () => {
  it('R-LAW-WO-6: the rates table exports as a valid .xlsx with a total row', async () => {
    const res = await (await t.as('sd_admin')).get(
      `/api/work-orders/stats/rates.xlsx?orgUnitId=${t.fx.subdistrict.id}&${NOVEMBER}`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const ws = await workbook(res.rawPayload);
    expect(ws.getRow(1).getCell(1).value).toBe('单位');
    expect(ws.rowCount).toBe(4); // header, 铜都, 西花苑, 合计
    expect(ws.getRow(4).getCell(1).value).toBe('合计');
    expect(ws.getRow(2).getCell(11).value).toBe(66.7); // 铜都 response rate %
  });

  it('filtered orders export as a valid .xlsx with masked phones', async () => {
    const d = await t.as('dispatcher');
    const res = await d.get('/api/work-orders/export.xlsx?categoryCode=street_lamp');
    expect(res.statusCode).toBe(200);
    const ws = await workbook(res.rawPayload);
    expect(ws.rowCount).toBe(3); // header + A + D
    const values = JSON.stringify(ws.getSheetValues());
    expect(values).toContain('138****1111');
    expect(values).not.toContain('13800001111');
    const en = await d.request({
      method: 'GET',
      url: '/api/work-orders/export.xlsx?status=cancelled',
      headers: { 'accept-language': 'en' },
    });
    const wsEn = await workbook(en.rawPayload);
    expect(wsEn.rowCount).toBe(2);
    expect(wsEn.getRow(2).getCell(7).value).toBe('Cancelled');
  });
});
