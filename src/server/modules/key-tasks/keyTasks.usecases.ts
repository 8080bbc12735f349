import type {
  AddMemberBody,
  BoardDto,
  CountsDto,
  CreateGroupBody,
  CreateListBody,
  CreateMeetingBody,
  CreateTaskBody,
  EndMemberBody,
  GroupDetailDto,
  GroupDto,
  GroupListQuery,
  ListListQuery,
  MeetingDto,
  MemberDto,
  MemberRole,
  TaskActionBody,
  UpdateTaskBody,
  TaskDetailDto,
  TaskDto,
  TaskListDto,
  TaskQuery,
  MeetingCadence,
  TaskOwner,
  TaskState,
} from '../../../shared/contracts/keyTasks';
import { isVisitKind } from '../../../shared/contracts/keyTasks';
import { chinaDate } from '../../../shared/chinaTime';
import { insertUnitRowAudited } from '../../platform/auditedUnitInsert';
import { writeAudit } from '../../platform/audit';
import { auditRecord } from '../../platform/recordAudit';
import { newUnitRow } from '../../platform/newRow';
import { stateEventTimeline } from '../../platform/stateEventTimeline';
import type { ActorCtx } from '../../platform/context';
import { AppError, notFound } from '../../platform/errors';
import type { Page } from '../../platform/listing';
import { availableActions, transition } from '../../platform/workflow';
import { findUnitInScope, unitNames, unitNamesOf } from '../org/org.api';
import { keyTasksPolicy } from './keyTasks.policy';
import {
  type GroupRow,
  type ListRow,
  type MeetingRow,
  type MemberRow,
  type TaskRow,
  allTaskRows,
  endMember,
  escalatedCount,
  eventsOfTask,
  findGroup,
  findList,
  findTask,
  groupById,
  insertGroup,
  insertList,
  insertMeeting,
  insertMembers,
  insertTask,
  insertTaskEvent,
  listById,
  listGroupRows,
  listListRows,
  listTaskRows,
  listsOfGroup,
  maxMemberSort,
  meetingsOf,
  memberCounts,
  membersOf,
  nextTaskNumber,
  taskNumberTaken,
  tasksOfLists,
  updateGroupRow,
  updateTaskRow,
} from './keyTasks.repository';
import { endOfChinaDay, taskWorkflow } from './keyTasks.workflow';
import { foundInReach } from '../../platform/findInScope';
import { orgUnitHead } from '../../platform/unitHead';

const GROUP_KINDS = new Set(['city', 'district', 'subdistrict']);

// ---------------------------------------------------------------- leading groups

const memberDto = (m: MemberRow): MemberDto => ({
  id: m.id,
  role: m.role as MemberRole,
  name: m.name,
  post: m.post,
  unit: m.unit ?? null,
  joinedOn: m.joinedOn,
  leftOn: m.leftOn,
  note: m.note,
});

const meetingDto = (m: MeetingRow): MeetingDto => ({
  id: m.id,
  groupId: m.groupId,
  kind: m.kind as MeetingDto['kind'],
  heldOn: m.heldOn,
  title: m.title,
  place: m.place,
  unitsVisited: m.unitsVisited,
  agenda: m.agenda,
  attendees: m.attendees,
  decisions: m.decisions,
  minutes: m.minutes,
  createdAt: m.createdAt,
});

function groupDto(ctx: ActorCtx, g: GroupRow, names: Map<string, string>, members: number): GroupDto {
  return {
    ...orgUnitHead(g, names),
    name: g.name,
    officeUnit: g.officeUnit,
    officeHead: g.officeHead,
    officeDeputy: g.officeDeputy,
    duties: g.duties,
    meetingCadence: (g.meetingCadence as MeetingCadence | null) ?? null,
    memberCount: members,
    abilities: { manage: keyTasksPolicy.can(ctx.actor, 'manage', g) },
    createdAt: g.createdAt,
    updatedAt: g.updatedAt,
  };
}

