import type { Page } from 'playwright-core';
import type { Journey } from './harness';
import { call } from './lib';

const day = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** An antd InputNumber by test id (the id lands on the input itself or on its wrapper). */
async function fillNumber(page: Page, testId: string, value: string) {
  const el = page.getByTestId(testId);
  const input = (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
  await input.fill(value);
}

async function confirmModal(page: Page) {
  await page.locator('.ant-modal-footer .ant-btn-primary').click();
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
}

export const projectsJourneys: Journey[] = [
  {
    name: 'R-PJ-2: projects — the bureau opens a call, a community applies, the subdistrict approves, seals and submits, a reviewer scores, the bureau selects',
    async run({ newPage, login, shot }) {
      // The bureau (下陆区民政局) drafts a call for 新下陆街道 and opens it on its page.
      const bureau = await newPage({ width: 1280, height: 900 });
      await login(bureau, 'civil');
      const [district] = await call<{ id: string }[]>(bureau, 'GET', '/api/org/units?q=下陆区&kind=district');
      const [sd] = await call<{ id: string }[]>(
        bureau,
        'GET',
        '/api/org/units?q=新下陆街道&kind=subdistrict',
      );
      const year = Number(day(400).slice(0, 4));
      const suffix = String(Date.now()).slice(-4);
      const created = await call<{ id: string }>(bureau, 'POST', '/api/projects/calls', {
        orgUnitId: district!.id,
        year,
        title: `旅程${suffix}“共建共享”社区治理项目申报`,
        types: [
          { key: 'party_building', name: '党建引领型' },
          { key: 'mutual_aid', name: '邻里互助型' },
        ],
        quota: 2,
        applicationDue: day(10),
        completionDue: day(200),
        summaryDue: day(220),
        reportDay: 20,
        subsidyCityFen: 10_000_000,
        subsidyPrefectureFen: 5_000_000,
        documents: [{ key: 'application_form', name: '项目申报表' }],
        criteria: [
          { key: 'facilities', name: '基础设施建设', max: 50 },
          { key: 'participation', name: '群众参与', max: 50 },
        ],
        scopeUnitIds: [sd!.id],
      });
      await bureau.goto(`/projects/calls/${created.id}`);
      await bureau.getByTestId('call-open').click();
      await bureau.locator('.ant-popconfirm .ant-btn-primary').click();
      await bureau.getByText('受理申报').first().waitFor();
      await shot(bureau, 'call-open');

      // The community (铜都社区) fills its application on the form and sends it for review.
      const community = await newPage({ width: 1280, height: 900 });
      await login(community, 'tongdu');
      await community.goto(`/projects/calls/${created.id}`);
      await community.getByTestId('call-apply').click();
      await community.getByTestId('app-form').waitFor();
      await community.getByTestId('app-unit').click();
      await community.locator('.ant-select-tree-node-content-wrapper').getByText('铜都社区').first().click();
      await community.getByTestId('app-type').click();
      await community.locator('.ant-select-item-option').getByText('邻里互助型').click();
      await community.getByTestId('app-title').fill('旅程邻里驿站');
      await community.getByTestId('app-target-0').fill('建成邻里驿站 1 处');
      await community.getByTestId('app-consultation').fill('居民代表会议 30 人参加，同意申报');
      await community.getByTestId('app-line-0').fill('驿站改造');
      await community.getByTestId('app-line-amount-0').fill('50000');
      await community.getByTestId('app-fund-amount-0').fill('50000');
      await community.getByTestId('app-totals').getByText('预算合计 50,000.00 元').waitFor();
      await shot(community, 'form');
      await community.getByTestId('app-save').click();
      await community.waitForURL(/\/projects\/applications\/[0-9a-f-]{36}$/);
      const appUrl = new URL(community.url()).pathname;
      // R-PJ-2: the consultation rests on a record — here the uploaded minutes of the residents' meeting.
      await community
        .getByTestId('consultation-link')
        .locator('input[type=file]')
        .setInputFiles({
          name: '居民代表会议纪要.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4\n%e2e\n'),
        });
      await community.getByText('已关联征求意见依据').first().waitFor();
      await community.getByTestId('act-send').click();
      await community.getByText('待街道审核').first().waitFor();

      // The subdistrict (刘克涛) approves and seals in one step, then submits before the deadline.
      const subdistrict = await newPage({ width: 1280, height: 900 });
      await login(subdistrict, 'liukt');
      await subdistrict.goto(appUrl);
      await subdistrict.getByTestId('act-approve').click();
      await subdistrict.getByTestId('approve-seal').waitFor();
      await confirmModal(subdistrict);
      await subdistrict.getByTestId('act-submit').click();
      await subdistrict.getByText('已报送').first().waitFor();
      await shot(subdistrict, 'submitted');

      // The bureau assigns the reviewer (an evaluator sees only what they are assigned).
      await bureau.goto(`/projects/calls/${created.id}`);
      await bureau.getByTestId('assign-card').getByRole('button', { name: '分配评审', exact: true }).click();
      // check() verifies the box got ticked (on a loaded machine a click during a re-render can be lost).
      await bureau.getByTestId('assign-reviewers').getByRole('checkbox', { name: '项目评审专家' }).check();
      await confirmModal(bureau);
      await bureau.getByTestId('assign-card').getByText('项目评审专家').waitFor();

      // A reviewer scores it with the conflict-of-interest declaration.
      const reviewer = await newPage({ width: 1280, height: 900 });
      await login(reviewer, 'pjreview');
      await reviewer.goto(appUrl);
      await reviewer.getByTestId('score-card').waitFor();
      await reviewer.getByTestId('no-conflict').click();
      await fillNumber(reviewer, 'score-facilities', '40');
      await fillNumber(reviewer, 'score-participation', '45');
      await reviewer.getByTestId('score-submit').click();
      await reviewer.getByText('评分已提交').waitFor();
      await shot(reviewer, 'scored');

      // The bureau sees the average and selects it as a pilot, recommended to the prefecture level.
      await bureau.goto(appUrl);
      await bureau.getByText('平均分：85').waitFor();
      await bureau.getByTestId('act-select').click();
      await bureau.getByRole('dialog').getByText('推荐泉州市级').click();
      await confirmModal(bureau);
      await bureau.getByText('已入选').first().waitFor();
      await shot(bureau, 'selected');
      await bureau.goto(`/projects/calls/${created.id}`);
      await bureau.getByText('已确定 1 / 2 个', { exact: false }).first().waitFor();
      await shot(bureau, 'board');
    },
  },
];
