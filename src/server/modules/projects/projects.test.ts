import { asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, signInNewUser } from '../../../../test/app';
import { signInStaff } from '../../../../test/staff';
import {
  PROJECT_CONTENT,
  act,
  attachMinutes,
  callBody as kitCallBody,
  projectsWorld,
  submittedApplication,
  userIdOf,
} from '../../../../test/projects';
import { SEED_000_DOCUMENTS } from '../../../shared/contracts/projects';
import { auditLog } from '../../platform/audit.table';
import { sweepWorkflow } from '../../platform/workflow';
import { pjApplications, pjReports } from './projects.table';
import { applicationWorkflow, reportWorkflow } from './projects.workflow';

let t: TestApp;
let civil: Client;
let sd: Client;
let tongdu: Client;
let xhy: Client;
let evaluator: Client;
let reviewer2: Client;

beforeAll(async () => {
  ({ t, civil, sd, tongdu, xhy } = await projectsWorld('pj_civil'));
  evaluator = await t.as('evaluator');
  reviewer2 = await signInNewUser(t, 'pj_reviewer2', 'evaluator', t.fx.district.id);
});
afterAll(() => t?.close());

/** After a test moved the clock, the shared sessions may have expired: log in again. */
async function relogin() {
  civil = await t.as('pj_civil');
  ({ sd, tongdu, xhy } = await signInStaff(t));
}

const callBody = (over: Record<string, unknown> = {}) => kitCallBody(t, over);

const content = { ...PROJECT_CONTENT, targets: ['建成邻里驿站 1 个', '组建志愿服务队 2 支'] };

async function openCall(over: Record<string, unknown> = {}) {
  const res = await civil.post('/api/projects/calls', callBody(over));
  expect(res.statusCode, res.body).toBe(201);
  const opened = await civil.post(`/api/projects/calls/${res.json().id}/open`, {});
  expect(opened.statusCode, opened.body).toBe(200);
  return opened.json() as { id: string };
}

const submitted = (callId: string, unitId: string, who: Client) =>
  submittedApplication(callId, unitId, who, sd, content);

/** A record's audit entries in the order they were written (a sealed row's heap position moves on PostgreSQL). */
const auditOf = (id: string) =>
  t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id)).orderBy(asc(auditLog.seq));

describe('calls (申报通知)', () => {
  it('R-PJ-1/R-PJ-2: the bureau drafts a call with the five types, quota, deadlines and scope, then opens it; communities see it only once open', async () => {
    const res = await civil.post('/api/projects/calls', callBody());
    expect(res.statusCode, res.body).toBe(201);
    const call = res.json();
    expect(call.types.map((x: { name: string }) => x.name)).toEqual([
      '党建引领型',
      '邻里互助型',
      '协商自治型',
      '服务促进型',
      '社会参与型',
    ]);
    expect(call).toMatchObject({ status: 'draft', quota: 12, reportDay: 20, subsidyCityFen: 10_000_000 });
    expect(call.scopeUnits).toEqual([{ id: t.fx.subdistrict.id, name: '新下陆街道' }]);
    expect((await tongdu.get(`/api/projects/calls/${call.id}`)).statusCode).toBe(404);
    const opened = await civil.post(`/api/projects/calls/${call.id}/open`, {});
    expect(opened.json().status).toBe('open');
    const seen = await tongdu.get(`/api/projects/calls/${call.id}`);
    expect(seen.statusCode).toBe(200);
    expect(seen.json().abilities).toMatchObject({ apply: true, edit: false });
    expect((await auditOf(call.id)).map((a) => a.action).sort()).toEqual([
      'projects.call.create',
      'projects.call.open',
    ]);
  });

  it('refuses a call whose deadlines are out of order, whose scope is not a subdistrict under the issuer, or issued by a subdistrict', async () => {
    expect(
      (await civil.post('/api/projects/calls', callBody({ completionDue: '2026-12-01' }))).json().error.code,
    ).toBe('projects.dates_order');
    expect(
      (await civil.post('/api/projects/calls', callBody({ scopeUnitIds: [t.fx.tongdu.id] }))).json().error
        .code,
    ).toBe('projects.scope_units');
    const admin = await t.as('admin');
    const res = await admin.post('/api/projects/calls', callBody({ orgUnitId: t.fx.subdistrict.id }));
    expect(res.json().error.code).toBe('projects.issuer_kind');
    expect((await sd.post('/api/projects/calls', callBody())).statusCode).toBe(403);
  });
});

