import { eq } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, type TestApp, createTestApp } from '../../../../test/app';
import { signInStaff } from '../../../../test/staff';
import { SEED_003_PHASES } from '../../../shared/contracts/keyTasks';
import { auditLog } from '../../platform/audit.table';
import { sweepWorkflow } from '../../platform/workflow';
import { ktTasks } from './keyTasks.table';
import { taskWorkflow } from './keyTasks.workflow';

let t: TestApp;
let sd: Client;
let tongdu: Client;
let xhy: Client;
let grid: Client;
let groupId: string;
let listId: string;

const members = [
  { role: 'leader', name: '刘克涛', post: '新下陆街道党工委书记' },
  { role: 'deputy', name: '郭莎莎', post: '新下陆街道党工委副书记、办事处主任' },
  { role: 'member', name: '陆合香', post: '铜都社区党委书记、居委会主任' },
  { role: 'member', name: '吴兰兰', post: '新下陆街道社会事务办负责人' },
];

/** Sets up a leading group as `c`: at the subdistrict since 2023-09-01 with the leader only, unless `body` says otherwise. */
const setUpGroup = (c: Client, body: Record<string, unknown>) =>
  c.post('/api/leading-groups', {
    orgUnitId: t.fx.subdistrict.id,
    since: '2023-09-01',
    members: [members[0]],
    ...body,
  });

beforeAll(async () => {
  t = await createTestApp();
  ({ sd, tongdu, xhy } = await signInStaff(t));
  grid = await t.as('grid_worker');
  const g = await setUpGroup(sd, {
    name: '新下陆街道创建全省基层治理创新实验区领导小组',
    officeUnit: '社会事务办',
    officeHead: '胡婷婷',
    officeDeputy: '吴兰兰',
    members,
  });
  expect(g.statusCode, g.body).toBe(201);
  groupId = g.json().id;
  const l = await sd.post('/api/key-tasks/lists', {
    orgUnitId: t.fx.subdistrict.id,
    groupId,
    title: '新下陆街道办事处创建全省基层治理创新实验区重点任务清单',
    phases: SEED_003_PHASES,
  });
  expect(l.statusCode, l.body).toBe(201);
  listId = l.json().id;
});
afterAll(() => t?.close());

/** Logs the staff clients in again: their sessions run on the test clock, which the deadline tests move. */
async function loginAgain() {
  ({ sd, tongdu, xhy } = await signInStaff(t));
}

