import { and, eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildResident, nextIdNumber } from '../../../../test/factories';
import { type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { idCheckChar } from '../../../shared/validation/codes';
import { auditLog } from '../../platform/audit.table';
import { rowsOf } from '../../platform/db';
import { migrateSpecialGroups } from './residents.usecases';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

/** Registers a woman (registrationStatus registered) at `orgUnitId` (in `room`, if given) through the API; answers the new record. */
async function registerWoman(
  client: Awaited<ReturnType<TestApp['as']>>,
  name: string,
  orgUnitId: string,
  room?: string,
) {
  const res = await client.post('/api/residents', {
    name,
    orgUnitId,
    ...(room ? { room } : {}),
    registrationStatus: 'registered',
    gender: 'female',
  });
  return res.json();
}

/** A new resident's body: a migrant (流动人口) registered at 铜都社区, with `fields`. */
const migrantAtTongdu = (fields: Record<string, unknown>) => ({
  ...fields,
  orgUnitId: t.fx.tongdu.id,
  registrationStatus: 'migrant',
});

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
    const res = await admin.post('/api/residents', migrantAtTongdu({ name: '王五', idNumber: bad }));
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
    const unknown = await admin.post('/api/residents', migrantAtTongdu({ name: 'a', hack: 1 }));
    expect(unknown.statusCode).toBe(400);
    const malformed = await admin.request({
      method: 'POST',
      url: '/api/residents',
      payload: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error.code).toBe('common.bad_json');
    const long = await admin.post('/api/residents', migrantAtTongdu({ name: 'x'.repeat(51) }));
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
    const created = await registerWoman(sd, '搬家户', t.fx.tongduBuilding.id, '101');
    const other = await registerWoman(sd, '邻居', t.fx.tongduBuilding.id, '502');
    const res = await sd.patch(`/api/residents/${created.id}`, {
      orgUnitId: other.orgUnitId,
      version: created.version,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ orgUnitId: other.orgUnitId, room: '502', unitName: '502' });
  });

  it('a resident cannot be moved into an archived unit', async () => {
    const sd = await t.as('sd_admin');
    const created = await registerWoman(sd, '待迁户', t.fx.tongdu.id);
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
    const created = await registerWoman(sd, '版本', t.fx.tongdu.id);
    expect(
      (await sd.patch(`/api/residents/${created.id}`, { name: 'x', version: 99999999999 })).statusCode,
    ).toBe(400);
  });
});

