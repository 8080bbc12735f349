import { and, isNull, sql } from 'drizzle-orm';
import type { ActionBody } from '../../../shared/contracts/workOrders';
import {
  TRANSITIONS,
  WO_ACTIONS,
  WO_STATUSES,
  type WoAction,
  type WoStatus,
} from '../../../shared/contracts/workOrderMachine';
import { AppError } from '../../platform/errors';
import { defineWorkflow, machineTransitions, stepKey } from '../../platform/workflow';
import { statusEventWriter } from '../../platform/workflowEvents';
import { deadlineSteps, statusTableColumns, statusTransitionAudit } from '../../platform/workflowTable';
import { notifyAssigned, notifyDueSoon, notifyOverdue, notifyReturned } from './workOrders.notify';
import { recordRollup } from './workOrders.rollups';
import { escalate, markOverdue, remind } from './workOrders.sla';
import { woEscalations, woEvents, workOrders } from './workOrders.table';
import { allowedActions, mayAct } from './workOrders.policy';
import type { OrderRow } from './workOrders.repository';
import { invalidTransition, prepareAction } from './workOrders.usecases';

const DAY = 24 * 3_600_000;
/** "Due soon" (notifications): a day before the completion deadline. */
const DUE_SOON_MS = DAY;

/** An action's input: the request body, and who rates a follow-up (never taken from the body). */
export interface WoActionInput {
  body: ActionBody;
  source?: 'requester' | 'dispatcher' | 'system' | undefined;
}

/** States in which the completion deadline runs (the SLA clock, R-WO-3, R-LAW-WO-4). */
const RUNNING: WoStatus[] = [
  'submitted',
  'dispatched',
  'in_progress',
  'return_requested',
  'extension_pending',
];

/**
 * The work-order procedure on the platform workflow engine: the transition table is the shared
 * `workOrderMachine.ts` (which also drives the UI's buttons); scope per side is `mayAct`; the SLA steps
 * (R-WO-3: escalation of orders not accepted in time, overdue marking, the reminder the day after expiry)
 * are its deadlines, claimed in `wo_escalations`.
 */
export const workOrderWorkflow = defineWorkflow<WoStatus, OrderRow, WoAction, WoActionInput>({
  name: 'work-orders.order',
  states: WO_STATUSES,
  transitions: machineTransitions(WO_ACTIONS, TRANSITIONS),
  authorize: (actor, order, action) => mayAct(actor, order, action),
  prepare: (order, _action, input, ctx) => prepareAction(order, input, ctx),
  afterTransition: async (tx, ctx, e) => {
    await recordRollup(tx, { before: e.record, after: e.updated, action: e.input.body });
    // Who is told (notifications): the unit an order lands on, the centre a handler returns it to.
    if (
      e.to === 'dispatched' &&
      (e.action === 'dispatch' || e.action === 'reassign' || e.action === 'reject_return')
    )
      await notifyAssigned(tx, ctx, e.updated);
    else if (e.action === 'return') {
      const body = e.input.body as { note?: string };
      await notifyReturned(tx, ctx, e.updated, body.note ?? '');
    }
  },
  adapter: {
    ...statusTableColumns(workOrders),
    writeEvent: statusEventWriter(woEvents, 'orderId', (e) => ({
      publicNote: (e.event.publicNote as string | null | undefined) ?? null,
      attachments: (e.event.attachments as string[] | undefined) ?? [],
    })),
    audit: statusTransitionAudit('work_orders', 'work_order', {
      before: (e) => ({ orgUnitId: e.record.orgUnitId }),
      after: (e) => ({ orgUnitId: e.updated.orgUnitId }),
    }),
    steps: deadlineSteps(woEscalations, woEscalations.orderId),
  },
  errors: {
    invalidTransition: (order, ctx) => invalidTransition(order, ctx.actor),
    forbidden: (order, ctx) =>
      new AppError('common.forbidden', 403, {}, { allowed: allowedActions(ctx.actor, order) }),
    conflict: () => new AppError('common.conflict', 409),
  },
  deadlines: [
    {
      // Not accepted in time: one level up (grid → community), then back to the dispatcher's queue.
      name: 'escalated',
      states: ['dispatched'],
      due: workOrders.acceptDueAt,
      step: (o) => `accept:${o.acceptDueAt!.toISOString()}`,
      fire: (tx, ctx, o) => escalate(tx, ctx, o),
    },
    {
      // Due within DUE_SOON_MS: the handling unit is told once per deadline (an extension gets its own).
      name: 'due_soon',
      states: ['dispatched', 'in_progress', 'extension_pending'],
      due: workOrders.dueAt,
      afterMs: -DUE_SOON_MS,
      // Only orders given more than two days: a short time limit is urgent from the start.
      where: and(
        isNull(workOrders.overdueAt),
        sql`${workOrders.dueAt} - ${workOrders.createdAt} > interval '2 days'`,
      ),
      step: stepKey('due_soon:', workOrders.dueAt),
      fire: (tx, ctx, o) => notifyDueSoon(tx, ctx, o),
    },
    {
      name: 'overdue',
      states: RUNNING,
      due: workOrders.dueAt,
      where: isNull(workOrders.overdueAt),
      step: () => 'overdue',
      fire: async (tx, ctx, o) => {
        await markOverdue(tx, ctx, o);
        await notifyOverdue(tx, ctx, o);
      },
    },
    {
      // The reminder (催办) the day after expiry; a deadline moved by an extension gets its own.
      name: 'reminded',
      states: RUNNING,
      due: workOrders.dueAt,
      afterMs: DAY,
      // In SQL: orders reminded and still overdue stay out of the sweep's batch of 500.
      step: stepKey('remind:', workOrders.dueAt),
      fire: (tx, ctx, o) => remind(tx, ctx, o),
    },
  ],
});
