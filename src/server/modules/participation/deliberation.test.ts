import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp, createUser, signInNewUser } from '../../../../test/app';
import { ratingQuestion } from '../../../../test/surveys';
import { buildResident, buildWorkOrder } from '../../../../test/factories';
import { chinaDate } from '../../../shared/chinaTime';
import { multipart } from '../../../../test/multipart';
import {
  boardResidents,
  postTongduMeeting,
  tongduConvention,
  tongduSchedule,
} from '../../../../test/participation';
import { eq } from 'drizzle-orm';
import { auditLog } from '../../platform/audit.table';
import { users } from '../accounts/accounts.table';
import { MEETING_KIND_NAMES } from '../../../shared/contracts/participation';

let t: TestApp;
let tongdu: Client; // 铜都社区 worker (manages)
let xhy: Client; // 西花苑社区 worker
let grid: Client; // 铜都 grid worker (proposes, reads)
let jumin: Client; // resident of 铜都 1栋
let jumin2: Client; // resident of 西花苑 5栋
let residentId = '';

beforeAll(async () => {
  t = await createTestApp();
  ({ jumin1: jumin, jumin2 } = await boardResidents(t));
  tongdu = await t.as('tongdu_worker');
  xhy = await t.as('xhy_worker');
  grid = await t.as('grid_worker');
  residentId = (await buildResident(t.deps, t.fx.tongduBuilding, t.fx.tongdu, { name: '王秀英' })).id;
});
afterAll(() => t.close());

