import JSZip from 'jszip';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';
import { buildResident } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import { composeIdNumber, idCheckChar } from '../../../shared/validation/codes';
import { rowsOf } from '../../platform/db';
import { insertUnit } from '../org/org.repository';
import { residents } from '../residents/residents.table';
import { importJobs, importRows } from './imports.table';
import { recoverInterruptedImports } from './imports.usecases';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

let idSeq = 0;
/** A valid ID number (R-LAW-CD-2) no other test in this file uses. */
function freshId(birth = '19650301'): string {
  const n = idSeq++;
  return composeIdNumber(String(120100 + Math.floor(n / 1000)), birth, n % 1000);
}

function withWrongCheckDigit(id: string): string {
  const right = idCheckChar(id.slice(0, 17));
  return id.slice(0, 17) + (right === '1' ? '2' : '1');
}

function upload(
  client: Client,
  orgUnitId: string,
  name: string,
  data: Buffer,
  headers: Record<string, string> = {},
) {
  const body = multipart({ orgUnitId }, { name, data });
  return client.request({
    method: 'POST',
    url: '/api/imports/residents',
    payload: body.payload,
    headers: { ...body.headers, ...headers },
  });
}

/** Polls the job until the background parse is over. */
async function settled(client: Client, id: string, headers: Record<string, string> = {}) {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const res = await client.request({ method: 'GET', url: `/api/imports/${id}`, headers });
    expect(res.statusCode).toBe(200);
    const job = res.json();
    if (job.status !== 'parsing') return job;
    if (Date.now() > deadline) throw new Error('import did not finish');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const HEADER = [
  '姓名',
  '身份证号',
  '手机号',
  '性别',
  '出生日期',
  '楼栋',
  '房号',
  '住址',
  '户籍状态（户籍/常住/流动）',
  '特殊群体',
  '备注',
];

async function xlsx(rows: unknown[][], header = HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const residentCount = async () =>
  Number(
    rowsOf<{ n: number }>(await t.database.db.execute(sql`select count(*)::int as n from residents`))[0]!.n,
  );
const stagingCount = async (jobId: string) =>
  Number(
    rowsOf<{ n: number }>(
      await t.database.db.execute(sql`select count(*)::int as n from import_rows where job_id = ${jobId}`),
    )[0]!.n,
  );

/** A zip of `entries` (deflated), so a test can put broken XML inside a well-formed .xlsx container. */
async function zip(entries: [string, string][]): Promise<Buffer> {
  const archive = new JSZip();
  for (const [name, content] of entries) archive.file(name, content);
  return archive.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

describe('resident import', () => {
  it('the template has Chinese headers by default and English ones on request', async () => {
    const worker = await t.as('tongdu_worker');
    const res = await worker.get('/api/imports/residents/template.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const headers = (wb.worksheets[0]!.getRow(1).values as unknown[]).slice(1);
    expect(headers.slice(0, 4)).toEqual(['姓名', '身份证号', '手机号', '性别']);
    expect(headers).toContain('户籍状态（户籍/常住/流动）');
    expect(wb.worksheets[1]!.name).toBe('填写说明');

    const en = await worker.request({
      method: 'GET',
      url: '/api/imports/residents/template.xlsx',
      headers: { 'accept-language': 'en' },
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as never);
    expect(wbEn.worksheets[0]!.getRow(1).getCell(2).value).toBe('ID number');
  });

  it('a community worker imports 50 residents from .xlsx: preview, commit, and the registry shows them masked (R-LAW-PI-1)', async () => {
    const building = await insertUnit(t.deps, t.fx.tongduGrid, { kind: 'building', name: '7栋' });
    const worker = await t.as('tongdu_worker');
    const before = await residentCount();
    const ids: string[] = [];
    const rows = Array.from({ length: 50 }, (_, i) => {
      const id = freshId();
      ids.push(id);
      return [
        `导入居民${i}`,
        id,
        `1390000${String(i).padStart(4, '0')}`,
        null,
        null,
        i < 40 ? '7栋' : null,
        i < 40 ? String(100 + (i % 4)) : null,
        `黄石市下陆区铜都小区7栋${100 + (i % 4)}室`,
        ['户籍', '常住', '流动'][i % 3],
        i % 5 === 0 ? '独居、空巢' : null,
        i === 0 ? '首行' : null,
      ];
    });
    const res = await upload(worker, t.fx.tongdu.id, '铜都居民.xlsx', await xlsx(rows));
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({
      status: 'parsing',
      fileName: '铜都居民.xlsx',
      format: 'xlsx',
      orgUnitName: '铜都社区',
    });

    const job = await settled(worker, res.json().id);
    expect(job).toMatchObject({
      status: 'validated',
      totalRows: 50,
      validRows: 50,
      errorRows: 0,
      progress: 100,
      errors: [],
    });
    expect(job.abilities).toEqual({ commit: true, cancel: true });
    expect(job.preview).toHaveLength(20);
    const first = job.preview[0];
    expect(first).toMatchObject({
      row: 2,
      name: '导入居民0',
      building: '7栋',
      room: '100',
      registrationStatus: 'registered',
      specialGroupCount: 2,
      notes: '首行',
    });
    expect(first).not.toHaveProperty('tags');
    expect(first.idNumber).toBe(`${ids[0]!.slice(0, 6)}********${ids[0]!.slice(-4)}`);
    expect(first.phone).toBe('139****0000');
    expect(JSON.stringify(job)).not.toContain(ids[0]);
    expect(await residentCount()).toBe(before);
    // R-LAW-PI-1: the staging rows hold the special groups sealed, like the ID numbers.
    const staged = await t.database.db.execute(sql`select data from import_rows where job_id = ${job.id}`);
    expect(JSON.stringify(staged)).not.toMatch(/living_alone|empty_nest/);

    const commit = await worker.post(`/api/imports/${job.id}/commit`);
    expect(commit.statusCode).toBe(200);
    expect(commit.json()).toMatchObject({ status: 'committed', committedRows: 50 });
    expect(await residentCount()).toBe(before + 50);
    expect(await stagingCount(job.id)).toBe(0);

    const list = (await worker.get(`/api/residents?q=${encodeURIComponent('导入居民7')}`)).json();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({
      name: '导入居民7',
      phone: '139****0007',
      unitName: '103',
      room: '103',
      communityName: '铜都社区',
      registrationStatus: 'permanent',
    });
    expect(list.items[0].idNumber).toContain('********');
    const inBuilding = (await worker.get(`/api/residents?orgUnitId=${building.id}&pageSize=100`)).json();
    expect(inBuilding.total).toBe(40);
    // One household per room, created once.
    const households = await t.database.db.execute(
      sql`select count(*)::int as n from org_units where parent_id = ${building.id} and kind = 'household'`,
    );
    expect(rowsOf<{ n: number }>(households)[0]!.n).toBe(4);
    const stored = await t.database.db.select().from(residents).where(eq(residents.importJobId, job.id));
    expect(stored).toHaveLength(50);
    expect(JSON.stringify(stored)).not.toContain('13900000007');
    expect(JSON.stringify(stored)).not.toMatch(/living_alone|empty_nest/);
    const tagged = stored.find((r) => r.name === '导入居民0')!;
    expect(tagged).toMatchObject({ legacyTags: null });
    expect(tagged.specialGroupHashes).toHaveLength(2);
    expect((await worker.post(`/api/residents/${tagged.id}/reveal`, { field: 'tags' })).json().value).toEqual(
      ['empty_nest', 'living_alone'],
    );

    const audit = (
      await (await t.as('sd_admin')).get(`/api/audit?action=imports.commit&entityId=${job.id}`)
    ).json();
    expect(audit.total).toBe(1);
    expect(audit.items[0].after).toMatchObject({ rows: 50, householdsCreated: 4 });

    const again = await worker.post(`/api/imports/${job.id}/commit`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('imports.state');
  });

  it('bad rows are reported by row, column and reason (R-LAW-CD-2), and the commit is refused with 409 and nothing imported', async () => {
    const worker = await t.as('tongdu_worker');
    const registered = freshId();
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '已登记', idNumber: registered });
    const dup = freshId();
    const good = freshId();
    const rows = [
      ['好人', good, '13800001111', null, null, '1栋', '101', null, '户籍', null, null],
      ['校验位错', withWrongCheckDigit(freshId()), null, null, null, null, null, null, '户籍', null, null],
      ['手机错', freshId(), '12345', null, null, null, null, null, '常住', null, null],
      [null, freshId(), null, null, null, null, null, null, '流动', null, null],
      ['重复甲', dup, null, null, null, null, null, null, '户籍', null, null],
      ['重复乙', dup, null, null, null, null, null, null, '户籍', null, null],
      ['已登记者', registered, null, null, null, null, null, null, '户籍', null, null],
      ['无此楼', freshId(), null, null, null, '99栋', '1', null, '户籍', null, null],
      ['状态错', freshId(), null, null, null, null, null, null, '外星', '独居,没听说过', null],
      ['数字证号', Number('420204198001011234'), null, null, null, null, null, null, '户籍', null, null],
      ['无证无性别', null, null, null, null, null, null, null, '户籍', null, null],
    ];
    const before = await residentCount();
    const res = await upload(worker, t.fx.tongdu.id, 'bad.xlsx', await xlsx(rows));
    const job = await settled(worker, res.json().id);
    expect(job.status).toBe('validated');
    expect(job.totalRows).toBe(11);
    expect(job.errorRows).toBe(9);
    expect(job.validRows).toBe(2);
    expect(job.abilities.commit).toBe(false);
    const byRow = (row: number) => job.errors.filter((e: { row: number }) => e.row === row);
    expect(byRow(2)).toEqual([]);
    expect(byRow(3)).toEqual([
      {
        row: 3,
        field: 'idNumber',
        column: '身份证号',
        code: 'residents.id_number.checkDigit',
        reason: '身份证号码校验位错误',
      },
    ]);
    expect(byRow(4)[0]).toMatchObject({ column: '手机号', reason: '手机号码格式不正确' });
    expect(byRow(5)[0]).toMatchObject({ column: '姓名', reason: '必填' });
    expect(byRow(6)).toEqual([]);
    expect(byRow(7)[0]).toMatchObject({ column: '身份证号', reason: '与文件第 6 行的身份证号码重复' });
    expect(byRow(8)[0]).toMatchObject({ column: '身份证号', reason: '该身份证号码已登记' });
    expect(byRow(9)[0]).toMatchObject({ column: '楼栋', reason: '所选组织下没有名为“99栋”的楼栋' });
    expect(byRow(10).map((e: { column: string }) => e.column)).toEqual(['户籍状态', '特殊群体']);
    expect(byRow(10)[1].reason).toBe('无法识别的特殊群体“没听说过”');
    expect(byRow(11)[0].code).toBe('imports.id_number_as_number');
    expect(byRow(12)[0]).toMatchObject({ column: '性别', code: 'imports.gender_required' });

    const commit = await worker.post(`/api/imports/${job.id}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error).toMatchObject({
      code: 'imports.has_errors',
      message: '文件中有错误行，请修正后重新上传',
    });
    expect(await residentCount()).toBe(before);

    const en = await settled(worker, job.id, { 'accept-language': 'en' });
    expect(en.errors.find((e: { row: number }) => e.row === 3)).toMatchObject({
      column: 'ID number',
      reason: 'The ID number check digit is wrong',
    });

    const report = await worker.get(`/api/imports/${job.id}/errors.xlsx`);
    expect(report.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(report.rawPayload as never);
    const sheet = wb.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(['行号', '列', '原因']);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual([3, '身份证号', '身份证号码校验位错误']);
    expect(sheet.rowCount).toBe(1 + job.errors.length);

    const cancel = await worker.post(`/api/imports/${job.id}/cancel`);
    expect(cancel.json().status).toBe('cancelled');
    expect(await stagingCount(job.id)).toBe(0);
  });

  it('an ID number registered after validation is caught at commit: 409, nothing imported, the row is named (R-LAW-CD-2)', async () => {
    const worker = await t.as('tongdu_worker');
    const late = freshId();
    const rows = [
      ['甲', freshId(), null, null, null, null, null, null, '户籍', null, null],
      ['乙', late, null, null, null, null, null, null, '户籍', null, null],
    ];
    const job = await settled(
      worker,
      (await upload(worker, t.fx.tongdu.id, 'late.xlsx', await xlsx(rows))).json().id,
    );
    expect(job.errorRows).toBe(0);
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '抢先登记', idNumber: late });
    const before = await residentCount();
    const commit = await worker.post(`/api/imports/${job.id}/commit`);
    expect(commit.statusCode).toBe(409);
    expect(commit.json().error.code).toBe('imports.has_errors');
    expect(await residentCount()).toBe(before);
    const after = await settled(worker, job.id);
    expect(after).toMatchObject({ status: 'validated', errorRows: 1 });
    expect(after.errors).toEqual([
      expect.objectContaining({ row: 3, column: '身份证号', reason: '该身份证号码已登记' }),
    ]);
  });

  it('a corrupt or unreadable upload gets a 400 with a clear message and creates nothing', async () => {
    const worker = await t.as('tongdu_worker');
    const jobsBefore = (await worker.get('/api/imports')).json().total;
    const before = await residentCount();

    const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 17) % 256));
    const r1 = await upload(worker, t.fx.tongdu.id, 'residents.xlsx', random);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error).toEqual({
      code: 'imports.bad_file',
      message: '无法读取文件，请上传 .xlsx 或 .csv 文件',
    });

    const good = await xlsx([['张三', freshId(), null, null, null, null, null, null, '户籍', null, null]]);
    const truncated = good.subarray(0, Math.floor(good.length * 0.6));
    const r2 = await upload(worker, t.fx.tongdu.id, 'cut.xlsx', truncated);
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.code).toBe('imports.corrupt');

    const damaged = Buffer.from(good);
    for (let i = 600; i < 900; i++) damaged[i] = damaged[i]! ^ 0x5a;
    const r3 = await upload(worker, t.fx.tongdu.id, 'damaged.xlsx', damaged);
    expect(r3.statusCode).toBe(400);
    expect(r3.json().error.code).toBe('imports.corrupt');

    const xls = Buffer.concat([
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
      Buffer.alloc(512),
    ]);
    const r4 = await upload(worker, t.fx.tongdu.id, 'old.xls', xls);
    expect(r4.json().error.code).toBe('imports.legacy_xls');

    // Bytes that are text in no encoding we read (0x80, 0xff are invalid in UTF-8 and GB18030 alike).
    const garbled = Buffer.concat([
      Buffer.from('姓名,户籍状态\r\n'),
      Buffer.from([0x80, 0xff, 0x80]),
      Buffer.from(',户籍\r\n'),
    ]);
    const r5 = await upload(worker, t.fx.tongdu.id, 'garbled.csv', garbled);
    expect(r5.statusCode).toBe(400);
    expect(r5.json().error.code).toBe('imports.encoding');
    expect(r5.json().error.message).toContain('.xlsx');

    const r6 = await worker.request({
      method: 'POST',
      url: '/api/imports/residents',
      payload: { orgUnitId: t.fx.tongdu.id },
    });
    expect(r6.statusCode).toBe(400);
    expect(r6.json().error.code).toBe('imports.no_file');

    expect((await worker.get('/api/imports')).json().total).toBe(jobsBefore);
    expect(await residentCount()).toBe(before);
  });

  it('a well-formed workbook with broken XML fails the job with a clear message; a cut-off sheet is refused at once; nothing is imported', async () => {
    const worker = await t.as('tongdu_worker');
    const before = await residentCount();
    const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
    const header = `<row r="1">${cell('A1', '姓名')}${cell('B1', '性别')}${cell('C1', '户籍状态')}</row>`;
    const row = (n: number) =>
      `<row r="${n}">${cell(`A${n}`, '张三')}${cell(`B${n}`, '男')}${cell(`C${n}`, '户籍')}</row>`;
    const workbook = (sheet: string) =>
      zip([
        [
          '[Content_Types].xml',
          '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"></Types>',
        ],
        [
          'xl/workbook.xml',
          '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="a" sheetId="1"/></sheets></workbook>',
        ],
        ['xl/worksheets/sheet1.xml', sheet],
      ]);

    const broken = await workbook(
      `<?xml version="1.0"?><worksheet><sheetData>${header}${row(2)}</ro w>&&${row(3)}</sheetData></worksheet>`,
    );
    const res = await upload(worker, t.fx.tongdu.id, 'broken.xlsx', broken);
    expect(res.statusCode).toBe(202);
    const job = await settled(worker, res.json().id);
    expect(job.status).toBe('failed');
    expect(job.failure).toEqual({
      code: 'imports.corrupt',
      message: '文件已损坏或不完整，无法读取，请在 Excel 中重新保存后上传',
    });
    expect(job.abilities).toEqual({ commit: false, cancel: false });
    expect(await stagingCount(job.id)).toBe(0);

    const cut = await workbook(`<?xml version="1.0"?><worksheet><sheetData>${header}${row(2)}<row r="3"><c`);
    const res2 = await upload(worker, t.fx.tongdu.id, 'cut.xlsx', cut);
    expect(res2.statusCode).toBe(400);
    expect(res2.json().error.code).toBe('imports.corrupt');
    expect(await residentCount()).toBe(before);
  });

  it("a file without the required columns fails with the missing column names in the reader's language", async () => {
    const worker = await t.as('tongdu_worker');
    const csv = Buffer.from('身份证号,手机号\n110101199003077777,13800000000\n');
    const job = await settled(worker, (await upload(worker, t.fx.tongdu.id, 'cols.csv', csv)).json().id);
    expect(job.status).toBe('failed');
    expect(job.failure).toEqual({ code: 'imports.missing_columns', message: '缺少必需的列：姓名、户籍状态' });
    const en = await settled(worker, job.id, { 'accept-language': 'en' });
    expect(en.failure.message).toBe('Required columns are missing: Name, Registration');
  });

  it('a UTF-8 CSV with BOM, quoted fields and English headers imports into a building, creating households', async () => {
    const worker = await t.as('tongdu_worker');
    // Digit 17 decides the gender (R-LAW-CD-2): sequence 002 is a woman, 001 a man.
    const a = composeIdNumber('130100', '19400202', 2);
    const b = composeIdNumber('130100', '19920515', 1);
    const csv = [
      'Name,ID number,Phone,Gender,Birth date,Room,Address,Registration,Special groups,Notes',
      `王秀兰,${a},+86 138-0013-8000,女,1940-02-02,301,"湖北省黄石市下陆区铜都小区1栋,301室",户籍,"独居,空巢","说""老人""
需要每周探访"`,
      `Li Ming,${b},,male,,302,,migrant,,`,
      '',
    ].join('\r\n');
    const data = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv)]);
    const res = await upload(worker, t.fx.tongduBuilding.id, '楼栋名单.csv', data);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ format: 'csv', totalRows: 2 });
    const job = await settled(worker, res.json().id);
    expect(job.errors).toEqual([]);
    expect(job).toMatchObject({ status: 'validated', validRows: 2, errorRows: 0 });
    expect(job.preview[0]).toMatchObject({
      name: '王秀兰',
      gender: 'female',
      birthDate: '1940-02-02',
      phone: '138****8000',
      building: '1栋',
      room: '301',
      specialGroupCount: 2,
    });
    expect(job.preview[0].address).toMatch(/\*\*\*\*$/);
    expect(job.preview[1]).toMatchObject({
      name: 'Li Ming',
      gender: 'male',
      registrationStatus: 'migrant',
      birthDate: '1992-05-15',
    });
    expect((await worker.post(`/api/imports/${job.id}/commit`)).statusCode).toBe(200);
    const found = (await worker.get(`/api/residents?q=${encodeURIComponent('王秀兰')}`)).json();
    expect(found.items[0]).toMatchObject({
      unitName: '301',
      notes: '说"老人"\n需要每周探访',
      phone: '138****8000',
    });
    const byPhone = (await worker.get('/api/residents?q=13800138000')).json();
    expect(byPhone.total).toBe(1);
  });

  it('a CSV saved by Excel on Chinese Windows (GBK) is read as it is, and the job says which encoding it found', async () => {
    const worker = await t.as('tongdu_worker');
    const id = freshId();
    // "姓名,身份证号,户籍状态\r\n张三,<id>,户籍\r\n" in GBK (Python's gbk codec), no BOM.
    const gbk = Buffer.concat([
      Buffer.from('d0d5c3fb2cc9edb7ddd6a4bac52cbba7bcaed7b4ccac0d0ad5c5c8fd2c', 'hex'),
      Buffer.from(id),
      Buffer.from('2cbba7bcae0d0a', 'hex'),
    ]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow();
    const res = await upload(worker, t.fx.tongdu.id, '居民名单.csv', gbk);
    expect(res.statusCode).toBe(202);
    expect(res.json()).toMatchObject({ format: 'csv', encoding: 'gb18030', totalRows: 1 });
    const job = await settled(worker, res.json().id);
    expect(job).toMatchObject({ status: 'validated', validRows: 1, errorRows: 0, encoding: 'gb18030' });
    expect(job.preview[0]).toMatchObject({ name: '张三', registrationStatus: 'registered' });
  });

  it("R-ORG-1: a unit outside the worker's scope answers 404, and so do other communities' import jobs", async () => {
    const tongdu = await t.as('tongdu_worker');
    const data = await xlsx([['张三', freshId(), null, null, null, null, null, null, '户籍', null, null]]);
    const res = await upload(tongdu, t.fx.xihuayuan.id, 'x.xlsx', data);
    expect(res.statusCode).toBe(404);
    const own = await upload(tongdu, t.fx.tongdu.id, 'mine.xlsx', data);
    const job = await settled(tongdu, own.json().id);
    const xhy = await t.as('xhy_worker');
    expect((await xhy.get(`/api/imports/${job.id}`)).statusCode).toBe(404);
    expect((await xhy.post(`/api/imports/${job.id}/commit`)).statusCode).toBe(404);
    expect((await xhy.get(`/api/imports/${job.id}/errors.xlsx`)).statusCode).toBe(404);
    expect(
      (await xhy.get('/api/imports?pageSize=200')).json().items.some((j: { id: string }) => j.id === job.id),
    ).toBe(false);
    const sd = await t.as('sd_admin');
    expect(
      (await sd.get('/api/imports?pageSize=200')).json().items.some((j: { id: string }) => j.id === job.id),
    ).toBe(true);
    const grid = await t.as('grid_worker');
    expect((await upload(grid, t.fx.tongduGrid.id, 'x.xlsx', data)).statusCode).toBe(403);
    await tongdu.post(`/api/imports/${job.id}/cancel`);
  });

  it('an import interrupted by a crash leaves nothing behind: boot recovery marks it failed and drops its staging rows', async () => {
    const worker = await t.as('tongdu_worker');
    const data = await xlsx([['张三', freshId(), null, null, null, null, null, null, '户籍', null, null]]);
    const job = await settled(worker, (await upload(worker, t.fx.tongdu.id, 'crash.xlsx', data)).json().id);
    expect(await stagingCount(job.id)).toBe(1);
    // As if the process died in the middle of parsing, and another in the middle of committing.
    await t.database.db.update(importJobs).set({ status: 'parsing' }).where(eq(importJobs.id, job.id));
    const committing = await settled(
      worker,
      (
        await upload(
          worker,
          t.fx.tongdu.id,
          'crash2.xlsx',
          await xlsx([['李四', freshId(), null, null, null, null, null, null, '户籍', null, null]]),
        )
      ).json().id,
    );
    await t.database.db
      .update(importJobs)
      .set({ status: 'committing' })
      .where(eq(importJobs.id, committing.id));
    const before = await residentCount();

    const result = await recoverInterruptedImports(t.database.db, t.clock);
    expect(result.interrupted).toBe(2);
    for (const id of [job.id, committing.id]) {
      const after = await settled(worker, id);
      expect(after.status).toBe('failed');
      expect(after.failure.message).toBe('导入因服务重启而中断，未导入任何数据，请重新上传');
      expect(await stagingCount(id)).toBe(0);
    }
    expect(await residentCount()).toBe(before);
    expect((await worker.post(`/api/imports/${job.id}/commit`)).statusCode).toBe(409);
  });

  it('a 10,000-row CSV imports and commits while other requests keep being answered', async () => {
    const worker = await t.as('tongdu_worker');
    const lines = ['姓名,身份证号,手机号,楼栋,房号,户籍状态,特殊群体'];
    for (let i = 0; i < 10_000; i++) {
      lines.push(
        `批量${i},${freshId('19700101')},139${String(i).padStart(8, '0')},1栋,${100 + (i % 200)},${['户籍', '常住', '流动'][i % 3]},${i % 10 === 0 ? '独居' : ''}`,
      );
    }
    const data = Buffer.from(lines.join('\n'));
    const before = await residentCount();
    const started = Date.now();
    const res = await upload(worker, t.fx.tongdu.id, 'big.csv', data);
    expect(res.statusCode).toBe(202);
    expect(res.json().totalRows).toBe(10_000);
    const id = res.json().id;

    // While the file is parsed, other requests are served and progress moves.
    const seen = new Set<number>();
    let slowest = 0;
    let job: { status: string; progress: number; processedRows: number };
    for (;;) {
      const t0 = Date.now();
      const health = await worker.get('/api/health');
      slowest = Math.max(slowest, Date.now() - t0);
      expect(health.statusCode).toBe(200);
      job = (await worker.get(`/api/imports/${id}`)).json();
      seen.add(job.processedRows);
      if (job.status !== 'parsing') break;
      await new Promise((r) => setTimeout(r, 10));
    }
    const parsedMs = Date.now() - started;
    expect(job.status).toBe('validated');
    expect(job.processedRows).toBe(10_000);
    expect(seen.size).toBeGreaterThan(2);

    const c0 = Date.now();
    const commit = await worker.post(`/api/imports/${id}/commit`);
    const commitMs = Date.now() - c0;
    expect(commit.json()).toMatchObject({ status: 'committed', committedRows: 10_000 });
    expect(await residentCount()).toBe(before + 10_000);
    expect(await stagingCount(id)).toBe(0);
    console.log(
      `10,000-row CSV: parsed+validated in ${parsedMs} ms (slowest concurrent request ${slowest} ms), committed in ${commitMs} ms`,
    );
  });

  it('a cancelled import cannot be committed and keeps no staged personal data', async () => {
    const worker = await t.as('tongdu_worker');
    const data = await xlsx([['张三', freshId(), null, null, null, null, null, null, '户籍', null, null]]);
    const job = await settled(worker, (await upload(worker, t.fx.tongdu.id, 'c.xlsx', data)).json().id);
    const cancel = await worker.post(`/api/imports/${job.id}/cancel`);
    expect(cancel.statusCode).toBe(200);
    expect(cancel.json().status).toBe('cancelled');
    expect((await worker.post(`/api/imports/${job.id}/commit`)).json().error.code).toBe('imports.state');
    expect((await worker.post(`/api/imports/${job.id}/cancel`)).statusCode).toBe(409);
    const staged = await t.database.db.select().from(importRows).where(eq(importRows.jobId, job.id));
    expect(staged).toEqual([]);

    // Cancelling while the file is still being parsed stops the parse; nothing stays staged.
    const lines = ['姓名,身份证号,户籍状态'];
    for (let i = 0; i < 5000; i++) lines.push(`取消${i},${freshId('19880808')},户籍`);
    const big = await upload(worker, t.fx.tongdu.id, 'cancel.csv', Buffer.from(lines.join('\n')));
    const stop = await worker.post(`/api/imports/${big.json().id}/cancel`);
    expect(stop.statusCode).toBe(200);
    expect(await stagingCount(big.json().id)).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    const after = (await worker.get(`/api/imports/${big.json().id}`)).json();
    expect(after.status).toBe('cancelled');
    expect(await stagingCount(big.json().id)).toBe(0);
  });
});
