import type { Permission } from '../../../shared/permissions';
import { notify } from '../notifications/notifications.api';
import {
  SO_ACTIONS,
  SO_STATUSES,
  SO_TRANSITIONS,
  type SoAction,
  type SoStatus,
} from '../../../shared/contracts/serviceOrderMachine';
import { AppError } from '../../platform/errors';
import { defineWorkflow, machineTransitions } from '../../platform/workflow';
import { statusEventWriter } from '../../platform/workflowEvents';
import { deadlineSteps, statusTableColumns, statusTransitionAudit } from '../../platform/workflowTable';
import { type SoActionInput, TIMEOUT_INPUT, invalidTransition, prepareAction } from './services.orders';
import { allowedActions, mayAct } from './services.policy';
import type { SvcOrderRow } from './services.repository';
import { svcOrderEvents, svcOrders, svcSweepSteps } from './services.table';

/**
 * Who may take a step at all, by side (the shared table's `permission`, plus staff acting for a team or
 * organisation without a login, and for an order they placed on someone's behalf); `mayAct` then decides
 * for this order.
 */
function permissionOf(action: SoAction): Permission | Permission[] | null {
  const t = SO_TRANSITIONS[action];
  if (t.side === 'server' || t.side === 'resident') return [t.permission!, 'services.dispatch'];
  return t.permission;
}

/**
 * Service orders (R-SV-1 点单 → 派单 → 接单) on the platform workflow engine: the transition table is the
 * shared `serviceOrderMachine.ts`; the accept time (default 24 h per community) is its deadline, after
 * which the order returns to the community's queue by the system-only `timeout` step, claimed in
 * `svc_sweep_steps`.
 */
export const serviceOrderWorkflow = defineWorkflow<SoStatus, SvcOrderRow, SoAction, SoActionInput>({
  name: 'services.order',
  states: SO_STATUSES,
  transitions: machineTransitions(SO_ACTIONS, SO_TRANSITIONS, permissionOf),
  authorize: (actor, o, action) => mayAct(actor, o, action),
  prepare: (o, _action, input, ctx) => prepareAction(o, input, ctx),
  // The one who ordered hears when someone takes the order on and when the service is done (notifications).
  afterTransition: async (tx, ctx, e) => {
    const o = e.updated;
    if (!o.orderedBy || (e.action !== 'accept' && e.action !== 'check_out')) return;
    await notify(tx, ctx, {
      event: e.action === 'accept' ? 'service_order.accepted' : 'service_order.completed',
      params: { number: o.number, service: o.title, volunteer: o.assigneeName ?? '' },
      link: `/m/orders/${o.id}`,
      users: [o.orderedBy],
    });
  },
  adapter: {
    ...statusTableColumns(svcOrders),
    writeEvent: statusEventWriter(svcOrderEvents, 'orderId'),
    audit: statusTransitionAudit('services', 'svc_order', {
      before: (e) => ({ assigneeId: e.record.assigneeId }),
      orgPathOf: (e) => e.record.orgPath,
    }),
    steps: deadlineSteps(svcSweepSteps, svcSweepSteps.orderId),
  },
  errors: {
    invalidTransition: (o, ctx, action) => invalidTransition(o, ctx.actor, action as SoAction),
    forbidden: (o, ctx, action) =>
      new AppError(
        // Nobody confirms (and so credits) the service they gave themselves.
        action === 'confirm' && o.assigneeUserId === ctx.actor?.userId
          ? 'services.confirm_own_service'
          : 'services.not_yours',
        403,
        {},
        { allowed: allowedActions(ctx.actor, o) },
      ),
    // Someone else moved it first (a second accept racing the first): answer from the order as it is now.
    conflict: (fresh, ctx, action) =>
      fresh
        ? invalidTransition(fresh, ctx.actor, action as SoAction)
        : new AppError('workflow.conflict', 409),
  },
  deadlines: [
    {
      name: 'returned',
      states: ['dispatched'],
      due: svcOrders.acceptDueAt,
      step: (o) => `timeout:${o.acceptDueAt!.toISOString()}`,
      action: 'timeout',
      input: () => TIMEOUT_INPUT,
    },
  ],
});
