import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { buildUnit, buildWorkOrder } from '../../../../test/factories';

/** The intake use case called directly (no HTTP), with the factories building what an order needs. */
describe('work-order intake (use case)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('R-WO-4: an order is filed under the grid and community of its building and waits at the subdistrict’s governance centre', async () => {
    const { order, events } = await buildWorkOrder(t.deps, t.fx, { community: t.fx.xihuayuan });
    const building = await t.database.db.query.orgUnits.findFirst({
      where: (u, { eq }) => eq(u.id, order.buildingId!),
    });
    expect(order).toMatchObject({
      gridId: building!.parentId,
      communityId: t.fx.xihuayuan.id,
      subdistrictId: t.fx.subdistrict.id,
      orgUnitId: t.fx.subdistrict.id,
      status: 'submitted',
    });
    expect(events.length).toBeGreaterThan(0);
  });

  it('R-WO-3: every order gets a time limit at intake (emergency shorter than regular)', async () => {
    const regular = await buildWorkOrder(t.deps, t.fx, { priority: 'regular' });
    const emergency = await buildWorkOrder(t.deps, t.fx, { priority: 'emergency' });
    expect(regular.order.dueAt).toBeInstanceOf(Date);
    expect(emergency.order.dueAt!.getTime()).toBeLessThan(regular.order.dueAt!.getTime());
  });

  it('the unit factory creates the levels in between: a household under a community gets a grid and a building', async () => {
    const household = await buildUnit(t.deps, t.fx.tongdu, 'household');
    const path = household.path.split('/').filter(Boolean);
    const chain = await t.database.db.query.orgUnits.findMany({
      where: (u, { inArray }) => inArray(u.id, path),
    });
    expect(path.map((id) => chain.find((u) => u.id === id)?.kind)).toEqual([
      'city',
      'district',
      'subdistrict',
      'community',
      'grid',
      'building',
      'household',
    ]);
  });
});
