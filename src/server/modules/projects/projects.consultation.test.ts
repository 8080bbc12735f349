import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Client } from '../../../../test/app';
import { multipart } from '../../../../test/multipart';
import { act, attachMinutes, openCall, PROJECT_CONTENT, setupProjectsWorld } from '../../../../test/projects';
import { auditLog } from '../../platform/audit.table';
import { sealUses } from '../certificates/certificates.table';
import { ptMeetings } from '../participation/participation.table';
import { svSurveys } from '../surveys/surveys.table';

const w = setupProjectsWorld('pjc_civil');

async function meeting(unit: { id: string; path: string }, status: string, title: string) {
  const id = w.t.deps.ids();
  const at = new Date('2026-11-20T02:00:00Z');
  await w.t.database.db.insert(ptMeetings).values({
    id,
    orgUnitId: unit.id,
    orgPath: unit.path,
    kind: 'resident_reps',
    basis: 'members',
    title,
    heldAt: at,
    noticeAt: at,
    frozenOn: '2026-11-13',
    due: 40,
    status,
    closedAt: status === 'closed' ? at : null,
    createdAt: at,
    updatedAt: at,
  });
  return id;
}

async function survey(unit: { id: string; path: string }, status: string) {
  const id = w.t.deps.ids();
  const at = new Date('2026-11-01T02:00:00Z');
  await w.t.database.db.insert(svSurveys).values({
    id,
    orgUnitId: unit.id,
    orgPath: unit.path,
    title: '邻里驿站建设需求调查',
    purpose: 'needs',
    year: 2026,
    status,
    opensAt: at,
    closesAt: new Date('2026-11-15T02:00:00Z'),
    closedAt: status === 'closed' ? new Date('2026-11-15T02:00:00Z') : null,
    createdAt: at,
    updatedAt: at,
  });
  return id;
}

