import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../../../test/app';
import { buildResident } from '../../../../test/factories';
import { usccCheckChar } from '../../../shared/validation/codes';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** A valid unified social credit code (R-LAW-CD-3) from 17 characters of the GB 32100 alphabet. */
const uscc = (first17: string) => first17 + usccCheckChar(first17);
const VALID = uscc('91420200MA4A0B1C2');
const WRONG_CHECK = VALID.slice(0, 17) + (VALID[17] === '0' ? '1' : '0');

async function auditTotal(query: string) {
  const admin = await t.as('admin');
  return (await admin.get(`/api/audit?${query}`)).json().total as number;
}

describe('resident units (驻区单位)', () => {
  it('R-LAW-CD-3: a unit with a wrong USCC check character is refused with the field error people.uscc, and nothing is stored', async () => {
    const sd = await t.as('sd_admin');
    const before = (await sd.get('/api/people/resident-units')).json().total;
    const audits = await auditTotal('entityType=resident_unit');
    for (const code of [WRONG_CHECK, '91420200MA4A0B1C', '91420200MA4A0B1CI9']) {
      const res = await sd.post('/api/people/resident-units', {
        name: '下陆区实验小学',
        uscc: code,
        kind: 'public_institution',
        orgUnitId: t.fx.tongdu.id,
      });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('common.validation');
      expect(res.json().error.details.fields).toEqual([
        { path: 'uscc', code: 'people.uscc', message: '统一社会信用代码无效' },
      ]);
    }
    expect((await sd.get('/api/people/resident-units')).json().total).toBe(before);
    expect(await auditTotal('entityType=resident_unit')).toBe(audits);
  });

  it('R-LAW-CD-3: a valid USCC is stored upper-case and can be searched; a second unit with it is refused (409)', async () => {
    const worker = await t.as('tongdu_worker');
    const res = await worker.post('/api/people/resident-units', {
      name: '中国工商银行新下陆支行',
      uscc: VALID.toLowerCase(),
      kind: 'enterprise',
      address: '新下陆街道铜都社区',
      contactName: '王经理',
      contactPhone: '13612345678',
      orgUnitId: t.fx.tongdu.id,
    });
    expect(res.statusCode).toBe(201);
    const unit = res.json();
    expect(unit).toMatchObject({
      uscc: VALID,
      contactPhone: '136****5678',
      orgUnitName: '铜都社区',
      abilities: { edit: true },
    });
    expect(
      (await worker.get(`/api/people/resident-units?q=${VALID}`))
        .json()
        .items.map((u: { id: string }) => u.id),
    ).toEqual([unit.id]);

    const dup = await worker.post('/api/people/resident-units', {
      name: '另一家',
      uscc: VALID,
      kind: 'enterprise',
      orgUnitId: t.fx.tongdu.id,
    });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0]).toMatchObject({ path: 'uscc', code: 'people.uscc_taken' });

    // The code identifies one unit platform-wide: a neighbour cannot register it either.
    const xhy = await t.as('xhy_worker');
    expect(
      (
        await xhy.post('/api/people/resident-units', {
          name: '冒用',
          uscc: VALID,
          kind: 'enterprise',
          orgUnitId: t.fx.xihuayuan.id,
        })
      ).statusCode,
    ).toBe(409);
  });

  it('R-LAW-PI-1: the audit entry of a new unit is written with the actor and holds no contact phone', async () => {
    const worker = await t.as('tongdu_worker');
    const unit = (await worker.get(`/api/people/resident-units?q=${VALID}`)).json().items[0];
    const admin = await t.as('admin');
    const audit = (
      await admin.get(`/api/audit?action=people.resident_unit.create&entityId=${unit.id}`)
    ).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0]).toMatchObject({ actorName: 'tongdu_worker', success: true });
    expect(audit.items[0].after).toMatchObject({ name: '中国工商银行新下陆支行', uscc: VALID });
    expect(JSON.stringify(audit.items[0])).not.toMatch(/13612345678|136\*\*\*\*5678/);
  });

  it('an edit with an invalid USCC, an unknown field or a wrong type changes nothing', async () => {
    const worker = await t.as('tongdu_worker');
    const unit = (await worker.get(`/api/people/resident-units?q=${VALID}`)).json().items[0];
    const bad = await worker.patch(`/api/people/resident-units/${unit.id}`, {
      uscc: WRONG_CHECK,
      name: '改名',
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.fields[0].code).toBe('people.uscc');
    expect(
      (await worker.patch(`/api/people/resident-units/${unit.id}`, { name: '改名', owner: 'x' })).statusCode,
    ).toBe(400);
    expect((await worker.patch(`/api/people/resident-units/${unit.id}`, { name: 42 })).statusCode).toBe(400);
    expect((await worker.patch(`/api/people/resident-units/${unit.id}`, { kind: 'bank' })).statusCode).toBe(
      400,
    );
    expect(
      (await worker.patch(`/api/people/resident-units/${unit.id}`, { name: 'x'.repeat(101) })).statusCode,
    ).toBe(400);
    const after = (await worker.get(`/api/people/resident-units/${unit.id}`)).json();
    expect(after).toMatchObject({ name: '中国工商银行新下陆支行', uscc: VALID });
    const cleared = await worker.patch(`/api/people/resident-units/${unit.id}`, {
      uscc: null,
      contactPhone: null,
    });
    expect(cleared.json()).toMatchObject({ uscc: null, contactPhone: null });
  });

  it('R-ORG-1: a 铜都 worker gets 404 for a 西花苑 unit and does not list it', async () => {
    const xhy = await t.as('xhy_worker');
    const other = (
      await xhy.post('/api/people/resident-units', {
        name: '西花苑农贸市场',
        kind: 'enterprise',
        orgUnitId: t.fx.xihuayuan.id,
      })
    ).json();
    const worker = await t.as('tongdu_worker');
    expect((await worker.get(`/api/people/resident-units/${other.id}`)).statusCode).toBe(404);
    expect((await worker.patch(`/api/people/resident-units/${other.id}`, { name: '改' })).statusCode).toBe(
      404,
    );
    expect(
      (await worker.get('/api/people/resident-units?pageSize=200'))
        .json()
        .items.map((u: { id: string }) => u.id),
    ).not.toContain(other.id);
    expect((await worker.get(`/api/people/resident-units?orgUnitId=${t.fx.xihuayuan.id}`)).statusCode).toBe(
      404,
    );
  });
});

