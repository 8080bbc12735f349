import { chinaDate } from '../../../shared/chinaTime';
import {
  TASK_STATES,
  type TaskAction,
  type TaskActionBody,
  type TaskState,
} from '../../../shared/contracts/keyTasks';
import { auditRecord } from '../../platform/recordAudit';
import { AppError } from '../../platform/errors';
import { commentGuard, defineWorkflow } from '../../platform/workflow';
import { stateEventWriter } from '../../platform/workflowEvents';
import { stateTableColumns } from '../../platform/workflowTable';
import { reaches } from '../../platform/scopeReach';
import { keyTasksPolicy } from './keyTasks.policy';
import { type TaskRow, groupById, insertTaskEvent, listById, markEscalated } from './keyTasks.repository';
import { ktSteps, ktTaskEvents, ktTasks } from './keyTasks.table';

/** The end of a China calendar day: a deadline "by 31 August" holds through that whole day. */
export const endOfChinaDay = (date: string) => new Date(`${date}T23:59:59.999+08:00`);
export { chinaDate };

const needComment = commentGuard('key_tasks.comment_required');

/**
 * A key task's procedure (R-TK-1). Responsible units report progress with evidence (open → in_progress)
 * and complete it with evidence (→ done); the unit running the list reopens it, supervises it (督办) and
 * interviews a responsible unit (约谈), each a recorded step on the timeline. A task still not done at the
 * end of its deadline day is escalated to the list's leading group by the deadline sweep (once per deadline).
 */
export const taskWorkflow = defineWorkflow<TaskState, TaskRow, TaskAction, TaskActionBody>({
  name: 'key_tasks.task',
  states: TASK_STATES,
  transitions: {
    report: {
      from: ['open', 'in_progress'],
      to: 'in_progress',
      permission: 'key_tasks.report',
      guard: (t, input) => {
        needComment(t, input);
        if (input.progress === null || input.progress === undefined)
          throw new AppError('key_tasks.progress_required', 422);
      },
    },
    complete: {
      from: ['open', 'in_progress'],
      to: 'done',
      permission: 'key_tasks.report',
      guard: (t, input) => {
        needComment(t, input);
        if (!input.evidence || input.evidence.length === 0)
          throw new AppError('key_tasks.evidence_required', 422);
      },
    },
    reopen: {
      from: ['done'],
      to: 'in_progress',
      permission: 'key_tasks.supervise',
      guard: needComment,
    },
    supervise: {
      from: ['open', 'in_progress'],
      to: null,
      permission: 'key_tasks.supervise',
      guard: needComment,
    },
    interview: {
      from: ['open', 'in_progress', 'done'],
      to: null,
      permission: 'key_tasks.supervise',
      guard: (t, input) => {
        needComment(t, input);
        if (!input.unit || !t.units.includes(input.unit)) throw new AppError('key_tasks.unit_required', 422);
      },
    },
  },
  authorize: (actor, t, action) =>
    action === 'report' || action === 'complete'
      ? reaches(actor, 'key_tasks.report', t.orgPath)
      : keyTasksPolicy.can(actor, 'supervise', t),
  prepare: (t, action, input, ctx) => {
    const now = ctx.clock.now();
    const event = {
      comment: input.comment ?? null,
      evidence: input.evidence ?? [],
      progress: null as number | null,
    };
    switch (action) {
      case 'report':
        event.progress = input.progress ?? t.progress;
        return {
          patch: { progress: event.progress, lastReportAt: now },
          event,
          data: { progress: event.progress },
        };
      case 'complete':
        event.progress = 100;
        return {
          patch: { progress: 100, doneAt: now, lastReportAt: now },
          event,
          data: { late: t.dueAt.getTime() < now.getTime() },
        };
      case 'reopen':
        return { patch: { doneAt: null }, event };
      case 'supervise':
        return { patch: { supervisions: t.supervisions + 1 }, event };
      case 'interview':
        return { patch: { interviews: t.interviews + 1 }, event, data: { unit: input.unit } };
      default:
        return { event };
    }
  },
  adapter: {
    ...stateTableColumns(ktTasks),
    writeEvent: stateEventWriter(ktTaskEvents, 'taskId', (e) => ({
      progress: (e.event.progress as number | null | undefined) ?? null,
      evidence: (e.event.evidence as string[] | undefined) ?? [],
    })),
    audit: (e) => ({
      action: `key_tasks.task.${e.action}`,
      entityType: 'kt_task',
      entityId: e.record.id,
      orgPath: e.record.orgPath,
      before: { state: e.from, progress: e.record.progress },
      after: { state: e.to, progress: e.updated.progress, ...e.data },
    }),
    steps: { table: ktSteps, recordId: ktSteps.recordId, step: ktSteps.step, at: ktSteps.at },
  },
  errors: { invalidTransition: () => new AppError('key_tasks.invalid_action', 409) },
  deadlines: [
    {
      // R-TK-1: non-performance is escalated — the deadline day has ended and the task is not done.
      name: 'escalate',
      states: ['open', 'in_progress'],
      due: ktTasks.dueAt,
      step: (t) => `escalate:${t.dueAt.toISOString()}`,
      fire: async (tx, ctx, t) => {
        const now = ctx.clock.now();
        const list = await listById(tx, t.listId);
        const group = list?.groupId ? await groupById(tx, list.groupId) : undefined;
        await markEscalated(tx, t.id, now);
        const data = {
          due: t.dueOn,
          groupId: group?.id ?? null,
          groupName: group?.name ?? null,
          progress: t.progress,
        };
        await insertTaskEvent(tx, {
          id: ctx.ids(),
          taskId: t.id,
          at: now,
          actorId: null,
          actorName: null,
          action: 'escalate',
          fromState: t.state,
          toState: t.state,
          comment: null,
          progress: null,
          evidence: [],
          data,
        });
        await auditRecord(tx, ctx, t, {
          action: 'key_tasks.task.escalate',
          entityType: 'kt_task',
          after: { state: t.state, ...data },
        });
      },
    },
  ],
});
