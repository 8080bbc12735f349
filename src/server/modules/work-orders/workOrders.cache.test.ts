import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { giveSquareBoundary } from '../../../../test/workOrders';
import { woCategories } from './workOrders.table';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await giveSquareBoundary(t, t.fx.tongduGrid.id);
});
afterAll(() => t.close());

const report = (body: Record<string, unknown>) =>
  t.anonymous.post('/api/public/work-orders', {
    kind: 'complaint',
    categoryCode: 'street_lamp',
    description: '路灯不亮',
    requesterPhone: '13800001111',
    ...body,
  });

async function orderByNumber(number: string) {
  const [o] = await t.database.db
    .execute(sql`select * from work_orders where number = ${number}`)
    .then((r) => (r as unknown as { rows: Record<string, unknown>[] }).rows);
  return o!;
}

describe('intake on cached categories and org tree (R-WO-4)', () => {
  it('the staff intake answers the same detail as reading the order back, possible duplicates included', async () => {
    const earlier = await report({ categoryCode: 'garbage', lat: 30.1651, lng: 114.9301 });
    expect(earlier.statusCode).toBe(201);
    const sd = await t.as('sd_admin');
    const res = await sd.post('/api/work-orders', {
      kind: 'complaint',
      channel: 'hotline',
      categoryCode: 'garbage',
      description: '垃圾未清运',
      requesterName: '王女士',
      requesterPhone: '13900002222',
      lat: 30.165,
      lng: 114.93,
    });
    expect(res.statusCode).toBe(201);
    const again = await sd.get(`/api/work-orders/${res.json().id}`);
    expect(res.json()).toEqual(again.json());
    expect(res.json().timeline).toHaveLength(1);
    expect(res.json().possibleDuplicates.map((d: { number: string }) => d.number)).toEqual([
      earlier.json().number,
    ]);
    expect(res.json().orgUnitName).toBe('新下陆街道');
  });

  it('a grid drawn by another process after the tree was cached routes the next report to it', async () => {
    const before = await report({ lat: 30.2, lng: 114.95 });
    expect(before.statusCode).toBe(201);
    expect((await orderByNumber(before.json().number)).grid_id).toBeNull();
    // Another app process draws 西花苑's grid: this process is not told, its cached tree is stale.
    await giveSquareBoundary(t, t.fx.xihuayuanGrid.id, { lat: 30.2, lng: 114.95 });
    const after = await report({ lat: 30.2, lng: 114.95 });
    expect(after.statusCode).toBe(201);
    const o = await orderByNumber(after.json().number);
    expect(o.grid_id).toBe(t.fx.xihuayuanGrid.id);
    expect(o.community_id).toBe(t.fx.xihuayuan.id);
    expect(o.dispatch_path).toBe(t.fx.subdistrict.path);
  });

  it('a category retired by another process is refused at once, not after the cache expires', async () => {
    expect((await report({ categoryCode: 'noise' })).statusCode).toBe(201);
    await t.database.db
      .update(woCategories)
      .set({ active: false })
      .where(sql`${woCategories.code} = 'noise'`);
    const res = await report({ categoryCode: 'noise' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual([
      expect.objectContaining({ path: 'categoryCode', code: 'work_orders.unknown_category' }),
    ]);
  });
});
