import { desc, eq, inArray } from 'drizzle-orm';
import { notify } from '../../server/modules/notifications/notifications.api';
import { notificationWebhooks, notifications } from '../../server/modules/notifications/notifications.table';
import { orgUnits } from '../../server/modules/org/org.table';
import { svcOrders } from '../../server/modules/services/services.table';
import { notifyAssigned, notifyOverdue } from '../../server/modules/work-orders/workOrders.notify';
import { workOrders } from '../../server/modules/work-orders/workOrders.table';
import type { AppDeps } from '../../server/platform/context';

/**
 * Demo notifications: the handling units' staff hear of the orders they hold (assigned; overdue when past
 * due), as the running system would have told them, the older ones already read; 铜都社区 has a WeCom group
 * robot, switched off (its key is a placeholder: staff paste their group's real one and switch it on).
 */
export async function seedDemoNotifications(
  deps: Pick<AppDeps, 'db' | 'clock' | 'ids' | 'pii'>,
  opts: { log?: (line: string) => void } = {},
) {
  const db = deps.db;
  const now = deps.clock.now();
  const held = await db
    .select()
    .from(workOrders)
    .where(inArray(workOrders.status, ['dispatched', 'in_progress', 'extension_pending']))
    .orderBy(desc(workOrders.updatedAt))
    .limit(60);
  let messages = 0;
  await db.transaction(async (tx) => {
    const ctx = { clock: deps.clock, ids: deps.ids, actor: undefined };
    for (const o of held) {
      // As the running system would have told them (workOrders.notify.ts), dated when the order was handed
      // over; what is older than two days has been read.
      const r = await notifyAssigned(tx, ctx, o);
      if (r.messageId) {
        messages++;
        const old = now.getTime() - o.updatedAt.getTime() > 2 * 86_400_000;
        await tx
          .update(notifications)
          .set({ createdAt: o.updatedAt, readAt: old ? now : null })
          .where(eq(notifications.messageId, r.messageId));
      }
      if (o.dueAt && o.dueAt < now && (await notifyOverdue(tx, ctx, o)).messageId) messages++;
    }
  });
  // Whoever ordered a service heard when it was accepted and when it was done (the latest 40 orders).
  const served = await db
    .select()
    .from(svcOrders)
    .where(inArray(svcOrders.status, ['accepted', 'in_service', 'served', 'confirmed', 'closed']))
    .orderBy(desc(svcOrders.updatedAt))
    .limit(40);
  await db.transaction(async (tx) => {
    const ctx = { clock: deps.clock, ids: deps.ids, actor: undefined };
    for (const o of served) {
      if (!o.orderedBy) continue;
      const steps = [
        ['service_order.accepted', o.acceptedAt],
        ['service_order.completed', o.checkOutAt],
      ] as const;
      for (const [event, at] of steps) {
        if (!at) continue;
        const r = await notify(tx, ctx, {
          event,
          params: { number: o.number, service: o.title, volunteer: o.assigneeName ?? '' },
          link: `/m/orders/${o.id}`,
          users: [o.orderedBy],
        });
        if (!r.messageId) continue;
        messages++;
        const old = now.getTime() - at.getTime() > 2 * 86_400_000;
        await tx
          .update(notifications)
          .set({ createdAt: at, readAt: old ? now : null })
          .where(eq(notifications.messageId, r.messageId));
      }
    }
  });
  const [tongdu] = await db.select().from(orgUnits).where(eq(orgUnits.name, '铜都社区'));
  if (tongdu) {
    const url = 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-demo-0000-0000-000000000000';
    await db.insert(notificationWebhooks).values({
      id: deps.ids(),
      orgUnitId: tongdu.id,
      orgPath: tongdu.path,
      kind: 'wecom',
      name: '铜都社区工作群',
      urlEnc: deps.pii.encrypt(url),
      urlMasked: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0000****',
      subtree: true,
      enabled: false,
      createdAt: now,
      updatedAt: now,
    });
  }
  opts.log?.(
    `notifications: ${messages} messages (staff holding orders, residents whose service orders were taken and done); a WeCom robot for 铜都社区 (off)`,
  );
}