async function staffTopic(orgUnitId = t.fx.tongdu.id) {
  const res = await tongdu.post('/api/deliberations/topics', {
    orgUnitId,
    title: '小区停车难',
    description: '晚间车辆乱停，消防通道被占。',
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
}

const step = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/deliberations/topics/${id}/steps`, body);

describe('deliberation topics', () => {
  it('R-DL-1: topics are held at community, grid, compound or building level, not above', async () => {
    const b = await staffTopic(t.fx.tongduBuilding.id);
    expect(b.level).toBe('building');
    expect(b.levelName).toBe('楼栋');
    const g = await grid.post('/api/deliberations/topics', {
      orgUnitId: t.fx.tongduGrid.id,
      title: '网格内垃圾分类点',
      description: '垃圾分类点设置不合理',
    });
    expect(g.statusCode, g.body).toBe(201);
    expect(g.json().source).toBe('grid');
    const sd = await (await t.as('sd_admin')).post('/api/deliberations/topics', {
      orgUnitId: t.fx.subdistrict.id,
      title: '街道层面',
      description: '不属于四级议事',
    });
    expect(sd.statusCode).toBe(422);
    expect(sd.body).toMatch(/社区、网格/);
  });

  it('R-DL-2: the six steps go in order with a record each, none skipped', async () => {
    const topic = await staffTopic();
    expect(topic.state).toBe('proposed');
    expect(topic.actions).toEqual(['set_participants']);
    // skipping to the consultation is refused
    const skip = await step(tongdu, topic.id, { action: 'consult', note: '直接协商' });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().error.message).toMatch(/顺序/);
    // participants from the registry and named parties
    const noOne = await step(tongdu, topic.id, {
      action: 'set_participants',
      note: '确定',
      participants: [],
    });
    expect(noOne.statusCode).toBe(422);
    const cands = await tongdu.get(`/api/deliberations/topics/${topic.id}/candidates?kind=resident&q=王秀`);
    expect(cands.statusCode, cands.body).toBe(200);
    expect(cands.json().items.map((c: { id: string }) => c.id)).toContain(residentId);
    const p = await step(tongdu, topic.id, {
      action: 'set_participants',
      note: '居民代表、业委会、物业共同协商',
      participants: [
        { kind: 'resident', refId: residentId },
        { kind: 'owners_committee', name: '铜都小区业委会' },
        { kind: 'property_company', name: '铜都物业' },
      ],
    });
    expect(p.statusCode, p.body).toBe(200);
    expect(p.json().participants.map((x: { name: string }) => x.name)).toEqual([
      '王秀英',
      '铜都小区业委会',
      '铜都物业',
    ]);
    for (const action of ['announce', 'consult', 'implement', 'report']) {
      const r = await step(tongdu, topic.id, { action, note: `${action} 的记录` });
      expect(r.statusCode, r.body).toBe(200);
    }
    const done = (await tongdu.get(`/api/deliberations/topics/${topic.id}`)).json();
    expect(done.state).toBe('reported');
    expect(done.events.map((e: { stageName: string }) => e.stageName)).toEqual([
      '民事民提',
      '民议',
      '民议',
      '民决',
      '民办',
      '民评',
    ]);
    expect(done.actions).toEqual([]);
    const again = await step(tongdu, topic.id, { action: 'report', note: '再次反馈' });
    expect(again.statusCode).toBe(409);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, topic.id));
    expect(audits.map((a) => a.action)).toContain('participation.topic.consult');
  });

  it('R-DL-2: a resident outside the unit cannot be a participant; another community answers 404', async () => {
    const topic = await staffTopic(t.fx.tongduBuilding.id);
    const out = await buildResident(t.deps, t.fx.xihuayuanBuilding, t.fx.xihuayuan, { name: '外人' });
    const bad = await step(tongdu, topic.id, {
      action: 'set_participants',
      note: 'x',
      participants: [{ kind: 'resident', refId: out.id }],
    });
    expect(bad.statusCode).toBe(422);
    expect((await xhy.get(`/api/deliberations/topics/${topic.id}`)).statusCode).toBe(404);
    expect((await step(xhy, topic.id, { action: 'announce', note: 'x' })).statusCode).toBe(404);
    expect((await step(grid, topic.id, { action: 'announce', note: 'x' })).statusCode).toBe(403);
  });

  it('R-DL-3: a resident proposes on the phone, supports once, comments, follows; neighbours do not see it', async () => {
    const units = (await jumin.get('/api/deliberations/board/home-units')).json().items;
    expect(units.map((u: { level: string }) => u.level)).toEqual(['building', 'grid', 'community']);
    const res = await jumin.post('/api/deliberations/board/topics', {
      orgUnitId: t.fx.tongduBuilding.id,
      title: '楼道灯坏了很久',
      description: '1栋3楼到6楼楼道灯不亮，老人上下楼不便。',
    });
    expect(res.statusCode, res.body).toBe(201);
    const topic = res.json();
    expect(topic.source).toBe('resident');
    expect(topic.stageName).toBe('民事民提');
    const foreign = await jumin.post('/api/deliberations/board/topics', {
      orgUnitId: t.fx.xihuayuanBuilding.id,
      title: 'x',
      description: 'y',
    });
    expect(foreign.statusCode).toBe(404);
    const s1 = await jumin.post(`/api/deliberations/board/topics/${topic.id}/support`);
    expect(s1.statusCode, s1.body).toBe(200);
    expect(s1.json().supports).toBe(1);
    const s2 = await jumin.post(`/api/deliberations/board/topics/${topic.id}/support`);
    expect(s2.statusCode).toBe(409);
    const c = await jumin.post(`/api/deliberations/board/topics/${topic.id}/comments`, {
      text: '同意，尽快修',
    });
    expect(c.json().commentList[0].text).toBe('同意，尽快修');
    const f = await jumin.post(`/api/deliberations/board/topics/${topic.id}/follow`, { on: true });
    expect(f.json().following).toBe(true);
    const mine = (await jumin.get('/api/deliberations/board/topics?mine=followed')).json();
    expect(mine.items.map((x: { id: string }) => x.id)).toContain(topic.id);
    expect((await jumin2.get(`/api/deliberations/board/topics/${topic.id}`)).statusCode).toBe(404);
    const list2 = (await jumin2.get('/api/deliberations/board/topics')).json();
    expect(list2.items.map((x: { id: string }) => x.id)).not.toContain(topic.id);
    // staff see it and can export
    const staff = (await tongdu.get('/api/deliberations/topics?source=resident')).json();
    expect(staff.items.map((x: { id: string }) => x.id)).toContain(topic.id);
    const x = await tongdu.get('/api/deliberations/topics/export.xlsx');
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toMatch(/spreadsheet/);
  });

  it('R-DL-2/R-DL-3: a follower is told when the topic moves a step; a neighbour who does not follow is not', async () => {
    const jumin3 = await signInNewUser(t, 'jumin3', 'resident', t.fx.tongduBuilding.id);
    const topic = await staffTopic(t.fx.tongduBuilding.id);
    const seen = await jumin3.get(`/api/deliberations/board/topics/${topic.id}`);
    expect(seen.statusCode, seen.body).toBe(200);
    const f = await jumin.post(`/api/deliberations/board/topics/${topic.id}/follow`, { on: true });
    expect(f.statusCode, f.body).toBe(200);
    const moved = await step(tongdu, topic.id, {
      action: 'set_participants',
      note: '确定参与主体',
      participants: [{ kind: 'resident', refId: residentId }],
    });
    expect(moved.statusCode, moved.body).toBe(200);
    const inbox = (await jumin.get('/api/notifications')).json();
    const mine = inbox.items.filter((i: { event: string }) => i.event === 'participation.topic_step');
    expect(mine).toHaveLength(1);
    expect(mine[0].title).toBe('关注的议题有新进展');
    expect(mine[0].body).toContain('小区停车难');
    expect(mine[0].body).toContain('确定参与主体');
    expect(mine[0].link).toBe(`/m/topics/${topic.id}`);
    const other = (await jumin3.get('/api/notifications')).json();
    expect(other.items.filter((i: { event: string }) => i.event === 'participation.topic_step')).toEqual([]);
    // unfollowing stops the messages
    await jumin.post(`/api/deliberations/board/topics/${topic.id}/follow`, { on: false });
    await step(tongdu, topic.id, { action: 'announce', note: '公示' });
    const after = (await jumin.get('/api/notifications')).json();
    expect(after.items.filter((i: { event: string }) => i.event === 'participation.topic_step')).toHaveLength(
      1,
    );
  });

  it('R-DL-1: a recurring work-order category becomes a topic in one action, with its orders as evidence', async () => {
    for (let i = 0; i < 3; i++)
      await buildWorkOrder(t.deps, t.fx, {
        building: t.fx.tongduBuilding,
        description: `1栋路灯不亮（第${i + 1}次）`,
      });
    await buildWorkOrder(t.deps, t.fx, { building: t.fx.xihuayuanBuilding, community: t.fx.xihuayuan });
    const today = chinaDate(t.clock.now());
    const body = { categoryCode: 'street_lamp', orgUnitId: t.fx.tongdu.id, from: today, to: today };
    const sd = await t.as('sd_admin');
    const res = await sd.post('/api/deliberations/topics/from-category', body);
    expect(res.statusCode, res.body).toBe(201);
    const topic = res.json();
    expect(topic.source).toBe('work_order');
    expect(topic.level).toBe('community');
    expect(topic.title).toContain('3件');
    expect(topic.orderEvidence.total).toBe(3);
    expect(topic.orderEvidence.orders).toHaveLength(3);
    expect(topic.orderEvidence.communityName).toBe(t.fx.tongdu.name);
    expect(topic.description).toContain('3件');
    const again = (await sd.get(`/api/deliberations/topics/${topic.id}`)).json();
    expect(again.orderEvidence.orders.map((o: { description: string }) => o.description)).toContain(
      '1栋路灯不亮（第1次）',
    );
    // refusals are 4xx in Chinese, out of scope is 404
    // a community worker reaches only the orders in their own hands: none here, so nothing to rest a topic on
    const mine = await tongdu.post('/api/deliberations/topics/from-category', body);
    expect(mine.statusCode).toBe(422);
    const none = await sd.post('/api/deliberations/topics/from-category', { ...body, categoryCode: 'noise' });
    expect(none.statusCode).toBe(422);
    expect(none.json().error.details.fields[0].message).toBe('该社区在所选期间没有这一类别的工单');
    const backwards = await sd.post('/api/deliberations/topics/from-category', {
      ...body,
      from: '2026-03-01',
      to: '2026-02-01',
    });
    expect(backwards.statusCode).toBe(422);
    const unknownCat = await sd.post('/api/deliberations/topics/from-category', {
      ...body,
      categoryCode: 'no_such',
    });
    expect(unknownCat.statusCode).toBe(422);
    expect(unknownCat.json().error.details.fields[0].message).toBe('找不到该工单类别');
    const grid1 = await sd.post('/api/deliberations/topics/from-category', {
      ...body,
      orgUnitId: t.fx.tongduGrid.id,
    });
    expect(grid1.statusCode).toBe(422);
    const foreign = await xhy.post('/api/deliberations/topics/from-category', body);
    expect(foreign.statusCode).toBe(404);
    expect((await jumin.post('/api/deliberations/topics/from-category', body)).statusCode).toBe(403);
    // residents never see the order list on the phone
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, topic.id));
    expect(audits[0]?.after).toMatchObject({ category: 'street_lamp', orders: 3 });
  });

  it('R-DL-1: a resident whose role is held at the community reads the topics of their own building, from the registry', async () => {
    const id = await createUser(t, 'linked', [{ role: 'resident', orgUnitId: t.fx.tongdu.id }]);
    await t.database.db.update(users).set({ residentId }).where(eq(users.id, id));
    const linked = await t.as('linked');
    const units = (await linked.get('/api/deliberations/board/home-units')).json().items;
    expect(units.map((u: { level: string }) => u.level)).toEqual(['building', 'grid', 'community']);
    const b = await staffTopic(t.fx.tongduBuilding.id);
    const seen = (await linked.get('/api/deliberations/board/topics?pageSize=200')).json();
    expect(seen.items.map((x: { id: string }) => x.id)).toContain(b.id);
  });

  it('formats are configurable labels: 16号议事日 is data, and a retired one is refused on new topics', async () => {
    const list = (await tongdu.get('/api/deliberations/formats')).json().items;
    const day16 = list.find((f: { name: string }) => f.name === '16号议事日');
    expect(day16).toBeTruthy();
    const made = await tongdu.post('/api/deliberations/formats', { name: '幸福石墩会', sort: 9 });
    expect(made.statusCode, made.body).toBe(201);
    const retired = await tongdu.patch(`/api/deliberations/formats/${made.json().id}`, {
      name: '幸福石墩会',
      active: false,
    });
    expect(retired.statusCode).toBe(200);
    const res = await tongdu.post('/api/deliberations/topics', {
      orgUnitId: t.fx.tongdu.id,
      title: 'x',
      description: 'y',
      formatId: made.json().id,
    });
    expect(res.statusCode).toBe(422);
    const ok = await tongdu.post('/api/deliberations/topics', {
      orgUnitId: t.fx.tongdu.id,
      title: '每月16日议事',
      description: 'y',
      formatId: day16.id,
    });
    expect(ok.json().formatName).toBe('16号议事日');
  });
});

describe('seed 003 三(一)2 (S003-11): topics of 微改造、微服务、微治理', () => {
  const counts = async (c: Client, query: string) => {
    const res = await c.get(`/api/deliberations/topics/micro-kinds?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as {
      items: { microKind: string; name: string; count: number }[];
      unclassified: number;
    };
    return { ...Object.fromEntries(body.items.map((i) => [i.microKind, i.count])), none: body.unclassified };
  };

  it('seed 003 (S003-11): a topic is proposed as 微改造, shown with its name; the list filters by it; the header counts per kind', async () => {
    const make = (title: string, microKind?: string, c: Client = tongdu) =>
      c.post('/api/deliberations/topics', {
        orgUnitId: t.fx.tongdu.id,
        title,
        description: '三微议题测试',
        ...(microKind && { microKind }),
      });
    const reno = await make('三微测试：楼前空地改造口袋公园', 'renovation');
    expect(reno.statusCode, reno.body).toBe(201);
    expect(reno.json()).toMatchObject({ microKind: 'renovation', microKindName: '微改造' });
    expect((await make('三微测试：为独居老人上门理发', 'service')).json().microKindName).toBe('微服务');
    expect((await make('三微测试：楼栋文明公约')).json()).toMatchObject({
      microKind: null,
      microKindName: null,
    });
    // A grid worker proposing (not managing) may set it too.
    const g = await grid.post('/api/deliberations/topics', {
      orgUnitId: t.fx.tongduGrid.id,
      title: '三微测试：网格巡查志愿队',
      description: '三微议题测试',
      microKind: 'governance',
    });
    expect(g.statusCode, g.body).toBe(201);
    expect((await make('三微测试：未知', 'micro_other')).statusCode).toBe(400);

    const list = (await tongdu.get('/api/deliberations/topics?q=三微测试&microKind=renovation')).json();
    expect(list.items.map((x: { title: string }) => x.title)).toEqual(['三微测试：楼前空地改造口袋公园']);
    expect((await tongdu.get('/api/deliberations/topics?microKind=nonsense')).statusCode).toBe(400);
    // Counted per kind under the list's other filters; the list's own micro kind filter does not narrow them.
    expect(await counts(tongdu, 'q=三微测试')).toEqual({ renovation: 1, service: 1, governance: 1, none: 1 });
    expect(await counts(tongdu, `q=三微测试&orgUnitId=${t.fx.tongduGrid.id}`)).toEqual({
      renovation: 0,
      service: 0,
      governance: 1,
      none: 0,
    });
    // In scope only: another community's worker counts none of them, and 铜都's unit is a 404 for them.
    expect(await counts(xhy, 'q=三微测试')).toEqual({ renovation: 0, service: 0, governance: 0, none: 0 });
    expect(
      (await xhy.get(`/api/deliberations/topics/micro-kinds?orgUnitId=${t.fx.tongdu.id}`)).statusCode,
    ).toBe(404);
    // The resident's board shows the kind's name too.
    const board = (await jumin.get('/api/deliberations/board/topics?pageSize=100')).json();
    expect(
      board.items.find((x: { title: string }) => x.title === '三微测试：楼前空地改造口袋公园')?.microKindName,
    ).toBe('微改造');
  });

  it('seed 003 (S003-11): staff classify a raised topic as 微服务 or clear it, audited; others may not', async () => {
    const raised = await jumin.post('/api/deliberations/board/topics', {
      orgUnitId: t.fx.tongdu.id,
      title: '三微分类：希望开设老年人手机课堂',
      description: '很多老人不会用手机挂号缴费。',
    });
    expect(raised.statusCode, raised.body).toBe(201);
    const id = raised.json().id as string;
    expect(raised.json().microKind).toBeNull();
    const set = await tongdu.post(`/api/deliberations/topics/${id}/micro-kind`, { microKind: 'service' });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toMatchObject({ microKind: 'service', microKindName: '微服务' });
    expect((await jumin.get(`/api/deliberations/board/topics/${id}`)).json().microKindName).toBe('微服务');
    // Another community's worker: 404; a grid worker (proposes, does not manage): 403; a bad kind: 400.
    expect(
      (await xhy.post(`/api/deliberations/topics/${id}/micro-kind`, { microKind: 'renovation' })).statusCode,
    ).toBe(404);
    expect(
      (await grid.post(`/api/deliberations/topics/${id}/micro-kind`, { microKind: 'renovation' })).statusCode,
    ).toBe(403);
    expect(
      (await tongdu.post(`/api/deliberations/topics/${id}/micro-kind`, { microKind: 'x' })).statusCode,
    ).toBe(400);
    const cleared = await tongdu.post(`/api/deliberations/topics/${id}/micro-kind`, { microKind: null });
    expect(cleared.json()).toMatchObject({ microKind: null, microKindName: null });
    const rows = await t.database.db
      .select()
      .from(auditLog)
      .where(eq(auditLog.entityId, id))
      .orderBy(auditLog.seq);
    const changes = rows.filter((r) => r.action === 'participation.topic.micro_kind');
    expect(
      changes.map((r) => [
        (r.before as { microKind: unknown }).microKind,
        (r.after as { microKind: unknown }).microKind,
      ]),
    ).toEqual([
      [null, 'service'],
      ['service', null],
    ]);
  });
});

