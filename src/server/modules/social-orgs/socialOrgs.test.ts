import { and, eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser } from '../../../../test/app';
import { signInStaff } from '../../../../test/staff';
import { chinaDate } from '../../../shared/chinaTime';
import { usccCheckChar } from '../../../shared/validation/codes';
import { auditLog } from '../../platform/audit.table';

let t: TestApp;
let sd: Client;
let tongdu: Client;
let xhy: Client;
let n = 0;
const uscc = (first17: string) => first17 + usccCheckChar(first17);
const nextUscc = () => uscc(`52420204MJ${String(1000000 + ++n).slice(1)}`.slice(0, 17).padEnd(17, '0'));

beforeAll(async () => {
  t = await createTestApp();
  ({ sd, tongdu, xhy } = await signInStaff(t));
});
afterAll(() => t.close());

async function org(client: Client, unitId: string, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/social-orgs/orgs', {
    name: `社会组织${++n}`,
    registration: 'filed',
    category: 'public_welfare',
    orgUnitId: unitId,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; publicWelfare: boolean; migrantMembers: boolean; memberCount: number };
}

describe('social-organisation registry', () => {
  it('R-LAW-CD-3: a wrong check character of the unified social credit code is refused in Chinese, a valid one kept', async () => {
    const good = nextUscc();
    const wrong = good.slice(0, 17) + (good.endsWith('0') ? '1' : '0');
    const bad = await tongdu.post('/api/social-orgs/orgs', {
      name: '铜都邻里互助会',
      uscc: wrong,
      registration: 'registered',
      category: 'mutual_aid',
      orgUnitId: t.fx.tongdu.id,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.details.fields[0]).toMatchObject({
      path: 'uscc',
      code: 'people.uscc',
      message: '统一社会信用代码无效',
    });
    const ok = await tongdu.post('/api/social-orgs/orgs', {
      name: '铜都邻里互助会',
      uscc: good.toLowerCase(),
      registration: 'registered',
      category: 'mutual_aid',
      orgUnitId: t.fx.tongdu.id,
    });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({
      uscc: good,
      category: 'mutual_aid',
      publicWelfare: true,
      registration: 'registered',
    });
    // The people registry's paths and shapes still answer for the same organisation.
    const legacy = await tongdu.get(`/api/people/social-orgs/${ok.json().id}`);
    expect(legacy.statusCode).toBe(200);
    expect(legacy.json()).toMatchObject({ name: '铜都邻里互助会', uscc: good, field: '互助' });
    const dup = await tongdu.post('/api/social-orgs/orgs', {
      name: '另一个组织',
      uscc: good,
      registration: 'filed',
      category: 'interest',
      orgUnitId: t.fx.tongdu.id,
    });
    expect(dup.statusCode).toBe(409);
  });

  it('an organisation registered through /api/people/social-orgs appears in the fuller registry (profile by trigger)', async () => {
    const res = await tongdu.post('/api/people/social-orgs', {
      name: '铜都广场舞队',
      registration: 'filed',
      field: '文体',
      orgUnitId: t.fx.tongdu.id,
    });
    expect(res.statusCode).toBe(201);
    const got = await tongdu.get(`/api/social-orgs/orgs/${res.json().id}`);
    expect(got.statusCode).toBe(200);
    expect(got.json()).toMatchObject({ name: '铜都广场舞队', category: 'interest' });
    const list = await tongdu.get('/api/social-orgs/orgs?q=广场舞');
    expect(list.json().total).toBe(1);
  });

  it('an organisation outside the scope answers 404, reading or writing; a bad body answers 400 in Chinese', async () => {
    const o = await org(tongdu, t.fx.tongdu.id);
    expect((await xhy.get(`/api/social-orgs/orgs/${o.id}`)).statusCode).toBe(404);
    expect((await xhy.patch(`/api/social-orgs/orgs/${o.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await xhy.post(`/api/social-orgs/orgs/${o.id}/members`, { name: '张三' })).statusCode).toBe(404);
    const bad = await tongdu.post('/api/social-orgs/orgs', {
      name: '',
      registration: 'x',
      orgUnitId: t.fx.tongdu.id,
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('exports the registry as xlsx', async () => {
    const res = await sd.get('/api/social-orgs/orgs/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
  });
});

describe('R-ORG-6 migrant-worker members per urban village', () => {
  it('R-ORG-6: an urban village with fewer than 2 public-welfare organisations with migrant members is flagged, then cleared', async () => {
    const v = await sd.post('/api/org/units', {
      parentId: t.fx.subdistrict.id,
      kind: 'community',
      name: '城中村测试社区',
      attrs: { urbanVillage: true },
    });
    expect(v.statusCode, v.body).toBe(201);
    const vid = v.json().id as string;
    const row = async () =>
      (
        (await sd.get('/api/social-orgs/urban-villages')).json().items as {
          communityId: string;
          migrantWelfareOrgs: number;
          flagged: boolean;
        }[]
      ).find((r) => r.communityId === vid);
    expect(await row()).toMatchObject({ migrantWelfareOrgs: 0, flagged: true });
    // Migrant members in an interest group do not count; in two welfare organisations they do.
    const interest = await org(sd, vid, { category: 'interest' });
    await sd.post(`/api/social-orgs/orgs/${interest.id}/members`, { name: '李四', migrant: true });
    const a = await org(sd, vid);
    const b = await org(sd, vid, { category: 'service' });
    const m = await sd.post(`/api/social-orgs/orgs/${a.id}/members`, {
      name: '王五',
      migrant: true,
      role: '志愿者',
    });
    expect(m.statusCode).toBe(201);
    expect(await row()).toMatchObject({ migrantWelfareOrgs: 1, flagged: true });
    await sd.post(`/api/social-orgs/orgs/${b.id}/members`, { name: '赵六', migrant: false });
    expect(await row()).toMatchObject({ migrantWelfareOrgs: 1, flagged: true });
    await sd.post(`/api/social-orgs/orgs/${b.id}/members`, { name: '钱七', migrant: true });
    expect(await row()).toMatchObject({ migrantWelfareOrgs: 2, flagged: false });
    const got = (await sd.get(`/api/social-orgs/orgs/${b.id}`)).json();
    expect(got).toMatchObject({ memberCount: 2, migrantCount: 1, migrantMembers: true });
    // The existing report reads the same registry flag.
    const members = (await sd.get(`/api/social-orgs/orgs/${b.id}/members`)).json();
    const del = await sd.request({
      method: 'DELETE',
      url: `/api/social-orgs/orgs/${b.id}/members/${members.items[1].id}`,
    });
    expect(del.statusCode).toBe(204);
    expect(await row()).toMatchObject({ migrantWelfareOrgs: 1, flagged: true });
  });

  it('R-ORG-6: a community marked as an urban village from the console form (the value sent as text) is listed; unmarked, it is not', async () => {
    const v = await sd.post('/api/org/units', {
      parentId: t.fx.subdistrict.id,
      kind: 'community',
      name: '表单标注城中村',
      attrs: { urbanVillage: 'true' },
    });
    expect(v.statusCode, v.body).toBe(201);
    const listed = async () =>
      ((await sd.get('/api/social-orgs/urban-villages')).json().items as { communityId: string }[]).some(
        (r) => r.communityId === v.json().id,
      );
    expect(await listed()).toBe(true);
    await sd.patch(`/api/org/units/${v.json().id}`, { attrs: { urbanVillage: 'false' } });
    expect(await listed()).toBe(false);
  });
});

describe('incubation, stations, 公益创投, funds, contracts, links', () => {
  it('incubation records move the organisation through the three tiers', async () => {
    const o = await org(tongdu, t.fx.tongdu.id);
    const r = await tongdu.post('/api/social-orgs/incubations', {
      orgId: o.id,
      tier: 'community_studio',
      baseName: '铜都社区社会组织工作室',
      mentor: '陈老师',
      startedOn: '2026-03-01',
    });
    expect(r.statusCode, r.body).toBe(201);
    const bad = await tongdu.patch(`/api/social-orgs/incubations/${r.json().id}`, { endedOn: '2026-01-01' });
    expect(bad.statusCode).toBe(422);
    const done = await tongdu.patch(`/api/social-orgs/incubations/${r.json().id}`, {
      stage: 'graduated',
      endedOn: '2026-09-01',
      outcome: '出壳，备案登记',
    });
    expect(done.statusCode).toBe(200);
    expect((await tongdu.get(`/api/social-orgs/orgs/${o.id}`)).json()).toMatchObject({
      incubationTier: 'community_studio',
      incubationStage: 'graduated',
    });
    expect((await xhy.get(`/api/social-orgs/incubations?orgId=${o.id}`)).statusCode).toBe(404);
  });

  it('a 社工站 counts its qualified social workers', async () => {
    const st = await sd.post('/api/social-orgs/stations', {
      orgUnitId: t.fx.subdistrict.id,
      name: '新下陆街道社工站',
    });
    expect(st.statusCode, st.body).toBe(201);
    expect(st.json().kind).toBe('station');
    expect(
      (await sd.post('/api/social-orgs/stations', { orgUnitId: t.fx.subdistrict.id, name: '重复' }))
        .statusCode,
    ).toBe(409);
    const w1 = await sd.post('/api/people/workers', {
      name: '社工甲',
      orgUnitId: t.fx.tongdu.id,
      kind: 'social_worker',
      qualifications: ['social_worker'],
    });
    const w2 = await sd.post('/api/people/workers', {
      name: '社工乙',
      orgUnitId: t.fx.tongdu.id,
      kind: 'social_worker',
    });
    expect(w1.statusCode, w1.body).toBe(201);
    await sd.post(`/api/social-orgs/stations/${st.json().id}/workers`, { workerId: w1.json().id });
    const after = await sd.post(`/api/social-orgs/stations/${st.json().id}/workers`, {
      workerId: w2.json().id,
    });
    expect(after.json()).toMatchObject({ workerCount: 2, qualifiedCount: 1 });
  });

  it('公益创投: proposals are scored, granted within request and budget, reported and closed (workflow)', async () => {
    const today = chinaDate(t.clock.now());
    const round = await sd.post('/api/social-orgs/rounds', {
      orgUnitId: t.fx.subdistrict.id,
      title: '2026年新下陆街道公益创投',
      year: 2026,
      budgetFen: 5_000_000,
      opensOn: '2020-01-01',
      closesOn: '2099-12-31',
    });
    expect(round.statusCode, round.body).toBe(201);
    expect(
      (
        await tongdu.post('/api/social-orgs/rounds', {
          orgUnitId: t.fx.subdistrict.id,
          title: 'x',
          year: 2026,
          budgetFen: 100,
          opensOn: '2026-01-01',
          closesOn: '2026-12-31',
        })
      ).statusCode,
    ).toBe(403);
    const o = await org(tongdu, t.fx.tongdu.id);
    const p = await tongdu.post('/api/social-orgs/proposals', {
      roundId: round.json().id,
      orgId: o.id,
      title: '铜都长者助餐',
      summary: '为独居老人送餐',
      requestedFen: 3_000_000,
    });
    expect(p.statusCode, p.body).toBe(201);
    const id = p.json().id as string;
    expect(
      (await sd.get('/api/social-orgs/proposals?toReview=true'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).toContain(id);
    let v = 1;
    const act = (c: Client, body: Record<string, unknown>) =>
      c.post(`/api/social-orgs/proposals/${id}/actions`, { version: v, ...body });
    expect((await act(sd, { action: 'approve' })).json().error.code).toBe('social_orgs.score_first');
    expect((await tongdu.post(`/api/social-orgs/proposals/${id}/score`, { score: 90 })).statusCode).toBe(403);
    const s = await sd.post(`/api/social-orgs/proposals/${id}/score`, { score: 88, comment: '需求明确' });
    expect(s.json()).toMatchObject({ scoreCount: 1, averageScore: 88, myScore: 88 });
    expect(
      (await sd.get('/api/social-orgs/proposals?toReview=true'))
        .json()
        .items.map((x: { id: string }) => x.id),
    ).not.toContain(id);
    expect((await act(sd, { action: 'approve', grantFen: 3_000_001 })).json().error.code).toBe(
      'social_orgs.grant_over_request',
    );
    expect((await act(tongdu, { action: 'approve' })).statusCode).toBe(403);
    const g = await act(sd, { action: 'approve', grantFen: 2_500_000 });
    expect(g.statusCode, g.body).toBe(200);
    expect(g.json()).toMatchObject({ state: 'granted', grantFen: 2_500_000, actions: ['report'] });
    v = g.json().version;
    expect((await act(tongdu, { action: 'report' })).statusCode).toBe(422);
    const r = await act(tongdu, { action: 'report', reportText: '服务120人次' });
    expect(r.json().state).toBe('reported');
    v = r.json().version;
    const c = await act(sd, { action: 'close' });
    expect(c.json().state).toBe('closed');
    expect(c.json().events.map((e: { action: string }) => e.action)).toEqual(['approve', 'report', 'close']);
    expect((await sd.get(`/api/social-orgs/rounds/${round.json().id}`)).json()).toMatchObject({
      grantedFen: 2_500_000,
      proposalCount: 1,
    });
    // Another community's staff never see the proposal.
    expect((await xhy.get(`/api/social-orgs/proposals/${id}`)).statusCode).toBe(404);
    expect(today).toMatch(/^\d{4}-/);
  });

  it('a community fund posts donations and disbursements on the ledger, never below zero, disclosed to residents', async () => {
    const f = await tongdu.post('/api/social-orgs/funds', {
      orgUnitId: t.fx.tongdu.id,
      name: '铜都社区基金',
      purpose: '邻里互助',
    });
    expect(f.statusCode, f.body).toBe(201);
    const fid = f.json().id as string;
    const flow = (body: Record<string, unknown>) =>
      tongdu.post(`/api/social-orgs/funds/${fid}/flows`, { occurredOn: '2026-01-05', ...body });
    expect((await flow({ kind: 'donation', amountFen: 1_000_000, party: '黄石某公司' })).statusCode).toBe(
      201,
    );
    expect(
      (await flow({ kind: 'donation', amountFen: 50_000, party: '张先生', anonymous: true })).statusCode,
    ).toBe(201);
    const out = await flow({
      kind: 'disbursement',
      amountFen: 300_000,
      party: '困难家庭慰问',
      purpose: '春节慰问',
    });
    expect(out.statusCode).toBe(201);
    expect(out.json().balanceAfterFen).toBe(750_000);
    const over = await flow({ kind: 'disbursement', amountFen: 9_000_000, party: 'x' });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.message).toMatch(/[\u4e00-\u9fa5]/);
    const funds = (await tongdu.get('/api/social-orgs/funds')).json().items;
    expect(funds.find((x: { id: string }) => x.id === fid)).toMatchObject({
      balanceFen: 750_000,
      donatedFen: 1_050_000,
      disbursedFen: 300_000,
    });
    expect((await xhy.get(`/api/social-orgs/funds/${fid}/flows`)).statusCode).toBe(404);
    const admin = await t.as('admin');
    const verify = await admin.post('/api/ledger/verify');
    expect(verify.json().ok).toBe(true);
    // The disclosed flows are the fund's record: the ledger page cannot reverse one behind their back.
    const account = (await admin.get(`/api/ledger/accounts?q=${encodeURIComponent('铜都社区基金')}`))
      .json()
      .items.find((a: { ownerKind: string }) => a.ownerKind === 'community_fund');
    const lines = (await admin.get(`/api/ledger/accounts/${account.id}/statement`)).json().items;
    expect(lines.map((l: { kind: string; reversible: boolean }) => [l.kind, l.reversible])).toContainEqual([
      'fund_donation',
      false,
    ]);
    const reversal = await admin.post(`/api/ledger/transactions/${lines[0].transactionId}/reverse`, {
      reason: '录错了',
      idempotencyKey: 'so-fund-reverse-1',
    });
    expect(reversal.statusCode).toBe(409);
    expect(reversal.json().error.code).toBe('ledger.reverse_elsewhere');
    expect(
      (await tongdu.get('/api/social-orgs/funds')).json().items.find((x: { id: string }) => x.id === fid),
    ).toMatchObject({ balanceFen: 750_000 });
    await createUser(t, 'so_jumin', [{ role: 'resident', orgUnitId: t.fx.tongduBuilding.id }]);
    await createUser(t, 'so_jumin2', [{ role: 'resident', orgUnitId: t.fx.xihuayuanBuilding.id }]);
    const board = (await (await t.as('so_jumin')).get('/api/social-orgs/fund-board')).json().items;
    expect(board).toHaveLength(1);
    expect(board[0].flows.map((x: { party: string }) => x.party)).toContain('爱心人士（匿名）');
    expect(board[0].flows.map((x: { party: string }) => x.party)).not.toContain('张先生');
    expect((await (await t.as('so_jumin2')).get('/api/social-orgs/fund-board')).json().items).toHaveLength(0);
  });

  it('a purchased-service contract tracks deliverables and payments; a 五社联动 link names the parties', async () => {
    const o = await org(tongdu, t.fx.tongdu.id, { category: 'social_work_agency' });
    const c = await sd.post('/api/social-orgs/contracts', {
      orgUnitId: t.fx.subdistrict.id,
      title: '2026年社区社工服务项目',
      buyer: '新下陆街道办事处',
      providerOrgId: o.id,
      amountFen: 20_000_000,
      startOn: '2026-01-01',
      endOn: '2026-12-31',
    });
    expect(c.statusCode, c.body).toBe(201);
    const cid = c.json().id;
    await sd.post(`/api/social-orgs/contracts/${cid}/items`, {
      kind: 'deliverable',
      title: '季度服务报告',
      dueOn: '2026-03-31',
    });
    const pay = await sd.post(`/api/social-orgs/contracts/${cid}/items`, {
      kind: 'payment',
      title: '首期款',
      amountFen: 8_000_000,
      doneOn: '2026-01-15',
    });
    expect(pay.json()).toMatchObject({ paidFen: 8_000_000, deliverablesTotal: 1, deliverablesDone: 0 });
    expect(
      (
        await sd.post(`/api/social-orgs/contracts/${cid}/items`, {
          kind: 'payment',
          title: '超额',
          amountFen: 12_000_001,
        })
      ).statusCode,
    ).toBe(422);
    const l = await tongdu.post('/api/social-orgs/links', {
      orgUnitId: t.fx.tongdu.id,
      subjectKind: 'case',
      subject: '独居老人刘某照护',
      socialOrgId: o.id,
      volunteer: '铜都志愿服务队',
      charityResource: '区慈善会助老基金',
    });
    expect(l.statusCode, l.body).toBe(201);
    expect(l.json().parties).toBe(4);
    expect(
      (
        await tongdu.post('/api/social-orgs/links', {
          orgUnitId: t.fx.tongdu.id,
          subjectKind: 'case',
          subject: '空',
        })
      ).statusCode,
    ).toBe(422);
  });
});

describe('seed 002: funding modes and the special groups contracts serve', () => {
  /** A contract at 西花苑 made by its worker: 购买服务 unless `body` says otherwise. */
  /** A contract body for 西花苑 with `provider`, as the form posts it, changed by `body`. */
  const contractBody = (provider: string, body: Record<string, unknown> = {}) => ({
    orgUnitId: t.fx.xihuayuan.id,
    title: `西花苑服务项目${++n}`,
    buyer: '新下陆街道办事处',
    providerOrgId: provider,
    amountFen: 1_000_000,
    startOn: '2026-01-01',
    endOn: '2026-12-31',
    ...body,
  });
  const postContract = (provider: string, body: Record<string, unknown> = {}) =>
    xhy.post('/api/social-orgs/contracts', contractBody(provider, body));

  async function contract(provider: string, body: Record<string, unknown> = {}) {
    const res = await postContract(provider, body);
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as {
      id: string;
      fundingMode: string;
      targetGroups: string[];
      beneficiaries: number | null;
    };
  }

  it('seed 002 (S002-14): a contract is 购买服务 by default, or 项目委托 or 以奖代补; the list filters by mode and the export names it', async () => {
    const o = await org(xhy, t.fx.xihuayuan.id);
    const plain = await contract(o.id);
    expect(plain).toMatchObject({ fundingMode: 'purchase', targetGroups: [], beneficiaries: null });
    const entrusted = await contract(o.id, {
      title: '西花苑留守儿童托管项目委托',
      fundingMode: 'entrustment',
      targetGroups: ['left_behind'],
      beneficiaries: 40,
    });
    const award = await contract(o.id, { title: '西花苑邻里互助以奖代补', fundingMode: 'award_subsidy' });
    const bad = await postContract(o.id, { fundingMode: 'venture' });
    expect(bad.statusCode).toBe(400);

    const ids = async (q: string) =>
      (await xhy.get(`/api/social-orgs/contracts?pageSize=100&${q}`))
        .json()
        .items.map((c: { id: string }) => c.id);
    const entrustments = await ids('fundingMode=entrustment');
    expect(entrustments).toContain(entrusted.id);
    expect(entrustments).not.toContain(plain.id);
    expect(await ids('fundingMode=award_subsidy')).toEqual([award.id]);
    expect((await xhy.get('/api/social-orgs/contracts?fundingMode=venture')).statusCode).toBe(400);

    const x = await xhy.get('/api/social-orgs/contracts/export.xlsx?fundingMode=entrustment');
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const row = sheet.getRow(2);
    expect(sheet.rowCount).toBe(2);
    expect(row.getCell(headers.indexOf('合同名称')).value).toBe('西花苑留守儿童托管项目委托');
    expect(row.getCell(headers.indexOf('实施方式')).value).toBe('项目委托');
    expect(row.getCell(headers.indexOf('服务对象')).value).toBe('留守');
    expect(row.getCell(headers.indexOf('受益人数')).value).toBe(40);
    // another community's export does not reach 西花苑's contracts
    const foreign = await tongdu.get('/api/social-orgs/contracts/export.xlsx?fundingMode=award_subsidy');
    const fwb = new ExcelJS.Workbook();
    await fwb.xlsx.load(foreign.rawPayload as unknown as ArrayBuffer);
    expect(fwb.worksheets[0]!.rowCount).toBe(1);
  });

  it('seed 002 (S002-34): a contract names the special groups it serves and its beneficiaries; the 购买服务 tab counts contracts and beneficiaries per group, terminated ones left out', async () => {
    const o = await org(xhy, t.fx.xihuayuan.id);
    const cover = async (c: Client, q = '') => {
      const res = await c.get(`/api/social-orgs/contracts/coverage${q}`);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      const by = Object.fromEntries(
        body.groups.map((g: { group: string; contracts: number; active: number; beneficiaries: number }) => [
          g.group,
          [g.contracts, g.active, g.beneficiaries],
        ]),
      );
      return { by, total: body.total, unnamed: body.unnamed };
    };
    const before = await cover(xhy);
    // each group once, in the shared order, whatever order it was sent in
    const a = await contract(o.id, {
      targetGroups: ['empty_nest', 'living_alone', 'empty_nest'],
      beneficiaries: 100,
    });
    expect(a.targetGroups).toEqual(['living_alone', 'empty_nest']);
    const b = await contract(o.id, {
      fundingMode: 'entrustment',
      targetGroups: ['living_alone'],
      beneficiaries: 30,
    });
    const c = await contract(o.id);
    const d = await contract(o.id, { targetGroups: ['disabled'], beneficiaries: 20 });
    await contract(o.id, { targetGroups: [] });
    const bad = await postContract(o.id, { targetGroups: ['elderly'], beneficiaries: -1 });
    expect(bad.statusCode).toBe(400);
    expect(
      (await xhy.post(`/api/social-orgs/contracts/${d.id}/state`, { state: 'terminated' })).statusCode,
    ).toBe(200);
    expect(
      (await xhy.post(`/api/social-orgs/contracts/${b.id}/state`, { state: 'completed' })).statusCode,
    ).toBe(200);

    const after = await cover(xhy);
    const delta = (g: string) => after.by[g].map((v: number, i: number) => v - before.by[g][i]);
    expect(delta('living_alone')).toEqual([2, 1, 130]); // a and b; b completed, so not active
    expect(delta('empty_nest')).toEqual([1, 1, 100]);
    expect(delta('disabled')).toEqual([0, 0, 0]); // d was terminated
    expect(Object.keys(after.by)).toEqual([
      'living_alone',
      'empty_nest',
      'left_behind',
      'disabled',
      'severely_disabled',
      'low_income',
    ]);
    // the total counts a (two groups) once
    expect(after.total.contracts - before.total.contracts).toBe(2);
    expect(after.total.beneficiaries - before.total.beneficiaries).toBe(130);
    expect(after.unnamed - before.unnamed).toBe(2); // c and the one made without groups
    // by funding mode: b is an entrustment
    const entrusted = await cover(xhy, '?fundingMode=entrustment');
    expect(entrusted.by.living_alone).toEqual([1, 0, 30]);
    expect(entrusted.by.empty_nest).toEqual([0, 0, 0]);
    const sdView = await cover(sd, `?orgUnitId=${t.fx.xihuayuan.id}`);
    expect(sdView.by.living_alone).toEqual(after.by.living_alone);
    expect(
      (await tongdu.get(`/api/social-orgs/contracts/coverage?orgUnitId=${t.fx.xihuayuan.id}`)).statusCode,
    ).toBe(404);

    // groups and beneficiaries set later (the count once known), audited; a terminated contract is not changed
    const patched = await xhy.patch(`/api/social-orgs/contracts/${c.id}`, {
      targetGroups: ['severely_disabled'],
      beneficiaries: 12,
    });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ targetGroups: ['severely_disabled'], beneficiaries: 12 });
    expect((await cover(xhy)).by.severely_disabled).toEqual([
      before.by.severely_disabled[0] + 1,
      before.by.severely_disabled[1] + 1,
      before.by.severely_disabled[2] + 12,
    ]);
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, c.id), eq(auditLog.action, 'social_orgs.contract_update')));
    expect(audit).toMatchObject({
      before: { targetGroups: [], beneficiaries: null },
      after: { targetGroups: ['severely_disabled'], beneficiaries: 12 },
    });
    const ended = await xhy.patch(`/api/social-orgs/contracts/${d.id}`, { beneficiaries: 5 });
    expect(ended.statusCode).toBe(409);
    expect(ended.json().error.message).toBe('该合同已终止，不能再修改');
    expect((await tongdu.patch(`/api/social-orgs/contracts/${c.id}`, { beneficiaries: 1 })).statusCode).toBe(
      404,
    );
    const served = (await xhy.get('/api/social-orgs/contracts?pageSize=100&targetGroup=severely_disabled'))
      .json()
      .items.map((x: { id: string }) => x.id);
    expect(served).toContain(c.id);
    expect(served).not.toContain(a.id);
  });
});