describe('special-group tags are sensitive personal data (R-LAW-PI-1, R-SV-3)', () => {
  const xlsxRows = async (res: { rawPayload: Buffer }) => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    const rows: string[][] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).map((v) => String(v ?? ''))));
    return rows;
  };

  it('tags are stored as ciphertext and blind indexes; lists, details and write answers show only how many', async () => {
    const admin = await t.as('sd_admin');
    const res = await admin.post('/api/residents', {
      name: '周残疾',
      gender: 'male',
      orgUnitId: t.fx.tongduBuilding.id,
      registrationStatus: 'registered',
      tags: ['disabled', 'low_income'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ specialGroupCount: 2 });
    expect(res.json()).not.toHaveProperty('tags');
    const id = res.json().id as string;

    const [row] = rowsOf<{ enc: string | null; hashes: string[]; legacy: string[] | null }>(
      await t.database.db.execute(
        sql`select special_groups_enc as enc, special_group_hashes as hashes, tags as legacy from residents where id = ${id}`,
      ),
    );
    expect(row!.enc).toMatch(/^v1\./);
    expect(row!.hashes).toHaveLength(2);
    expect(row!.legacy).toBeNull();
    expect(JSON.stringify(row)).not.toMatch(/disabled|low_income/);

    const list = (await admin.get(`/api/residents?q=${encodeURIComponent('周残疾')}`)).json();
    expect(list.items[0]).toMatchObject({ specialGroupCount: 2 });
    expect(JSON.stringify(list)).not.toMatch(/disabled|low_income/);
    const detail = (await admin.get(`/api/residents/${id}`)).json();
    expect(detail.specialGroupCount).toBe(2);
    expect(JSON.stringify(detail)).not.toMatch(/disabled|low_income/);

    // An edit without tags keeps them and does not echo them; an edit with tags replaces them.
    const kept = await admin.patch(`/api/residents/${id}`, { version: detail.version, notes: '每周探访' });
    expect(kept.json()).toMatchObject({ specialGroupCount: 2 });
    expect(JSON.stringify(kept.json())).not.toMatch(/disabled|low_income/);
    const changed = await admin.patch(`/api/residents/${id}`, {
      version: kept.json().version,
      tags: ['severely_disabled'],
    });
    expect(changed.json()).toMatchObject({ specialGroupCount: 1 });
    expect((await admin.post(`/api/residents/${id}/reveal`, { field: 'tags' })).json().value).toEqual([
      'severely_disabled',
    ]);
  });

  it('a filter by tag still works, through the blind index (GIN), and finds only the tagged', async () => {
    const alone = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
      name: '独居甲',
      tags: ['living_alone'],
    });
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '普通乙', tags: [] });
    const worker = await t.as('tongdu_worker');
    const found = (await worker.get('/api/residents?tags=living_alone&pageSize=200')).json();
    expect(found.items.map((r: { id: string }) => r.id)).toContain(alone.id);
    expect(found.items.every((r: { specialGroupCount: number }) => r.specialGroupCount > 0)).toBe(true);
    const none = (await worker.get('/api/residents?tags=left_behind&pageSize=200')).json();
    expect(none.items.map((r: { name: string }) => r.name)).not.toContain('独居甲');

    const plan = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`set local enable_seqscan = off`);
      return rowsOf<Record<string, string>>(
        await tx.execute(
          sql`explain select id from residents where special_group_hashes && array[${t.deps.pii.blindIndex('special_group', 'living_alone')}]::text[]`,
        ),
      );
    });
    expect(JSON.stringify(plan)).toContain('residents_special_group_hashes_idx');
  });

  it('revealing the tags needs residents.reveal and is audited without the tags in the trail', async () => {
    const r = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
      name: '困难丙',
      tags: ['low_income', 'empty_nest'],
    });
    const worker = await t.as('tongdu_worker');
    const res = await worker.post(`/api/residents/${r.id}/reveal`, { field: 'tags' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ field: 'tags', value: ['empty_nest', 'low_income'] });
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'residents.reveal'), eq(auditLog.entityId, r.id)));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).toMatchObject({ field: 'tags' });
    expect(JSON.stringify(audit)).not.toMatch(/low_income|empty_nest/);

    // civil_affairs reads residents but may not reveal: 403, and the refusal is in the trail.
    const civil = await signInNewUser(t, 'civil_reader', 'civil_affairs', t.fx.district.id);
    expect((await civil.get(`/api/residents/${r.id}`)).json().specialGroupCount).toBe(2);
    expect((await civil.post(`/api/residents/${r.id}/reveal`, { field: 'tags' })).statusCode).toBe(403);
    // Another community's worker: 404 as for any out-of-scope resident.
    expect(
      (await (await t.as('xhy_worker')).post(`/api/residents/${r.id}/reveal`, { field: 'tags' })).statusCode,
    ).toBe(404);
  });

  it('a masked export shows how many tags; only the full export (reveal permission, audited) lists them', async () => {
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
      name: '导出丁',
      tags: ['left_behind', 'disabled'],
    });
    const sd = await t.as('sd_admin');
    const q = `q=${encodeURIComponent('导出丁')}`;
    const masked = await xlsxRows(await sd.get(`/api/residents/export.xlsx?${q}`));
    expect(masked[0]).toContain('特殊群体');
    expect(masked[1]).toContain('特殊群体（2）');
    expect(JSON.stringify(masked)).not.toMatch(/留守|失能/);
    const full = await xlsxRows(await sd.get(`/api/residents/export.xlsx?${q}&full=true`));
    expect(full[1]!.join('|')).toMatch(/失能、留守|留守、失能/);
    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'residents.export_full'));
    expect(audit.length).toBeGreaterThan(0);
    // civil_affairs has no export permission at all; a worker without reveal cannot ask for full.
    const civil = await t.as('civil_reader');
    expect((await civil.get(`/api/residents/export.xlsx?${q}&full=true`)).statusCode).toBe(403);
  });

  it('the CSV export starts with a UTF-8 BOM (Excel on Chinese Windows opens it right) and holds the same masked rows', async () => {
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '导出己', tags: ['left_behind'] });
    const sd = await t.as('sd_admin');
    const res = await sd.get(`/api/residents/export.csv?q=${encodeURIComponent('导出己')}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
    expect(String(res.headers['content-disposition'])).toContain(encodeURIComponent('居民名单.csv'));
    const bytes = res.rawPayload;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^姓名,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^导出己,/);
    expect(lines[1]).toContain('特殊群体（1）');
    expect(lines[1]).not.toMatch(/留守/);
    const civil = await t.as('civil_reader');
    expect((await civil.get('/api/residents/export.csv')).statusCode).toBe(403);
  });

  it('clear-text tags left by an earlier release are encrypted at startup, once (idempotent), and still filter', async () => {
    const old = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '旧数据戊' });
    await t.database.db.execute(
      sql`update residents set tags = array['living_alone','disabled'], special_groups_enc = null,
          special_group_hashes = '{}' where id = ${old.id}`,
    );
    expect(await migrateSpecialGroups(t.database.db, t.deps.pii)).toBe(1);
    expect(await migrateSpecialGroups(t.database.db, t.deps.pii)).toBe(0);
    const [row] = rowsOf<{ enc: string; legacy: string[] | null; n: number }>(
      await t.database.db.execute(
        sql`select special_groups_enc as enc, tags as legacy, cardinality(special_group_hashes) as n from residents where id = ${old.id}`,
      ),
    );
    expect(row).toMatchObject({ legacy: null, n: 2 });
    expect(row!.enc).toMatch(/^v1\./);
    const worker = await t.as('tongdu_worker');
    expect(
      (await worker.get('/api/residents?tags=disabled&pageSize=200'))
        .json()
        .items.map((r: { id: string }) => r.id),
    ).toContain(old.id);
    expect((await worker.post(`/api/residents/${old.id}/reveal`, { field: 'tags' })).json().value).toEqual([
      'disabled',
      'living_alone',
    ]);
  });
});
