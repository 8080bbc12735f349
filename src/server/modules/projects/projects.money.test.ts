import { eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Client, createUser } from '../../../../test/app';
import { selectedAndOther, setupProjectsWorld } from '../../../../test/projects';
import { multipart } from '../../../../test/multipart';
import { auditLog } from '../../platform/audit.table';

const w = setupProjectsWorld('pjm_civil');
let jumin: Client;
let xhyResident: Client;
let projectId: string;
let otherId: string;

beforeAll(async () => {
  await createUser(w.t, 'pjm_jumin', [{ role: 'resident', orgUnitId: w.t.fx.tongduGrid.id }]);
  await createUser(w.t, 'pjm_xhy_res', [{ role: 'resident', orgUnitId: w.t.fx.xihuayuan.id }]);
  jumin = await w.t.as('pjm_jumin');
  xhyResident = await w.t.as('pjm_xhy_res');
  ({ selected: projectId, other: otherId } = await selectedAndOther(w));
});

const money = (path = '') => `/api/projects/applications/${projectId}/money${path}`;

describe('R-PJ-5: a selected project’s money', () => {
  it('R-PJ-5: money only for selected projects; out of scope is not found', async () => {
    const res = await w.xhy.post(`/api/projects/applications/${otherId}/money/disbursements`, {
      source: 'city',
      receivedOn: '2027-01-10',
      amountFen: 100,
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.message).toBe('只有已入选的试点项目才能登记资金');
    // Another community's worker does not see this project's money at all.
    expect((await w.xhy.get(money())).statusCode).toBe(404);
    expect(
      (
        await w.xhy.post(money('/spends'), {
          line: '驿站改造',
          spentOn: '2027-01-12',
          amountFen: 1,
          receiptRef: 'X',
        })
      ).statusCode,
    ).toBe(404);
  });

  it('R-PJ-5: tranches by source and spends against budget lines in integer fen; budget vs disbursed vs spent', async () => {
    const d = await w.tongdu.post(money('/disbursements'), {
      source: 'city',
      receivedOn: '2027-01-10',
      amountFen: 3_500_000,
    });
    expect(d.statusCode, d.body).toBe(200);
    expect(
      (
        await w.sd.post(money('/disbursements'), {
          source: 'subdistrict',
          receivedOn: '2027-01-15',
          amountFen: 1_000_000,
        })
      ).statusCode,
    ).toBe(200);
    // Not an integer fen: refused by validation, never stored as a float.
    expect(
      (
        await w.tongdu.post(money('/disbursements'), {
          source: 'city',
          receivedOn: '2027-01-10',
          amountFen: 10.5,
        })
      ).statusCode,
    ).toBe(400);
    const unknownLine = await w.tongdu.post(money('/spends'), {
      line: '买车',
      spentOn: '2027-01-20',
      amountFen: 100,
      receiptRef: 'FP-001',
    });
    expect(unknownLine.statusCode).toBe(422);
    const s = await w.tongdu.post(money('/spends'), {
      line: '驿站改造',
      spentOn: '2027-01-20',
      amountFen: 4_000_000,
      receiptRef: 'FP-2027-001',
    });
    expect(s.statusCode, s.body).toBe(200);
    const m = (await w.civil.get(money())).json();
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
    const audits = await w.t.database.db
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
    // Funds received stand on the project's timeline too.
    const events = (await w.civil.get(`/api/projects/applications/${projectId}`)).json().events as {
      action: string;
    }[];
    expect(events.filter((e) => e.action === 'funds_received')).toHaveLength(2);
  });

  it('R-PJ-5: a spend taking total spent past total disbursed is refused (409) unless the subdistrict approves the overrun, recorded as who entered it', async () => {
    const over = { line: '活动经费', spentOn: '2027-02-01', amountFen: 600_000, receiptRef: 'FP-2027-002' };
    const refused = await w.tongdu.post(money('/spends'), over);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe(
      '支出合计（46000.00 元）将超过已到位资金（45000.00 元），须由街道（镇）审批，登记时填写超支理由',
    );
    // The community cannot approve its own overrun: the subdistrict does, by entering the spend.
    const own = await w.tongdu.post(money('/spends'), { ...over, overrun: { reason: '活动不能延期' } });
    expect(own.statusCode).toBe(409);
    expect(own.json().error.code).toBe('projects.money_overrun_needs_review');
    const ok = await w.sd.post(money('/spends'), {
      ...over,
      overrun: { approvedBy: '随便写的名字', reason: '第二笔补助在途，活动不能延期' },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const spend = ok.json().spends.at(-1);
    const sdName = (await w.sd.get('/api/auth/me')).json().displayName as string;
    expect(spend).toMatchObject({ overrunApprovedBy: sdName, amountFen: 600_000 });
    expect(spend.overrunApprovedBy).not.toBe('随便写的名字');
    const [a] = await w.t.database.db.select().from(auditLog).where(eq(auditLog.entityId, spend.id));
    expect(a!.action).toBe('projects.money.spend_overrun');
    // Within what was received, no approval is needed.
    expect(
      (
        await w.tongdu.post(money('/disbursements'), {
          source: 'city',
          receivedOn: '2027-02-10',
          amountFen: 3_500_000,
        })
      ).statusCode,
    ).toBe(200);
    expect(
      (
        await w.tongdu.post(money('/spends'), {
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
    const res = await w.tongdu.post(money('/disclose'), {});
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
    await w.tongdu.post(money('/spends'), {
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
    const m = (await w.tongdu.get(money())).json();
    const spend = m.spends[0];
    expect(spend.hasReceipt).toBe(false);
    const url = money(`/spends/${spend.id}/receipt`);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const bad = await w.tongdu.request({
      method: 'POST',
      url,
      ...multipart({}, { name: 'x.jpg', data: Buffer.from('not an image') }),
    });
    expect(bad.statusCode).toBe(415);
    const ok = await w.tongdu.request({
      method: 'POST',
      url,
      ...multipart({}, { name: 'r.png', data: png }),
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().spends[0].hasReceipt).toBe(true);
    const got = await w.sd.get(url);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect((await w.xhy.get(url)).statusCode).toBe(404);
    expect((await w.tongdu.get(money(`/spends/${otherId}/receipt`))).statusCode).toBe(404);
    const audits = await w.t.database.db.select().from(auditLog).where(eq(auditLog.entityId, spend.id));
    expect(audits.map((a) => a.action)).toContain('projects.money.receipt');
  });
});