describe('council rooms', () => {
  it('R-DL-5: a room missing any of the 六具备 is flagged; a ticked item needs evidence', async () => {
    const noEvidence = await tongdu.post('/api/deliberations/rooms', {
      orgUnitId: t.fx.tongdu.id,
      name: '铜都居民议事厅',
      checklist: { hotline: { ok: true } },
    });
    expect(noEvidence.statusCode).toBe(422);
    const items = ['hotline', 'suggestion_box', 'duty_roster', 'flow_chart', 'record_book', 'notice_board'];
    const full = Object.fromEntries(items.map((k) => [k, { ok: true, note: '已配备' }]));
    const a = await tongdu.post('/api/deliberations/rooms', {
      orgUnitId: t.fx.tongdu.id,
      name: '铜都居民议事厅',
      checklist: full,
    });
    expect(a.statusCode, a.body).toBe(201);
    expect(a.json().complete).toBe(true);
    const b = await tongdu.post('/api/deliberations/rooms', {
      orgUnitId: t.fx.tongduGrid.id,
      name: '网格议事室',
      checklist: { ...full, flow_chart: { ok: false } },
    });
    expect(b.json().missing).toEqual(['流程图']);
    const flagged = (await tongdu.get('/api/deliberations/rooms?incomplete=true')).json();
    expect(flagged.items.map((r: { id: string }) => r.id)).toEqual([b.json().id]);
    const fixed = await tongdu.patch(`/api/deliberations/rooms/${b.json().id}`, {
      checklist: { flow_chart: { ok: true, photo: 'https://example.org/flow.jpg' } },
    });
    expect(fixed.json().complete).toBe(true);
    expect((await xhy.get(`/api/deliberations/rooms/${b.json().id}`)).statusCode).toBe(404);
  });
});

