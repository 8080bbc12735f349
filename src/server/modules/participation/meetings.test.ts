import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, signInNewUser } from '../../../../test/app';
import { buildResident, buildUnit, nextIdNumber } from '../../../../test/factories';
import { postTongduMeeting } from '../../../../test/participation';

let t: TestApp;
let tongdu: Client; // 铜都社区 worker (manages)
let xhy: Client; // 西花苑社区 worker
let grid: Client; // read only
/** Adults of 铜都: 10 households, 2 adults each (one household with one adult), plus children and others. */
const adults: string[] = [];
const householdOf: string[] = [];
let child = '';
let migrant = '';
let late = '';
let outsider = '';

const DAY = 24 * 3_600_000;

const create = (client: Client, body: Record<string, unknown>) => postTongduMeeting(t, client, body);

async function created(body: Record<string, unknown>) {
  const res = await create(tongdu, body);
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function opened(body: Record<string, unknown>) {
  const m = await created(body);
  const res = await tongdu.post(`/api/meetings/${m.id}/open`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const signIn = (id: string, body: Record<string, unknown>) =>
  tongdu.post(`/api/meetings/${id}/attendance`, body);

async function motion(id: string, ballot = 'open') {
  const res = await tongdu.post(`/api/meetings/${id}/motions`, { title: '同意改造方案', ballot });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().motions.at(-1).id as string;
}

const roster = (n: number, women = Math.ceil(n / 3)) =>
  Array.from({ length: n }, (_, i) => ({ name: `代表${i + 1}`, gender: i < women ? 'female' : 'male' }));

beforeAll(async () => {
  t = await createTestApp();
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  grid = await signInNewUser(t, 'tongdu_reader', 'grid_worker', t.fx.tongdu.id);
  for (let h = 0; h < 10; h++) {
    const household = await buildUnit(t.deps, t.fx.tongduBuilding, 'household', `${101 + h}`);
    const n = h === 9 ? 1 : 2;
    for (let i = 0; i < n; i++) {
      const r = await buildResident(t.deps, household, t.fx.tongdu, { name: `居民${h}-${i}` });
      adults.push(r.id);
      householdOf.push(household.id);
    }
    if (h === 0) {
      const kid = await buildResident(t.deps, household, t.fx.tongdu, {
        name: '小明',
        idNumber: nextIdNumber('20150601'),
      });
      child = kid.id;
    }
  }
  migrant = (
    await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
      name: '流动人员',
      registrationStatus: 'migrant',
    })
  ).id;
  outsider = (await buildResident(t.deps, t.fx.xihuayuanBuilding, t.fx.xihuayuan, { name: '西花苑居民' })).id;
  // Registered after the frozen date: not due.
  t.clock.advance(2 * DAY);
  late = (await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '新迁入' })).id;
  t.clock.advance(-2 * DAY);
  // adults: 19 (10 households, one with a single adult)
});

afterAll(() => t.close());

