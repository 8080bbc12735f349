import { afterAll, beforeAll, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../test/app';
import { seedDemoCertificates } from './certificates.seed';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'liukt', [{ role: 'subdistrict_admin', orgUnitId: t.fx.subdistrict.id }]);
  await createUser(t, 'luhx', [{ role: 'community_secretary', orgUnitId: t.fx.tongdu.id }]);
});
afterAll(() => t?.close());

it('R-AC-2 the demo seed has a dozen catalogue items with clauses, issued and refused certificates, and a seal log', async () => {
  await seedDemoCertificates(t.deps, { log: () => undefined });
  const luhx = await t.as('luhx');
  const cat = (await luhx.get('/api/certificates/catalogue?pageSize=50')).json();
  expect(cat.total).toBe(12);
  expect(cat.items.every((i: { clause: string }) => /第.+条/.test(i.clause))).toBe(true);
  const reg = (await luhx.get('/api/certificates')).json();
  expect(reg.items.filter((r: { status: string }) => r.status === 'issued')).toHaveLength(3);
  expect(
    reg.items
      .filter((r: { status: string }) => r.status === 'refused')
      .map((r: { refusalCode: string }) => r.refusalCode)
      .sort(),
  ).toEqual(['joint_liability', 'no_basis', 'own_duty']);
  const seals = (await luhx.get('/api/seals')).json();
  expect(seals.total).toBe(6);
  expect(seals.items.filter((s: { status: string }) => s.status === 'refused')).toHaveLength(1);
});