describe('council room evidence photos', () => {
  it('R-DL-5: a photo uploaded for an item is its evidence; wrong type, size and scope are refused in Chinese', async () => {
    const a = await tongdu.post('/api/deliberations/rooms', {
      orgUnitId: t.fx.tongdu.id,
      name: '铜都议事室（照片）',
      checklist: {},
    });
    expect(a.statusCode, a.body).toBe(201);
    const id = a.json().id;
    const url = `/api/deliberations/rooms/${id}/items/notice_board/photo`;
    const png = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      Buffer.alloc(64),
    ]);
    const notImage = await tongdu.request({
      method: 'POST',
      url,
      ...multipart({}, { name: 'x.jpg', data: Buffer.from('not an image') }),
    });
    expect(notImage.statusCode).toBe(415);
    expect(notImage.json().error.message).toContain('JPG');
    const tooBig = await tongdu.request({
      method: 'POST',
      url,
      ...multipart({}, { name: 'big.png', data: Buffer.concat([png, Buffer.alloc(5 * 1024 * 1024)]) }),
    });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error.message).toContain('5 MB');
    const none = await tongdu.request({ method: 'POST', url, ...multipart({ x: '1' }) });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.message).toBe('请选择一张照片');
    const badItem = await tongdu.request({
      method: 'POST',
      url: `/api/deliberations/rooms/${id}/items/sofa/photo`,
      ...multipart({}, { name: 'a.png', data: png }),
    });
    expect(badItem.statusCode).toBe(404);
    const foreign = await xhy.request({
      method: 'POST',
      url,
      ...multipart({}, { name: 'a.png', data: png }),
    });
    expect(foreign.statusCode).toBe(404);
    const ok = await tongdu.request({ method: 'POST', url, ...multipart({}, { name: 'a.png', data: png }) });
    expect(ok.statusCode, ok.body).toBe(200);
    const item = ok.json().checklist.find((c: { key: string }) => c.key === 'notice_board');
    expect(item.photoUrl).toBe(url);
    // the photo alone is enough evidence to tick the item
    const ticked = await tongdu.patch(`/api/deliberations/rooms/${id}`, {
      checklist: { notice_board: { ok: true } },
    });
    expect(ticked.statusCode, ticked.body).toBe(200);
    expect(ticked.json().missing).not.toContain('公开栏');
    const img = await tongdu.get(url);
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
    expect((await xhy.get(url)).statusCode).toBe(404);
    expect((await tongdu.get(`/api/deliberations/rooms/${id}/items/hotline/photo`)).statusCode).toBe(404);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, id));
    expect(audits.map((x) => x.action)).toContain('participation.room.photo');
  });
});