async function groupDetail(ctx: ActorCtx, g: GroupRow): Promise<GroupDetailDto> {
  const [names, members, meetings, escalated] = await Promise.all([
    unitNames(ctx.db, [g.orgUnitId]),
    membersOf(ctx.db, g.id),
    meetingsOf(ctx.db, g.id),
    escalatedCount(ctx.db, g.id, ctx.clock.now()),
  ]);
  const current = members.filter((m) => m.leftOn === null);
  return {
    ...groupDto(ctx, g, names, current.length),
    members: current.map(memberDto),
    former: members.filter((m) => m.leftOn !== null).map(memberDto),
    meetings: meetings.map(meetingDto),
    escalated,
    cadence: cadenceStatus(g, meetings, ctx.clock.now()),
  };
}

/** The period of a China day ('2026-12' or '2026-Q4') and the period before it, by cadence. */
function periodOf(cadence: MeetingCadence, day: string): string {
  const [y, m] = [Number(day.slice(0, 4)), Number(day.slice(5, 7))];
  return cadence === 'monthly' ? day.slice(0, 7) : `${y}-Q${Math.ceil(m / 3)}`;
}

function previousPeriod(cadence: MeetingCadence, period: string): string {
  const y = Number(period.slice(0, 4));
  if (cadence === 'monthly') {
    const m = Number(period.slice(5, 7));
    return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
  }
  const q = Number(period.slice(6));
  return q === 1 ? `${y - 1}-Q4` : `${y}-Q${q - 1}`;
}

/** The last day of a period. */
function periodEnd(cadence: MeetingCadence, period: string): string {
  const y = Number(period.slice(0, 4));
  const lastMonth = cadence === 'monthly' ? Number(period.slice(5, 7)) : Number(period.slice(6)) * 3;
  const last = new Date(Date.UTC(y, lastMonth, 0)).getUTCDate();
  return `${y}-${String(lastMonth).padStart(2, '0')}-${String(last).padStart(2, '0')}`;
}

/**
 * R-TK-1: a leading group with a cadence holds a regular joint meeting (例会) every period. Computed from the
 * meetings recorded: held in the current period or not (due by its last day), and whether the previous period
 * — counted only once the group existed for all of it — went without one.
 */
export function cadenceStatus(
  g: Pick<GroupRow, 'meetingCadence' | 'createdAt'>,
  meetings: Pick<MeetingRow, 'kind' | 'heldOn'>[],
  now: Date,
): GroupDetailDto['cadence'] {
  const cadence = g.meetingCadence as MeetingCadence | null;
  if (!cadence) return null;
  const held = new Set(meetings.filter((m) => m.kind === 'regular').map((m) => periodOf(cadence, m.heldOn)));
  const period = periodOf(cadence, chinaDate(now));
  const previous = previousPeriod(cadence, period);
  const createdIn = periodOf(cadence, chinaDate(g.createdAt));
  return {
    period,
    dueOn: periodEnd(cadence, period),
    held: held.has(period),
    previousMissed: createdIn < previous && !held.has(previous),
  };
}

/** Milestones as the task shows them: each past its day and not reached is overdue (China day). */
function milestoneDtos(t: Pick<TaskRow, 'milestones'>, now: Date) {
  const today = chinaDate(now);
  return t.milestones.map((m) => ({ ...m, doneOn: m.doneOn ?? null, overdue: !m.doneOn && m.dueOn < today }));
}

/**
 * Seed 002 四(一) 责任到岗、责任到人 (S002-37): an owner names one of the task's responsible units, each unit at
 * most once (422 otherwise). Answers them in the units' order.
 */
function checkedOwners(owners: TaskOwner[], units: string[]): TaskOwner[] {
  const named = new Set<string>();
  for (const o of owners) {
    if (!units.includes(o.unit)) throw new AppError('key_tasks.owner_not_unit', 422, { unit: o.unit });
    if (named.has(o.unit)) throw new AppError('key_tasks.owner_twice', 422, { unit: o.unit });
    named.add(o.unit);
  }
  return [...owners].sort((a, b) => units.indexOf(a.unit) - units.indexOf(b.unit));
}

/**
 * A field visit (调研, 现场指导; seed 002 四(三), S002-41) names where it went and the units it visited; a joint
 * meeting visits no units (422 otherwise).
 */
