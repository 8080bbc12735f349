import { buildApp, moduleJobs } from './app';
import { recoverInterruptedImports } from './modules/imports/imports.usecases';
import { migrateSpecialGroups } from './modules/residents/residents.usecases';
import { ensureDefaultCategories } from './modules/work-orders/workOrders.categories';
import { OffsetClock, systemClock, uuidv7 } from './platform/clock';
import { loadConfig } from './platform/config';
import { createPii } from './platform/crypto';
import { claimDataDir, openDatabase } from './platform/db';
import { startJobs } from './platform/jobs';
import { sealAudit, sealDepsOf, startAuditSealer } from './platform/audit';
import type { AppDeps } from './platform/context';
import type { Database } from './platform/db';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Loads demo data into an empty database and returns the demo logins (null when it loaded nothing). The
 * server never imports the demo seed: the start entry (src/cli/start.ts) passes one in, loaded by a
 * dynamic import, so demo data stays out of the server's import graph. `onStart` is called once the seeder
 * found the database empty and begins to load.
 */
export type DemoSeeder = (
  database: Database,
  deps: AppDeps,
  hooks?: { onStart?: () => void },
) => Promise<{ logins: string[]; password: string } | null>;

/** Startup phases and their durations, printed once the server listens. */
function phaseTimer() {
  const t0 = performance.now();
  let last = t0;
  let lastCpu = process.cpuUsage();
  const phases: string[] = [];
  return {
    lap(name: string) {
      const now = performance.now();
      const cpu = process.cpuUsage(lastCpu);
      phases.push(
        `${name} ${((now - last) / 1000).toFixed(1)} s/${((cpu.user + cpu.system) / 1e6).toFixed(1)} cpu`,
      );
      last = now;
      lastCpu = process.cpuUsage();
    },
    summary: () => {
      const cpu = process.cpuUsage();
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      // CPU time since the process began (imports included): on a busy machine wall time says little.
      return `${((performance.now() - t0) / 1000).toFixed(1)} s (${phases.join(', ')}; process CPU ${cpuSeconds.toFixed(1)} s, ${(process.uptime()).toFixed(1)} s since launch)`;
    },
  };
}

/**
 * config → db → buildApp → listen, with graceful shutdown on SIGTERM/SIGINT.
 *
 * Demo data on the embedded database (PGlite, `npm start`) loads in the background after the server
 * listens: /api/health answers at once and /api/config says `demoLoading` while the web app shows a banner.
 * A marker file (DATA_DIR/demo-loading) is there while it loads; a start that finds it (the last process
 * stopped mid-load) starts again from an empty embedded database, so the demo is never half there. On
 * PostgreSQL the demo loads before listening, as several processes may share the database.
 */