describe('applications (申报)', () => {
  it('R-PJ-2: community drafts, subdistrict returns with comments, approves, seals and submits; each step audited', async () => {
    const call = await openCall();
    const res = await tongdu.post('/api/projects/applications', {
      callId: call.id,
      orgUnitId: t.fx.tongdu.id,
      ...content,
      targets: [],
    });
    expect(res.statusCode, res.body).toBe(201);
    const app = res.json();
    expect(app).toMatchObject({ state: 'draft', budgetTotalFen: 10_000_000, actions: ['send'] });
    await attachMinutes(tongdu, app.id);
    // Targets must be specific (seed 000 三): an empty list is not sendable.
    expect((await act(tongdu, app.id, { action: 'send' })).json().error.code).toBe('projects.incomplete');
    expect(
      (await tongdu.patch(`/api/projects/applications/${app.id}`, { targets: content.targets })).statusCode,
    ).toBe(200);
    expect((await act(tongdu, app.id, { action: 'send' })).json().state).toBe('pending_review');
    // Only the subdistrict reviews; the community cannot approve its own.
    expect((await act(tongdu, app.id, { action: 'approve' })).statusCode).toBe(403);
    expect((await act(sd, app.id, { action: 'return' })).json().error.code).toBe('projects.comment_required');
    const returned = await act(sd, app.id, { action: 'return', comment: '请细化预算' });
    expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: '请细化预算' });
    expect((await act(tongdu, app.id, { action: 'send' })).json().state).toBe('pending_review');
    expect((await act(sd, app.id, { action: 'approve' })).json()).toMatchObject({
      state: 'approved',
      sealed: false,
    });
    // R-PJ-2: an unsealed application is refused with the reason.
    const unsealed = await act(sd, app.id, { action: 'submit' });
    expect(unsealed.statusCode).toBe(409);
    expect(unsealed.json().error).toMatchObject({ code: 'projects.not_sealed' });
    expect(unsealed.json().error.message).toContain('公章');
    const sealed = await act(sd, app.id, { action: 'seal', sealNo: '新下陆〔2026〕12号' });
    expect(sealed.json()).toMatchObject({ sealed: true, sealNo: '新下陆〔2026〕12号' });
    const done = await act(sd, app.id, { action: 'submit' });
    expect(done.json()).toMatchObject({ state: 'submitted' });
    const detail = (await tongdu.get(`/api/projects/applications/${app.id}`)).json();
    expect(detail.events.map((e: { action: string }) => e.action)).toEqual([
      'create',
      'send',
      'return',
      'send',
      'approve',
      'seal',
      'submit',
    ]);
    expect((await auditOf(app.id)).map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'projects.application.create',
        'projects.application.update',
        'projects.application.send',
        'projects.application.return',
        'projects.application.approve',
        'projects.application.seal',
        'projects.application.submit',
      ]),
    );
  });

  it('R-PJ-5: budget and funding are integer fen and must balance before sending', async () => {
    const call = await openCall();
    const res = await xhy.post('/api/projects/applications', {
      callId: call.id,
      orgUnitId: t.fx.xihuayuan.id,
      ...content,
      funding: [{ source: 'city', amountFen: 9_000_000 }],
    });
    const sent = await act(xhy, res.json().id, { action: 'send' });
    expect(sent.statusCode).toBe(422);
    expect(sent.json().error.message).toBe(
      '资金来源合计须等于预算合计（预算 100000.00 元，来源 90000.00 元）',
    );
    const fractional = await xhy.patch(`/api/projects/applications/${res.json().id}`, {
      budgetLines: [{ item: '活动', amountFen: 10.5 }],
    });
    expect(fractional.statusCode).toBe(400);
  });

  it('404 outside scope: another community neither reads nor edits the application, nor applies for a unit not its own', async () => {
    const call = await openCall();
    const res = await tongdu.post('/api/projects/applications', {
      callId: call.id,
      orgUnitId: t.fx.tongdu.id,
      ...content,
    });
    const id = res.json().id;
    expect((await xhy.get(`/api/projects/applications/${id}`)).statusCode).toBe(404);
    expect((await xhy.patch(`/api/projects/applications/${id}`, { title: 'x' })).statusCode).toBe(404);
    expect((await act(xhy, id, { action: 'send' })).statusCode).toBe(404);
    expect(
      (
        await xhy.post('/api/projects/applications', {
          callId: call.id,
          orgUnitId: t.fx.tongdu.id,
          ...content,
        })
      ).statusCode,
    ).toBe(404);
    const list = (await xhy.get(`/api/projects/applications?callId=${call.id}`)).json();
    expect(list.items.map((a: { id: string }) => a.id)).not.toContain(id);
    // One application per community and call.
    const again = await tongdu.post('/api/projects/applications', {
      callId: call.id,
      orgUnitId: t.fx.tongdu.id,
      ...content,
    });
    expect(again.json().error.code).toBe('projects.already_applied');
  });

  it('R-PJ-2: deadlines come from the call; a late submission is refused with the date, and the sweep flags the overdue application once', async () => {
    const call = await openCall({ applicationDue: '2026-11-30' });
    const res = await tongdu.post('/api/projects/applications', {
      callId: call.id,
      orgUnitId: t.fx.tongdu.id,
      ...content,
    });
    const id = res.json().id;
    await attachMinutes(tongdu, id);
    await act(tongdu, id, { action: 'send' });
    await act(sd, id, { action: 'approve', sealNo: 'YZ-1' });
    expect(res.json().submitDueAt).toBe('2026-11-30T15:59:59.999Z');
    // The bureau moves the deadline: the application's moves with it.
    await civil.patch(`/api/projects/calls/${call.id}`, { applicationDue: '2026-11-25' });
    const [row] = await t.database.db.select().from(pjApplications).where(eq(pjApplications.id, id));
    expect(row!.submitDueAt.toISOString()).toBe('2026-11-25T15:59:59.999Z');
    const saved = t.clock.now();
    try {
      t.clock.set(new Date('2026-11-26T08:00:00+08:00'));
      // A session idle for days has expired: log in at the new time.
      const sdLater = await t.as('sd_admin');
      const late = await act(sdLater, id, { action: 'submit' });
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({ code: 'projects.past_deadline' });
      expect(late.json().error.message).toContain('2026-11-25');
      const ctx = { ...t.deps, requestId: 'test' };
      const first = await sweepWorkflow(applicationWorkflow, ctx, {
        where: eq(pjApplications.callId, call.id),
      });
      expect(first.overdue).toBe(1);
      const second = await sweepWorkflow(applicationWorkflow, ctx, {
        where: eq(pjApplications.callId, call.id),
      });
      expect(second.overdue).toBe(0);
      const detail = (await sdLater.get(`/api/projects/applications/${id}`)).json();
      expect(detail.overdue).toBe(true);
      expect(detail.events.at(-1).action).toBe('overdue');
      expect((await auditOf(id)).map((a) => a.action)).toContain('projects.application.overdue');
      const overdue = (await sdLater.get(`/api/projects/applications?view=overdue&callId=${call.id}`)).json();
      expect(overdue.items.map((a: { id: string }) => a.id)).toEqual([id]);
    } finally {
      t.clock.set(saved);
      await relogin();
    }
  });
});

