import type { Journey } from './harness';
import { call, PHONE, phoneLogin } from './lib';

export const merchantsJourneys: Journey[] = [
  {
    name: 'R-VP-1: staff register a redemption point and stock it; a volunteer redeems with a phone code at its counter; the community settles; the report counts the new point',
    async run({ newPage, login, shot }) {
      const staff = await newPage();
      await login(staff, 'tongdu');
      const communities = await call<{ id: string; name: string }[]>(
        staff,
        'GET',
        '/api/org/units?q=铜都社区&kind=community',
      );
      const tongdu = communities.find((c) => c.name === '铜都社区');
      if (!tongdu) throw new Error('铜都社区 not found');
      const before = await call<{ total: number }>(
        staff,
        'GET',
        `/api/merchants/points?year=${new Date().getFullYear()}&pageSize=1`,
      );
      // Register (API) and stock it through the page; a fresh name per run.
      const shopName = `铜都旅程便利店${String(Date.now()).slice(-4)}`;
      const point = await call<{ id: string }>(staff, 'POST', '/api/merchants/points', {
        kind: 'merchant',
        name: shopName,
        address: '铜都社区下陆大道1号',
        contactPhone: '13800138000',
        fenPerPoint: 10,
        orgUnitId: tongdu.id,
      });
      await staff.goto(`/merchants/points/${point.id}`);
      await staff.getByTestId('item-new').click();
      const form = staff.getByTestId('item-form');
      await form.locator('#name').fill('旅程毛巾');
      await form.locator('#pricePoints').fill('10');
      await form.locator('#stock').fill('3');
      await staff.locator('.ant-modal-footer .ant-btn-primary').click();
      await staff.getByTestId('catalogue').getByText('旅程毛巾').waitFor();
      await staff.getByText('138****8000').waitFor();
      await shot(staff, 'point');

      // The volunteer shows a code picked for this point.
      const vol = await newPage(PHONE);
      await phoneLogin(vol, '/m/redeem', 'zhiyuan');
      await vol.getByTestId('balance').waitFor();
      const balance = Number((await vol.getByTestId('balance').innerText()).replace(/\D/g, ''));
      if (balance < 10) throw new Error(`zhiyuan has only ${balance} points`);
      await vol.getByTestId('show-code').click();
      const code = (await vol.getByTestId('code').innerText()).replace(/\s/g, '');
      if (!/^\d{8}$/.test(code)) throw new Error(`bad code ${code}`);
      await shot(vol, 'code');

      // Community staff work the new point's counter.
      await staff.goto(`/counter?point=${point.id}`);
      await staff.getByTestId('counter-code').fill(code);
      await staff.getByTestId('counter-lookup').click();
      await staff.getByTestId('counter-holder').waitFor();
      const qty = staff.locator('[data-testid="qty-旅程毛巾"]');
      const input = (await qty.evaluate((e) => e.tagName)) === 'INPUT' ? qty : qty.locator('input');
      await input.fill('2');
      await input.blur();
      await staff.getByTestId('counter-total').getByText('20').waitFor();
      await staff.getByTestId('counter-confirm').click();
      await staff.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      await staff.getByTestId('redeem-result').waitFor();
      await shot(staff, 'redeemed');

      // The phone sees the redemption and the lower balance.
      await vol.reload();
      await vol
        .getByTestId('balance')
        .getByText(String(balance - 20))
        .waitFor();
      await vol.getByTestId('redeem-recent').getByText(shopName).first().waitFor();
      await shot(vol, 'after');

      // The same code again is refused.
      const again = await staff.evaluate(
        async ({ pointId, code }) => {
          const me = await (await fetch('/api/auth/me')).json();
          const res = await fetch('/api/merchants/redemptions', {
            method: 'POST',
            headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
            body: JSON.stringify({
              pointId,
              code,
              items: [{ itemId: 'x' }],
              idempotencyKey: 'journey-replay-1',
            }),
          });
          return res.status;
        },
        { pointId: point.id, code },
      );
      if (again < 400 || again >= 500) throw new Error(`reused code answered ${again}`);

      // Settle: 20 points, 2.00 yuan at 10 fen a point.
      await staff.goto(`/merchants/points/${point.id}`);
      await staff.getByTestId('unsettled-points').getByText('20', { exact: true }).waitFor();
      await staff.getByTestId('settle').click();
      await staff.locator('.ant-modal-footer .ant-btn-primary').click();
      await staff.getByTestId('unsettled-points').getByText('0', { exact: true }).waitFor();
      await staff.goto('/merchants/settlements');
      const row = staff.getByTestId('settlements-table').locator('tr', { hasText: shopName });
      await row.getByText('2.00').waitFor();
      await shot(staff, 'settlements');

      // The report counts one more new point this year.
      await staff.goto('/merchants/points');
      await staff
        .getByTestId('points-year-count')
        .getByText(new RegExp(`\\b${before.total + 1}\\b`))
        .waitFor();
      await staff.goto('/merchants/report');
      await staff.getByTestId('report-new-points').waitFor();
      await shot(staff, 'report');
    },
  },
  {
    name: 'a merchant login sees only its own counter; a logged-out phone is sent to the login page',
    async run({ newPage, shot }) {
      const m = await newPage(PHONE);
      await phoneLogin(m, '/counter', 'shangjia');
      await m.getByText('铜都社区爱心超市').first().waitFor();
      if (await m.getByTestId('counter-point').count())
        throw new Error('a merchant should have one point only');
      await m
        .getByTestId('counter-volunteer')
        .waitFor({ state: 'detached', timeout: 2000 })
        .catch(() => undefined);
      if (await m.getByTestId('counter-volunteer').count())
        throw new Error('a merchant may not enter volunteers');
      await shot(m, 'merchant-counter');
      const res = await m.evaluate(async () => (await fetch('/api/merchants/settlements')).status);
      if (res !== 403) throw new Error(`merchant settlements answered ${res}`);
    },
  },
];