const newTask = async (over: Record<string, unknown> = {}) => {
  const res = await sd.post('/api/key-tasks', {
    listId,
    content: '健全“六民工作法”。',
    units: ['社会事务办', '各社区'],
    dueOn: '2026-12-31',
    deadlineText: '2026年底前',
    phase: 'implement',
    ...over,
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; number: number; actions: string[] };
};
const act = (c: Client, id: string, body: Record<string, unknown>) =>
  c.post(`/api/key-tasks/${id}/actions`, body);

describe('leading groups', () => {
  it('R-TK-1 a leading group has one leader, an office, and member changes kept as history', async () => {
    const detail = (await sd.get(`/api/leading-groups/${groupId}`)).json();
    expect(detail.members.map((m: { name: string }) => m.name)).toEqual(members.map((m) => m.name));
    expect(detail).toMatchObject({ officeUnit: '社会事务办', officeHead: '胡婷婷', officeDeputy: '吴兰兰' });

    const two = await setUpGroup(sd, {
      name: '双组长',
      members: [members[0], { ...members[0], name: '另一人' }],
    });
    expect(two.statusCode).toBe(422);
    expect(two.json().error.code).toBe('key_tasks.one_leader');

    // 成员单位自行调整: 吴兰兰 is replaced, and stays in the history.
    const wu = detail.members.find((m: { name: string }) => m.name === '吴兰兰');
    const swapped = await sd.post(`/api/leading-groups/${groupId}/members`, {
      role: 'member',
      name: '张新',
      post: '新下陆街道社会事务办负责人',
      since: '2024-03-01',
      replacesId: wu.id,
    });
    expect(swapped.statusCode, swapped.body).toBe(200);
    const after = swapped.json();
    expect(after.members.map((m: { name: string }) => m.name)).toContain('张新');
    expect(after.members.map((m: { name: string }) => m.name)).not.toContain('吴兰兰');
    expect(after.former).toMatchObject([{ name: '吴兰兰', leftOn: '2024-03-01' }]);

    const again = await sd.post(`/api/leading-groups/${groupId}/members/${wu.id}/end`, { on: '2024-04-01' });
    expect(again.json().error.code).toBe('key_tasks.member_left');
  });

  it('R-TK-1 a community may read the group but not set one up; groups live at a subdistrict or above', async () => {
    expect((await tongdu.get(`/api/leading-groups/${groupId}`)).statusCode).toBe(200);
    const atTongdu = { orgUnitId: t.fx.tongdu.id, name: 'x' };
    expect((await setUpGroup(tongdu, atTongdu)).statusCode).toBe(403);
    const atCommunity = await setUpGroup(sd, atTongdu);
    expect(atCommunity.json().error.code).toBe('key_tasks.group_unit');
  });

  it('R-TK-1 a joint meeting records attendance and minutes, and its decision becomes a key task', async () => {
    const res = await sd.post(`/api/leading-groups/${groupId}/meetings`, {
      kind: 'regular',
      heldOn: '2026-11-20',
      title: '11月联席会议',
      agenda: '研究重点任务推进',
      attendees: ['刘克涛', '郭莎莎'],
      minutes: '会议听取了各责任单位汇报。',
      decisions: [
        { text: '会议议定事项：不派生任务' },
        {
          text: '完善网格员巡查制度。',
          task: { listId, units: ['社区网格管理综合服务中心'], dueOn: '2027-01-31' },
        },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m.decisions[0].taskId).toBeNull();
    const task = (await sd.get(`/api/key-tasks/${m.decisions[1].taskId}`)).json();
    expect(task).toMatchObject({
      content: '完善网格员巡查制度。',
      units: ['社区网格管理综合服务中心'],
      dueOn: '2027-01-31',
    });
    const detail = (await sd.get(`/api/leading-groups/${groupId}`)).json();
    expect(detail.meetings[0]).toMatchObject({ title: '11月联席会议', attendees: ['刘克涛', '郭莎莎'] });
  });
});

describe('joint-meeting cadence and task milestones', () => {
  it('R-TK-1 a group with a monthly cadence shows whether this month’s regular meeting was held and flags a missed month', async () => {
    const saved = t.clock.now();
    try {
      t.clock.set(new Date('2026-09-10T10:00:00+08:00'));
      sd = await t.as('sd_admin');
      const g = await setUpGroup(sd, {
        name: '矛盾纠纷化解工作领导小组',
        meetingCadence: 'monthly',
        since: '2026-09-01',
      });
      expect(g.statusCode, g.body).toBe(201);
      const id = g.json().id;
      expect(g.json().cadence).toMatchObject({
        period: '2026-09',
        dueOn: '2026-09-30',
        held: false,
        previousMissed: false,
      });
      const m = await sd.post(`/api/leading-groups/${id}/meetings`, {
        kind: 'regular',
        heldOn: '2026-09-18',
        title: '9月例会',
        attendees: ['刘克涛'],
        decisions: [],
      });
      expect(m.statusCode, m.body).toBe(201);
      expect((await sd.get(`/api/leading-groups/${id}`)).json().cadence).toMatchObject({ held: true });
      // October passes without a regular meeting: in November the missed month is flagged
      t.clock.set(new Date('2026-11-03T10:00:00+08:00'));
      sd = await t.as('sd_admin');
      expect((await sd.get(`/api/leading-groups/${id}`)).json().cadence).toMatchObject({
        period: '2026-11',
        dueOn: '2026-11-30',
        held: false,
        previousMissed: true,
      });
      const q = await sd.patch(`/api/leading-groups/${id}`, { meetingCadence: 'quarterly' });
      expect(q.statusCode, q.body).toBe(200);
      expect(q.json().cadence).toMatchObject({
        period: '2026-Q4',
        dueOn: '2026-12-31',
        previousMissed: false,
      });
    } finally {
      t.clock.set(saved);
      sd = await t.as('sd_admin');
    }
  });

  it('R-TK-1 a task carries milestones no later than its deadline; one past its day and not reached is overdue', async () => {
    const late = await sd.post('/api/key-tasks', {
      listId,
      content: '节点测试任务',
      units: ['各社区'],
      dueOn: '2026-12-31',
      milestones: [{ title: '制定方案', dueOn: '2027-01-05' }],
    });
    expect(late.statusCode).toBe(422);
    expect(late.json().error.code).toBe('key_tasks.milestone_after_deadline');
    const task = await newTask({
      content: '节点测试任务',
      milestones: [
        { title: '制定方案', dueOn: '2020-03-01', doneOn: '2020-02-20' },
        { title: '全面推开', dueOn: '2020-06-30' },
        { title: '总结评估', dueOn: '2026-12-20' },
      ],
    });
    const d = (await sd.get(`/api/key-tasks/${task.id}`)).json();
    expect(d.milestones.map((m: { overdue: boolean }) => m.overdue)).toEqual([false, true, false]);
    const res = await sd.patch(`/api/key-tasks/${task.id}`, {
      milestones: [
        { title: '制定方案', dueOn: '2020-03-01', doneOn: '2020-02-20' },
        { title: '全面推开', dueOn: '2020-06-30', doneOn: '2020-07-02' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().milestones).toHaveLength(2);
    expect(res.json().milestones[1]).toMatchObject({ doneOn: '2020-07-02', overdue: false });
    const tooEarly = await sd.patch(`/api/key-tasks/${task.id}`, { dueOn: '2020-05-01' });
    expect(tooEarly.json().error.code).toBe('key_tasks.milestone_after_deadline');
  });
});

describe('key tasks', () => {
  it('R-TK-1 a key task needs responsible units and a deadline', async () => {
    const noUnits = await sd.post('/api/key-tasks', { listId, content: 'x', units: [], dueOn: '2026-12-31' });
    expect(noUnits.statusCode).toBe(400);
    const noDue = await sd.post('/api/key-tasks', { listId, content: 'x', units: ['各社区'] });
    expect(noDue.statusCode).toBe(400);
    const badPhase = await sd.post('/api/key-tasks', {
      listId,
      content: 'x',
      units: ['各社区'],
      dueOn: '2026-12-31',
      phase: 'nope',
    });
    expect(badPhase.json().error.code).toBe('key_tasks.unknown_phase');
    const byCommunity = await tongdu.post('/api/key-tasks', {
      listId,
      content: 'x',
      units: ['各社区'],
      dueOn: '2026-12-31',
    });
    expect(byCommunity.statusCode).toBe(403);
  });

  it('R-TK-1 responsible units report progress with evidence; completing needs evidence', async () => {
    const task = await newTask();
    expect(task.actions).toContain('supervise');
    const view = (await tongdu.get(`/api/key-tasks/${task.id}`)).json();
    expect(view.actions).toEqual(expect.arrayContaining(['report', 'complete']));
    expect(view.actions).not.toContain('supervise');

    const noProgress = await act(tongdu, task.id, { action: 'report', comment: '已召开动员会' });
    expect(noProgress.json().error.code).toBe('key_tasks.progress_required');
    const report = await act(tongdu, task.id, {
      action: 'report',
      comment: '已召开动员会，制定实施方案',
      progress: 40,
      evidence: ['铜都社区六民工作法实施方案.pdf'],
    });
    expect(report.statusCode, report.body).toBe(200);
    expect(report.json()).toMatchObject({ state: 'in_progress', progress: 40 });

    const noEvidence = await act(xhy, task.id, { action: 'complete', comment: '已完成' });
    expect(noEvidence.json().error.code).toBe('key_tasks.evidence_required');
    const done = await act(xhy, task.id, {
      action: 'complete',
      comment: '各社区均已推行',
      evidence: ['总结报告.docx', '现场照片 12 张'],
    });
    expect(done.statusCode, done.body).toBe(200);
    const d = done.json();
    expect(d).toMatchObject({ state: 'done', progress: 100 });
    expect(d.events.map((e: { action: string }) => e.action)).toEqual(['create', 'report', 'complete']);
    expect(d.events[1].evidence).toEqual(['铜都社区六民工作法实施方案.pdf']);

    // A grid worker holds no report permission.
    expect((await act(grid, task.id, { action: 'report', comment: 'x', progress: 1 })).statusCode).toBe(403);
    const reopened = await act(sd, task.id, { action: 'reopen', comment: '佐证不足，请补充' });
    expect(reopened.json().state).toBe('in_progress');
  });

  it('R-TK-1 supervision (督办) and interview (约谈) are recorded actions of the supervising unit', async () => {
    const task = await newTask();
    expect((await act(tongdu, task.id, { action: 'supervise', comment: '请加快' })).statusCode).toBe(403);
    const sup = await act(sd, task.id, { action: 'supervise', comment: '请于本周内报送进展' });
    expect(sup.statusCode, sup.body).toBe(200);
    expect(sup.json().supervisions).toBe(1);
    const wrongUnit = await act(sd, task.id, { action: 'interview', comment: '约谈', unit: '财务室' });
    expect(wrongUnit.json().error.code).toBe('key_tasks.unit_required');
    const iv = await act(sd, task.id, {
      action: 'interview',
      comment: '履职不力，约谈负责人',
      unit: '社会事务办',
    });
    expect(iv.json()).toMatchObject({ interviews: 1, state: 'open' });
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, task.id));
    expect(audits.map((a) => a.action)).toEqual(
      expect.arrayContaining(['key_tasks.task.supervise', 'key_tasks.task.interview']),
    );
  });

  it('R-TK-1 a task not done by the end of its deadline day is escalated to the leading group once', async () => {
    const task = await newTask({ dueOn: '2026-11-25', content: '逾期测试任务' });
    const doneTask = await newTask({ dueOn: '2026-11-25', content: '按期完成任务' });
    await act(tongdu, doneTask.id, { action: 'complete', comment: '完成', evidence: ['验收单'] });
    const ctx = { ...t.deps, requestId: 'test' };
    const where = eq(ktTasks.listId, listId);
    // On the deadline day itself nothing is due yet.
    const saved = t.clock.now();
    try {
      t.clock.set(new Date('2026-11-25T23:00:00+08:00'));
      expect((await sweepWorkflow(taskWorkflow, ctx, { where })).escalate ?? 0).toBe(0);
      t.clock.set(new Date('2026-11-26T08:00:00+08:00'));
      expect((await sweepWorkflow(taskWorkflow, ctx, { where })).escalate).toBe(1);
      expect((await sweepWorkflow(taskWorkflow, ctx, { where })).escalate ?? 0).toBe(0);
      const later = await t.as('sd_admin');
      const d = (await later.get(`/api/key-tasks/${task.id}`)).json();
      expect(d.overdue).toBe(true);
      expect(d.escalatedAt).not.toBeNull();
      expect(d.events.at(-1)).toMatchObject({
        action: 'escalate',
        data: { groupName: '新下陆街道创建全省基层治理创新实验区领导小组' },
      });
      const g = (await later.get(`/api/leading-groups/${groupId}`)).json();
      expect(g.escalated).toBeGreaterThanOrEqual(1);
      const overdue = (await later.get(`/api/key-tasks?listId=${listId}&overdue=true`)).json();
      expect(overdue.items.map((x: { id: string }) => x.id)).toContain(task.id);
      expect(overdue.items.map((x: { id: string }) => x.id)).not.toContain(doneTask.id);
    } finally {
      t.clock.set(saved);
      await loginAgain();
    }
  });

  it('R-TK-1 the list manager edits a task: units, lead, deadline, phase; a moved deadline escalates anew', async () => {
    const task = await newTask({ dueOn: '2026-11-20', content: '修改测试任务' });
    const ctx = { ...t.deps, requestId: 'test' };
    const where = eq(ktTasks.id, task.id);
    const saved = t.clock.now();
    try {
      t.clock.set(new Date('2026-11-21T08:00:00+08:00'));
      expect((await sweepWorkflow(taskWorkflow, ctx, { where })).escalate).toBe(1);
      sd = await t.as('sd_admin');
      const res = await sd.patch(`/api/key-tasks/${task.id}`, {
        units: ['社会事务办', '铜都社区'],
        lead: '铜都社区',
        dueOn: '2026-12-15',
        phase: 'improve',
        note: '联席会议同意延期',
      });
      expect(res.statusCode, res.body).toBe(200);
      const d = res.json();
      expect(d).toMatchObject({
        units: ['社会事务办', '铜都社区'],
        lead: '铜都社区',
        dueOn: '2026-12-15',
        phase: 'improve',
      });
      expect(d.escalatedAt).toBeNull();
      expect(d.overdue).toBe(false);
      const edit = d.events.find((e: { action: string }) => e.action === 'edit');
      expect(edit).toMatchObject({ comment: '联席会议同意延期' });
      expect(edit.data.before.dueOn).toBe('2026-11-20');
      // the new deadline escalates again once it has passed
      t.clock.set(new Date('2026-12-16T08:00:00+08:00'));
      expect((await sweepWorkflow(taskWorkflow, ctx, { where })).escalate).toBe(1);
      await loginAgain();
      const badLead = await sd.patch(`/api/key-tasks/${task.id}`, { lead: '不相干单位' });
      expect(badLead.statusCode).toBe(422);
      expect(badLead.json().error.message).toContain('牵头单位');
      expect((await sd.patch(`/api/key-tasks/${task.id}`, { phase: 'nope' })).statusCode).toBe(422);
      expect((await sd.patch(`/api/key-tasks/${task.id}`, { units: [] })).statusCode).toBe(400);
      expect((await tongdu.patch(`/api/key-tasks/${task.id}`, { content: 'x' })).statusCode).toBe(403);
      expect((await xhy.patch(`/api/key-tasks/${task.id}`, { content: 'x' })).statusCode).toBe(403);
      await act(tongdu, task.id, { action: 'complete', comment: '完成', evidence: ['验收单'] });
      const done = await sd.patch(`/api/key-tasks/${task.id}`, { content: '改内容' });
      expect(done.statusCode).toBe(409);
      const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, task.id));
      expect(audits.map((a) => a.action)).toContain('key_tasks.task.update');
    } finally {
      t.clock.set(saved);
      await loginAgain();
    }
  });

  it('R-TK-1 a member is added with post and unit, and one leaving stays in the history', async () => {
    const add = await sd.post(`/api/leading-groups/${groupId}/members`, {
      role: 'member',
      name: '李成才',
      post: '副主任',
      unit: '街道党政综合办',
      since: '2024-01-10',
    });
    expect(add.statusCode, add.body).toBe(200);
    const m = add.json().members.find((x: { name: string }) => x.name === '李成才');
    expect(m).toMatchObject({ post: '副主任', unit: '街道党政综合办', leftOn: null });
    const end = await sd.post(`/api/leading-groups/${groupId}/members/${m.id}/end`, {
      on: '2024-06-30',
      note: '工作调动',
    });
    expect(end.statusCode, end.body).toBe(200);
    expect(end.json().former.find((x: { id: string }) => x.id === m.id)).toMatchObject({
      unit: '街道党政综合办',
      leftOn: '2024-06-30',
      note: '工作调动',
    });
  });

  it('R-TK-1 the board counts by responsible unit, deadline month and phase; the list exports to xlsx', async () => {
    const b = await sd.get(`/api/key-tasks/lists/${listId}/board`);
    expect(b.statusCode, b.body).toBe(200);
    const board = b.json();
    expect(board.counts.total).toBeGreaterThan(3);
    const social = board.byUnit.find((u: { unit: string }) => u.unit === '社会事务办');
    expect(social.total).toBeGreaterThan(0);
    expect(board.byDeadline.map((m: { month: string }) => m.month)).toContain('2026-12');
    const x = await sd.get(`/api/key-tasks/export.xlsx?listId=${listId}`);
    expect(x.statusCode).toBe(200);
    expect(x.headers['content-type']).toContain('spreadsheetml');
    expect((await tongdu.get(`/api/key-tasks/export.xlsx?listId=${listId}`)).statusCode).toBe(403);
    const unknown = await sd.get('/api/key-tasks?listId=0192f5c0-0000-7000-8000-000000000000');
    expect(unknown.statusCode).toBe(404);
    const byUnit = (
      await sd.get(`/api/key-tasks?listId=${listId}&unit=${encodeURIComponent('社区网格管理综合服务中心')}`)
    ).json();
    expect(byUnit.items.length).toBe(1);
  });
});

describe('seed 002: responsible posts and persons, field visits', () => {
  it('seed 002 (S002-37): a task names, per responsible unit, its responsible post and person (责任到岗、责任到人); kept in reach of the units listed, on the list, the board and the export', async () => {
    const owners = [
      { unit: '各社区', post: '社区党委书记', name: '陆合香' },
      { unit: '社会事务办', post: '负责人', name: '吴兰兰' },
    ];
    const task = await newTask({ content: '责任到人测试任务', owners });
    // answered in the units' order
    const d = (await sd.get(`/api/key-tasks/${task.id}`)).json();
    expect(d.owners).toEqual([owners[1], owners[0]]);
    expect(d.events[0].data.owners).toEqual([owners[1], owners[0]]);

    const stranger = await sd.post('/api/key-tasks', {
      listId,
      content: 'x',
      units: ['社会事务办'],
      owners: [{ unit: '财务室', post: '负责人', name: '张婷' }],
      dueOn: '2026-12-31',
    });
    expect(stranger.statusCode).toBe(422);
    expect(stranger.json().error).toMatchObject({ code: 'key_tasks.owner_not_unit' });
    expect(stranger.json().error.message).toContain('财务室');
    const twice = await sd.patch(`/api/key-tasks/${task.id}`, {
      owners: [owners[1], { ...owners[1], name: '张新' }],
    });
    expect(twice.statusCode).toBe(422);
    expect(twice.json().error.code).toBe('key_tasks.owner_twice');
    const noName = await sd.patch(`/api/key-tasks/${task.id}`, {
      owners: [{ unit: '社会事务办', post: '负责人', name: ' ' }],
    });
    expect(noName.statusCode).toBe(400);

    // a unit taken off the task takes its owner with it; the change is on the timeline and audited
    const narrowed = await sd.patch(`/api/key-tasks/${task.id}`, { units: ['社会事务办', '铜都社区'] });
    expect(narrowed.statusCode, narrowed.body).toBe(200);
    expect(narrowed.json().owners).toEqual([owners[1]]);
    const edit = narrowed.json().events.find((e: { action: string }) => e.action === 'edit');
    expect(edit.data.before.owners).toHaveLength(2);
    const renamed = await sd.patch(`/api/key-tasks/${task.id}`, {
      owners: [owners[1], { unit: '铜都社区', post: '网格员', name: '王芳' }],
    });
    expect(renamed.json().owners.map((o: { name: string }) => o.name)).toEqual(['吴兰兰', '王芳']);
    const audits = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, task.id));
    const update = audits.filter((a) => a.action === 'key_tasks.task.update').at(-1)!;
    expect(update.after).toMatchObject({ owners: [owners[1], { unit: '铜都社区', name: '王芳' }] });

    // the list, the board (per unit: the persons its tasks name) and the export show them
    const listed = (
      await sd.get(`/api/key-tasks?listId=${listId}&q=${encodeURIComponent('责任到人测试任务')}`)
    ).json();
    expect(listed.items[0].owners).toHaveLength(2);
    const board = (await sd.get(`/api/key-tasks/lists/${listId}/board`)).json();
    expect(board.byUnit.find((u: { unit: string }) => u.unit === '铜都社区').owners).toEqual([
      { post: '网格员', name: '王芳' },
    ]);
    const x = await sd.get(
      `/api/key-tasks/export.xlsx?listId=${listId}&q=${encodeURIComponent('责任到人测试任务')}`,
    );
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    const headers = (sheet.getRow(1).values as unknown[]).map(String);
    const col = headers.indexOf('责任岗位及责任人');
    expect(col).toBeGreaterThan(0);
    expect(String(sheet.getRow(2).getCell(col).value)).toBe(
      '社会事务办：负责人 吴兰兰；铜都社区：网格员 王芳',
    );
  });

  it('seed 002 (S002-41): the leading group records its 调研 and 现场指导 visits with the place and the units visited, and a visit’s decision becomes a key task', async () => {
    const visit = {
      kind: 'site_guidance',
      heldOn: '2026-10-15',
      title: '大塘社区城中村治理现场指导',
      place: '大塘社区党群服务中心',
      unitsVisited: ['大塘社区'],
      attendees: ['胡婷婷', '吴兰兰'],
      minutes: '服务站选址已初步确定。',
      decisions: [
        { text: '指导社区建立城中村治理档案。' },
        {
          text: '大塘社区12月底前完成服务站选址。',
          task: {
            listId,
            units: ['大塘社区', '社会事务办'],
            owners: [{ unit: '大塘社区', post: '党委书记', name: '吴小桂' }],
            dueOn: '2026-12-31',
          },
        },
      ],
    };
    const post = (body: Record<string, unknown>) => sd.post(`/api/leading-groups/${groupId}/meetings`, body);
    const noPlace = await post({ ...visit, place: null });
    expect(noPlace.statusCode).toBe(422);
    expect(noPlace.json().error).toMatchObject({ code: 'key_tasks.visit_place_required' });
    expect(noPlace.json().error.message).toContain('地点');
    const noUnits = await post({ ...visit, kind: 'survey', unitsVisited: [] });
    expect(noUnits.json().error.code).toBe('key_tasks.visit_units_required');
    const meetingVisits = await post({ ...visit, kind: 'regular' });
    expect(meetingVisits.json().error.code).toBe('key_tasks.units_visited_meeting');
    // nothing of a refused visit was kept: its decision made no task
    const none = (
      await sd.get(`/api/key-tasks?listId=${listId}&q=${encodeURIComponent('服务站选址')}`)
    ).json();
    expect(none.total).toBe(0);
    expect((await tongdu.post(`/api/leading-groups/${groupId}/meetings`, visit)).statusCode).toBe(403);

    const res = await post(visit);
    expect(res.statusCode, res.body).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({
      kind: 'site_guidance',
      place: '大塘社区党群服务中心',
      unitsVisited: ['大塘社区'],
    });
    const task = (await sd.get(`/api/key-tasks/${m.decisions[1].taskId}`)).json();
    expect(task).toMatchObject({
      content: '大塘社区12月底前完成服务站选址。',
      units: ['大塘社区', '社会事务办'],
      owners: [{ unit: '大塘社区', post: '党委书记', name: '吴小桂' }],
    });
    expect(task.events[0].data.meetingId).toBe(m.id);
    const survey = await post({
      ...visit,
      kind: 'survey',
      title: '城中村治理专题调研',
      place: '大塘社区、陆家铺社区',
      unitsVisited: ['大塘社区', '陆家铺社区'],
      decisions: [],
    });
    expect(survey.statusCode, survey.body).toBe(201);
    const detail = (await tongdu.get(`/api/leading-groups/${groupId}`)).json();
    expect(detail.meetings.map((x: { kind: string }) => x.kind)).toEqual(
      expect.arrayContaining(['survey', 'site_guidance']),
    );
    const audit = await t.database.db.select().from(auditLog).where(eq(auditLog.entityId, m.id));
    expect(audit[0]).toMatchObject({
      action: 'key_tasks.meeting.create',
      after: { kind: 'site_guidance', place: '大塘社区党群服务中心', unitsVisited: ['大塘社区'], tasks: 1 },
    });
  });
});
