import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { ratingQuestion } from '../../../../test/surveys';
import { buildResident, buildUnit } from '../../../../test/factories';
import { tongduConvention } from '../../../../test/participation';
import { surveyRates } from './surveys.api';
import { marginOfError } from './surveys.stats';

let t: TestApp;
let tongdu: Client; // 铜都社区 worker (manages)
let xhy: Client; // 西花苑社区 worker
let grid: Client; // 铜都 grid worker (enters paper forms)
let resident: Client; // lives in 铜都
let outsider: Client; // lives in 西花苑

const DAY = 86_400_000;

const QUESTIONS = [
  {
    key: 'aware',
    kind: 'single',
    title: '您是否知道本社区正在创建“幸福社区”？',
    options: ['知道', '听说过', '不知道'],
    measure: 'awareness',
    positive: { options: [0, 1] },
  },
  {
    key: 'sat',
    kind: 'rating',
    title: '您对社区服务的总体满意程度',
    scale: { min: 1, max: 5, minLabel: '非常不满意', maxLabel: '非常满意' },
    measure: 'satisfaction',
    positive: { minRating: 4 },
  },
  {
    key: 'items',
    kind: 'matrix',
    title: '请对以下方面打分',
    scale: { min: 1, max: 5 },
    rows: ['环境卫生', '治安秩序'],
    measure: 'satisfaction',
    positive: { minRating: 4 },
    required: false,
  },
  {
    key: 'needs',
    kind: 'multiple',
    title: '您最需要的服务',
    options: ['助餐', '助浴', '文体活动'],
    required: false,
  },
  { key: 'say', kind: 'text', title: '意见和建议', required: false },
];

async function draft(client: Client, body: Record<string, unknown> = {}) {
  const now = t.clock.now().getTime();
  return client.post('/api/surveys', {
    orgUnitId: t.fx.tongdu.id,
    title: '2026年铜都社区居民满意度调查',
    purpose: 'satisfaction',
    year: 2026,
    opensAt: new Date(now - DAY).toISOString(),
    closesAt: new Date(now + 10 * DAY).toISOString(),
    questions: QUESTIONS,
    ...body,
  });
}

async function published(body: Record<string, unknown> = {}) {
  const res = await draft(tongdu, body);
  expect(res.statusCode, res.body).toBe(201);
  const pub = await tongdu.post(`/api/surveys/${res.json().id}/publish`);
  expect(pub.statusCode, pub.body).toBe(200);
  return pub.json();
}

beforeAll(async () => {
  t = await createTestApp();
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  grid = await t.as('grid_worker');
  resident = await signInNewUser(t, 'res_tongdu', 'resident', t.fx.tongdu.id);
  outsider = await signInNewUser(t, 'res_xhy', 'resident', t.fx.xihuayuan.id);
  for (let i = 0; i < 20; i++)
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: `居民${i}` });
});
afterAll(() => t.close());

