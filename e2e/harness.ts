import { type ChildProcess, execSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';

export const ARTIFACTS = join(process.cwd(), 'e2e', 'artifacts');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const DEMO_PASSWORD = 'Linli-demo-2026';

export interface Server {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

/** Builds the web app if needed and starts the real server on a fresh data directory with demo data. */
/** A port nobody listens on right now (several journeys runs may share a machine). */
async function freePort(): Promise<number> {
  const { createServer } = await import('node:net');
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export async function startServer(requestedPort?: number): Promise<Server> {
  const port = requestedPort ?? (await freePort());
  // The production path, as `npm start` runs it: the built web app and server (each rebuilt only when its
  // sources changed) and the migrated database template.
  execSync('node scripts/ensure-web.mjs && node scripts/ensure-server.mjs --template --template-always', {
    stdio: 'inherit',
  });
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--enable-source-maps', 'dist/server/serve.mjs'], {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      LINLI_DEV_CLOCK: 'true',
      RATE_LIMIT_PER_MINUTE: '1000',
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 600_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    // (the health check below only counts once our own child is up and listening, and the demo data, which
    // loads in the background, is all there)
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok && ((await res.json()) as { demo?: string }).demo !== 'loading') break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL'); // not left behind on the port
      throw new Error('server did not start in time');
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return {
    url,
    dataDir,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

export interface JourneyContext {
  baseUrl: string;
  browser: Browser;
  /** A fresh browser context (own cookies) with the given viewport. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  shot(page: Page, name: string): Promise<void>;
  login(page: Page, username: string): Promise<void>;
}

export type Journey = { name: string; run(ctx: JourneyContext): Promise<void> };

/** Runs every journey, saves screenshots, and returns pass/fail counts. */
export async function runJourneys(baseUrl: string, journeys: Journey[]) {
  rmSync(ARTIFACTS, { recursive: true, force: true });
  mkdirSync(ARTIFACTS, { recursive: true });
  const browser = await launchBrowser();
  let passed = 0;
  let failed = 0;
  const contexts: BrowserContext[] = [];
  for (const journey of journeys) {
    const slug = journey.name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    let step = 0;
    const ctx: JourneyContext = {
      baseUrl,
      browser,
      async newPage(viewport = { width: 1440, height: 900 }) {
        const c = await browser.newContext({
          viewport,
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          baseURL: baseUrl,
        });
        contexts.push(c);
        const page = await c.newPage();
        page.setDefaultTimeout(20_000);
        return page;
      },
      async shot(page, name) {
        step++;
        await page.screenshot({
          path: join(ARTIFACTS, `${slug}-${String(step).padStart(2, '0')}-${name}.png`),
          fullPage: false,
        });
      },
      async login(page, username) {
        await page.goto('/login');
        await page.getByTestId('login-username').fill(username);
        await page.getByTestId('login-password').fill(DEMO_PASSWORD);
        await page.getByTestId('login-submit').click();
        await page.getByTestId('current-user').waitFor();
      },
    };
    const started = Date.now();
    try {
      await journey.run(ctx);
      passed++;
      console.log(`  ✓ ${journey.name} (${Date.now() - started} ms)`);
    } catch (err) {
      failed++;
      console.log(
        `  ✗ ${journey.name}\n    ${(err as Error).message.split('\n').slice(0, 6).join('\n    ')}`,
      );
      const pages = contexts.flatMap((c) => c.pages());
      const last = pages.at(-1);
      if (last) await last.screenshot({ path: join(ARTIFACTS, `${slug}-FAILED.png`) }).catch(() => undefined);
    }
    for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
  }
  await browser.close();
  return { passed, failed };
}
