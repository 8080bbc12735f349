import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser } from '../../../../test/app';
import ExcelJS from 'exceljs';
import { buildResident, buildWorkOrder } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import { auditLog } from '../../platform/audit.table';
import { sweepWorkflow } from '../../platform/workflow';
import { dsParties } from './disputes.table';
import { disputeWorkflow } from './disputes.workflow';

let t: TestApp;
let centre: Client; // the subdistrict's governance centre (dispatcher)
let tongdu: Client; // 铜都社区 worker
let xhy: Client; // 西花苑社区 worker
let grid: Client; // 铜都 grid worker
let civil: Client;
let committeeId = '';
let members: { id: string; gender: string }[] = [];
let residentId = '';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

function intake(overrides: Record<string, unknown> = {}) {
  return {
    source: 'police',
    sourceRef: '下陆派出所 王警官',
    title: '楼上漏水引发邻里争吵',
    cause: '楼上卫生间漏水，楼下天花板受损，双方协商未果',
    nature: 'neighbour',
    place: '铜都社区1栋',
    placeUnitId: t.fx.tongduBuilding.id,
    parties: [
      { role: 'applicant', residentId, claims: '要求赔偿维修费用2000元' },
      {
        role: 'respondent',
        name: '李四海',
        phone: '13912345678',
        gender: 'male',
        residenceUnitId: t.fx.xihuayuanBuilding.id,
        claims: '愿意维修，但认为费用过高',
      },
    ],
    ...overrides,
  };
}

async function register(client = centre, overrides: Record<string, unknown> = {}) {
  const res = await client.post('/api/disputes', intake(overrides));
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function act(client: Client, id: string, body: Record<string, unknown>) {
  return client.post(`/api/disputes/${id}/actions`, body);
}

async function divert(id: string, extra: Record<string, unknown> = {}) {
  const res = await act(centre, id, {
    action: 'divert',
    list: 'transfer',
    entryCode: 'ZF-01',
    communityId: t.fx.tongdu.id,
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Logs everyone in (again: sessions expire when the clock moves on by days). */
async function relogin() {
  centre = await t.as('centre');
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  grid = await t.as('grid_worker');
  civil = await t.as('civil');
}

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'centre', [{ role: 'dispatcher', orgUnitId: t.fx.subdistrict.id }]);
  await createUser(t, 'civil', [{ role: 'civil_affairs', orgUnitId: t.fx.district.id }]);
  await relogin();
  const r = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
    name: '张建国',
    phone: '13800001111',
  });
  residentId = r.id;
  const res = await centre.post('/api/disputes/bodies', {
    orgUnitId: t.fx.subdistrict.id,
    kind: 'mediation_committee',
    name: '新下陆街道人民调解委员会',
    members: [
      { name: '周主任', gender: 'male', position: 'chair' },
      { name: '吴委员', gender: 'female', position: 'member' },
      { name: '郑委员', gender: 'male', position: 'member' },
    ],
  });
  expect(res.statusCode, res.body).toBe(200);
  committeeId = res.json().id;
  members = res.json().members;
});

afterAll(() => t.close());

