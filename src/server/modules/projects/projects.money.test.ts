import { eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser } from '../../../../test/app';
import { attachMinutes } from '../../../../test/projects';
import { SEED_000_CRITERIA, SEED_000_DOCUMENTS, SEED_000_TYPES } from '../../../shared/contracts/projects';
import { multipart } from '../../../../test/multipart';
import { auditLog } from '../../platform/audit.table';

let t: TestApp;
let civil: Client;
let sd: Client;
let tongdu: Client;
let xhy: Client;
let jumin: Client;
let xhyResident: Client;
let projectId: string;
let otherId: string;

const content = {
  type: 'mutual_aid',
  title: '邻里驿站建设',
  summary: '依托党群服务中心建设邻里驿站',
  targets: ['建成邻里驿站 1 个'],
  consultationKind: 'meeting',
  consultationDate: '2026-11-20',
  consultationNote: '居民代表会议 32 人参加，同意申报',
  budgetLines: [
    { item: '驿站改造', amountFen: 8_000_000 },
    { item: '活动经费', amountFen: 2_000_000 },
  ],
  funding: [
    { source: 'city', amountFen: 7_000_000 },
    { source: 'subdistrict', amountFen: 3_000_000 },
  ],
};

const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/projects/applications/${id}/actions`, body);

async function submitted(callId: string, unitId: string, who: Client) {
  const res = await who.post('/api/projects/applications', { callId, orgUnitId: unitId, ...content });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  await attachMinutes(who, id);
  expect((await act(who, id, { action: 'send' })).statusCode).toBe(200);
  expect((await act(sd, id, { action: 'approve', sealNo: '2026-001' })).statusCode).toBe(200);
  expect((await act(sd, id, { action: 'submit' })).statusCode).toBe(200);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'pjm_civil', [{ role: 'civil_affairs', orgUnitId: t.fx.district.id }]);
  await createUser(t, 'pjm_jumin', [{ role: 'resident', orgUnitId: t.fx.tongduGrid.id }]);
  await createUser(t, 'pjm_xhy_res', [{ role: 'resident', orgUnitId: t.fx.xihuayuan.id }]);
  civil = await t.as('pjm_civil');
  sd = await t.as('sd_admin');
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  jumin = await t.as('pjm_jumin');
  xhyResident = await t.as('pjm_xhy_res');
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
  projectId = await submitted(callId, t.fx.tongdu.id, tongdu);
  otherId = await submitted(callId, t.fx.xihuayuan.id, xhy);
  expect((await act(civil, projectId, { action: 'select', level: 'city' })).statusCode).toBe(200);
});
afterAll(() => t?.close());

const money = (path = '') => `/api/projects/applications/${projectId}/money${path}`;

describe('R-PJ-5: a selected project’s money', () => {
  it('R-PJ-5: money only for selected projects; out of scope is not found', async () => {
    const res = await xhy.post(`/api/projects/applications/${otherId}/money/disbursements`, {
      source: 'city',
      receivedOn: '2027-01-10',
      amountFen: 100,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('只有已入选的试点项目才能登记资金');
    // Another community's worker does not see this project's money at all.
    expect((await xhy.get(money())).statusCode).toBe(404);
    expect(
      (
        await xhy.post(money('/spends'), {
          line: '驿站改造',
          spentOn: '2027-01-12',
          amountFen: 1,
          receiptRef: 'X',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('R-PJ-5: tranches by source and spends against budget lines in integer fen; budget vs disbursed vs spent', async () => {
    const d = await tongdu.post(money('/disbursements'), {
      source: 'city',
      receivedOn: '2027-01-10',
      amountFen: 3_500_000,
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(
      (
        await sd.post(money('/disbursements'), {
          source: 'subdistrict',
          receivedOn: '2027-01-15',
          amountFen: 1_000_000,
        })
      ).statusCode,
    ).toBe(200);
    // Not an integer fen: refused by validation, never stored as a float.
    expect(
      (
        await tongdu.post(money('/disbursements'), {
          source: 'city',
          receivedOn: '2027-01-10',
          amountFen: 10.5,
        })
      ).statusCode,
    ).toBe(400);
    const unknownLine = await tongdu.post(money('/spends'), {
      line: '买车',
      spentOn: '2027-01-20',
      amountFen: 100,
      receiptRef: 'FP-001',
    });
    expect(unknownLine.statusCode).toBe(422);
    const s = await tongdu.post(money('/spends'), {
      line: '驿站改造',
      spentOn: '2027-01-20',
      amountFen: 4_000_000,
      receiptRef: 'FP-2027-001',
    });
    expect(s.statusCode, s.body).toBe(200);
    const m = (await civil.get(money())).json();
    expect(m).toMatchObject({ budgetFen: 10_000_000, disbursedFen: 4_500_000, spentFen: 4_000_000 });
    expect(m.lines).toEqual([
      { item: '驿站改造', budgetFen: 8_000_000, spentFen: 4_000_000 },
      { item: '活动经费', budgetFen: 2_000_000, spentFen: 0 },
    ]);
    expect(m.sources).toEqual([
      { source: 'city', plannedFen: 7_000_000, disbursedFen: 3_500_000 },
      { source: 'subdistrict', plannedFen: 3_000_000, disbursedFen: 1_000_000 },
    ]);
    expect(m.canRecord).toBe(false);
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(
        inArray(auditLog.entityId, [...m.disbursements.map((x: { id: string }) => x.id), m.spends[0].id]),
      );
    expect(audits.map((a) => a.action).sort()).toEqual([
      'projects.money.disburse',
      'projects.money.disburse',
      'projects.money.spend',
    ]);
  });

  it('R-PJ-5: a spend taking total spent past total disbursed is refused (409) unless an overrun approval is recorded', async () => {
    const over = { line: '活动经费', spentOn: '2027-02-01', amountFen: 600_000, receiptRef: 'FP-2027-002' };
    const refused = await tongdu.post(money('/spends'), over);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      '支出合计（46000.00 元）将超过已到位资金（45000.00 元），须先登记超支审批（审批人及理由）',
    );
    const ok = await tongdu.post(money('/spends'), {
      ...over,
      overrun: { approvedBy: '新下陆街道 王主任', reason: '第二笔补助在途，活动不能延期' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const spend = ok.json().spends.at(-1);
    expect(spend).toMatchObject({ overrunApprovedBy: '新下陆街道 王主任', amountFen: 600_000 });
    const [a] = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, spend.id));
    expect(a!.action).toBe('projects.money.spend_overrun');
    // Within what was received, no approval is needed.
    expect(
      (
        await tongdu.post(money('/disbursements'), {
          source: 'city',
          receivedOn: '2027-02-10',
          amountFen: 3_500_000,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await tongdu.post(money('/spends'), {
          line: '活动经费',
          spentOn: '2027-02-12',
          amountFen: 100_000,
          receiptRef: 'FP-2027-003',
        })
      ).statusCode,
    ).toBe(200);
  });

  it('R-PJ-5: the fund-use statement is published on the community’s 居务公开 board; residents see only what was disclosed, in their community', async () => {
    const before = (await jumin.get('/api/me/projects')).json();
    expect(before.items).toEqual([
      expect.objectContaining({ id: projectId, title: '邻里驿站建设', typeName: '邻里互助型', funds: null }),
    ]);
    expect((await xhyResident.get('/api/me/projects')).json().items).toEqual([]);
    const res = await tongdu.post(money('/disclose'), {});
    expect(res.statusCode, res.body).toBe(200);
    const m = res.json();
    expect(m.disclosures).toHaveLength(1);
    const board = (await jumin.get('/api/disclosures/board?kind=project_funds')).json();
    const post = board.items.find((i: { title: string }) => i.title === '邻里驿站建设资金使用公开');
    expect(post).toBeTruthy();
    const after = (await jumin.get('/api/me/projects')).json().items[0];
    expect(after.funds).toMatchObject({
      budgetFen: 10_000_000,
      disbursedFen: 8_000_000,
      spentFen: 4_700_000,
    });
    // Spends after the statement stay off the resident's view until the next one.
    await tongdu.post(money('/spends'), {
      line: '活动经费',
      spentOn: '2027-03-01',
      amountFen: 100,
      receiptRef: 'FP-2027-004',
    });
    expect((await jumin.get('/api/me/projects')).json().items[0].funds.spentFen).toBe(4_700_000);
    // Staff endpoints stay closed to residents.
    expect((await jumin.get(money())).statusCode).toBe(403);
  });

  it('R-PJ-5: a spend’s receipt photo is uploaded (image only) and read back by staff in scope; audited', async () => {
    const m = (await tongdu.get(money())).json();
    const spend = m.spends[0];
    expect(spend.hasReceipt).toBe(false);
    const url = money(`/spends/${spend.id}/receipt`);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const bad = await tongdu.request({
      method: 'POST',
      url,
      ...multipart({}, { name: 'x.jpg', data: Buffer.from('not an image') }),
    });
    expect(bad.statusCode).toBe(415);
    const ok = await tongdu.request({ method: 'POST', url, ...multipart({}, { name: 'r.png', data: png }) });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().spends[0].hasReceipt).toBe(true);
    const got = await sd.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect((await xhy.get(url)).statusCode).toBe(404);
    expect((await tongdu.get(money(`/spends/${otherId}/receipt`))).statusCode).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, spend.id));
    expect(audits.map((a) => a.action)).toContain('projects.money.receipt');
  });
});