function checkVisit(body: Pick<CreateMeetingBody, 'kind' | 'place' | 'unitsVisited'>) {
  const visited = body.unitsVisited ?? [];
  if (isVisitKind(body.kind)) {
    if (!body.place) throw new AppError('key_tasks.visit_place_required', 422);
    if (visited.length === 0) throw new AppError('key_tasks.visit_units_required', 422);
  } else if (visited.length > 0) throw new AppError('key_tasks.units_visited_meeting', 422);
}

/** A milestone falls on or before the task's deadline (R-TK-1). */
function checkMilestones(milestones: { dueOn: string }[] | null | undefined, dueOn: string) {
  if (milestones?.some((m) => m.dueOn > dueOn)) throw new AppError('key_tasks.milestone_after_deadline', 422);
}

/** The group, list or task `find` reads with this id, for an actor who reads key tasks (403), else 404. */
async function readable<R>(
  ctx: ActorCtx,
  find: (db: ActorCtx['db'], actor: ActorCtx['actor'], id: string) => Promise<R | undefined>,
  id: string,
): Promise<R> {
  return foundInReach(keyTasksPolicy, ctx, 'read', () => find(ctx.db, ctx.actor, id));
}

/** The leading group with this id that the actor manages (403 without key_tasks.manage, 404 out of reach). */
async function managedGroup(ctx: ActorCtx, id: string): Promise<GroupRow> {
  return foundInReach(keyTasksPolicy, ctx, 'manage', () =>
    findGroup(ctx.db, ctx.actor, id, 'key_tasks.manage'),
  );
}

export async function listGroups(ctx: ActorCtx, q: GroupListQuery): Promise<Page<GroupDto>> {
  keyTasksPolicy.require(ctx.actor, 'read');
  const page = await listGroupRows(ctx.db, ctx.actor, q);
  const ids = page.items.map((g) => g.id);
  const [names, counts] = await Promise.all([unitNamesOf(ctx.db, page.items), memberCounts(ctx.db, ids)]);
  return { ...page, items: page.items.map((g) => groupDto(ctx, g, names, counts.get(g.id) ?? 0)) };
}

export async function getGroup(ctx: ActorCtx, id: string): Promise<GroupDetailDto> {
  const g = await readable(ctx, findGroup, id);
  return groupDetail(ctx, g);
}

/** R-TK-1: a leading group with exactly one leader, deputies and members, set up by a subdistrict or above. */
export async function createGroup(ctx: ActorCtx, body: CreateGroupBody): Promise<GroupDetailDto> {
  keyTasksPolicy.require(ctx.actor, 'manage');
  const unit = await findUnitInScope(ctx, body.orgUnitId, 'key_tasks.manage');
  if (!GROUP_KINDS.has(unit.kind)) throw new AppError('key_tasks.group_unit', 422);
  if (body.members.filter((m) => m.role === 'leader').length !== 1)
    throw new AppError('key_tasks.one_leader', 422);
  const now = ctx.clock.now();
  const g = await ctx.db.transaction(async (tx) => {
    const g = await insertGroup(tx, {
      ...newUnitRow(ctx, unit, now),
      name: body.name,
      officeUnit: body.officeUnit ?? null,
      officeHead: body.officeHead ?? null,
      officeDeputy: body.officeDeputy ?? null,
      duties: body.duties ?? null,
      meetingCadence: body.meetingCadence ?? null,
      createdBy: ctx.actor.userId,
    });
    await insertMembers(
      tx,
      body.members.map((m, i) => ({
        id: ctx.ids(),
        groupId: g.id,
        orgPath: g.orgPath,
        role: m.role,
        name: m.name,
        post: m.post,
        unit: m.unit ?? null,
        sort: i + 1,
        joinedOn: body.since,
        createdAt: now,
      })),
    );
    await auditRecord(tx, ctx, g, {
      action: 'key_tasks.group.create',
      entityType: 'kt_group',
      after: { name: g.name, members: body.members.length, officeUnit: g.officeUnit },
    });
    return g;
  });
  return groupDetail(ctx, g);
}