describe('social organizations (社区社会组织)', () => {
  it('R-ORG-6: public-welfare organizations with migrant-worker members can be listed per community', async () => {
    const worker = await t.as('tongdu_worker');
    const a = await worker.post('/api/people/social-orgs', {
      name: '铜都志愿服务队',
      registration: 'filed',
      field: '志愿服务',
      publicWelfare: true,
      migrantMembers: true,
      memberCount: 36,
      orgUnitId: t.fx.tongdu.id,
    });
    expect(a.statusCode).toBe(201);
    expect(a.json()).toMatchObject({
      registration: 'filed',
      publicWelfare: true,
      migrantMembers: true,
      memberCount: 36,
      uscc: null,
    });
    const b = await worker.post('/api/people/social-orgs', {
      name: '铜都文体队',
      registration: 'registered',
      field: '文体',
      orgUnitId: t.fx.tongdu.id,
      uscc: uscc('52420200MJ0000001'),
    });
    expect(b.statusCode).toBe(201);
    expect(b.json()).toMatchObject({ publicWelfare: false, migrantMembers: false, memberCount: 0 });
    const qualifying = (
      await worker.get(
        `/api/people/social-orgs?orgUnitId=${t.fx.tongdu.id}&publicWelfare=true&migrantMembers=true`,
      )
    ).json();
    expect(qualifying.items.map((o: { name: string }) => o.name)).toEqual(['铜都志愿服务队']);
    expect((await worker.get('/api/people/social-orgs?registration=registered')).json().total).toBe(1);
    expect(await auditTotal(`action=people.social_org.create&entityId=${a.json().id}`)).toBe(1);
  });

  it('refuses an invalid USCC (people.uscc), a bad registration, a negative or textual member count, and unknown fields', async () => {
    const worker = await t.as('tongdu_worker');
    const before = (await worker.get('/api/people/social-orgs')).json().total;
    const base = { name: '读书会', registration: 'filed', field: '文化', orgUnitId: t.fx.tongdu.id };
    const badUscc = await worker.post('/api/people/social-orgs', { ...base, uscc: WRONG_CHECK });
    expect(badUscc.statusCode).toBe(422);
    expect(badUscc.json().error.details.fields[0]).toMatchObject({ path: 'uscc', code: 'people.uscc' });
    expect(
      (await worker.post('/api/people/social-orgs', { ...base, registration: 'approved' })).statusCode,
    ).toBe(400);
    expect((await worker.post('/api/people/social-orgs', { ...base, memberCount: -1 })).statusCode).toBe(400);
    expect((await worker.post('/api/people/social-orgs', { ...base, memberCount: '12' })).statusCode).toBe(
      400,
    );
    expect(
      (await worker.post('/api/people/social-orgs', { ...base, id: '019a0000-0000-7000-8000-000000000000' }))
        .statusCode,
    ).toBe(400);
    expect((await worker.post('/api/people/social-orgs', { ...base, name: '   ' })).statusCode).toBe(400);
    expect((await worker.get('/api/people/social-orgs')).json().total).toBe(before);
  });

  it('an organization can be updated, and moved to another unit only within scope', async () => {
    const worker = await t.as('tongdu_worker');
    const org = (await worker.get(`/api/people/social-orgs?q=${encodeURIComponent('志愿')}`)).json().items[0];
    const res = await worker.patch(`/api/people/social-orgs/${org.id}`, {
      memberCount: 40,
      orgUnitId: t.fx.tongduGrid.id,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ memberCount: 40, orgUnitName: '铜都第一网格' });
    expect(
      (await worker.patch(`/api/people/social-orgs/${org.id}`, { orgUnitId: t.fx.xihuayuan.id })).statusCode,
    ).toBe(404);
    expect((await worker.get(`/api/people/social-orgs/${org.id}`)).json().orgUnitId).toBe(t.fx.tongduGrid.id);
  });
});