describe('builder', () => {
  it('refuses a choice question with one option, a rating without scale, a measured text question (400, Chinese)', async () => {
    const one = await draft(tongdu, {
      questions: [{ key: 'a', kind: 'single', title: '题目', options: ['是'] }],
    });
    expect(one.statusCode).toBe(400);
    expect(one.json().error.message).toContain('第 1 题');
    const scale = await draft(tongdu, { questions: [{ key: 'a', kind: 'rating', title: '打分' }] });
    expect(scale.statusCode).toBe(400);
    const text = await draft(tongdu, {
      questions: [{ key: 'a', kind: 'text', title: '意见', measure: 'satisfaction' }],
    });
    expect(text.statusCode).toBe(400);
    expect(text.json().error.message).toContain('文字题');
  });

  it('R-AS-5: a measured question must say which answers count as aware or satisfied', async () => {
    const res = await draft(tongdu, {
      questions: [
        { key: 'a', kind: 'rating', title: '满意度', scale: { min: 1, max: 5 }, measure: 'satisfaction' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('满意');
  });

  it('freezes the questions once published (409) and counts the population', async () => {
    const s = await published();
    expect(s.status).toBe('published');
    expect(s.population).toBe(20);
    const edit = await tongdu.patch(`/api/surveys/${s.id}`, { title: '改个名字' });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toContain('冻结');
  });

  it('refuses closing before opening', async () => {
    const now = t.clock.now().getTime();
    const res = await draft(tongdu, { closesAt: new Date(now - 2 * DAY).toISOString() });
    expect(res.statusCode).toBe(400);
  });
});

describe('scope', () => {
  it('out of scope is 404 for staff and residents alike', async () => {
    const s = await published();
    expect((await xhy.get(`/api/surveys/${s.id}`)).statusCode).toBe(404);
    expect((await xhy.get(`/api/surveys/${s.id}/results`)).statusCode).toBe(404);
    expect((await outsider.get(`/api/surveys/mine/${s.id}`)).statusCode).toBe(404);
    const answer = await outsider.post(`/api/surveys/mine/${s.id}/answer`, { answers: { aware: 0, sat: 5 } });
    expect(answer.statusCode).toBe(404);
    expect(
      (await xhy.post(`/api/surveys/${s.id}/responses`, { answers: { aware: 0, sat: 5 } })).statusCode,
    ).toBe(404);
    const mine = (await outsider.get('/api/surveys/mine')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).not.toContain(s.id);
  });

  it('a draft is not shown to residents', async () => {
    const d = (await draft(tongdu)).json();
    expect((await resident.get(`/api/surveys/mine/${d.id}`)).statusCode).toBe(404);
  });
});

describe('answers', () => {
  it('one response per resident: a second answer is refused with a Chinese 409', async () => {
    const s = await published();
    const first = await resident.post(`/api/surveys/mine/${s.id}/answer`, {
      answers: { aware: 0, sat: 4, items: [5, 3], needs: [0, 2], say: '希望多办活动' },
    });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().answered).toBe(true);
    const again = await resident.post(`/api/surveys/mine/${s.id}/answer`, { answers: { aware: 0, sat: 5 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('只能填写一次');
  });

  it('refuses a missing required answer and an answer off the scale', async () => {
    const s = await published();
    const missing = await resident.post(`/api/surveys/mine/${s.id}/answer`, { answers: { aware: 0 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.message).toContain('第 2 题');
    const off = await resident.post(`/api/surveys/mine/${s.id}/answer`, { answers: { aware: 0, sat: 9 } });
    expect(off.statusCode).toBe(400);
  });

  it('a closed survey takes no answers', async () => {
    const s = await published();
    expect((await tongdu.post(`/api/surveys/${s.id}/close`)).statusCode).toBe(200);
    const res = await resident.post(`/api/surveys/mine/${s.id}/answer`, { answers: { aware: 0, sat: 5 } });
    expect(res.statusCode).toBe(409);
  });
});

describe('paper entry', () => {
  it('records channel=paper and the entering staff; the phone only as a mask; one per phone', async () => {
    const s = await published();
    const res = await grid.post(`/api/surveys/${s.id}/responses`, {
      phone: '139 0000 1111',
      orgUnitId: t.fx.tongduGrid.id,
      answers: { aware: 2, sat: 3 },
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r.channel).toBe('paper');
    expect(r.phoneMask).toMatch(/^139\*+1111$/);
    expect(r.enteredByName).toBe('grid_worker');
    const again = await tongdu.post(`/api/surveys/${s.id}/responses`, {
      phone: '13900001111',
      answers: { aware: 0, sat: 5 },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toContain('手机号');
    const bad = await tongdu.post(`/api/surveys/${s.id}/responses`, {
      phone: '12345',
      answers: { aware: 0, sat: 5 },
    });
    expect(bad.statusCode).toBe(400);
    const outside = await tongdu.post(`/api/surveys/${s.id}/responses`, {
      orgUnitId: t.fx.xihuayuanGrid.id,
      answers: { aware: 0, sat: 5 },
    });
    expect(outside.statusCode).toBe(400);
    const list = (await tongdu.get(`/api/surveys/${s.id}/responses`)).json();
    expect(list.total).toBe(1);
    const stored = await t.deps.db.execute(
      sql`select phone_enc, phone_hash from sv_responses where survey_id = ${s.id}`,
    );
    const row = (stored as unknown as { rows: { phone_enc: string; phone_hash: string }[] }).rows[0]!;
    expect(row.phone_enc).not.toContain('13900001111');
    expect(row.phone_hash).not.toContain('13900001111');
  });

  it('paper entry is audited', async () => {
    const s = await published();
    await tongdu.post(`/api/surveys/${s.id}/responses`, { answers: { aware: 0, sat: 5 } });
    const audit = await t.deps.db.execute(
      sql`select count(*)::int as n from audit_log where entity_id = ${s.id}`,
    );
    expect((audit as unknown as { rows: { n: number }[] }).rows[0]!.n).toBeGreaterThanOrEqual(3);
  });
});

describe('results', () => {
  it('R-AS-5: awareness and satisfaction rates against 85%, response rate and margin of error', async () => {
    const s = await published();
    await tongdu.post(`/api/surveys/${s.id}/quotas`, {
      target: 10,
      quotas: [{ orgUnitId: t.fx.tongduGrid.id, target: 10 }],
    });
    // 10 paper forms: 9 aware, satisfaction ratings 5,5,5,5,5,5,5,4,3,2 → 8/10 + matrix rows (5,4)×10 → 28/30.
    const ratings = [5, 5, 5, 5, 5, 5, 5, 4, 3, 2];
    const hh = await buildUnit(t.deps, t.fx.tongduBuilding, 'household', '501');
    for (const [i, sat] of ratings.entries()) {
      const res = await tongdu.post(`/api/surveys/${s.id}/responses`, {
        orgUnitId: hh.id,
        phone: `1390000${String(2000 + i)}`,
        answers: { aware: i === 9 ? 2 : 0, sat, items: [5, 4] },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const r = (await tongdu.get(`/api/surveys/${s.id}/results`)).json();
    expect(r.responses).toBe(10);
    expect(r.paper).toBe(10);
    expect(r.responseRate).toBe(1);
    expect(r.population).toBe(20);
    expect(r.coverage).toBe(0.5);
    expect(r.awareness).toMatchObject({ positive: 9, total: 10, rate: 0.9, pass: true });
    expect(r.satisfaction).toMatchObject({ positive: 28, total: 30, rate: 0.9333, pass: true });
    // Finite-population corrected: 1.96·√(0.25/10)·√((20−10)/19)
    expect(r.marginOfError).toBeCloseTo(1.96 * Math.sqrt(0.25 / 10) * Math.sqrt(10 / 19), 3);
    expect(r.finitePopulation).toBe(true);
    expect(r.units[0]).toMatchObject({ target: 10, responses: 10 });
    const sat = r.questions.find((q: { key: string }) => q.key === 'sat');
    expect(sat.scale.find((x: { value: number }) => x.value === 5).count).toBe(7);
    expect(sat.mean).toBe(4.4);
    const detail = (await tongdu.get(`/api/surveys/${s.id}`)).json();
    expect(detail.quotas[0]).toMatchObject({ target: 10, responses: 10 });

    // Below the bar: fail in the rates, and the api other modules call sees closed surveys only.
    expect(
      (await surveyRates(t.deps.db, { orgPath: t.fx.tongdu.path, year: 2026 })).surveys.map((x) => x.id),
    ).not.toContain(s.id);
    await tongdu.post(`/api/surveys/${s.id}/close`);
    const rates = await surveyRates(t.deps.db, { orgUnitId: t.fx.tongdu.id, year: 2026 });
    expect(rates.surveys.map((x) => x.id)).toContain(s.id);
    expect(rates.awareness?.total).toBeGreaterThanOrEqual(10);
    const xlsx = await tongdu.get(`/api/surveys/${s.id}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const qr = await tongdu.get(`/api/surveys/${s.id}/qr.svg`);
    expect(qr.statusCode).toBe(200);
    expect(qr.body).toContain('<svg');
  });

  it('R-AS-5: a rate below 85% fails; margin of error without a population has no correction', () => {
    expect(marginOfError(0.5, 100, null)).toBeCloseTo(0.098, 3);
    expect(marginOfError(0.8, 400, 2000)).toBeCloseTo(
      1.96 * Math.sqrt(0.16 / 400) * Math.sqrt(1600 / 1999),
      4,
    );
    expect(marginOfError(0.5, 50, 50)).toBe(0);
  });

  it('R-AS-5: surveyRates gives a community its own rates from a subdistrict-wide survey (evidence for Ⅱ-10)', async () => {
    const sd = await t.as('sd_admin');
    const res = await draft(sd, {
      orgUnitId: t.fx.subdistrict.id,
      title: '街道幸福社区满意度调查',
      year: 2025,
    });
    expect(res.statusCode, res.body).toBe(201);
    const s = res.json();
    expect(
      (
        await sd.post(`/api/surveys/${s.id}/quotas`, {
          quotas: [
            { orgUnitId: t.fx.tongdu.id, target: 5 },
            { orgUnitId: t.fx.xihuayuan.id, target: 5 },
          ],
        })
      ).statusCode,
    ).toBe(200);
    expect((await sd.post(`/api/surveys/${s.id}/publish`)).statusCode).toBe(200);
    // 西花苑: 4 of 5 satisfied on the rating (matrix left out) → 80%, below the bar; 铜都 all satisfied.
    for (const [unit, sat] of [
      [t.fx.xihuayuanGrid.id, 5],
      [t.fx.xihuayuanGrid.id, 4],
      [t.fx.xihuayuanGrid.id, 4],
      [t.fx.xihuayuanGrid.id, 5],
      [t.fx.xihuayuanGrid.id, 2],
      [t.fx.tongduGrid.id, 5],
    ] as const)
      expect(
        (await sd.post(`/api/surveys/${s.id}/responses`, { orgUnitId: unit, answers: { aware: 0, sat } }))
          .statusCode,
      ).toBe(201);
    // A grid worker of 铜都 may not place a form in 西花苑.
    const stray = await grid.post(`/api/surveys/${s.id}/responses`, {
      orgUnitId: t.fx.xihuayuanGrid.id,
      answers: { aware: 0, sat: 5 },
    });
    expect(stray.statusCode).toBe(400);
    await sd.post(`/api/surveys/${s.id}/close`);
    const x = await surveyRates(t.deps.db, { orgUnitId: t.fx.xihuayuan.id, year: 2025 });
    expect(x.satisfaction).toMatchObject({ positive: 4, total: 5, rate: 0.8, pass: false });
    expect(x.surveys).toHaveLength(1);
    expect(x.surveys[0]!.responses).toBe(5);
    const r = (await sd.get(`/api/surveys/${s.id}/results`)).json();
    const xhyRow = r.units.find((u: { orgUnitId: string }) => u.orgUnitId === t.fx.xihuayuan.id);
    expect(xhyRow.satisfaction.pass).toBe(false);
  });
});

describe('conventions', () => {
  it('R-DL-6: a survey on the convention, closing, gives the unit’s published convention its awareness and compliance rates', async () => {
    const id = await tongduConvention(t, tongdu);
    await tongdu.post(`/api/conventions/${id}/versions`, { text: '一、爱护环境\n二、邻里和睦' });
    expect((await tongdu.post(`/api/conventions/${id}/publish`, { no: 1 })).statusCode).toBe(200);
    const s = await published({
      title: '2026年居民公约知晓率调查',
      purpose: 'convention',
      questions: [
        {
          key: 'know',
          kind: 'single',
          title: '您是否知道本社区的居民公约？',
          options: ['知道', '不知道'],
          measure: 'awareness',
          positive: { options: [0] },
        },
        ratingQuestion('keep', '您家遵守居民公约的情况', 'compliance'),
      ],
    });
    const hh = await buildUnit(t.deps, t.fx.tongduBuilding, 'household', '701');
    for (const [i, know] of [0, 0, 0, 1].entries()) {
      const res = await tongdu.post(`/api/surveys/${s.id}/responses`, {
        orgUnitId: hh.id,
        phone: `1390000${String(3000 + i)}`,
        answers: { know, keep: i < 2 ? 5 : 3 },
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await tongdu.get(`/api/conventions/${id}`)).json().awarenessPermille).toBeNull();
    expect((await tongdu.post(`/api/surveys/${s.id}/close`)).statusCode).toBe(200);
    const after = (await tongdu.get(`/api/conventions/${id}`)).json();
    expect(after.awarenessPermille).toBe(750);
    expect(after.compliancePermille).toBe(500);
  });
});
