import { asc, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openCall, setupProjectsWorld, submittedApplication } from '../../../../test/projects';
import { auditLog } from '../../platform/audit.table';

const w = setupProjectsWorld('pjch_civil');

async function selected(): Promise<string> {
  const callId = await openCall(w.t, w.civil);
  const id = await submittedApplication(callId, w.t.fx.tongdu.id, w.tongdu, w.sd);
  const r = await w.civil.post(`/api/projects/applications/${id}/actions`, { action: 'select' });
  expect(r.statusCode, r.body).toBe(200);
  return id;
}

const newBudget = {
  budgetLines: [
    { item: '驿站改造', amountFen: 7_000_000 },
    { item: '活动经费', amountFen: 2_000_000 },
    { item: '志愿者培训', amountFen: 1_500_000 },
  ],
  funding: [
    { source: 'city', amountFen: 7_000_000 },
    { source: 'subdistrict', amountFen: 3_000_000 },
    { source: 'foundation', amountFen: 500_000 },
  ],
};

describe('content changes of a selected project (R-PJ-4: no project swaps midway)', () => {
  it('R-PJ-4: the community requests a content change with a reason; the bureau approves it with a comment; the change is applied, who/when recorded, history kept, on the timeline and audited', async () => {
    const id = await selected();
    const url = `/api/projects/applications/${id}/changes`;
    expect((await w.tongdu.get(url)).json()).toMatchObject({
      items: [],
      abilities: { request: true, decide: false },
    });
    const req = await w.tongdu.post(url, {
      reason: '居民议事会建议增加志愿者培训，社区基金会追加资助',
      targets: ['建成邻里驿站 1 个', '组建志愿服务队 2 支', '培训志愿者 30 人'],
      ...newBudget,
    });
    expect(req.statusCode, req.body).toBe(200);
    const pending = req.json().items[0];
    expect(pending).toMatchObject({ state: 'pending', requestedByName: expect.any(String) });
    expect(Object.keys(pending.proposed).sort()).toEqual(['budgetLines', 'funding', 'targets']);
    expect(pending.before.budgetLines).toHaveLength(2);
    // One pending request at a time; the application is unchanged until decided.
    const second = await w.tongdu.post(url, { reason: '再改', summary: '另一个概要' });
    expect(second.json().error.code).toBe('projects.change_pending');
    expect((await w.tongdu.get(`/api/projects/applications/${id}`)).json().budgetTotalFen).toBe(10_000_000);
    // The community cannot decide its own; the bureau sees it can.
    expect(
      (
        await w.tongdu.post(`/api/projects/changes/${pending.id}/decision`, {
          decision: 'approve',
          comment: '同意',
        })
      ).statusCode,
    ).toBe(403);
    expect((await w.civil.get(url)).json().abilities).toEqual({ request: false, decide: true });
    const noComment = await w.civil.post(`/api/projects/changes/${pending.id}/decision`, {
      decision: 'approve',
    });
    expect(noComment.statusCode).toBe(400);
    const ok = await w.civil.post(`/api/projects/changes/${pending.id}/decision`, {
      decision: 'approve',
      comment: '同意调整，资金来源已平衡',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().items[0]).toMatchObject({
      state: 'approved',
      decisionComment: '同意调整，资金来源已平衡',
      decidedByName: expect.any(String),
      decidedAt: expect.any(String),
    });
    const app = (await w.tongdu.get(`/api/projects/applications/${id}`)).json();
    expect(app).toMatchObject({
      budgetTotalFen: 10_500_000,
      fundingTotalFen: 10_500_000,
      title: '邻里驿站建设',
    });
    expect(app.targets).toHaveLength(3);
    expect(app.events.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['change_request', 'change_approve']),
    );
    const again = await w.civil.post(`/api/projects/changes/${pending.id}/decision`, {
      decision: 'reject',
      comment: '撤回',
    });
    expect(again.json().error.code).toBe('projects.change_decided');

    // A rejected request changes nothing; the history keeps both.
    const req2 = await w.tongdu.post(url, { reason: '缩减活动', summary: '仅建设驿站' });
    const rejected = await w.civil.post(`/api/projects/changes/${req2.json().items[0].id}/decision`, {
      decision: 'reject',
      comment: '不符合申报方案，不予调整',
    });
    expect(rejected.json().items.map((c: { state: string }) => c.state)).toEqual(['rejected', 'approved']);
    expect((await w.tongdu.get(`/api/projects/applications/${id}`)).json().summary).toBe(
      '依托党群服务中心建设邻里驿站',
    );
    const audit = await w.t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, pending.id))
      .orderBy(asc(auditLog.seq));
    expect(audit.map((a) => a.action)).toEqual(['projects.change.request', 'projects.change.approve']);
  });

  it('R-PJ-4: changing the project type, the title to another project, or the applying unit is a swap and refused (409 projects.no_swap); unbalanced funding and direct edits are refused', async () => {
    const id = await selected();
    const url = `/api/projects/applications/${id}/changes`;
    for (const swap of [
      { type: 'party_building' },
      { title: '社区食堂建设' },
      { orgUnitId: w.t.fx.xihuayuan.id },
    ]) {
      const res = await w.tongdu.post(url, { reason: '换项目', ...swap });
      expect(res.statusCode, JSON.stringify(swap)).toBe(409);
      expect(res.json().error.code).toBe('projects.no_swap');
      expect(res.json().error.message).toContain('不得中途更换项目');
    }
    const unbalanced = await w.tongdu.post(url, { reason: '追加', budgetLines: newBudget.budgetLines });
    expect(unbalanced.statusCode).toBe(422);
    expect(unbalanced.json().error.code).toBe('projects.budget_unbalanced');
    expect((await w.tongdu.post(url, { reason: '无变化' })).json().error.code).toBe('projects.change_empty');
    const direct = await w.tongdu.patch(`/api/projects/applications/${id}`, { targets: ['别的目标'] });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error.code).toBe('projects.use_change_procedure');
    // Out of reach: another community is 404; a project not selected cannot be changed.
    expect((await w.xhy.get(url)).statusCode).toBe(404);
    expect((await w.xhy.post(url, { reason: 'x', summary: 'y' })).statusCode).toBe(404);
    const callId = await openCall(w.t, w.civil);
    const other = await submittedApplication(callId, w.t.fx.xihuayuan.id, w.xhy, w.sd);
    const early = await w.xhy.post(`/api/projects/applications/${other}/changes`, {
      reason: 'x',
      summary: 'y',
    });
    expect(early.json().error.code).toBe('projects.change_not_selected');
  });

  it('R-PJ-4, R-PJ-5: a change cannot drop or rename a budget line money was already spent against', async () => {
    const id = await selected();
    const money = `/api/projects/applications/${id}/money`;
    expect(
      (
        await w.sd.post(`${money}/disbursements`, {
          source: 'city',
          receivedOn: '2026-11-23',
          amountFen: 1_000_000,
        })
      ).statusCode,
    ).toBe(200);
    const spend = await w.sd.post(`${money}/spends`, {
      line: '活动经费',
      spentOn: '2026-11-23',
      amountFen: 300_000,
      receiptRef: 'FP-1',
    });
    expect(spend.statusCode, spend.body).toBe(200);
    const renamed = await w.tongdu.post(`/api/projects/applications/${id}/changes`, {
      reason: '调整预算科目',
      budgetLines: [
        { item: '驿站改造', amountFen: 8_000_000 },
        { item: '宣传活动', amountFen: 2_000_000 },
      ],
    });
    expect(renamed.statusCode).toBe(409);
    expect(renamed.json().error.message).toBe('预算项目“活动经费”已有支出 3000.00 元，变更时不能删除或改名');
  });
});
