import { z } from 'zod';
import { pageQuery } from './pageQuery';
import { stateEventFields } from './stateEvents';
import { timestamps, unitRef } from './dtoFields';
import { requiredText as text } from './fields';

/**
 * Contracts of the key-tasks module (R-TK-1): leading groups (领导小组) with members and joint meetings
 * (联席会议), key-task lists (重点任务清单) with responsible units, deadlines, phases, progress reports
 * with evidence, supervision (督办), interviews (约谈) and escalation of overdue tasks.
 */

const date = z.iso.date();

export const MEMBER_ROLES = ['leader', 'deputy', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];
export const TASK_STATES = ['open', 'in_progress', 'done'] as const;
export type TaskState = (typeof TASK_STATES)[number];
export const TASK_ACTIONS = ['report', 'complete', 'reopen', 'supervise', 'interview'] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];
/**
 * What the leading group records: joint meetings (例会 `regular`, 专题会议 `ad_hoc`) and its field visits
 * (seed 002 四(三) 会议调度、调研学习、现场指导, S002-41): 调研 `survey` and 现场指导 `site_guidance`.
 */
export const MEETING_KINDS = ['regular', 'ad_hoc', 'survey', 'site_guidance'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
/** The field visits among MEETING_KINDS: they name a place and the units visited. */
export const VISIT_KINDS = ['survey', 'site_guidance'] as const satisfies readonly MeetingKind[];
export const isVisitKind = (kind: MeetingKind): boolean => (VISIT_KINDS as readonly string[]).includes(kind);
/** How often a leading group's regular joint meeting (例会) is due. */
export const MEETING_CADENCES = ['monthly', 'quarterly'] as const;
export type MeetingCadence = (typeof MEETING_CADENCES)[number];

/** Seed 003 四、工作步骤: the programme's four phases. */
export const SEED_003_PHASES = [
  { key: 'plan', name: '方案制定阶段', from: '2023-09-01', to: '2023-09-30' },
  { key: 'implement', name: '组织实施阶段', from: '2023-10-01', to: '2024-03-31' },
  { key: 'improve', name: '全面提升阶段', from: '2024-03-01', to: '2024-06-30' },
  { key: 'consolidate', name: '巩固总结阶段', from: '2024-06-01', to: '2024-08-31' },
] as const;

const memberInput = z.strictObject({
  role: z.enum(MEMBER_ROLES),
  name: text(40),
  post: text(120),
  /** The member's unit (成员单位). */
  unit: z.string().trim().max(60).nullish(),
});

/**
 * A responsible unit's post and person (seed 002 四(一) 责任到岗、责任到人, S002-37): `unit` is one of the
 * task's responsible units, each named at most once.
 */
export const ownerItem = z.strictObject({ unit: text(60), post: text(60), name: text(40) });
export type TaskOwner = z.infer<typeof ownerItem>;

// ---------------------------------------------------------------- leading groups

export const createGroupBody = z.strictObject({
  orgUnitId: z.uuid(),
  name: text(120),
  officeUnit: z.string().trim().max(60).nullish(),
  officeHead: z.string().trim().max(40).nullish(),
  officeDeputy: z.string().trim().max(40).nullish(),
  duties: z.string().trim().max(2000).nullish(),
  meetingCadence: z.enum(MEETING_CADENCES).nullish(),
  /** The day the members' terms start (the document's date). */
  since: date,
  members: z.array(memberInput).max(200),
});
export type CreateGroupBody = z.infer<typeof createGroupBody>;

export const updateGroupBody = z
  .strictObject({
    name: text(120),
    officeUnit: z.string().trim().max(60).nullable(),
    officeHead: z.string().trim().max(40).nullable(),
    officeDeputy: z.string().trim().max(40).nullable(),
    duties: z.string().trim().max(2000).nullable(),
    meetingCadence: z.enum(MEETING_CADENCES).nullable(),
  })
  .partial();
export type UpdateGroupBody = z.infer<typeof updateGroupBody>;

/** A member joins (`since`); given `replacesId`, that member leaves the same day (成员单位自行调整). */
export const addMemberBody = memberInput.extend({
  since: date,
  replacesId: z.uuid().nullish(),
  note: z.string().trim().max(200).nullish(),
});
export type AddMemberBody = z.infer<typeof addMemberBody>;

export const endMemberBody = z.strictObject({ on: date, note: z.string().trim().max(200).nullish() });
export type EndMemberBody = z.infer<typeof endMemberBody>;

export const groupListQuery = z.object({ ...pageQuery });
export type GroupListQuery = z.infer<typeof groupListQuery>;

export const memberSchema = z.object({
  id: z.string(),
  role: z.enum(MEMBER_ROLES),
  name: z.string(),
  post: z.string(),
  unit: z.string().nullable(),
  joinedOn: z.string(),
  leftOn: z.string().nullable(),
  note: z.string().nullable(),
});
export type MemberDto = z.infer<typeof memberSchema>;

export const meetingSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  kind: z.enum(MEETING_KINDS),
  heldOn: z.string(),
  title: z.string(),
  place: z.string().nullable(),
  unitsVisited: z.array(z.string()),
  agenda: z.string().nullable(),
  attendees: z.array(z.string()),
  decisions: z.array(z.object({ text: z.string(), taskId: z.string().nullish() })),
  minutes: z.string().nullable(),
  createdAt: z.date(),
});
export type MeetingDto = z.infer<typeof meetingSchema>;