describe('selection (评审立项)', () => {
  it('R-PJ-2: reviewers see only submitted applications and score them separately against the call’s criteria with a conflict declaration; the bureau sees the average', async () => {
    const call = await openCall();
    const draft = await xhy.post('/api/projects/applications', {
      callId: call.id,
      orgUnitId: t.fx.xihuayuan.id,
      ...content,
    });
    // A reviewer sees what is submitted for scoring, not the communities' drafts.
    expect((await evaluator.get(`/api/projects/applications/${draft.json().id}`)).statusCode).toBe(404);
    const id = await submitted(call.id, t.fx.tongdu.id, tongdu);
    // Issue 11 §2: the bureau assigns the two reviewers (an evaluator sees only what they are assigned).
    const [u1, u2] = await Promise.all([userIdOf(t, 'evaluator'), userIdOf(t, 'pj_reviewer2')]);
    const assigned = await civil.post(`/api/projects/calls/${call.id}/assignments`, {
      applicationIds: [id],
      reviewerIds: [u1, u2],
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    const scores = { facilities: 20, party_building: 22, service_capacity: 18, participation: 20 };
    const bad = await evaluator.post(`/api/projects/applications/${id}/scores`, {
      conflict: false,
      scores: { ...scores, facilities: 30 },
    });
    expect(bad.json().error.code).toBe('projects.score_range');
    const mine = await evaluator.post(`/api/projects/applications/${id}/scores`, { conflict: false, scores });
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().scores).toHaveLength(1);
    expect(mine.json().scores[0].total).toBe(80);
    // The second reviewer declares a conflict of interest: recorded, not counted.
    const recused = await reviewer2.post(`/api/projects/applications/${id}/scores`, {
      conflict: true,
      conflictNote: '本人曾在该社区任职',
    });
    expect(recused.statusCode).toBe(200);
    // Each reviewer sees only their own score; the bureau sees all and the average.
    expect((await evaluator.get(`/api/projects/applications/${id}`)).json().scores).toHaveLength(1);
    expect((await evaluator.get(`/api/projects/applications/${id}`)).json().averageScore).toBeNull();
    const bureau = (await civil.get(`/api/projects/applications/${id}`)).json();
    expect(bureau.scores).toHaveLength(2);
    expect(bureau).toMatchObject({ averageScore: 80, scoreCount: 1 });
    const toScore = (await evaluator.get(`/api/projects/applications?view=toScore&callId=${call.id}`)).json();
    expect(toScore.items).toHaveLength(0);
    expect((await auditOf(mine.json().scores[0].id)).map((a) => a.action)).toEqual(['projects.score']);
  });

  it('R-PJ-2: the bureau selects up to the quota, one recommended to the prefecture; beyond the quota refused; results published after the deadline', async () => {
    const call = await openCall({ quota: 1, applicationDue: '2026-12-01' });
    const a = await submitted(call.id, t.fx.tongdu.id, tongdu);
    const b = await submitted(call.id, t.fx.xihuayuan.id, xhy);
    expect((await act(sd, a, { action: 'select' })).statusCode).toBe(403);
    const sel = await act(civil, a, { action: 'select', level: 'prefecture' });
    // R-PJ-5: recommending to the prefecture changes the subsidy rule to the call's matching amount.
    expect(sel.json()).toMatchObject({ state: 'selected', level: 'prefecture', subsidyFen: 5_000_000 });
    expect((await civil.get(`/api/projects/applications/${b}`)).json().subsidyFen).toBeNull();
    const over = await act(civil, b, { action: 'select' });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toBe('已确定 1 个试点项目，达到本次名额上限');
    expect((await civil.post(`/api/projects/calls/${call.id}/publish`, {})).json().error.code).toBe(
      'projects.before_deadline',
    );
    const saved = t.clock.now();
    try {
      t.clock.set(new Date('2026-12-02T09:00:00+08:00'));
      const civilLater = await t.as('pj_civil');
      const pub = await civilLater.post(`/api/projects/calls/${call.id}/publish`, {});
      expect(pub.json()).toMatchObject({ status: 'published', selectedCount: 1 });
      const b2 = (await civilLater.get(`/api/projects/applications/${b}`)).json();
      expect(b2.state).toBe('not_selected');
      expect(b2.events.at(-1)).toMatchObject({ action: 'reject', toState: 'not_selected' });
      expect((await act(civilLater, b, { action: 'select' })).statusCode).toBe(409);
      // The applicants are told: each community and its subdistrict get the result in their inbox.
      const inbox = async (user: string) =>
        ((await (await t.as(user)).get('/api/notifications?pageSize=50')).json().items as { body: string }[])
          .map((n) => n.body)
          .filter((x) => x.includes(callBody().title));
      expect((await inbox('tongdu_worker')).some((x) => x.includes('入选并推荐为泉州市级试点'))).toBe(true);
      expect((await inbox('xhy_worker')).some((x) => x.includes('未入选'))).toBe(true);
      expect(
        (await inbox('sd_admin')).filter((x) => x.includes('邻里驿站建设')).length,
      ).toBeGreaterThanOrEqual(2);
    } finally {
      t.clock.set(saved);
      await relogin();
    }
  });

  it('R-PJ-4: the bureau circulates a notice (通报) on a slow selected project, with its reason; the subdistrict and community are told; audited', async () => {
    const call = await openCall();
    const id = await submitted(call.id, t.fx.tongdu.id, tongdu);
    expect((await act(civil, id, { action: 'notice', comment: '进度滞后' })).statusCode).toBe(409);
    await act(civil, id, { action: 'select' });
    expect((await act(sd, id, { action: 'notice', comment: '进度滞后' })).statusCode).toBe(403);
    expect((await act(civil, id, { action: 'notice' })).json().error.code).toBe('projects.comment_required');
    const res = await act(civil, id, { action: 'notice', comment: '三个月未见实质进展，请限期整改' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ state: 'selected' });
    expect(res.json().events.at(-1)).toMatchObject({
      action: 'notice',
      comment: '三个月未见实质进展，请限期整改',
    });
    const bodies = async (user: string) =>
      (
        (await (await t.as(user)).get('/api/notifications?pageSize=50')).json().items as {
          title: string;
          body: string;
        }[]
      )
        .filter((n) => n.title === '项目进展通报')
        .map((n) => n.body);
    expect(await bodies('sd_admin')).toContain(
      `${callBody().title}：铜都社区“邻里驿站建设”进展缓慢，予以通报：三个月未见实质进展，请限期整改`,
    );
    expect((await bodies('tongdu_worker')).length).toBeGreaterThanOrEqual(1);
    expect((await auditOf(id)).map((a) => a.action)).toContain('projects.application.notice');
  });

  it('exports the selection list as xlsx for the bureau; a subdistrict exports its own', async () => {
    const call = await openCall();
    await submitted(call.id, t.fx.tongdu.id, tongdu);
    const res = await civil.get(`/api/projects/calls/${call.id}/applications.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await sd.get(`/api/projects/calls/${call.id}/applications.xlsx`)).statusCode).toBe(200);
    expect((await tongdu.get(`/api/projects/calls/${call.id}/applications.xlsx`)).statusCode).toBe(403);
  });

  it('R-PJ-2: each document the call asks for has a downloadable template; an unknown one is 404', async () => {
    const call = await openCall();
    for (const d of SEED_000_DOCUMENTS) {
      const res = await tongdu.get(`/api/projects/calls/${call.id}/templates/${d.key}`);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
        `${d.name}（模板）.pdf`,
      );
    }
    expect((await tongdu.get(`/api/projects/calls/${call.id}/templates/budget_sheet`)).statusCode).toBe(404);
  });

  it('exports the application form as a PDF with the CJK font for those who read it; 404 out of scope', async () => {
    const call = await openCall();
    const id = await submitted(call.id, t.fx.tongdu.id, tongdu);
    const res = await tongdu.get(`/api/projects/applications/${id}/form.pdf`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    // The CJK font is embedded (a subset of WenQuanYi or Noto CJK), so the Chinese text renders.
    expect(res.rawPayload.toString('latin1')).toMatch(/FontFile2|FontFile3/);
    expect(decodeURIComponent(String(res.headers['content-disposition']))).toContain(
      '铜都社区项目申报表.pdf',
    );
    expect((await sd.get(`/api/projects/applications/${id}/form.pdf`)).statusCode).toBe(200);
    expect((await xhy.get(`/api/projects/applications/${id}/form.pdf`)).statusCode).toBe(404);
  });
});

describe('implementation: completion and closing summary', () => {
  it('R-PJ-4: completion and summary due by the call’s dates; reminders before, overdue flags after (once), moved with the call; the subdistrict records them in order', async () => {
    const call = await openCall();
    const id = await submitted(call.id, t.fx.tongdu.id, tongdu);
    const sel = (await act(civil, id, { action: 'select' })).json();
    // From the call's configuration (completionDue 2027-11-30, summaryDue 2027-12-20), end of day China time.
    expect(sel).toMatchObject({
      completionDueAt: '2027-11-30T15:59:59.999Z',
      summaryDueAt: '2027-12-20T15:59:59.999Z',
      completionOverdue: false,
    });
    // The bureau moves the completion date: the project's deadline moves with it.
    expect(
      (await civil.patch(`/api/projects/calls/${call.id}`, { completionDue: '2027-11-25' })).statusCode,
    ).toBe(200);
    expect((await civil.get(`/api/projects/applications/${id}`)).json().completionDueAt).toBe(
      '2027-11-25T15:59:59.999Z',
    );
    expect((await act(sd, id, { action: 'summarize', comment: '总结' })).json().error.code).toBe(
      'projects.not_completed',
    );
    const saved = t.clock.now();
    const ctx = { ...t.deps, requestId: 'test' };
    const where = eq(pjApplications.id, id);
    try {
      t.clock.set(new Date('2027-11-20T09:00:00+08:00'));
      const r1 = await sweepWorkflow(applicationWorkflow, ctx, { where });
      expect(r1).toMatchObject({ completion_reminder: 1, completion_overdue: 0, summary_reminder: 0 });
      t.clock.set(new Date('2027-11-26T09:00:00+08:00'));
      const r2 = await sweepWorkflow(applicationWorkflow, ctx, { where });
      expect(r2).toMatchObject({ completion_reminder: 0, completion_overdue: 1 });
      expect((await sweepWorkflow(applicationWorkflow, ctx, { where })).completion_overdue).toBe(0);
      const sdLater = await t.as('sd_admin');
      expect((await sdLater.get(`/api/projects/applications/${id}`)).json().completionOverdue).toBe(true);
      const told = (
        (await (await t.as('pj_civil')).get('/api/notifications?pageSize=50')).json().items as {
          title: string;
          body: string;
        }[]
      ).filter((n) => n.title === '项目节点逾期');
      expect(told.map((n) => n.body)).toContain('铜都社区“邻里驿站建设”的项目完成已超过期限（2027-11-25）。');
      expect((await act(await t.as('tongdu_worker'), id, { action: 'complete' })).statusCode).toBe(403);
      const done = await act(sdLater, id, { action: 'complete', comment: '各项目标已完成' });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json()).toMatchObject({ state: 'selected', completionOverdue: false });
      expect((await act(sdLater, id, { action: 'complete' })).json().error.code).toBe(
        'projects.already_done',
      );
      expect((await act(sdLater, id, { action: 'summarize' })).json().error.code).toBe(
        'projects.comment_required',
      );
      const sum = await act(sdLater, id, { action: 'summarize', comment: '形成“邻里驿站”工作法' });
      expect(sum.json().summaryAt).not.toBeNull();
      // Once done, the summary's deadline no longer fires.
      t.clock.set(new Date('2027-12-21T09:00:00+08:00'));
      expect((await sweepWorkflow(applicationWorkflow, ctx, { where })).summary_overdue).toBe(0);
      expect((await auditOf(id)).map((a) => a.action)).toEqual(
        expect.arrayContaining([
          'projects.application.completion_overdue',
          'projects.application.complete',
          'projects.application.summarize',
        ]),
      );
    } finally {
      t.clock.set(saved);
      await relogin();
    }
  });
});

describe('implementation: no swap midway', () => {
  it('R-PJ-4: a selected project cannot be swapped — its content is not editable and the community cannot apply again to the call', async () => {
    const call = await openCall();
    const id = await submitted(call.id, t.fx.tongdu.id, tongdu);
    await act(civil, id, { action: 'select' });
    const edit = await tongdu.patch(`/api/projects/applications/${id}`, { title: '换一个项目' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.code).toBe('projects.use_change_procedure');
    const again = await tongdu.post('/api/projects/applications', {
      callId: call.id,
      orgUnitId: t.fx.tongdu.id,
      ...content,
      title: '替换项目',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('projects.already_applied');
    expect((await tongdu.get(`/api/projects/applications/${id}`)).json().title).toBe('邻里驿站建设');
  });
});

describe('implementation: mid-term visit', () => {
  it('R-PJ-4: the bureau records its mid-term visit with opinions; the subdistrict must answer them, once per visit; audited', async () => {
    const call = await openCall();
    const id = await submitted(call.id, t.fx.tongdu.id, tongdu);
    expect((await act(civil, id, { action: 'visit', comment: '台账不全' })).statusCode).toBe(409);
    await act(civil, id, { action: 'select' });
    expect((await act(sd, id, { action: 'answer', comment: '已整改' })).json().error.code).toBe(
      'projects.no_open_visit',
    );
    expect((await act(sd, id, { action: 'visit', comment: '台账不全' })).statusCode).toBe(403);
    const v = await act(civil, id, { action: 'visit', comment: '资金使用台账不全，居民参与记录需补充' });
    expect(v.json()).toMatchObject({
      visitOpinion: '资金使用台账不全，居民参与记录需补充',
      visitAnsweredAt: null,
    });
    expect(v.json().actions).not.toContain('answer');
    const sdView = (await sd.get(`/api/projects/applications/${id}`)).json();
    expect(sdView.actions).toContain('answer');
    const told = (
      (await sd.get('/api/notifications?pageSize=50')).json().items as { title: string }[]
    ).filter((n) => n.title === '中期实地查看意见');
    expect(told.length).toBeGreaterThanOrEqual(1);
    expect((await act(sd, id, { action: 'answer' })).json().error.code).toBe('projects.comment_required');
    const ans = await act(sd, id, { action: 'answer', comment: '已补齐台账，新增议事记录 3 份' });
    expect(ans.json()).toMatchObject({ visitAnswer: '已补齐台账，新增议事记录 3 份' });
    expect((await act(sd, id, { action: 'answer', comment: '再答' })).json().error.code).toBe(
      'projects.no_open_visit',
    );
    expect((await auditOf(id)).map((a) => a.action)).toEqual(
      expect.arrayContaining(['projects.application.visit', 'projects.application.answer']),
    );
  });
});

describe('implementation: monthly progress reports', () => {
  it('R-PJ-4: a selected project owes a report each month before the call’s report day; the subdistrict files it, the sweep flags a late one once', async () => {
    const call = await openCall();
    const id = await submitted(call.id, t.fx.tongdu.id, tongdu);
    await act(civil, id, { action: 'select' });
    const detail = (await tongdu.get(`/api/projects/applications/${id}`)).json();
    // From the month after selection (clock: 2026-11-23) to the completion month (2027-11).
    expect(detail.reports.map((r: { month: string }) => r.month)).toEqual([
      '2026-12',
      '2027-01',
      '2027-02',
      '2027-03',
      '2027-04',
      '2027-05',
      '2027-06',
      '2027-07',
      '2027-08',
      '2027-09',
      '2027-10',
      '2027-11',
    ]);
    const [dec, jan] = detail.reports;
    expect(dec.dueAt).toBe('2026-12-19T16:00:00.000Z');
    expect(dec.canFile).toBe(false);
    // The community does not file; the subdistrict does.
    expect(
      (await tongdu.post(`/api/projects/reports/${dec.id}/file`, { progress: '已完成' })).statusCode,
    ).toBe(403);
    const filed = await sd.post(`/api/projects/reports/${dec.id}/file`, { progress: '驿站改造完成 60%' });
    expect(filed.statusCode, filed.body).toBe(200);
    expect(filed.json()).toMatchObject({ state: 'filed', overdue: false, filedByName: 'sd_admin' });
    expect(
      (await sd.post(`/api/projects/reports/${dec.id}/file`, { progress: '再报' })).json().error.code,
    ).toBe('projects.report_filed');
    const saved = t.clock.now();
    try {
      const ctx = { ...t.deps, requestId: 'test' };
      const where = eq(pjReports.applicationId, id);
      // Reminder to the subdistrict three days before the report day, once; none for a filed report.
      t.clock.set(new Date('2027-01-17T09:00:00+08:00'));
      expect((await sweepWorkflow(reportWorkflow, ctx, { where })).reminder).toBe(1);
      expect((await sweepWorkflow(reportWorkflow, ctx, { where })).reminder).toBe(0);
      const reminded = (
        (await (await t.as('sd_admin')).get('/api/notifications?pageSize=50')).json().items as {
          title: string;
          body: string;
        }[]
      ).filter((n) => n.title === '月度进展报告提醒');
      expect(reminded.map((n) => n.body)).toEqual([
        '铜都社区“邻里驿站建设”2027-01月度进展报告请于2027-01-20前报送。',
      ]);
      t.clock.set(new Date('2027-01-20T08:00:00+08:00'));
      expect((await sweepWorkflow(reportWorkflow, ctx, { where })).overdue).toBe(1);
      expect((await sweepWorkflow(reportWorkflow, ctx, { where })).overdue).toBe(0);
      const sdLater = await t.as('sd_admin');
      const overdue = (await sdLater.get(`/api/projects/reports?view=overdue&callId=${call.id}`)).json();
      expect(overdue.items.map((r: { id: string }) => r.id)).toEqual([jan.id]);
      const late = await sdLater.post(`/api/projects/reports/${jan.id}/file`, { progress: '补报' });
      expect(late.json().state).toBe('filed');
      expect((await auditOf(jan.id)).map((a) => a.action)).toEqual([
        'projects.report.overdue',
        'projects.report.file',
      ]);
      // Escalation: the bureau and the subdistrict are told of the overdue report (once, with the sweep).
      const civilLater = await t.as('pj_civil');
      const told = (
        (await civilLater.get('/api/notifications?pageSize=50')).json().items as {
          title: string;
          body: string;
        }[]
      ).filter((n) => n.title === '月度进展逾期未报' && n.body.includes('2027-01月度进展'));
      expect(told).toHaveLength(1);
      expect(told[0]!.body).toContain('应于2027-01-20前报送');
      const xhyLater = await t.as('xhy_worker');
      expect((await xhyLater.get(`/api/projects/reports?callId=${call.id}`)).json().items).toHaveLength(0);
    } finally {
      t.clock.set(saved);
      await relogin();
    }
  });
});
