#!/usr/bin/env node
// `npm run coldstart`: times `npm start` to the first 200 of /api/health, cold (an empty data directory,
// demo data included) and warm (a restart on that same directory), against the targets of issue 17
// (cold ≤ 15 s, warm ≤ 5 s). The web build is brought up to date first and not counted (it runs only
// when the web sources changed); `--fresh-build` deletes dist/ first and counts it, as on a fresh clone.
//
//   npm run coldstart [-- --runs 3] [--port 4031] [--fresh-build] [--verbose]
//
// Each line the server prints is timestamped relative to the spawn, so `--verbose` shows where the time goes.
import { spawn, execSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const COLD_TARGET_S = 15;
const WARM_TARGET_S = 5;
const TIMEOUT_S = 240;

const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const runs = Number(option('--runs', process.env.COLDSTART_RUNS ?? 1));
const verbose = flag('--verbose');
const freshBuild = flag('--fresh-build');
const command = option('--cmd', 'npm start');

const freePort = () =>
  new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });

/** Starts `command` on `dataDir`, waits for the first 200 of /api/health, stops it (SIGTERM), returns seconds. */
async function timeStart(dataDir, port, label) {
  const t0 = performance.now();
  const lines = [];
  const child = spawn(command, {
    shell: true,
    detached: true, // its own process group: npm → sh → node all get the SIGTERM
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), DATABASE_URL: '', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const collect = (stream) => {
    let rest = '';
    stream.on('data', (chunk) => {
      const parts = (rest + chunk).split('\n');
      rest = parts.pop();
      for (const l of parts) if (l.trim()) lines.push(`${((performance.now() - t0) / 1000).toFixed(2)}s  ${l}`);
    });
  };
  collect(child.stdout);
  collect(child.stderr);
  let exited = null;
  child.once('exit', (code) => {
    exited = code ?? -1;
  });
  let seconds = null;
  let demoSeconds = null;
  // Until the first 200, then (demo data loading in the background) until /api/health no longer says
  // `demo: loading`, so that the next start is a real restart and not a second cold start.
  while (demoSeconds === null) {
    if (exited !== null) break;
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/health`);
      if (res.status === 200) {
        seconds ??= (performance.now() - t0) / 1000;
        if ((await res.json()).demo !== 'loading') demoSeconds = (performance.now() - t0) / 1000;
      }
    } catch {
      // not listening yet
    }
    if (demoSeconds === null) {
      if (performance.now() - t0 > TIMEOUT_S * 1000) break;
      await new Promise((r) => setTimeout(r, seconds === null ? 50 : 250));
    }
  }
  if (exited === null) {
    const gone = new Promise((r) => child.once('exit', r));
    process.kill(-child.pid, 'SIGTERM');
    const timer = setTimeout(() => process.kill(-child.pid, 'SIGKILL'), 30_000);
    await gone;
    clearTimeout(timer);
  }
  // npm may exit before the server it started has finished shutting down: wait for the whole group.
  for (;;) {
    try {
      process.kill(-child.pid, 0);
    } catch {
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  if (verbose || seconds === null) {
    console.log(`--- ${label}: server output`);
    for (const l of lines) console.log(`  ${l}`);
  }
  if (seconds === null) throw new Error(`${label}: no 200 from /api/health (exit ${exited})`);
  if (demoSeconds === null) throw new Error(`${label}: the demo data did not finish loading`);
  // The server's own CPU time up to listening (it prints it): on a busy machine wall time says little.
  const cpu = lines.map((l) => l.match(/process CPU ([\d.]+) s/)?.[1]).find(Boolean);
  return { seconds, demoSeconds, cpu: cpu ? Number(cpu) : null };
}

const port = Number(option('--port', process.env.COLDSTART_PORT ?? 0)) || (await freePort());
if (freshBuild) rmSync('dist', { recursive: true, force: true });
else {
  // Not timed: bring the builds up to date, as after any earlier `npm start`.
  const pre = Date.now();
  execSync('node scripts/ensure-web.mjs', { stdio: 'inherit' });
  if (existsSync('scripts/ensure-server.mjs')) execSync('node scripts/ensure-server.mjs --template --template-always', { stdio: 'inherit' });
  if (Date.now() - pre > 2000) console.log(`(builds brought up to date in ${((Date.now() - pre) / 1000).toFixed(1)} s, not counted)`);
}

const cold = [];
const demo = [];
const warm = [];
const coldCpu = [];
const warmCpu = [];
for (let i = 0; i < runs; i++) {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-coldstart-'));
  try {
    const c = await timeStart(dataDir, port, `cold #${i + 1}`);
    cold.push(c.seconds);
    demo.push(c.demoSeconds);
    const w = await timeStart(dataDir, port, `warm #${i + 1}`);
    warm.push(w.seconds);
    if (c.cpu !== null) coldCpu.push(c.cpu);
    if (w.cpu !== null) warmCpu.push(w.cpu);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log(
    `run ${i + 1}: cold ${cold.at(-1).toFixed(1)} s (demo data loaded at ${demo.at(-1).toFixed(1)} s), warm ${warm.at(-1).toFixed(1)} s`,
  );
}

const range = (xs) =>
  xs.length === 1 ? `${xs[0].toFixed(1)} s` : `${Math.min(...xs).toFixed(1)}–${Math.max(...xs).toFixed(1)} s`;
const verdict = (xs, target) => (Math.max(...xs) <= target ? 'PASS' : 'FAIL');
const load = loadavg()
  .map((x) => x.toFixed(2))
  .join(' ');
console.log(`\n${command} to the first 200 of /api/health (${runs} run${runs > 1 ? 's' : ''}, load ${load}):`);
console.log(
  `  cold (empty data dir, demo data${freshBuild ? ', web + server build' : ''}): ${range(cold)}  target ≤ ${COLD_TARGET_S} s  ${verdict(cold, COLD_TARGET_S)}`,
);
console.log(`  demo data fully loaded:        ${range(demo)}  (the web app shows a banner until then)`);
console.log(`  warm (restart):                ${range(warm)}  target ≤ ${WARM_TARGET_S} s  ${verdict(warm, WARM_TARGET_S)}`);
if (coldCpu.length && warmCpu.length)
  console.log(`  server process CPU to listening: cold ${range(coldCpu)}, warm ${range(warmCpu)} (of the start.mjs process)`);
process.exitCode = verdict(cold, COLD_TARGET_S) === 'PASS' && verdict(warm, WARM_TARGET_S) === 'PASS' ? 0 : 1;
