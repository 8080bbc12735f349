import type { UseCaseCtx } from '../../platform/context';
import { sweepWorkflow } from '../../platform/workflow';
import { workOrderWorkflow } from './workOrders.workflow';

/**
 * The SLA sweep (R-WO-3, R-LAW-WO-4): escalates orders not accepted in time one level up
 * (grid → community → subdistrict), marks overdue orders, and sends the reminder (催办) the day after
 * expiry. These are the deadlines of `workOrderWorkflow`, fired by the platform's one workflow sweep job
 * (`platform.workflow-sweep`); this runs the same steps by hand (`POST /api/work-orders/sla/sweep`). Every
 * step locks its order (SKIP LOCKED) and is claimed in `wo_escalations` first, so it happens once even
 * when several app processes sweep at the same time, and a restart simply sweeps again.
 */
export async function runSlaSweep(
  ctx: UseCaseCtx,
): Promise<{ escalated: number; overdue: number; reminded: number }> {
  const n = await sweepWorkflow(workOrderWorkflow, ctx);
  return { escalated: n.escalated ?? 0, overdue: n.overdue ?? 0, reminded: n.reminded ?? 0 };
}
