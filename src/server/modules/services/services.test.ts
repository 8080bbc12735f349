import { and, eq, sql } from 'drizzle-orm';
import { rowsOf } from '../../platform/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, signInNewUser } from '../../../../test/app';
import {
  SO_ACTIONS,
  SO_STATUSES,
  SO_TRANSITIONS,
  soActionsFrom,
} from '../../../shared/contracts/serviceOrderMachine';
import { auditLog } from '../../platform/audit.table';
import { balancesOf } from '../ledger/ledger.core';
import { verifyLedger } from '../ledger/ledger.verify';
import { partyMembers, socialOrgs } from '../people/people.table';
import { volunteerHours, volunteers } from '../volunteers/volunteers.table';
import { moduleJobs } from '../../app';
import { startJobs } from '../../platform/jobs';
import { sweepServiceOrders } from './services.orders';
import { svcOrderEvents, svcOrders } from './services.table';

let t: TestApp;
let worker: Client;
let xhyWorker: Client;
let resident: Client;
let zhiyuan: Client;
let other: Client;
const vol = { zhiyuan: '', neighbour: '', xhy: '' };
let projectId = '';

async function addVolunteer(opts: {
  name: string;
  userId?: string | null;
  community: { id: string; path: string };
  grid?: { id: string; path: string } | null;
  skills?: string[];
  kind?: string;
  partyMemberId?: string | null;
}) {
  const now = t.clock.now();
  const unit = opts.grid ?? opts.community;
  const [v] = await t.database.db
    .insert(volunteers)
    .values({
      id: t.deps.ids(),
      userId: opts.userId ?? null,
      partyMemberId: opts.partyMemberId ?? null,
      name: opts.name,
      skills: opts.skills ?? [],
      kind: opts.kind ?? 'resident',
      orgUnitId: unit.id,
      orgPath: unit.path,
      communityId: opts.community.id,
      gridId: opts.grid?.id ?? null,
      status: 'active',
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return v!;
}

beforeAll(async () => {
  t = await createTestApp();
  const { tongdu, tongduGrid, xihuayuan } = t.fx;
  await createUser(t, 'jumin', [{ role: 'resident', orgUnitId: tongdu.id }]);
  await createUser(t, 'xhy_resident', [{ role: 'resident', orgUnitId: xihuayuan.id }]);
  const zhiyuanId = await createUser(t, 'zhiyuan', [{ role: 'volunteer', orgUnitId: tongdu.id }]);
  const otherId = await createUser(t, 'other_vol', [{ role: 'volunteer', orgUnitId: tongdu.id }]);
  const now = t.clock.now();
  const [pm] = await t.database.db
    .insert(partyMembers)
    .values({
      id: t.deps.ids(),
      name: '李志远',
      orgUnitId: tongdu.id,
      orgPath: tongdu.path,
      reporting: true,
      employer: '大冶有色金属集团',
      skills: ['elderly_care'],
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  vol.zhiyuan = (
    await addVolunteer({
      name: '李志远',
      userId: zhiyuanId,
      community: tongdu,
      grid: tongduGrid,
      skills: ['elderly_care', '陪诊'],
      kind: 'party_member',
      partyMemberId: pm!.id,
    })
  ).id;
  vol.neighbour = (
    await addVolunteer({ name: '王热心', userId: otherId, community: tongdu, skills: ['repair'] })
  ).id;
  vol.xhy = (await addVolunteer({ name: '西花苑志愿者', community: xihuayuan, skills: ['elderly_care'] })).id;
  await login();
});

/** Sessions expire after 2 idle hours: log in again after moving the clock. */
async function login() {
  worker = await t.as('tongdu_worker');
  xhyWorker = await t.as('xhy_worker');
  resident = await t.as('jumin');
  zhiyuan = await t.as('zhiyuan');
  other = await t.as('other_vol');
}
afterAll(() => t.close());

async function newProject(body: Record<string, unknown> = {}) {
  const res = await worker.post('/api/services/projects', {
    communityId: t.fx.tongdu.id,
    title: '助老陪诊',
    category: 'elderly_care',
    skills: ['陪诊'],
    providerType: 'community',
    schedule: '每周一至周五',
    activityType: 'elderly_care',
    durationMinutes: 90,
    published: true,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

async function order(client: Client = resident, body: Record<string, unknown> = {}) {
  const res = await client.post('/api/services/orders', {
    projectId,
    forSelf: false,
    beneficiaryName: '张奶奶',
    beneficiaryPhone: '13912345678',
    beneficiaryAddress: '铜都社区1栋2单元301室',
    gridId: t.fx.tongduGrid.id,
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

/** A resident posts a need (a repair in `communityId`) as an order for themself. */
const postNeed = (client: Client, communityId: string, title: string) =>
  client.post('/api/services/orders', { communityId, title, category: 'repair', forSelf: true });

const act = (client: Client, id: string, body: Record<string, unknown>) =>
  client.post(`/api/services/orders/${id}/actions`, body);
/** Staff dispatch the order to an assignee (a volunteer unless told). */
const dispatch = (client: Client, id: string, assigneeId: string, assigneeType = 'volunteer') =>
  act(client, id, { action: 'dispatch', assigneeType, assigneeId });

async function audits(entityId: string) {
  return t.database.db.select().from(auditLog).where(eq(auditLog.entityId, entityId));
}

describe('service order state machine', () => {
  it('every transition leaves from and goes to known statuses; the system-only timeout is no button', () => {
    for (const a of SO_ACTIONS) {
      for (const s of SO_TRANSITIONS[a].from) expect(SO_STATUSES).toContain(s);
      expect(SO_STATUSES).toContain(SO_TRANSITIONS[a].to);
    }
    expect(soActionsFrom('dispatched')).toEqual(['reassign', 'accept', 'decline', 'cancel']);
    expect(soActionsFrom('served')).toEqual(['confirm']);
  });
});

describe('R-SV-1: the three lists', () => {
  it('R-SV-1: community staff keep a needs list, a resources list and a service project list, each audited', async () => {
    const need = await worker.post('/api/services/needs', {
      communityId: t.fx.tongdu.id,
      gridId: t.fx.tongduGrid.id,
      title: '独居老人希望每周有人上门陪聊',
      source: 'special_group_visit',
      category: 'companionship',
      raisedBy: '网格走访',
    });
    expect(need.statusCode, need.body).toBe(201);
    expect(need.json()).toMatchObject({
      status: 'open',
      source: 'special_group_visit',
      communityName: '铜都社区',
    });
    const [org] = await t.database.db
      .insert(socialOrgs)
      .values({
        id: t.deps.ids(),
        name: '铜都银龄互助会',
        registration: 'filed',
        field: 'elderly_care',
        orgUnitId: t.fx.tongdu.id,
        orgPath: t.fx.tongdu.path,
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .returning();
    const resource = await worker.post('/api/services/resources', {
      communityId: t.fx.tongdu.id,
      kind: 'social_org',
      name: '银龄互助会上门服务',
      ownerType: 'social_org',
      ownerId: org!.id,
    });
    expect(resource.statusCode, resource.body).toBe(201);
    expect(resource.json().ownerName).toBe('铜都银龄互助会');
    const project = await newProject();
    projectId = project.id;
    expect(project).toMatchObject({ published: true, openOrders: 0, communityName: '铜都社区' });

    for (const [path, entity] of [
      ['/api/services/needs', need.json().id],
      ['/api/services/resources', resource.json().id],
      ['/api/services/projects', project.id],
    ]) {
      const list = await worker.get(`${path}?communityId=${t.fx.tongdu.id}`);
      expect(list.statusCode).toBe(200);
      expect(list.json().items.map((x: { id: string }) => x.id)).toContain(entity);
      expect((await audits(entity)).length).toBe(1);
    }
  });

  it('R-SV-1: a foreign community is invisible (404) and its lists stay empty for the other worker', async () => {
    const res = await xhyWorker.post('/api/services/needs', {
      communityId: t.fx.tongdu.id,
      title: 'x',
      source: 'resident',
    });
    expect(res.statusCode).toBe(404);
    expect((await xhyWorker.get('/api/services/projects')).json().total).toBe(0);
    expect(
      (await xhyWorker.patch(`/api/services/projects/${projectId}`, { published: false })).statusCode,
    ).toBe(404);
  });

  it('R-SV-1: residents may not maintain the lists, and a resource owner outside the community is refused', async () => {
    expect(
      (
        await resident.post('/api/services/needs', {
          communityId: t.fx.tongdu.id,
          title: 'x',
          source: 'resident',
        })
      ).statusCode,
    ).toBe(403);
    const res = await worker.post('/api/services/resources', {
      communityId: t.fx.tongdu.id,
      kind: 'party_member_skill',
      name: 'x',
      ownerType: 'volunteer',
      ownerId: vol.xhy,
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.details.fields[0].code).toBe('services.owner_unknown');
  });

  it('R-SV-1: residents see only the published services of their community', async () => {
    const hidden = await newProject({ title: '未发布的项目', published: false });
    const mine = (await resident.get('/api/public/services/projects')).json();
    expect(mine.community.name).toBe('铜都社区');
    const titles = mine.items.map((p: { title: string }) => p.title);
    expect(titles).toContain('助老陪诊');
    expect(titles).not.toContain('未发布的项目');
    const anon = await t.anonymous.get(`/api/public/services/projects?communityId=${t.fx.tongdu.id}`);
    expect(anon.json().items.length).toBe(mine.items.length);
    // Unasked: staff get the community of their role, an anonymous visitor none.
    const worker = await t.as('tongdu_worker');
    expect((await worker.get('/api/public/services/projects')).json().community.name).toBe('铜都社区');
    expect((await t.anonymous.get('/api/public/services/projects')).json()).toEqual({
      community: null,
      items: [],
    });
    // Ordering an unpublished service: 409.
    const res = await resident.post('/api/services/orders', { projectId: hidden.id, forSelf: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('services.project_unpublished');
  });
});

describe('R-SV-1: residents order, the community dispatches, party members accept', () => {
  it('R-SV-1: a resident orders help for an elderly neighbour; the contact is encrypted, masked for staff, clear for the orderer', async () => {
    const o = await order();
    expect(o).toMatchObject({
      status: 'ordered',
      beneficiaryName: '张奶奶',
      onBehalf: false,
      orderedByName: 'jumin',
    });
    expect(o.beneficiaryPhone).toBe('13912345678');
    const [row] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, o.id));
    expect(row!.beneficiaryPhoneEnc).not.toContain('1391234');
    expect(row!.beneficiaryAddressEnc).not.toContain('铜都');
    const list = (await worker.get('/api/services/orders?view=queue')).json();
    const item = list.items.find((x: { id: string }) => x.id === o.id);
    expect(item.beneficiaryPhone).toBe('139****5678');
    expect(item.beneficiaryAddress).toMatch(/\*\*\*\*$/);
    const [a] = await audits(o.id);
    expect(a!.action).toBe('services.order');
    expect(JSON.stringify(a!.after)).not.toContain('13912345678');
  });

  it('R-SV-1: a replayed order submission (same request key) answers the same order and creates no second one', async () => {
    const body = { projectId, forSelf: true, requestKey: 'tap-twice-0001' };
    const [a, b] = await Promise.all([
      resident.post('/api/services/orders', body),
      resident.post('/api/services/orders', body),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    const again = await resident.post('/api/services/orders', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(a.json().id);
    const rows = await t.database.db
      .select()
      .from(svcOrders)
      .where(eq(svcOrders.requestKey, 'tap-twice-0001'));
    expect(rows).toHaveLength(1);
    expect((await audits(a.json().id)).filter((x) => x.action === 'services.order')).toHaveLength(1);
  });

  it("R-SV-1: a worker orders on a resident's behalf (audited, beneficiary recorded)", async () => {
    const res = await worker.post('/api/services/orders', {
      projectId,
      forSelf: false,
      beneficiaryName: '刘爷爷',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ onBehalf: true, beneficiaryName: '刘爷爷' });
    const [a] = await audits(res.json().id);
    expect(a!.action).toBe('services.order_on_behalf');
    // For themselves, staff cannot: they order for someone.
    expect((await worker.post('/api/services/orders', { projectId, forSelf: true })).statusCode).toBe(422);
  });

  it('R-SV-1: a resident posting a need creates the order and a matched entry on the needs list', async () => {
    const res = await postNeed(resident, t.fx.tongdu.id, '楼道灯坏了想请人帮忙换');
    expect(res.statusCode, res.body).toBe(201);
    const needs = (await worker.get('/api/services/needs?status=matched')).json();
    expect(needs.items.find((n: { orderId: string }) => n.orderId === res.json().id)).toMatchObject({
      source: 'resident',
      title: '楼道灯坏了想请人帮忙换',
    });
    // Another community's resident cannot order in 铜都 (404), bad input is 400.
    const xhy = await t.as('xhy_resident');
    expect((await xhy.post('/api/services/orders', { projectId, forSelf: true })).statusCode).toBe(404);
    expect((await resident.post('/api/services/orders', { forSelf: true })).statusCode).toBe(400);
    expect((await resident.post('/api/services/orders', { projectId, forSelf: false })).statusCode).toBe(400);
  });

  it('R-SV-1: candidates rank the skilled party member in the same grid first, with load', async () => {
    const o = await order();
    const res = await worker.get(`/api/services/orders/${o.id}/candidates`);
    expect(res.statusCode, res.body).toBe(200);
    const list = res.json();
    expect(list[0]).toMatchObject({
      assigneeId: vol.zhiyuan,
      distance: 'grid',
      skillMatch: 2,
      hasLogin: true,
    });
    expect(list.map((c: { assigneeId: string }) => c.assigneeId)).not.toContain(vol.xhy);
    expect(list.some((c: { assigneeType: string }) => c.assigneeType === 'social_org')).toBe(true);
  });

  it("R-SV-1: a foreign community's staff get 404 on dispatch and candidates; dispatching to a foreign volunteer is 422", async () => {
    const o = await order();
    expect((await dispatch(xhyWorker, o.id, vol.xhy)).statusCode).toBe(404);
    expect((await xhyWorker.get(`/api/services/orders/${o.id}/candidates`)).statusCode).toBe(404);
    expect((await xhyWorker.get(`/api/services/orders/${o.id}`)).statusCode).toBe(404);
    const res = await dispatch(worker, o.id, vol.xhy);
    expect(res.statusCode).toBe(422);
    const [row] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, o.id));
    expect(row!.status).toBe('ordered');
  });

  it('R-SV-1 R-VP-1 R-VP-2: dispatched → accepted → checked in and out → confirmed and rated credits the served minutes once', async () => {
    const o = await order();
    const d = await dispatch(worker, o.id, vol.zhiyuan);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json()).toMatchObject({ status: 'dispatched', assigneeName: '李志远' });
    // The other volunteer does not see it; the resident cannot accept it.
    expect((await act(other, o.id, { action: 'accept' })).statusCode).toBe(404);
    expect((await act(resident, o.id, { action: 'accept' })).statusCode).toBe(403);

    const tasks = (await zhiyuan.get('/api/services/my/tasks')).json();
    const task = tasks.items.find((x: { id: string }) => x.id === o.id);
    expect(task.actions).toEqual(['accept', 'decline']);
    // R-LAW-PI-1: the list is masked; the server reads the contact in clear on the order itself.
    expect(task.beneficiaryPhone).toBe('139****5678');
    expect((await zhiyuan.get(`/api/services/orders/${o.id}`)).json().beneficiaryPhone).toBe('13912345678');

    expect((await act(zhiyuan, o.id, { action: 'accept' })).statusCode).toBe(200);
    const twice = await act(zhiyuan, o.id, { action: 'accept' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('services.already_accepted');
    expect(twice.json().error.details.allowed).toEqual(['check_in']);

    const early = await act(zhiyuan, o.id, { action: 'check_out' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('services.not_checked_in');

    expect((await act(zhiyuan, o.id, { action: 'check_in' })).statusCode).toBe(200);
    t.clock.advance(90 * 60_000);
    const out = await act(zhiyuan, o.id, { action: 'check_out' });
    expect(out.json()).toMatchObject({ status: 'served', servedMinutes: 90 });

    expect((await act(resident, o.id, { action: 'confirm', rating: 6 })).statusCode).toBe(400);
    expect((await act(zhiyuan, o.id, { action: 'confirm', rating: 5 })).statusCode).toBe(403);
    const before = await balancesOf(t.database.db, 'volunteer', vol.zhiyuan);
    const ok = await act(resident, o.id, { action: 'confirm', rating: 5, comment: '很耐心' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', rating: 5, ratingComment: '很耐心' });
    const after = await balancesOf(t.database.db, 'volunteer', vol.zhiyuan);
    expect(after.minutes - before.minutes).toBe(90);
    expect(after.points - before.points).toBe(15);
    // R-LAW-VL-2: the served hours also count towards the volunteer's cumulative hours and star level.
    const hours = await t.database.db
      .select()
      .from(volunteerHours)
      .where(and(eq(volunteerHours.volunteerId, vol.zhiyuan), eq(volunteerHours.sourceId, o.id)));
    expect(hours.map((h) => [h.kind, h.minutes])).toEqual([['service', 90]]);

    const replay = await act(resident, o.id, { action: 'confirm', rating: 5 });
    expect(replay.statusCode).toBe(409);
    expect(replay.json().error.code).toBe('services.already_confirmed');
    expect(await balancesOf(t.database.db, 'volunteer', vol.zhiyuan)).toEqual(after);

    const actions = (await audits(o.id)).map((a) => a.action).filter((a) => a !== 'services.reveal');
    expect(actions).toEqual([
      'services.order',
      'services.dispatch',
      'services.accept',
      'services.check_in',
      'services.check_out',
      'services.confirm',
    ]);
    const detail = (await resident.get(`/api/services/orders/${o.id}`)).json();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual([
      'order',
      'dispatch',
      'accept',
      'check_in',
      'check_out',
      'confirm',
    ]);
    expect((await worker.post(`/api/services/orders/${o.id}/actions`, { action: 'close' })).statusCode).toBe(
      200,
    );
  });

  it('R-SV-1: two concurrent accepts: one wins, the other answers 409', async () => {
    const o = await order();
    await dispatch(worker, o.id, vol.zhiyuan);
    const results = await Promise.all([
      act(zhiyuan, o.id, { action: 'accept' }),
      act(zhiyuan, o.id, { action: 'accept' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
  });

  it('R-SV-1: a decline with a reason sends the order back to the community queue with an alert', async () => {
    const o = await order();
    await dispatch(worker, o.id, vol.zhiyuan);
    expect((await act(zhiyuan, o.id, { action: 'decline' })).statusCode).toBe(400);
    const res = await act(zhiyuan, o.id, { action: 'decline', note: '本周出差' });
    expect(res.statusCode, res.body).toBe(200);
    const [row] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, o.id));
    expect(row).toMatchObject({ status: 'ordered', alert: 'declined', assigneeId: null, declines: 1 });
    const alerts = (await worker.get('/api/services/orders?view=alerts')).json();
    expect(alerts.items.map((x: { id: string }) => x.id)).toContain(o.id);
    // No longer visible to the volunteer.
    expect((await zhiyuan.get(`/api/services/orders/${o.id}`)).statusCode).toBe(404);
  });

  it("R-SV-1: an order nobody accepts within the community's time goes back to the queue once, with an alert", async () => {
    const put = await worker.put(`/api/services/settings/${t.fx.tongdu.id}`, { acceptTimeoutHours: 2 });
    expect(put.statusCode, put.body).toBe(200);
    const o = await order();
    const d = await dispatch(worker, o.id, vol.neighbour);
    expect(new Date(d.json().acceptDueAt).getTime() - t.clock.now().getTime()).toBe(2 * 3_600_000);
    t.clock.advance(3 * 3_600_000);
    await login();
    const first = await sweepServiceOrders({ ...t.deps, requestId: 'test' });
    expect(first.returned).toBeGreaterThanOrEqual(1);
    const again = await sweepServiceOrders({ ...t.deps, requestId: 'test' });
    expect(again.returned).toBe(0);
    const [row] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, o.id));
    expect(row).toMatchObject({ status: 'ordered', alert: 'timeout', timeouts: 1, assigneeUserId: null });
    const events = await t.database.db
      .select()
      .from(svcOrderEvents)
      .where(and(eq(svcOrderEvents.orderId, o.id), eq(svcOrderEvents.action, 'timeout')));
    expect(events).toHaveLength(1);
    expect((await audits(o.id)).filter((a) => a.action === 'services.timeout')).toHaveLength(1);
    // The route: staff only.
    expect((await resident.post('/api/services/sweep')).statusCode).toBe(403);
    expect((await worker.post('/api/services/sweep')).statusCode).toBe(200);
  });

  it('R-SV-1: the scheduler fires the workflow sweep on its own and the unaccepted order returns to the queue', async () => {
    const o = await order();
    await dispatch(worker, o.id, vol.neighbour);
    t.clock.advance(30 * 3_600_000);
    await login();
    // The jobs main.ts starts: every module's declared jobs through pg-boss on the test database.
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const jobs = await startJobs(t.database, moduleJobs({ ...t.deps, log }), { pollingIntervalSeconds: 0.5 });
    try {
      // The platform's one workflow sweep fires every workflow's deadlines, this accept time among them.
      await jobs.send('platform.workflow-sweep');
      const deadline = Date.now() + 20_000;
      let row: typeof svcOrders.$inferSelect | undefined;
      do {
        await new Promise((r) => setTimeout(r, 200));
        [row] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, o.id));
      } while (row?.alert !== 'timeout' && Date.now() < deadline);
      expect(row).toMatchObject({ status: 'ordered', alert: 'timeout', assigneeUserId: null });
      // Its audit entry carries the run's own request id, so the audit page lists one run together.
      const [entry] = await t.database.db
        .select()
        .from(auditLog)
        .where(and(eq(auditLog.entityId, o.id), eq(auditLog.action, 'services.timeout')));
      expect(entry?.requestId).toMatch(/^platform\.workflow-sweep:[0-9a-f]{8}-[0-9a-f-]{27}$/);
    } finally {
      await jobs.stop();
    }
  });

  it('R-SV-1: a project at capacity refuses a further order (409)', async () => {
    const p = await newProject({ title: '理发', capacity: 1, category: 'housekeeping' });
    await order(resident, { projectId: p.id });
    const res = await resident.post('/api/services/orders', { projectId: p.id, forSelf: true });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('services.project_full');
  });

  it("a reporting party member's yearly service record names the employer, orders, hours and ratings (json and xlsx)", async () => {
    const year = Number(new Date(t.clock.now().getTime() + 8 * 3_600_000).toISOString().slice(0, 4));
    const res = await worker.get(`/api/services/volunteers/${vol.zhiyuan}/record?year=${year}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      name: '李志远',
      employer: '大冶有色金属集团',
      communityName: '铜都社区',
      ordersServed: 1,
      minutes: 90,
      averageRating: 5,
    });
    const own = await zhiyuan.get(`/api/services/my/record?year=${year}`);
    expect(own.json().minutes).toBe(90);
    const x = await worker.get(`/api/services/volunteers/${vol.zhiyuan}/record.xlsx?year=${year}`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect(
      (await xhyWorker.get(`/api/services/volunteers/${vol.zhiyuan}/record?year=${year}`)).statusCode,
    ).toBe(404);
    const summary = (await zhiyuan.get('/api/services/my/summary')).json();
    expect(summary).toMatchObject({ volunteerId: vol.zhiyuan, served: 1, minutes: 90, averageRating: 5 });
  });

  it('reports count orders by status and community with the average rating; the xlsx exports them', async () => {
    const r = (await worker.get('/api/services/reports')).json();
    expect(r.total).toBeGreaterThan(5);
    expect(r.averageRating).toBe(5);
    expect(r.byCommunity[0]).toMatchObject({ communityName: '铜都社区', minutes: 90 });
    expect(r.topServices[0].title).toBe('助老陪诊');
    expect((await xhyWorker.get('/api/services/reports')).json().total).toBe(0);
    const servers = (await worker.get('/api/services/reports/servers')).json();
    expect(servers[0]).toMatchObject({
      volunteerId: vol.zhiyuan,
      kind: 'party_member',
      orders: 1,
      minutes: 90,
    });
    expect((await xhyWorker.get('/api/services/reports/servers')).json()).toEqual([]);
    const x = await worker.get('/api/services/reports.xlsx');
    expect(x.statusCode).toBe(200);
  });
});

describe('R-SV-1: teams, social organisations, needs and cancelling', () => {
  it('R-SV-1: an order dispatched to a social organisation without a login is served with staff acting for it, and credits nobody', async () => {
    const [org] = await t.database.db
      .select()
      .from(socialOrgs)
      .where(eq(socialOrgs.orgPath, t.fx.tongdu.path));
    const o = await order();
    const d = await dispatch(worker, o.id, org!.id, 'social_org');
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().actions).toEqual(['reassign', 'accept', 'decline', 'cancel']);
    const same = await act(worker, o.id, {
      action: 'reassign',
      assigneeType: 'social_org',
      assigneeId: org!.id,
    });
    expect(same.statusCode).toBe(409);
    for (const action of ['accept', 'check_in', 'check_out']) {
      expect((await act(worker, o.id, { action })).statusCode).toBe(200);
    }
    const ok = await act(resident, o.id, { action: 'confirm', rating: 4 });
    expect(ok.json()).toMatchObject({ status: 'confirmed', rating: 4 });
    const [row] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, o.id));
    expect(row!.creditRef).toBeNull();
  });

  it("R-SV-1: a need on the list becomes an order on a resident's behalf; cancelling puts the need back on the list", async () => {
    const need = (
      await worker.post('/api/services/needs', {
        communityId: t.fx.tongdu.id,
        title: '残疾人家庭需要代购',
        source: 'special_group_visit',
        category: 'errand',
      })
    ).json();
    const forNeed = {
      communityId: t.fx.tongdu.id,
      needId: need.id,
      title: need.title,
      category: 'errand',
      forSelf: false,
      beneficiaryName: '孙叔叔',
    };
    const res = await worker.post('/api/services/orders', forNeed);
    expect(res.statusCode, res.body).toBe(201);
    const again = await worker.post('/api/services/orders', forNeed);
    expect(again.statusCode).toBe(409);
    let needs = (await worker.get('/api/services/needs?q=残疾人家庭')).json();
    expect(needs.items[0]).toMatchObject({ status: 'matched', orderId: res.json().id });
    expect((await act(worker, res.json().id, { action: 'cancel', note: '家属已自行解决' })).statusCode).toBe(
      200,
    );
    needs = (await worker.get('/api/services/needs?q=残疾人家庭')).json();
    expect(needs.items[0]).toMatchObject({ status: 'open', orderId: null });
  });

  it('R-SV-1: a resident may cancel their order until service starts; after check-in it is 409', async () => {
    const o = await order();
    await dispatch(worker, o.id, vol.zhiyuan);
    await act(zhiyuan, o.id, { action: 'accept' });
    await act(zhiyuan, o.id, { action: 'check_in' });
    const late = await act(resident, o.id, { action: 'cancel' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.details.allowed).toEqual([]);
    const o2 = await order();
    expect((await act(resident, o2.id, { action: 'cancel' })).json().status).toBe('cancelled');
    // Another resident cannot see it at all.
    const xhy = await t.as('xhy_resident');
    expect((await xhy.get(`/api/services/orders/${o2.id}`)).statusCode).toBe(404);
    // Residents have no staff lists.
    expect((await resident.get('/api/services/orders')).statusCode).toBe(403);
    expect((await resident.get('/api/services/my/orders')).json().total).toBeGreaterThan(3);
  });
});

describe('community settings', () => {
  it('R-SV-1: the accept time is set per community (default 24 h), validated, audited, and out of reach of other communities', async () => {
    const x = await xhyWorker.get(`/api/services/settings/${t.fx.xihuayuan.id}`);
    expect(x.json()).toEqual({ communityId: t.fx.xihuayuan.id, acceptTimeoutHours: 24 });
    const put = (c: Client, id: string, hours: number) =>
      c.put(`/api/services/settings/${id}`, { acceptTimeoutHours: hours });
    expect((await put(xhyWorker, t.fx.tongdu.id, 12)).statusCode).toBe(404);
    expect((await put(xhyWorker, t.fx.xihuayuan.id, 0)).statusCode).toBe(400);
    expect((await put(xhyWorker, t.fx.xihuayuanGrid.id, 12)).statusCode).toBe(422);
    expect((await put(resident, t.fx.tongdu.id, 12)).statusCode).toBe(403);
    expect((await put(xhyWorker, t.fx.xihuayuan.id, 48)).json().acceptTimeoutHours).toBe(48);
    const a = (await audits(t.fx.xihuayuan.id)).filter((r) => r.action === 'services.settings');
    expect(a.at(-1)!.after).toEqual({ acceptTimeoutHours: 48 });
  });
});

describe('R-SV-1: grid workers', () => {
  it('R-SV-1: a grid worker records needs from their grid visits and sees the orders served in their grid, but does not dispatch', async () => {
    const grid = await t.as('grid_worker');
    const fromVisit = (body: object) => grid.post('/api/services/needs', { source: 'grid_visit', ...body });
    const need = await fromVisit({
      communityId: t.fx.tongdu.id,
      gridId: t.fx.tongduGrid.id,
      title: '空巢老人希望定期测血压',
      category: 'health',
    });
    expect(need.statusCode, need.body).toBe(201);
    // Not in their grid: without one, or another community's.
    expect((await fromVisit({ communityId: t.fx.tongdu.id, title: 'x' })).statusCode).toBe(404);
    const xhyGrid = { communityId: t.fx.xihuayuan.id, gridId: t.fx.xihuayuanGrid.id };
    expect((await fromVisit({ ...xhyGrid, title: 'x' })).statusCode).toBe(404);
    const inGrid = await order();
    const elsewhere = await order(resident, { gridId: null });
    const list = (await grid.get('/api/services/orders?pageSize=200')).json();
    const ids = list.items.map((x: { id: string }) => x.id);
    expect(ids).toContain(inGrid.id);
    expect(ids).not.toContain(elsewhere.id);
    expect((await grid.get(`/api/services/orders/${elsewhere.id}`)).statusCode).toBe(404);
    const d = await dispatch(grid, inGrid.id, vol.zhiyuan);
    expect(d.statusCode).toBe(403);
  });
});

describe('R-SV-2: neighbour-station duty rota', () => {
  let stationId = '';
  const at = (h: number) => new Date(Date.UTC(2026, 10, 24, h - 8)).toISOString();
  /** Puts `person` on duty at the station from `from` to `to` o'clock (China time) on the test day. */
  const duty = (
    station: string,
    person: { type: string; name: string; id?: string },
    from: number,
    to: number,
    client = worker,
  ) =>
    client.post('/api/services/duty', {
      stationId: station,
      personType: person.type,
      personName: person.name,
      ...(person.id !== undefined && { personId: person.id }),
      startsAt: at(from),
      endsAt: at(to),
    });

  it('R-SV-2: staff set up a station and put people on duty; the same person double-booked is 409', async () => {
    const s = await worker.post('/api/services/stations', {
      communityId: t.fx.tongdu.id,
      name: '铜都邻里驿站',
    });
    expect(s.statusCode, s.body).toBe(201);
    stationId = s.json().id;
    const s2 = (
      await worker.post('/api/services/stations', { communityId: t.fx.tongdu.id, name: '二号站' })
    ).json();
    const slot = await duty(stationId, { type: 'party_leader', name: '李志远', id: vol.zhiyuan }, 9, 12);
    expect(slot.statusCode, slot.body).toBe(201);
    const clash = await duty(s2.id, { type: 'party_leader', name: '李志远', id: vol.zhiyuan }, 11, 13);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.code).toBe('services.duty_conflict');
    expect(clash.json().error.message).toContain('铜都邻里驿站');
    // Back to back is fine; so is someone else at the same time.
    const next = await duty(s2.id, { type: 'party_leader', name: '李志远', id: vol.zhiyuan }, 12, 14);
    expect(next.statusCode).toBe(201);
    const rep = await duty(stationId, { type: 'resident_rep', name: '陈居民' }, 9, 12);
    expect(rep.statusCode).toBe(201);
    const sameName = await duty(s2.id, { type: 'resident_rep', name: '陈 居民' }, 10, 11);
    expect(sameName.statusCode).toBe(409);
    const bad = await duty(stationId, { type: 'resident_rep', name: '赵' }, 12, 10);
    expect(bad.statusCode).toBe(400);

    const log = await worker.post(`/api/services/duty/${slot.json().id}/logs`, {
      content: '接待居民咨询养老服务 3 人次',
      visitors: 3,
    });
    expect(log.statusCode, log.body).toBe(201);
    const rota = (
      await worker.get(`/api/services/duty?communityId=${t.fx.tongdu.id}&from=${at(0)}&to=${at(23)}`)
    ).json();
    expect(rota).toHaveLength(3);
    expect(rota[0]).toMatchObject({ personName: '李志远', stationName: '铜都邻里驿站', logs: 1 });
    expect(
      (await worker.request({ method: 'DELETE', url: `/api/services/duty/${slot.json().id}` })).statusCode,
    ).toBe(409);
    expect((await audits(slot.json().id)).map((a) => a.action)).toEqual([
      'services.duty_slot_create',
      'services.duty_log',
    ]);
  });

  it("R-SV-2: another community's worker gets 404 on the station and sees an empty rota", async () => {
    const res = await duty(stationId, { type: 'resident_rep', name: '某人' }, 15, 16, xhyWorker);
    expect(res.statusCode).toBe(404);
    expect((await xhyWorker.get(`/api/services/duty?from=${at(0)}&to=${at(23)}`)).json()).toHaveLength(0);
  });
});

describe('R-SV-2: the person on duty logs their own duty on the phone', () => {
  it('R-SV-2: a slot linked to a login: that person logs what was handled (time, visitors, photo) on the day only, for their own slot only; staff see it', async () => {
    await login();
    const { chinaDayStart } = await import('../../../shared/chinaTime');
    const { users } = await import('../accounts/accounts.table');
    const [zy] = await t.database.db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'zhiyuan'));
    const station = (
      await worker.post('/api/services/stations', { communityId: t.fx.tongdu.id, name: '铜都自填驿站' })
    ).json();
    const day = chinaDayStart(t.clock.now()).getTime();
    const slotAt = (offsetDays: number, h: number) =>
      new Date(day + offsetDays * 86_400_000 + h * 3_600_000).toISOString();
    const mk = async (offsetDays: number) => {
      const res = await worker.post('/api/services/duty', {
        stationId: station.id,
        personType: 'party_leader',
        personName: '李志远',
        personUserId: zy!.id,
        startsAt: slotAt(offsetDays, 1),
        endsAt: slotAt(offsetDays, 2),
      });
      expect(res.statusCode, res.body).toBe(201);
      expect(res.json().selfLogging).toBe(true);
      return res.json().id as string;
    };
    const today = await mk(0);
    const tomorrow = await mk(1);
    const mine = (await zhiyuan.get('/api/me/duty')).json();
    expect(mine.map((s: { id: string; today: boolean }) => [s.id, s.today])).toEqual([
      [today, true],
      [tomorrow, false],
    ]);
    // Not on another day; not someone else's slot (404); bad input 400.
    const early = await zhiyuan.post(`/api/me/duty/${tomorrow}/logs`, { content: '提前填写' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('services.duty_not_today');
    expect((await other.post(`/api/me/duty/${today}/logs`, { content: '代填' })).statusCode).toBe(404);
    expect((await resident.post(`/api/me/duty/${today}/logs`, { content: '代填' })).statusCode).toBe(404);
    expect((await zhiyuan.post(`/api/me/duty/${today}/logs`, { visitors: 1 })).statusCode).toBe(400);
    const log = await zhiyuan.post(`/api/me/duty/${today}/logs`, {
      content: '调解楼道堆物纠纷 1 起，接待咨询 4 人次',
      visitors: 4,
    });
    expect(log.statusCode, log.body).toBe(201);
    expect(log.json()).toMatchObject({
      selfEntered: true,
      visitors: 4,
      createdByName: 'zhiyuan',
      hasPhoto: false,
    });
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const { multipart } = await import('../../../../test/multipart');
    const photo = await zhiyuan.request({
      method: 'POST',
      url: `/api/me/duty/logs/${log.json().id}/photo`,
      ...multipart({}, { name: 'duty.png', data: png }),
    });
    expect(photo.statusCode, photo.body).toBe(200);
    expect(photo.json().hasPhoto).toBe(true);
    expect(
      (
        await other.request({
          method: 'POST',
          url: `/api/me/duty/logs/${log.json().id}/photo`,
          ...multipart({}, { name: 'duty.png', data: png }),
        })
      ).statusCode,
    ).toBe(404);
    // Staff see the self-entered log and its photo; another community does not.
    const logs = (await worker.get(`/api/services/duty/${today}/logs`)).json();
    expect(logs).toEqual([expect.objectContaining({ selfEntered: true, hasPhoto: true, visitors: 4 })]);
    expect((await worker.get(`/api/services/duty/logs/${log.json().id}/photo`)).statusCode).toBe(200);
    expect((await xhyWorker.get(`/api/services/duty/logs/${log.json().id}/photo`)).statusCode).toBe(404);
    expect((await audits(today)).map((a) => a.action)).toEqual([
      'services.duty_slot_create',
      'services.duty_log_self',
      'services.duty_log_photo',
    ]);
  });
});

describe('R-SV-1: editing the three lists', () => {
  it('R-SV-1: unpublishing a service and then renaming it keeps its skills, duration and published state', async () => {
    await login();
    const p = await newProject({ title: '缝补衣物', skills: ['缝补'], durationMinutes: 45, published: true });
    const patch = (body: Record<string, unknown>) => worker.patch(`/api/services/projects/${p.id}`, body);
    const off = await patch({ published: false });
    expect(off.statusCode, off.body).toBe(200);
    expect(off.json()).toMatchObject({ published: false, skills: ['缝补'], durationMinutes: 45 });
    const renamed = await patch({ title: '上门缝补' });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.json()).toMatchObject({
      title: '上门缝补',
      published: false,
      skills: ['缝补'],
      durationMinutes: 45,
      schedule: '每周一至周五',
    });
    const on = (await patch({ published: true })).json();
    expect(on).toMatchObject({ published: true, skills: ['缝补'], durationMinutes: 45, title: '上门缝补' });
    // The patch still validates what it carries.
    expect((await patch({ durationMinutes: 1 })).statusCode).toBe(400);
    expect((await patch({ communityId: t.fx.xihuayuan.id })).statusCode).toBe(400);
  });

  it('R-SV-1: renaming an unavailable resource leaves it unavailable', async () => {
    const r = await worker.post('/api/services/resources', {
      communityId: t.fx.tongdu.id,
      kind: 'venue',
      name: '活动室',
      quantity: 30,
      available: false,
    });
    expect(r.statusCode, r.body).toBe(201);
    const res = await worker.patch(`/api/services/resources/${r.json().id}`, { name: '二楼活动室' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '二楼活动室', available: false, quantity: 30 });
  });
});

describe('R-SV-1: who may order, serve and confirm', () => {
  it('R-SV-1: a resident registered at their grid orders a service and posts a need in their community', async () => {
    const gridResident = await signInNewUser(t, 'grid_jumin', 'resident', t.fx.tongduGrid.id);
    const res = await gridResident.post('/api/services/orders', { projectId, forSelf: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ communityId: t.fx.tongdu.id, status: 'ordered' });
    const need = await postNeed(gridResident, t.fx.tongdu.id, '想请人帮忙修门锁');
    expect(need.statusCode, need.body).toBe(201);
    // Still not in another community, nor at a grid given as the community.
    const foreign = await postNeed(gridResident, t.fx.xihuayuan.id, 'x');
    expect(foreign.statusCode).toBe(404);
    const notCommunity = await postNeed(gridResident, t.fx.tongduGrid.id, 'x');
    expect(notCommunity.statusCode).toBe(422);
  });

  it("R-SV-1 R-VP-1: a volunteer's own order is never dispatched or reassigned to them, nor offered as a candidate", async () => {
    const mine = await order(zhiyuan, { forSelf: true });
    const cands = (await worker.get(`/api/services/orders/${mine.id}/candidates`)).json();
    expect(cands.map((c: { assigneeId: string }) => c.assigneeId)).not.toContain(vol.zhiyuan);
    const self = await dispatch(worker, mine.id, vol.zhiyuan);
    expect(self.statusCode).toBe(409);
    expect(self.json().error.code).toBe('services.assignee_is_orderer');
    expect(self.json().error.message).toMatch(/下单人本人|placed it/);
    expect((await dispatch(worker, mine.id, vol.neighbour)).statusCode).toBe(200);
    const re = await act(worker, mine.id, {
      action: 'reassign',
      assigneeType: 'volunteer',
      assigneeId: vol.zhiyuan,
    });
    expect(re.statusCode).toBe(409);
    expect(re.json().error.code).toBe('services.assignee_is_orderer');
    const [row] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, mine.id));
    expect(row!.assigneeId).toBe(vol.neighbour);
  });

  it('R-SV-1 R-VP-1: whoever served an order cannot confirm it, even when they also placed it', async () => {
    const mine = await order(other, { forSelf: true });
    await dispatch(worker, mine.id, vol.zhiyuan);
    for (const action of ['accept', 'check_in', 'check_out']) {
      expect((await act(zhiyuan, mine.id, { action })).statusCode).toBe(200);
    }
    // However the server's login came to be the orderer's (e.g. a profile linked after dispatch).
    const [row] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, mine.id));
    await t.database.db
      .update(svcOrders)
      .set({ orderedBy: row!.assigneeUserId })
      .where(eq(svcOrders.id, mine.id));
    const detail = (await zhiyuan.get(`/api/services/orders/${mine.id}`)).json();
    expect(detail.status).toBe('served');
    expect(detail.actions).not.toContain('confirm');
    const before = await balancesOf(t.database.db, 'volunteer', vol.zhiyuan);
    const res = await act(zhiyuan, mine.id, { action: 'confirm', rating: 5 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('services.confirm_own_service');
    expect(await balancesOf(t.database.db, 'volunteer', vol.zhiyuan)).toEqual(before);
  });
});

describe("R-LAW-PI-1: the beneficiary's contact", () => {
  it("R-LAW-PI-1: the orderer's and the server's lists are masked; the order detail shows the contact in clear and is audited", async () => {
    const o = await order();
    await dispatch(worker, o.id, vol.zhiyuan);
    const find = (page: { items: { id: string }[] }) =>
      page.items.find((x) => x.id === o.id) as
        | { beneficiaryPhone: string; beneficiaryAddress: string }
        | undefined;
    const task = find((await zhiyuan.get('/api/services/my/tasks')).json());
    const mineRow = find((await resident.get('/api/services/my/orders?pageSize=200')).json());
    for (const row of [task, mineRow]) {
      expect(row!.beneficiaryPhone).toBe('139****5678');
      expect(row!.beneficiaryAddress).not.toContain('301');
    }
    const reveals = async () =>
      (await audits(o.id)).filter((a) => a.action === 'services.reveal').map((a) => a.actorName);
    const before = await reveals();
    const detail = (await zhiyuan.get(`/api/services/orders/${o.id}`)).json();
    expect(detail).toMatchObject({
      beneficiaryPhone: '13912345678',
      beneficiaryAddress: '铜都社区1栋2单元301室',
    });
    expect(await reveals()).toEqual([...before, 'zhiyuan']);
    const record = (await audits(o.id)).filter((a) => a.action === 'services.reveal').at(-1)!;
    expect(record.entityType).toBe('svc_order');
    expect(JSON.stringify(record.after)).not.toContain('13912345678');
    // The phone page polls: one record per person and order every ten minutes.
    await zhiyuan.get(`/api/services/orders/${o.id}`);
    expect(await reveals()).toEqual([...before, 'zhiyuan']);
    t.clock.advance(11 * 60_000);
    await zhiyuan.get(`/api/services/orders/${o.id}`);
    expect(await reveals()).toEqual([...before, 'zhiyuan', 'zhiyuan']);
    // Staff read the masks on the detail, and nothing is revealed.
    const staff = (await worker.get(`/api/services/orders/${o.id}`)).json();
    expect(staff.beneficiaryPhone).toBe('139****5678');
    expect(await reveals()).toEqual([...before, 'zhiyuan', 'zhiyuan']);
  });
});

describe('R-SV-1: the accept-time sweep by hand', () => {
  it("R-SV-1: a 西花苑 worker's sweep leaves 铜都's overdue orders alone; 铜都's worker returns them", async () => {
    await login();
    await worker.put(`/api/services/settings/${t.fx.tongdu.id}`, { acceptTimeoutHours: 1 });
    const o = await order();
    await dispatch(worker, o.id, vol.neighbour);
    t.clock.advance(2 * 3_600_000);
    await login();
    const foreign = await xhyWorker.post('/api/services/sweep');
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json().returned).toBe(0);
    const status = async () =>
      (await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, o.id)))[0]!.status;
    expect(await status()).toBe('dispatched');
    const own = await worker.post('/api/services/sweep');
    expect(own.json().returned).toBeGreaterThanOrEqual(1);
    expect(await status()).toBe('ordered');
  });
});

describe('R-VP-2: paying for a service with the time bank (服务换服务)', () => {
  /** An order for `client` itself, dispatched to `assigneeId` and served for `minutes`. */
  async function served(client: Client, server: Client, assigneeId: string, minutes: number) {
    const o = await order(client, { projectId: timeProject, forSelf: true });
    const d = await dispatch(worker, o.id, assigneeId);
    expect(d.statusCode, d.body).toBe(200);
    for (const action of ['accept', 'check_in']) {
      const r = await act(server, o.id, { action });
      expect(r.statusCode, r.body).toBe(200);
    }
    t.clock.advance(minutes * 60_000);
    const out = await act(server, o.id, { action: 'check_out' });
    expect(out.json()).toMatchObject({ status: 'served', servedMinutes: minutes });
    return o;
  }
  let timeProject = '';

  it('R-VP-2: a volunteer orders for themselves paying with banked minutes; confirming moves 60 min from the payer to the server once', async () => {
    timeProject = (await newProject({ title: '时间银行助老' })).id;
    // 王热心 banks 60 minutes by serving 李志远 first.
    const first = await served(zhiyuan, other, vol.neighbour, 60);
    expect((await act(zhiyuan, first.id, { action: 'confirm', rating: 5 })).statusCode).toBe(200);

    const o = await order(other, { projectId: timeProject, forSelf: true, payWithTime: true });
    expect(o.payWithTime).toBe(true);
    const [row] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, o.id));
    expect(row!.timePayerVolunteerId).toBe(vol.neighbour);
    await dispatch(worker, o.id, vol.zhiyuan);
    for (const action of ['accept', 'check_in']) {
      expect((await act(zhiyuan, o.id, { action })).statusCode).toBe(200);
    }
    t.clock.advance(60 * 60_000);
    expect((await act(zhiyuan, o.id, { action: 'check_out' })).json()).toMatchObject({ servedMinutes: 60 });

    const server0 = await balancesOf(t.database.db, 'volunteer', vol.zhiyuan);
    const payer0 = await balancesOf(t.database.db, 'volunteer', vol.neighbour);
    expect(payer0.minutes).toBeGreaterThanOrEqual(60);
    const ok = await act(other, o.id, { action: 'confirm', rating: 5 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'confirmed', payWithTime: true, timePaidMinutes: 60 });
    const server1 = await balancesOf(t.database.db, 'volunteer', vol.zhiyuan);
    const payer1 = await balancesOf(t.database.db, 'volunteer', vol.neighbour);
    expect(server1.minutes - server0.minutes).toBe(60);
    expect(payer1.minutes - payer0.minutes).toBe(-60);
    // Points are not spent: only the time bank pays.
    expect(payer1.points).toBe(payer0.points);

    const replay = await act(other, o.id, { action: 'confirm', rating: 5 });
    expect(replay.statusCode).toBe(409);
    expect(await balancesOf(t.database.db, 'volunteer', vol.zhiyuan)).toEqual(server1);
    expect(await balancesOf(t.database.db, 'volunteer', vol.neighbour)).toEqual(payer1);
    const [after] = await t.database.db.select().from(svcOrders).where(eq(svcOrders.id, o.id));
    expect(after!.timePaidMinutes).toBe(60);
    expect((await verifyLedger(t.database.db, t.clock)).ok).toBe(true);
  });

  it('R-VP-2: paying with the time bank without banked minutes is 409; a resident without a volunteer profile too', async () => {
    const freshId = await createUser(t, 'fresh_vol', [{ role: 'volunteer', orgUnitId: t.fx.tongdu.id }]);
    await addVolunteer({ name: '新志愿者', userId: freshId, community: t.fx.tongdu });
    const fresh = await t.as('fresh_vol');
    for (const client of [fresh, resident]) {
      const res = await client.post('/api/services/orders', {
        projectId: timeProject || projectId,
        forSelf: true,
        payWithTime: true,
      });
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().error.code).toBe('services.no_time_balance');
      expect(res.json().error.message).toMatch(/时间银行|time bank/);
    }
  });

  it('R-VP-2: paying with the time bank when ordering for someone else is 422', async () => {
    const res = await other.post('/api/services/orders', {
      projectId: timeProject || projectId,
      forSelf: false,
      beneficiaryName: '张奶奶',
      payWithTime: true,
    });
    expect(res.statusCode, res.body).toBe(422);
    const [n] = await t.database.db
      .select()
      .from(svcOrders)
      .where(and(eq(svcOrders.beneficiaryName, '张奶奶'), eq(svcOrders.timePayerVolunteerId, vol.neighbour)));
    expect(n).toBeUndefined();
  });
  it("R-VP-2: a family member spends an elderly relative's time bank on the phone only with the relative's recorded consent; the posting names both, audited", async () => {
    const { findAccount } = await import('../ledger/ledger.core');
    const { buildResident } = await import('../../../../test/factories');
    const { users } = await import('../accounts/accounts.table');
    // 王热心 banks 90 minutes.
    const first = await served(zhiyuan, other, vol.neighbour, 90);
    expect((await act(zhiyuan, first.id, { action: 'confirm', rating: 5 })).statusCode).toBe(200);
    const acc = await findAccount(t.database.db, 'volunteer', vol.neighbour, 'minutes');
    // jumin's login is linked to a registry record; staff name that record as 王热心's family member.
    const daughter = await buildResident(t.deps, t.fx.tongdu, t.fx.tongdu, { name: '王小芳' });
    await t.database.db.update(users).set({ residentId: daughter.id }).where(eq(users.username, 'jumin'));
    await login();
    const added = await worker.post(`/api/ledger/accounts/${acc!.id}/designees`, {
      name: '王小芳',
      relation: '女儿',
      residentId: daughter.id,
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json()).toMatchObject({ link: 'declared', hasLogin: true, consent: null });
    const designeeId = added.json().id as string;
    const familyOrder = () =>
      resident.post('/api/services/orders', {
        projectId: timeProject,
        forSelf: false,
        beneficiaryName: '王热心',
        payWithTimeOf: designeeId,
      });
    // No consent recorded yet: 403, and the phone lists no relative.
    const refused = await familyOrder();
    expect(refused.statusCode, refused.body).toBe(403);
    expect(refused.json().error.code).toBe('ledger.consent_required');
    expect((await resident.get('/api/me/time-bank/relatives')).json()).toEqual([]);
    // Staff record the consent, stating how it was given (a note is required from staff).
    expect((await worker.post(`/api/ledger/designees/${designeeId}/consent`, {})).statusCode).toBe(422);
    const consent = await worker.post(`/api/ledger/designees/${designeeId}/consent`, {
      note: '王热心本人当面同意，社区工作者见证',
    });
    expect(consent.statusCode, consent.body).toBe(200);
    expect(consent.json().consent).toMatchObject({ by: 'staff', note: '王热心本人当面同意，社区工作者见证' });
    const relatives = (await resident.get('/api/me/time-bank/relatives')).json();
    expect(relatives).toEqual([
      expect.objectContaining({ designeeId, holderName: '王热心', relation: '女儿' }),
    ]);
    // Someone not named is refused as without consent.
    const neighbour = await signInNewUser(t, 'td_neighbour', 'resident', t.fx.tongdu.id);
    const stranger = await neighbour.post('/api/services/orders', {
      projectId: timeProject,
      forSelf: false,
      beneficiaryName: '王热心',
      payWithTimeOf: designeeId,
    });
    expect(stranger.statusCode).toBe(403);
    expect(stranger.json().error.code).toBe('ledger.consent_required');

    const o = await familyOrder();
    expect(o.statusCode, o.body).toBe(201);
    const oid = o.json().id as string;
    await dispatch(worker, oid, vol.zhiyuan);
    for (const action of ['accept', 'check_in'])
      expect((await act(zhiyuan, oid, { action })).statusCode).toBe(200);
    t.clock.advance(30 * 60_000);
    expect((await act(zhiyuan, oid, { action: 'check_out' })).statusCode).toBe(200);
    const before = await balancesOf(t.database.db, 'volunteer', vol.neighbour);
    await login();
    const ok = await act(resident, oid, { action: 'confirm', rating: 5 });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ timePaidMinutes: 30 });
    expect((await balancesOf(t.database.db, 'volunteer', vol.neighbour)).minutes).toBe(before.minutes - 30);
    const [tx] = rowsOf<{ id: string; memo: string }>(
      await t.database.db.execute(
        sql`select id, memo from ledger_transactions where idempotency_key = ${`service_order_pay:${oid}`}`,
      ),
    );
    expect(tx!.memo).toContain('王小芳');
    expect(tx!.memo).toContain('王热心');
    const [audit] = await t.database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'ledger.family_spend'), eq(auditLog.entityId, tx!.id)));
    expect(audit).toBeDefined();
    expect((await verifyLedger(t.database.db, t.clock)).ok).toBe(true);
  });
});

describe("R-SV-1: seed 003's 问题清单、服务清单、解决清单 beside seed 000's three lists", () => {
  it('R-SV-1: every need is a problem; matched to an order it is on the service list; confirmed it is solved; out of scope is 404', async () => {
    await login();
    const res = await worker.get(`/api/services/loop?communityId=${t.fx.tongdu.id}`);
    expect(res.statusCode, res.body).toBe(200);
    const { problems, services, solved } = res.json();
    expect(problems.length).toBeGreaterThan(0);
    expect(services.length).toBeGreaterThan(0);
    expect(problems.length).toBeGreaterThanOrEqual(services.length);
    expect(services.every((r: { orderNumber: string | null }) => r.orderNumber)).toBe(true);
    expect(solved.every((r: { solvedAt: string | null }) => r.solvedAt)).toBe(true);
    const ids = new Set(problems.map((r: { needId: string }) => r.needId));
    expect(solved.every((r: { needId: string }) => ids.has(r.needId))).toBe(true);
    expect((await xhyWorker.get(`/api/services/loop?communityId=${t.fx.tongdu.id}`)).statusCode).toBe(404);
    expect((await resident.get('/api/services/loop')).statusCode).toBe(403);
  });
});
