import ExcelJS from 'exceljs';
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../../../test/app';
import { signInStaff } from '../../../../test/staff';
import { act, callBody, projectsWorld, submittedApplication } from '../../../../test/projects';
import { auditLog } from '../../platform/audit.table';
import { sweepWorkflow } from '../../platform/workflow';
import { pjApplications } from './projects.table';
import { applicationWorkflow } from './projects.workflow';

let t: TestApp;
let civil: Client;
let sd: Client;
let tongdu: Client;
let xhy: Client;
let callA: string;
let callB: string;
let aTongdu: string;
let aXhy: string;
let bTongdu: string;
let bXhy: string;

const put = (c: Client, url: string, body: unknown) =>
  c.request({ method: 'PUT', url, payload: body as object });

async function relogin() {
  civil = await t.as('pje_civil');
  ({ sd, tongdu, xhy } = await signInStaff(t));
}

async function newCall(year: number, completionDue: string, summaryDue: string) {
  const res = await civil.post(
    '/api/projects/calls',
    callBody(t, { year, title: `${year}年“共建共享”社区治理项目申报`, completionDue, summaryDue }),
  );
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

/** A community's application through to submission (the kit; the subdistrict login as it is now). */
const submitted = (callId: string, unitId: string, who: Client) =>
  submittedApplication(callId, unitId, who, sd);

const evaluation = (score: number) => ({
  members: ['张评估', '李专家', '王委员'],
  score,
  opinion: '目标完成，居民参与度高。',
  evaluatedOn: '2027-12-28',
});
const auditOf = async (id: string) =>
  (await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id))).map((a) => a.action);

beforeAll(async () => {
  ({ t, civil, sd, tongdu, xhy } = await projectsWorld('pje_civil'));
  // Last year's call: two pilots selected, results published.
  callA = await newCall(2027, '2027-11-30', '2027-12-20');
  expect((await civil.post(`/api/projects/calls/${callA}/open`, {})).statusCode).toBe(200);
  aTongdu = await submitted(callA, t.fx.tongdu.id, tongdu);
  aXhy = await submitted(callA, t.fx.xihuayuan.id, xhy);
  for (const id of [aTongdu, aXhy])
    expect((await act(civil, id, { action: 'select', level: 'city' })).statusCode).toBe(200);
  const saved = t.clock.now();
  t.clock.set(new Date('2026-12-11T09:00:00+08:00'));
  await relogin();
  expect((await civil.post(`/api/projects/calls/${callA}/publish`, {})).statusCode).toBe(200);
  t.clock.set(saved);
  await relogin();
  // Next year's call, still a draft.
  callB = await newCall(2028, '2028-11-30', '2028-12-20');
});
afterAll(() => t?.close());

