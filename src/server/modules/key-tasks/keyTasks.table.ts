import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import {
  childColumns,
  createdByAndAt,
  createdByVersionedTimestamps,
  eventsTable,
  pathIndex,
  stateComment,
  stepsTable,
  ts,
} from '../../platform/columns';
import { scopedTable } from '../../platform/scopedTable';

/**
 * A leading group (领导小组, R-TK-1; seed 003 appendix 1): set up by a unit (`org_unit_id`/`org_path`),
 * with an office (办公室) in one of its departments, a head and a deputy. Members are rows of
 * `kt_group_members`; a change closes a row and opens another, so the history stays.
 */
export const ktGroups = scopedTable('kt_groups', {
  name: text('name').notNull(),
  officeUnit: text('office_unit'),
  officeHead: text('office_head'),
  officeDeputy: text('office_deputy'),
  duties: text('duties'),
  /** How often its joint meeting (例会) is held: monthly | quarterly; null = as needed. */
  meetingCadence: text('meeting_cadence'),
  ...createdByVersionedTimestamps(),
});

/** A member of a leading group: role 组长/副组长/成员, post and unit as the document gives them; `left_on` ends it. */
export const ktGroupMembers = pgTable(
  'kt_group_members',
  {
    ...childColumns('groupId', 'group_id'),
    /** leader | deputy | member */
    role: text('role').notNull(),
    name: text('name').notNull(),
    post: text('post').notNull(),
    /** The member's unit (成员单位), when the document names it apart from the post. */
    unit: text('unit'),
    sort: integer('sort').notNull().default(0),
    joinedOn: date('joined_on', { mode: 'string' }).notNull(),
    leftOn: date('left_on', { mode: 'string' }),
    note: text('note'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [index('kt_group_members_group_idx').on(t.groupId, t.sort)],
);

/**
 * A joint meeting (联席会议) of a leading group, or one of its field visits (seed 002 四(三), S002-41:
 * 调研 `survey`, 现场指导 `site_guidance`): when, agenda, who attended, decisions (a decision may become a key
 * task: `taskId`), minutes (a visit's findings). A visit records where it went (`place`) and the units it
 * visited (`units_visited`). `org_path` = the group's path.
 */
export const ktMeetings = pgTable(
  'kt_meetings',
  {
    ...childColumns('groupId', 'group_id'),
    /** regular | ad_hoc | survey | site_guidance */
    kind: text('kind').notNull(),
    heldOn: date('held_on', { mode: 'string' }).notNull(),
    title: text('title').notNull(),
    /** Where it was held; for a visit, where the group went. */
    place: text('place'),
    /** A visit's units (communities, villages, offices) visited; empty for a meeting. */
    unitsVisited: text('units_visited').array().notNull().default(sql`'{}'::text[]`),
    agenda: text('agenda'),
    attendees: jsonb('attendees').$type<string[]>().notNull().default([]),
    decisions: jsonb('decisions').$type<{ text: string; taskId?: string | null }[]>().notNull().default([]),
    minutes: text('minutes'),
    ...createdByAndAt(),
  },
  (t) => [index('kt_meetings_group_idx').on(t.groupId, t.heldOn)],
);

/**
 * A key-task list (重点任务清单) of one programme: seed 003's 30 tasks, seed 002's 16. Owned by a unit,
 * followed by a leading group (`group_id`), with the programme's phases (seed 003 四: four phases).
 */
export const ktLists = scopedTable('kt_lists', {
  groupId: uuid('group_id'),
  title: text('title').notNull(),
  source: text('source'),
  phases: jsonb('phases')
    .$type<{ key: string; name: string; from: string; to: string }[]>()
    .notNull()
    .default([]),
  ...createdByVersionedTimestamps(),
});

/**
 * A key task (R-TK-1): responsible units (责任单位, one or more, the first leads), for a unit its responsible
 * post and person (`owners`, seed 002 四(一) 责任到岗、责任到人, S002-37: at most one per unit), a deadline (`due_on`,
 * the last day; `deadline_text` as the document words it, e.g. 2024年8月前), an optional phase, progress
 * and a state (open → in_progress → done). `due_at` is the end of `due_on` China time: the workflow sweep
 * escalates a task not done by then to the leading group (`escalated_at`). `org_path` = the list's path.
 */
export const ktTasks = pgTable(
  'kt_tasks',
  {
    ...childColumns('listId', 'list_id'),
    number: integer('number').notNull(),
    content: text('content').notNull(),
    units: text('units').array().notNull(),
    /** Per responsible unit (one of `units`), the responsible post and person. */
    owners: jsonb('owners').$type<{ unit: string; post: string; name: string }[]>().notNull().default([]),
    lead: text('lead'),
    deadlineText: text('deadline_text'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    dueAt: ts('due_at').notNull(),
    phase: text('phase'),
    /** Milestones (节点) with their own dates, each no later than the task's deadline; `doneOn` once reached. */
    milestones: jsonb('milestones')
      .$type<{ title: string; dueOn: string; doneOn: string | null }[]>()
      .notNull()
      .default([]),
    /** open | in_progress | done */
    state: text('state').notNull(),
    progress: integer('progress').notNull().default(0),
    lastReportAt: ts('last_report_at'),
    doneAt: ts('done_at'),
    escalatedAt: ts('escalated_at'),
    supervisions: integer('supervisions').notNull().default(0),
    interviews: integer('interviews').notNull().default(0),
    meetingId: uuid('meeting_id'),
    ...createdByVersionedTimestamps(),
  },
  (t) => [
    uniqueIndex('kt_tasks_list_number_uq').on(t.listId, t.number),
    pathIndex('kt_tasks_path_idx', t.orgPath),
    index('kt_tasks_due_idx').on(t.dueAt),
  ],
);

/** A task's timeline: progress reports with evidence, completion, 督办, 约谈, escalation. */
export const ktTaskEvents = eventsTable('kt_task_events', 'taskId', 'task_id', 'kt_task_events_task_idx', {
  ...stateComment(),
  progress: integer('progress'),
  evidence: jsonb('evidence').$type<string[]>().notNull().default([]),
});

/** Deadline steps the workflow sweep took (each fires once per task and key). */
export const ktSteps = stepsTable('kt_steps', 'recordId', 'record_id');