export async function updateGroup(
  ctx: ActorCtx,
  id: string,
  body: Partial<
    Pick<GroupRow, 'name' | 'officeUnit' | 'officeHead' | 'officeDeputy' | 'duties' | 'meetingCadence'>
  >,
): Promise<GroupDetailDto> {
  const g = await managedGroup(ctx, id);
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateGroupRow(tx, g.id, { ...body, updatedAt: ctx.clock.now() });
    await auditRecord(tx, ctx, g, {
      action: 'key_tasks.group.update',
      entityType: 'kt_group',
      before: Object.fromEntries(Object.keys(body).map((k) => [k, g[k as keyof GroupRow]])),
      after: body,
    });
    return row;
  });
  return groupDetail(ctx, updated);
}

/** A member joins; one replaced leaves the same day. Former members stay in the history (seed 003). */
export async function addMember(ctx: ActorCtx, id: string, body: AddMemberBody): Promise<GroupDetailDto> {
  const g = await managedGroup(ctx, id);
  const members = await membersOf(ctx.db, g.id);
  const replaced = body.replacesId ? members.find((m) => m.id === body.replacesId) : undefined;
  if (body.replacesId && !replaced) throw notFound();
  if (replaced && replaced.leftOn !== null) throw new AppError('key_tasks.member_left', 409);
  if (replaced && body.since < replaced.joinedOn) throw new AppError('key_tasks.member_date', 422);
  const leaders = members.filter((m) => m.leftOn === null && m.role === 'leader' && m.id !== replaced?.id);
  if (body.role === 'leader' && leaders.length > 0) throw new AppError('key_tasks.one_leader', 422);
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    if (replaced) await endMember(tx, replaced.id, body.since, body.note ?? null);
    const memberId = ctx.ids();
    await insertMembers(tx, [
      {
        id: memberId,
        groupId: g.id,
        orgPath: g.orgPath,
        role: body.role,
        name: body.name,
        post: body.post,
        unit: body.unit ?? null,
        sort: replaced ? replaced.sort : (await maxMemberSort(tx, g.id)) + 1,
        joinedOn: body.since,
        note: body.note ?? null,
        createdAt: now,
      },
    ]);
    await auditRecord(tx, ctx, g, {
      action: 'key_tasks.group.member_add',
      entityType: 'kt_group',
      before: replaced ? { member: replaced.name, role: replaced.role } : undefined,
      after: { memberId, member: body.name, role: body.role, post: body.post, since: body.since },
    });
  });
  return groupDetail(ctx, g);
}

export async function endMembership(
  ctx: ActorCtx,
  id: string,
  memberId: string,
  body: EndMemberBody,
): Promise<GroupDetailDto> {
  const g = await managedGroup(ctx, id);
  const m = (await membersOf(ctx.db, g.id)).find((x) => x.id === memberId);
  if (!m) throw notFound();
  if (m.leftOn !== null) throw new AppError('key_tasks.member_left', 409);
  if (body.on < m.joinedOn) throw new AppError('key_tasks.member_date', 422);
  await ctx.db.transaction(async (tx) => {
    await endMember(tx, m.id, body.on, body.note ?? null);
    await auditRecord(tx, ctx, g, {
      action: 'key_tasks.group.member_end',
      entityType: 'kt_group',
      after: { memberId: m.id, member: m.name, role: m.role, on: body.on },
    });
  });
  return groupDetail(ctx, g);
}

/**
 * A joint meeting (联席会议, R-TK-1: the leading group and joint meetings follow the tasks), or a field visit
 * of the group (调研, 现场指导; seed 002 四(三), S002-41) with its place and the units visited; a decision
 * with `task` becomes a key task of a list this group follows, linked both ways.
 */
