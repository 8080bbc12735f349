import ExcelJS from 'exceljs';
import { and, eq, like } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, signInNewUser } from '../../../../test/app';
import { projectsWorld } from '../../../../test/projects';
import { multipart } from '../../../../test/multipart';
import { auditLog } from '../../platform/audit.table';

let t: TestApp;
let tongdu: Client;
let xhy: Client;
let sd: Client;
let civil: Client;
let evaluator: Client;
let jumin: Client;
let otherCity: Client;

const DAY = 86_400_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

const project = (over: Record<string, unknown> = {}) => ({
  orgUnitId: t.fx.tongdu.id,
  year: 2026,
  category: 'elderly',
  name: '“银龄食堂”助餐服务',
  settlementType: 'old_open',
  budgetFen: 3_000_000,
  serviceTimes: 20,
  servicePer: 'month',
  peopleServed: 120,
  ...over,
});

async function created(over: Record<string, unknown> = {}, who = () => tongdu) {
  const res = await who().post('/api/projects/doorstep', project(over));
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string };
}

const stage = (c: Client, id: string, s: string, body: Record<string, unknown>) =>
  c.post(`/api/projects/doorstep/${id}/stages`, { stage: s, ...body });
const upload = (
  c: Client,
  id: string,
  fields: Record<string, string>,
  file?: { name: string; data: Buffer },
) => c.request({ method: 'POST', url: `/api/projects/doorstep/${id}/files`, ...multipart(fields, file) });

beforeAll(async () => {
  ({ t, civil, sd, tongdu, xhy } = await projectsWorld('pjd_civil'));
  evaluator = await signInNewUser(t, 'pjd_eval', 'evaluator', t.fx.city.id);
  jumin = await signInNewUser(t, 'pjd_jumin', 'resident', t.fx.tongduGrid.id);
  otherCity = await signInNewUser(t, 'pjd_far', 'civil_affairs', t.fx.xihuayuan.id);
});
afterAll(() => t?.close());

