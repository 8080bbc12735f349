import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { composeIdNumber, idCheckChar } from '../src/shared/validation/codes';
import { ARTIFACTS, type Journey } from './harness';

/** GET through the page's own session (for looking up ids a journey needs). */
async function api<T>(page: Page, path: string): Promise<T> {
  return page.evaluate(async (p) => {
    const res = await fetch(p, { headers: { 'accept-language': 'zh-CN' } });
    if (!res.ok) throw new Error(`${p}: ${res.status}`);
    return res.json();
  }, path);
}

async function unitId(page: Page, name: string): Promise<string> {
  const units = await api<{ id: string; name: string }[]>(
    page,
    `/api/org/units?q=${encodeURIComponent(name)}`,
  );
  const u = units.find((x) => x.name === name);
  if (!u) throw new Error(`unit ${name} not found`);
  return u.id;
}

async function expectText(page: Page, testId: string, pattern: RegExp) {
  const el = page.getByTestId(testId).first();
  await el.waitFor();
  for (let i = 0; i < 40; i++) {
    if (pattern.test((await el.innerText()) ?? '')) return;
    await page.waitForTimeout(250);
  }
  throw new Error(`${testId} text ${JSON.stringify(await el.innerText())} does not match ${pattern}`);
}

export const journeys: Journey[] = [
  {
    name: 'subdistrict admin opens a community, finds a resident, reveals the phone and sees the reveal in the audit log',
    async run({ newPage, login, shot }) {
      const page = await newPage();
      await login(page, 'liukt');
      await shot(page, 'home');
      await page.goto('/org');
      await page.getByTestId('org-tree').waitFor();
      await page.getByTestId('org-search').locator('input').first().fill('铜都社区');
      await page.keyboard.press('Enter');
      await page.getByTestId('org-search-result').filter({ hasText: '铜都社区' }).first().click();
      await expectText(page, 'org-detail-name', /铜都社区/);
      await expectText(page, 'org-resident-count', /\d/);
      await shot(page, 'org-community');
      await page.getByTestId('org-view-residents').click();
      await page.getByTestId('resident-row').first().waitFor();
      const name = (await page.getByTestId('resident-link').first().innerText()).trim();
      await page.getByTestId('residents-search').locator('input').first().fill(name);
      await page.keyboard.press('Enter');
      await page.waitForURL(/q=/);
      await page.getByTestId('resident-row').first().waitFor();
      await shot(page, 'residents-search');
      await page.getByTestId('resident-link').filter({ hasText: name }).first().click();
      await page.getByTestId('resident-detail').waitFor();
      await expectText(page, 'value-phone', /\*{4}/);
      await page.getByTestId('reveal-phone').click();
      await expectText(page, 'value-phone', /^1\d{10}$/);
      await shot(page, 'phone-revealed');
      await page.getByTestId('resident-audit').click();
      await page.getByTestId('audit-row').first().waitFor();
      await expectText(page, 'audit-table', /residents\.reveal|查看/);
      await shot(page, 'audit-log');
    },
  },
  {
    name: 'creating a resident with a wrong ID check digit shows the error under the ID field',
    async run({ newPage, login, shot }) {
      const page = await newPage();
      await login(page, 'liukt');
      const tongdu = await unitId(page, '铜都社区');
      await page.goto(`/residents/new?orgUnitId=${tongdu}`);
      await page.getByTestId('resident-form').waitFor();
      const good = composeIdNumber('420204', '19700512', 321);
      const bad = good.slice(0, 17) + (idCheckChar(good.slice(0, 17)) === '1' ? '2' : '1');
      await page.getByTestId('resident-name').fill('测试居民');
      await page.getByTestId('resident-idNumber').fill(bad);
      await page.getByTestId('resident-submit').click();
      await expectText(page, 'field-idNumber', /校验位|身份证/);
      await shot(page, 'bad-id-error');
      const count = await api<{ total: number }>(page, `/api/residents?q=${encodeURIComponent('测试居民')}`);
      if (count.total !== 0) throw new Error('a resident was created despite the error');
    },
  },
  {
    name: 'a community secretary imports a small Excel file of residents',
    async run({ newPage, login, shot }) {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('居民');
      ws.addRow(['姓名', '身份证号', '手机号', '户籍状态', '特殊群体']);
      for (let i = 0; i < 5; i++) {
        ws.addRow([
          `导入居民${i}`,
          composeIdNumber('420204', `1966030${i + 1}`, 700 + i),
          `1370000000${i}`,
          '户籍',
          i === 0 ? '独居' : '',
        ]);
      }
      const file = join(ARTIFACTS, 'import-sample.xlsx');
      await wb.xlsx.writeFile(file);
      const page = await newPage();
      await login(page, 'luhx');
      await page.goto('/residents/import');
      await page.getByTestId('import-upload-step').waitFor();
      await page.getByTestId('import-unit').click();
      await page.keyboard.type('铜都社区');
      await page.locator('.ant-select-tree-node-content-wrapper', { hasText: '铜都社区' }).first().click();
      await page.locator('[data-testid=import-upload-step] input[type=file]').setInputFiles(file);
      await shot(page, 'import-chosen');
      await page.getByTestId('import-start').click();
      await page.locator('[data-testid=import-job][data-status=validated]').waitFor({ timeout: 60_000 });
      await page.getByTestId('import-preview-row').first().waitFor();
      await shot(page, 'import-preview');
      await page.getByTestId('import-commit').click();
      await page.locator('.ant-modal-confirm-btns .ant-btn-primary').click();
      await page
        .locator('[data-testid=import-job][data-status=committed], [data-testid=import-result]')
        .first()
        .waitFor({ timeout: 60_000 });
      await shot(page, 'import-committed');
      const res = await api<{ total: number }>(page, `/api/residents?q=${encodeURIComponent('导入居民0')}`);
      if (res.total !== 1) throw new Error(`expected the imported resident, found ${res.total}`);
    },
  },
  {
    name: 'a 铜都 community worker cannot open a 西花苑 resident by URL',
    async run({ newPage, login, shot }) {
      const admin = await newPage();
      await login(admin, 'liukt');
      const xhy = await unitId(admin, '西花苑社区');
      const list = await api<{ items: { id: string }[] }>(
        admin,
        `/api/residents?orgUnitId=${xhy}&pageSize=1`,
      );
      const id = list.items[0]?.id;
      if (!id) throw new Error('no 西花苑 resident in the demo data');
      const page = await newPage();
      await login(page, 'tongdu');
      await page.goto(`/residents/${id}`);
      await page.getByTestId('not-found').waitFor();
      await shot(page, 'out-of-scope');
    },
  },
  {
    name: 'phone-width pages render (login, residents list) and English can be selected',
    async run({ newPage, login, shot }) {
      const page = await newPage({ width: 390, height: 844 });
      await page.goto('/login');
      await page.getByTestId('login-form').waitFor();
      await shot(page, 'login-phone');
      await login(page, 'tongdu');
      await page.goto('/residents');
      await page.getByTestId('resident-row').first().waitFor();
      await shot(page, 'residents-phone');
      const desktop = await newPage();
      await desktop.goto('/login');
      await desktop.getByTestId('lang-en').click();
      await expectText(desktop, 'login-form', /Log in|Sign in|Username/i);
      await shot(desktop, 'login-english');
    },
  },
];