describe('conventions', () => {
  it('R-DL-6: versions, a line diff, publication to residents, rates from surveys', async () => {
    const id = await tongduConvention(t, tongdu);
    await tongdu.post(`/api/conventions/${id}/versions`, {
      text: '一、爱护环境\n二、邻里和睦\n三、文明养犬',
    });
    const v2 = await tongdu.post(`/api/conventions/${id}/versions`, {
      text: '一、爱护环境\n二、邻里和睦\n三、文明养犬，出门拴绳\n四、垃圾分类',
      note: '增加垃圾分类',
    });
    expect(v2.json().versions).toBe(2);
    // not published yet: residents do not see it
    expect((await jumin.get(`/api/conventions/board/${id}`)).statusCode).toBe(404);
    const diff = (await tongdu.get(`/api/conventions/${id}/diff`)).json();
    expect(diff.lines).toEqual([
      { op: 'same', text: '一、爱护环境' },
      { op: 'same', text: '二、邻里和睦' },
      { op: 'del', text: '三、文明养犬' },
      { op: 'add', text: '三、文明养犬，出门拴绳' },
      { op: 'add', text: '四、垃圾分类' },
    ]);
    const pub = await tongdu.post(`/api/conventions/${id}/publish`, { no: 2 });
    expect(pub.json().publishedNo).toBe(2);
    const read = (await jumin.get(`/api/conventions/board/${id}`)).json();
    expect(read.items.map((v: { no: number }) => v.no)).toEqual([2]);
    expect((await jumin2.get(`/api/conventions/board/${id}`)).statusCode).toBe(404);
    expect((await tongdu.post(`/api/conventions/${id}/publish`, { no: 5 })).statusCode).toBe(422);
    const badMeeting = await tongdu.post(`/api/conventions/${id}/versions`, {
      text: 'x',
      meetingId: '0193a000-0000-7000-8000-00000000ffff',
    });
    expect(badMeeting.statusCode).toBe(422);
    // the survey hook
    const { setConventionRates } = await import('./participation.api');
    await t.deps.db.transaction((tx) =>
      setConventionRates(tx, { ...t.deps, clock: t.clock, requestId: 'test' } as never, id, {
        awarenessPermille: 865,
        compliancePermille: 790,
        source: '2026年公约知晓率调查',
      }),
    );
    const after = (await tongdu.get(`/api/conventions/${id}`)).json();
    expect(after.awarenessPermille).toBe(865);
    expect(after.ratesSource).toBe('2026年公约知晓率调查');
  });
});

