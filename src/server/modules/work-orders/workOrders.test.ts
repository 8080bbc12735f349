import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp, createUser, signInNewUser } from '../../../../test/app';
import { multipart } from '../../../../test/multipart';
import { IN_GRID, giveSquareBoundary } from '../../../../test/workOrders';
import {
  TRANSITIONS,
  WO_ACTIONS,
  WO_STATUSES,
  actionsFrom,
} from '../../../shared/contracts/workOrderMachine';
import { rowsOf } from '../../platform/db';
import { runSlaSweep } from './workOrders.sla';

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
  await giveSquareBoundary(t, t.fx.tongduGrid.id);
  await createUser(t, 'dispatcher', [{ role: 'dispatcher', orgUnitId: t.fx.subdistrict.id }]);
});
afterAll(() => t.close());

async function report(body: Record<string, unknown> = {}) {
  const res = await t.anonymous.post('/api/public/work-orders', {
    kind: 'complaint',
    categoryCode: 'street_lamp',
    description: '小区门口路灯不亮,晚上很黑',
    requesterPhone: '13800001111',
    ...IN_GRID,
    ...body,
  });
  expect(res.statusCode).toBe(201);
  return res.json() as { number: string; token: string };
}

async function orderIdOf(number: string) {
  const d = await t.as('dispatcher');
  return (await d.get(`/api/work-orders?q=${number}`)).json().items[0].id as string;
}

/** A new report dispatched to 铜都社区 and accepted there: its id, the dispatcher's and the worker's clients. */
async function acceptedOrder() {
  const { number } = await report();
  const id = await orderIdOf(number);
  const d = await t.as('dispatcher');
  const w = await t.as('tongdu_worker');
  await d.post(`/api/work-orders/${id}/actions`, { action: 'dispatch', unitId: t.fx.tongdu.id });
  await w.post(`/api/work-orders/${id}/actions`, { action: 'accept' });
  return { id, d, w };
}

describe('the state machine table (DESIGN convention 10)', () => {
  it('every action names legal source states, and terminal states allow no action', () => {
    for (const a of WO_ACTIONS) expect(TRANSITIONS[a].from.length).toBeGreaterThan(0);
    for (const s of ['closed', 'cancelled', 'duplicate', 'diverted'] as const)
      expect(actionsFrom(s)).toEqual([]);
    for (const s of WO_STATUSES) for (const a of actionsFrom(s)) expect(TRANSITIONS[a].from).toContain(s);
  });
});

