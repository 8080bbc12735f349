import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD, type Journey } from './harness';
import { PHONE } from './lib';

const require = createRequire(import.meta.url);
const AXE = require.resolve('axe-core/axe.min.js');

/** The resident's pages (jumin, no volunteer profile) and the volunteer's (zhiyuan). */
const RESIDENT_PAGES = [
  '/m',
  '/report',
  '/track',
  '/m/services',
  '/m/orders',
  '/m/tasks',
  '/m/messages',
  '/m/surveys',
  '/m/property',
];
const VOLUNTEER_PAGES = [
  '/m',
  '/m/points',
  '/m/timebank',
  '/m/activities',
  '/m/hours',
  '/m/certificate',
  '/m/redeem',
];

interface Finding {
  path: string;
  what: string;
}

/** axe-core (WCAG 2.1 A/AA): serious and critical violations, with the first offending nodes. */
async function axe(page: Page, path: string): Promise<Finding[]> {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run(
          ctx: Document,
          opts: unknown,
        ): Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ path, what: `${v.id} (${v.impact}): ${v.nodes.join(', ')}` }));
}

/** Text smaller than `min` px, and tap targets lower than 44 px, on the page as shown. */
async function sizes(page: Page, path: string, min: number): Promise<Finding[]> {
  // tsx keeps function names with a helper (__name) the page does not have
  await page.evaluate('globalThis.__name = (f) => f');
  const found = await page.evaluate((minPx) => {
    const out: string[] = [];
    const visible = (e: Element) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
    };
    for (const e of document.querySelectorAll('body *')) {
      const own = [...e.childNodes].some((n) => n.nodeType === 3 && n.textContent?.trim());
      if (!own || !visible(e) || e.closest('.sr-only, .toasts, [aria-busy]')) continue;
      const px = Number.parseFloat(getComputedStyle(e).fontSize);
      if (px < minPx)
        out.push(`text ${px}px: ${e.tagName.toLowerCase()} "${e.textContent?.trim().slice(0, 20)}"`);
    }
    for (const e of document.querySelectorAll(
      'button, input:not([type=file]), select, textarea, a.btn, a.list-link, a.back, a.tile-more, a.seg-link',
    )) {
      if (!visible(e)) continue;
      const h = e.getBoundingClientRect().height;
      if (h < 44)
        out.push(
          `target ${Math.round(h)}px: ${e.tagName.toLowerCase()} "${e.textContent?.trim().slice(0, 20)}"`,
        );
    }
    return out.slice(0, 5);
  }, min);
  return found.map((what) => ({ path, what }));
}

/** A fresh login: leave the page first (a request still under way could renew the old session's cookie). */
async function phoneLoginAs(page: Page, username: string) {
  await page.goto('about:blank');
  await page.context().clearCookies();
  await page.goto('/m/login');
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname === '/m');
}

export const phoneJourneys: Journey[] = [
  {
    name: 'phone pages at 390×844 in normal and 长者模式: axe-core finds no serious or critical violation; elderly text ≥ 20 px, tap targets ≥ 44 px; the phone entry loads no antd; staff pages opened by a resident say 无权访问',
    async run({ browser, baseUrl, shot }) {
      const findings: Finding[] = [];
      for (const mode of ['normal', 'elderly'] as const) {
        // bypassCSP: axe is injected as an inline script, which the server's CSP (script-src 'self') refuses.
        const ctx = await browser.newContext({
          viewport: PHONE,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          baseURL: baseUrl,
          bypassCSP: true,
        });
        try {
          const page = await ctx.newPage();
          page.setDefaultTimeout(20_000);
          const scripts: string[] = [];
          page.on('response', (r) => {
            if (r.url().endsWith('.js')) scripts.push(r.url());
          });
          await page.goto('/m/login');
          // The 长者模式 switch: one tap in the header, remembered across pages and reloads.
          if (mode === 'elderly') {
            await page.getByTestId('elderly-toggle').click();
            await page.reload();
            if ((await page.getByTestId('elderly-toggle').getAttribute('aria-pressed')) !== 'true')
              throw new Error('长者模式 was not remembered');
          }
          findings.push(
            ...(await axe(page, `${mode} /m/login`)),
            ...(await sizes(page, `${mode} /m/login`, mode === 'elderly' ? 20 : 15)),
          );
          await shot(page, `${mode}-login`);
          for (const [user, paths] of [
            ['jumin', RESIDENT_PAGES],
            ['zhiyuan', VOLUNTEER_PAGES],
          ] as const) {
            await phoneLoginAs(page, user);
            for (const path of paths) {
              await page.goto(path);
              await page.getByTestId('page-title').waitFor();
              await page.waitForLoadState('networkidle');
              findings.push(...(await axe(page, `${mode} ${user} ${path}`)));
              findings.push(...(await sizes(page, `${mode} ${user} ${path}`, mode === 'elderly' ? 20 : 15)));
              await shot(page, `${mode}-${user}-${path.replace(/\W+/g, '-')}`);
            }
          }
          // A plain resident sees no tile they cannot use (no volunteer profile: no points, hours, redeem).
          await phoneLoginAs(page, 'jumin');
          await page.getByText('王秀英').first().waitFor();
          await page.getByTestId('tile-/m/services').waitFor();
          await page.waitForLoadState('networkidle');
          for (const dead of ['/m/tasks', '/m/points', '/m/activities', '/m/redeem'])
            if ((await page.getByTestId(`tile-${dead}`).count()) > 0)
              throw new Error(`jumin sees the tile ${dead}`);
          // A staff page opened by its address says the account may not use it (no error, no retry).
          for (const staff of ['/m/care', '/m/key-tasks', '/m/reports']) {
            await page.goto(staff);
            await page.getByTestId('no-access').waitFor();
          }
          const heavy = scripts.filter((s) => /\/assets\/(antd|echarts|leaflet|index)-/.test(s));
          if (heavy.length) throw new Error(`the phone pages loaded ${heavy.join(', ')}`);
        } finally {
          await ctx.close();
        }
      }
      for (const f of findings) console.log(`    ${f.path}: ${f.what}`);
      if (findings.length) throw new Error(findings.map((f) => `${f.path}: ${f.what}`).join('\n'));
    },
  },
];
