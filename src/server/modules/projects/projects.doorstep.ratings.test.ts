import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { auditLog } from '../../platform/audit.table';

let t: TestApp;
let tongdu: Client;
let sd: Client;
let evaluator: Client;
let jumin: Client;
let jumin2: Client;
let xhyJumin: Client;

const STAGES = [
  ['survey', '2026-02-01'],
  ['analysis', '2026-03-01'],
  ['design', '2026-04-01'],
  ['implementation', '2026-05-01'],
] as const;

async function project(name: string, stages: number): Promise<string> {
  const res = await tongdu.post('/api/projects/doorstep', {
    orgUnitId: t.fx.tongdu.id,
    year: 2026,
    category: name.startsWith('助餐') ? 'elderly' : 'safety',
    name,
    budgetFen: 100_000,
    serviceTimes: 4,
    servicePer: 'month',
    peopleServed: 50,
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as string;
  for (const [stage, date] of STAGES.slice(0, stages)) {
    const r = await tongdu.post(`/api/projects/doorstep/${id}/stages`, { stage, text: stage, date });
    expect(r.statusCode, r.body).toBe(200);
  }
  return id;
}

const rate = (c: Client, id: string, body: unknown) => c.put(`/api/me/doorstep/${id}/rating`, body as object);

beforeAll(async () => {
  t = await createTestApp();
  tongdu = await t.as('tongdu_worker');
  sd = await t.as('sd_admin');
  evaluator = await signInNewUser(t, 'pjr_eval', 'evaluator', t.fx.city.id);
  jumin = await signInNewUser(t, 'pjr_jumin', 'resident', t.fx.tongduGrid.id);
  jumin2 = await signInNewUser(t, 'pjr_jumin2', 'resident', t.fx.tongduBuilding.id);
  xhyJumin = await signInNewUser(t, 'pjr_xhy', 'resident', t.fx.xihuayuanGrid.id);
});
afterAll(() => t?.close());

describe('residents rate doorstep projects (seed 004 三(三))', () => {
  it('S004-10: a resident rates a project of their community once in 项目实施 — 1–5 stars, comment ≤ 200; re-rating replaces; staff see average, count and comments with masked names; audited', async () => {
    const id = await project('助餐服务', 4);
    // Validation.
    expect((await rate(jumin, id, { stars: 0 })).statusCode).toBe(400);
    expect((await rate(jumin, id, { stars: 6 })).statusCode).toBe(400);
    expect((await rate(jumin, id, { stars: 3.5 })).statusCode).toBe(400);
    expect((await rate(jumin, id, { stars: 4, comment: '好'.repeat(201) })).statusCode).toBe(400);

    const first = await rate(jumin, id, { stars: 3, comment: '饭菜偏咸' });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ average: 3, count: 1, canRate: true, mine: { stars: 3 } });
    const again = await rate(jumin, id, { stars: 5, comment: '改进后很好' });
    expect(again.json()).toMatchObject({ average: 5, count: 1, mine: { stars: 5, comment: '改进后很好' } });
    const other = await rate(jumin2, id, { stars: 4 });
    expect(other.json()).toMatchObject({ average: 4.5, count: 2, mine: { stars: 4, comment: null } });

    // The resident's list: the average on every project of the community.
    const mine = await jumin.get('/api/me/doorstep-ratings');
    expect(mine.statusCode, mine.body).toBe(200);
    expect(mine.json().items.find((i: { projectId: string }) => i.projectId === id)).toMatchObject({
      average: 4.5,
      count: 2,
      mine: { stars: 5 },
    });

    // Staff who read the project: average, count, comments; names masked, never in clear.
    for (const c of [tongdu, sd, evaluator]) {
      const r = await c.get(`/api/projects/doorstep/${id}/ratings`);
      expect(r.statusCode, r.body).toBe(200);
      expect(r.json()).toMatchObject({ average: 4.5, count: 2 });
      expect(
        r
          .json()
          .items.map((i: { raterName: string }) => i.raterName)
          .sort(),
      ).toEqual(['居民 p********2', '居民 p*******n']);
      expect(r.body).not.toContain('pjr_jumin');
    }
    // Residents cannot read the staff view; staff cannot rate.
    expect((await jumin.get(`/api/projects/doorstep/${id}/ratings`)).statusCode).toBe(403);
    expect((await rate(tongdu, id, { stars: 5 })).statusCode).toBe(403);

    const audits = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, id), eq(auditLog.action, 'projects.doorstep.rate')));
    expect(audits).toHaveLength(3);
    const replaced = audits.find((a) => a.before !== null)!;
    expect(replaced.before).toMatchObject({ stars: 3, comment: '饭菜偏咸' });
    expect(replaced.after).toMatchObject({ stars: 5, comment: '改进后很好' });
  });

  it('S004-10: before 项目实施 rating is refused with 409 in Chinese; a project of another community is 404', async () => {
    const id = await project('平安巡逻', 3);
    const early = await rate(jumin, id, { stars: 4 });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('projects.doorstep_rating_stage');
    expect(early.json().error.message).toBe('项目进入“项目实施”环节后才能评价');
    const listed = (await jumin.get('/api/me/doorstep-ratings')).json();
    expect(listed.items.find((i: { projectId: string }) => i.projectId === id)).toMatchObject({
      canRate: false,
      average: null,
      count: 0,
      mine: null,
    });
    // 西花苑's resident: not their community.
    expect((await rate(xhyJumin, id, { stars: 4 })).statusCode).toBe(404);
    expect(
      (await xhyJumin.get('/api/me/doorstep-ratings'))
        .json()
        .items.some((i: { projectId: string }) => i.projectId === id),
    ).toBe(false);
    expect((await rate(jumin, 'not-a-uuid', { stars: 4 })).statusCode).toBe(404);
    expect((await rate(jumin, crypto.randomUUID(), { stars: 4 })).statusCode).toBe(404);
    // Another community's staff cannot read the ratings either.
    const xhy = await t.as('xhy_worker');
    expect((await xhy.get(`/api/projects/doorstep/${id}/ratings`)).statusCode).toBe(404);
  });
});