describe('deputies (两代表一委员)', () => {
  it('registers a people congress deputy linked to a resident, filters by kind, and audits it', async () => {
    const resident = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '刘代表' });
    const worker = await t.as('tongdu_worker');
    const res = await worker.post('/api/people/deputies', {
      name: '刘代表',
      kind: 'peoples_congress',
      level: '区',
      orgUnitId: t.fx.tongdu.id,
      residentId: resident.id,
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'peoples_congress',
      level: '区',
      residentId: resident.id,
      orgUnitName: '铜都社区',
    });
    await worker.post('/api/people/deputies', {
      name: '周委员',
      kind: 'cppcc',
      level: '市',
      orgUnitId: t.fx.tongdu.id,
    });
    expect(
      (await worker.get('/api/people/deputies?kind=cppcc')).json().items.map((d: { name: string }) => d.name),
    ).toEqual(['周委员']);
    expect(await auditTotal(`action=people.deputy.create&entityId=${res.json().id}`)).toBe(1);
    const edited = await worker.patch(`/api/people/deputies/${res.json().id}`, { level: '市' });
    expect(edited.json().level).toBe('市');
  });

  it('refuses an unknown kind, a missing level and a 西花苑 resident; a 铜都 worker gets 404 for a 西花苑 deputy', async () => {
    const worker = await t.as('tongdu_worker');
    expect(
      (
        await worker.post('/api/people/deputies', {
          name: '某',
          kind: 'mayor',
          level: '区',
          orgUnitId: t.fx.tongdu.id,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (await worker.post('/api/people/deputies', { name: '某', kind: 'cppcc', orgUnitId: t.fx.tongdu.id }))
        .statusCode,
    ).toBe(400);
    const other = await buildResident(t.deps, t.fx.xihuayuanBuilding, t.fx.xihuayuan, { name: '西花苑代表' });
    const link = await worker.post('/api/people/deputies', {
      name: '某',
      kind: 'cppcc',
      level: '区',
      orgUnitId: t.fx.tongdu.id,
      residentId: other.id,
    });
    expect(link.statusCode).toBe(422);
    const xhy = await t.as('xhy_worker');
    const d = (
      await xhy.post('/api/people/deputies', {
        name: '西花苑代表',
        kind: 'party_congress',
        level: '区',
        orgUnitId: t.fx.xihuayuan.id,
        residentId: other.id,
      })
    ).json();
    expect((await worker.get(`/api/people/deputies/${d.id}`)).statusCode).toBe(404);
    expect((await worker.patch(`/api/people/deputies/${d.id}`, { level: '省' })).statusCode).toBe(404);
    const sd = await t.as('sd_admin');
    expect((await sd.get(`/api/people/deputies/${d.id}`)).json().level).toBe('区');
  });
});

describe('people registry in English', () => {
  it('answers field errors in English when the browser asks for it', async () => {
    const sd = await t.as('sd_admin');
    const res = await sd.request({
      method: 'POST',
      url: '/api/people/resident-units',
      headers: { 'accept-language': 'en' },
      payload: { name: 'Bad code Ltd', uscc: WRONG_CHECK, kind: 'enterprise', orgUnitId: t.fx.tongdu.id },
    });
    expect(res.json().error.details.fields[0].message).toBe('Invalid unified social credit code');
  });
});
