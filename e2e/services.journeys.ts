import type { Journey } from './harness';
import { call, PHONE, phoneLogin } from './lib';
import { chinaWeekEnd } from '../src/shared/chinaTime';

interface MyLedger {
  volunteer: { id: string; name: string } | null;
  points: { id: string; balance: number } | null;
  minutes: { id: string; balance: number } | null;
}

/** A number as the pages show it (with or without thousands separators). */
const shown = (n: number) => new RegExp(`^\\s*${String(n).split('').join('[,\\s]?')}\\s*$`);

export const servicesJourneys: Journey[] = [
  {
    name: 'a resident orders help for an elderly neighbour; a reporting party member serves; points are earned and redeemed',
    async run({ newPage, login, shot }) {
      // The reporting party member's balances before.
      const member = await newPage(PHONE);
      await phoneLogin(member, '/m/tasks', 'zhiyuan');
      const before = await call<MyLedger>(member, 'GET', '/api/ledger/me');
      if (!before.volunteer) throw new Error('zhiyuan has no volunteer profile');

      // 1. The resident orders 助老陪诊 for 张奶奶 next door.
      const resident = await newPage(PHONE);
      await phoneLogin(resident, '/m', 'jumin');
      await shot(resident, 'resident-home');
      await resident.getByTestId('tile-/m/services').click();
      await resident.getByTestId('order-助老陪诊').click();
      await resident.getByTestId('for-whom').getByText('为邻居/家人').click();
      await resident.getByTestId('beneficiary-name').fill('张奶奶');
      await resident.getByTestId('beneficiary-phone').fill('13972001234');
      await resident.getByTestId('beneficiary-address').fill('铜都社区3栋2单元201室');
      await resident
        .getByTestId('order-description')
        .fill('张奶奶腿脚不便,周四上午去市二医院复查,需要有人陪同');
      await shot(resident, 'order-form');
      await resident.getByTestId('submit-order').click();
      await resident.waitForURL(/\/m\/orders\/[0-9a-f-]{36}$/);
      const orderId = resident.url().split('/').at(-1)!;
      await resident.getByTestId('order-status-card').getByText('待派单').first().waitFor();
      await shot(resident, 'ordered');

      // 2. The community worker dispatches it from the board to the suggested reporting party member.
      const staff = await newPage();
      await login(staff, 'tongdu');
      const order = await call<{ number: string }>(staff, 'GET', `/api/services/orders/${orderId}`);
      await staff.goto('/services/orders?view=queue');
      await staff.getByTestId(`dispatch-button-${order.number}`).click();
      const drawer = staff.getByTestId('candidates-drawer');
      await drawer.getByTestId(`dispatch-${before.volunteer.name}`).waitFor();
      await shot(staff, 'candidates');
      await drawer.getByTestId(`dispatch-${before.volunteer.name}`).click();
      await staff.goto(`/services/orders/${orderId}`);
      await staff.getByText('待接单').first().waitFor();

      // 3. The member accepts on the phone, checks in, serves 90 minutes, checks out.
      await member.goto('/m/tasks');
      const card = member.getByTestId('order-card').filter({ hasText: '张奶奶' }).first();
      await card.getByTestId('action-accept').click();
      await card.getByTestId('action-check_in').waitFor();
      await shot(member, 'accepted');
      await card.getByTestId('action-check_in').click();
      await card.getByTestId('action-check_out').waitFor();
      await call(member, 'POST', '/api/dev/clock', { advanceMs: 90 * 60_000 });
      await card.getByTestId('action-check_out').click();
      await member
        .getByTestId('order-card')
        .filter({ hasText: '张奶奶' })
        .first()
        .waitFor({ state: 'detached' });
      // Accepting again is refused (409) and changes nothing.
      const again = await member.evaluate(async (id) => {
        const me = await (await fetch('/api/auth/me')).json();
        const res = await fetch(`/api/services/orders/${id}/actions`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ action: 'accept' }),
        });
        return res.status;
      }, orderId);
      if (again !== 409) throw new Error(`second accept answered ${again}`);

      // 4. The resident confirms and rates.
      await resident.goto(`/m/orders/${orderId}`);
      await resident.getByTestId('action-confirm').click();
      await resident.getByTestId('rating').locator('li').nth(4).click();
      await resident.getByTestId('rating-comment').fill('志愿者非常耐心,全程陪着张奶奶,谢谢!');
      await resident.getByTestId('confirm-ok').click();
      await resident.getByTestId('rated').waitFor();
      await shot(resident, 'rated');
      const rated = await call<{ status: string; rating: number }>(
        resident,
        'GET',
        `/api/services/orders/${orderId}`,
      );
      if (rated.status !== 'confirmed' || rated.rating !== 5)
        throw new Error(`rated: ${JSON.stringify(rated)}`);

      // 5. The member's hours and points rose.
      const after = await call<MyLedger>(member, 'GET', '/api/ledger/me');
      const gained = (after.minutes?.balance ?? 0) - (before.minutes?.balance ?? 0);
      const points = (after.points?.balance ?? 0) - (before.points?.balance ?? 0);
      if (gained !== 90 || points <= 0)
        throw new Error(`expected +90 min and some points, got ${gained} min, ${points} points`);
      await member.goto('/m/hours');
      await member.getByTestId('m-hours-value').waitFor();
      await shot(member, 'hours');
      await member.goto('/m/points');
      await member.getByTestId('m-points-balance').getByText(shown(after.points!.balance)).waitFor();
      await shot(member, 'points');

      // 6. The member redeems points at the demo merchant's counter (铜都社区爱心超市).
      await member.goto('/m/redeem');
      await member.getByTestId('show-code').click();
      const code = (await member.getByTestId('code').innerText()).replace(/\s/g, '');
      await shot(member, 'redeem-code');
      const merchant = await newPage(PHONE);
      await phoneLogin(merchant, '/counter', 'shangjia');
      await merchant.getByTestId('counter-code').fill(code);
      await merchant.getByTestId('counter-lookup').click();
      await merchant.getByTestId('counter-holder').getByText(before.volunteer.name).waitFor();
      const first = merchant.locator('[data-testid^="qty-"]').first();
      const qty = (await first.evaluate((e) => e.tagName)) === 'INPUT' ? first : first.locator('input');
      await qty.fill('1');
      await qty.blur();
      await shot(merchant, 'counter');
      await merchant.getByTestId('counter-confirm').click();
      await merchant.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      await merchant.getByTestId('redeem-result').waitFor();
      await shot(merchant, 'redeemed');

      // 7. The statement shows the redemption and the ledger verifies without discrepancy.
      const final = await call<MyLedger>(member, 'GET', '/api/ledger/me');
      if (!(final.points!.balance < after.points!.balance))
        throw new Error(`points did not go down: ${after.points!.balance} → ${final.points!.balance}`);
      await staff.goto(`/ledger/accounts/${final.points!.id}`);
      await staff.getByTestId('ledger-balance').getByText(shown(final.points!.balance)).waitFor();
      await staff.getByTestId('ledger-line').first().waitFor();
      await shot(staff, 'statement');
      const admin = await newPage();
      await login(admin, 'liukt');
      const verify = await call<{ ok: boolean; discrepancies: unknown[] }>(
        admin,
        'POST',
        '/api/ledger/verify',
      );
      if (!verify.ok || verify.discrepancies.length)
        throw new Error(`ledger verify: ${JSON.stringify(verify).slice(0, 300)}`);
    },
  },
  {
    name: 'the duty rota refuses to book one person at two stations at once',
    async run({ newPage, login, shot }) {
      const page = await newPage();
      await login(page, 'tongdu');
      const [station] = await call<{ id: string; communityId: string }[]>(
        page,
        'GET',
        '/api/services/stations',
      );
      const second = await call<{ id: string }>(page, 'POST', '/api/services/stations', {
        communityId: station!.communityId,
        name: '铜都社区二号邻里驿站',
      });
      // Monday 08:00 China time of this week, so it shows in the rota's current week at any hour (a slot
      // "later today" fell into next week's rota late on a Sunday evening in China).
      const WEEK = 7 * 86_400_000;
      const start = new Date(chinaWeekEnd(new Date()).getTime() - WEEK + 8 * 3_600_000);
      const person = `周建国${String(Date.now()).slice(-3)}`;
      const slot = (stationId: string, from: number, to: number) => ({
        stationId,
        personType: 'party_leader',
        personName: person,
        startsAt: new Date(start.getTime() + from * 3_600_000).toISOString(),
        endsAt: new Date(start.getTime() + to * 3_600_000).toISOString(),
      });
      await call(page, 'POST', '/api/services/duty', slot(station!.id, 0, 2));
      const clash = await page.evaluate(
        async (body) => {
          const me = await (await fetch('/api/auth/me')).json();
          const res = await fetch('/api/services/duty', {
            method: 'POST',
            headers: {
              'content-type': 'application/json',
              'x-csrf-token': me.csrfToken,
              'accept-language': 'zh-CN',
            },
            body: JSON.stringify(body),
          });
          return { status: res.status, body: await res.json() };
        },
        slot(second.id, 1, 3),
      );
      if (clash.status !== 409) throw new Error(`double booking answered ${clash.status}`);
      await page.goto('/services/duty');
      await page.getByTestId('duty-table').getByText(person).first().waitFor();
      await shot(page, 'rota');
    },
  },
];
