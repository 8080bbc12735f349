import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser } from '../../../../test/app';
import { attachMinutes } from '../../../../test/projects';
import { multipart } from '../../../../test/multipart';
import { SEED_000_CRITERIA, SEED_000_DOCUMENTS, SEED_000_TYPES } from '../../../shared/contracts/projects';
import { auditLog } from '../../platform/audit.table';

let t: TestApp;
let civil: Client;
let sd: Client;
let tongdu: Client;
let xhy: Client;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'pja_civil', [{ role: 'civil_affairs', orgUnitId: t.fx.district.id }]);
  civil = await t.as('pja_civil');
  sd = await t.as('sd_admin');
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
});
afterAll(() => t?.close());

const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000000000005000157a3e1c40000000049454e44ae426082',
  'hex',
);
const pdf = Buffer.from('%PDF-1.4\n%test\n');
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(16)]);

const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/projects/applications/${id}/actions`, body);

async function selectedProject(): Promise<{ selected: string; draft: string }> {
  const call = await civil.post('/api/projects/calls', {
    orgUnitId: t.fx.district.id,
    year: 2027,
    title: '2027年“共建共享”社区治理项目申报',
    types: SEED_000_TYPES,
    quota: 12,
    applicationDue: '2026-12-10',
    completionDue: '2027-11-30',
    summaryDue: '2027-12-20',
    reportDay: 20,
    subsidyCityFen: 10_000_000,
    subsidyPrefectureFen: 5_000_000,
    documents: SEED_000_DOCUMENTS,
    criteria: SEED_000_CRITERIA,
    scopeUnitIds: [t.fx.subdistrict.id],
  });
  expect(call.statusCode, call.body).toBe(201);
  const callId = call.json().id as string;
  expect((await civil.post(`/api/projects/calls/${callId}/open`, {})).statusCode).toBe(200);
  const body = (unit: string) => ({
    callId,
    orgUnitId: unit,
    type: 'mutual_aid',
    title: '邻里驿站建设',
    summary: '依托党群服务中心建设邻里驿站',
    targets: ['建成邻里驿站 1 个'],
    consultationKind: 'meeting',
    consultationDate: '2026-11-20',
    consultationNote: '居民代表会议 32 人参加，同意申报',
    budgetLines: [{ item: '驿站改造', amountFen: 10_000_000 }],
    funding: [{ source: 'city', amountFen: 10_000_000 }],
  });
  const res = await tongdu.post('/api/projects/applications', body(t.fx.tongdu.id));
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await attachMinutes(tongdu, id);
  expect((await act(tongdu, id, { action: 'send' })).statusCode).toBe(200);
  expect((await act(sd, id, { action: 'approve', sealNo: '2026-001' })).statusCode).toBe(200);
  expect((await act(sd, id, { action: 'submit' })).statusCode).toBe(200);
  expect((await act(civil, id, { action: 'select' })).statusCode).toBe(200);
  const other = await xhy.post('/api/projects/applications', body(t.fx.xihuayuan.id));
  expect(other.statusCode, other.body).toBe(201);
  return { selected: id, draft: other.json().id };
}

const upload = (
  c: Client,
  id: string,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer },
) =>
  c.request({ method: 'POST', url: `/api/projects/applications/${id}/archive`, ...multipart(fields, file) });

describe('project archive ①–⑧ (R-PJ-3)', () => {
  it('R-PJ-3: the community and its subdistrict add files per category with a note; completeness per category and n/8; audited; the bureau reads but cannot add; out of scope is 404', async () => {
    const { selected: id, draft } = await selectedProject();
    const empty = await civil.get(`/api/projects/applications/${id}/archive`);
    expect(empty.statusCode, empty.body).toBe(200);
    expect(empty.json()).toMatchObject({ complete: 0, total: 8, canAdd: false });
    expect(empty.json().categories.map((c: { category: string }) => c.category)).toEqual([
      'minutes',
      'plan',
      'guidance',
      'self_governance',
      'funds',
      'disclosure',
      'self_assessment',
      'method',
    ]);

    const a = await upload(
      tongdu,
      id,
      { category: 'minutes', note: '居民议事会会议纪要' },
      { name: '纪要.pdf', data: pdf },
    );
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ complete: 1, canAdd: true });
    const b = await upload(sd, id, { category: 'plan', note: '' }, { name: '现场.png', data: png });
    expect(b.statusCode, b.body).toBe(201);
    const c = await upload(
      tongdu,
      id,
      { category: 'plan', note: '启动仪式视频' },
      { name: '启动.mp4', data: mp4 },
    );
    expect(c.statusCode, c.body).toBe(201);
    const archive = c.json();
    expect(archive.complete).toBe(2);
    const plan = archive.categories.find((x: { category: string }) => x.category === 'plan');
    expect(plan.complete).toBe(true);
    expect(plan.items.map((i: { kind: string }) => i.kind)).toEqual(['photo', 'video']);
    expect(archive.categories.find((x: { category: string }) => x.category === 'funds').complete).toBe(false);

    // The bureau reads, downloads, but may not add.
    const file = await civil.get(plan.items[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect((await upload(civil, id, { category: 'funds' }, { name: 'x.pdf', data: pdf })).statusCode).toBe(
      403,
    );
    // Another community: not found, for reading, files and adding.
    expect((await xhy.get(`/api/projects/applications/${id}/archive`)).statusCode).toBe(404);
    expect((await xhy.get(plan.items[0].url)).statusCode).toBe(404);
    expect((await upload(xhy, id, { category: 'funds' }, { name: 'x.pdf', data: pdf })).statusCode).toBe(404);

    const audit = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'projects.archive.add'));
    expect(audit.filter((r) => (r.after as { applicationId?: string }).applicationId === id)).toHaveLength(3);

    // Only a selected project has an archive to add to.
    const early = await upload(xhy, draft, { category: 'minutes' }, { name: 'x.pdf', data: pdf });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('项目入选后才能上传档案资料');
  });

  it('R-PJ-3: uploads are checked — unknown category 422, missing file 400, a type not in the list 415 (by its bytes), over 30 MB 413, all with Chinese messages', async () => {
    const { selected: id } = await selectedProject();
    const bad = await upload(tongdu, id, { category: 'other' }, { name: 'x.pdf', data: pdf });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toBe('请选择档案类别');
    const none = await upload(tongdu, id, { category: 'funds' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe('请选择要上传的文件');
    const exe = await upload(
      tongdu,
      id,
      { category: 'funds' },
      { name: '台账.pdf', data: Buffer.from('MZ\x90\x00binary') },
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toMatch(/^仅支持照片/);
    const long = await upload(
      tongdu,
      id,
      { category: 'funds', note: '长'.repeat(501) },
      { name: 'x.pdf', data: pdf },
    );
    expect(long.statusCode).toBe(422);
    const big = Buffer.concat([pdf, Buffer.alloc(31 * 1024 * 1024)]);
    const tooBig = await upload(tongdu, id, { category: 'funds' }, { name: '台账.pdf', data: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toBe('文件不能超过30MB');
  });

  it('issue 11 §8: the archive exports as a zip with a folder per category and an index; audited; out of scope 404', async () => {
    const { selected: id } = await selectedProject();
    await upload(tongdu, id, { category: 'minutes', note: '第一次议事会' }, { name: '纪要.pdf', data: pdf });
    await upload(sd, id, { category: 'funds', note: '资金台账' }, { name: '台账.png', data: png });
    const res = await civil.get(`/api/projects/applications/${id}/archive.zip`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    const zip = await JSZip.loadAsync(res.rawPayload);
    const names = Object.keys(zip.files);
    expect(names).toContain('①会议记录纪要/01-纪要.pdf');
    expect(names).toContain('⑤资金使用明细台账/01-台账.png');
    expect(names.filter((n) => n.endsWith('/'))).toHaveLength(8);
    const index = await zip.file('档案目录.txt')!.async('string');
    expect(index).toContain('档案完整度：2/8类');
    expect(index).toContain('第一次议事会');
    expect(Buffer.from(await zip.file('①会议记录纪要/01-纪要.pdf')!.async('uint8array')).equals(pdf)).toBe(
      true,
    );
    expect((await xhy.get(`/api/projects/applications/${id}/archive.zip`)).statusCode).toBe(404);
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.some((r) => r.action === 'projects.archive.export')).toBe(true);
  });
});
