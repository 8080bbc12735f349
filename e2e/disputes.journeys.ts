import type { Page } from 'playwright-core';
import type { Journey } from './harness';

/** The open dropdown's option with this text (antd renders every dropdown in the body). */
function option(page: Page, text: string | RegExp) {
  return (
    page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: text,
      })
      // A dropdown that is closing keeps its options in the DOM for a moment: only the visible ones count.
      .filter({ visible: true })
      .first()
  );
}

async function status(page: Page, pattern: RegExp) {
  const el = page.getByTestId('dispute-status').first();
  await el.waitFor();
  for (let i = 0; i < 40; i++) {
    if (pattern.test(await el.innerText())) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`dispute status ${JSON.stringify(await el.innerText())} does not match ${pattern}`);
}

async function step(page: Page, action: string) {
  await page.getByTestId(`action-${action}`).click();
  await page.getByTestId('action-form').waitFor();
}

/**
 * Confirms the open action dialog and waits for it to close. A click that lands while the dialog is still
 * opening can be lost on a loaded machine (the full run lost one once): when the dialog is still open and
 * not saving after a while, it is clicked once more.
 */
async function ok(page: Page) {
  const form = page.getByTestId('action-form');
  await page.locator('#action-ok').click();
  try {
    await form.waitFor({ state: 'detached', timeout: 8_000 });
  } catch {
    if ((await page.locator('#action-ok.ant-btn-loading').count()) === 0)
      await page.locator('#action-ok').click();
    await form.waitFor({ state: 'detached' });
  }
}

export const disputesJourneys: Journey[] = [
  {
    name: 'disputes: a police registration is diverted by the centre, accepted by the community, mediated and ends in a signed agreement',
    async run({ newPage, login, shot }) {
      // 1. The governance centre registers what the police officer on site could not settle.
      const centre = await newPage();
      await login(centre, 'xiangl');
      await centre.goto('/disputes');
      await centre.getByTestId('new-dispute').click();
      const form = centre.getByTestId('intake-form');
      await form.waitFor();
      await form.locator('#sourceRef').fill('新下陆派出所 李警官');
      await centre.getByTestId('intake-title').fill('楼上漏水引发邻里纠纷');
      await centre.getByTestId('intake-cause').fill('楼上卫生间漏水致楼下天花板受损，民警到场后双方仍未谈妥');
      await centre.getByTestId('intake-place').fill('铜都社区1栋');
      // The unit picker searches as one types and redraws its tree: pick the node once the search has
      // settled, and check the picker took it (a click on a node being redrawn is lost).
      for (let attempt = 0; ; attempt++) {
        await centre.getByTestId('intake-unit').click();
        await centre.keyboard.type('铜都社区');
        await centre.waitForTimeout(500);
        await centre
          .locator('.ant-select-tree-node-content-wrapper', { hasText: '铜都社区' })
          .filter({ visible: true })
          .first()
          .click();
        const picked = await form.getByText('铜都社区', { exact: true }).count();
        if (picked > 0 || attempt >= 2) break;
      }
      await centre.getByTestId('party-name-0').fill('赵建华');
      await centre.getByTestId('party-phone-0').fill('13972008888');
      await centre.getByTestId('party-claims-0').fill('要求赔偿维修费用');
      await centre.getByTestId('party-name-1').fill('钱志强');
      await centre.getByTestId('party-claims-1').fill('同意维修，认为报价过高');
      await shot(centre, 'dispute-intake');
      await centre.locator('.ant-modal-footer .ant-btn-primary').click();
      await centre.waitForURL(/\/disputes\/[0-9a-f-]{36}$/);
      const url = new URL(centre.url()).pathname;
      await status(centre, /待分流/);
      // Masked by default.
      await centre.getByText('赵**').first().waitFor();

      // 2. The centre diverts it against the 110 transfer list to 铜都社区 (the place of occurrence).
      await step(centre, 'divert');
      await centre.getByTestId('divert-entry').click();
      await centre.keyboard.type('ZF-01');
      await option(centre, 'ZF-01').click();
      await shot(centre, 'dispute-divert');
      await ok(centre);
      await status(centre, /待受理/);
      await centre.getByText('常规单').first().waitFor();

      // 3. The community secretary accepts the ticket.
      const community = await newPage();
      await login(community, 'luhx');
      await community.goto('/disputes?view=to_accept');
      await community.getByTestId('disputes-table').getByText('楼上漏水引发邻里纠纷').first().waitFor();
      await community.goto(url);
      await step(community, 'accept');
      await ok(community);
      await status(community, /办理中/);

      // 4. People's mediation by the community's committee, with a work record.
      await step(community, 'start_mediation');
      await community.getByTestId('mediation-body').click();
      await community.keyboard.type('铜都');
      await option(community, '铜都社区人民调解委员会').click();
      await community.getByTestId('mediation-mediators').click();
      await option(community, /（委员）/).click();
      await community.keyboard.press('Escape');
      await ok(community);
      await status(community, /调解中/);
      await step(community, 'session');
      await community.getByTestId('session-record').fill('分别听取双方陈述，查看漏水现场，释法明理');
      await ok(community);
      await community.getByText('查看漏水现场').first().waitFor();

      // 5. The agreement with the contents the law requires, signed and sealed.
      await step(community, 'agree');
      await community.getByTestId('agree-facts').fill('楼上卫生间漏水致楼下天花板受损');
      await community.getByTestId('agree-matters').fill('维修费用承担，楼上负主要责任');
      await community.getByTestId('agree-content').fill('楼上赔偿维修费一千五百元并修复防水');
      await community.getByTestId('agree-manner').fill('现金支付，自行修复');
      await community.getByTestId('agree-deadline').click();
      await community.keyboard.type('2026-12-31');
      await community.keyboard.press('Enter');
      await community.getByTestId('agree-parties').check();
      await community.getByTestId('agree-mediator').check();
      await community.getByTestId('agree-seal').check();
      await shot(community, 'dispute-agreement-form');
      await ok(community);
      await status(community, /已达成协议/);
      await community.getByTestId('confirm-window').waitFor();
      await shot(community, 'dispute-agreed');
    },
  },
];