describe('meetings: electorate, notice and quorum from the law as data', () => {
  it('R-LAW-MT-1: a villagers’ meeting needs 10 days’ notice', async () => {
    const res = await create(tongdu, {
      kind: 'villagers',
      basis: 'adults',
      title: '村民会议',
      heldAt: new Date(t.clock.now().getTime() + 9 * DAY).toISOString(),
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('participation.notice_period');
    expect(res.json().error.message).toContain('10');
  });

  it('R-LAW-MT-1: those due are the registered adults (18+) at the frozen date — no children, migrants or later arrivals', async () => {
    const m = await created({ kind: 'villagers', basis: 'adults' });
    expect(m.quorum.due).toBe(19);
    expect(m.quorum.required).toBe(10);
    expect(m.status).toBe('scheduled');
    const later = await create(tongdu, { kind: 'villagers', basis: 'adults', frozenOn: '2099-01-01' });
    expect(later.statusCode).toBe(422);
  });

  it('R-LAW-MT-1: quorum is more than half of adults, from recorded sign-ins only, shown in words', async () => {
    const m = await opened({ kind: 'villagers', basis: 'adults' });
    expect(m.quorum).toMatchObject({ present: 0, due: 19, met: false });
    let res = await signIn(m.id, { residentIds: adults.slice(0, 9) });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().quorum.words).toBe('到会 9 / 应到 19，未过半数，会议无效（未达法定人数）');
    // Signing someone in twice counts once.
    res = await signIn(m.id, { residentIds: adults.slice(0, 10) });
    expect(res.json().quorum).toMatchObject({ present: 10, met: true });
    expect(res.json().quorum.words).toBe('到会 10 / 应到 19，过半数，会议有效');
    const en = await tongdu.request({
      method: 'GET',
      url: `/api/meetings/${m.id}`,
      headers: { 'accept-language': 'en' },
    });
    expect(en.json().quorum.words).toBe('Present 10 / due 19, more than half: the meeting is valid');
  });

  it('R-LAW-MT-1: exactly half is not a quorum; children, migrants, later arrivals and other units cannot sign in', async () => {
    const m = await opened({ kind: 'villagers', basis: 'adults' });
    for (const id of [child, migrant, late, outsider]) {
      const res = await signIn(m.id, { residentIds: [id] });
      expect(res.statusCode).toBe(422);
      expect(res.json().error.code).toBe('participation.not_elector');
    }
    const res = await signIn(m.id, { memberNames: ['某人'] });
    expect(res.statusCode).toBe(422);
  });

  it('R-LAW-MT-1: by households, at least 2/3 of households represented; two members of one household count once', async () => {
    const m = await opened({ kind: 'villagers', basis: 'households' });
    expect(m.quorum).toMatchObject({ due: 10, required: 7 });
    // Adults 0..11 are households 0..5 (two each): 6 households.
    let res = await signIn(m.id, { residentIds: adults.slice(0, 12) });
    expect(res.json().quorum).toMatchObject({ present: 6, met: false });
    res = await signIn(m.id, { residentIds: [adults[12]!] });
    expect(res.json().quorum).toMatchObject({ present: 7, met: true });
    expect(res.json().quorum.words).toBe('到会 7 / 应到 10，达三分之二，会议有效');
  });

  it('R-LAW-MT-3: a villager group meeting needs 2/3 of adults; a residents’ meeting more than half', async () => {
    const g = await opened({ kind: 'villager_group', basis: 'adults' });
    expect(g.quorum.required).toBe(13);
    const r = await opened({ kind: 'residents', basis: 'adults' });
    expect(r.quorum.required).toBe(10);
    const bad = await create(tongdu, { kind: 'villager_reps', basis: 'adults' });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().error.code).toBe('common.validation');
  });
});

describe('residents’ group meetings (居民小组会议)', () => {
  it('seed 003 (S003-22): a residents’ group meeting is called, read back by id and by kind filter, with the residents’ meeting’s more-than-half as a platform default', async () => {
    const m = await created({
      kind: 'resident_group',
      basis: 'members',
      title: '第一居民小组会议：楼道堆物清理',
      members: roster(9),
    });
    const read = await tongdu.get(`/api/meetings/${m.id}`);
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({
      kind: 'resident_group',
      basis: 'members',
      title: '第一居民小组会议：楼道堆物清理',
      status: 'scheduled',
      rule: { source: 'product', noticeDays: null },
      quorum: { present: 0, due: 9, required: 5, met: false },
    });
    const list = await tongdu.get('/api/meetings?kind=resident_group');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json().items.map((x: { id: string }) => x.id)).toContain(m.id);
    expect(list.json().items.every((x: { kind: string }) => x.kind === 'resident_group')).toBe(true);
    const byAdults = await created({ kind: 'resident_group', basis: 'adults' });
    expect(byAdults.quorum).toMatchObject({ due: 19, required: 10 });
    const byHouseholds = await created({ kind: 'resident_group', basis: 'households' });
    expect(byHouseholds.quorum).toMatchObject({ due: 10, required: 6 });
  });

  it('seed 003 (S003-22): more than half of the group present decides by more than half of those present, and the record closes', async () => {
    const m = await opened({ kind: 'resident_group', basis: 'members', members: roster(9) });
    let res = await signIn(m.id, { memberNames: ['代表1', '代表2', '代表3', '代表4'] });
    expect(res.json().quorum.words).toBe('到会 4 / 应到 9，未过半数，会议无效（未达法定人数）');
    res = await signIn(m.id, { memberNames: ['代表5'] });
    expect(res.json().quorum).toMatchObject({ present: 5, met: true });
    const motionId = await motion(m.id);
    res = await tongdu.post(`/api/meetings/${m.id}/motions/${motionId}/vote`, { yes: 3, no: 2, abstain: 0 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().motions[0]).toMatchObject({ passed: true, words: '赞成 3 / 到会 5，过半数，通过' });
    res = await tongdu.post(`/api/meetings/${m.id}/close`, { minutes: '小组会议通过楼道堆物清理办法。' });
    expect(res.statusCode, res.body).toBe(200);
    const closed = (await tongdu.get(`/api/meetings?kind=resident_group&status=closed`)).json();
    expect(closed.items.map((x: { id: string }) => x.id)).toContain(m.id);
  });
});