export const groupSchema = z.object({
  id: z.string(),
  ...unitRef,
  name: z.string(),
  officeUnit: z.string().nullable(),
  officeHead: z.string().nullable(),
  officeDeputy: z.string().nullable(),
  duties: z.string().nullable(),
  meetingCadence: z.enum(MEETING_CADENCES).nullable(),
  memberCount: z.number(),
  abilities: z.object({ manage: z.boolean() }),
  ...timestamps,
});
export type GroupDto = z.infer<typeof groupSchema>;

export const groupDetailSchema = groupSchema.extend({
  members: z.array(memberSchema),
  former: z.array(memberSchema),
  meetings: z.array(meetingSchema),
  /** Tasks of the lists this group follows that are overdue (escalated to it). */
  escalated: z.number(),
  /**
   * The regular joint meeting by the cadence: the current period ('2026-12' or '2026-Q4'), its last day, whether
   * a regular meeting was held in it, and whether the previous period (since the group was set up) had none.
   */
  cadence: z
    .object({ period: z.string(), dueOn: z.string(), held: z.boolean(), previousMissed: z.boolean() })
    .nullable(),
});
export type GroupDetailDto = z.infer<typeof groupDetailSchema>;

/**
 * A joint meeting or a field visit (调研, 现场指导: with the place and the units visited); each decision may
 * become a key task of a list the group follows (`task`: responsible units, their owners, deadline).
 */
export const createMeetingBody = z.strictObject({
  kind: z.enum(MEETING_KINDS),
  heldOn: date,
  title: text(120),
  place: z.string().trim().max(120).nullish(),
  unitsVisited: z.array(text(60)).max(50).nullish(),
  agenda: z.string().trim().max(4000).nullish(),
  attendees: z.array(text(40)).max(200),
  minutes: z.string().trim().max(20000).nullish(),
  decisions: z
    .array(
      z.strictObject({
        text: text(1000),
        task: z
          .strictObject({
            listId: z.uuid(),
            units: z.array(text(60)).min(1).max(20),
            owners: z.array(ownerItem).max(20).nullish(),
            dueOn: date,
          })
          .nullish(),
      }),
    )
    .max(50),
});
export type CreateMeetingBody = z.infer<typeof createMeetingBody>;

// ---------------------------------------------------------------- lists and tasks

const phaseItem = z.strictObject({
  key: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_]{0,39}$/),
  name: text(40),
  from: date,
  to: date,
});

export const createListBody = z.strictObject({
  orgUnitId: z.uuid(),
  groupId: z.uuid().nullish(),
  title: text(200),
  source: z.string().trim().max(200).nullish(),
  phases: z.array(phaseItem).max(12).default([]),
});
export type CreateListBody = z.infer<typeof createListBody>;

export const listListQuery = z.object({ ...pageQuery });
export type ListListQuery = z.infer<typeof listListQuery>;

export const countsSchema = z.object({
  total: z.number(),
  open: z.number(),
  inProgress: z.number(),
  done: z.number(),
  overdue: z.number(),
});
export type CountsDto = z.infer<typeof countsSchema>;

export const taskListSchema = z.object({
  id: z.string(),
  ...unitRef,
  groupId: z.string().nullable(),
  groupName: z.string().nullable(),
  title: z.string(),
  source: z.string().nullable(),
  phases: z.array(phaseItem),
  counts: countsSchema,
  abilities: z.object({ manage: z.boolean(), export: z.boolean() }),
  createdAt: z.date(),
});
export type TaskListDto = z.infer<typeof taskListSchema>;

/** A milestone (节点) of a task: no later than the task's deadline; `doneOn` once reached. */
export const milestoneItem = z.strictObject({
  title: text(100),
  dueOn: date,
  doneOn: date.nullish(),
});

