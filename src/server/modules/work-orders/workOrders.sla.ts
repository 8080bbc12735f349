import { and, eq, inArray, isNull, lt, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { orgUnits } from '../org/org.table';
import { deadlineOf } from './workOrders.usecases';
import { recordRollup } from './workOrders.rollups';
import { settingsFor } from './workOrders.settings';
import { woEscalations, woEvents, workOrders } from './workOrders.table';

const DAY = 24 * 3_600_000;

/** Claims a step for an order; false when another process (or an earlier sweep) already took it. */
async function claim(tx: Db, orderId: string, step: string, at: Date): Promise<boolean> {
  const rows = await tx.insert(woEscalations).values({ orderId, step, at }).onConflictDoNothing().returning();
  return rows.length > 0;
}

/**
 * The SLA sweep (R-WO-3, R-LAW-WO-4): escalates orders not accepted in time one level up
 * (grid → community → subdistrict), marks overdue orders, and sends the reminder (催办) the day after
 * expiry. Every step is claimed in `wo_escalations` first, so it happens once even when several app
 * processes sweep at the same time, and a restart simply sweeps again.
 */
export async function runSlaSweep(
  ctx: UseCaseCtx,
): Promise<{ escalated: number; overdue: number; reminded: number }> {
  const now = ctx.clock.now();
  const result = { escalated: 0, overdue: 0, reminded: 0 };
  const system = { ...ctx, actor: undefined };

  const late = await ctx.db
    .select()
    .from(workOrders)
    .where(and(eq(workOrders.status, 'dispatched'), lt(workOrders.acceptDueAt, now)))
    .limit(500);
  for (const o of late) {
    await ctx.db.transaction(async (tx) => {
      if (!(await claim(tx, o.id, `accept:${o.acceptDueAt!.toISOString()}`, now))) return;
      const [unit] = await tx.select().from(orgUnits).where(eq(orgUnits.id, o.orgUnitId));
      const parentId = unit?.kind === 'grid' || unit?.kind === 'community' ? unit.parentId : null;
      const [parent] = parentId ? await tx.select().from(orgUnits).where(eq(orgUnits.id, parentId)) : [];
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
      // Only if nobody accepted or changed it since it was read (optimistic version check).
      const changed = await tx
        .update(workOrders)
        .set({ ...patch, escalationLevel: o.escalationLevel + 1, version: o.version + 1, updatedAt: now })
        .where(and(eq(workOrders.id, o.id), eq(workOrders.version, o.version)))
        .returning({ id: workOrders.id });
      if (changed.length === 0) return;
      await recordRollup(tx, { sweep: 'escalate', orderId: o.id, before: o });
      await tx.insert(woEvents).values({
        id: ctx.ids(),
        orderId: o.id,
        at: now,
        actorName: '系统',
        action: 'escalate',
        fromStatus: o.status,
        toStatus: target ? o.status : 'submitted',
        note: target ? `超时未签收,升级至${target.name}` : '超时未签收,退回街道综治中心督办',
        data: { level: o.escalationLevel + 1, to: target?.id ?? null },
      });
      await writeAudit(tx, system, {
        action: 'work_orders.escalate',
        entityType: 'work_order',
        entityId: o.id,
        orgPath: target?.path ?? o.dispatchPath,
        before: { orgUnitId: o.orgUnitId, status: o.status },
        after: { orgUnitId: patch.orgUnitId, level: o.escalationLevel + 1 },
      });
      result.escalated++;
    });
  }

  const running = ['submitted', 'dispatched', 'in_progress', 'return_requested', 'extension_pending'];
  const overdue = await ctx.db
    .select()
    .from(workOrders)
    .where(and(inArray(workOrders.status, running), lt(workOrders.dueAt, now), isNull(workOrders.overdueAt)))
    .limit(500);
  for (const o of overdue) {
    await ctx.db.transaction(async (tx) => {
      if (!(await claim(tx, o.id, 'overdue', now))) return;
      await tx.update(workOrders).set({ overdueAt: now, updatedAt: now }).where(eq(workOrders.id, o.id));
      await recordRollup(tx, { sweep: 'overdue', orderId: o.id });
      await tx.insert(woEvents).values({
        id: ctx.ids(),
        orderId: o.id,
        at: now,
        actorName: '系统',
        action: 'overdue',
        note: '已超过办理时限',
      });
      result.overdue++;
    });
  }

  const remind = await ctx.db
    .select()
    .from(workOrders)
    .where(and(inArray(workOrders.status, running), lt(workOrders.dueAt, new Date(now.getTime() - DAY))))
    .limit(500);
  for (const o of remind) {
    await ctx.db.transaction(async (tx) => {
      if (!(await claim(tx, o.id, `remind:${o.dueAt!.toISOString()}`, now))) return;
      await tx
        .update(workOrders)
        .set({ reminders: sql`${workOrders.reminders} + 1`, updatedAt: now })
        .where(eq(workOrders.id, o.id));
      await tx.insert(woEvents).values({
        id: ctx.ids(),
        orderId: o.id,
        at: now,
        actorName: '系统',
        action: 'remind',
        note: '超期次日自动催办',
      });
      await writeAudit(tx, system, {
        action: 'work_orders.remind',
        entityType: 'work_order',
        entityId: o.id,
        orgPath: o.orgPath,
        after: { automatic: true },
      });
      result.reminded++;
    });
  }
  return result;
}