describe('QR sign-in', () => {
  it('R-LAW-MT-1: a resident scans the meeting QR and is counted present once, only if among those due', async () => {
    const created = await postTongduMeeting(t, tongdu, {
      kind: 'residents',
      basis: 'adults',
      title: '居民会议：加装电梯',
    });
    expect(created.statusCode, created.body).toBe(201);
    const m = created.json();
    const qr = (await tongdu.get(`/api/meetings/${m.id}/qr`)).json();
    expect(qr.svg).toContain('<svg');
    const k = new URL(qr.url).searchParams.get('k')!;
    const id = await createUser(t, 'scanner', [{ role: 'resident', orgUnitId: t.fx.tongdu.id }]);
    await t.database.db.update(users).set({ residentId }).where(eq(users.id, id));
    const scanner = await t.as('scanner');
    // not yet open
    expect((await scanner.post(`/api/meetings/${m.id}/qr-sign-in`, { k })).statusCode).toBe(409);
    await tongdu.post(`/api/meetings/${m.id}/open`);
    expect((await scanner.post(`/api/meetings/${m.id}/qr-sign-in`, { k: 'x' })).statusCode).toBe(404);
    const ok = await scanner.post(`/api/meetings/${m.id}/qr-sign-in`, { k });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ name: '王秀英', already: false });
    expect((await scanner.post(`/api/meetings/${m.id}/qr-sign-in`, { k })).json().already).toBe(true);
    const notDue = await jumin2.post(`/api/meetings/${m.id}/qr-sign-in`, { k });
    expect(notDue.statusCode).toBe(422);
    const detail = (await tongdu.get(`/api/meetings/${m.id}`)).json();
    expect(detail.quorum.present).toBe(1);
  });
});