async function draft(who: Client, unitId: string) {
  const callId = await openCall(w.t, w.civil);
  const res = await who.post('/api/projects/applications', { callId, orgUnitId: unitId, ...PROJECT_CONTENT });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

describe('consultation record (R-PJ-2: application after consulting residents)', () => {
  it('R-PJ-2: sending without a linked meeting, deliberation record, closed survey or uploaded minutes is refused (projects.incomplete); a record of the same community is linked and shown', async () => {
    const id = await draft(w.tongdu, w.t.fx.tongdu.id);
    const refused = await act(w.tongdu, id, { action: 'send' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('projects.incomplete');
    expect(refused.json().error.message).toContain('关联征求意见的依据');

    const closed = await meeting(w.t.fx.tongdu, 'closed', '铜都社区居民代表会议（邻里驿站）');
    const open = await meeting(w.t.fx.tongdu, 'open', '尚未结束的会议');
    const elsewhere = await meeting(w.t.fx.xihuayuan, 'closed', '西花园社区居民会议');
    const closedSurvey = await survey(w.t.fx.tongdu, 'closed');
    const openSurvey = await survey(w.t.fx.tongdu, 'published');

    const picker = (await w.tongdu.get(`/api/projects/applications/${id}/consultation`)).json();
    expect(picker).toMatchObject({ link: null, canEdit: true });
    const ids = picker.options.map((o: { id: string }) => o.id);
    expect(ids).toEqual(expect.arrayContaining([closed, closedSurvey]));
    expect(ids).not.toContain(open);
    expect(ids).not.toContain(elsewhere);
    expect(ids).not.toContain(openSurvey);

    const url = `/api/projects/applications/${id}/consultation`;
    for (const [kind, recordId] of [
      ['meeting', open],
      ['meeting', elsewhere],
      ['survey', openSurvey],
      ['topic', closed],
    ] as const) {
      const bad = await w.tongdu.post(url, { kind, recordId });
      expect(bad.statusCode, `${kind} ${recordId}`).toBe(422);
      expect(bad.json().error.code).toBe('projects.consultation_record');
    }
    expect((await w.tongdu.post(url, { kind: 'survey', recordId: closedSurvey })).json().link).toMatchObject({
      kind: 'survey',
      title: '邻里驿站建设需求调查',
    });
    const linked = await w.tongdu.post(url, { kind: 'meeting', recordId: closed });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json().link).toMatchObject({ kind: 'meeting', recordId: closed, date: '2026-11-20' });
    // Another community neither reads nor links it; the subdistrict reads but does not edit.
    expect((await w.xhy.get(url)).statusCode).toBe(404);
    expect((await w.xhy.post(url, { kind: 'meeting', recordId: elsewhere })).statusCode).toBe(404);

    const sent = await act(w.tongdu, id, { action: 'send' });
    expect(sent.statusCode, sent.body).toBe(200);
    const bySd = (await w.sd.get(url)).json();
    expect(bySd).toMatchObject({
      canEdit: false,
      options: [],
      link: { title: '铜都社区居民代表会议（邻里驿站）' },
    });
    // Once sent, the record stays as it was sent.
    expect((await w.tongdu.post(url, { kind: 'survey', recordId: closedSurvey })).statusCode).toBe(409);
    const audit = await w.t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audit.filter((a) => a.action === 'projects.consultation.link')).toHaveLength(2);
  });

  it('R-PJ-2: uploaded minutes (a file in platform storage) are a consultation record, readable by those who read the application', async () => {
    const id = await draft(w.xhy, w.t.fx.xihuayuan.id);
    const url = `/api/projects/applications/${id}/consultation/minutes`;
    const noFile = await w.xhy.request({ method: 'POST', url, ...multipart({ title: '纪要' }) });
    expect(noFile.statusCode).toBe(400);
    const text = await w.xhy.request({
      method: 'POST',
      url,
      ...multipart({ title: '纪要' }, { name: 'a.txt', data: Buffer.from('hello') }),
    });
    expect(text.statusCode).toBe(415);
    await attachMinutes(w.xhy, id);
    const read = await w.sd.get(url);
    expect(read.statusCode).toBe(200);
    expect(read.headers['content-type']).toBe('application/pdf');
    expect((await w.tongdu.get(url)).statusCode).toBe(404);
    expect((await act(w.xhy, id, { action: 'send' })).statusCode).toBe(200);
  });
});

describe('seal via the seal log (issue 11 §3, R-AC-2)', () => {
  it('R-PJ-2: approving and sealing records a use of the subdistrict’s seal in the seal log; the application keeps and shows its number; sealing again logs again', async () => {
    const id = await draft(w.tongdu, w.t.fx.tongdu.id);
    await attachMinutes(w.tongdu, id);
    await act(w.tongdu, id, { action: 'send' });
    const approved = await act(w.sd, id, { action: 'approve', seal: true, sealNo: '新下陆〔2026〕12号' });
    expect(approved.statusCode, approved.body).toBe(200);
    const dto = approved.json();
    expect(dto).toMatchObject({ sealed: true, sealNo: '新下陆〔2026〕12号' });
    expect(dto.sealLogNo).toMatch(/^YY\d{4}-\d{4}$/);
    const [use] = await w.t.database.db.select().from(sealUses).where(eq(sealUses.number, dto.sealLogNo));
    expect(use).toMatchObject({
      orgUnitId: w.t.fx.subdistrict.id,
      status: 'used',
      legalBasis: '新下陆〔2026〕12号',
      requester: '铜都社区',
    });
    expect(use!.document).toContain('邻里驿站建设');
    // The subdistrict's seal log lists it (certificates module).
    const sealed = await act(w.sd, id, { action: 'seal' });
    expect(sealed.statusCode, sealed.body).toBe(200);
    const next = sealed.json().sealLogNo as string;
    expect(Number(next.slice(-4))).toBe(Number(dto.sealLogNo.slice(-4)) + 1);
    const events = (await w.sd.get(`/api/projects/applications/${id}`)).json().events;
    expect(events.filter((e: { action: string }) => e.action === 'seal')).toHaveLength(1);
    const audit = await w.t.database.db.select().from(auditLog).where(eq(auditLog.entityId, use!.id));
    expect(audit.map((a) => a.action)).toEqual(['certificates.seal.use']);
  });
});