describe('doorstep projects (seed 004 三(三), Ⅱ-11/Ⅱ-12)', () => {
  it('R-PJ-6: at most 2 per category per community per year — the third is refused with 409 naming the category and the limit; other years, categories and communities are counted apart', async () => {
    await created({ name: '助餐一', year: 2025 });
    await created({ name: '助餐二', year: 2025 });
    const third = await tongdu.post('/api/projects/doorstep', project({ name: '助餐三', year: 2025 }));
    expect(third.statusCode, third.body).toBe(409);
    expect(third.json().error.code).toBe('projects.doorstep_category_full');
    expect(third.json().error.message).toContain('养老服务类');
    expect(third.json().error.message).toContain('最多报送2项');
    // Another year, another category, another community: each counts apart.
    await created({ name: '助餐三', year: 2024 });
    await created({ name: '平安巡逻', year: 2025, category: 'safety' });
    await created({ name: '西花苑助餐', year: 2025, orgUnitId: t.fx.xihuayuan.id }, () => xhy);
    // Moving a project into a full category is refused the same way.
    const safety = await tongdu.get('/api/projects/doorstep?year=2025&category=safety');
    const id = safety.json().items[0].id as string;
    const move = await tongdu.patch(`/api/projects/doorstep/${id}`, { category: 'elderly' });
    expect(move.statusCode, move.body).toBe(409);
    expect(move.json().error.code).toBe('projects.doorstep_category_full');
  });

  it('R-PJ-6: two concurrent registrations for the last place in a category — exactly one succeeds', async () => {
    await created({ name: '文体一', category: 'culture_sports', year: 2023 });
    const [a, b] = await Promise.all([
      tongdu.post(
        '/api/projects/doorstep',
        project({ name: '文体二', category: 'culture_sports', year: 2023 }),
      ),
      tongdu.post(
        '/api/projects/doorstep',
        project({ name: '文体三', category: 'culture_sports', year: 2023 }),
      ),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    const list = await tongdu.get('/api/projects/doorstep?year=2023&category=culture_sports');
    expect(list.json().total).toBe(2);
  });

  it('R-PJ-6: stages follow 需求调研 → 需求分析 → 项目设计 → 项目实施; a stage before its previous one is refused; the needs survey links a closed survey of the community', async () => {
    const p = await created({ name: '家门口议事', category: 'consultation' });
    const early = await stage(tongdu, p.id, 'analysis', { text: '需求分析', date: '2026-03-01' });
    expect(early.statusCode, early.body).toBe(409);
    expect(early.json().error.code).toBe('projects.doorstep_stage_order');
    expect(early.json().error.message).toContain('需求调研');

    // A closed survey of the community to link.
    const now = t.clock.now().getTime();
    const sv = await tongdu.post('/api/surveys', {
      orgUnitId: t.fx.tongdu.id,
      title: '居民议事需求问卷',
      purpose: 'needs',
      year: 2026,
      opensAt: new Date(now - 2 * DAY).toISOString(),
      closesAt: new Date(now + 10 * DAY).toISOString(),
      questions: [{ key: 'say', kind: 'text', title: '您的建议', required: false }],
    });
    expect(sv.statusCode, sv.body).toBe(201);
    const svId = sv.json().id as string;
    const openLink = await stage(tongdu, p.id, 'survey', {
      text: '问卷',
      date: '2026-02-01',
      surveyId: svId,
    });
    expect(openLink.statusCode).toBe(422);
    expect((await tongdu.post(`/api/surveys/${svId}/publish`)).statusCode).toBe(200);
    expect((await tongdu.post(`/api/surveys/${svId}/close`)).statusCode).toBe(200);
    const options = await tongdu.get(`/api/projects/doorstep/${p.id}/surveys`);
    expect(options.json().items.map((s: { id: string }) => s.id)).toContain(svId);

    const s1 = await stage(tongdu, p.id, 'survey', {
      text: '入户走访 80 户，发放问卷',
      date: '2026-02-01',
      surveyId: svId,
    });
    expect(s1.statusCode, s1.body).toBe(200);
    expect(s1.json().stages[0].record.survey).toEqual({ id: svId, title: '居民议事需求问卷' });
    const wrongLink = await stage(tongdu, p.id, 'analysis', {
      text: 'x',
      date: '2026-03-01',
      surveyId: svId,
    });
    expect(wrongLink.statusCode).toBe(422);
    const backdated = await stage(tongdu, p.id, 'analysis', { text: '分析', date: '2026-01-01' });
    expect(backdated.statusCode).toBe(422);
    expect((await stage(tongdu, p.id, 'analysis', { text: '需求排序', date: '2026-03-01' })).statusCode).toBe(
      200,
    );
    expect((await stage(tongdu, p.id, 'implementation', { text: 'x', date: '2026-05-01' })).statusCode).toBe(
      409,
    );
    expect((await stage(tongdu, p.id, 'design', { text: '方案设计', date: '2026-04-01' })).statusCode).toBe(
      200,
    );
    const s4 = await stage(tongdu, p.id, 'implementation', { text: '每月两次议事', date: '2026-05-01' });
    expect(s4.statusCode).toBe(200);
    expect(s4.json().stage).toBe('implementation');
    expect(s4.json().completeness).toEqual({ stages: 4, stagesTotal: 4, documents: 0, documentsTotal: 4 });
    // Correcting a stage replaces its record (audited with before and after).
    const fix = await stage(tongdu, p.id, 'design', { text: '方案设计（修订）', date: '2026-04-02' });
    expect(fix.json().stages[2].record.text).toBe('方案设计（修订）');
    expect((await stage(tongdu, p.id, 'nonsense', { text: 'x', date: '2026-04-02' })).statusCode).toBe(400);
  });

  it('Ⅱ-12: reflections, the four documents and stage files; completeness n/4 + n/4; every change audited', async () => {
    const p = await created({ name: '健康小屋', category: 'health' });
    const noStage = await upload(tongdu, p.id, { slot: 'survey', note: '' }, { name: 'a.pdf', data: PDF });
    expect(noStage.statusCode).toBe(409);
    expect((await stage(tongdu, p.id, 'survey', { text: '调研', date: '2026-02-01' })).statusCode).toBe(200);
    expect(
      (await upload(tongdu, p.id, { slot: 'survey', note: '走访记录' }, { name: '走访.pdf', data: PDF }))
        .statusCode,
    ).toBe(201);
    const plan = await upload(tongdu, p.id, { slot: 'plan', note: '' }, { name: '项目方案.pdf', data: PDF });
    expect(plan.statusCode, plan.body).toBe(201);
    const mid = await upload(tongdu, p.id, { slot: 'midterm', note: '' }, { name: '中期.pdf', data: PDF });
    expect(mid.json().completeness).toEqual({ stages: 1, stagesTotal: 4, documents: 2, documentsTotal: 4 });
    expect(
      (await upload(tongdu, p.id, { slot: 'zzz', note: '' }, { name: 'a.pdf', data: PDF })).statusCode,
    ).toBe(422);
    expect(
      (await upload(tongdu, p.id, { slot: 'plan', note: '' }, { name: 'a.exe', data: Buffer.from('MZ....') }))
        .statusCode,
    ).toBe(415);
    const refl = await tongdu.post(`/api/projects/doorstep/${p.id}/reflections`, {
      text: '老人晚间参与少，改为上午开放',
      date: '2026-06-01',
    });
    expect(refl.statusCode).toBe(200);
    const d = refl.json();
    expect(d.reflections).toHaveLength(1);
    expect(d.documents.find((x: { document: string }) => x.document === 'plan').complete).toBe(true);
    const file = await sd.get(d.documents[0].files[0].url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect((await xhy.get(d.documents[0].files[0].url)).statusCode).toBe(404);
    const list = await sd.get(`/api/projects/doorstep?category=health`);
    expect(list.json().items[0]).toMatchObject({ stagesDone: 1, documentsDone: 2, stage: 'survey' });

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, p.id), like(auditLog.action, 'projects.doorstep.%')));
    expect(audits.map((a) => a.action).sort()).toEqual([
      'projects.doorstep.create',
      'projects.doorstep.file',
      'projects.doorstep.file',
      'projects.doorstep.file',
      'projects.doorstep.reflection',
      'projects.doorstep.stage',
    ]);
  });

  it('access: the community records its own; subdistrict, bureau and evaluator read in their subtree; others get 404; residents see only name, category, stage and people served', async () => {
    const p = await created({ name: '法律服务进社区', category: 'social_affairs' });
    // Another community cannot read or write it, nor register for tongdu.
    expect((await xhy.get(`/api/projects/doorstep/${p.id}`)).statusCode).toBe(404);
    expect((await xhy.patch(`/api/projects/doorstep/${p.id}`, { name: 'x' })).statusCode).toBe(404);
    expect((await xhy.post('/api/projects/doorstep', project({ name: 'x' }))).statusCode).toBe(404);
    expect((await otherCity.get(`/api/projects/doorstep/${p.id}`)).statusCode).toBe(404);
    expect((await xhy.get(`/api/projects/doorstep?orgUnitId=${t.fx.tongdu.id}`)).statusCode).toBe(404);
    // The subdistrict, the bureau and an evaluator read; none of them edit.
    for (const c of [sd, civil, evaluator]) {
      const r = await c.get(`/api/projects/doorstep/${p.id}`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json().canEdit).toBe(false);
      expect(
        (await c.patch(`/api/projects/doorstep/${p.id}`, { name: 'x' })).statusCode,
      ).toBeGreaterThanOrEqual(403);
    }
    const own = await tongdu.patch(`/api/projects/doorstep/${p.id}`, {
      peopleServed: 300,
      budgetFen: 500_000,
    });
    expect(own.statusCode, own.body).toBe(200);
    expect(own.json()).toMatchObject({ peopleServed: 300, budgetFen: 500_000, canEdit: true });
    // Filters: orgUnitId in scope, year, category; pagination.
    const byUnit = await sd.get(`/api/projects/doorstep?orgUnitId=${t.fx.xihuayuan.id}&pageSize=1`);
    expect(byUnit.json().items.every((x: { orgUnitName: string }) => x.orgUnitName === '西花苑社区')).toBe(
      true,
    );
    expect(byUnit.json().pageSize).toBe(1);
    // Staff export.
    const xlsx = await sd.get('/api/projects/doorstep.xlsx?year=2026');
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.getRow(1).getCell(3).value).toBe('项目类别');
    expect(ws.rowCount).toBeGreaterThan(1);
    expect((await tongdu.get('/api/projects/doorstep.xlsx')).statusCode).toBe(403);
    // Residents: their community's projects, without budget or records.
    const mine = await jumin.get('/api/me/doorstep');
    expect(mine.statusCode, mine.body).toBe(200);
    const item = mine.json().items.find((x: { id: string }) => x.id === p.id);
    expect(item).toMatchObject({ name: '法律服务进社区', category: 'social_affairs', peopleServed: 300 });
    expect(item.budgetFen).toBeUndefined();
    expect(mine.json().items.some((x: { orgUnitName: string }) => x.orgUnitName === '西花苑社区')).toBe(
      false,
    );
    expect((await jumin.get('/api/projects/doorstep')).statusCode).toBe(403);
  });
});
