import { DEMO_PASSWORD, type Journey } from './harness';
import { call, PHONE } from './lib';

interface Me {
  volunteer: { name: string } | null;
  minutes: { id: string; balance: number } | null;
  points: { id: string; balance: number } | null;
}

export const ledgerJourneys: Journey[] = [
  {
    name: 'a volunteer names a family member and donates time to the pool on the phone; the community reverses the donation and the ledger verifies',
    async run({ newPage, login, shot }) {
      const phone = await newPage(PHONE);
      await phone.goto('/m/timebank');
      await phone.waitForURL(/\/login\?next=/);
      await phone.getByTestId('login-username').fill('zhiyuan');
      await phone.getByTestId('login-password').fill(DEMO_PASSWORD);
      await phone.getByTestId('login-submit').click();
      await phone.waitForURL((u) => u.pathname === '/m/timebank');
      await phone.getByTestId('m-timebank-balance').waitFor();
      const before = await call<Me>(phone, 'GET', '/api/ledger/me');
      if (!before.minutes || !before.volunteer)
        throw new Error('the demo volunteer has no time-bank account');

      // R-VP-2: a designated family member.
      await phone.getByLabel('姓名').fill('王秀兰');
      await phone.getByLabel('关系').fill('外婆');
      await phone.getByRole('button', { name: '添加家庭成员' }).click();
      await phone.getByTestId('m-designee').filter({ hasText: '王秀兰' }).waitFor();

      // Donate 30 minutes to the community pool.
      await phone.getByLabel('时长（分钟）').fill('30');
      await phone.getByTestId('m-donate').click();
      await phone.getByText('已记账').first().waitFor();
      const after = await call<Me>(phone, 'GET', '/api/ledger/me');
      if (after.minutes!.balance !== before.minutes.balance - 30)
        throw new Error(`balance ${after.minutes!.balance}, expected ${before.minutes.balance - 30}`);
      await phone.getByTestId('m-ledger-line').first().getByText('捐入时间池').waitFor();
      await shot(phone, 'donated');

      // The community secretary finds the statement, reverses the donation, and verifies the ledger.
      const staff = await newPage();
      await login(staff, 'luhx');
      await staff.goto(`/ledger/accounts/${before.minutes.id}`);
      await staff.getByTestId('ledger-line').first().getByText('捐入时间池').waitFor();
      await staff.getByTestId('ledger-reverse').first().click();
      await staff.getByTestId('ledger-reverse-reason').fill('志愿者申请撤回捐赠');
      await staff.getByRole('button', { name: '冲正' }).last().click();
      await staff.getByText('已冲正').first().waitFor();
      await staff.getByTestId('ledger-line').first().getByText('冲正').first().waitFor();
      await shot(staff, 'reversed');
      const restored = await call<Me>(phone, 'GET', '/api/ledger/me');
      if (restored.minutes!.balance !== before.minutes.balance)
        throw new Error(
          `balance after reversal ${restored.minutes!.balance}, expected ${before.minutes.balance}`,
        );
      await staff.goto('/ledger/accounts');
      await staff.getByTestId('ledger-verify').click();
      await staff.getByTestId('ledger-verify-ok').waitFor();
      await shot(staff, 'verified');

      // The phone statement shows the reversal too.
      await phone.goto('/m/points');
      await phone.getByTestId('m-points-balance').waitFor();
      await phone.goto('/m/timebank');
      await phone.getByTestId('m-ledger-line').first().getByText('冲正').waitFor();
    },
  },
];
