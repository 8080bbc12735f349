import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD, type Journey } from './harness';
import { PHONE, call } from './lib';

/** A date in China time, `offset` days from now (YYYY-MM-DD). */
const day = (offset: number) =>
  new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

/** The input itself behind a test id (antd puts `data-testid` on the input or on its wrapper). */
async function inputOf(page: Page, testId: string): Promise<Locator> {
  const el = page.getByTestId(testId);
  return (await el.evaluate((e) => e.tagName)) === 'INPUT' ? el : el.locator('input');
}

/** The one modal open now. */
const modal = (page: Page) => page.locator('.ant-modal:visible');

/** Presses the open modal's primary button and waits until it closes. */
async function okModal(page: Page) {
  await modal(page).locator('.ant-modal-footer .ant-btn-primary').click();
  await modal(page).waitFor({ state: 'detached' });
}

/**
 * Picks an option of an antd Select inside the open modal by its label, and checks the Select took it (a click
 * on an option while the dropdown is still opening can be lost: then it tries again).
 */
async function pick(page: Page, testId: string, label: string) {
  const select = page.getByTestId(testId);
  // Whether the Select's form item shows the label (outside any dropdown rendered in it).
  const took = () =>
    select.evaluate((el, label) => {
      const item = (el.closest('.ant-form-item') ?? el).cloneNode(true) as HTMLElement;
      for (const d of item.querySelectorAll('.ant-select-dropdown')) d.remove();
      return (item.textContent ?? '').includes(label);
    }, label);
  for (let attempt = 0; attempt < 3; attempt++) {
    if (!(await page.locator('.ant-select-dropdown:visible').count())) await select.click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: label })
      .first()
      .click();
    for (let i = 0; i < 20; i++) {
      if (await took()) return;
      await page.waitForTimeout(100);
    }
  }
  throw new Error(`${testId}: could not pick ${label}`);
}

/** Types a date into an antd DatePicker and confirms it. */
async function pickDate(page: Page, testId: string, date: string) {
  const input = await inputOf(page, testId);
  await input.click();
  await input.fill(date);
  await input.press('Enter');
}