describe('closed loop (R-WO-2, R-LAW-WO-5)', () => {
  it('resident reports a broken lamp → dispatcher routes it by territory → worker accepts, replies → dissatisfied → redo → satisfied → closed', async () => {
    const { number, token } = await report();
    expect(number).toMatch(/^WO\d{14}$/);
    const dispatcher = await t.as('dispatcher');
    const id = await orderIdOf(number);
    let o = (await dispatcher.get(`/api/work-orders/${id}`)).json();
    expect(o.status).toBe('submitted');
    expect(o.gridId).toBe(t.fx.tongduGrid.id); // R-WO-4: the grid containing the point
    expect(o.requesterPhone).toBe('138****1111');
    expect(o.actions).toContain('dispatch');

    o = (
      await dispatcher.post(`/api/work-orders/${id}/actions`, { action: 'dispatch', unitId: t.fx.tongdu.id })
    ).json();
    expect(o.status).toBe('dispatched');
    expect(o.orgUnitName).toBe('铜都社区');

    const worker = await t.as('tongdu_worker');
    expect((await worker.get(`/api/work-orders/${id}`)).json().actions).toEqual(
      expect.arrayContaining(['accept', 'return']),
    );
    expect((await worker.post(`/api/work-orders/${id}/actions`, { action: 'accept' })).json().status).toBe(
      'in_progress',
    );
    o = (
      await worker.post(`/api/work-orders/${id}/actions`, {
        action: 'reply',
        note: '已更换灯泡',
        publicNote: '路灯已修复',
      })
    ).json();
    expect(o).toMatchObject({ status: 'replied', resolutionLevel: 'community' });

    const rated = await t.anonymous.post(`/api/public/work-orders/${number}/rating`, {
      token,
      resolved: false,
      satisfaction: 'dissatisfied',
      comment: '还是不亮',
    });
    expect(rated.statusCode).toBe(200);
    expect(rated.json().status).toBe('in_progress'); // 重办
    o = (await worker.get(`/api/work-orders/${id}`)).json();
    expect(o.redoCount).toBe(1);
    await worker.post(`/api/work-orders/${id}/actions`, { action: 'reply', note: '更换了整套线路' });
    const second = await t.anonymous.post(`/api/public/work-orders/${number}/rating`, {
      token,
      resolved: true,
      satisfaction: 'satisfied',
    });
    expect(second.json().status).toBe('closed');

    const again = await t.anonymous.post(`/api/public/work-orders/${number}/rating`, {
      token,
      resolved: true,
      satisfaction: 'satisfied',
    });
    expect(again.statusCode).toBe(409); // rating twice
    const view = (await t.anonymous.get(`/api/public/work-orders/${number}?token=${token}`)).json();
    expect(view.timeline.map((e: { text: string | null }) => e.text)).toContain('路灯已修复');
    expect(JSON.stringify(view)).not.toContain('tongdu_worker'); // privacy-safe: no staff names
    const detail = (await dispatcher.get(`/api/work-orders/${id}`)).json();
    expect(detail.timeline.map((e: { action: string }) => e.action)).toEqual([
      'intake',
      'dispatch',
      'accept',
      'reply',
      'follow_up',
      'reply',
      'follow_up',
    ]);
    expect(detail.followups).toHaveLength(2);
  });

  it('invalid transitions answer 409 with the allowed actions; a grid worker may not dispatch (403)', async () => {
    const { number } = await report();
    const id = await orderIdOf(number);
    const dispatcher0 = await t.as('dispatcher');
    const early = await dispatcher0.post(`/api/work-orders/${id}/actions`, {
      action: 'reply',
      note: '还没派单就答复',
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.details.allowed).toEqual(expect.arrayContaining(['dispatch', 'cancel']));
    // Before dispatch the community cannot even see it (scope: the governance centre's queue).
    expect(
      (await (await t.as('tongdu_worker')).post(`/api/work-orders/${id}/actions`, { action: 'accept' }))
        .statusCode,
    ).toBe(404);
    const dispatcher = await t.as('dispatcher');
    await dispatcher.post(`/api/work-orders/${id}/actions`, {
      action: 'dispatch',
      unitId: t.fx.tongduGrid.id,
    });
    // The grid worker sees the order now, but dispatching is the governance centre's job.
    const grid = await t.as('grid_worker');
    const reassign = await grid.post(`/api/work-orders/${id}/actions`, {
      action: 'reassign',
      unitId: t.fx.tongdu.id,
      note: '我来派',
    });
    expect(reassign.statusCode).toBe(403);
    expect((await grid.get(`/api/work-orders/${id}`)).json().actions).toEqual(['accept', 'return']);
    await dispatcher.post(`/api/work-orders/${id}/actions`, { action: 'cancel', note: '测试取消' });
    const closed = await dispatcher.post(`/api/work-orders/${id}/actions`, {
      action: 'dispatch',
      unitId: t.fx.tongdu.id,
    });
    expect(closed.statusCode).toBe(409);
    expect(closed.json().error.message).toBe('当前状态（已撤销）下不能执行该操作');
  });

  it('another community’s worker cannot see the order (404)', async () => {
    const { number } = await report();
    const id = await orderIdOf(number);
    const dispatcher = await t.as('dispatcher');
    await dispatcher.post(`/api/work-orders/${id}/actions`, { action: 'dispatch', unitId: t.fx.tongdu.id });
    expect((await (await t.as('xhy_worker')).get(`/api/work-orders/${id}`)).statusCode).toBe(404);
  });
});

describe('intake rules', () => {
  it('a location outside every grid goes to the dispatcher of the community named in the address, not dropped', async () => {
    const { number } = await report({ lat: 31.5, lng: 121.5, address: '新下陆街道西花苑社区5栋' });
    const o = (await (await t.as('dispatcher')).get(`/api/work-orders/${await orderIdOf(number)}`)).json();
    expect(o.status).toBe('submitted');
    expect(o.gridId).toBeNull();
    expect(o.communityId).toBe(t.fx.xihuayuan.id);
  });

  it('an unknown category is a 400 and creates nothing', async () => {
    const res = await t.anonymous.post('/api/public/work-orders', {
      kind: 'help',
      categoryCode: 'nope',
      description: 'x',
      requesterPhone: '13800001111',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields[0].path).toBe('categoryCode');
  });

  it('R-LAW-WO-2: a consult answered on the spot closes at intake', async () => {
    const d = await t.as('dispatcher');
    const res = await d.post('/api/work-orders', {
      kind: 'consult',
      channel: 'hotline',
      categoryCode: 'policy_consult',
      description: '老年卡怎么办理',
      answeredOnSpot: '携带身份证到社区服务中心办理',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().status).toBe('closed');
  });

  it('R-WO-2 网格发现: a grid worker resolves an event on the spot in the grid; it is still followed up', async () => {
    const g = await t.as('grid_worker');
    const res = await g.post('/api/work-orders', {
      kind: 'event',
      channel: 'grid_patrol',
      categoryCode: 'garbage',
      description: '楼道堆放杂物',
      buildingId: t.fx.tongduBuilding.id,
      resolvedOnSpot: '已联系住户清理',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'replied', resolutionLevel: 'grid' });
    expect(res.json().actions).not.toContain('follow_up');
    expect(
      (await (await t.as('dispatcher')).get(`/api/work-orders/${res.json().id}`)).json().actions,
    ).toContain('follow_up');
  });

  it('suggests open orders of the same category nearby as possible duplicates, and links one', async () => {
    const first = await report({ description: '路灯坏了A' });
    const second = await report({ description: '路灯坏了B', lat: IN_GRID.lat + 0.0005 });
    const d = await t.as('dispatcher');
    const id = await orderIdOf(second.number);
    const o = (await d.get(`/api/work-orders/${id}`)).json();
    const firstId = await orderIdOf(first.number);
    expect(o.possibleDuplicates.map((x: { id: string }) => x.id)).toContain(firstId);
    const linked = await d.post(`/api/work-orders/${id}/actions`, {
      action: 'link_duplicate',
      duplicateOfId: firstId,
    });
    expect(linked.json().status).toBe('duplicate');
  });

  it('refuses a non-image attachment and an oversized one with a clear message', async () => {
    const text = multipart({}, { name: 'a.jpg', data: Buffer.from('not an image'), type: 'image/jpeg' });
    const bad = await t.anonymous.request({ method: 'POST', url: '/api/public/attachments', ...text });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().error.message).toContain('JPG');
    const big = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(6 * 1024 * 1024)]);
    const huge = await t.anonymous.request({
      method: 'POST',
      url: '/api/public/attachments',
      ...multipart({}, { name: 'b.jpg', data: big }),
    });
    expect(huge.statusCode).toBe(413);
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(100),
    ]);
    const ok = await t.anonymous.request({
      method: 'POST',
      url: '/api/public/attachments',
      ...multipart({}, { name: 'lamp.png', data: png }),
    });
    expect(ok.statusCode).toBe(201);
    const { number } = await report({ attachmentIds: [ok.json().id] });
    const detail = (
      await (await t.as('dispatcher')).get(`/api/work-orders/${await orderIdOf(number)}`)
    ).json();
    expect(detail.timeline[0].attachments).toEqual([ok.json().id]);
  });

  it('the requester sees the photos of their report and of the reply, and nothing else; staff only in scope', async () => {
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.from('report photo'),
    ]);
    const mine = (
      await t.anonymous.request({
        method: 'POST',
        url: '/api/public/attachments',
        ...multipart({}, { name: 'lamp.png', data: png }),
      })
    ).json().id as string;
    const { number, token } = await report({ attachmentIds: [mine] });
    const id = await orderIdOf(number);
    await (await t.as('dispatcher')).post(`/api/work-orders/${id}/actions`, {
      action: 'dispatch',
      unitId: t.fx.tongdu.id,
    });
    const worker = await t.as('tongdu_worker');
    await worker.post(`/api/work-orders/${id}/actions`, { action: 'accept' });
    const upload = async (name: string) =>
      (
        await worker.request({
          method: 'POST',
          url: '/api/work-orders/attachments',
          ...multipart({}, { name, data: Buffer.concat([png, Buffer.from(name)]) }),
        })
      ).json().id as string;
    const replyPhoto = await upload('fixed.png');
    const loose = await upload('draft.png');
    // A staff draft not attached to any order is the uploader's own.
    expect((await (await t.as('dispatcher')).get(`/api/work-orders/attachments/${loose}`)).statusCode).toBe(
      404,
    );
    expect((await worker.get(`/api/work-orders/attachments/${loose}`)).statusCode).toBe(200);
    await worker.post(`/api/work-orders/${id}/actions`, {
      action: 'reply',
      note: '已修复',
      publicNote: '路灯已修复',
      attachmentIds: [replyPhoto],
    });

    const view = (await t.anonymous.get(`/api/public/work-orders/${number}?token=${token}`)).json();
    const photos = view.timeline.flatMap((e: { photos: string[] }) => e.photos);
    expect(photos).toEqual([mine, replyPhoto]);
    const open = (aid: string, tok = token) =>
      t.anonymous.get(`/api/public/work-orders/${number}/attachments/${aid}?token=${tok}`);
    const got = await open(mine);
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.rawPayload.equals(png)).toBe(true);
    expect((await open(replyPhoto)).statusCode).toBe(200);
    expect((await open(loose)).statusCode).toBe(404); // not part of this order's public record
    expect((await open(mine, 'wrong-token')).statusCode).toBe(404);

    // Another community's worker cannot open the order's photos; nobody can pull them into another order.
    expect(
      (await (await t.as('xhy_worker')).get(`/api/work-orders/attachments/${replyPhoto}`)).statusCode,
    ).toBe(404);
    const steal = await t.anonymous.post('/api/public/work-orders', {
      kind: 'complaint',
      categoryCode: 'street_lamp',
      description: '借用别人的照片',
      requesterPhone: '13800002222',
      attachmentIds: [mine],
    });
    expect(steal.statusCode).toBe(422);
    expect(steal.json().error.details.fields?.attachmentIds ?? steal.json().error.details).toBeTruthy();
  });
});