describe('disclosure reminders', () => {
  it('R-LAW-DC-1: staff are reminded 3 days before a scheduled period is due, and not once it is posted', async () => {
    await tongduSchedule(t, tongdu, 'finance', 'monthly');
    const later = new Date(t.clock.now().getTime() + 40 * 24 * 3_600_000);
    const month = later.toISOString().slice(0, 7);
    const today = `${month}-07`;
    const prev = new Date(`${month}-01T00:00:00Z`);
    prev.setUTCMonth(prev.getUTCMonth() - 1);
    const period = prev.toISOString().slice(0, 7);
    const { remindDisclosures } = await import('./disclosures.reminders');
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const first = await remindDisclosures({ ...t.deps, log } as never, today);
    expect(first.reminded).toBeGreaterThanOrEqual(1);
    const posted = await tongdu.post('/api/disclosures', {
      orgUnitId: t.fx.tongdu.id,
      kind: 'finance',
      title: `${period} 财务收支`,
      body: '收入 1.2 万元，支出 0.8 万元',
      period,
    });
    expect(posted.statusCode, posted.body).toBe(201);
    const again = await remindDisclosures({ ...t.deps, log } as never, today);
    expect(again.reminded).toBe(first.reminded - 1);
  });
});

describe('democratic channels', () => {
  it('R-DL-7: seed 001’s channels are records here: dialogues, hearings, opinion surveys, democratic evaluation, disclosure', async () => {
    // Dialogues (民情恳谈, 居民说事 …) are topic formats; hearings (听证) a meeting kind with its own rules.
    const formats = (await tongdu.get('/api/deliberations/formats'))
      .json()
      .items.map((f: { name: string }) => f.name);
    expect(formats).toEqual(expect.arrayContaining(['民情恳谈', '居民说事']));
    expect(MEETING_KIND_NAMES.hearing['zh-CN']).toContain('听证');
    // Opinion surveys and the democratic evaluation of workers are surveys with their purpose.
    const now = t.clock.now().getTime();
    for (const [purpose, title] of [
      ['needs', '2026年居民需求意见征集'],
      ['evaluation', '2026年社区工作者民主评议'],
    ] as const) {
      const res = await tongdu.post('/api/surveys', {
        orgUnitId: t.fx.tongdu.id,
        title,
        purpose,
        year: 2026,
        opensAt: new Date(now).toISOString(),
        closesAt: new Date(now + 7 * 86_400_000).toISOString(),
        questions: [ratingQuestion('q', '评价')],
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    // Disclosure is the board residents read.
    expect((await tongdu.get('/api/disclosures')).statusCode).toBe(200);
  });
});
