import { chinaDate } from '../../../shared/chinaTime';
import {
  WIA_STATES,
  type WiaAction,
  type WiaActionBody,
  type WiaState,
} from '../../../shared/contracts/workItemAccess';
import { auditRecord } from '../../platform/recordAudit';
import { AppError } from '../../platform/errors';
import { commentGuard, defineWorkflow } from '../../platform/workflow';
import { stateEventWriter } from '../../platform/workflowEvents';
import { stateTableColumns, stateTransitionAudit } from '../../platform/workflowTable';
import { wiaPolicy } from './workItemAccess.policy';
import {
  type ApplicationRow,
  insertEvent,
  insertOpinion,
  markOverdue,
  publishItem,
} from './workItemAccess.repository';
import { wiaApplications, wiaEvents, wiaSteps } from './workItemAccess.table';

export { chinaDate };

const needComment = commentGuard('work_item_access.comment_required');

/**
 * R-AC-1: the organisation and civil-affairs departments consult the departments concerned and record
 * their opinions; the leading group decides — admitted (only with trainers named and funds that follow the
 * item: 权随责走、费随事转、事费配套), refused, or routed to the purchase-of-services list. The decision is due
 * within 15 working days of the application (`due_at`); the sweep marks a late one overdue, once.
 */
export const applicationWorkflow = defineWorkflow<WiaState, ApplicationRow, WiaAction, WiaActionBody>({
  name: 'work_item_access.application',
  states: WIA_STATES,
  transitions: {
    consult: { from: ['submitted'], to: 'consulting', permission: 'work_item_access.decide' },
    opinion: {
      from: ['consulting'],
      to: null,
      permission: 'work_item_access.decide',
      guard: (_a, input) => {
        if (!input.department || !input.stance || !input.comment)
          throw new AppError('work_item_access.opinion_fields', 422);
      },
    },
    approve: {
      from: ['submitted', 'consulting'],
      to: 'approved',
      permission: 'work_item_access.decide',
      guard: (a) => {
        if (a.trainingStaff.length === 0) throw new AppError('work_item_access.training_required', 422);
        if (a.fundsFen <= 0) throw new AppError('work_item_access.funds_required', 422);
      },
    },
    refuse: {
      from: ['submitted', 'consulting'],
      to: 'refused',
      permission: 'work_item_access.decide',
      guard: needComment,
    },
    route_purchase: {
      from: ['submitted', 'consulting'],
      to: 'purchase',
      permission: 'work_item_access.decide',
      guard: needComment,
    },
  },
  authorize: (actor, a) => wiaPolicy.can(actor, 'decide', a),
  prepare: (a, action, input, ctx) => {
    const now = ctx.clock.now();
    const comment = input.comment ?? null;
    const decided = {
      decidedAt: now,
      decisionNote: comment,
      meetingRef: input.meetingRef ?? null,
    };
    const listed = (list: 'admitted' | 'purchase') => async (tx: Parameters<typeof publishItem>[0]) => {
      await publishItem(tx, ctx.ids(), a, list, list === 'admitted' ? 'approved' : 'purchase', now);
    };
    const late = a.dueAt !== null && a.dueAt.getTime() < now.getTime();
    switch (action) {
      case 'opinion':
        return {
          event: { comment: `${input.department}：${comment}` },
          data: { department: input.department, stance: input.stance },
          effects: [
            (tx) =>
              insertOpinion(tx, {
                id: ctx.ids(),
                applicationId: a.id,
                department: input.department!,
                stance: input.stance!,
                text: comment!,
                at: now,
                actorId: ctx.actor?.userId ?? null,
                actorName: ctx.actor?.displayName ?? null,
              }),
          ],
        };
      case 'approve':
        return { patch: decided, event: { comment }, data: { late }, effects: [listed('admitted')] };
      case 'route_purchase':
        return { patch: decided, event: { comment }, data: { late }, effects: [listed('purchase')] };
      case 'refuse':
        return { patch: decided, event: { comment }, data: { late } };
      default:
        return { event: { comment } };
    }
  },
  adapter: {
    ...stateTableColumns(wiaApplications),
    writeEvent: stateEventWriter(wiaEvents, 'applicationId'),
    audit: stateTransitionAudit('work_item_access', 'wia_application'),
    steps: { table: wiaSteps, recordId: wiaSteps.recordId, step: wiaSteps.step, at: wiaSteps.at },
  },
  errors: { invalidTransition: () => new AppError('work_item_access.invalid_action', 409) },
  deadlines: [
    {
      // R-AC-1: no decision within 15 working days of the application.
      name: 'overdue',
      states: ['submitted', 'consulting'],
      due: wiaApplications.dueAt,
      step: (a) => `overdue:${a.dueAt?.toISOString()}`,
      fire: async (tx, ctx, a) => {
        const now = ctx.clock.now();
        await markOverdue(tx, a.id, now);
        await insertEvent(tx, {
          id: ctx.ids(),
          applicationId: a.id,
          at: now,
          actorId: null,
          actorName: null,
          action: 'overdue',
          fromState: a.state,
          toState: a.state,
          comment: null,
          data: { due: a.dueAt?.toISOString() },
        });
        await auditRecord(tx, ctx, a, {
          action: 'work_item_access.overdue',
          entityType: 'wia_application',
          after: { state: a.state, due: a.dueAt?.toISOString() },
        });
      },
    },
  ],
});