describe('intake from every door (R-DS-1)', () => {
  it('R-DS-1: a police registration holds the parties with roles, the cause, the nature and each party’s claims', async () => {
    const d = await register();
    expect(d.status).toBe('registered');
    expect(d.number).toMatch(/^JF\d{13}$/);
    expect(d.source).toBe('police');
    expect(d.cause).toContain('漏水');
    expect(d.parties).toHaveLength(2);
    expect(d.parties[0]).toMatchObject({ role: 'applicant', residentId, claims: '要求赔偿维修费用2000元' });
    expect(d.parties[1]).toMatchObject({ role: 'respondent', residenceUnitName: '5栋' });
    expect(d.events.map((e: { action: string; stage: string }) => [e.action, e.stage])).toEqual([
      ['register', 'study'],
    ]);
  });

  it('R-LAW-PI-1: parties’ names, phones and ID numbers are encrypted at rest, masked by default, and a full read is audited', async () => {
    const d = await register();
    const [row] = await t.database.db.select().from(dsParties).where(eq(dsParties.id, d.parties[0].id));
    expect(row!.nameEnc).not.toContain('张建国');
    expect(row!.phoneEnc).not.toContain('13800001111');
    expect(row!.idNumberEnc).toBeTruthy();
    expect(d.parties[0].name).toBe('张**');
    expect(d.parties[0].phone).toBe('138****1111');
    expect(JSON.stringify(d)).not.toContain('张建国');
    const res = await centre.post(`/api/disputes/${d.id}/parties/${d.parties[0].id}/reveal`);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: '张建国', phone: '13800001111' });
    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'disputes.reveal'), eq(auditLog.entityId, d.id)));
    expect(audits).toHaveLength(1);
    expect(JSON.stringify(audits[0])).not.toContain('张建国');
    // A grid worker sees the dispute of their grid but may not reveal.
    expect((await grid.post(`/api/disputes/${d.id}/parties/${d.parties[0].id}/reveal`)).statusCode).toBe(403);
  });

  it('a grid worker registers a dispute of their grid, and a place outside their grid is not found', async () => {
    const d = await register(grid, { source: 'grid' });
    expect(d.source).toBe('grid');
    expect((await grid.get(`/api/disputes/${d.id}`)).statusCode).toBe(200);
    const res = await grid.post(
      '/api/disputes',
      intake({ source: 'grid', placeUnitId: t.fx.xihuayuanBuilding.id }),
    );
    expect(res.statusCode).toBe(404);
  });

  it('a dispute is 404 outside its handlers’ and supervisors’ scope, and lists leave it out', async () => {
    const d = await register();
    expect((await xhy.get(`/api/disputes/${d.id}`)).statusCode).toBe(404);
    const list = (await xhy.get('/api/disputes?pageSize=200')).json();
    expect(list.items.some((x: { id: string }) => x.id === d.id)).toBe(false);
    expect((await tongdu.get(`/api/disputes/${d.id}`)).statusCode).toBe(200);
  });
});

describe('a work order that turns out to be a dispute (R-DS-1)', () => {
  it('R-DS-1: one action converts a work order into a dispute, and each links to the other', async () => {
    const { order } = await buildWorkOrder(t.deps, t.fx, {
      categoryCode: 'neighbour_dispute',
      description: '楼上漏水，楼下多次沟通无果',
      building: t.fx.tongduBuilding,
    });
    const res = await centre.post('/api/disputes', intake({ source: 'centre', workOrderId: order.id }));
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    // The door is the work order whatever was chosen, and its number is the reference.
    expect(d).toMatchObject({ source: 'work_order', sourceRef: order.number, workOrderId: order.id });
    const linked = (await centre.get(`/api/disputes?workOrderId=${order.id}`)).json();
    expect(linked.items.map((x: { id: string }) => x.id)).toEqual([d.id]);
    // A work order one cannot see, or none at all with the work-order door, is refused in Chinese.
    const unknown = await centre.post(
      '/api/disputes',
      intake({ workOrderId: '01900000-0000-7000-8000-000000000000' }),
    );
    expect(unknown.statusCode).toBe(422);
    expect(unknown.body).toContain('请选择您可查看的工单');
    expect((await centre.post('/api/disputes', intake({ source: 'work_order' }))).statusCode).toBe(422);
  });
});

