import { writeAudit } from '../../platform/audit';
import { auditRecord } from '../../platform/recordAudit';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { sweepWorkflow } from '../../platform/workflow';
import { statusStepColumns } from '../../platform/workflowEvents';
import { unitById } from '../org/org.api';
import { notifyAssigned } from './workOrders.notify';
import { recordRollup } from './workOrders.rollups';
import { settingsFor } from './workOrders.settings';
import { addOrderReminder, insertOrderEvents, updateOrderRow } from './workOrders.repository';
import { type OrderRow, deadlineOf } from './workOrders.usecases';
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

// ---------------------------------------------------------------- the deadlines' steps (on the locked row)
// The sweep runs them without an actor: their events are named 系统.

/** Not accepted in time: one level up (grid → community), or back to the dispatcher's queue (R-WO-3). */
export async function escalate(tx: Db, ctx: UseCaseCtx, o: OrderRow) {
  const now = ctx.clock.now();
  const unit = await unitById(tx, o.orgUnitId);
  const parentId = unit?.kind === 'grid' || unit?.kind === 'community' ? unit.parentId : null;
  const parent = parentId ? await unitById(tx, parentId) : undefined;
  const settings = await settingsFor(tx, o.dispatchPath);
  const toDispatcher =
    !parent || parent.kind === 'subdistrict' || o.escalationLevel + 1 >= settings.maxEscalationLevel;
  const target = toDispatcher ? null : parent;
  const patch = target
    ? {
        orgUnitId: target.id,
        orgPath: target.path,
        ...(await deadlineOf(
          tx,
          now,
          settings.acceptLimits[o.priority as 'regular'] ?? settings.acceptLimits.regular,
        ).then((d) => ({ acceptDueAt: d.at, acceptDueEstimated: d.estimated }))),
      }
    : {
        // Back to the governance centre's queue, flagged for supervision.
        status: 'submitted',
        orgUnitId: o.dispatchPath.split('/').filter(Boolean).at(-1)!,
        orgPath: o.dispatchPath,
        acceptDueAt: null,
        acceptDueEstimated: false,
        supervised: true,
      };
  await updateOrderRow(tx, o.id, {
    ...patch,
    escalationLevel: o.escalationLevel + 1,
    version: o.version + 1,
    updatedAt: now,
  });
  await recordRollup(tx, { sweep: 'escalate', orderId: o.id, before: o });
  await insertOrderEvents(tx, {
    ...statusStepColumns(
      ctx,
      {
        action: 'escalate',
        from: o.status,
        to: target ? o.status : 'submitted',
        note: target ? `超时未签收，升级至${target.name}` : '超时未签收，退回街道综治中心督办',
        data: { level: o.escalationLevel + 1, to: target?.id ?? null },
      },
      now,
    ),
    orderId: o.id,
  });
  if (target) await notifyAssigned(tx, ctx, { ...o, ...patch } as OrderRow);
  await writeAudit(tx, ctx, {
    action: 'work_orders.escalate',
    entityType: 'work_order',
    entityId: o.id,
    orgPath: target?.path ?? o.dispatchPath,
    before: { orgUnitId: o.orgUnitId, status: o.status },
    after: { orgUnitId: patch.orgUnitId, level: o.escalationLevel + 1 },
  });
}

/** Past the completion deadline (R-LAW-WO-4): marked once. */
export async function markOverdue(tx: Db, ctx: UseCaseCtx, o: OrderRow) {
  const now = ctx.clock.now();
  await updateOrderRow(tx, o.id, { overdueAt: now, updatedAt: now });
  await recordRollup(tx, { sweep: 'overdue', orderId: o.id });
  await insertOrderEvents(tx, {
    ...statusStepColumns(ctx, { action: 'overdue', note: '已超过办理时限' }, now),
    orderId: o.id,
  });
}

/** The automatic reminder (催办) the day after expiry. */
export async function remind(tx: Db, ctx: UseCaseCtx, o: OrderRow) {
  const now = ctx.clock.now();
  await addOrderReminder(tx, o.id, now);
  await insertOrderEvents(tx, {
    ...statusStepColumns(ctx, { action: 'remind', note: '超期次日自动催办' }, now),
    orderId: o.id,
  });
  await auditRecord(tx, ctx, o, {
    action: 'work_orders.remind',
    entityType: 'work_order',
    after: { automatic: true },
  });
}
