import { expect, it } from 'vitest';
import { seedDemoCertificates } from './certificates.seed';
import { seedTestApp } from './seedTestApp';

const app = seedTestApp((fx) => ({
  liukt: ['subdistrict_admin', fx.subdistrict.id],
  luhx: ['community_secretary', fx.tongdu.id],
}));

it('R-AC-2 the demo seed has a dozen catalogue items with clauses, issued and refused certificates, and a seal log', async () => {
  const t = app();
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