describe('diversion at the governance centre (R-DS-1, R-WO-4)', () => {
  it('R-DS-1: the centre diverts against a classification list entry; the list suggests the body and ticket', async () => {
    const lists = (await centre.get('/api/disputes/lists')).json().lists;
    expect(lists.map((l: { list: string }) => l.list)).toEqual(['dispute_service', 'transfer']);
    const entry = lists[1].entries.find((e: { code: string }) => e.code === 'ZF-01');
    expect(entry).toMatchObject({ category: 'police_110', suggestedBody: 'mediation_committee' });
    const d = await register();
    expect(
      (await act(centre, d.id, { action: 'divert', communityId: t.fx.tongdu.id })).json().error.code,
    ).toBe('disputes.list_entry_required');
    const after = await divert(d.id, { specialAssignment: true, bodyId: committeeId });
    expect(after).toMatchObject({
      status: 'diverted',
      ticketKind: 'regular',
      communityName: '铜都社区',
      specialAssignment: true,
      bodyName: '新下陆街道人民调解委员会',
      listEntry: { list: 'transfer', code: 'ZF-01' },
    });
    expect(after.events.at(-1)).toMatchObject({ action: 'divert', stage: 'assign' });
  });

  it('R-WO-4: the place of occurrence and the parties’ residence name the candidate communities', async () => {
    const d = await register();
    expect(d.territory).toEqual(
      expect.arrayContaining([
        { id: t.fx.tongdu.id, name: '铜都社区', reasons: ['place', 'residence'] },
        { id: t.fx.xihuayuan.id, name: '西花苑社区', reasons: ['residence'] },
      ]),
    );
  });

  it('a community handles only what was diverted to it; the community may return it with a reason', async () => {
    const d = await register();
    await divert(d.id, { communityId: t.fx.xihuayuan.id });
    expect((await xhy.get(`/api/disputes/${d.id}`)).json().actions).toEqual(['return', 'accept']);
    expect((await act(tongdu, d.id, { action: 'accept' })).statusCode).toBe(403);
    // R-WO-3 社区接单: the centre diverts and supervises, the community accepts.
    expect((await centre.get(`/api/disputes/${d.id}`)).json().actions).toEqual(['supervise']);
    expect((await centre.get('/api/disputes?view=to_accept&pageSize=200')).json().total).toBe(0);
    expect((await act(xhy, d.id, { action: 'return' })).json().error.code).toBe('disputes.note_required');
    const back = (await act(xhy, d.id, { action: 'return', note: '当事人均不在本社区' })).json();
    expect(back.status).toBe('registered');
    expect((await xhy.get(`/api/disputes/${d.id}`)).statusCode).toBe(404);
  });

  it('R-DS-1: a classification list is imported from a spreadsheet with the console’s Chinese column names', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('清单');
    ws.addRow(['编码', '名称', '类别', '建议调处力量', '建议工单类型']);
    // (ZF-01 stays: the tickets below divert against it.)
    ws.addRow(['ZF-01', '110转办：非警务类邻里纠纷', '110转办', '人民调解委员会', '常规单']);
    ws.addRow(['ZF-10', '110转办：邻里噪音纠纷', '110转办', '人民调解委员会', '常规单']);
    ws.addRow(['ZF-11', '12345转办：欠薪求助', '12345转办', '工会', '重点单']);
    const data = Buffer.from(await wb.xlsx.writeBuffer());
    const body = multipart({ list: 'transfer' }, { name: '清单.xlsx', data });
    const res = await civil.request({ method: 'POST', url: '/api/disputes/lists/import.xlsx', ...body });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lists[1]).toMatchObject({
      list: 'transfer',
      version: 1,
      entries: [
        { code: 'ZF-01' },
        {
          code: 'ZF-10',
          category: 'police_110',
          suggestedBody: 'mediation_committee',
          suggestedTicket: 'regular',
        },
        { code: 'ZF-11', category: 'hotline_12345', suggestedBody: 'trade_union', suggestedTicket: 'key' },
      ],
    });
    const bad = multipart({ list: 'transfer' }, { name: 'x.xlsx', data: Buffer.from('not a spreadsheet') });
    const refused = await civil.request({ method: 'POST', url: '/api/disputes/lists/import.xlsx', ...bad });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.code).toBe('disputes.list_file');
  });

  it('R-DS-1: a new version of a classification list is imported by civil affairs and used from then on', async () => {
    const res = await civil.post('/api/disputes/lists/import', {
      list: 'dispute_service',
      entries: [
        { code: 'MD-99', name: '宠物扰民纠纷', category: 'dispute', suggestedBody: 'mediation_committee' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().lists[0]).toMatchObject({ version: 1, entries: [{ code: 'MD-99' }] });
    expect(
      (await centre.post('/api/disputes/lists/import', { list: 'transfer', entries: [] })).statusCode,
    ).toBe(403);
  });
});

describe('tickets with time limits (R-WO-3, R-WO-2)', () => {
  it('R-WO-3: an emergency ticket must be accepted within its limit; overdue tickets escalate once', async () => {
    const d = await register();
    const diverted = await divert(d.id, { ticketKind: 'emergency' });
    expect(new Date(diverted.acceptDueAt).getTime() - t.clock.now().getTime()).toBe(30 * 60_000);
    t.clock.advance(31 * 60_000);
    const ctx = { db: t.deps.db, clock: t.clock, ids: t.deps.ids, pii: t.deps.pii };
    const fired = await sweepWorkflow(disputeWorkflow, ctx);
    expect(fired.accept_overdue).toBeGreaterThanOrEqual(1);
    await sweepWorkflow(disputeWorkflow, ctx);
    const after = (await centre.get(`/api/disputes/${d.id}`)).json();
    expect(after.overdue).toBe(true);
    expect(after.escalations).toBe(1);
    expect(after.events.at(-1)).toMatchObject({ action: 'escalate', stage: 'supervise' });
    const overdue = (await centre.get('/api/disputes?view=overdue&pageSize=200')).json();
    expect(overdue.items.some((x: { id: string }) => x.id === d.id)).toBe(true);
    // Accepting late still works and starts the finish limit (即接即办、限时办结).
    const accepted = (await act(tongdu, d.id, { action: 'accept' })).json();
    expect(accepted.status).toBe('accepted');
    expect(new Date(accepted.finishDueAt).getTime() - t.clock.now().getTime()).toBe(24 * HOUR);
  });

  it('R-WO-3: civil affairs configures the time limits of the three ticket kinds', async () => {
    const res = await civil.put('/api/disputes/limits', {
      limits: [{ kind: 'key', acceptMinutes: 60, finishMinutes: 2 * 24 * 60 }],
    });
    expect(res.statusCode, res.body).toBe(200);
    const d = await register();
    const diverted = await divert(d.id, { ticketKind: 'key' });
    expect(new Date(diverted.acceptDueAt).getTime() - t.clock.now().getTime()).toBe(HOUR);
    const put = await centre.put('/api/disputes/limits', { limits: [] });
    expect(put.statusCode).toBe(403);
  });

  it('R-WO-2: study, assign, handle, supervise and close are all on the ticket’s timeline', async () => {
    const d = await register();
    await divert(d.id);
    await act(tongdu, d.id, { action: 'accept' });
    expect((await act(centre, d.id, { action: 'supervise', note: '请尽快联系双方' })).statusCode).toBe(200);
    await act(tongdu, d.id, { action: 'finish', note: '双方当面和解' });
    const closed = (
      await act(centre, d.id, { action: 'close', rating: 5, resolutionLevel: 'community' })
    ).json();
    expect(closed.status).toBe('closed');
    expect(closed.events.map((e: { stage: string }) => e.stage)).toEqual([
      'study',
      'assign',
      'handle',
      'supervise',
      'handle',
      'close',
    ]);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, d.id));
    expect(audits.map((a) => a.action).sort()).toEqual(
      [
        'disputes.accept',
        'disputes.close',
        'disputes.divert',
        'disputes.finish',
        'disputes.register',
        'disputes.supervise',
      ].sort(),
    );
  });
});