export async function createMeeting(ctx: ActorCtx, id: string, body: CreateMeetingBody): Promise<MeetingDto> {
  const g = await managedGroup(ctx, id);
  checkVisit(body);
  const lists = new Map((await listsOfGroup(ctx.db, g.id)).map((l) => [l.id, l]));
  for (const d of body.decisions)
    if (d.task && !lists.has(d.task.listId)) throw new AppError('key_tasks.not_group_list', 422);
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const meetingId = ctx.ids();
    const decisions: { text: string; taskId: string | null }[] = [];
    for (const d of body.decisions) {
      if (!d.task) {
        decisions.push({ text: d.text, taskId: null });
        continue;
      }
      const list = lists.get(d.task.listId)!;
      const t = await addTask(
        { ...ctx, db: tx },
        list,
        {
          listId: list.id,
          content: d.text,
          units: d.task.units,
          owners: d.task.owners,
          dueOn: d.task.dueOn,
        },
        meetingId,
      );
      decisions.push({ text: d.text, taskId: t.id });
    }
    const m = await insertMeeting(tx, {
      id: meetingId,
      groupId: g.id,
      orgPath: g.orgPath,
      kind: body.kind,
      heldOn: body.heldOn,
      title: body.title,
      place: body.place ?? null,
      unitsVisited: [...new Set(body.unitsVisited ?? [])],
      agenda: body.agenda ?? null,
      attendees: body.attendees,
      decisions,
      minutes: body.minutes ?? null,
      createdBy: ctx.actor.userId,
      createdAt: now,
    });
    await writeAudit(tx, ctx, {
      action: 'key_tasks.meeting.create',
      entityType: 'kt_meeting',
      entityId: m.id,
      orgPath: g.orgPath,
      after: {
        groupId: g.id,
        kind: m.kind,
        heldOn: m.heldOn,
        title: m.title,
        place: m.place,
        unitsVisited: m.unitsVisited,
        tasks: decisions.filter((d) => d.taskId).length,
      },
    });
    return meetingDto(m);
  });
}

// ---------------------------------------------------------------- lists

function countsOf(tasks: TaskRow[], now: Date): CountsDto {
  const c = { total: 0, open: 0, inProgress: 0, done: 0, overdue: 0 };
  for (const t of tasks) {
    c.total++;
    if (t.state === 'done') c.done++;
    else if (t.state === 'in_progress') c.inProgress++;
    else c.open++;
    if (isOverdue(t, now)) c.overdue++;
  }
  return c;
}

const isOverdue = (t: TaskRow, now: Date) => t.state !== 'done' && t.dueAt.getTime() < now.getTime();

async function listDtos(ctx: ActorCtx, rows: ListRow[]): Promise<TaskListDto[]> {
  const [names, tasks] = await Promise.all([
    unitNamesOf(ctx.db, rows),
    tasksOfLists(
      ctx.db,
      rows.map((l) => l.id),
    ),
  ]);
  const groups = new Map<string, string>();
  for (const l of rows)
    if (l.groupId && !groups.has(l.groupId)) {
      const g = await groupById(ctx.db, l.groupId);
      if (g) groups.set(g.id, g.name);
    }
  const now = ctx.clock.now();
  return rows.map((l) => ({
    ...orgUnitHead(l, names),
    groupId: l.groupId,
    groupName: l.groupId ? (groups.get(l.groupId) ?? null) : null,
    title: l.title,
    source: l.source,
    phases: l.phases,
    counts: countsOf(
      tasks.filter((t) => t.listId === l.id),
      now,
    ),
    abilities: {
      manage: keyTasksPolicy.can(ctx.actor, 'manage', l),
      export: keyTasksPolicy.can(ctx.actor, 'export', l) || keyTasksPolicy.can(ctx.actor, 'read', l),
    },
    createdAt: l.createdAt,
  }));
}

export async function listLists(ctx: ActorCtx, q: ListListQuery): Promise<Page<TaskListDto>> {
  keyTasksPolicy.require(ctx.actor, 'read');
  const page = await listListRows(ctx.db, ctx.actor, q);
  return { ...page, items: await listDtos(ctx, page.items) };
}

export async function getList(ctx: ActorCtx, id: string): Promise<TaskListDto> {
  const l = await readable(ctx, findList, id);
  return (await listDtos(ctx, [l]))[0]!;
}

