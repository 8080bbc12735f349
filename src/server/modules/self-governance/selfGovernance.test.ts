import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { chinaDate } from '../../../shared/chinaTime';
import { auditLog } from '../../platform/audit.table';

let t: TestApp;
let sec: Client;
let xhy: Client;
let worker: Client;
let today: string;
const daysAgo = (n: number) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  t = await createTestApp();
  sec = await signInNewUser(t, 'tongdu_sec', 'community_secretary', t.fx.tongdu.id);
  xhy = await signInNewUser(t, 'xhy_sec', 'community_secretary', t.fx.xihuayuan.id);
  worker = await t.as('tongdu_worker');
  today = chinaDate(t.clock.now());
});
afterAll(() => t.close());

async function body(kind: string, name: string, extra = {}) {
  const res = await sec.post('/api/self-governance/bodies', {
    communityId: t.fx.tongdu.id,
    kind,
    name,
    termStart: '2021-06-01',
    termEnd: '2026-05-31',
    ...extra,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; positions: { id: string; post: string; oneShoulder: boolean }[] };
}

async function position(bodyId: string, payload: Record<string, unknown>) {
  const res = await sec.post(`/api/self-governance/bodies/${bodyId}/positions`, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as {
    id: string;
    positions: {
      id: string;
      post: string;
      personName: string | null;
      oneShoulder: boolean;
      daysVacant: number | null;
    }[];
  };
}

let party: { id: string };
let committee: { id: string };
let memberId: string;

describe('the two committees and 一肩挑 (seed 002 三(一)1–2)', () => {
  it('flags one person holding the party secretary’s and the committee director’s posts (一肩挑)', async () => {
    party = await body('party_committee', '中共铜都社区委员会');
    committee = await body('residents_committee', '铜都社区居民委员会');
    await position(party.id, { post: 'secretary', personName: '王志红' });
    await position(party.id, { post: 'deputy_secretary', personName: '陈刚' });
    const c = await position(committee.id, { post: 'director', personName: '王志红' });
    expect(c.positions.find((p) => p.post === 'director')?.oneShoulder).toBe(true);
    const p = (await sec.get(`/api/self-governance/bodies/${party.id}`)).json();
    expect(p.positions.find((x: { post: string }) => x.post === 'secretary').oneShoulder).toBe(true);
    expect(p.positions.find((x: { post: string }) => x.post === 'deputy_secretary').oneShoulder).toBe(false);
    const ov = (await sec.get('/api/self-governance/overview')).json().rows[0];
    expect(ov.oneShoulder).toBe('王志红');
    expect(ov.flags).toContain('one_shoulder');
    expect(ov.flags).toContain('no_supervision');
  });

  it('a sub-committee hangs under the residents’ committee of the same community only', async () => {
    const env = await body('sub_committee', '环境和物业管理委员会', { parentId: committee.id });
    expect(env.id).toBeTruthy();
    const bad = await sec.post('/api/self-governance/bodies', {
      communityId: t.fx.tongdu.id,
      kind: 'sub_committee',
      name: '人民调解委员会',
      parentId: party.id,
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.message).toContain('居（村）民委员会');
  });
});

describe('vacancies and by-elections (补选, seed 002 三(一)1)', () => {
  it('a post falls vacant with its date; open more than 30 days it is overdue; a by-election fills it and closes the vacancy', async () => {
    const c = await position(committee.id, { post: 'member', personName: '刘芳' });
    memberId = c.positions.find((p) => p.personName === '刘芳')!.id;
    const v = await sec.post(`/api/self-governance/positions/${memberId}/vacate`, {
      openedOn: daysAgo(45),
      reason: '工作调动',
    });
    expect(v.statusCode, v.body).toBe(200);
    expect(v.json()).toMatchObject({ personName: null, vacantSince: daysAgo(45), daysVacant: 45 });
    expect(
      (await sec.post(`/api/self-governance/positions/${memberId}/vacate`, { openedOn: today, reason: 'x' }))
        .statusCode,
    ).toBe(409);
    const overdue = (await sec.get('/api/self-governance/vacancies?overdue=true')).json();
    expect(overdue.total).toBe(1);
    expect(overdue.items[0]).toMatchObject({
      previousHolder: '刘芳',
      overdue: true,
      daysOpen: 45,
      post: 'member',
    });
    expect((await sec.get('/api/self-governance/overview')).json().rows[0].flags).toContain(
      'vacancy_overdue',
    );

    const e = await sec.post('/api/self-governance/elections', {
      bodyId: committee.id,
      kind: 'by_election',
      method: 'direct',
      heldOn: daysAgo(2),
      electorate: 3200,
      ballotsCast: 2100,
      positionId: memberId,
      results: [
        { name: '赵敏', post: 'member', votes: 1580, elected: true },
        { name: '孙伟', post: 'member', votes: 480, elected: false },
      ],
    });
    expect(e.statusCode, e.body).toBe(201);
    expect(e.json().flags).toEqual([]);
    const vacancies = (await sec.get('/api/self-governance/vacancies')).json();
    expect(vacancies.items[0]).toMatchObject({
      filledBy: '赵敏',
      filledVia: 'by_election',
      closedOn: daysAgo(2),
      daysOpen: 43,
    });
    expect((await sec.get('/api/self-governance/vacancies?overdue=true')).json().total).toBe(0);
    const b = (await sec.get(`/api/self-governance/bodies/${committee.id}`)).json();
    expect(b.positions.find((p: { id: string }) => p.id === memberId)).toMatchObject({
      personName: '赵敏',
      filledVia: 'by_election',
    });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, memberId));
    expect(audits.map((a) => a.action).sort()).toEqual(
      [
        'self_governance.position.create',
        'self_governance.position.fill',
        'self_governance.position.vacate',
      ].sort(),
    );
  });

  it('a by-election needs a vacant post of the same body and one elected person', async () => {
    const base = {
      bodyId: committee.id,
      kind: 'by_election',
      method: 'direct',
      heldOn: today,
      electorate: 100,
      ballotsCast: 80,
      results: [{ name: '甲', post: 'member', votes: 60, elected: true }],
    };
    expect((await sec.post('/api/self-governance/elections', base)).statusCode).toBe(422);
    expect(
      (await sec.post('/api/self-governance/elections', { ...base, positionId: memberId })).statusCode,
    ).toBe(409);
    expect((await sec.post('/api/self-governance/elections', { ...base, ballotsCast: 120 })).statusCode).toBe(
      422,
    );
  });
});

describe('elections (seed 004 Ⅱ-2) and training and reviews (seed 002 三(三)9)', () => {
  it('flags a residents’ committee elected other than by direct election, and an election with under half voting', async () => {
    const res = await sec.post('/api/self-governance/elections', {
      bodyId: committee.id,
      kind: 'general',
      method: 'self_nomination_direct',
      heldOn: '2021-05-20',
      electorate: 3000,
      ballotsCast: 1400,
      results: [{ name: '王志红', post: 'director', votes: 1300, elected: true }],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().flags).toEqual(['method_unexpected', 'turnout_below_half']);
  });

  it('records training and performance reviews of the two committees', async () => {
    const r = await sec.post('/api/self-governance/reviews', {
      communityId: t.fx.tongdu.id,
      bodyId: party.id,
      kind: 'review',
      form: 'performance',
      heldOn: today,
      title: '两委班子履职践诺评估',
      personName: '王志红',
      result: 'excellent',
      score: 94,
    });
    expect(r.statusCode, r.body).toBe(201);
    expect((await sec.get('/api/self-governance/reviews?kind=review')).json().total).toBe(1);
    expect((await sec.get('/api/self-governance/overview')).json().rows[0].reviewsThisYear).toBe(1);
  });

  it('another community’s bodies, posts and filters answer 404; a community worker only reads', async () => {
    expect((await xhy.get(`/api/self-governance/bodies/${party.id}`)).statusCode).toBe(404);
    expect(
      (
        await xhy.post(`/api/self-governance/positions/${memberId}/vacate`, {
          openedOn: today,
          reason: '调动',
        })
      ).statusCode,
    ).toBe(404);
    expect((await xhy.get(`/api/self-governance/vacancies?communityId=${t.fx.tongdu.id}`)).statusCode).toBe(
      404,
    );
    expect(
      (
        await xhy.post(`/api/self-governance/bodies/${party.id}/positions`, {
          post: 'member',
          personName: 'x',
        })
      ).statusCode,
    ).toBe(404);
    expect((await xhy.get('/api/self-governance/bodies')).json().total).toBe(0);
    expect((await worker.get('/api/self-governance/bodies')).json().total).toBeGreaterThan(0);
    expect(
      (
        await worker.post('/api/self-governance/bodies', {
          communityId: t.fx.tongdu.id,
          kind: 'residents_group',
          name: '第一居民小组',
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('the deliberation carriers residents form (seed 003 三(一)2 and 三(一)4)', () => {
  const carriers = [
    ['deliberation_council', '铜都社区居民议事会'],
    ['evaluation_council', '铜都社区居民评议会'],
    ['trustee_council', '老旧小区改造居民理事会'],
    ['supervision_group', '加装电梯居民监督小组'],
  ] as const;

  it('seed 003 (S003-09) and (S003-22): 议事会, 评议会, 理事会 and 监督小组 are recorded with their posts and read back by id, by kind filter and in the overview count', async () => {
    const before = (await sec.get('/api/self-governance/overview')).json().rows[0].bodies as number;
    for (const [kind, name] of carriers) {
      const made = await body(kind, name);
      const withChair = await position(made.id, { post: 'chair', personName: '刘建国' });
      expect(withChair.positions.map((p) => p.post)).toEqual(['chair']);
      const read = await sec.get(`/api/self-governance/bodies/${made.id}`);
      expect(read.statusCode, read.body).toBe(200);
      expect(read.json()).toMatchObject({
        kind,
        name,
        communityId: t.fx.tongdu.id,
        termStart: '2021-06-01',
        termEnd: '2026-05-31',
        positions: [{ post: 'chair', personName: '刘建国' }],
      });
      const filtered = await sec.get(`/api/self-governance/bodies?kind=${kind}`);
      expect(filtered.statusCode, filtered.body).toBe(200);
      expect(filtered.json().total).toBe(1);
      expect(filtered.json().items[0]).toMatchObject({ id: made.id, kind, name });
    }
    const ov = (await sec.get('/api/self-governance/overview')).json().rows[0];
    expect(ov.bodies).toBe(before + carriers.length);
    // Listed after the committees and groups, in name order.
    const all = (await sec.get('/api/self-governance/bodies?pageSize=100')).json().items as {
      kind: string;
    }[];
    const kinds = all.map((b) => b.kind);
    expect(kinds.slice(-carriers.length).sort()).toEqual(carriers.map(([k]) => k).sort());
    expect(kinds.indexOf('party_committee')).toBe(0);
  });

  it('seed 003 (S003-22): an unknown kind is refused; another community does not see the carriers', async () => {
    const bad = await sec.post('/api/self-governance/bodies', {
      communityId: t.fx.tongdu.id,
      kind: 'neighbourhood_club',
      name: '邻里俱乐部',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('common.validation');
    expect(bad.json().error.details.fields.map((f: { path: string }) => f.path)).toEqual(['kind']);
    expect((await xhy.get('/api/self-governance/bodies?kind=supervision_group')).json().total).toBe(0);
  });
});