describe('people’s mediation (R-DS-2, R-LAW-MD-1…3)', () => {
  it('R-LAW-MD-1: a mediation committee has 3 to 9 members including a woman', async () => {
    const base = { orgUnitId: t.fx.subdistrict.id, kind: 'mediation_committee', name: '测试委员会' };
    const men = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ name: `委员${i}`, gender: 'male', position: 'member' }));
    const two = await centre.post('/api/disputes/bodies', {
      ...base,
      members: [...men(1), { name: '女委员', gender: 'female', position: 'member' }],
    });
    expect(two.json().error.code).toBe('disputes.committee_size');
    const ten = await centre.post('/api/disputes/bodies', {
      ...base,
      members: [...men(9), { name: '女委员', gender: 'female', position: 'member' }],
    });
    expect(ten.json().error.code).toBe('disputes.committee_size');
    const noWoman = await centre.post('/api/disputes/bodies', { ...base, members: men(5) });
    expect(noWoman.statusCode).toBe(422);
    expect(noWoman.json().error.code).toBe('disputes.committee_woman');
    const nine = await centre.post('/api/disputes/bodies', {
      ...base,
      members: [...men(8), { name: '女委员', gender: 'female', position: 'member' }],
    });
    expect(nine.statusCode).toBe(200);
    // Other bodies of the one window (R-DS-2) need no such composition.
    const lawyer = await centre.post('/api/disputes/bodies', {
      ...base,
      kind: 'lawyer',
      name: '驻点律师',
      members: men(1),
    });
    expect(lawyer.statusCode).toBe(200);
    // Editing the committee down to two members is refused.
    const cut = await centre.patch(`/api/disputes/bodies/${nine.json().id}`, { members: men(2) });
    expect(cut.json().error.code).toBe('disputes.committee_size');
    // A community worker may not edit the subdistrict's roster (404: out of scope).
    expect((await tongdu.patch(`/api/disputes/bodies/${nine.json().id}`, { name: 'x' })).statusCode).toBe(
      403,
    );
  });

  it('R-LAW-MD-1: no mediation once a party refuses; the refusal is recorded and the case terminated', async () => {
    const d = await register();
    await divert(d.id);
    await act(tongdu, d.id, { action: 'accept' });
    const res = await act(tongdu, d.id, {
      action: 'refuse',
      partyId: d.parties[1].id,
      note: '被申请人明确表示不接受调解',
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = res.json();
    expect(after).toMatchObject({ status: 'terminated', outcome: 'refused' });
    expect(after.parties[1].refusedAt).toBeTruthy();
    expect(
      (
        await act(tongdu, d.id, {
          action: 'start_mediation',
          bodyId: committeeId,
          mediatorIds: [members[0]!.id],
        })
      ).statusCode,
    ).toBe(409);
  });

  it('R-LAW-MD-2, R-LAW-MD-3: sessions with work records, an agreement with the required contents, and the 30-day judicial-confirmation window flagged', async () => {
    const d = await register();
    await divert(d.id, { bodyId: committeeId });
    await act(tongdu, d.id, { action: 'accept' });
    // Joint mediation (R-DS-2): a lawyer's office joins the committee, and carries the load too.
    const lawyer = (await centre.get('/api/disputes/bodies'))
      .json()
      .items.find((b: { kind: string }) => b.kind === 'lawyer');
    const start = await act(tongdu, d.id, {
      action: 'start_mediation',
      bodyId: committeeId,
      mediatorIds: [members[1]!.id],
      jointBodyIds: [lawyer.id],
    });
    expect(start.statusCode, start.body).toBe(200);
    expect(start.json().jointBodies).toEqual([{ id: lawyer.id, name: lawyer.name, kind: 'lawyer' }]);
    const lawyerNow = (await centre.get('/api/disputes/bodies'))
      .json()
      .items.find((b: { id: string }) => b.id === lawyer.id);
    expect(lawyerNow.load).toBe(lawyer.load + 1);
    expect(start.json().mediators).toEqual([{ id: members[1]!.id, name: '吴委员', position: 'member' }]);
    expect(new Date(start.json().mediationDueAt).getTime() - t.clock.now().getTime()).toBe(30 * DAY);
    expect((await act(tongdu, d.id, { action: 'session' })).json().error.code).toBe(
      'disputes.record_required',
    );
    const s = await act(tongdu, d.id, {
      action: 'session',
      record: '分别听取双方陈述，现场查看漏水情况',
      place: '社区调解室',
    });
    expect(s.json().sessions).toHaveLength(1);
    expect((await act(tongdu, d.id, { action: 'extend', days: 10 })).json().error.code).toBe(
      'disputes.consent_required',
    );
    const ext = await act(tongdu, d.id, { action: 'extend', days: 10, note: '双方同意延长十日' });
    expect(new Date(ext.json().mediationDueAt).getTime() - t.clock.now().getTime()).toBe(40 * DAY);
    const agreement = {
      facts: '楼上卫生间漏水致楼下天花板受损',
      matters: '维修费用承担；楼上负主要责任',
      content: '楼上一次性赔偿维修费1500元并修复防水',
      performanceManner: '现金支付，自行修复',
      performanceDeadline: '2026-12-31',
      partiesSigned: true,
      mediatorSigned: true,
      committeeSealed: false,
    };
    // No agreement yet: nothing to print.
    expect((await tongdu.get(`/api/disputes/${d.id}/agreement.pdf`)).statusCode).toBe(409);
    const unsealed = await act(tongdu, d.id, { action: 'agree', agreement });
    expect(unsealed.json().error.code).toBe('disputes.agreement_unsigned');
    const incomplete = await act(tongdu, d.id, { action: 'agree', agreement: { ...agreement, content: '' } });
    expect(incomplete.statusCode).toBe(400);
    const agreed = (
      await act(tongdu, d.id, { action: 'agree', agreement: { ...agreement, committeeSealed: true } })
    ).json();
    expect(agreed.status).toBe('agreed');
    expect(agreed.agreement).toMatchObject({ copies: 3, performanceDeadline: '2026-12-31' });
    // R-LAW-MD-2: the agreement as a PDF with a CJK font, one copy (page) per party plus one kept;
    // names in full, so it is audited, and out of scope it does not exist.
    const pdf = await tongdu.get(`/api/disputes/${d.id}/agreement.pdf`);
    expect(pdf.statusCode, pdf.body).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.rawPayload.toString('latin1');
    expect(bytes.startsWith('%PDF')).toBe(true);
    expect(bytes.match(/\/Type \/Page\b/g)).toHaveLength(3);
    expect(bytes).toMatch(/WenQuanYi|NotoSans/);
    expect((await xhy.get(`/api/disputes/${d.id}/agreement.pdf`)).statusCode).toBe(404);
    const printed = await t.deps.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'disputes.agreement_pdf'), eq(auditLog.entityId, d.id)));
    expect(printed).toHaveLength(1);
    // Follow-up on performance (履行回访): what was found, on the timeline; not for other communities.
    expect((await act(tongdu, d.id, { action: 'follow_up', note: '已回访' })).json().error.code).toBe(
      'disputes.follow_up_fields',
    );
    expect(
      (await act(xhy, d.id, { action: 'follow_up', performance: 'partial', note: 'x' })).statusCode,
    ).toBe(404);
    const followed = await act(tongdu, d.id, {
      action: 'follow_up',
      performance: 'partial',
      note: '已赔偿1500元，防水尚未修复',
    });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json().status).toBe('agreed');
    expect(followed.json().events.at(-1)).toMatchObject({
      action: 'follow_up',
      stage: 'supervise',
      note: '部分履行：已赔偿1500元，防水尚未修复',
    });
    expect(new Date(agreed.confirmDueAt).getTime() - t.clock.now().getTime()).toBe(30 * DAY);
    const window = (await centre.get('/api/disputes?view=confirm_window&pageSize=200')).json();
    expect(window.items.some((x: { id: string }) => x.id === d.id)).toBe(true);
    // The reminder fires 7 days before the window closes, once.
    t.clock.advance(24 * DAY);
    const ctx = { db: t.deps.db, clock: t.clock, ids: t.deps.ids, pii: t.deps.pii };
    await sweepWorkflow(disputeWorkflow, ctx);
    await sweepWorkflow(disputeWorkflow, ctx);
    await relogin();
    const after = (await centre.get(`/api/disputes/${d.id}`)).json();
    expect(after.events.filter((e: { action: string }) => e.action === 'confirm_reminder')).toHaveLength(1);
  });

  it('R-LAW-MD-1: a failed mediation is terminated with the parties told their legal options; mediation needs a committee', async () => {
    const d = await register();
    await divert(d.id);
    await act(tongdu, d.id, { action: 'accept' });
    const lawyer = (await centre.get('/api/disputes/bodies'))
      .json()
      .items.find((b: { kind: string }) => b.kind === 'lawyer');
    expect(
      (await act(tongdu, d.id, { action: 'start_mediation', bodyId: lawyer.id, mediatorIds: [] })).json()
        .error.code,
    ).toBe('disputes.committee_required');
    expect(
      (await act(tongdu, d.id, { action: 'start_mediation', bodyId: committeeId, mediatorIds: [] })).json()
        .error.code,
    ).toBe('disputes.mediators_required');
    await act(tongdu, d.id, {
      action: 'start_mediation',
      bodyId: committeeId,
      mediatorIds: [members[0]!.id],
    });
    expect((await act(tongdu, d.id, { action: 'fail' })).json().error.code).toBe(
      'disputes.legal_options_required',
    );
    const failed = (
      await act(tongdu, d.id, { action: 'fail', legalOptions: '已告知可向人民法院起诉' })
    ).json();
    expect(failed).toMatchObject({ status: 'terminated', outcome: 'failed' });
  });
});

