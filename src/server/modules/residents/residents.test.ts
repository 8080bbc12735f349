import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResident, nextIdNumber } from '../../../../test/factories';
import { type TestApp, createTestApp } from '../../../../test/app';
import { idCheckChar } from '../../../shared/validation/codes';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('residents registry', () => {
  it('a subdistrict admin registers a resident; lists show the ID number and phone masked (R-LAW-PI-1)', async () => {
    const admin = await t.as('sd_admin');
    const idNumber = nextIdNumber('19560314');
    const res = await admin.post('/api/residents', {
      name: '李秀英',
      idNumber,
      phone: '13812341234',
      address: '新下陆街道铜都小区1栋201',
      orgUnitId: t.fx.tongduBuilding.id,
      room: '201',
      registrationStatus: 'registered',
      tags: ['living_alone'],
    });
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created.birthDate).toBe('1956-03-14');
    expect(created.idNumber).toBe(`${idNumber.slice(0, 6)}********${idNumber.slice(-4)}`);
    expect(created.phone).toBe('138****1234');
    expect(created.unitName).toBe('201');

    const list = await admin.get(`/api/residents?q=${encodeURIComponent('李秀英')}`);
    expect(list.json().items[0].phone).toBe('138****1234');
    const byPhone = await admin.get('/api/residents?q=13812341234');
    expect(byPhone.json().total).toBe(1);
  });

  it('stores personal data encrypted, never in clear', async () => {
    const rows = await t.database.db.execute('select id_number_enc, phone_enc from residents' as never);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('13812341234');
    expect(text).toContain('v1.');
  });

  it('rejects a wrong ID check digit with a field error in Chinese, and changes nothing (R-LAW-CD-2)', async () => {
    const admin = await t.as('sd_admin');
    const good = nextIdNumber();
    const bad = good.slice(0, 17) + (idCheckChar(good.slice(0, 17)) === '1' ? '2' : '1');
    const before = (await admin.get('/api/residents')).json().total;
    const res = await admin.post('/api/residents', {
      name: '王五',
      idNumber: bad,
      orgUnitId: t.fx.tongdu.id,
      registrationStatus: 'migrant',
    });
    expect(res.statusCode).toBe(400);
    const err = res.json().error;
    expect(err.code).toBe('common.validation');
    expect(err.details.fields[0]).toMatchObject({ path: 'idNumber', message: '身份证号码校验位错误' });
    expect((await admin.get('/api/residents')).json().total).toBe(before);
  });

  it('answers in English when the browser asks for it', async () => {
    const admin = await t.as('sd_admin');
    const res = await admin.request({
      method: 'POST',
      url: '/api/residents',
      headers: { 'accept-language': 'en-US' },
      payload: { name: '' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toBe('Some fields are invalid; please check them');
  });

  it('refuses unknown fields, malformed JSON and over-long strings with 400', async () => {
    const admin = await t.as('sd_admin');
    const unknown = await admin.post('/api/residents', {
      name: 'a',
      orgUnitId: t.fx.tongdu.id,
      registrationStatus: 'migrant',
      hack: 1,
    });
    expect(unknown.statusCode).toBe(400);
    const malformed = await admin.request({
      method: 'POST',
      url: '/api/residents',
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('common.bad_json');
    const long = await admin.post('/api/residents', {
      name: 'x'.repeat(51),
      orgUnitId: t.fx.tongdu.id,
      registrationStatus: 'migrant',
    });
    expect(long.statusCode).toBe(400);
  });

  it('refuses a second resident with the same ID number (409)', async () => {
    const admin = await t.as('sd_admin');
    const idNumber = nextIdNumber();
    const body = { name: '赵六', idNumber, orgUnitId: t.fx.tongdu.id, registrationStatus: 'permanent' };
    expect((await admin.post('/api/residents', body)).statusCode).toBe(201);
    const dup = await admin.post('/api/residents', body);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.details.fields[0].path).toBe('idNumber');
  });

  it('R-ORG-1: a 铜都 community worker gets 404 for a 西花苑 resident, and sees only 铜都 in lists', async () => {
    const other = await buildResident(t.deps, t.fx.xihuayuanBuilding, t.fx.xihuayuan, { name: '西花苑居民' });
    const worker = await t.as('tongdu_worker');
    expect((await worker.get(`/api/residents/${other.id}`)).statusCode).toBe(404);
    expect((await worker.post(`/api/residents/${other.id}/reveal`, { field: 'idNumber' })).statusCode).toBe(
      404,
    );
    const list = (await worker.get('/api/residents?pageSize=200')).json();
    expect(list.items.every((r: { communityId: string }) => r.communityId === t.fx.tongdu.id)).toBe(true);
    const sd = await t.as('sd_admin');
    expect((await sd.get(`/api/residents/${other.id}`)).statusCode).toBe(200);
  });

  it('revealing a phone in full is audited with the actor (R-LAW-PI-1)', async () => {
    const r = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
      name: '孙七',
      phone: '13900001111',
    });
    const worker = await t.as('tongdu_worker');
    const res = await worker.post(`/api/residents/${r.id}/reveal`, { field: 'phone' });
    expect(res.json().value).toBe('13900001111');
    const sd = await t.as('sd_admin');
    const audit = (await sd.get(`/api/audit?action=residents.reveal&entityId=${r.id}`)).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0].actorName).toBe('tongdu_worker');
    expect(JSON.stringify(audit.items[0])).not.toContain('13900001111');
  });

  it('an evaluator cannot read residents', async () => {
    const ev = await t.as('evaluator');
    expect((await ev.get('/api/residents')).statusCode).toBe(403);
  });

  it('an edit with a stale version is refused with 409', async () => {
    const r = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '周八' });
    const worker = await t.as('tongdu_worker');
    expect((await worker.patch(`/api/residents/${r.id}`, { name: '周八八', version: 1 })).statusCode).toBe(
      200,
    );
    const stale = await worker.patch(`/api/residents/${r.id}`, { name: '周九', version: 1 });
    expect(stale.statusCode).toBe(409);
  });
});

