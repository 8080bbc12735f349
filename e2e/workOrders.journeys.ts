import type { Journey } from './harness';
import { call } from './lib';

export const workOrderJourneys: Journey[] = [
  {
    name: 'an order dispatched to a community rings the bell of its staff; opening the notification leads to the order',
    async run({ newPage, login, shot }) {
      const page = await newPage();
      await page.goto('/login');
      const created = await page.evaluate(async () => {
        const res = await fetch('/api/public/work-orders', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'report',
            categoryCode: 'safety_hazard',
            description: '铜都社区5栋单元门门禁坏了，外人随意进出',
            address: '铜都社区5栋',
            requesterPhone: '13900003333',
          }),
        });
        return res.json();
      });
      await login(page, 'xiangl');
      const list = await call<{ items: { id: string; communityId: string | null }[] }>(
        page,
        'GET',
        `/api/work-orders?q=${created.number}`,
      );
      const order = list.items[0]!;
      await call(page, 'POST', `/api/work-orders/${order.id}/actions`, {
        action: 'dispatch',
        unitId: order.communityId,
      });

      const staff = await newPage();
      await login(staff, 'tongdu');
      const { unread } = await call<{ unread: number }>(staff, 'GET', '/api/notifications/unread');
      if (unread < 1) throw new Error('no unread notification for the community worker');
      await staff.goto('/workbench');
      await staff.getByTestId('notification-bell').click();
      const item = staff.getByTestId('notifications-list').getByText(created.number).first();
      await item.waitFor();
      await shot(staff, 'inbox');
      await item.click();
      await staff.waitForURL(`**/work-orders/${order.id}`);
      await staff.getByTestId('wo-detail').waitFor();
      const after = await call<{ unread: number }>(staff, 'GET', '/api/notifications/unread');
      if (after.unread !== unread - 1)
        throw new Error(`unread ${unread} → ${after.unread}, expected one fewer`);
    },
  },
  {
    name: 'an order left unaccepted escalates when the clock is advanced',
    async run({ newPage, login, shot }) {
      const page = await newPage();
      // Reported anonymously (no session yet), as a resident on the street would.
      await page.goto('/login');
      const created = await page.evaluate(async () => {
        const res = await fetch('/api/public/work-orders', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            kind: 'report',
            categoryCode: 'safety_hazard',
            description: '铜都社区3栋楼道堆放杂物,存在消防隐患',
            address: '铜都社区3栋',
            requesterPhone: '13900002222',
          }),
        });
        return res.json();
      });
      await login(page, 'xiangl');
      const list = await call<{ items: { id: string; gridId: string | null; communityId: string | null }[] }>(
        page,
        'GET',
        `/api/work-orders?q=${created.number}`,
      );
      const order = list.items[0]!;
      const grids = await call<{ id: string; kind: string }[]>(
        page,
        'GET',
        `/api/org/units?parentId=${order.communityId}`,
      );
      const grid = grids.find((g) => g.kind === 'grid')!;
      await call(page, 'POST', `/api/work-orders/${order.id}/actions`, {
        action: 'dispatch',
        unitId: grid.id,
        priority: 'emergency',
      });
      await call(
        page,
        'POST',
        '/api/dev/clock',
        { advanceMs: 45 * 60_000 } /* emergency: accept within 30 minutes */,
      );
      await call(page, 'POST', '/api/work-orders/sla/sweep');
      await page.goto(`/work-orders/${order.id}`);
      await page.getByTestId('wo-detail').waitFor();
      await page
        .getByTestId('wo-timeline')
        .getByText(/升级|escalat/i)
        .first()
        .waitFor();
      await shot(page, 'escalated');
      const detail = await call<{ escalationLevel: number; orgUnitId: string }>(
        page,
        'GET',
        `/api/work-orders/${order.id}`,
      );
      if (detail.escalationLevel !== 1 || detail.orgUnitId !== order.communityId) {
        throw new Error(`expected escalation to the community, got ${JSON.stringify(detail)}`);
      }
    },
  },
];