export const projectsYearJourneys: Journey[] = [
  {
    name: 'R-PJ-4/R-PJ-5: projects year — milestone, money, monthly report, fund disclosure, board, visit, final evaluation, resident phone',
    async run({ newPage, login, shot }) {
      // Set-up by API, as in the selection journey: the bureau opens a call over 新下陆街道, 铜都社区 applies,
      // the subdistrict approves with its seal and submits, the bureau selects it.
      const bureau = await newPage({ width: 1280, height: 900 });
      await login(bureau, 'civil');
      const [district] = await call<{ id: string }[]>(bureau, 'GET', '/api/org/units?q=下陆区&kind=district');
      const [sd] = await call<{ id: string }[]>(
        bureau,
        'GET',
        '/api/org/units?q=新下陆街道&kind=subdistrict',
      );
      const suffix = String(Date.now()).slice(-4);
      const projectTitle = `年度旅程${suffix}邻里驿站`;
      const created = await call<{ id: string }>(bureau, 'POST', '/api/projects/calls', {
        orgUnitId: district!.id,
        year: Number(day(400).slice(0, 4)),
        title: `年度旅程${suffix}“共建共享”社区治理项目申报`,
        types: [{ key: 'mutual_aid', name: '邻里互助型' }],
        quota: 2,
        applicationDue: day(10),
        completionDue: day(200),
        summaryDue: day(220),
        reportDay: 20,
        subsidyCityFen: 10_000_000,
        subsidyPrefectureFen: 5_000_000,
        documents: [{ key: 'application_form', name: '项目申报表' }],
        criteria: [{ key: 'participation', name: '群众参与', max: 100 }],
        scopeUnitIds: [sd!.id],
      });
      const callId = created.id;
      await call(bureau, 'POST', `/api/projects/calls/${callId}/open`);

      const community = await newPage({ width: 1280, height: 900 });
      await login(community, 'tongdu');
      const [tongdu] = await call<{ id: string }[]>(
        community,
        'GET',
        '/api/org/units?q=铜都社区&kind=community',
      );
      const app = await call<{ id: string }>(community, 'POST', '/api/projects/applications', {
        callId,
        orgUnitId: tongdu!.id,
        type: 'mutual_aid',
        title: projectTitle,
        targets: ['建成邻里驿站 1 处'],
        consultationKind: 'meeting',
        consultationDate: day(0),
        consultationNote: '居民代表会议 30 人参加，同意申报',
        budgetLines: [{ item: '驿站改造', amountFen: 5_000_000 }],
        funding: [{ source: 'city', amountFen: 5_000_000 }],
      });
      const appUrl = `/projects/applications/${app.id}`;
      const act = (page: Page, body: Record<string, unknown>) =>
        call(page, 'POST', `/api/projects/applications/${app.id}/actions`, body);
      // R-PJ-2: the consultation rests on a record — the uploaded minutes of the residents' meeting.
      await community.evaluate(async (url) => {
        const me = await (await fetch('/api/auth/me')).json();
        const form = new FormData();
        form.append('title', '居民代表会议纪要');
        form.append('file', new Blob(['%PDF-1.4\n%journey\n'], { type: 'application/pdf' }), '纪要.pdf');
        const res = await fetch(url, {
          method: 'POST',
          headers: { 'x-csrf-token': me.csrfToken },
          body: form,
        });
        if (!res.ok) throw new Error(`minutes: ${res.status} ${await res.text()}`);
      }, `/api/projects/applications/${app.id}/consultation/minutes`);
      await act(community, { action: 'send' });

      const subdistrict = await newPage({ width: 1280, height: 900 });
      await login(subdistrict, 'liukt');
      await act(subdistrict, { action: 'approve', seal: true });
      await act(subdistrict, { action: 'submit' });
      await act(bureau, { action: 'select', level: 'city' });

      // 铜都社区 plans a milestone in 实施节点 on the project page, then marks it done.
      await community.goto(appUrl);
      const milestones = community.getByTestId('project-milestones');
      await milestones.waitFor();
      await community.getByTestId('milestone-add').click();
      await community.getByTestId('milestone-title').fill('驿站选址并完成改造设计');
      await pickDate(community, 'milestone-due', day(30));
      await shot(community, 'milestone-plan');
      await okModal(community);
      await milestones.getByText('驿站选址并完成改造设计').waitFor();
      await milestones.locator('.ant-tag', { hasText: '进行中' }).waitFor();
      await milestones.getByTestId('milestone-done').click();
      await modal(community).locator('textarea').fill('设计方案经居民代表会议通过');
      await shot(community, 'milestone-finish');
      await okModal(community);
      await milestones.getByText('已完成 1 / 1 个节点').waitFor();
      await milestones.locator('.ant-tag', { hasText: '已完成' }).waitFor();
      await shot(community, 'milestone-done');

      // The subdistrict records the first tranche and a spend against the budget line in 资金使用.
      await subdistrict.goto(appUrl);
      const money = subdistrict.getByTestId('projects-money');
      await money.waitFor();
      await subdistrict.getByTestId('money-disburse').click();
      await pick(subdistrict, 'disburse-source', '市级财政补助');
      await (await inputOf(subdistrict, 'disburse-amount')).fill('20000');
      await okModal(subdistrict);
      await money.getByText('20,000.00').first().waitFor();
      await subdistrict.getByTestId('money-spend').click();
      await pick(subdistrict, 'spend-line', '驿站改造');
      await (await inputOf(subdistrict, 'spend-amount')).fill('5000');
      await subdistrict.getByTestId('spend-receipt').fill('FP-2026-001');
      await shot(subdistrict, 'spend-form');
      await okModal(subdistrict);
      await money.getByText('FP-2026-001').waitFor();
      await money.getByText('15,000.00').first().waitFor(); // balance: received 20,000 − spent 5,000
      await shot(subdistrict, 'money');

      // It files the next monthly report (月度进展) from the project's card.
      const reports = subdistrict.getByTestId('reports-table');
      await reports.locator('[data-testid^="file-"]').first().click();
      await subdistrict.getByTestId('report-progress').fill('驿站改造设计完成，已拨付首笔市级补助 2 万元');
      await okModal(subdistrict);
      await reports.getByText('已报送').first().waitFor();
      await shot(subdistrict, 'report-filed');

      // And discloses the fund use to residents (居务公开).
      await subdistrict.getByText('尚未向居民公开').waitFor();
      await subdistrict.getByTestId('money-disclose').click();
      await subdistrict.locator('.ant-popconfirm:visible .ant-btn-primary').click();
      await money.getByText('最近一次公开', { exact: false }).waitFor();
      await subdistrict.locator('.ant-popconfirm:visible').waitFor({ state: 'detached' });
      await money.scrollIntoViewIfNeeded();
      await shot(subdistrict, 'disclosed');

      // The bureau sees 新下陆街道's row on the call's progress board …
      await bureau.goto(`/projects/calls/${callId}`);
      const board = bureau.getByTestId('call-board');
      await board.waitFor();
      const row = board.locator('tr', { hasText: '新下陆街道' });
      await row.waitFor();
      // columns: 街道（镇）, 申报中, 已报送, 已入选, 未入选, 逾期未报送, 月报已报, …
      const cell = (i: number) => row.locator('td').nth(i);
      if ((await cell(3).innerText()).trim() !== '1' || (await cell(6).innerText()).trim() !== '1')
        throw new Error(`board row: ${await row.innerText()}`);
      await shot(bureau, 'board');

      // … and records its mid-term visit opinion on the project page.
      await bureau.goto(appUrl);
      await bureau.getByTestId('act-visit').click();
      await bureau.getByTestId('act-comment').fill('驿站选址合理，请加快改造进度并做好居民公示');
      await okModal(bureau);
      await bureau.getByText('驿站选址合理', { exact: false }).first().waitFor();
      await shot(bureau, 'visit');

      // The subdistrict answers, records completion and files the closing summary (by API).
      await act(subdistrict, { action: 'answer', comment: '已按意见加快进度，公示已张贴' });
      await act(subdistrict, { action: 'complete' });
      await act(subdistrict, { action: 'summarize', comment: '驿站建成投用，服务居民 1200 人次' });

      // The bureau records the final evaluation and sees the grade.
      await bureau.reload();
      const evaluation = bureau.getByTestId('evaluation-card');
      await evaluation.getByText('尚未评估').waitFor();
      await bureau.getByTestId('eval-record').click();
      await bureau.getByTestId('eval-members').fill('张明、李华、王芳');
      await (await inputOf(bureau, 'eval-score')).fill('92');
      await bureau.getByTestId('eval-opinion').fill('目标全部完成，居民参与度高');
      await shot(bureau, 'evaluation-form');
      await okModal(bureau);
      await evaluation.locator('.ant-tag', { hasText: '优秀' }).waitFor();
      await evaluation.getByText('92', { exact: true }).waitFor();
      await shot(bureau, 'evaluated');

      // A resident of 铜都社区 opens 社区项目 on the phone and sees the project with its disclosed fund use.
      const phone = await newPage(PHONE);
      await phone.goto('/m/login');
      await phone.getByTestId('login-username').fill('jumin');
      await phone.getByTestId('login-password').fill(DEMO_PASSWORD);
      await phone.getByTestId('login-submit').click();
      await phone.waitForURL((u) => u.pathname === '/m');
      await phone.goto('/m/projects');
      const card = phone.getByTestId('my-project').filter({ hasText: projectTitle });
      await card.waitFor();
      await card.getByText('公开', { exact: false }).first().waitFor();
      await card.getByText('20,000.00 元').waitFor();
      await card.getByText('5,000.00 元').waitFor();
      await card.scrollIntoViewIfNeeded();
      await shot(phone, 'phone-projects');
    },
  },
];
