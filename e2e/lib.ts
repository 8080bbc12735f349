import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from './harness';

/** A phone's viewport, for residents' and volunteers' pages. */
export const PHONE = { width: 390, height: 844 };

/** A call through the page's own session, with the CSRF token for writes (204 answers undefined). */
export async function call<T>(page: Page, method: string, path: string, body?: unknown): Promise<T> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const me = await (await fetch('/api/auth/me')).json();
      const res = await fetch(path, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-csrf-token': me.csrfToken,
          'accept-language': 'zh-CN',
        },
        body: method === 'GET' ? undefined : JSON.stringify(body ?? {}),
      });
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
      return res.status === 204 ? (undefined as T) : res.json();
    },
    { method, path, body },
  );
}

/** Opens a phone page while logged out: the page sends us to /login?next=…, we log in and come back. */
export async function phoneLogin(page: Page, path: string, username: string) {
  await page.goto(path);
  await page.waitForURL(/\/login\?next=/);
  await page.getByTestId('login-username').fill(username);
  await page.getByTestId('login-password').fill(DEMO_PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.waitForURL((u) => u.pathname === path);
}