export const createTaskBody = z.strictObject({
  listId: z.uuid(),
  number: z.number().int().min(1).max(9999).nullish(),
  content: text(2000),
  /** Responsible units (责任单位), the lead first. */
  units: z.array(text(60)).min(1).max(20),
  /** Per responsible unit, its responsible post and person (责任到岗、责任到人). */
  owners: z.array(ownerItem).max(20).nullish(),
  lead: z.string().trim().max(60).nullish(),
  /** The last day (inclusive, China time). */
  dueOn: date,
  deadlineText: z.string().trim().max(40).nullish(),
  phase: z.string().trim().max(40).nullish(),
  milestones: z.array(milestoneItem).max(20).nullish(),
});
export type CreateTaskBody = z.infer<typeof createTaskBody>;

/**
 * Edit a task: content, responsible units and their owners, lead, deadline, phase (a done task is not edited).
 * Units changed without `owners` drop the owners of the units no longer listed.
 */
export const updateTaskBody = z
  .strictObject({
    content: text(2000),
    units: z.array(text(60)).min(1).max(20),
    owners: z.array(ownerItem).max(20),
    lead: z.string().trim().max(60).nullable(),
    dueOn: date,
    deadlineText: z.string().trim().max(40).nullable(),
    phase: z.string().trim().max(40).nullable(),
    milestones: z.array(milestoneItem).max(20),
    note: z.string().trim().max(500).nullish(),
  })
  .partial();
export type UpdateTaskBody = z.infer<typeof updateTaskBody>;

export const taskActionBody = z.strictObject({
  action: z.enum(TASK_ACTIONS),
  comment: z.string().trim().max(2000).nullish(),
  /** report: percent done. */
  progress: z.number().int().min(0).max(100).nullish(),
  /** report/complete: what shows it (documents, photos, minutes, links), one line each. */
  evidence: z.array(text(300)).max(20).nullish(),
  /** interview: the unit interviewed (one of the task's units). */
  unit: z.string().trim().max(60).nullish(),
});
export type TaskActionBody = z.infer<typeof taskActionBody>;

export const taskQuery = z.object({
  listId: z.uuid().optional(),
  state: z.enum(TASK_STATES).optional(),
  /** Only tasks past their deadline and not done. */
  overdue: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  unit: z.string().trim().min(1).max(60).optional(),
  q: z.string().trim().min(1).max(60).optional(),
  ...pageQuery,
});
export type TaskQuery = z.infer<typeof taskQuery>;

export const taskSchema = z.object({
  id: z.string(),
  listId: z.string(),
  number: z.number(),
  content: z.string(),
  units: z.array(z.string()),
  owners: z.array(z.object({ unit: z.string(), post: z.string(), name: z.string() })),
  lead: z.string().nullable(),
  deadlineText: z.string().nullable(),
  dueOn: z.string(),
  phase: z.string().nullable(),
  milestones: z.array(
    z.object({ title: z.string(), dueOn: z.string(), doneOn: z.string().nullable(), overdue: z.boolean() }),
  ),
  state: z.enum(TASK_STATES),
  progress: z.number(),
  overdue: z.boolean(),
  escalatedAt: z.date().nullable(),
  doneAt: z.date().nullable(),
  lastReportAt: z.date().nullable(),
  supervisions: z.number(),
  interviews: z.number(),
  actions: z.array(z.enum(TASK_ACTIONS)),
});
export type TaskDto = z.infer<typeof taskSchema>;

export const taskEventSchema = z.object({
  id: z.string(),
  ...stateEventFields,
  progress: z.number().nullable(),
  evidence: z.array(z.string()),
  data: z.record(z.string(), z.unknown()),
});
export type TaskEventDto = z.infer<typeof taskEventSchema>;

export const taskDetailSchema = taskSchema.extend({
  listTitle: z.string(),
  groupName: z.string().nullable(),
  events: z.array(taskEventSchema),
});
export type TaskDetailDto = z.infer<typeof taskDetailSchema>;

export const boardSchema = z.object({
  listId: z.string(),
  counts: countsSchema,
  /** Per responsible unit, also the posts and persons its tasks name for it (责任到人), each once. */
  byUnit: z.array(
    countsSchema.extend({
      unit: z.string(),
      owners: z.array(z.object({ post: z.string(), name: z.string() })),
    }),
  ),
  byDeadline: z.array(countsSchema.extend({ month: z.string() })),
  byPhase: z.array(countsSchema.extend({ phase: z.string() })),
});
export type BoardDto = z.infer<typeof boardSchema>;