describe('motions and votes', () => {
  it('R-LAW-MT-2: a representatives’ meeting below 2/3 of its members cannot record decisions; at 2/3 it can, and more than half of those present decide', async () => {
    const m = await opened({ kind: 'villager_reps', basis: 'members', members: roster(9) });
    let res = await signIn(m.id, { memberNames: ['代表1', '代表2', '代表3', '代表4', '代表5'] });
    expect(res.json().quorum.words).toBe('到会 5 / 应到 9，不足三分之二，会议无效（未达法定人数）');
    const motionId = await motion(m.id, 'secret');
    res = await tongdu.post(`/api/meetings/${m.id}/motions/${motionId}/vote`, { yes: 5, no: 0, abstain: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('participation.quorum_not_met');
    res = await signIn(m.id, { memberNames: ['代表6'] });
    expect(res.json().quorum).toMatchObject({ present: 6, met: true });
    res = await signIn(m.id, { memberNames: ['不在名单'] });
    expect(res.statusCode).toBe(422);
    res = await tongdu.post(`/api/meetings/${m.id}/motions/${motionId}/vote`, { yes: 3, no: 2, abstain: 1 });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().motions[0]).toMatchObject({
      passed: false,
      words: '赞成 3 / 到会 6，未过半数，未通过',
    });
    const second = await motion(m.id);
    res = await tongdu.post(`/api/meetings/${m.id}/motions/${second}/vote`, { yes: 4, no: 2, abstain: 0 });
    expect(res.json().motions[1]).toMatchObject({ passed: true, words: '赞成 4 / 到会 6，过半数，通过' });
    // A tally is recorded once.
    res = await tongdu.post(`/api/meetings/${m.id}/motions/${second}/vote`, { yes: 6, no: 0, abstain: 0 });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('participation.motion_decided');
  });

  it('R-LAW-MT-2: the roster is checked for women at least a third (advisory)', async () => {
    const m = await created({ kind: 'villager_reps', basis: 'members', members: roster(9, 2) });
    expect(m.warnings).toContain('women_share');
    const ok = await created({ kind: 'villager_reps', basis: 'members', members: roster(2, 1) });
    expect(ok.warnings).not.toContain('women_share');
  });

  it('R-LAW-MT-4: a party members’ meeting needs 2/3 present, and more than half of those due must approve', async () => {
    const m = await opened({ kind: 'party_members', basis: 'members', members: roster(10) });
    await signIn(m.id, { memberNames: roster(8).map((x) => x.name) });
    const a = await motion(m.id);
    let res = await tongdu.post(`/api/meetings/${m.id}/motions/${a}/vote`, { yes: 5, no: 3, abstain: 0 });
    // 5 of 8 present is a majority of those present, but not more than half of the 10 due.
    expect(res.json().motions[0]).toMatchObject({
      passed: false,
      words: '赞成 5 / 应到 10，未过半数，未通过',
    });
    const b = await motion(m.id);
    res = await tongdu.post(`/api/meetings/${m.id}/motions/${b}/vote`, { yes: 6, no: 2, abstain: 0 });
    expect(res.json().motions[1].passed).toBe(true);
  });

  it('votes cannot exceed those present', async () => {
    const m = await opened({ kind: 'two_committees', basis: 'members', members: roster(5) });
    await signIn(m.id, { memberNames: ['代表1', '代表2', '代表3'] });
    const id = await motion(m.id);
    const res = await tongdu.post(`/api/meetings/${m.id}/motions/${id}/vote`, { yes: 3, no: 1, abstain: 0 });
    expect(res.statusCode).toBe(422);
  });
});

describe('closing, immutability, corrections, minutes', () => {
  it('a closed meeting’s record is immutable; a correction is a new linked record', async () => {
    const m = await opened({ kind: 'residents', basis: 'adults' });
    await signIn(m.id, { residentIds: adults.slice(0, 12) });
    const id = await motion(m.id);
    await tongdu.post(`/api/meetings/${m.id}/motions/${id}/vote`, { yes: 10, no: 1, abstain: 1 });
    let res = await tongdu.post(`/api/meetings/${m.id}/close`, { minutes: '会议同意停车位改造方案。' });
    expect(res.statusCode, res.body).toBe(200);
    const closed = res.json();
    expect(closed).toMatchObject({ status: 'closed', quorum: { present: 12, due: 19, met: true } });
    expect(closed.actions).toEqual(['correct']);
    for (const [url, body] of [
      [`/api/meetings/${m.id}/attendance`, { residentIds: [adults[15]] }],
      [`/api/meetings/${m.id}/motions`, { title: '补一项', ballot: 'open' }],
      [`/api/meetings/${m.id}/motions/${id}/vote`, { yes: 1, no: 0, abstain: 0 }],
      [`/api/meetings/${m.id}/close`, {}],
    ] as const) {
      res = await tongdu.post(url, body);
      expect(res.statusCode, url).toBe(409);
      expect(res.json().error.code).toBe('participation.meeting_closed');
    }
    res = await tongdu.post(`/api/meetings/${m.id}/corrections`, {
      text: '纪要中“弃权 1 票”应为“弃权 1 票（张某）”',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().corrections).toHaveLength(1);
    expect(res.json().motions[0]).toMatchObject({ yes: 10, no: 1, abstain: 1, passed: true });
    expect(res.json().minutes).toBe('会议同意停车位改造方案。');
  });

  it('a meeting that fails its quorum closes as not quorate and holds no decisions', async () => {
    const m = await opened({ kind: 'villager_reps', basis: 'members', members: roster(9) });
    await signIn(m.id, { memberNames: ['代表1', '代表2'] });
    const res = await tongdu.post(`/api/meetings/${m.id}/close`, {});
    expect(res.json()).toMatchObject({ status: 'closed', quorum: { present: 2, met: false } });
    expect(res.json().quorum.words).toContain('会议无效');
  });

  it('minutes PDF with signature lines', async () => {
    const m = await opened({ kind: 'hearing', basis: 'members', members: roster(3) });
    await signIn(m.id, { memberNames: ['代表1'] });
    await tongdu.post(`/api/meetings/${m.id}/close`, { minutes: '听证记录' });
    const res = await grid.get(`/api/meetings/${m.id}/minutes.pdf`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
  });
});

describe('access', () => {
  it('another community’s meeting is not found; readers cannot call meetings', async () => {
    const m = await created({ kind: 'joint', basis: 'members', members: roster(3) });
    expect((await xhy.get(`/api/meetings/${m.id}`)).statusCode).toBe(404);
    expect((await xhy.post(`/api/meetings/${m.id}/open`)).statusCode).toBe(404);
    expect((await grid.get(`/api/meetings/${m.id}`)).statusCode).toBe(200);
    expect((await create(grid, { kind: 'joint', basis: 'members', members: roster(3) })).statusCode).toBe(
      403,
    );
    const list = await xhy.get('/api/meetings');
    expect(list.json().items.every((x: { orgUnitId: string }) => x.orgUnitId !== t.fx.tongdu.id)).toBe(true);
    expect((await xhy.get(`/api/meetings?orgUnitId=${t.fx.tongdu.id}`)).statusCode).toBe(404);
  });

  it('electors list for the sign-in desk marks who is present', async () => {
    const m = await opened({ kind: 'residents', basis: 'adults' });
    await signIn(m.id, { residentIds: [adults[0]!] });
    const res = await tongdu.get(`/api/meetings/${m.id}/electors?pageSize=50`);
    expect(res.statusCode).toBe(200);
    expect(res.json().total).toBe(19);
    const first = res.json().items.find((e: { residentId: string }) => e.residentId === adults[0]);
    expect(first).toMatchObject({ present: true, household: '101' });
  });
});
