import { type SQL, and, asc, count, desc, eq, ilike, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { GroupListQuery, ListListQuery, TaskQuery } from '../../../shared/contracts/keyTasks';
import type { Permission } from '../../../shared/permissions';
import { rowsOfParent } from '../../platform/rowsOfParents';
import type { Db } from '../../platform/db';
import { findRowInScope } from '../../platform/findInScope';
import { firstRow } from '../../platform/firstRow';
import { type Page, type PageQuery, listPage } from '../../platform/listing';
import { type Actor, escapeLike, scopeWhere } from '../../platform/permissions';
import { reachScope } from '../../platform/scopeReach';
import { bumpingUpdater, rowInserter, rowUpdater } from '../../platform/rowAccessors';
import { ktGroupMembers, ktGroups, ktLists, ktMeetings, ktTaskEvents, ktTasks } from './keyTasks.table';

/**
 * Every query of the key-tasks tables. Reads AND the actor's reach in (keyTasks.policy.ts), so a group,
 * list or task out of reach is not found (404).
 */
export type GroupRow = typeof ktGroups.$inferSelect;
export type MemberRow = typeof ktGroupMembers.$inferSelect;
export type MeetingRow = typeof ktMeetings.$inferSelect;
export type ListRow = typeof ktLists.$inferSelect;
export type TaskRow = typeof ktTasks.$inferSelect;
export type TaskEventRow = typeof ktTaskEvents.$inferSelect;

/** Reading reaches up and down the tree; managing only down (the record in the actor's subtree). */
const scopeOf = (actor: Actor, permission: Permission, column: Parameters<typeof reachScope>[2]) =>
  permission === 'key_tasks.read' || permission === 'key_tasks.report'
    ? reachScope(actor, permission, column)
    : scopeWhere(actor, permission, column);

/** The group, list or task with this id in reach for `permission` (reading by default), else undefined (404). */
const finder =
  <T extends typeof ktGroups | typeof ktLists | typeof ktTasks>(table: T) =>
  (
    db: Db,
    actor: Actor,
    id: string,
    permission: Permission = 'key_tasks.read',
  ): Promise<T['$inferSelect'] | undefined> =>
    findRowInScope(db, table, id, scopeOf(actor, permission, table.orgPath));

/** A page of the groups or lists in reach for reading, newest first. */
const newestInReach =
  <T extends typeof ktGroups | typeof ktLists, Q extends PageQuery>(table: T) =>
  (db: Db, actor: Actor, q: Q): Promise<Page<T['$inferSelect']>> =>
    listPage(db, {
      table,
      where: reachScope(actor, 'key_tasks.read', table.orgPath),
      orderBy: [desc(table.createdAt), desc(table.id)],
      page: q,
    });

// ---------------------------------------------------------------- groups

export const findGroup = finder(ktGroups);

export const groupById = (db: Db, id: string) => firstRow(db, ktGroups, eq(ktGroups.id, id));

export const listGroupRows = newestInReach<typeof ktGroups, GroupListQuery>(ktGroups);

export const insertGroup = rowInserter(ktGroups);

export const updateGroupRow = bumpingUpdater(ktGroups);

export async function insertMembers(db: Db, rows: (typeof ktGroupMembers.$inferInsert)[]): Promise<void> {
  if (rows.length > 0) await db.insert(ktGroupMembers).values(rows);
}

export function membersOf(db: Db, groupId: string): Promise<MemberRow[]> {
  return rowsOfParent(
    db,
    ktGroupMembers,
    ktGroupMembers.groupId,
    groupId,
    asc(ktGroupMembers.sort),
    asc(ktGroupMembers.joinedOn),
    asc(ktGroupMembers.id),
  );
}

export async function memberCounts(db: Db, groupIds: string[]): Promise<Map<string, number>> {
  if (groupIds.length === 0) return new Map();
  const rows = await db
    .select({ groupId: ktGroupMembers.groupId, n: count() })
    .from(ktGroupMembers)
    .where(and(inArray(ktGroupMembers.groupId, groupIds), isNull(ktGroupMembers.leftOn)))
    .groupBy(ktGroupMembers.groupId);
  return new Map(rows.map((r) => [r.groupId, r.n]));
}

export async function maxMemberSort(db: Db, groupId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${ktGroupMembers.sort}), 0)::int` })
    .from(ktGroupMembers)
    .where(eq(ktGroupMembers.groupId, groupId));
  return r?.n ?? 0;
}

export async function endMember(db: Db, id: string, on: string, note: string | null): Promise<void> {
  await db
    .update(ktGroupMembers)
    .set({ leftOn: on, ...(note ? { note } : {}) })
    .where(eq(ktGroupMembers.id, id));
}

export function meetingsOf(db: Db, groupId: string): Promise<MeetingRow[]> {
  return rowsOfParent(
    db,
    ktMeetings,
    ktMeetings.groupId,
    groupId,
    desc(ktMeetings.heldOn),
    desc(ktMeetings.id),
  );
}

export const insertMeeting = rowInserter(ktMeetings);

/** Overdue, not-done tasks of the lists a group follows (escalated to it). */
export async function escalatedCount(db: Db, groupId: string, now: Date): Promise<number> {
  const [r] = await db
    .select({ n: count() })
    .from(ktTasks)
    .innerJoin(ktLists, eq(ktLists.id, ktTasks.listId))
    .where(and(eq(ktLists.groupId, groupId), ne(ktTasks.state, 'done'), lt(ktTasks.dueAt, now)));
  return r?.n ?? 0;
}

// ---------------------------------------------------------------- lists

export const findList = finder(ktLists);

export const listById = (db: Db, id: string) => firstRow(db, ktLists, eq(ktLists.id, id));

export const listListRows = newestInReach<typeof ktLists, ListListQuery>(ktLists);

export const insertList = rowInserter(ktLists);

export function listsOfGroup(db: Db, groupId: string): Promise<ListRow[]> {
  return db.select().from(ktLists).where(eq(ktLists.groupId, groupId));
}

// ---------------------------------------------------------------- tasks

export const findTask = finder(ktTasks);

const overdueSql = (now: Date): SQL => and(ne(ktTasks.state, 'done'), lt(ktTasks.dueAt, now))!;

function taskWhere(actor: Actor, q: Omit<TaskQuery, 'page' | 'pageSize'>, now: Date): SQL | undefined {
  return and(
    reachScope(actor, 'key_tasks.read', ktTasks.orgPath),
    q.listId ? eq(ktTasks.listId, q.listId) : undefined,
    q.state ? eq(ktTasks.state, q.state) : undefined,
    q.overdue === true ? overdueSql(now) : undefined,
    q.overdue === false ? sql`not (${overdueSql(now)})` : undefined,
    q.unit ? sql`${q.unit} = any(${ktTasks.units})` : undefined,
    q.q ? ilike(ktTasks.content, `%${escapeLike(q.q)}%`) : undefined,
  );
}

export function listTaskRows(db: Db, actor: Actor, q: TaskQuery, now: Date): Promise<Page<TaskRow>> {
  return listPage(db, {
    table: ktTasks,
    where: taskWhere(actor, q, now),
    orderBy: [asc(ktTasks.listId), asc(ktTasks.number), asc(ktTasks.id)],
    page: q,
  });
}

/** Every task of a query (board, export: a list holds tens of tasks, capped at 5,000). */
export function allTaskRows(
  db: Db,
  actor: Actor,
  q: Omit<TaskQuery, 'page' | 'pageSize'>,
  now: Date,
): Promise<TaskRow[]> {
  return db
    .select()
    .from(ktTasks)
    .where(taskWhere(actor, q, now))
    .orderBy(asc(ktTasks.number), asc(ktTasks.id))
    .limit(5000);
}

export async function tasksOfLists(db: Db, listIds: string[]): Promise<TaskRow[]> {
  if (listIds.length === 0) return [];
  return db.select().from(ktTasks).where(inArray(ktTasks.listId, listIds));
}

export async function nextTaskNumber(db: Db, listId: string): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`coalesce(max(${ktTasks.number}), 0)::int` })
    .from(ktTasks)
    .where(eq(ktTasks.listId, listId));
  return (r?.n ?? 0) + 1;
}

export async function taskNumberTaken(db: Db, listId: string, number: number): Promise<boolean> {
  const [r] = await db
    .select({ id: ktTasks.id })
    .from(ktTasks)
    .where(and(eq(ktTasks.listId, listId), eq(ktTasks.number, number)));
  return !!r;
}

export const insertTask = rowInserter(ktTasks);

export const updateTaskRow = rowUpdater(ktTasks);

export async function markEscalated(db: Db, id: string, now: Date): Promise<void> {
  await db.update(ktTasks).set({ escalatedAt: now }).where(eq(ktTasks.id, id));
}

export async function insertTaskEvent(db: Db, row: typeof ktTaskEvents.$inferInsert): Promise<void> {
  await db.insert(ktTaskEvents).values(row);
}

export function eventsOfTask(db: Db, taskId: string): Promise<TaskEventRow[]> {
  return rowsOfParent(
    db,
    ktTaskEvents,
    ktTaskEvents.taskId,
    taskId,
    asc(ktTaskEvents.at),
    asc(ktTaskEvents.id),
  );
}

/**
 * The joint meetings (联席会议) of the leading groups in reach of the actor (R-TK-1: as for the groups,
 * the subtree or above the actor's unit), held between two China dates, with their group's name.
 */
export function meetingsBetweenInReach(db: Db, actor: Actor, fromDate: string, toDate: string) {
  return db
    .select({ meeting: ktMeetings, groupName: ktGroups.name })
    .from(ktMeetings)
    .innerJoin(ktGroups, eq(ktGroups.id, ktMeetings.groupId))
    .where(
      and(
        reachScope(actor, 'key_tasks.read', ktMeetings.orgPath),
        sql`${ktMeetings.heldOn} >= ${fromDate}`,
        sql`${ktMeetings.heldOn} <= ${toDate}`,
      ),
    )
    .orderBy(asc(ktMeetings.heldOn))
    .limit(500);
}