describe('R-PJ-4: final evaluation after the closing summary', () => {
  it('R-PJ-4: refused before the summary (409 with the reason), then graded by the default bands, audited, on the timeline, community and subdistrict told', async () => {
    const early = await civil.post(`/api/projects/applications/${aTongdu}/evaluation`, evaluation(95));
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('项目总结报送后才能进行末期评估');
    expect((await act(sd, aTongdu, { action: 'complete', comment: '完成' })).statusCode).toBe(200);
    expect((await act(sd, aTongdu, { action: 'summarize', comment: '总结' })).statusCode).toBe(200);
    // The subdistrict cannot evaluate; an evaluator neither named nor assigned does not even see the project.
    expect(
      (await sd.post(`/api/projects/applications/${aTongdu}/evaluation`, evaluation(95))).statusCode,
    ).toBe(403);
    const ev = await t.as('evaluator');
    expect(
      (await ev.post(`/api/projects/applications/${aTongdu}/evaluation`, evaluation(95))).statusCode,
    ).toBe(404);
    expect(
      (await civil.post(`/api/projects/applications/${aTongdu}/evaluation`, evaluation(101))).statusCode,
    ).toBe(400);
    const res = await civil.post(`/api/projects/applications/${aTongdu}/evaluation`, evaluation(95));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().evaluation).toMatchObject({ score: 95, grade: 'excellent', gradeName: '优秀' });
    const detail = (await tongdu.get(`/api/projects/applications/${aTongdu}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toContain('evaluate');
    // Others read it.
    const read = (await tongdu.get(`/api/projects/applications/${aTongdu}/evaluation`)).json();
    expect(read).toMatchObject({ evaluation: { gradeName: '优秀' }, abilities: { evaluate: false } });
    expect(await auditOf(aTongdu)).toContain('projects.application.evaluate');
    const inbox = (await sd.get('/api/notifications?pageSize=50')).json().items as { title: string }[];
    expect(inbox.map((n) => n.title)).toContain('项目末期评估结果');
    const comm = (await tongdu.get('/api/notifications?pageSize=50')).json().items as { body: string }[];
    expect(comm.map((n) => n.body).join()).toContain('末期评估得分95分，等次为优秀');
  });

  it('R-PJ-4: an evaluator the bureau names records the evaluation; bands are configurable and lock once used', async () => {
    const ev = await t.as('evaluator');
    const me = (await ev.get('/api/auth/me')).json();
    const settings = (await civil.get(`/api/projects/calls/${callA}/evaluation`)).json();
    expect(settings.bands.map((b: { name: string }) => b.name)).toEqual(['优秀', '良好', '合格', '不合格']);
    const rules = {
      bands: settings.bands,
      adjustments: settings.adjustments,
      floor: 0,
      evaluatorIds: [me.user?.id ?? me.id],
    };
    const saved = await put(civil, `/api/projects/calls/${callA}/evaluation/rules`, rules);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().evaluators[0].name).toBeTruthy();
    // Changing the bands after a project was graded by them is refused.
    const changed = await put(civil, `/api/projects/calls/${callA}/evaluation/rules`, {
      ...rules,
      bands: [{ key: 'excellent', name: '优秀', min: 85 }, ...settings.bands.slice(1)],
    });
    expect(changed.statusCode, changed.body).toBe(409);
    expect((await act(sd, aXhy, { action: 'complete', comment: '完成' })).statusCode).toBe(200);
    expect((await act(sd, aXhy, { action: 'summarize', comment: '总结' })).statusCode).toBe(200);
    const res = await ev.post(`/api/projects/applications/${aXhy}/evaluation`, evaluation(66));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().evaluation).toMatchObject({ grade: 'pass', gradeName: '合格' });
  });
});

describe('R-PJ-4: next year’s quota per subdistrict grows or shrinks with results', () => {
  it('R-PJ-4: the proposal is the pilots it had + Σ grade deltas; applied to the draft call; enforced at selection (409 naming the subdistrict)', async () => {
    const p = await civil.get(`/api/projects/calls/${callB}/evaluation/proposal`);
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().fromCall.id).toBe(callA);
    // 2 pilots, one 优秀 (+1) and one 合格 (0): 3.
    expect(p.json().rows).toEqual([
      expect.objectContaining({
        unitId: t.fx.subdistrict.id,
        name: '新下陆街道',
        pilots: 2,
        grades: { excellent: 1, pass: 1 },
        delta: 1,
        proposed: 3,
      }),
    ]);
    // The same figures stand on the evaluated call itself, as its outlook for next year.
    const outlook = await civil.get(`/api/projects/calls/${callA}/evaluation/outlook`);
    expect(outlook.statusCode, outlook.body).toBe(200);
    expect(outlook.json().rows[0]).toMatchObject({ pilots: 2, delta: 1, proposed: 3 });
    // The subdistrict reads nothing of it.
    expect((await sd.get(`/api/projects/calls/${callB}/evaluation/proposal`)).statusCode).toBe(403);
    expect((await sd.get(`/api/projects/calls/${callA}/evaluation/outlook`)).statusCode).toBe(403);
    // The bureau edits the proposal down before opening, then applies it.
    const applied = await put(civil, `/api/projects/calls/${callB}/evaluation/quotas`, {
      quotas: [{ unitId: t.fx.subdistrict.id, quota: 1 }],
      fromCallId: callA,
    });
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().subdistricts[0]).toMatchObject({ quota: 1, selected: 0 });
    expect(applied.json().quotasFromCall.id).toBe(callA);
    expect(await auditOf(callB)).toContain('projects.call.subdistrict_quotas');
    expect((await civil.post(`/api/projects/calls/${callB}/open`, {})).statusCode).toBe(200);
    // Once open the quotas stay.
    expect(
      (
        await put(civil, `/api/projects/calls/${callB}/evaluation/quotas`, {
          quotas: [{ unitId: t.fx.subdistrict.id, quota: 5 }],
        })
      ).statusCode,
    ).toBe(409);
    bTongdu = await submitted(callB, t.fx.tongdu.id, tongdu);
    bXhy = await submitted(callB, t.fx.xihuayuan.id, xhy);
    expect((await act(civil, bTongdu, { action: 'select', level: 'city' })).statusCode).toBe(200);
    const full = await act(civil, bXhy, { action: 'select', level: 'city' });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.code).toBe('projects.subdistrict_quota_full');
    expect(full.json().error.message).toBe('新下陆街道的试点名额（1个）已满');
    // The refused selection left nothing behind.
    expect((await civil.get(`/api/projects/applications/${bXhy}`)).json().state).toBe('submitted');
  });

  it('R-PJ-4: the year summary xlsx has the four sheets, in Chinese and in English', async () => {
    const res = await civil.get(`/api/projects/calls/${callA}/summary.xlsx`);
    expect(res.statusCode, res.body).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['项目一览', '月度报告', '资金', '评估与名额']);
    const list = wb.getWorksheet('项目一览')!;
    expect(list.getRow(1).getCell(1).value).toBe('街道（镇）');
    const rows = [2, 3].map((i) => list.getRow(i).values as unknown[]);
    expect(rows.map((r) => r[r.length - 1]).sort()).toEqual(['优秀', '合格'].sort());
    const quota = wb.getWorksheet('评估与名额')!.getRow(2).values as unknown[];
    expect(quota[quota.length - 1]).toBe(3);
    expect(wb.getWorksheet('月度报告')!.rowCount).toBeGreaterThan(2);
    const en = await civil.request({
      method: 'GET',
      url: `/api/projects/calls/${callA}/summary.xlsx`,
      headers: { 'accept-language': 'en' },
    });
    const wbEn = new ExcelJS.Workbook();
    await wbEn.xlsx.load(en.rawPayload as unknown as ArrayBuffer);
    expect(wbEn.worksheets.map((w) => w.name)).toEqual([
      'Projects',
      'Monthly reports',
      'Funds',
      'Evaluation and quota',
    ]);
    // Scope-checked: a community has no export, a call out of reach is not found.
    expect((await tongdu.get(`/api/projects/calls/${callA}/summary.xlsx`)).statusCode).toBe(403);
  });
});

describe('R-PJ-4: force majeure (不可抗力) exempts the completion date', () => {
  it('R-PJ-4: the bureau moves the date with a reason; the overdue flag is not raised until the new date', async () => {
    const url = `/api/projects/applications/${bTongdu}/exemptions`;
    expect((await sd.post(url, { reason: '台风', newDue: '2029-01-31' })).statusCode).toBe(403);
    const early = await civil.post(url, { reason: '台风', newDue: '2028-11-01' });
    expect(early.statusCode).toBe(422);
    const res = await civil.post(url, { reason: '台风损毁施工场地，停工两个月', newDue: '2029-01-31' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().exemptions[0]).toMatchObject({ previousDue: '2028-11-30', newDue: '2029-01-31' });
    expect(await auditOf(bTongdu)).toContain('projects.application.exempt');
    // Moving the call's completion date leaves the exempted project's own date.
    expect(
      (await civil.patch(`/api/projects/calls/${callB}`, { completionDue: '2028-11-25' })).statusCode,
    ).toBe(200);
    const detail = (await civil.get(`/api/projects/applications/${bTongdu}`)).json();
    expect(detail.completionDueAt).toBe('2029-01-31T15:59:59.999Z');
    expect(new Date(detail.summaryDueAt).getTime()).toBeGreaterThan(
      new Date(detail.completionDueAt).getTime(),
    );
    const saved = t.clock.now();
    const ctx = { ...t.deps, requestId: 'test' };
    const where = eq(pjApplications.id, bTongdu);
    try {
      t.clock.set(new Date('2028-12-02T09:00:00+08:00'));
      expect((await sweepWorkflow(applicationWorkflow, ctx, { where })).completion_overdue).toBe(0);
      expect(
        (await (await t.as('pje_civil')).get(`/api/projects/applications/${bTongdu}`)).json(),
      ).toMatchObject({ completionOverdue: false });
      t.clock.set(new Date('2029-02-02T09:00:00+08:00'));
      expect((await sweepWorkflow(applicationWorkflow, ctx, { where })).completion_overdue).toBe(1);
    } finally {
      t.clock.set(saved);
      await relogin();
    }
  });
});