describe('moving residents (review findings)', () => {
  it('moving a resident into an existing household puts them in that household, with its room', async () => {
    const sd = await t.as('sd_admin');
    const created = (
      await sd.post('/api/residents', {
        name: '搬家户',
        orgUnitId: t.fx.tongduBuilding.id,
        room: '101',
        registrationStatus: 'registered',
        gender: 'female',
      })
    ).json();
    const other = (
      await sd.post('/api/residents', {
        name: '邻居',
        orgUnitId: t.fx.tongduBuilding.id,
        room: '502',
        registrationStatus: 'registered',
        gender: 'female',
      })
    ).json();
    const res = await sd.patch(`/api/residents/${created.id}`, {
      orgUnitId: other.orgUnitId,
      version: created.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ orgUnitId: other.orgUnitId, room: '502', unitName: '502' });
  });

  it('a resident cannot be moved into an archived unit', async () => {
    const sd = await t.as('sd_admin');
    const created = (
      await sd.post('/api/residents', {
        name: '待迁户',
        orgUnitId: t.fx.tongdu.id,
        registrationStatus: 'registered',
        gender: 'female',
      })
    ).json();
    const grid = (
      await sd.post('/api/org/units', { parentId: t.fx.tongdu.id, kind: 'grid', name: '将撤销网格' })
    ).json();
    expect((await sd.post(`/api/org/units/${grid.id}/archive`)).statusCode).toBe(200);
    const res = await sd.patch(`/api/residents/${created.id}`, {
      orgUnitId: grid.id,
      version: created.version,
    });
    expect(res.statusCode).toBe(409);
  });

  it('a version beyond the integer range is refused as bad input', async () => {
    const sd = await t.as('sd_admin');
    const created = (
      await sd.post('/api/residents', {
        name: '版本',
        orgUnitId: t.fx.tongdu.id,
        registrationStatus: 'registered',
        gender: 'female',
      })
    ).json();
    expect(
      (await sd.patch(`/api/residents/${created.id}`, { name: 'x', version: 99999999999 })).statusCode,
    ).toBe(400);
  });
});
