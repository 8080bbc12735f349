import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../test/app';
import { insertUnit } from '../../server/modules/org/org.api';
import {
  srCycles,
  srSubmissions,
  srTemplates,
} from '../../server/modules/scheduled-reports/scheduledReports.table';
import { seedDemoScheduledReports, storyYear } from './scheduledReports.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  const kongque = await insertUnit(t.deps, t.fx.subdistrict, { kind: 'community', name: '孔雀苑社区' });
  const tonghua = await insertUnit(t.deps, t.fx.subdistrict, { kind: 'community', name: '铜花社区' });
  await createUser(t, 'liukt', [{ role: 'subdistrict_admin', orgUnitId: t.fx.subdistrict.id }]);
  await createUser(t, 'civil', [{ role: 'civil_affairs', orgUnitId: t.fx.district.id }]);
  await createUser(t, 'luhx', [{ role: 'community_secretary', orgUnitId: t.fx.tongdu.id }]);
  await createUser(t, 'zhanxs', [{ role: 'community_secretary', orgUnitId: t.fx.xihuayuan.id }]);
  await createUser(t, 'wangtt', [{ role: 'community_secretary', orgUnitId: kongque.id }]);
  await createUser(t, 'maxq', [{ role: 'community_secretary', orgUnitId: tonghua.id }]);
  await seedDemoScheduledReports(t.deps, { log: () => undefined });
});
afterAll(() => t?.close());

it('R-RP-1 demo: a monthly report by the 20th with two cycles, one late submitter and one return; a half-yearly summary', async () => {
  const db = t.database.db;
  const templates = await db.select().from(srTemplates);
  expect(templates.map((x) => [x.cadence, x.dueDay]).sort()).toEqual([
    ['half_yearly', 31],
    ['monthly', 20],
  ]);
  const monthly = templates.find((x) => x.cadence === 'monthly')!;
  const cycles = await db.select().from(srCycles).where(eq(srCycles.templateId, monthly.id));
  expect(cycles.map((c) => [c.period, c.dueOn]).sort()).toEqual([
    ['2026-10', '2026-10-20'],
    ['2026-11', '2026-11-20'],
  ]);
  const subs = await db.select().from(srSubmissions).where(eq(srSubmissions.templateId, monthly.id));
  const october = cycles.find((c) => c.period === '2026-10')!;
  const november = cycles.find((c) => c.period === '2026-11')!;
  const lateOnes = subs.filter((s) => s.late);
  expect(lateOnes).toHaveLength(1);
  expect(lateOnes[0]!.cycleId).toBe(october.id);
  const returned = subs.filter((s) => s.resubmissions > 0);
  expect(returned).toHaveLength(1);
  expect(returned[0]!.cycleId).toBe(november.id);
  expect(returned[0]!.returnReason).toContain('民情台账');
  expect(subs.every((s) => s.state === 'accepted')).toBe(true);
  const half = templates.find((x) => x.cadence === 'half_yearly')!;
  const halfCycles = await db.select().from(srCycles).where(eq(srCycles.templateId, half.id));
  expect(halfCycles.map((c) => c.dueOn).sort()).toEqual(['2026-06-30', '2026-12-31']);
});

it('the story moves to the latest year whose November has ended (China time), never before 2026', () => {
  const years = [
    '2026-11-23T09:00:00+08:00',
    '2026-12-06T09:00:00+08:00',
    '2027-11-30T23:30:00+08:00',
    '2027-12-01T00:30:00+08:00',
    '2030-03-01T12:00:00+08:00',
  ].map((d) => storyYear(new Date(d)));
  expect(years).toEqual([2026, 2026, 2026, 2027, 2029]);
});
