import { buildApp, moduleJobs } from './app';
import { recoverInterruptedImports } from './modules/imports/imports.usecases';
import { migrateSpecialGroups } from './modules/residents/residents.usecases';
import { ensureDefaultCategories } from './modules/work-orders/workOrders.categories';
import { OffsetClock, systemClock, uuidv7 } from './platform/clock';
import { loadConfig } from './platform/config';
import { createPii } from './platform/crypto';
import { openDatabase } from './platform/db';
import { startJobs } from './platform/jobs';
import { sealAudit, sealDepsOf, startAuditSealer } from './platform/audit';
import type { AppDeps } from './platform/context';
import type { Database } from './platform/db';

/**
 * Loads demo data into an empty database and returns the demo logins (null when it loaded nothing). The
 * server never imports the demo seed: the start entry (src/cli/start.ts) passes one in, loaded by a
 * dynamic import, so demo data stays out of the server's import graph.
 */
export type DemoSeeder = (
  database: Database,
  deps: AppDeps,
) => Promise<{ logins: string[]; password: string } | null>;

/** config → db → buildApp → listen, with graceful shutdown on SIGTERM/SIGINT. */
export async function main(opts: { seedDemo?: DemoSeeder } = {}) {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`,
  });
  await database.migrate();
  // Data migrations that need the app key (a SQL migration cannot encrypt): idempotent.
  const encrypted = await migrateSpecialGroups(database.db, createPii(config.secretKey));
  if (encrypted) console.log(`special-group tags of ${encrypted} resident(s) encrypted (R-LAW-PI-1)`);
  await ensureDefaultCategories(database.db);
  const recovered = await recoverInterruptedImports(database.db);
  if (recovered.interrupted)
    console.log(`${recovered.interrupted} import(s) interrupted by the last shutdown were marked failed`);
  const deps = {
    db: database.db,
    clock: config.devClock ? new OffsetClock() : systemClock,
    ids: uuidv7,
    pii: createPii(config.secretKey),
    config,
    dbKind: database.kind,
  };
  const demo = config.seedDemo && opts.seedDemo ? await opts.seedDemo(database, deps) : null;
  const app = await buildApp(deps, { logger: true });
  // Recurring jobs through pg-boss (schedule and queue in the database, so they survive restarts and
  // run once per tick for all processes): every job the modules declare in defineModule({ jobs }), and the
  // platform's (moduleJobs in app.ts). Started before listening, so a process answers its health check only
  // once everything it runs has started. Besides its per-minute job, the audit sealer also runs every
  // AUDIT_SEAL_INTERVAL_SECONDS in this process (a shorter window for unsealed rows).
  const sealDeps = sealDepsOf({ ...deps, log: app.log });
  const jobs = await startJobs(database, moduleJobs({ ...deps, log: app.log }), {
    onError: (err) => app.log.error({ err }, 'job failed'),
    onRun: (job, jobId) => app.log.info({ job, jobId }, 'job started'),
  });
  const stopSealer = startAuditSealer(sealDeps, config.auditSealIntervalSeconds);

  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(`\nLinli is running at ${url}  (API docs: ${url}/api/docs, database: ${database.kind})`);
  if (demo?.logins.length)
    console.log(
      `Demo accounts (password for all: ${demo.password}):\n${demo.logins.map((l) => `  ${l}`).join('\n')}`,
    );

  let closing = false;
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
