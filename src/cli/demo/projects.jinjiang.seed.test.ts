import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../test/app';
import { insertUnit } from '../../server/modules/org/org.repository';
import { JINJIANG_PLAN, seedDemoProjectsJinjiang } from './projects.jinjiang.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const quanzhou = await insertUnit(t.deps, null, { kind: 'city', name: '泉州市' });
  const jinjiang = await insertUnit(t.deps, quanzhou, { kind: 'district', name: '晋江市' });
  await createUser(t, 'jinjiang', [{ role: 'civil_affairs', orgUnitId: jinjiang.id }]);
  const towns = new Map<string, Awaited<ReturnType<typeof insertUnit>>>();
  for (const [i, p] of JINJIANG_PLAN.entries()) {
    let town = towns.get(p.town);
    if (!town) {
      town = await insertUnit(t.deps, jinjiang, { kind: 'subdistrict', name: p.town });
      towns.set(p.town, town);
      await createUser(t, `town${i}`, [{ role: 'subdistrict_admin', orgUnitId: town.id }]);
    }
    await insertUnit(t.deps, town, { kind: 'community', name: p.place });
  }
});
afterAll(() => t?.close());

it('R-PJ-2 R-PJ-4 R-PJ-5 demo: 晋江市民政局 2023 call — 16 applications, 12 pilots (one recommended to 泉州), a late monthly report and a late completion flagged, money and archive recorded', async () => {
  await seedDemoProjectsJinjiang(t.deps, { log: () => undefined });
  const bureau = await t.as('jinjiang');
  const calls = (await bureau.get('/api/projects/calls')).json();
  expect(calls.items).toHaveLength(1);
  const call = calls.items[0];
  expect(call).toMatchObject({
    year: 2023,
    status: 'published',
    quota: 12,
    applicationDue: '2023-03-17',
    completionDue: '2023-11-30',
    summaryDue: '2023-12-20',
    reportDay: 20,
  });
  const all = (await bureau.get(`/api/projects/applications?callId=${call.id}&pageSize=50`)).json();
  expect(all.total).toBe(16);
  const selected = (
    await bureau.get(`/api/projects/applications?callId=${call.id}&state=selected&pageSize=50`)
  ).json();
  expect(selected.total).toBe(12);
  expect(
    new Set(selected.items.map((a: { subdistrictName?: string; orgUnitName: string }) => a.orgUnitName)).size,
  ).toBe(12);
  expect(selected.items.filter((a: { level: string }) => a.level === 'prefecture')).toHaveLength(1);
  // Every pilot filed April–November; one report late (timeline), one completion late (flag, 通报).
  const reports = (
    await bureau.get(`/api/projects/reports?callId=${call.id}&view=filed&pageSize=100`)
  ).json();
  expect(reports.total).toBe(12 * 8);
  expect((await bureau.get(`/api/projects/reports?callId=${call.id}&view=overdue`)).json().total).toBe(0);
  const timelines = await Promise.all(
    selected.items.map(async (a: { id: string }) =>
      (await bureau.get(`/api/projects/applications/${a.id}`)).json(),
    ),
  );
  const actions = (x: { events: { action: string }[] }) => x.events.map((e) => e.action);
  expect(timelines.filter((x) => actions(x).includes('report_overdue'))).toHaveLength(1);
  expect(timelines.filter((x) => actions(x).includes('completion_overdue'))).toHaveLength(1);
  expect(timelines.filter((x) => actions(x).includes('notice'))).toHaveLength(1);
  expect(timelines.every((x) => x.completedAt && x.summaryAt && x.visitAnsweredAt)).toBe(true);
  // Money through the use cases: everything planned received, spends within it.
  const pilot = selected.items.find((a: { level: string }) => a.level === 'prefecture');
  const money = (await bureau.get(`/api/projects/applications/${pilot.id}/money`)).json();
  expect(money.disbursedFen).toBe(money.budgetFen);
  expect(money.spentFen).toBeGreaterThan(0);
  expect(money.spentFen).toBeLessThanOrEqual(money.disbursedFen);
  const archive = (await bureau.get(`/api/projects/applications/${pilot.id}/archive`)).json();
  expect(JSON.stringify(archive)).toContain('method');
});
