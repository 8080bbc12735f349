import type { Journey } from './harness';

export const careJourneys: Journey[] = [
  {
    name: 'care: a grid worker opens 我的走访 on the phone, reveals the contact, logs a visit with its place, in 长者模式 too',
    async run({ newPage, login, shot }) {
      const page = await newPage({ width: 390, height: 844 });
      await login(page, 'grid1');
      await page.goto('/m');
      await page
        .getByRole('link', { name: /走访关爱/ })
        .first()
        .click();
      await page.waitForURL('**/m/care');
      const first = page.getByTestId('care-plan').first();
      await first.waitFor();
      await first.click();
      await page.getByTestId('care-person').waitFor();
      await page.getByTestId('care-reveal').click();
      await page.getByTestId('care-contact').waitFor();
      await page.getByTestId('care-outcome').getByRole('button', { name: '需要帮助' }).click();
      await page.getByTestId('care-place').fill('社区幸福食堂');
      await page.getByTestId('care-note').fill('反映腿脚不便，已登记助餐服务');
      await page.getByTestId('care-submit').click();
      await page.getByTestId('care-history').getByText('反映腿脚不便，已登记助餐服务').waitFor();
      await shot(page, 'care-visit');
      // 长者模式: the same page, bigger, every control still at least 44 px high.
      await page.evaluate(() => localStorage.setItem('linli.elderly', '1'));
      await page.reload();
      await page.getByTestId('care-visit-form').waitFor();
      const small = await page.evaluate(() =>
        [...document.querySelectorAll('button, a, input, textarea')]
          .map((e) => e.getBoundingClientRect().height)
          .filter((h) => h > 0 && h < 44),
      );
      if (small.length) throw new Error(`controls under 44 px in 长者模式: ${small.join(', ')}`);
      await shot(page, 'care-visit-elderly');
    },
  },
];
