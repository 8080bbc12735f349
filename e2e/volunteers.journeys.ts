import { DEMO_PASSWORD, type Journey } from './harness';
import { call, PHONE } from './lib';

const TODAY = '助老送餐上门(旅程)';

interface MyActivity {
  id: string;
  title: string;
  communityName: string;
  lat: number;
  lng: number;
}

export const volunteersJourneys: Journey[] = [
  {
    name: 'a volunteer signs up and checks in on the phone inside the geofence; the organiser confirms; hours, star page and certificate follow',
    async run({ newPage, login, shot }) {
      // The community organises an activity under way now (server time: the dev clock may have moved).
      const staff = await newPage();
      await login(staff, 'luhx');
      const { now } = await call<{ now: string }>(staff, 'POST', '/api/dev/clock', { advanceMs: 0 });
      const uni = await call<{ communityId: string; communityName: string }[]>(
        staff,
        'GET',
        '/api/volunteers/reports/university',
      );
      const tongdu = uni.find((r) => r.communityName === '铜都社区');
      if (!tongdu) throw new Error('铜都社区 missing');
      const start = new Date(now).getTime() - 30 * 60_000;
      const activity = await call<MyActivity>(staff, 'POST', '/api/volunteer-activities', {
        title: TODAY,
        type: 'elderly_care',
        orgUnitId: tongdu.communityId,
        place: '铜都社区党群服务中心',
        lat: 30.165,
        lng: 114.93,
        radiusM: 300,
        startsAt: new Date(start).toISOString(),
        endsAt: new Date(start + 4 * 3_600_000).toISOString(),
        signupLimit: 5,
      });

      // The volunteer opens /m/activities logged out, logs in and comes back.
      const phone = await newPage(PHONE);
      await phone.goto('/m/activities');
      await phone.waitForURL(/\/login\?next=/);
      await phone.getByTestId('login-username').fill('zhiyuan');
      await phone.getByTestId('login-password').fill(DEMO_PASSWORD);
      await phone.getByTestId('login-submit').click();
      await phone.waitForURL((u) => u.pathname === '/m/activities');
      const today = { ...activity, lat: 30.165, lng: 114.93 };
      const before = await call<{ profile: { minutes: number } }>(phone, 'GET', '/api/me/volunteer');

      // Far from the place: the check-in is refused with the distance.
      await phone.context().grantPermissions(['geolocation']);
      await phone.context().setGeolocation({ latitude: today.lat + 0.01, longitude: today.lng });
      const card = phone.getByTestId('m-activity').filter({ hasText: TODAY });
      await card.waitFor();
      await card.getByTestId('m-sign-up').click();
      await card.getByTestId('m-check-in').waitFor();
      await card.getByTestId('m-check-in').click();
      await phone
        .getByText(/超出签到范围/)
        .first()
        .waitFor();
      await shot(phone, 'outside-geofence');

      // At the place: checked in.
      await phone.context().setGeolocation({ latitude: today.lat + 0.0003, longitude: today.lng });
      await card.getByTestId('m-check-in').click();
      await card.getByTestId('m-check-out').waitFor();
      await shot(phone, 'checked-in');

      // Ninety minutes later the volunteer checks out.
      await call(phone, 'POST', '/api/dev/clock', { advanceMs: 90 * 60_000 });
      await phone.reload();
      await card.getByTestId('m-check-out').click();
      // Asked once more, with the time so far.
      await card.getByText(/确认现在签退吗/).waitFor();
      // With a note and a photo of the work done.
      await card.getByTestId('m-check-out-note').fill('陪王奶奶聊天，打扫了楼道');
      await card.getByTestId('m-check-out-photo').setInputFiles({
        name: 'service.png',
        mimeType: 'image/png',
        buffer: Buffer.from(
          'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==',
          'base64',
        ),
      });
      await card.locator('[data-testid="m-check-out-photo-item"][data-uploaded="true"]').waitFor();
      await shot(phone, 'check-out-note-photo');
      await card.getByTestId('m-check-out-confirm').click();
      await card.getByText(/已签退/).waitFor();
      await shot(phone, 'checked-out');

      // The organising community confirms (R-LAW-VL-1).
      await staff.goto(`/volunteers/activities/${today.id}`);
      const row = staff.getByTestId('activity-signups').locator('tr', { hasText: '已签退' });
      await row.getByTestId('att-note').getByText('陪王奶奶聊天，打扫了楼道').waitFor();
      await row.getByTestId('att-photo').waitFor();
      await row.getByTestId('att-confirm').click();
      await staff.getByTestId('activity-signups').getByText('已确认').first().waitFor();
      await shot(staff, 'confirmed');

      // The volunteer's hours rose by the served 90 minutes; the certificate downloads.
      const after = await call<{ profile: { minutes: number } }>(phone, 'GET', '/api/me/volunteer');
      if (after.profile.minutes - before.profile.minutes !== 90)
        throw new Error(
          `hours rose by ${after.profile.minutes - before.profile.minutes} minutes, expected 90`,
        );
      await phone.goto('/m/hours');
      await phone.getByTestId('m-hours-entries').getByText(TODAY).first().waitFor();
      await shot(phone, 'hours');
      await phone.goto('/m/certificate');
      const [download] = await Promise.all([
        phone.waitForEvent('download'),
        phone.getByTestId('m-download').click(),
      ]);
      if (!/志愿服务证明-ZYFW-\d{8}-\d{6}\.pdf/.test(download.suggestedFilename()))
        throw new Error(`unexpected certificate file ${download.suggestedFilename()}`);
      await shot(phone, 'certificate');
    },
  },
  {
    name: 'R-ORG-4: the subdistrict sees the demonstration community short of 20 university volunteers flagged',
    async run({ newPage, login, shot }) {
      const page = await newPage();
      await login(page, 'liukt');
      await page.goto('/volunteers/reports');
      const table = page.getByTestId('university-table');
      await table.locator('tr', { hasText: '西花苑社区' }).getByTestId('r-org-4-flag').waitFor();
      const tongdu = table.locator('tr', { hasText: '铜都社区' });
      await tongdu.getByText('达标').waitFor();
      await page.getByTestId('hours-chart').waitFor();
      await shot(page, 'reports');
    },
  },
];