export async function main(opts: { seedDemo?: DemoSeeder; pgliteTemplate?: string } = {}) {
  const timer = phaseTimer();
  const config = loadConfig();
  const pgliteDir = config.databaseUrl ? undefined : `${config.dataDir}/pglite`;
  const demoMarker = join(config.dataDir, 'demo-loading');
  if (pgliteDir && existsSync(demoMarker)) {
    claimDataDir(pgliteDir)(); // refuses (throws) while another process has the database open
    console.log(
      'The last start stopped while loading the demo data: loading it again into an empty database.',
    );
    rmSync(pgliteDir, { recursive: true, force: true });
  }
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: pgliteDir,
    template: opts.pgliteTemplate,
  });
  timer.lap('database');
  await database.migrate();
  timer.lap('migrations');
  // Data migrations that need the app key (a SQL migration cannot encrypt): idempotent.
  const encrypted = await migrateSpecialGroups(database.db, createPii(config.secretKey));
  if (encrypted) console.log(`special-group tags of ${encrypted} resident(s) encrypted (R-LAW-PI-1)`);
  await ensureDefaultCategories(database.db);
  const recovered = await recoverInterruptedImports(database.db);
  if (recovered.interrupted)
    console.log(`${recovered.interrupted} import(s) interrupted by the last shutdown were marked failed`);
  timer.lap('data checks');
  const deps = {
    db: database.db,
    clock: config.devClock ? new OffsetClock() : systemClock,
    ids: uuidv7,
    pii: createPii(config.secretKey),
    config,
    dbKind: database.kind,
  };
  const seedDemo = config.seedDemo ? opts.seedDemo : undefined;
  const demoInBackground = !!seedDemo && database.kind === 'pglite';
  // Until the seeder has looked (it finds an empty database, or not, in milliseconds), say it is loading:
  // a first health check must not read "ready" on a database about to be filled.
  let demoLoading = demoInBackground;
  const demo = seedDemo && !demoInBackground ? await seedDemo(database, deps) : null;
  if (demo) timer.lap('demo data');
  const app = await buildApp(deps, { logger: true, demoLoading: () => demoLoading });
  timer.lap('app');
  // Recurring jobs through pg-boss (schedule and queue in the database, so they survive restarts and
  // run once per tick for all processes): every job the modules declare in defineModule({ jobs }), and the
  // platform's (moduleJobs in app.ts). Started before listening, so a process answers its health check only
  // once everything it runs has started. Besides its per-minute job, the audit sealer also runs every
  // AUDIT_SEAL_INTERVAL_SECONDS in this process (a shorter window for unsealed rows).
  const sealDeps = sealDepsOf({ ...deps, log: app.log });
  // While the demo loads in the background the modules' jobs wait: a sweep would otherwise fire deadlines
  // on orders the seed is still writing (and claim the steps the seed is about to insert). A skipped tick
  // loses nothing: every job catches up on its next run.
  const moduleJobList = moduleJobs({ ...deps, log: app.log }).map((job) => ({
    ...job,
    run: async () => {
      if (demoLoading) {
        app.log.info({ job: job.name }, 'job skipped while the demo data loads');
        return undefined;
      }
      const result = await job.run();
      // What the tick did (counts a job returns), so an operator can see a scheduled job actually working.
      app.log.info({ job: job.name, result }, 'job done');
      return result;
    },
  }));
  const jobs = await startJobs(database, moduleJobList, {
    onError: (err) => app.log.error({ err }, 'job failed'),
    onRun: (job, jobId) => app.log.info({ job, jobId }, 'job started'),
  });
  const stopSealer = startAuditSealer(sealDeps, config.auditSealIntervalSeconds);
  timer.lap('jobs');

  await app.listen({ port: config.port, host: config.host });
  timer.lap('listen');
  const url = `http://localhost:${config.port}`;
  console.log(`\nLinli is running at ${url}  (API docs: ${url}/api/docs, database: ${database.kind})`);
  console.log(`Started in ${timer.summary()}`);
  const printLogins = (d: { logins: string[]; password: string } | null) => {
    if (d?.logins.length)
      console.log(
        `Demo accounts (password for all: ${d.password}):\n${d.logins.map((l) => `  ${l}`).join('\n')}`,
      );
  };
  printLogins(demo);

  let closing = false;
  if (seedDemo && demoInBackground) {
    const t = performance.now();
    void seedDemo(database, deps, {
      onStart: () => {
        writeFileSync(demoMarker, `${process.pid}\n`);
        demoLoading = true;
      },
    }).then(
      (loaded) => {
        demoLoading = false;
        rmSync(demoMarker, { force: true });
        if (!loaded) return;
        console.log(`Demo data loaded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
        printLogins(loaded);
      },
      (err) => {
        demoLoading = false;
        if (closing) return; // stopped mid-load: the marker makes the next start load it again
        console.error('Loading the demo data failed; stopping (the next start loads it again).', err);
        process.exit(1);
      },
    );
  }

  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    await stopSealer();
    await jobs.stop().catch(() => undefined);
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    // Chain what the last requests wrote, so nothing waits unsealed for the next start.
    await sealAudit(sealDeps).catch((err) => app.log.error({ err }, 'audit seal at shutdown failed'));
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}