describe('who may use the staff intake', () => {
  it('a resident posting to the staff intake with channel "online" is refused (403) and nothing is written; the public intake still takes the report', async () => {
    const r = await signInNewUser(t, 'intake_resident', 'resident', t.fx.tongduBuilding.id);
    const count = async () => {
      const orders = await t.database.db.execute(sql`select count(*)::int as n from work_orders`);
      const events = await t.database.db.execute(sql`select count(*)::int as n from wo_events`);
      const audits = await t.database.db.execute(
        sql`select count(*)::int as n from audit_log where success and action like 'work_orders.%'`,
      );
      const n = (res: unknown) => (res as { rows: { n: number }[] }).rows[0]!.n;
      return { orders: n(orders), events: n(events), audits: n(audits) };
    };
    const before = await count();
    for (const channel of ['online', 'hotline', undefined]) {
      const res = await r.post('/api/work-orders', {
        kind: 'consult',
        ...(channel && { channel }),
        categoryCode: 'policy_consult',
        priority: 'emergency',
        description: '居民冒充受理员提交',
        answeredOnSpot: '自己答复自己',
      });
      expect(res.statusCode).toBe(403);
    }
    expect(await count()).toEqual(before);
    const denied = await t.database.db.execute(
      sql`select count(*)::int as n from audit_log where action = 'access.denied' and not success
          and after->>'path' = '/api/work-orders'`,
    );
    expect((denied as unknown as { rows: { n: number }[] }).rows[0]!.n).toBe(3);

    const own = await r.post('/api/public/work-orders', {
      kind: 'complaint',
      categoryCode: 'street_lamp',
      description: '楼下路灯不亮',
      requesterPhone: '13800003333',
      ...IN_GRID,
    });
    expect(own.statusCode).toBe(201);
  });
});

