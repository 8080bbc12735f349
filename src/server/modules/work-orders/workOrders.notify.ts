import { chinaMinute } from '../../../shared/chinaTime';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { brief, notify } from '../notifications/notifications.api';
import { unitById } from '../org/org.api';
import type { OrderRow } from './workOrders.usecases';

/**
 * Who hears what about a work order (notifications, issue "notifications on every channel"): the handling
 * unit's staff when an order is assigned to them or is due soon or overdue, the dispatching centre when a
 * handler returns one. Called inside the transaction that made the change.
 */

export { chinaMinute };

/** What notify needs of the caller's context (a use case's, or the demo seed's). */
type NotifyCtx = Pick<UseCaseCtx, 'clock' | 'ids' | 'actor'>;

const link = (o: OrderRow) => `/work-orders/${o.id}`;
const handlingUnit = (o: OrderRow) => ({ id: o.orgUnitId, path: o.orgPath });

/** Dispatched, reassigned, escalated or sent back to its unit: the unit's handlers are told. */
export async function notifyAssigned(tx: Db, ctx: NotifyCtx, o: OrderRow) {
  const unit = await unitById(tx, o.orgUnitId);
  return notify(tx, ctx, {
    event: 'work_order.assigned',
    params: {
      number: o.number,
      title: brief(o.description),
      unit: unit?.name ?? '',
      due: chinaMinute(o.acceptDueAt ?? o.dueAt),
    },
    link: link(o),
    holders: { permission: 'work_orders.handle', orgUnitId: o.orgUnitId },
    unit: handlingUnit(o),
  });
}

/** A handler returned the order (退单): the dispatching centre is told, with the reason. */
export async function notifyReturned(tx: Db, ctx: UseCaseCtx, o: OrderRow, reason: string): Promise<void> {
  const centre = o.dispatchPath.split('/').filter(Boolean).at(-1);
  if (!centre) return;
  await notify(tx, ctx, {
    event: 'work_order.returned',
    params: { number: o.number, title: brief(o.description), reason },
    link: link(o),
    holders: { permission: 'work_orders.dispatch', orgUnitId: centre },
    unit: { id: centre, path: o.dispatchPath },
  });
}

/** Tells the handling unit's handlers about the order's time limit: soon due, or passed. */
function notifyDeadline(
  tx: Db,
  ctx: NotifyCtx,
  o: OrderRow,
  event: 'work_order.due_soon' | 'work_order.overdue',
) {
  return notify(tx, ctx, {
    event,
    params: { number: o.number, title: brief(o.description), due: chinaMinute(o.dueAt) },
    link: link(o),
    holders: { permission: 'work_orders.handle', orgUnitId: o.orgUnitId },
    unit: handlingUnit(o),
  });
}

export async function notifyDueSoon(tx: Db, ctx: NotifyCtx, o: OrderRow) {
  return notifyDeadline(tx, ctx, o, 'work_order.due_soon');
}

export async function notifyOverdue(tx: Db, ctx: NotifyCtx, o: OrderRow) {
  return notifyDeadline(tx, ctx, o, 'work_order.overdue');
}
