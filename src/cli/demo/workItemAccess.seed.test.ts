import { expect, it } from 'vitest';
import { seedDemoWorkItemAccess } from './workItemAccess.seed';
import { seedTestApp } from './seedTestApp';

const app = seedTestApp((fx) => ({
  civil: ['civil_affairs', fx.district.id],
  luhx: ['community_secretary', fx.tongdu.id],
}));

it('R-AC-1 the demo seed has an approved, a refused, a routed, an exempt and a pending application, and a refusal', async () => {
  const t = app();
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
