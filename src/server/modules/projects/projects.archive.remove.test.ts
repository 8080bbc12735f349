import JSZip from 'jszip';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/app';
import { multipart } from '../../../../test/multipart';
import { act, openCall, setupProjectsWorld, submittedApplication } from '../../../../test/projects';
import { auditLog } from '../../platform/audit.table';

const w = setupProjectsWorld('pjr_civil');

const pdf = Buffer.from('%PDF-1.4\n%test\n');
const upload = (c: Client, id: string, category: string, name: string) =>
  c.request({
    method: 'POST',
    url: `/api/projects/applications/${id}/archive`,
    ...multipart({ category, note: '' }, { name, data: pdf }),
  });
const remove = (c: Client, itemId: string, body: unknown) =>
  c.post(`/api/projects/archive-items/${itemId}/remove`, body);

interface Item {
  id: string;
  fileName: string;
  removed: { reason: string; byName: string | null } | null;
}
const itemsOf = (archive: { categories: { items: Item[] }[] }) => archive.categories.flatMap((c) => c.items);

describe('removing a project archive item (R-PJ-3)', () => {
  it('R-PJ-3: the community or subdistrict removes an item with a reason; the row is kept and marked removed, it leaves completeness and the zip (the index names it with the reason); audited; others 403/404', async () => {
    const callId = await openCall(w.t, w.civil);
    const id = await submittedApplication(callId, w.t.fx.tongdu.id, w.tongdu, w.sd);
    expect((await act(w.civil, id, { action: 'select' })).statusCode).toBe(200);
    expect((await upload(w.tongdu, id, 'minutes', '纪要.pdf')).statusCode).toBe(201);
    const two = await upload(w.sd, id, 'plan', '方案.pdf');
    expect(two.json()).toMatchObject({ complete: 2, canAdd: true, canRemove: true });
    const [minutes, plan] = itemsOf(two.json());

    // A reason is required (≤ 200).
    expect((await remove(w.tongdu, minutes!.id, {})).statusCode).toBe(400);
    expect((await remove(w.tongdu, minutes!.id, { reason: '  ' })).statusCode).toBe(400);
    expect((await remove(w.tongdu, minutes!.id, { reason: 'x'.repeat(201) })).statusCode).toBe(400);
    // Out of reach: another community 404; the bureau may read but not remove (no apply/review).
    expect((await remove(w.xhy, minutes!.id, { reason: '误传' })).statusCode).toBe(404);
    expect((await remove(w.civil, minutes!.id, { reason: '误传' })).statusCode).toBe(403);
    expect((await remove(w.tongdu, crypto.randomUUID(), { reason: '误传' })).statusCode).toBe(404);

    // The community removes an item the subdistrict uploaded (whoever may add may remove).
    const res = await remove(w.tongdu, plan!.id, { reason: '上传错了文件，应为实施照片' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ complete: 1 });
    const removed = itemsOf(res.json()).find((i) => i.id === plan!.id)!;
    expect(removed.removed).toMatchObject({ reason: '上传错了文件，应为实施照片' });
    expect(res.json().categories.find((c: { category: string }) => c.category === 'plan').complete).toBe(
      false,
    );
    // Removing again is refused; the file stays readable for the record.
    const again = await remove(w.sd, plan!.id, { reason: '再删' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toBe('该档案资料已删除');
    expect((await w.civil.get(`/api/projects/archive-items/${plan!.id}/file`)).statusCode).toBe(200);

    // The zip leaves it out; the index lists it as removed with the reason.
    const zipRes = await w.civil.get(`/api/projects/applications/${id}/archive.zip`);
    expect(zipRes.statusCode).toBe(200);
    const zip = await JSZip.loadAsync(zipRes.rawPayload);
    const files = Object.keys(zip.files).filter((f) => !zip.files[f]!.dir);
    expect(files.some((f) => f.includes('方案.pdf'))).toBe(false);
    expect(files.some((f) => f.includes('纪要.pdf'))).toBe(true);
    const index = await zip.file('档案目录.txt')!.async('string');
    expect(index).toContain('档案完整度：1/8类');
    expect(index).toContain('已删除的资料（不导出）：1项');
    expect(index).toContain('删除原因：上传错了文件，应为实施照片');

    const audits = await w.t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, plan!.id), eq(auditLog.action, 'projects.archive.remove')));
    expect(audits).toHaveLength(1);
    expect(audits[0]!.after).toMatchObject({ removed: true, reason: '上传错了文件，应为实施照片' });
  });

  it('R-PJ-3: once the closing summary is filed items can no longer be removed (409 in Chinese); completed but not summarized still may', async () => {
    const callId = await openCall(w.t, w.civil);
    const id = await submittedApplication(callId, w.t.fx.tongdu.id, w.tongdu, w.sd);
    expect((await act(w.civil, id, { action: 'select' })).statusCode).toBe(200);
    const up = await upload(w.tongdu, id, 'minutes', '纪要.pdf');
    const [item] = itemsOf(up.json());
    expect((await act(w.sd, id, { action: 'complete', comment: '完成' })).statusCode).toBe(200);
    // Completed but not yet summarized: still removable.
    expect((await w.tongdu.get(`/api/projects/applications/${id}/archive`)).json().canRemove).toBe(true);
    expect((await act(w.sd, id, { action: 'summarize', comment: '总结' })).statusCode).toBe(200);
    const after = await w.tongdu.get(`/api/projects/applications/${id}/archive`);
    expect(after.json().canRemove).toBe(false);
    const late = await remove(w.sd, item!.id, { reason: '误传' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('projects.archive_remove_closed');
    expect(late.json().error.message).toBe('项目已提交结项总结，档案资料不能再删除');
  });
});
