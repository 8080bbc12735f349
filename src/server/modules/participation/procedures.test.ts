import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';
import { boardResidents, tongduSchedule } from '../../../../test/participation';
import { auditLog } from '../../platform/audit.table';
import { participationEvidence } from './participation.evidence.repository';

let t: TestApp;
let tongdu: Client;
let xhy: Client;
let resident: Client;
let other: Client;

const DAY = 24 * 3_600_000;
const roster = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `成员${i + 1}`, gender: i % 2 ? 'male' : 'female' }));

/** A closed meeting of `kind` in 铜都 where `present` of `n` signed in and one motion got `yes` votes. */
async function heldMeeting(
  kind: string,
  opts: { n?: number; present?: number; yes?: number; unit?: string } = {},
) {
  const n = opts.n ?? 9;
  let res = await tongdu.post('/api/meetings', {
    orgUnitId: opts.unit ?? t.fx.tongdu.id,
    kind,
    basis: 'members',
    title: `${kind} 会议`,
    heldAt: new Date(t.clock.now().getTime() + DAY).toISOString(),
    members: roster(n),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id;
  await tongdu.post(`/api/meetings/${id}/open`);
  await tongdu.post(`/api/meetings/${id}/attendance`, {
    memberNames: roster(opts.present ?? n).map((m) => m.name),
  });
  res = await tongdu.post(`/api/meetings/${id}/motions`, { title: '同意实施', ballot: 'open' });
  const motionId = res.json().motions[0].id;
  if ((opts.present ?? n) * 3 >= n * 2 || kind === 'hearing')
    await tongdu.post(`/api/meetings/${id}/motions/${motionId}/vote`, {
      yes: opts.yes ?? n,
      no: 0,
      abstain: 0,
    });
  await tongdu.post(`/api/meetings/${id}/close`, {});
  return { meetingId: id as string, motionId: motionId as string };
}

async function posted(title: string, kind = 'decision', unit = t.fx.tongdu.id, by = tongdu) {
  const res = await by.post('/api/disclosures', {
    orgUnitId: unit,
    kind,
    title,
    body: `${title}的具体内容`,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id as string;
}

async function start(template = 'four_two') {
  const res = await tongdu.post('/api/deliberations/procedures', {
    orgUnitId: t.fx.tongdu.id,
    template,
    title: '社区闲置用房改建老年食堂',
    matter: '将社区闲置用房改建为老年食堂，预算 30 万元',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const step = (id: string, body: Record<string, unknown>) =>
  tongdu.post(`/api/deliberations/procedures/${id}/steps`, body);

beforeAll(async () => {
  t = await createTestApp();
  ({ jumin1: resident, jumin2: other } = await boardResidents(t));
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
});

afterAll(() => t.close());

describe('procedures for major matters', () => {
  it('R-DL-4 / R-LAW-MT-4: 四议两公开 runs in order, each step linked to its meeting or disclosure, and ends done', async () => {
    const p = await start();
    expect(p.templateName).toBe('四议两公开');
    expect(p.steps.map((s: { key: string }) => s.key)).toEqual([
      'propose',
      'discuss',
      'review',
      'decide',
      'resolution_disclosed',
      'result_disclosed',
    ]);
    let res = await step(p.id, { step: 'propose', note: '社区党委会议研究提出' });
    expect(res.statusCode, res.body).toBe(200);
    const discuss = await heldMeeting('two_committees');
    res = await step(p.id, { step: 'discuss', ...discuss });
    expect(res.statusCode, res.body).toBe(200);
    const review = await heldMeeting('party_members', { n: 10, present: 8, yes: 6 });
    res = await step(p.id, { step: 'review', ...review });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().steps[2].motionWords).toBe('赞成 6 / 应到 10，过半数，通过');
    const decide = await heldMeeting('resident_reps', { n: 21, present: 15, yes: 12 });
    res = await step(p.id, { step: 'decide', ...decide });
    expect(res.statusCode, res.body).toBe(200);
    res = await step(p.id, {
      step: 'resolution_disclosed',
      disclosureId: await posted('老年食堂改建决议公开'),
    });
    expect(res.statusCode, res.body).toBe(200);
    res = await step(p.id, {
      step: 'result_disclosed',
      disclosureId: await posted('老年食堂改建实施结果公开'),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'done', nextStep: null, canAct: false });
    expect(res.json().steps.every((s: { done: boolean }) => s.done)).toBe(true);
    expect(res.json().steps[4].disclosureTitle).toBe('老年食堂改建决议公开');
  });

  it('R-DL-4: a step cannot be skipped', async () => {
    const p = await start();
    const decide = await heldMeeting('resident_reps', { n: 9 });
    const res = await step(p.id, { step: 'decide', ...decide });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('participation.step_order');
    expect(res.json().error.message).toContain('党组织提议');
  });

  it('R-LAW-MT-4: a meeting step needs a closed, quorate meeting of the right kind with a passed motion', async () => {
    const p = await start();
    await step(p.id, { step: 'propose', note: '党支部提议' });
    // Wrong kind.
    const wrongKind = await heldMeeting('party_members');
    let res = await step(p.id, { step: 'discuss', ...wrongKind });
    expect(res.statusCode).toBe(422);
    // Not quorate (4 of 9).
    const failed = await heldMeeting('two_committees', { present: 4 });
    res = await step(p.id, { step: 'discuss', ...failed });
    expect(res.statusCode).toBe(422);
    // Motion not passed (2 of 9 yes).
    const rejected = await heldMeeting('two_committees', { yes: 2 });
    res = await step(p.id, { step: 'discuss', ...rejected });
    expect(res.statusCode).toBe(422);
    // A meeting of a unit under the matter's unit serves it.
    const elsewhere = await heldMeeting('two_committees', { unit: t.fx.tongduGrid.id });
    res = await step(p.id, { step: 'discuss', ...elsewhere });
    expect(res.statusCode, res.body).toBe(200);
  });

  it('R-DL-4: 五议两公开 (seed 004) adds the democratic hearing before the decision; residents’ committees use it too', async () => {
    const p = await start('five_two');
    expect(p.steps.map((s: { key: string }) => s.key)).toContain('hear');
    expect(p.steps.findIndex((s: { key: string }) => s.key === 'hear')).toBe(3);
    await step(p.id, { step: 'propose', note: '提议' });
    await step(p.id, { step: 'discuss', ...(await heldMeeting('two_committees')) });
    await step(p.id, { step: 'review', ...(await heldMeeting('party_members')) });
    const res = await step(p.id, { step: 'decide', ...(await heldMeeting('resident_reps')) });
    expect(res.statusCode).toBe(409);
    const ok = await step(p.id, { step: 'hear', ...(await heldMeeting('hearing', { n: 5 })) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().nextStep).toBe('decide');
  });

  it('R-DL-4: a disclosure step needs a posted decision item, used once', async () => {
    const p = await start();
    await step(p.id, { step: 'propose', note: '提议' });
    await step(p.id, { step: 'discuss', ...(await heldMeeting('two_committees')) });
    await step(p.id, { step: 'review', ...(await heldMeeting('party_members')) });
    await step(p.id, { step: 'decide', ...(await heldMeeting('resident_reps')) });
    let res = await step(p.id, {
      step: 'resolution_disclosed',
      disclosureId: await posted('财务', 'finance'),
    });
    expect(res.statusCode).toBe(422);
    const d = await posted('决议');
    res = await step(p.id, { step: 'resolution_disclosed', disclosureId: d });
    expect(res.statusCode).toBe(200);
    res = await step(p.id, { step: 'result_disclosed', disclosureId: d });
    expect(res.statusCode).toBe(422);
  });

  it('seed 002 (S002-05): a matter carries its “三重一大” class, set when its procedure starts; the list filters by class or by none; the evidence names it', async () => {
    const classed = await tongdu.post('/api/deliberations/procedures', {
      orgUnitId: t.fx.tongdu.id,
      template: 'four_two',
      title: '社区服务站建设资金使用',
      matter: '使用集体收益 60 万元建设社区服务站',
      matterClass: 'large_fund',
    });
    expect(classed.statusCode, classed.body).toBe(201);
    expect(classed.json().matterClass).toBe('large_fund');
    const plain = await start();
    expect(plain.matterClass).toBeNull();
    const bad = await tongdu.post('/api/deliberations/procedures', {
      orgUnitId: t.fx.tongdu.id,
      template: 'four_two',
      title: 'x',
      matter: 'x',
      matterClass: 'other',
    });
    expect(bad.statusCode).toBe(400);

    const ids = async (q: string) =>
      (await tongdu.get(`/api/deliberations/procedures?pageSize=100&${q}`))
        .json()
        .items.map((p: { id: string }) => p.id);
    const large = await ids('matterClass=large_fund');
    expect(large).toContain(classed.json().id);
    expect(large).not.toContain(plain.id);
    const none = await ids('matterClass=none');
    expect(none).toContain(plain.id);
    expect(none).not.toContain(classed.json().id);
    expect(await ids('matterClass=personnel')).not.toContain(classed.json().id);
    expect((await tongdu.get('/api/deliberations/procedures?matterClass=other')).statusCode).toBe(400);
    // another community does not see it under any class
    expect(
      (await xhy.get('/api/deliberations/procedures?pageSize=100&matterClass=large_fund'))
        .json()
        .items.map((p: { id: string }) => p.id),
    ).not.toContain(classed.json().id);

    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, classed.json().id));
    expect(audit[0]).toMatchObject({
      action: 'participation.procedure.create',
      after: { matterClass: 'large_fund' },
    });
    const now = t.clock.now();
    const [record] = await participationEvidence
      .find((s) => s.key === 'participation.procedures')!
      .find(
        t.database.db,
        {
          orgPath: t.fx.tongdu.path,
          from: new Date(now.getTime() - DAY),
          to: new Date(now.getTime() + DAY),
          locale: 'zh-CN',
          ref: classed.json().id,
        },
        10,
      );
    expect(record!.detail).toBe('四议两公开（大额资金使用），进行到第1步（共6步）');
  });

  it('another community cannot see or act on the procedure', async () => {
    const p = await start();
    expect((await xhy.get(`/api/deliberations/procedures/${p.id}`)).statusCode).toBe(404);
    expect(
      (await xhy.post(`/api/deliberations/procedures/${p.id}/steps`, { step: 'propose', note: 'x' }))
        .statusCode,
    ).toBe(404);
  });
});

describe('disclosure (居务公开)', () => {
  it('R-DC-1: residents read their community’s postings (finances, project funds, decisions, governance) on the board; other communities’ are not theirs', async () => {
    const id = await posted('2026年11月财务收支公开', 'finance');
    await posted('共建项目资金使用明细', 'project_funds');
    await posted('西花苑财务公开', 'finance', t.fx.xihuayuan.id, xhy);
    const res = await resident.get('/api/disclosures/board?pageSize=100');
    expect(res.statusCode).toBe(200);
    const titles = res.json().items.map((d: { title: string }) => d.title);
    expect(titles).toContain('2026年11月财务收支公开');
    expect(titles).toContain('共建项目资金使用明细');
    expect(titles).not.toContain('西花苑财务公开');
    expect((await other.get(`/api/disclosures/board/${id}`)).statusCode).toBe(404);
    expect((await resident.get('/api/disclosures')).statusCode).toBe(403);
  });

  it('R-LAW-DC-1: a posting stays up at least 5 days', async () => {
    const id = await posted('第三季度党务公开', 'governance');
    let res = await tongdu.post(`/api/disclosures/${id}/take-down`);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('participation.posting_min');
    t.clock.advance(5 * DAY);
    tongdu = await t.as('tongdu_worker');
    res = await tongdu.post(`/api/disclosures/${id}/take-down`);
    expect(res.statusCode).toBe(200);
    resident = await t.as('jumin1');
    expect((await resident.get(`/api/disclosures/board/${id}`)).statusCode).toBe(404);
  });

  it('R-LAW-DC-1: an objection is raised within 5 days of posting and answered within 5 days; late answers stay flagged', async () => {
    const id = await posted('小区公共收益公开', 'finance');
    let res = await resident.post(`/api/disclosures/board/${id}/objections`, {
      text: '停车费收入与实际不符',
    });
    expect(res.statusCode, res.body).toBe(200);
    const o = res.json().objections[0];
    expect(o).toMatchObject({ mine: true, answer: null, overdue: false });
    expect(new Date(o.answerDueAt).getTime() - new Date(o.raisedAt).getTime()).toBe(5 * DAY);
    t.clock.advance(6 * DAY);
    tongdu = await t.as('tongdu_worker');
    resident = await t.as('jumin1');
    res = await resident.post(`/api/disclosures/board/${id}/objections`, { text: '再提一次' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('participation.objection_window');
    const late = await tongdu.get('/api/disclosures/overdue');
    expect(late.json().unanswered.map((u: { disclosureId: string }) => u.disclosureId)).toContain(id);
    res = await tongdu.post(`/api/disclosures/${id}/objections/${o.id}/answer`, {
      answer: '经核对，差额为月底未入账款项，已补登',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().objections[0]).toMatchObject({ overdue: true });
    expect(res.json().objections[0].answer).toContain('已补登');
    const after = await tongdu.get('/api/disclosures/overdue');
    expect(after.json().unanswered.map((u: { disclosureId: string }) => u.disclosureId)).not.toContain(id);
    // The resident sees the answer on the board.
    const board = await resident.get(`/api/disclosures/board/${id}`);
    expect(board.json().objections[0].answer).toContain('已补登');
  });

  it('R-LAW-DC-1: finances monthly on a schedule; a past-due month without a posting is on the overdue list until posted', async () => {
    await tongduSchedule(t, tongdu, 'finance', 'monthly');
    await tongduSchedule(t, tongdu, 'governance', 'quarterly');
    // A new schedule does not make past periods late: nothing yet.
    let res = await tongdu.get('/api/disclosures/overdue');
    expect(res.json().missing).toEqual([]);
    t.clock.advance(130 * DAY);
    tongdu = await t.as('tongdu_worker');
    res = await tongdu.get('/api/disclosures/overdue');
    const missing = res.json().missing.filter((m: { kind: string }) => m.kind === 'finance');
    expect(missing.length).toBeGreaterThan(0);
    const first = missing[0];
    expect(first.period).toMatch(/^\d{4}-\d{2}$/);
    await tongdu.post('/api/disclosures', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'finance',
      title: `${first.period} 财务收支`,
      body: '收入、支出明细',
      period: first.period,
    });
    res = await tongdu.get('/api/disclosures/overdue');
    expect(
      res.json().missing.map((m: { period: string; kind: string }) => `${m.kind}${m.period}`),
    ).not.toContain(`finance${first.period}`);
    expect(
      res
        .json()
        .missing.some(
          (m: { kind: string; period: string }) => m.kind === 'governance' && /Q\d$/.test(m.period),
        ),
    ).toBe(true);
    // The other community's staff see none of it.
    xhy = await t.as('xhy_worker');
    const theirs = await xhy.get('/api/disclosures/overdue');
    expect(theirs.json().missing).toEqual([]);
  });
});
