import JSZip from 'jszip';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/app';
import { multipart } from '../../../../test/multipart';
import {
  act,
  openCall,
  PROJECT_CONTENT,
  setupProjectsWorld,
  submittedApplication,
} from '../../../../test/projects';
import { auditLog } from '../../platform/audit.table';

const w = setupProjectsWorld('pja_civil');

const png = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' +
    '1f15c4890000000d49444154789c6360000000000005000157a3e1c40000000049454e44ae426082',
  'hex',
);
const pdf = Buffer.from('%PDF-1.4\n%test\n');
const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.alloc(16)]);

async function selectedProject(): Promise<{ selected: string; draft: string }> {
  const callId = await openCall(w.t, w.civil);
  const id = await submittedApplication(callId, w.t.fx.tongdu.id, w.tongdu, w.sd);
  expect((await act(w.civil, id, { action: 'select' })).statusCode).toBe(200);
  const other = await w.xhy.post('/api/projects/applications', {
    callId,
    orgUnitId: w.t.fx.xihuayuan.id,
    ...PROJECT_CONTENT,
  });
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
    const empty = await w.civil.get(`/api/projects/applications/${id}/archive`);
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
      w.tongdu,
      id,
      { category: 'minutes', note: '居民议事会会议纪要' },
      { name: '纪要.pdf', data: pdf },
    );
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json()).toMatchObject({ complete: 1, canAdd: true });
    const b = await upload(w.sd, id, { category: 'plan', note: '' }, { name: '现场.png', data: png });
    expect(b.statusCode, b.body).toBe(201);
    const c = await upload(
      w.tongdu,
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
    const file = await w.civil.get(plan.items[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    expect((await upload(w.civil, id, { category: 'funds' }, { name: 'x.pdf', data: pdf })).statusCode).toBe(
      403,
    );
    // Another community: not found, for reading, files and adding.
    expect((await w.xhy.get(`/api/projects/applications/${id}/archive`)).statusCode).toBe(404);
    expect((await w.xhy.get(plan.items[0].url)).statusCode).toBe(404);
    expect((await upload(w.xhy, id, { category: 'funds' }, { name: 'x.pdf', data: pdf })).statusCode).toBe(
      404,
    );

    const audit = await w.t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.action, 'projects.archive.add'));
    expect(audit.filter((r) => (r.after as { applicationId?: string }).applicationId === id)).toHaveLength(3);

    // Only a selected project has an archive to add to.
    const early = await upload(w.xhy, draft, { category: 'minutes' }, { name: 'x.pdf', data: pdf });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('项目入选后才能上传档案资料');
  });

  it('R-PJ-3: uploads are checked — unknown category 422, missing file 400, a type not in the list 415 (by its bytes), over 30 MB 413, all with Chinese messages', async () => {
    const { selected: id } = await selectedProject();
    const bad = await upload(w.tongdu, id, { category: 'other' }, { name: 'x.pdf', data: pdf });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toBe('请选择档案类别');
    const none = await upload(w.tongdu, id, { category: 'funds' });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe('请选择要上传的文件');
    const exe = await upload(
      w.tongdu,
      id,
      { category: 'funds' },
      { name: '台账.pdf', data: Buffer.from('MZ\x90\x00binary') },
    );
    expect(exe.statusCode).toBe(415);
    expect(exe.json().error.message).toMatch(/^仅支持照片/);
    const long = await upload(
      w.tongdu,
      id,
      { category: 'funds', note: '长'.repeat(501) },
      { name: 'x.pdf', data: pdf },
    );
    expect(long.statusCode).toBe(422);
    const big = Buffer.concat([pdf, Buffer.alloc(31 * 1024 * 1024)]);
    const tooBig = await upload(w.tongdu, id, { category: 'funds' }, { name: '台账.pdf', data: big });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toBe('文件不能超过30MB');
  });

  it('issue 11 §8: the archive exports as a zip with a folder per category and an index; audited; out of scope 404', async () => {
    const { selected: id } = await selectedProject();
    await upload(
      w.tongdu,
      id,
      { category: 'minutes', note: '第一次议事会' },
      { name: '纪要.pdf', data: pdf },
    );
    await upload(w.sd, id, { category: 'funds', note: '资金台账' }, { name: '台账.png', data: png });
    const res = await w.civil.get(`/api/projects/applications/${id}/archive.zip`);
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
    expect((await w.xhy.get(`/api/projects/applications/${id}/archive.zip`)).statusCode).toBe(404);
    const audit = await w.t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.some((r) => r.action === 'projects.archive.export')).toBe(true);
  });
});
