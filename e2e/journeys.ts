import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
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

interface RatesRow {
  unitName: string;
  counters: Record<
    'assigned' | 'closed' | 'followupsValid' | 'resolved' | 'satisfied' | 'dissatisfied' | 'redone',
    number
  >;
  rates: { response: number | null; resolution: number | null; satisfaction: number | null };
}

/** 铜都社区's row of the rates report (this year, by community), as the dispatcher sees it. */
async function tongduRates(page: Page): Promise<RatesRow> {
  const report = await api<{ rows: RatesRow[] }>(page, '/api/work-orders/stats/rates?groupBy=community');
  const row = report.rows.find((r) => r.unitName === '铜都社区');
  if (!row) throw new Error('铜都社区 missing from the rates report');
  return row;
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

/** A small PNG (a lamp post at night) made here, so the journey needs no fixture file. */
function lampPng(): Buffer {
  const w = 48;
  const h = 64;
  const rows: number[] = [];
  for (let y = 0; y < h; y++) {
    rows.push(0);
    for (let x = 0; x < w; x++) {
      const pole = x >= 22 && x < 26 && y > 14;
      const lamp = (x - 24) ** 2 + (y - 10) ** 2 < 36;
      rows.push(...(lamp ? [90, 90, 80] : pole ? [120, 120, 130] : [20, 30, 60]));
    }
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(w, 0);
  ihdr.writeUInt32BE(h, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.from(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Runs one action from the work-order detail page: its button, the modal's note, the modal's OK. */
async function woAction(page: Page, action: string, note?: string) {
  await page.getByTestId(`wo-action-${action}`).click();
  if (note !== undefined) await page.getByTestId('wo-action-note').fill(note);
  await page.getByTestId('wo-action-submit').click();
  await page.getByTestId('wo-action-submit').waitFor({ state: 'detached' });
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
      await page.getByTestId('audit-narrowed-entityId').waitFor();
      await expectText(page, 'audit-table', /查看完整个人信息/);
      // Names, not codes or ids: the action by its label, the record by its type.
      const table = await page.getByTestId('audit-table').innerText();
      if (/residents\.reveal|[0-9a-f]{8}-[0-9a-f]{4}-/.test(table))
        throw new Error(`audit table shows codes: ${table}`);
      await shot(page, 'audit-log');
      // A row's details list everything its request wrote.
      await page.locator('.ant-table-row-expand-icon').first().click();
      await page.getByTestId('audit-same-request').click();
      await page.getByTestId('audit-narrowed-requestId').waitFor();
      await page.getByTestId('audit-row').first().waitFor();
      await shot(page, 'audit-same-request');
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
  {
    name: 'a resident reports a broken street lamp with a photo; dispatched, replied, rated dissatisfied, redone, rated satisfied, closed',
    async run({ newPage, login, shot }) {
      // The resident, on a phone, not logged in.
      const phone = await newPage({ width: 390, height: 844 });
      await phone.goto('/report');
      await phone.getByTestId('report-kind-report').click();
      await phone.getByTestId('report-category').getByText('路灯损坏').click();
      await phone.getByTestId('report-description').fill('铜都社区东门路口的路灯坏了一个星期,晚上很黑');
      await phone
        .getByTestId('report-photo')
        .setInputFiles({ name: 'lamp.png', mimeType: 'image/png', buffer: lampPng() });
      await phone.locator('[data-testid=report-photo-item][data-uploaded=true]').waitFor();
      await phone.getByTestId('report-address').fill('铜都社区东门路口');
      await phone.getByTestId('report-phone').fill('13912340000');
      if ((await phone.getByTestId('current-user').count()) > 0) throw new Error('staff layout on /report');
      await shot(phone, 'report-filled');
      await phone.getByTestId('report-submit').click();
      await expectText(phone, 'report-number', /^WO\d{14}$/);
      const number = (await phone.getByTestId('report-number').innerText()).trim();
      const trackHref = await phone.getByTestId('report-track-link').getAttribute('href');
      if (!trackHref?.includes(`/track/${number}?token=`)) throw new Error(`track link ${trackHref}`);
      await shot(phone, 'report-number');
      await phone.getByTestId('report-track-link').click();
      await expectText(phone, 'track-status', /已受理/);
      await phone.getByTestId('track-timeline').waitFor();
      // The resident sees their own photo on the timeline.
      await phone.getByTestId('track-photos').locator('img').first().waitFor();

      // The governance-centre dispatcher finds it in the intake queue and dispatches it to 铜都社区.
      const desk = await newPage();
      await login(desk, 'xiangl');
      const ratesBefore = await tongduRates(desk);
      await desk.goto('/work-orders');
      await desk.getByTestId('wo-view-intake').click();
      await desk.getByTestId('wo-search').locator('input').first().fill(number);
      await desk.keyboard.press('Enter');
      await desk.locator(`[data-testid=wo-row][data-number="${number}"]`).waitFor();
      await shot(desk, 'intake-queue');
      await desk.locator(`[data-testid=wo-row][data-number="${number}"]`).click();
      await expectText(desk, 'wo-status', /待派单/);
      await desk.getByTestId('wo-photo-thumb').first().waitFor();
      await desk.getByTestId('wo-action-dispatch').click();
      await desk.getByTestId('wo-action-unit').click();
      await desk.keyboard.type('铜都社区');
      await desk.locator('.ant-select-tree-node-content-wrapper', { hasText: '铜都社区' }).first().click();
      await desk.getByTestId('wo-action-note').fill('请尽快修复');
      await desk.locator('.ant-select-dropdown').last().waitFor({ state: 'hidden' });
      await shot(desk, 'dispatch-modal');
      await desk.getByTestId('wo-action-submit').click();
      await expectText(desk, 'wo-status', /待签收/);
      await expectText(desk, 'wo-unit', /铜都社区/);

      // The community worker accepts and replies.
      const worker = await newPage();
      await login(worker, 'tongdu');
      await worker.goto('/work-orders');
      await worker.getByTestId('wo-view-mine').click();
      await worker.locator(`[data-testid=wo-row][data-number="${number}"]`).click();
      await expectText(worker, 'wo-status', /待签收/);
      await woAction(worker, 'accept');
      await expectText(worker, 'wo-status', /办理中/);
      await woAction(worker, 'reply', '已更换灯泡,路灯恢复照明');
      await expectText(worker, 'wo-status', /待回访/);
      await expectText(worker, 'wo-timeline', /办结答复/);

      // The resident is not satisfied: not solved and dissatisfied sends it back (重办).
      await phone.reload();
      await phone.getByTestId('rate-form').waitFor();
      await phone.getByTestId('rate-resolved-no').click();
      await phone.getByTestId('rate-dissatisfied').click();
      await phone.getByTestId('rate-comment').fill('晚上还是不亮');
      await shot(phone, 'rate-dissatisfied');
      await phone.getByTestId('rate-submit').click();
      await expectText(phone, 'track-status', /办理中/);
      await expectText(phone, 'track-timeline', /重新办理/);

      // The redo: the worker replies again.
      await worker.reload();
      await expectText(worker, 'wo-status', /办理中/);
      await expectText(worker, 'wo-detail', /重办 1/);
      await woAction(worker, 'reply', '更换整套灯具并检修线路,夜间复查已正常');
      await expectText(worker, 'wo-status', /待回访/);
      await shot(worker, 'redo-replied');

      // Satisfied this time: closed.
      await phone.reload();
      await phone.getByTestId('rate-form').waitFor();
      await phone.getByTestId('rate-resolved-yes').click();
      await phone.getByTestId('rate-satisfied').click();
      await phone.getByTestId('rate-submit').click();
      await expectText(phone, 'track-status', /已办结/);
      if ((await phone.getByTestId('rate-form').count()) > 0)
        throw new Error('the rating form is still shown');
      await shot(phone, 'track-closed');

      await desk.reload();
      await expectText(desk, 'wo-status', /已办结/);
      if ((await desk.getByTestId('wo-followup').count()) !== 2) throw new Error('expected two follow-ups');
      await shot(desk, 'closed-detail');

      // The three rates of 铜都社区 (R-LAW-WO-6) now count this order: accepted, two follow-ups (one
      // dissatisfied with a redo, one satisfied and resolved), closed.
      const after = await tongduRates(desk);
      const delta = (k: keyof typeof after.counters) => after.counters[k] - ratesBefore.counters[k];
      const expected = {
        assigned: 1,
        closed: 1,
        followupsValid: 2,
        resolved: 1,
        satisfied: 1,
        dissatisfied: 1,
        redone: 1,
      };
      for (const [k, v] of Object.entries(expected))
        if (delta(k as keyof typeof after.counters) !== v)
          throw new Error(
            `铜都社区 ${k} changed by ${delta(k as keyof typeof after.counters)}, expected ${v}`,
          );
      const c = after.counters;
      const near = (a: number | null, b: number) => a !== null && Math.abs(a - b) < 1e-3;
      if (!near(after.rates.resolution, c.resolved / c.followupsValid))
        throw new Error(`resolution rate ${after.rates.resolution} ≠ ${c.resolved}/${c.followupsValid}`);
      if (
        after.rates.satisfaction === ratesBefore.rates.satisfaction &&
        after.rates.resolution === ratesBefore.rates.resolution
      )
        throw new Error('the rates of 铜都社区 did not change');
      await desk.goto('/work-orders/stats');
      await desk.getByTestId('wo-stats-rates').getByText('铜都社区').first().waitFor();
      await shot(desk, 'rates-after-closed-loop');
    },
  },
];