export async function createList(ctx: ActorCtx, body: CreateListBody): Promise<TaskListDto> {
  keyTasksPolicy.require(ctx.actor, 'manage');
  const unit = await findUnitInScope(ctx, body.orgUnitId, 'key_tasks.manage');
  if (!GROUP_KINDS.has(unit.kind)) throw new AppError('key_tasks.group_unit', 422);
  if (body.groupId && !(await findGroup(ctx.db, ctx.actor, body.groupId, 'key_tasks.manage')))
    throw new AppError('key_tasks.group_not_found', 404);
  if (body.phases.some((p) => p.from > p.to)) throw new AppError('key_tasks.phase_order', 422);
  const l = await insertUnitRowAudited(
    ctx,
    unit,
    insertList,
    {
      groupId: body.groupId ?? null,
      title: body.title,
      source: body.source ?? null,
      phases: body.phases,
      createdBy: ctx.actor.userId,
    },
    {
      action: 'key_tasks.list.create',
      entityType: 'kt_list',
      view: (l) => ({ title: l.title, groupId: l.groupId, phases: l.phases.length }),
    },
  );
  return (await listDtos(ctx, [l]))[0]!;
}

// ---------------------------------------------------------------- tasks

function taskDto(ctx: ActorCtx, t: TaskRow): TaskDto {
  return {
    id: t.id,
    listId: t.listId,
    number: t.number,
    content: t.content,
    units: t.units,
    owners: t.owners,
    lead: t.lead,
    deadlineText: t.deadlineText,
    dueOn: t.dueOn,
    phase: t.phase,
    milestones: milestoneDtos(t, ctx.clock.now()),
    state: t.state as TaskState,
    progress: t.progress,
    overdue: isOverdue(t, ctx.clock.now()),
    escalatedAt: t.escalatedAt,
    doneAt: t.doneAt,
    lastReportAt: t.lastReportAt,
    supervisions: t.supervisions,
    interviews: t.interviews,
    actions: availableActions(taskWorkflow, ctx.actor, t),
  };
}

async function taskDetail(ctx: ActorCtx, t: TaskRow): Promise<TaskDetailDto> {
  const list = await listById(ctx.db, t.listId);
  const group = list?.groupId ? await groupById(ctx.db, list.groupId) : undefined;
  const events = await eventsOfTask(ctx.db, t.id);
  return {
    ...taskDto(ctx, t),
    listTitle: list?.title ?? '',
    groupName: group?.name ?? null,
    events: events.map((e) => ({
      id: e.id,
      ...stateEventTimeline(e),
      progress: e.progress,
      evidence: e.evidence,
      data: e.data,
    })),
  };
}

/** A `listId` filter naming no list in reach is a 404, never an empty page. */
async function checkListFilter(ctx: ActorCtx, listId: string | undefined) {
  if (listId && !(await findList(ctx.db, ctx.actor, listId))) throw notFound();
}

export async function listTasks(ctx: ActorCtx, q: TaskQuery): Promise<Page<TaskDto>> {
  keyTasksPolicy.require(ctx.actor, 'read');
  await checkListFilter(ctx, q.listId);
  const page = await listTaskRows(ctx.db, ctx.actor, q, ctx.clock.now());
  return { ...page, items: page.items.map((t) => taskDto(ctx, t)) };
}

export async function getTask(ctx: ActorCtx, id: string): Promise<TaskDetailDto> {
  const t = await readable(ctx, findTask, id);
  return taskDetail(ctx, t);
}