describe('time limits (R-WO-3, R-LAW-WO-3, R-LAW-WO-4, R-LAW-CAL-1)', () => {
  it('a complaint made before National Day is due 5 working days later, after the holiday', async () => {
    t.clock.set(new Date('2026-09-30T10:00:00+08:00'));
    const { number } = await report();
    const o = (await (await t.as('dispatcher')).get(`/api/work-orders/${await orderIdOf(number)}`)).json();
    expect(new Date(o.dueAt).toISOString()).toBe(new Date('2026-10-13T18:00:00+08:00').toISOString());
    t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  });

  it('R-LAW-CAL-1: a complaint crossing into 2026 counts the shipped 2026 New Year holiday and adjusted Sunday; its deadline is not an estimate', async () => {
    // Mon 29 Dec 2025 + 5: Tue 30, Wed 31, (1–3 Jan off), Sun 4 Jan (worked), Mon 5, Tue 6.
    t.clock.set(new Date('2025-12-29T10:00:00+08:00'));
    const { number, token } = await report();
    const o = (await (await t.as('dispatcher')).get(`/api/work-orders/${await orderIdOf(number)}`)).json();
    expect(new Date(o.dueAt).toISOString()).toBe(new Date('2026-01-06T18:00:00+08:00').toISOString());
    expect(o.deadlineEstimated).toBe(false);
    const pub = (await t.anonymous.get(`/api/public/work-orders/${number}?token=${token}`)).json();
    expect(pub.deadlineEstimated).toBe(false);
    t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  });

  it('R-LAW-CAL-1: a deadline running into 2027, whose schedule nobody has yet, is counted by weekends and marked as estimated until an admin loads 2027', async () => {
    t.clock.set(new Date('2026-12-29T10:00:00+08:00'));
    const { number, token } = await report();
    const id = await orderIdOf(number);
    const d = await t.as('dispatcher');
    let o = (await d.get(`/api/work-orders/${id}`)).json();
    // Tue 29 Dec + 5 by weekends only: Wed 30, Thu 31, Fri 1 Jan (counted: unknown), Mon 4, Tue 5.
    expect(new Date(o.dueAt).toISOString()).toBe(new Date('2027-01-05T18:00:00+08:00').toISOString());
    expect(o.deadlineEstimated).toBe(true);
    const listed = (await d.get(`/api/work-orders?q=${number}`)).json().items[0];
    expect(listed.deadlineEstimated).toBe(true);
    expect((await t.anonymous.get(`/api/public/work-orders/${number}?token=${token}`)).json()).toMatchObject({
      deadlineEstimated: true,
    });
    // Dispatched on 31 Dec: accepting within 1 working day runs into 2027 as well.
    t.clock.set(new Date('2026-12-31T10:00:00+08:00'));
    o = (
      await (
        await t.as('dispatcher')
      ).post(`/api/work-orders/${id}/actions`, { action: 'dispatch', unitId: t.fx.tongdu.id })
    ).json();
    expect(o.acceptDeadlineEstimated).toBe(true);

    // Once an admin loads 2027 (here a made-up New Year), new deadlines follow it and are not estimates.
    const admin = await t.as('admin');
    const loaded = await admin.put('/api/calendar/2027', {
      days: [{ date: '2027-01-01', kind: 'holiday', name: '元旦' }],
    });
    expect(loaded.statusCode).toBe(200);
    t.clock.set(new Date('2026-12-29T10:00:00+08:00'));
    const again = await report();
    const o2 = (
      await (await t.as('dispatcher')).get(`/api/work-orders/${await orderIdOf(again.number)}`)
    ).json();
    expect(new Date(o2.dueAt).toISOString()).toBe(new Date('2027-01-06T18:00:00+08:00').toISOString());
    expect(o2.deadlineEstimated).toBe(false);
    await admin.put('/api/calendar/2027', { days: [] });
    t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  });

  it('an extension needs a reason before the deadline and approval; after the deadline it is refused', async () => {
    const { id, d, w } = await acceptedOrder();
    const due = new Date((await d.get(`/api/work-orders/${id}`)).json().dueAt);
    const asked = await w.post(`/api/work-orders/${id}/actions`, {
      action: 'request_extension',
      workingDays: 10,
      note: '需要更换电缆,等待供电部门',
    });
    expect(asked.json().status).toBe('extension_pending');
    const approved = (await d.post(`/api/work-orders/${id}/actions`, { action: 'approve_extension' })).json();
    expect(new Date(approved.dueAt).getTime()).toBeGreaterThan(due.getTime() + 10 * 86_400_000);
    t.clock.set(new Date(new Date(approved.dueAt).getTime() + 3_600_000));
    const late = await (await t.as('tongdu_worker')).post(`/api/work-orders/${id}/actions`, {
      action: 'request_extension',
      workingDays: 1,
      note: '再延',
    });
    expect(late.statusCode).toBe(409);
    t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  });

  it('吹哨报到: departments called in join the order and report back', async () => {
    const { id, w } = await acceptedOrder();
    const o = (
      await w.post(`/api/work-orders/${id}/actions`, {
        action: 'whistle',
        departments: ['城管局', '供电公司'],
      })
    ).json();
    expect(o.participants.map((p: { department: string }) => p.department)).toEqual(['城管局', '供电公司']);
    const r = await w.post(`/api/work-orders/${id}/actions`, {
      action: 'participant_report',
      participantId: o.participants[0].id,
      note: '已安排维修班组',
    });
    expect(r.json().participants[0]).toMatchObject({ status: 'reported', report: '已安排维修班组' });
  });

  it('an order not accepted in time escalates grid → community → dispatcher, once per step even with two sweeps at once', async () => {
    const { number } = await report();
    const id = await orderIdOf(number);
    const d = await t.as('dispatcher');
    await d.post(`/api/work-orders/${id}/actions`, {
      action: 'dispatch',
      unitId: t.fx.tongduGrid.id,
      priority: 'key',
    });
    const sweepCtx = { ...t.deps, requestId: 'test' };
    t.clock.advance(3 * 3_600_000); // key: accept within 2 hours
    await Promise.all([runSlaSweep(sweepCtx), runSlaSweep(sweepCtx)]);
    const d2 = await t.as('dispatcher');
    let o = (await d2.get(`/api/work-orders/${id}`)).json();
    expect(o.timeline.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(1);
    expect(o).toMatchObject({ status: 'dispatched', orgUnitId: t.fx.tongdu.id, escalationLevel: 1 });
    t.clock.advance(3 * 3_600_000);
    await runSlaSweep(sweepCtx);
    o = (await (await t.as('dispatcher')).get(`/api/work-orders/${id}`)).json();
    expect(o).toMatchObject({ status: 'submitted', escalationLevel: 2, supervised: true });
    expect(o.timeline.filter((e: { action: string }) => e.action === 'escalate')).toHaveLength(2);
    t.clock.set(new Date('2026-11-23T09:00:00+08:00'));
  });

  it('R-WO-3: an order past its time limit is marked overdue once and reminded (催办) the day after expiry, once per deadline', async () => {
    const { number } = await report();
    const id = await orderIdOf(number);
    const d = await t.as('dispatcher');
    await d.post(`/api/work-orders/${id}/actions`, { action: 'dispatch', unitId: t.fx.tongdu.id });
    await (await t.as('tongdu_worker')).post(`/api/work-orders/${id}/actions`, { action: 'accept' });
    const due = new Date(t.clock.now().getTime() - 2 * 24 * 3_600_000);
    await t.database.db.execute(sql`update work_orders set due_at = ${due} where id = ${id}`);
    const sweepCtx = { ...t.deps, requestId: 'test' };
    await Promise.all([runSlaSweep(sweepCtx), runSlaSweep(sweepCtx)]);
    await runSlaSweep(sweepCtx);
    const o = (await (await t.as('dispatcher')).get(`/api/work-orders/${id}`)).json();
    expect(o).toMatchObject({ status: 'in_progress', reminders: 1, overdue: true });
    const actions = o.timeline.map((e: { action: string }) => e.action);
    expect(actions.filter((a: string) => a === 'overdue')).toHaveLength(1);
    expect(actions.filter((a: string) => a === 'remind')).toHaveLength(1);
    // The claim keys the sweep has always written (so claims made before the workflow engine still hold).
    const steps = rowsOf<{ step: string }>(
      await t.database.db.execute(sql`select step from wo_escalations where order_id = ${id} order by step`),
    ).map((r) => r.step);
    expect(steps).toEqual(['overdue', `remind:${due.toISOString()}`]);
  });
});

describe('deadline views for the workbench (overdue, due today, due this week, China time)', () => {
  it('an order is in due_today until midnight China time and in due_week until the end of Sunday; a missed one is only overdue', async () => {
    const saved = t.clock.now();
    // Friday 2026-12-04, 10:00 in China.
    t.clock.set(new Date('2026-12-04T10:00:00+08:00'));
    const cases = {
      overdue: '2026-12-04T09:00:00+08:00',
      tonight: '2026-12-04T23:30:00+08:00',
      sunday: '2026-12-06T23:59:00+08:00',
      monday: '2026-12-07T00:00:00+08:00',
    };
    const numbers: Record<string, string> = {};
    for (const [name, dueAt] of Object.entries(cases)) {
      const { number } = await report();
      numbers[name] = number;
      await t.database.db.execute(
        sql`update work_orders set due_at = ${new Date(dueAt)} where number = ${number}`,
      );
    }
    const inView = async (view: string) => {
      // A fresh login each time: moving the clock a day ends an idle session.
      const d = await t.as('dispatcher');
      const found: string[] = [];
      for (const [name, number] of Object.entries(numbers)) {
        const res = await d.get(`/api/work-orders?view=${view}&q=${number}`);
        expect(res.statusCode).toBe(200);
        if (res.json().total === 1) found.push(name);
      }
      return found;
    };
    expect(await inView('overdue')).toEqual(['overdue']);
    expect(await inView('due_today')).toEqual(['tonight']);
    expect(await inView('due_week')).toEqual(['tonight', 'sunday']);
    // After midnight the order due tonight is overdue; on Sunday the Sunday one is due today.
    t.clock.set(new Date('2026-12-05T00:00:00+08:00'));
    expect(await inView('overdue')).toEqual(['overdue', 'tonight']);
    expect(await inView('due_today')).toEqual([]);
    t.clock.set(new Date('2026-12-06T08:00:00+08:00'));
    expect(await inView('due_today')).toEqual(['sunday']);
    t.clock.set(saved);
  });
});

describe('per-city configuration (R-LAW-WO-4: limits are configuration)', () => {
  it('a subdistrict admin shortens the regular acceptance limit to 2 hours; new dispatches follow it', async () => {
    const sd = await t.as('sd_admin');
    const refused = await sd.put(`/api/work-orders/settings/${t.fx.tongdu.id}`, {
      acceptLimits: { regular: { hours: 2 } },
    });
    expect(refused.statusCode).toBe(422);
    const bad = await sd.put(`/api/work-orders/settings/${t.fx.subdistrict.id}`, {
      acceptLimits: { regular: { hours: 0 } },
    });
    expect(bad.statusCode).toBe(400);
    const ok = await sd.put(`/api/work-orders/settings/${t.fx.subdistrict.id}`, {
      acceptLimits: { regular: { hours: 2 } },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().effective.acceptLimits.regular).toEqual({ hours: 2 });
    expect(ok.json().effective.acceptLimits.key).toEqual({ hours: 2 }); // untouched defaults stay
    const { number } = await report();
    const id = await orderIdOf(number);
    const d = await t.as('dispatcher');
    const o = (
      await d.post(`/api/work-orders/${id}/actions`, { action: 'dispatch', unitId: t.fx.tongdu.id })
    ).json();
    expect(new Date(o.acceptDueAt).getTime() - t.clock.now().getTime()).toBe(2 * 3_600_000);
    expect(
      (await (await t.as('tongdu_worker')).get(`/api/work-orders/settings/${t.fx.tongdu.id}`)).json()
        .abilities.edit,
    ).toBe(false);
    await sd.put(`/api/work-orders/settings/${t.fx.subdistrict.id}`, {});
  });
});

describe('work queues', () => {
  it('R-WO-3: the intake queue shows emergencies first, then key matters, then regular ones', async () => {
    const d = await t.as('dispatcher');
    const make = async (priority: string, description: string) => {
      const res = await d.post('/api/work-orders', {
        kind: 'report',
        categoryCode: 'water_supply',
        description,
        priority,
        requesterPhone: '13800004444',
        address: '铜都社区',
      });
      expect(res.statusCode).toBe(201);
      return res.json().number as string;
    };
    const regular = await make('regular', '水压偏低');
    const emergency = await make('emergency', '主水管爆裂,路面积水');
    const key = await make('key', '整栋楼停水');
    const queue = (await d.get('/api/work-orders?view=intake&pageSize=100')).json().items as {
      number: string;
      priority: string;
    }[];
    const mine = queue.filter((o) => [regular, emergency, key].includes(o.number)).map((o) => o.number);
    expect(mine).toEqual([emergency, key, regular]);
    const ranks = queue.map((o) => ['emergency', 'key', 'regular'].indexOf(o.priority));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
  });
});

describe('category administration (platform-wide list, also the Open311 services)', () => {
  it('an admin adds a category, residents can use it, then retires it: new reports are refused, old orders keep it', async () => {
    const admin = await t.as('admin');
    const created = await admin.post('/api/work-orders/categories', {
      code: 'elevator',
      nameZh: '电梯故障',
      nameEn: 'Broken lift',
      department: '市场监管局',
      keywords: ['电梯'],
      sort: 5,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: 'elevator', active: true, limitGroup: 'general' });
    expect(
      (await admin.post('/api/work-orders/categories', { code: 'elevator', nameZh: '重复', nameEn: 'Dup' }))
        .statusCode,
    ).toBe(409);
    const bad = await admin.post('/api/work-orders/categories', {
      code: 'Bad Code',
      nameZh: '',
      nameEn: 'x',
    });
    expect(bad.statusCode).toBe(400);

    const open311 = (await t.anonymous.get('/open311/v2/services.json')).json() as { service_code: string }[];
    expect(open311.map((s) => s.service_code)).toContain('elevator');
    const { number } = await report({ categoryCode: 'elevator', description: '3 号楼电梯停在两层之间' });

    const retired = await admin.patch('/api/work-orders/categories/elevator', { active: false });
    expect(retired.json().active).toBe(false);
    const refused = await t.anonymous.post('/api/public/work-orders', {
      kind: 'complaint',
      categoryCode: 'elevator',
      description: '电梯又坏了',
      requesterPhone: '13800003333',
    });
    expect(refused.statusCode).toBe(400);
    const publicList = (await t.anonymous.get('/api/public/work-orders/categories')).json() as {
      code: string;
    }[];
    expect(publicList.map((c) => c.code)).not.toContain('elevator');
    const all = (await admin.get('/api/work-orders/categories/all')).json() as {
      code: string;
      active: boolean;
    }[];
    expect(all.find((c) => c.code === 'elevator')?.active).toBe(false);
    const o = (await (await t.as('dispatcher')).get(`/api/work-orders/${await orderIdOf(number)}`)).json();
    expect(o.categoryName).toBe('电梯故障');

    const audit = await t.database.db.execute(
      sql`select action from audit_log where entity_type = 'wo_category' and entity_id = 'elevator' order by seq`,
    );
    expect((audit as unknown as { rows: { action: string }[] }).rows.map((r) => r.action)).toEqual([
      'work_orders.category_create',
      'work_orders.category_retire',
    ]);
  });

  it('a subdistrict admin or a community worker may not change the platform-wide list (403)', async () => {
    for (const user of ['sd_admin', 'tongdu_worker']) {
      const c = await t.as(user);
      expect(
        (await c.post('/api/work-orders/categories', { code: 'x_test', nameZh: '测试', nameEn: 'Test' }))
          .statusCode,
      ).toBe(403);
      expect((await c.patch('/api/work-orders/categories/noise', { active: false })).statusCode).toBe(403);
    }
  });
});
