import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser } from '../../../../test/app';
import { buildResident } from '../../../../test/factories';
import { multipart } from '../../../../test/multipart';
import { chinaDate } from '../../../shared/chinaTime';
import { starsOf } from '../../../shared/contracts/volunteers';
import { rowsOf } from '../../platform/db';
import { balancesOf } from '../ledger/ledger.credit';
import { orgUnits } from '../org/org.table';
import { partyMembers } from '../people/people.table';
import { haversineM } from './volunteers.common';
import { cjkFont } from './volunteers.certificate';

let t: TestApp;
// 铜都社区 activity place (lat 30.165, lng 114.93).
const PLACE = { lat: 30.165, lng: 114.93 };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

beforeAll(async () => {
  t = await createTestApp();
  await createUser(t, 'tongdu_secretary', [{ role: 'community_secretary', orgUnitId: t.fx.tongdu.id }]);
});
afterAll(() => t.close());

async function auditActions(entityId: string) {
  return rowsOf<{ action: string; success: boolean }>(
    await t.database.db.execute(
      sql`select action, success from audit_log where entity_id = ${entityId} order by seq`,
    ),
  ).map((r) => r.action);
}

async function newVolunteer(body: Record<string, unknown> = {}, user = 'tongdu_worker') {
  const w = await t.as(user);
  const res = await w.post('/api/volunteers', {
    name: '王志愿',
    orgUnitId: t.fx.tongdu.id,
    kind: 'other',
    skills: ['助老'],
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; name: string; communityId: string };
}

async function newActivity(body: Record<string, unknown> = {}) {
  const w = await t.as('tongdu_worker');
  const now = t.clock.now().getTime();
  const res = await w.post('/api/volunteer-activities', {
    title: '关爱独居老人上门探访',
    type: 'elderly_care',
    orgUnitId: t.fx.tongdu.id,
    place: '铜都社区党群服务中心',
    ...PLACE,
    radiusM: 200,
    startsAt: new Date(now + HOUR).toISOString(),
    endsAt: new Date(now + 4 * HOUR).toISOString(),
    signupLimit: 10,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; startsAt: string; endsAt: string };
}

/** A volunteer profile linked to a new `volunteer` login. */
async function volunteerWithLogin(username: string) {
  await createUser(t, username, [{ role: 'volunteer', orgUnitId: t.fx.tongdu.id }]);
  const v = await newVolunteer({ name: username });
  const w = await t.as('tongdu_worker');
  const res = await w.patch(`/api/volunteers/${v.id}`, { version: v.version, username });
  expect(res.statusCode, res.body).toBe(200);
  return { ...v, client: await t.as(username) };
}

/** Signs up, checks in and out after `hours`, and confirms one volunteer at activity `a`. */
async function serve(a: { id: string }, v: { id: string }, hours: number) {
  let w = await t.as('tongdu_worker');
  const base = `/api/volunteer-activities/${a.id}/attendance/${v.id}`;
  expect((await w.post(`/api/volunteer-activities/${a.id}/signups`, { volunteerId: v.id })).statusCode).toBe(
    201,
  );
  t.clock.advance(HOUR);
  expect((await w.post(`${base}/check-in`)).statusCode).toBe(200);
  t.clock.advance(hours * HOUR);
  w = await t.as('tongdu_worker');
  expect((await w.post(`${base}/check-out`)).statusCode).toBe(200);
  const conf = await w.post(`${base}/confirm`);
  expect(conf.statusCode, conf.body).toBe(200);
  t.clock.advance(-(hours + 1) * HOUR);
  return conf.json().id as string;
}

describe('volunteer profiles', () => {
  it('a profile created from a resident takes the name and masked phone from the registry, and is audited', async () => {
    const r = await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, {
      name: '李热心',
      phone: '13812345678',
    });
    const v = await newVolunteer({
      residentId: r.id,
      name: undefined,
      orgUnitId: undefined,
      kind: undefined,
    });
    const w = await t.as('tongdu_worker');
    const d = (await w.get(`/api/volunteers/${v.id}`)).json();
    expect(d.name).toBe('李热心');
    expect(d.phone).toBe('138****5678');
    expect(d.kind).toBe('resident');
    expect(d.gridId).toBe(t.fx.tongduGrid.id);
    expect(d.communityId).toBe(t.fx.tongdu.id);
    expect(await auditActions(v.id)).toEqual(['volunteers.create']);
    const trail = rowsOf<{ after: string }>(
      await t.database.db.execute(sql`select after::text from audit_log where entity_id = ${v.id}`),
    );
    expect(trail[0]!.after).not.toContain('13812345678');
    // The same resident twice is refused.
    const again = await w.post('/api/volunteers', { residentId: r.id });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('volunteers.already_registered');
  });

  it('a reporting party member gets a profile of kind party_member', async () => {
    const now = t.clock.now();
    const id = t.deps.ids();
    await t.database.db.insert(partyMembers).values({
      id,
      name: '赵党员',
      orgUnitId: t.fx.tongdu.id,
      orgPath: t.fx.tongdu.path,
      reporting: true,
      skills: ['法律咨询'],
      createdAt: now,
      updatedAt: now,
    });
    const w = await t.as('tongdu_worker');
    const res = await w.post('/api/volunteers', { partyMemberId: id, skills: ['法律咨询'] });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: '赵党员', kind: 'party_member', partyMemberId: id });
  });

  it('bad input is a 400/422 naming the field, never a 500', async () => {
    const w = await t.as('tongdu_worker');
    const noName = await w.post('/api/volunteers', { orgUnitId: t.fx.tongdu.id });
    expect(noName.statusCode).toBe(400);
    expect(noName.json().error.code).toBe('common.validation');
    const uni = await w.post('/api/volunteers', {
      name: '张同学',
      orgUnitId: t.fx.tongdu.id,
      kind: 'university',
    });
    expect(uni.statusCode).toBe(400);
    const building = await w.post('/api/volunteers', { name: '张三', orgUnitId: t.fx.tongduBuilding.id });
    expect(building.statusCode).toBe(422);
    const phone = await w.post('/api/volunteers', { name: '张三', orgUnitId: t.fx.tongdu.id, phone: '123' });
    expect(phone.statusCode).toBe(400);
  });

  it('scope: a 西花苑 worker gets 404 on a 铜都 volunteer and cannot create one in 铜都', async () => {
    const v = await newVolunteer();
    const x = await t.as('xhy_worker');
    expect((await x.get(`/api/volunteers/${v.id}`)).statusCode).toBe(404);
    expect((await x.patch(`/api/volunteers/${v.id}`, { version: 1, skills: [] })).statusCode).toBe(404);
    expect((await x.post('/api/volunteers', { name: '越权', orgUnitId: t.fx.tongdu.id })).statusCode).toBe(
      404,
    );
    const list = (await x.get('/api/volunteers?pageSize=200')).json();
    expect(list.items.some((i: { id: string }) => i.id === v.id)).toBe(false);
    // A grid worker reads but may not write.
    const g = await t.as('grid_worker');
    expect(
      (await g.post('/api/volunteers', { name: '网格', orgUnitId: t.fx.tongduGrid.id })).statusCode,
    ).toBe(403);
  });

  it('an update with a stale version is a 409 and changes nothing', async () => {
    const v = await newVolunteer();
    const w = await t.as('tongdu_worker');
    const ok = await w.patch(`/api/volunteers/${v.id}`, {
      version: v.version,
      skills: ['理发', '维修'],
      availability: { weekdays: [6, 7], slots: ['morning'] },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const stale = await w.patch(`/api/volunteers/${v.id}`, { version: v.version, skills: [] });
    expect(stale.statusCode).toBe(409);
    expect((await w.get(`/api/volunteers/${v.id}`)).json().skills).toEqual(['理发', '维修']);
  });

  it('R-VP-1: a profile links only the login of a resident or volunteer of its own community (422 otherwise)', async () => {
    await createUser(t, 'link_xhy_res', [{ role: 'resident', orgUnitId: t.fx.xihuayuanBuilding.id }]);
    await createUser(t, 'link_td_res', [{ role: 'resident', orgUnitId: t.fx.tongduBuilding.id }]);
    const v = await newVolunteer({ name: '关联测试' });
    const w = await t.as('tongdu_worker');
    for (const username of ['link_xhy_res', 'tongdu_worker', 'admin']) {
      const res = await w.patch(`/api/volunteers/${v.id}`, { version: v.version, username });
      expect(res.statusCode, username).toBe(422);
      expect(res.json().error.details.fields[0]).toMatchObject({
        path: 'username',
        code: 'volunteers.user_not_in_community',
      });
    }
    const ok = await w.patch(`/api/volunteers/${v.id}`, { version: v.version, username: 'link_td_res' });
    expect(ok.statusCode, ok.body).toBe(200);
  });

  it('R-VP-1: a volunteer moved to another community takes their ledger accounts along (scope follows)', async () => {
    const { creditService } = await import('../ledger/ledger.credit');
    const v = await newVolunteer({ name: '搬家志愿者' });
    await t.database.db.transaction((tx) =>
      creditService(
        tx,
        { ...t.deps },
        {
          idempotencyKey: `move-test:${v.id}`,
          volunteerId: v.id,
          volunteerName: v.name,
          communityUnitId: t.fx.tongdu.id,
          minutes: 60,
          activityType: 'elderly_care',
          sourceType: 'activity',
          sourceId: v.id,
          occurredAt: t.clock.now(),
        },
      ),
    );
    const accounts = async () =>
      rowsOf<{ id: string; org_unit_id: string; org_path: string }>(
        await t.database.db.execute(
          sql`select id, org_unit_id, org_path from ledger_accounts where owner_kind = 'volunteer' and owner_id = ${v.id}`,
        ),
      );
    expect((await accounts()).map((a) => a.org_path)).toEqual([t.fx.tongdu.path, t.fx.tongdu.path]);
    const sd = await t.as('sd_admin');
    const moved = await sd.patch(`/api/volunteers/${v.id}`, {
      version: v.version,
      orgUnitId: t.fx.xihuayuanGrid.id,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const after = await accounts();
    expect(after.map((a) => [a.org_unit_id, a.org_path])).toEqual([
      [t.fx.xihuayuan.id, t.fx.xihuayuan.path],
      [t.fx.xihuayuan.id, t.fx.xihuayuan.path],
    ]);
    expect((await (await t.as('xhy_worker')).get(`/api/ledger/accounts/${after[0]!.id}`)).statusCode).toBe(
      200,
    );
    expect((await (await t.as('tongdu_worker')).get(`/api/ledger/accounts/${after[0]!.id}`)).statusCode).toBe(
      404,
    );
    expect((await balancesOf(t.database.db, 'volunteer', v.id)).minutes).toBe(60);
  });
});

describe('teams', () => {
  it('an emergency team is created with its leader as a member; a foreign volunteer cannot join', async () => {
    const leader = await newVolunteer({ name: '队长' });
    const w = await t.as('tongdu_worker');
    const res = await w.post('/api/volunteer-teams', {
      name: '铜都社区应急志愿服务队',
      kind: 'emergency',
      orgUnitId: t.fx.tongdu.id,
      leaderVolunteerId: leader.id,
    });
    expect(res.statusCode, res.body).toBe(201);
    const team = res.json();
    expect(team).toMatchObject({ kind: 'emergency', leaderName: '队长', memberCount: 1 });
    const member = await newVolunteer({ name: '队员' });
    expect(
      (await w.post(`/api/volunteer-teams/${team.id}/members`, { volunteerId: member.id })).statusCode,
    ).toBe(204);
    expect(
      (await w.post(`/api/volunteer-teams/${team.id}/members`, { volunteerId: member.id })).statusCode,
    ).toBe(409);
    const foreign = await newVolunteer({ name: '西花苑人', orgUnitId: t.fx.xihuayuan.id }, 'xhy_worker');
    expect(
      (await w.post(`/api/volunteer-teams/${team.id}/members`, { volunteerId: foreign.id })).statusCode,
    ).toBe(422);
    expect((await w.get(`/api/volunteer-teams/${team.id}`)).json().members).toHaveLength(2);
    expect((await (await t.as('xhy_worker')).get(`/api/volunteer-teams/${team.id}`)).statusCode).toBe(404);
  });
});

describe('R-VP-1: teams earn love points for team activities', () => {
  it('R-VP-1: confirmed hours of a team activity credit the team account by the configurable team rule, capped per day, once per attendance; the team page shows it', async () => {
    const w = await t.as('tongdu_worker');
    const leader = await newVolunteer({ name: '积分队长' });
    const member = await newVolunteer({ name: '积分队员' });
    const team = (
      await w.post('/api/volunteer-teams', {
        name: '铜都社区助老服务队',
        kind: 'general',
        orgUnitId: t.fx.tongdu.id,
        leaderVolunteerId: leader.id,
      })
    ).json();
    expect(team.points).toBe(0);
    // The community sets the team rule: 6 points per member-hour, at most 15 a day per team.
    const admin = await t.as('admin');
    const rule = await admin.put('/api/ledger/rules', {
      orgUnitId: t.fx.tongdu.id,
      activityType: 'team_activity',
      pointsPerHour: 6,
      dailyCap: 15,
    });
    expect(rule.statusCode, rule.body).toBeLessThan(300);
    const a = await newActivity({ teamId: team.id, title: '助老服务队集中服务' });
    const att = await serve(a, leader, 2); // 12 points
    await serve(a, member, 2); // 12 more, but the day's cap leaves 3
    const detail = (await w.get(`/api/volunteer-teams/${team.id}`)).json();
    expect(detail.points).toBe(15);
    expect(
      (await w.get('/api/volunteer-teams')).json().items.find((x: { id: string }) => x.id === team.id).points,
    ).toBe(15);
    expect((await balancesOf(t.database.db, 'team', team.id)).points).toBe(15);
    // One posting per attendance, balanced against the community issuer.
    const rows = rowsOf<{ n: number; s: number }>(
      await t.database.db.execute(
        sql`select count(distinct t.id)::int as n, coalesce(sum(e.amount), 0)::int as s from ledger_transactions t
            join ledger_entries e on e.transaction_id = t.id where t.idempotency_key = ${`team_activity:${att}`}`,
      ),
    );
    expect(rows[0]).toMatchObject({ n: 1, s: 0 });
    // An activity without a team credits no team.
    const plain = await newActivity();
    const v = await newVolunteer({ name: '散客' });
    const plainAtt = await serve(plain, v, 1);
    const none = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from ledger_transactions where idempotency_key = ${`team_activity:${plainAtt}`}`,
      ),
    );
    expect(none[0]!.n).toBe(0);
  });
});

describe('R-ORG-4: demonstration communities need 20 partner-university volunteers', () => {
  it('R-ORG-4: a demonstration community with fewer than 20 university volunteers is flagged, and not once it has 20', async () => {
    const w = await t.as('tongdu_worker');
    const put = await w.put(`/api/volunteers/communities/${t.fx.tongdu.id}/flag`, {
      demonstration: true,
      partnerUniversities: ['湖北师范大学'],
    });
    expect(put.statusCode, put.body).toBe(204);
    expect(await auditActions(t.fx.tongdu.id)).toContain('volunteers.community_flag');
    const row = async () =>
      (
        (await w.get('/api/volunteers/reports/university')).json() as {
          communityId: string;
          flagged: boolean;
          universityVolunteers: number;
        }[]
      ).find((r) => r.communityId === t.fx.tongdu.id)!;
    const before = await row();
    expect(before.flagged).toBe(true);
    for (let i = before.universityVolunteers; i < 20; i++)
      await newVolunteer({ name: `湖师学生${i}`, kind: 'university', university: '湖北师范大学' });
    const after = await row();
    expect(after.universityVolunteers).toBe(20);
    expect(after.flagged).toBe(false);
    // A community not marked demonstration is never flagged; a foreign worker cannot mark 铜都.
    const xw = await t.as('xhy_worker');
    const xrows = (await xw.get('/api/volunteers/reports/university')).json();
    expect(xrows).toHaveLength(1);
    expect(xrows[0].flagged).toBe(false);
    const foreign = await xw.put(`/api/volunteers/communities/${t.fx.tongdu.id}/flag`, {
      demonstration: false,
    });
    expect(foreign.statusCode).toBe(404);
  });
});

describe('activities, sign-up and attendance', () => {
  it('sign-up limit holds under concurrent sign-ups, and a double sign-up is a 409', async () => {
    const a = await newActivity({ signupLimit: 3 });
    const vols = await Promise.all(Array.from({ length: 6 }, (_, i) => newVolunteer({ name: `并发${i}` })));
    const w = await t.as('tongdu_worker');
    const results = await Promise.all(
      vols.map((v) => w.post(`/api/volunteer-activities/${a.id}/signups`, { volunteerId: v.id })),
    );
    expect(results.filter((r) => r.statusCode === 201)).toHaveLength(3);
    const refused = results.filter((r) => r.statusCode !== 201);
    expect(
      refused.every((r) => r.statusCode === 409 && r.json().error.code === 'volunteers.activity_full'),
    ).toBe(true);
    const detail = (await w.get(`/api/volunteer-activities/${a.id}`)).json();
    expect(detail.signupCount).toBe(3);
    expect(detail.signups.filter((s: { status: string }) => s.status === 'signed')).toHaveLength(3);
    // Same volunteer twice, concurrently: one seat only.
    const b = await newActivity({ signupLimit: 5 });
    const v = vols[0]!;
    const twice = await Promise.all([
      w.post(`/api/volunteer-activities/${b.id}/signups`, { volunteerId: v.id }),
      w.post(`/api/volunteer-activities/${b.id}/signups`, { volunteerId: v.id }),
    ]);
    expect(twice.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect((await w.get(`/api/volunteer-activities/${b.id}`)).json().signupCount).toBe(1);
    // Cancel frees the seat; sign up again works.
    expect((await w.post(`/api/volunteer-activities/${b.id}/signups/${v.id}/cancel`)).statusCode).toBe(204);
    expect((await w.get(`/api/volunteer-activities/${b.id}`)).json().signupCount).toBe(0);
    expect(
      (await w.post(`/api/volunteer-activities/${b.id}/signups`, { volunteerId: v.id })).statusCode,
    ).toBe(201);
  });

  it('R-LAW-VL-1: staff check-in/out, hours from the record, organiser confirms; hours, ledger credit and audit follow; replays change nothing', async () => {
    const a = await newActivity();
    const v = await newVolunteer({ name: '确认测试' });
    let w = await t.as('tongdu_worker');
    const base = `/api/volunteer-activities/${a.id}/attendance/${v.id}`;
    // Not signed up → cannot check in.
    expect((await w.post(`${base}/check-in`)).json().error.code).toBe('volunteers.not_signed_up');
    await w.post(`/api/volunteer-activities/${a.id}/signups`, { volunteerId: v.id });
    // Check-out before check-in = 409.
    const early = await w.post(`${base}/check-out`);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('volunteers.not_checked_in');
    t.clock.advance(HOUR); // at the start
    const cin = await w.post(`${base}/check-in`);
    expect(cin.statusCode, cin.body).toBe(200);
    // Double check-in = 409.
    const again = await w.post(`${base}/check-in`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('volunteers.already_checked_in');
    // Confirm before check-out = 409.
    expect((await w.post(`${base}/confirm`)).json().error.code).toBe('volunteers.not_checked_out');
    t.clock.advance(2.5 * HOUR);
    w = await t.as('tongdu_worker'); // the session idled out meanwhile
    const out = await w.post(`${base}/check-out`);
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json().minutes).toBe(150);
    expect((await w.post(`${base}/check-out`)).statusCode).toBe(409);
    const conf = await w.post(`${base}/confirm`);
    expect(conf.statusCode, conf.body).toBe(200);
    expect(conf.json()).toMatchObject({ status: 'confirmed', confirmedByName: 'tongdu_worker' });
    // Replayed confirmation: 409, nothing posted twice.
    expect((await w.post(`${base}/confirm`)).statusCode).toBe(409);
    const d = (await w.get(`/api/volunteers/${v.id}`)).json();
    expect(d.minutes).toBe(150);
    expect(d.hours).toHaveLength(1);
    const attId = conf.json().id;
    const tx = rowsOf<{ n: number }>(
      await t.database.db.execute(
        sql`select count(*)::int as n from ledger_transactions where idempotency_key = ${`activity:${attId}`}`,
      ),
    );
    expect(Number(tx[0]!.n)).toBe(1);
    expect(await auditActions(attId)).toEqual([
      'volunteers.check_in',
      'volunteers.check_out',
      'volunteers.confirm',
    ]);
    t.clock.advance(-3.5 * HOUR);
  });

  it('R-LAW-VL-1: a correction is a new entry with a reason, never an edit; it cannot take the total below zero', async () => {
    const a = await newActivity();
    const v = await newVolunteer({ name: '更正测试' });
    let w = await t.as('tongdu_worker');
    const base = `/api/volunteer-activities/${a.id}/attendance/${v.id}`;
    await w.post(`/api/volunteer-activities/${a.id}/signups`, { volunteerId: v.id });
    t.clock.advance(HOUR);
    await w.post(`${base}/check-in`);
    t.clock.advance(2 * HOUR);
    w = await t.as('tongdu_worker');
    expect((await w.post(`${base}/check-out`)).statusCode).toBe(200);
    expect((await w.post(`${base}/confirm`)).statusCode).toBe(200);
    t.clock.advance(-3 * HOUR);
    w = await t.as('tongdu_worker');
    const entry = (await w.get(`/api/volunteers/${v.id}`)).json().hours[0];
    expect(entry.minutes).toBe(120);
    const bad = await w.post(`/api/volunteer-hours/${entry.id}/correct`, { minutes: -30 });
    expect(bad.statusCode).toBe(400);
    const c = await w.post(`/api/volunteer-hours/${entry.id}/correct`, {
      minutes: -30,
      reason: '提前离场半小时',
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().total).toBe(90);
    const d = (await w.get(`/api/volunteers/${v.id}`)).json();
    expect(d.minutes).toBe(90);
    expect(d.hours).toHaveLength(2);
    expect(d.hours.find((h: { kind: string }) => h.kind === 'activity').minutes).toBe(120);
    expect(d.hours.find((h: { kind: string }) => h.kind === 'correction')).toMatchObject({
      minutes: -30,
      reason: '提前离场半小时',
      correctsId: entry.id,
    });
    // The ledger took the 30 minutes back too (a compensating posting, not an edit).
    expect((await balancesOf(t.database.db, 'volunteer', v.id)).minutes).toBe(90);
    const under = await w.post(`/api/volunteer-hours/${entry.id}/correct`, { minutes: -100, reason: '错误' });
    expect(under.statusCode).toBe(409);
    expect((await w.get(`/api/volunteers/${v.id}`)).json().hours).toHaveLength(2);
    expect(await auditActions(c.json().id)).toEqual(['volunteers.hours_correct']);
    // A foreign community cannot correct.
    const x = await t.as('xhy_worker');
    expect(
      (await x.post(`/api/volunteer-hours/${entry.id}/correct`, { minutes: 10, reason: 'x' })).statusCode,
    ).toBe(404);
  });

  it('self check-in needs the geofence and the time window (haversine); outside is a 409 naming the distance; check-out takes a note and a photo staff can open', async () => {
    const me = await volunteerWithLogin('self_vol');
    const a = await newActivity();
    const c = me.client;
    const list = (await c.get('/api/me/volunteer/activities')).json();
    expect(list.some((x: { id: string }) => x.id === a.id)).toBe(true);
    expect((await c.post(`/api/me/volunteer/activities/${a.id}/signup`)).statusCode).toBe(201);
    expect((await c.post(`/api/me/volunteer/activities/${a.id}/signup`)).statusCode).toBe(409);
    // Too early (1 h before start, window opens 30 min before).
    const tooEarly = await c.post(`/api/me/volunteer/activities/${a.id}/check-in`, PLACE);
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.code).toBe('volunteers.outside_window');
    t.clock.advance(HOUR);
    // ~1.1 km away.
    const far = await c.post(`/api/me/volunteer/activities/${a.id}/check-in`, { lat: 30.175, lng: 114.93 });
    expect(far.statusCode).toBe(409);
    expect(far.json().error.code).toBe('volunteers.outside_geofence');
    const near = await c.post(`/api/me/volunteer/activities/${a.id}/check-in`, {
      lat: 30.1655,
      lng: 114.9302,
    });
    expect(near.statusCode, near.body).toBe(200);
    expect(near.json().checkInMethod).toBe('self');
    expect((await c.post(`/api/me/volunteer/activities/${a.id}/check-in`, PLACE)).statusCode).toBe(409);
    t.clock.advance(HOUR);
    // A photo of the work done before checking out: an image only; staff of the community can open it.
    const photoUrl = `/api/me/volunteer/activities/${a.id}/photo`;
    const notImage = await c.request({
      method: 'POST',
      url: photoUrl,
      ...multipart({}, { name: 'x.jpg', data: Buffer.from('not an image') }),
    });
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json().error.message).toContain('JPG');
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const photo = await c.request({
      method: 'POST',
      url: photoUrl,
      ...multipart({}, { name: 'done.png', data: png }),
    });
    expect(photo.statusCode, photo.body).toBe(200);
    expect(photo.json().hasPhoto).toBe(true);
    const out = await c.post(`/api/me/volunteer/activities/${a.id}/check-out`, {
      ...PLACE,
      note: '  清理了楼道杂物  ',
    });
    expect(out.statusCode, out.body).toBe(200);
    expect(out.json()).toMatchObject({ minutes: 60, checkOutNote: '清理了楼道杂物', hasPhoto: true });
    // After check-out the photo can no longer be changed.
    const late = await c.request({
      method: 'POST',
      url: photoUrl,
      ...multipart({}, { name: 'b.png', data: png }),
    });
    expect(late.statusCode).toBe(409);
    const staffPhoto = await (await t.as('tongdu_worker')).get(
      `/api/volunteer-activities/${a.id}/attendance/${me.id}/photo`,
    );
    expect(staffPhoto.statusCode).toBe(200);
    expect(staffPhoto.headers['content-type']).toBe('image/png');
    const foreign = await (await t.as('xhy_worker')).get(
      `/api/volunteer-activities/${a.id}/attendance/${me.id}/photo`,
    );
    expect(foreign.statusCode).toBe(404);
    t.clock.advance(-2 * HOUR);
    // A volunteer cannot confirm their own hours (staff API).
    expect((await c.post(`/api/volunteer-activities/${a.id}/attendance/${me.id}/confirm`)).statusCode).toBe(
      403,
    );
    // A login without a profile.
    expect((await (await t.as('grid_worker')).get('/api/me/volunteer/activities')).statusCode).toBe(403);
  });

  it('scope: a 西花苑 worker gets 404 on a 铜都 activity and its attendance', async () => {
    const a = await newActivity();
    const x = await t.as('xhy_worker');
    expect((await x.get(`/api/volunteer-activities/${a.id}`)).statusCode).toBe(404);
    const v = await newVolunteer();
    expect(
      (await x.post(`/api/volunteer-activities/${a.id}/signups`, { volunteerId: v.id })).statusCode,
    ).toBe(404);
    expect((await x.post(`/api/volunteer-activities/${a.id}/attendance/${v.id}/check-in`)).statusCode).toBe(
      404,
    );
    expect((await x.get('/api/volunteer-activities/not-a-uuid')).statusCode).toBe(404);
  });

  it('activity input is validated: end after start, lat with lng, at most 24 hours', async () => {
    const w = await t.as('tongdu_worker');
    const now = t.clock.now().getTime();
    const body = {
      title: '活动',
      type: 'environment',
      orgUnitId: t.fx.tongdu.id,
      place: '广场',
      startsAt: new Date(now + HOUR).toISOString(),
      endsAt: new Date(now).toISOString(),
      signupLimit: 5,
    };
    expect((await w.post('/api/volunteer-activities', body)).statusCode).toBe(400);
    expect(
      (
        await w.post('/api/volunteer-activities', {
          ...body,
          endsAt: new Date(now + 2 * HOUR).toISOString(),
          lat: 30,
        })
      ).statusCode,
    ).toBe(400);
    expect(
      (
        await w.post('/api/volunteer-activities', {
          ...body,
          endsAt: new Date(now + 30 * HOUR).toISOString(),
        })
      ).statusCode,
    ).toBe(422);
    expect((await w.post('/api/volunteer-activities', { ...body, type: 'party' })).statusCode).toBe(400);
  });
});

describe('R-LAW-VL-2: star levels and the certificate', () => {
  it('R-LAW-VL-2: star levels follow cumulative hours 100/300/600/1000/1500', () => {
    expect(starsOf(99 * 60 + 59)).toBe(0);
    expect(starsOf(100 * 60)).toBe(1);
    expect(starsOf(299 * 60)).toBe(1);
    expect(starsOf(300 * 60)).toBe(2);
    expect(starsOf(600 * 60)).toBe(3);
    expect(starsOf(1000 * 60)).toBe(4);
    expect(starsOf(1500 * 60)).toBe(5);
    expect(starsOf(5000 * 60)).toBe(5);
  });

  it('haversine: 0.01° of latitude is about 1.11 km', () => {
    expect(Math.round(haversineM(30.165, 114.93, 30.175, 114.93))).toBeGreaterThan(1100);
    expect(Math.round(haversineM(30.165, 114.93, 30.175, 114.93))).toBeLessThan(1120);
  });

  it.skipIf(!cjkFont())(
    'R-LAW-VL-1: a volunteer downloads a free PDF certificate with CJK text; each issue is numbered and audited',
    async () => {
      const me = await volunteerWithLogin('cert_vol');
      const res = await me.client.get('/api/me/volunteer/certificate.pdf');
      expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
      expect(res.headers['content-type']).toBe('application/pdf');
      const buf = res.rawPayload;
      expect(buf.subarray(0, 5).toString()).toBe('%PDF-');
      expect(buf.length).toBeGreaterThan(5000);
      // The embedded CJK font subset is in the file.
      expect(buf.toString('latin1')).toMatch(/WenQuanYi|Noto|FontFile2/);
      expect(await auditActions(me.id)).toContain('volunteers.certificate');
      const staff = await (await t.as('tongdu_worker')).get(`/api/volunteers/${me.id}/certificate.pdf`);
      expect(staff.statusCode).toBe(200);
      expect(
        (await (await t.as('xhy_worker')).get(`/api/volunteers/${me.id}/certificate.pdf`)).statusCode,
      ).toBe(404);
      const certs = rowsOf<{ number: string }>(
        await t.database.db.execute(
          sql`select number from volunteer_certificates where volunteer_id = ${me.id}`,
        ),
      );
      expect(new Set(certs.map((c) => c.number)).size).toBe(2);
      // Without a CJK font the answer is a clear 503, not a broken PDF.
      process.env.LINLI_CJK_FONT = '/nonexistent/font.ttf';
      try {
        const missing = await me.client.get('/api/me/volunteer/certificate.pdf');
        expect(missing.statusCode).toBe(503);
        expect(missing.json().error.code).toBe('volunteers.font_missing');
      } finally {
        delete process.env.LINLI_CJK_FONT;
      }
    },
  );
});

describe('more rules', () => {
  it('R-ORG-4: without a staff flag, the org registry attribute attrs.demonstration marks a demonstration community', async () => {
    await t.database.db
      .update(orgUnits)
      .set({ attrs: { demonstration: true } })
      .where(sql`${orgUnits.id} = ${t.fx.xihuayuan.id}`);
    const x = await t.as('xhy_worker');
    const rows = (await x.get('/api/volunteers/reports/university')).json();
    expect(rows[0]).toMatchObject({ communityId: t.fx.xihuayuan.id, demonstration: true, flagged: true });
    // Staff can switch it off; the flag row wins over the attribute.
    await x.put(`/api/volunteers/communities/${t.fx.xihuayuan.id}/flag`, { demonstration: false });
    expect((await x.get('/api/volunteers/reports/university')).json()[0].flagged).toBe(false);
  });

  it('an activity with check-ins cannot be cancelled; one without can, and then takes no sign-ups', async () => {
    const w = await t.as('tongdu_worker');
    const a = await newActivity();
    const v = await newVolunteer({ name: '取消测试' });
    await w.post(`/api/volunteer-activities/${a.id}/signups`, { volunteerId: v.id });
    expect((await w.post(`/api/volunteer-activities/${a.id}/cancel`, {})).statusCode).toBe(400);
    const ok = await w.post(`/api/volunteer-activities/${a.id}/cancel`, { reason: '天气原因' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('cancelled');
    const v2 = await newVolunteer({ name: '取消后报名' });
    const late = await w.post(`/api/volunteer-activities/${a.id}/signups`, { volunteerId: v2.id });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('volunteers.activity_closed');
    expect(await auditActions(a.id)).toEqual([
      'volunteers.activity_create',
      'volunteers.signup',
      'volunteers.activity_cancel',
    ]);
    const b = await newActivity();
    await w.post(`/api/volunteer-activities/${b.id}/signups`, { volunteerId: v.id });
    t.clock.advance(HOUR);
    await w.post(`/api/volunteer-activities/${b.id}/attendance/${v.id}/check-in`);
    t.clock.advance(-HOUR);
    const refused = await w.post(`/api/volunteer-activities/${b.id}/cancel`, { reason: 'x' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('volunteers.activity_has_attendance');
  });

  it('a volunteer of another community cannot sign up for 铜都 activities', async () => {
    const a = await newActivity();
    const sd = await t.as('sd_admin');
    const foreign = await newVolunteer({ name: '外社区', orgUnitId: t.fx.xihuayuan.id }, 'xhy_worker');
    const res = await sd.post(`/api/volunteer-activities/${a.id}/signups`, { volunteerId: foreign.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('volunteers.other_community');
  });

  it('a grid worker sees the volunteers of their grid only, and may not write', async () => {
    const inGrid = await newVolunteer({ name: '网格内', orgUnitId: t.fx.tongduGrid.id });
    const community = await newVolunteer({ name: '社区级' });
    const g = await t.as('grid_worker');
    expect((await g.get(`/api/volunteers/${inGrid.id}`)).statusCode).toBe(200);
    expect((await g.get(`/api/volunteers/${community.id}`)).statusCode).toBe(404);
    expect((await g.patch(`/api/volunteers/${inGrid.id}`, { version: 1, skills: [] })).statusCode).toBe(403);
  });

  it('self check-out closes an hour after the end; a login cannot be linked to two profiles', async () => {
    const me = await volunteerWithLogin('late_vol');
    const a = await newActivity();
    await me.client.post(`/api/me/volunteer/activities/${a.id}/signup`);
    t.clock.advance(HOUR);
    expect((await me.client.post(`/api/me/volunteer/activities/${a.id}/check-in`, PLACE)).statusCode).toBe(
      200,
    );
    t.clock.advance(3 * HOUR + 61 * 60_000); // end + 61 min
    const w = await t.as('tongdu_worker');
    const c = await t.as('late_vol');
    const late = await c.post(`/api/me/volunteer/activities/${a.id}/check-out`, PLACE);
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('volunteers.outside_window');
    // Staff may still check the volunteer out; hours count inside the activity's window only.
    const out = await w.post(`/api/volunteer-activities/${a.id}/attendance/${me.id}/check-out`);
    expect(out.json().minutes).toBe(180);
    t.clock.advance(-(4 * HOUR + 61 * 60_000));
    const other = await newVolunteer({ name: '另一个' });
    const w2 = await t.as('tongdu_worker');
    const taken = await w2.patch(`/api/volunteers/${other.id}`, {
      version: other.version,
      username: 'late_vol',
    });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error.code).toBe('volunteers.user_taken');
  });
});

describe('reports', () => {
  it('hours by community and period, with .xlsx export; volunteers per community and stars distribution', async () => {
    const w = await t.as('tongdu_worker');
    const day = t.clock.now().toISOString().slice(0, 10);
    const rows = (await w.get(`/api/volunteers/reports/hours?from=2026-01-01&to=2026-12-31`)).json();
    const tongdu = rows.find((r: { communityId: string }) => r.communityId === t.fx.tongdu.id);
    expect(tongdu.minutes).toBeGreaterThan(0);
    const xlsx = await w.get(`/api/volunteers/reports/hours.xlsx?from=${day}&to=${day}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await w.get('/api/volunteers/reports/hours?from=2026-12-01&to=2026-01-01')).statusCode).toBe(422);
    const s = (await w.get('/api/volunteers/reports/summary')).json();
    expect(s.communities).toHaveLength(1);
    expect(s.communities[0].byKind.university).toBeGreaterThanOrEqual(20);
    expect(s.stars.reduce((a: number, b: { count: number }) => a + b.count, 0)).toBe(s.communities[0].total);
  });

  it('seed 000 二.2: an activity carries its campaign theme (邻里亲 … 邻里守望); the list filters by it; the themes report counts activities held, volunteers and confirmed hours per theme', async () => {
    const w = await t.as('tongdu_worker');
    const now = t.clock.now().getTime();
    const period = `from=${chinaDate(new Date(now - 2 * DAY))}&to=${chinaDate(new Date(now + 2 * DAY))}`;
    type Row = { theme: string | null; activities: number; volunteers: number; minutes: number };
    const report = async () =>
      new Map(
        ((await w.get(`/api/volunteers/reports/themes?${period}`)).json() as Row[]).map((r) => [r.theme, r]),
      );
    const before = await report();
    expect([...before.keys()]).toEqual(['closeness', 'help', 'harmony', 'beauty', 'joy', 'watch', null]);
    const help = await newActivity({ title: '邻里帮·便民维修', theme: 'help' });
    await newActivity({ title: '邻里帮·代买代办', theme: 'help' });
    const watch = await newActivity({ title: '邻里守望·夜间巡查', theme: 'watch' });
    const joy = await newActivity({ title: '邻里乐·广场舞', theme: 'joy' });
    expect((await w.post(`/api/volunteer-activities/${joy.id}/cancel`, { reason: '下雨' })).statusCode).toBe(
      200,
    );
    expect((await w.post('/api/volunteer-activities', { theme: 'party' })).statusCode).toBe(400);
    const v = await newVolunteer({ name: '邻里帮志愿者' });
    await serve(help, v, 2);
    const after = await report();
    const grew = (theme: string | null) => {
      const [a, b] = [after.get(theme)!, before.get(theme)!];
      return {
        activities: a.activities - b.activities,
        volunteers: a.volunteers - b.volunteers,
        minutes: a.minutes - b.minutes,
      };
    };
    expect(grew('help')).toEqual({ activities: 2, volunteers: 1, minutes: 120 });
    expect(grew('watch')).toEqual({ activities: 1, volunteers: 0, minutes: 0 });
    expect(grew('joy').activities).toBe(0);
    const listed = (await w.get('/api/volunteer-activities?theme=help&pageSize=100')).json();
    expect(listed.items.every((a: { theme: string }) => a.theme === 'help')).toBe(true);
    expect(listed.items.map((a: { id: string }) => a.id)).toContain(help.id);
    // Taken off the campaign, it counts as without a theme.
    const off = await w.patch(`/api/volunteer-activities/${watch.id}`, {
      version: watch.version,
      theme: null,
    });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json().theme).toBeNull();
    expect((await report()).get(null)!.activities).toBe(after.get(null)!.activities + 1);
    const xlsx = await w.get(`/api/volunteers/reports/themes.xlsx?${period}`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

describe('service hours from other modules', () => {
  it('R-LAW-VL-2: service-order hours recorded by the services module count towards cumulative hours, once per source', async () => {
    const { recordServiceHours } = await import('./volunteers.hours');
    const v = await newVolunteer({ name: '接单党员' });
    const ctx = { ...t.deps };
    const orderId = t.deps.ids();
    const post = () =>
      t.database.db.transaction((tx) =>
        recordServiceHours(tx, ctx, {
          volunteerId: v.id,
          minutes: 120,
          activityType: 'elderly_care',
          sourceType: 'service_order',
          sourceId: orderId,
          communityUnitId: t.fx.tongdu.id,
          occurredAt: t.clock.now(),
        }),
      );
    expect(await post()).toBe(true);
    expect(await post()).toBe(false);
    const d = (await (await t.as('tongdu_worker')).get(`/api/volunteers/${v.id}`)).json();
    expect(d.minutes).toBe(120);
    expect(d.hours).toHaveLength(1);
    expect(d.hours[0].kind).toBe('service');
  });

  it('R-VP-2, R-LAW-VL-1: a −30 min correction of service-order hours takes 30 minutes back from both the hours and the time bank', async () => {
    const { recordServiceHours } = await import('./volunteers.hours');
    const { creditService } = await import('../ledger/ledger.credit');
    const v = await newVolunteer({ name: '订单更正' });
    const ctx = { ...t.deps };
    const orderId = t.deps.ids();
    const input = {
      volunteerId: v.id,
      minutes: 120,
      activityType: 'elderly_care',
      sourceType: 'service_order' as const,
      sourceId: orderId,
      communityUnitId: t.fx.tongdu.id,
      occurredAt: t.clock.now(),
    };
    await t.database.db.transaction(async (tx) => {
      await creditService(tx, ctx, {
        ...input,
        idempotencyKey: `service_order:${orderId}`,
        volunteerName: v.name,
      });
      await recordServiceHours(tx, ctx, input);
    });
    const before = await balancesOf(t.database.db, 'volunteer', v.id);
    expect(before.minutes).toBe(120);
    const w = await t.as('tongdu_worker');
    const entry = (await w.get(`/api/volunteers/${v.id}`)).json().hours[0];
    expect(entry.kind).toBe('service');
    const c = await w.post(`/api/volunteer-hours/${entry.id}/correct`, {
      minutes: -30,
      reason: '实际服务 1.5 小时',
    });
    expect(c.statusCode, c.body).toBe(201);
    expect(c.json().total).toBe(90);
    expect((await w.get(`/api/volunteers/${v.id}`)).json().minutes).toBe(90);
    const after = await balancesOf(t.database.db, 'volunteer', v.id);
    expect(after.minutes).toBe(90);
    expect(after.points).toBe(before.points - 5); // 30 min at the default 10 points/h
    const [tx] = rowsOf<{ source_type: string; source_id: string }>(
      await t.database.db.execute(
        sql`select source_type, source_id from ledger_transactions where kind = 'service_correction' and idempotency_key = ${`correction:${c.json().id}`}`,
      ),
    );
    expect(tx).toEqual({ source_type: 'service_order', source_id: orderId });
  });

  it('an attendance id that is not a uuid (abc, 36 dashes) is a 404 on staff check-in and check-out, never a 500', async () => {
    const a = await newActivity();
    const w = await t.as('tongdu_worker');
    for (const bad of ['abc', '-'.repeat(36)])
      for (const op of ['check-in', 'check-out']) {
        const res = await w.post(`/api/volunteer-activities/${a.id}/attendance/${bad}/${op}`);
        expect(res.statusCode, `${bad} ${op}: ${res.body}`).toBe(404);
      }
  });
});
