import { buildApp } from './app';
import { recoverInterruptedImports } from './modules/imports/imports.usecases';
import { ensureDefaultCategories } from './modules/work-orders/workOrders.categories';
import { runSlaSweep } from './modules/work-orders/workOrders.sla';
import { OffsetClock, systemClock, uuidv7 } from './platform/clock';
import { loadConfig } from './platform/config';
import { createPii } from './platform/crypto';
import { openDatabase } from './platform/db';
import { DEMO_PASSWORD, isDatabaseEmpty, seedDemo } from '../cli/demo/seed';

/** config → db → buildApp → listen, with graceful shutdown on SIGTERM/SIGINT. */
export async function main() {
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`,
  });
  await database.migrate();
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
  let demoLogins: string[] = [];
  if (config.seedDemo && (await isDatabaseEmpty(database.db))) {
    console.log('Empty database: loading demo data (about a minute)…');
    demoLogins = (await seedDemo(deps, { log: (m) => console.log(`  ${m}`) })).logins;
  }
  const app = await buildApp(deps, { logger: true });
  await app.listen({ port: config.port, host: config.host });
  const url = `http://localhost:${config.port}`;
  console.log(`\nLinli is running at ${url}  (API docs: ${url}/api/docs, database: ${database.kind})`);
  if (demoLogins.length)
    console.log(
      `Demo accounts (password for all: ${DEMO_PASSWORD}):\n${demoLogins.map((l) => `  ${l}`).join('\n')}`,
    );

  // The SLA sweep (escalation, overdue, reminders) every minute; each step is claimed once, so several
  // processes can run it side by side, and a restart just sweeps again.
  const sweep = setInterval(() => {
    runSlaSweep({ ...deps, requestId: 'sla-sweep' }).catch((err) =>
      app.log.error({ err }, 'SLA sweep failed'),
    );
  }, 60_000);
  sweep.unref();

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    clearInterval(sweep);
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
