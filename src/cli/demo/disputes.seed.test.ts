import { expect, it } from 'vitest';
import { buildWorkOrder } from '../../../test/factories';
import { seedDemoDisputes } from './disputes.seed';
import { seedTestApp } from './seedTestApp';

const app = seedTestApp((fx) => ({
  xiangl: ['dispatcher', fx.subdistrict.id],
  luhx: ['community_secretary', fx.tongdu.id],
}));

it('the demo disputes run through the use cases: a converted work order, and closed agreements followed up on performance', async () => {
  const t = app();
  const { order } = await buildWorkOrder(t.deps, t.fx, {
    categoryCode: 'neighbour_dispute',
    description: '邻居装修噪音，多次沟通无果',
  });
  await seedDemoDisputes(t.deps, { log: () => undefined });
  const centre = await t.as('xiangl');
  const list = (await centre.get('/api/disputes?pageSize=100')).json();
  expect(list.total).toBeGreaterThan(0);
  const details = await Promise.all(
    list.items.map(async (d: { id: string }) => (await centre.get(`/api/disputes/${d.id}`)).json()),
  );
  const agreed = details.filter((d: { outcome: string | null }) => d.outcome === 'agreement');
  expect(agreed.length).toBeGreaterThan(0);
  // A work order converted into a dispute, linked (R-DS-1).
  expect(details.find((d: { source: string }) => d.source === 'work_order')).toMatchObject({
    workOrderId: order.id,
    sourceRef: order.number,
  });
  // Joint mediation where the nature asks for it (R-DS-2).
  expect(details.some((d: { jointBodies: unknown[] }) => d.jointBodies.length > 0)).toBe(true);
  // Serious incidents (seed 004 Ⅱ-4): one community with an incident in the last two years, others clear.
  const standing = (await centre.get('/api/disputes/incidents/communities?pageSize=100')).json();
  expect(standing.items.some((c: { clear: boolean }) => !c.clear)).toBe(true);
  expect(standing.items.some((c: { clear: boolean }) => c.clear)).toBe(true);
  expect((await centre.get('/api/disputes/incidents')).json().total).toBeGreaterThanOrEqual(2);
  // Closed agreements whose performance deadline has passed carry a follow-up (履行回访).
  expect(
    details.some((d: { events: { action: string }[] }) => d.events.some((e) => e.action === 'follow_up')),
  ).toBe(true);
});