/** Inserts one task of `list` in the caller's transaction (R-TK-1: responsible units and a deadline). */
async function addTask(
  ctx: ActorCtx,
  list: ListRow,
  body: CreateTaskBody,
  meetingId: string | null = null,
): Promise<TaskRow> {
  if (body.phase && !list.phases.some((p) => p.key === body.phase))
    throw new AppError('key_tasks.unknown_phase', 422);
  checkMilestones(body.milestones, body.dueOn);
  const units = [...new Set(body.units)];
  const owners = checkedOwners(body.owners ?? [], units);
  const number = body.number ?? (await nextTaskNumber(ctx.db, list.id));
  if (await taskNumberTaken(ctx.db, list.id, number))
    throw new AppError('key_tasks.number_taken', 409, { number });
  const now = ctx.clock.now();
  const t = await insertTask(ctx.db, {
    id: ctx.ids(),
    listId: list.id,
    orgPath: list.orgPath,
    number,
    content: body.content,
    units,
    owners,
    lead: body.lead ?? units[0] ?? null,
    deadlineText: body.deadlineText ?? null,
    dueOn: body.dueOn,
    dueAt: endOfChinaDay(body.dueOn),
    phase: body.phase ?? null,
    milestones: (body.milestones ?? []).map((m) => ({ ...m, doneOn: m.doneOn ?? null })),
    state: 'open',
    meetingId,
    createdBy: ctx.actor.userId,
    createdAt: now,
    updatedAt: now,
  });
  await insertTaskEvent(ctx.db, {
    id: ctx.ids(),
    taskId: t.id,
    at: now,
    actorId: ctx.actor.userId,
    actorName: ctx.actor.displayName,
    action: 'create',
    fromState: null,
    toState: 'open',
    comment: null,
    progress: 0,
    evidence: [],
    data: {
      dueOn: t.dueOn,
      units,
      ...(owners.length ? { owners } : {}),
      ...(meetingId ? { meetingId } : {}),
    },
  });
  await auditRecord(ctx.db, ctx, t, {
    action: 'key_tasks.task.create',
    entityType: 'kt_task',
    after: { listId: list.id, number, units, owners, dueOn: t.dueOn, meetingId },
  });
  return t;
}

export async function createTask(ctx: ActorCtx, body: CreateTaskBody): Promise<TaskDetailDto> {
  keyTasksPolicy.require(ctx.actor, 'manage');
  const list = await findList(ctx.db, ctx.actor, body.listId, 'key_tasks.manage');
  if (!list) throw new AppError('key_tasks.list_not_found', 404);
  const t = await ctx.db.transaction((tx) => addTask({ ...ctx, db: tx }, list, body));
  return taskDetail(ctx, t);
}

/**
 * Edits a task (R-TK-1: responsible units and a deadline): the list's managers only; a done task answers 409.
 * A moved deadline clears the escalation mark so the new deadline escalates again when it passes; the change
 * is a timeline event (before → after) and an audit entry.
 */
export async function updateTask(ctx: ActorCtx, id: string, body: UpdateTaskBody): Promise<TaskDetailDto> {
  const t = await foundInReach(keyTasksPolicy, ctx, 'manage', () => findTask(ctx.db, ctx.actor, id));
  const list = await findList(ctx.db, ctx.actor, t.listId, 'key_tasks.manage');
  if (!list) throw notFound();
  if (t.state === 'done') throw new AppError('key_tasks.task_done', 409);
  if (body.phase && !list.phases.some((p) => p.key === body.phase))
    throw new AppError('key_tasks.unknown_phase', 422);
  const units = body.units ? [...new Set(body.units)] : t.units;
  const lead = body.lead === undefined ? t.lead : body.lead;
  if (lead && !units.includes(lead)) throw new AppError('key_tasks.lead_not_unit', 422);
  // units changed without owners: the owners of units no longer listed go with them
  const owners = checkedOwners(body.owners ?? t.owners.filter((o) => units.includes(o.unit)), units);
  const ownersChanged = JSON.stringify(owners) !== JSON.stringify(t.owners);
  checkMilestones(body.milestones ?? t.milestones, body.dueOn ?? t.dueOn);
  const patch: Partial<TaskRow> = {
    ...(body.content !== undefined && { content: body.content }),
    ...(body.units !== undefined && { units }),
    ...(ownersChanged && { owners }),
    ...(body.lead !== undefined && { lead: body.lead }),
    ...(body.deadlineText !== undefined && { deadlineText: body.deadlineText }),
    ...(body.phase !== undefined && { phase: body.phase }),
    ...(body.milestones !== undefined && {
      milestones: body.milestones.map((m) => ({ ...m, doneOn: m.doneOn ?? null })),
    }),
    ...(body.dueOn !== undefined &&
      body.dueOn !== t.dueOn && { dueOn: body.dueOn, dueAt: endOfChinaDay(body.dueOn), escalatedAt: null }),
  };
  const keys = Object.keys(patch).filter((k) => k !== 'dueAt' && k !== 'escalatedAt') as (keyof TaskRow)[];
  if (keys.length === 0) return taskDetail(ctx, t);
  const before = Object.fromEntries(keys.map((k) => [k, t[k]]));
  const after = Object.fromEntries(keys.map((k) => [k, patch[k]]));
  const now = ctx.clock.now();
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await updateTaskRow(tx, t.id, { ...patch, updatedAt: now });
    await insertTaskEvent(tx, {
      id: ctx.ids(),
      taskId: t.id,
      at: now,
      actorId: ctx.actor.userId,
      actorName: ctx.actor.displayName,
      action: 'edit',
      fromState: t.state,
      toState: t.state,
      comment: body.note ?? null,
      progress: null,
      evidence: [],
      data: { before, after },
    });
    await auditRecord(tx, ctx, t, {
      action: 'key_tasks.task.update',
      entityType: 'kt_task',
      before,
      after,
    });
    return row;
  });
  return taskDetail(ctx, updated);
}