describe('the ticket list', () => {
  it('exports the ticket list to Excel with masked names, audited', async () => {
    const res = await centre.get('/api/disputes/export.xlsx');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.action, 'disputes.export'));
    expect(audits.length).toBeGreaterThan(0);
  });

  it('the workbench views: to divert for the centre, to accept for the community', async () => {
    const d = await register();
    const toDivert = (await centre.get('/api/disputes?view=to_divert&pageSize=200')).json();
    expect(toDivert.items.some((x: { id: string }) => x.id === d.id)).toBe(true);
    expect((await tongdu.get('/api/disputes?view=to_divert')).json().total).toBe(0);
    await divert(d.id);
    const toAccept = (await tongdu.get('/api/disputes?view=to_accept&pageSize=200')).json();
    expect(toAccept.items.some((x: { id: string }) => x.id === d.id)).toBe(true);
  });
});

describe('the monthly joint meeting and the community contacts (R-DS-3)', () => {
  it('R-DS-3: the centre records the monthly joint meeting with attendance, cases and decisions; a month without one shows as missing', async () => {
    const d = await register();
    const before = (await centre.get('/api/disputes/meetings')).json();
    const thisMonth = before.months.find((m: { orgUnitId: string }) => m.orgUnitId === t.fx.subdistrict.id);
    expect(thisMonth).toMatchObject({ monthly: false, extra: 0 });
    const res = await centre.post('/api/disputes/meetings', {
      orgUnitId: t.fx.subdistrict.id,
      kind: 'monthly',
      heldAt: t.clock.now().toISOString(),
      attendees: ['向良', '陆合香'],
      disputeIds: [d.id],
      decisions: '由铜都社区牵头调解，月底前办结',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().cases).toEqual([{ id: d.id, number: d.number, title: d.title }]);
    await centre.post('/api/disputes/meetings', {
      orgUnitId: t.fx.subdistrict.id,
      kind: 'extra',
      heldAt: t.clock.now().toISOString(),
      attendees: ['向良'],
      decisions: '重大事项临时会议',
    });
    const after = (await centre.get('/api/disputes/meetings')).json();
    expect(after.months[0]).toMatchObject({ orgUnitId: t.fx.subdistrict.id, monthly: true, extra: 1 });
    // A community cannot record the subdistrict's meeting; a case of another subdistrict is refused.
    expect((await tongdu.post('/api/disputes/meetings', {})).statusCode).toBe(403);
    const bad = await centre.post('/api/disputes/meetings', {
      orgUnitId: t.fx.subdistrict.id,
      kind: 'monthly',
      heldAt: t.clock.now().toISOString(),
      attendees: ['向良'],
      disputeIds: [t.fx.tongdu.id],
      decisions: 'x',
    });
    expect(bad.json().error.code).toBe('disputes.meeting_cases');
  });

  it('R-DS-3: each community names one responsible leader and one contact; naming again replaces them', async () => {
    const put = (c: Client, id: string, body: unknown) =>
      c.put(`/api/disputes/contacts/${id}`, body as object);
    const first = await put(centre, t.fx.tongdu.id, {
      leaderName: '陆合香',
      contactName: '王敏',
      contactInfo: '工作群',
    });
    expect(first.statusCode, first.body).toBe(200);
    const again = await put(centre, t.fx.tongdu.id, { leaderName: '陆合香', contactName: '李娜' });
    expect(again.json()).toMatchObject({ leaderName: '陆合香', contactName: '李娜' });
    const list = (await centre.get('/api/disputes/contacts')).json().items;
    expect(list.filter((c: { communityId: string }) => c.communityId === t.fx.tongdu.id)).toHaveLength(1);
    expect(
      list.find((c: { communityId: string }) => c.communityId === t.fx.xihuayuan.id).leaderName,
    ).toBeNull();
    // Outside one's scope: not found.
    expect((await put(civil, t.fx.tongdu.id, { leaderName: 'x', contactName: 'y' })).statusCode).toBe(403);
  });

  it('R-DS-3, R-WO-3: a diverted ticket is notified to the community with its leader and contact; an overdue one to the centre too', async () => {
    const inbox = async (c: Client, event: string) =>
      (
        (await c.get('/api/notifications?pageSize=100')).json().items as {
          event: string;
          body: string;
          link: string;
        }[]
      ).filter((m) => m.event === event);
    const before = (await inbox(tongdu, 'dispute.diverted')).length;
    const d = await register();
    await divert(d.id, { ticketKind: 'emergency' });
    const told = await inbox(tongdu, 'dispute.diverted');
    expect(told).toHaveLength(before + 1);
    expect(told[0]!.body).toContain('陆合香');
    expect(told[0]!.body).toContain('李娜');
    expect(told[0]!.body).toContain('应急单');
    expect(told[0]!.link).toBe(`/disputes/${d.id}`);
    // Nobody outside the community hears of it.
    expect((await inbox(xhy, 'dispute.diverted')).some((m) => m.link === `/disputes/${d.id}`)).toBe(false);
    const centreBefore = (await inbox(centre, 'dispute.overdue')).length;
    t.clock.advance(31 * 60_000);
    await sweepWorkflow(disputeWorkflow, { db: t.deps.db, clock: t.clock, ids: t.deps.ids, pii: t.deps.pii });
    expect(await inbox(centre, 'dispute.overdue')).toHaveLength(centreBefore + 1);
    expect((await inbox(tongdu, 'dispute.overdue')).some((m) => m.link === `/disputes/${d.id}`)).toBe(true);
  });

  it('R-WO-5: statistics count cases by source, outcome and the level at which they were resolved', async () => {
    const stats = (await centre.get('/api/disputes/stats')).json();
    expect(stats.total).toBeGreaterThan(5);
    expect(stats.bySource.find((r: { key: string }) => r.key === 'police').count).toBeGreaterThan(0);
    expect(stats.byLevel).toEqual(expect.arrayContaining([{ key: 'community', count: expect.any(Number) }]));
    expect(stats.successRate).toBeGreaterThan(0);
    expect(stats.byCommunity[0]).toMatchObject({ name: expect.any(String) });
    // 专门交办: specially assigned cases are counted for the 平安建设 assessment (issue 14 §2).
    expect(stats.special).toBeGreaterThan(0);
    expect(stats.specialResolved).toBeLessThanOrEqual(stats.special);
    // A community worker sees only what concerns their community.
    const own = (await xhy.get('/api/disputes/stats')).json();
    expect(own.total).toBeLessThan(stats.total);
  });

  it('seed 003 (S003-51): each community’s specially assigned cases and those resolved are counted for its 平安建设考核', async () => {
    type CommunityStats = { key: string; special: number; specialResolved: number };
    const stats = async (c: Client) => (await c.get('/api/disputes/stats')).json();
    const of = (s: { byCommunity: CommunityStats[] }, id: string) =>
      s.byCommunity.find((r) => r.key === id) ?? { special: 0, specialResolved: 0 };
    // The window ends at the current instant, exclusive: the frozen test clock moves on a minute before
    // each reading so that the cases registered at that instant are in it.
    t.clock.advance(60_000);
    const before = await stats(centre);
    const ok = async (c: Client, id: string, body: Record<string, unknown>) =>
      expect((await act(c, id, body)).statusCode).toBe(200);
    // 铜都: two specially assigned (one resolved, one still open) and one ordinary case resolved.
    const a = await register();
    await divert(a.id, { specialAssignment: true });
    await ok(tongdu, a.id, { action: 'accept' });
    await ok(tongdu, a.id, { action: 'finish', note: '双方当面和解' });
    const b = await register();
    await divert(b.id, { specialAssignment: true });
    const c = await register();
    await divert(c.id);
    await ok(tongdu, c.id, { action: 'accept' });
    await ok(tongdu, c.id, { action: 'finish', note: '已协调解决' });
    // 西花苑: two specially assigned, one resolved and one ended by a party’s refusal (not resolved).
    const d = await register();
    await divert(d.id, { specialAssignment: true, communityId: t.fx.xihuayuan.id });
    await ok(xhy, d.id, { action: 'accept' });
    await ok(xhy, d.id, { action: 'finish', note: '调解成功' });
    const e = await register();
    await divert(e.id, { specialAssignment: true, communityId: t.fx.xihuayuan.id });
    await ok(xhy, e.id, { action: 'accept' });
    await ok(xhy, e.id, { action: 'refuse', partyId: e.parties[1].id, note: '被申请人不接受调解' });

    t.clock.advance(60_000);
    const after = await stats(centre);
    const delta = (id: string) => ({
      special: of(after, id).special - of(before, id).special,
      specialResolved: of(after, id).specialResolved - of(before, id).specialResolved,
    });
    expect(delta(t.fx.tongdu.id)).toEqual({ special: 2, specialResolved: 1 });
    expect(delta(t.fx.xihuayuan.id)).toEqual({ special: 2, specialResolved: 1 });
    expect(after.special - before.special).toBe(4);
    expect(after.specialResolved - before.specialResolved).toBe(2);
    // The per-community figures add up to the totals of the cases assigned to a community.
    const sum = (k: 'special' | 'specialResolved') =>
      after.byCommunity.reduce((n: number, r: CommunityStats) => n + r[k], 0);
    expect(sum('special')).toBe(after.special);
    expect(sum('specialResolved')).toBe(after.specialResolved);
    // A community worker reads their own community’s figure, the same as the centre’s, and no other.
    const own = await stats(xhy);
    expect(own.byCommunity.map((r: CommunityStats) => r.key)).toEqual([t.fx.xihuayuan.id]);
    expect(of(own, t.fx.xihuayuan.id)).toMatchObject({
      special: of(after, t.fx.xihuayuan.id).special,
      specialResolved: of(after, t.fx.xihuayuan.id).specialResolved,
    });
  });
});
