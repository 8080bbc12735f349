import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../test/app';
import { seedDemoWorkItemAccess } from './workItemAccess.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'civil', [{ role: 'civil_affairs', orgUnitId: t.fx.district.id }]);
  await createUser(t, 'luhx', [{ role: 'community_secretary', orgUnitId: t.fx.tongdu.id }]);
});
afterAll(() => t?.close());

it('R-AC-1 the demo seed has an approved, a refused, a routed, an exempt and a pending application, and a refusal', async () => {
  await seedDemoWorkItemAccess(t.deps, { log: () => undefined });
  const civil = await t.as('civil');
  const apps = (await civil.get('/api/work-item-access/applications')).json();
  expect(apps.items.map((a: { state: string }) => a.state).sort()).toEqual([
    'approved',
    'exempt',
    'purchase',
    'refused',
    'submitted',
  ]);
  const pending = apps.items.find((a: { state: string }) => a.state === 'submitted');
  expect(pending.workingDaysLeft).toBeGreaterThan(0);
  expect(pending.overdue).toBe(false);
  const luhx = await t.as('luhx');
  const items = (await luhx.get('/api/work-item-access/items')).json();
  expect(items.total).toBe(2);
  expect((await civil.get('/api/work-item-access/refusals')).json().total).toBe(1);
});