export async function actOnTask(ctx: ActorCtx, id: string, body: TaskActionBody): Promise<TaskDetailDto> {
  const t = await readable(ctx, findTask, id);
  const updated = await transition(taskWorkflow, ctx, t, body.action, body);
  return taskDetail(ctx, updated);
}

/** The board of one list (R-TK-1): counts by responsible unit, by deadline month and by phase. */
export async function board(ctx: ActorCtx, listId: string): Promise<BoardDto> {
  keyTasksPolicy.require(ctx.actor, 'read');
  await checkListFilter(ctx, listId);
  const now = ctx.clock.now();
  const tasks = await allTaskRows(ctx.db, ctx.actor, { listId }, now);
  /** The posts and persons the tasks name for a unit (责任到人, S002-37), each once. */
  const ownersOf = (unit: string) => {
    const seen = new Map<string, { post: string; name: string }>();
    for (const t of tasks)
      for (const o of t.owners)
        if (o.unit === unit) seen.set(`${o.post}\u0000${o.name}`, { post: o.post, name: o.name });
    return [...seen.values()];
  };
  const group = <K extends string>(keyOf: (t: TaskRow) => string[], name: K) => {
    const m = new Map<string, TaskRow[]>();
    for (const t of tasks) for (const k of keyOf(t)) m.set(k, [...(m.get(k) ?? []), t]);
    return [...m.entries()].map(
      ([k, ts]) => ({ [name]: k, ...countsOf(ts, now) }) as CountsDto & Record<K, string>,
    );
  };
  return {
    listId,
    counts: countsOf(tasks, now),
    byUnit: group((t) => t.units, 'unit')
      .map((u) => ({ ...u, owners: ownersOf(u.unit) }))
      .sort((a, b) => b.total - a.total || a.unit.localeCompare(b.unit)),
    byDeadline: group((t) => [t.dueOn.slice(0, 7)], 'month').sort((a, b) => a.month.localeCompare(b.month)),
    byPhase: group((t) => [t.phase ?? ''], 'phase'),
  };
}

/** The rows of the xlsx export of one list (everything the actor may read in it). */
export async function exportTasks(
  ctx: ActorCtx,
  q: Omit<TaskQuery, 'page' | 'pageSize'>,
): Promise<{ list: ListRow | undefined; rows: (TaskDto & { lastComment: string })[] }> {
  keyTasksPolicy.require(ctx.actor, 'export');
  const list = q.listId ? await findList(ctx.db, ctx.actor, q.listId) : undefined;
  if (q.listId && !list) throw notFound();
  const rows = await allTaskRows(ctx.db, ctx.actor, q, ctx.clock.now());
  const out = [];
  for (const t of rows) {
    const events = await eventsOfTask(ctx.db, t.id);
    const last = [...events].reverse().find((e) => e.action === 'report' || e.action === 'complete');
    out.push({ ...taskDto(ctx, t), lastComment: last?.comment ?? '' });
  }
  return { list, rows: out };
}
