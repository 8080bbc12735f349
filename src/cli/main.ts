import { fileURLToPath } from 'node:url';
import { start as serve } from './start';
import { auditCheckpointFileOf, sealAndVerifyAudit } from '../server/platform/audit';
import { systemClock, uuidv7 } from '../server/platform/clock';
import { loadConfig } from '../server/platform/config';
import { createPii } from '../server/platform/crypto';
import { openDatabase } from '../server/platform/db';
import { recomputeRollups } from '../server/modules/work-orders/workOrders.rollups';
import { ledgerVerifyCommand } from '../server/modules/ledger/ledger.verify';
import { migrateSpecialGroups } from '../server/modules/residents/residents.usecases';
import { backup, restore } from './backup';
import { DEMO_PASSWORD, seedDemoOnce } from './demo/seed';

const USAGE = `linli <command>
  serve              start the server (same as npm start)
  migrate            apply database migrations (DATABASE_URL or the embedded database in DATA_DIR)
  seed --demo        load the demo data into an empty database
  audit verify       seal pending audit records, check the hash chain against the signed checkpoints;
                     exit 1 if a record was changed, deleted, reordered or cut from the tail
  ledger verify      check the love-points/time-bank ledger balances; exit 1 and list discrepancies otherwise
  rollups recompute  rebuild the work-order statistics (rollups) from the orders
  backup [file]      back up the database (embedded: .tar.gz; PostgreSQL: pg_dump custom format)
  restore <file> [--force]   restore a backup into the embedded database or DATABASE_URL (servers stopped;
                     --force replaces a non-empty database: PGlite keeps the old folder aside,
                     PostgreSQL is backed up first)`;

async function withDb<T>(
  fn: (d: Awaited<ReturnType<typeof openDatabase>>, config: ReturnType<typeof loadConfig>) => Promise<T>,
) {
  const config = loadConfig();
  const d = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.databaseUrl ? undefined : `${config.dataDir}/pglite`,
  });
  try {
    return await fn(d, config);
  } finally {
    await d.close();
  }
}

async function run(argv: string[]): Promise<number> {
  const [cmd, sub] = argv;
  switch (cmd) {
    case 'serve':
      // The built CLI (dist/server/cli.mjs) has the database template beside it (scripts/ensure-server.mjs).
      await serve({ pgliteTemplate: fileURLToPath(new URL('./pglite-template', import.meta.url)) });
      return -1;
    case 'migrate':
      return withDb(async (d, config) => {
        await d.migrate();
        const encrypted = await migrateSpecialGroups(d.db, createPii(config.secretKey));
        console.log(`migrations applied (${d.kind})`);
        if (encrypted) console.log(`special-group tags of ${encrypted} resident(s) encrypted`);
        return 0;
      });
    case 'seed':
      if (sub !== '--demo') break;
      return withDb(async (d, config) => {
        await d.migrate();
        const res = await seedDemoOnce(
          d,
          { db: d.db, clock: systemClock, ids: uuidv7, pii: createPii(config.secretKey) },
          { log: console.log },
        );
        if (!res) {
          console.error('The database is not empty; demo data is only loaded into an empty database.');
          return 1;
        }
        console.log(
          `Demo accounts (password ${DEMO_PASSWORD}):\n${res.logins.map((l) => `  ${l}`).join('\n')}`,
        );
        return 0;
      });
    case 'audit':
      if (sub !== 'verify') break;
      return withDb(async (d, config) => {
        const res = await sealAndVerifyAudit({
          db: d.db,
          clock: systemClock,
          pii: createPii(config.secretKey),
          checkpointFile: auditCheckpointFileOf(config),
          log: {
            info: (o, m) => console.log(`${m}: ${JSON.stringify(o)}`),
            error: (o, m) => console.error(`${m}: ${String((o as { err?: unknown }).err ?? '')}`),
          },
        });
        const cp = res.checkpoint
          ? `; newest checkpoint: ${res.checkpoint.pos} records at ${res.checkpoint.at} (${res.checkpoint.source})`
          : '';
        if (res.checkpointFile === 'missing')
          console.warn(
            `checkpoint file ${auditCheckpointFileOf(config)} not found: compared with the table only`,
          );
        if (res.ok) {
          console.log(`audit chain intact: ${res.checked} sealed records, ${res.pending} pending${cp}`);
          return 0;
        }
        const p = res.problem;
        console.error(
          `audit chain BROKEN after ${res.checked} good records: ${p?.reason}${p?.pos != null ? ` at position ${p.pos}` : ''}${p?.seq != null ? ` (seq ${p.seq})` : ''}${p?.source ? ` [${p.source} checkpoint]` : ''}${cp}`,
        );
        return 1;
      });
    case 'ledger':
      if (sub === 'verify') return withDb((d) => ledgerVerifyCommand(d.db, systemClock));
      break;
    case 'rollups':
      if (sub !== 'recompute') break;
      return withDb(async (d) => {
        await recomputeRollups(d.db);
        console.log('work-order rollups rebuilt');
        return 0;
      });
    case 'backup':
      return withDb(async (d, config) => {
        console.log(`backup written to ${await backup(d, config, sub)}`);
        console.log(
          'Keep DATA_DIR/secret.key (or LINLI_SECRET_KEY) safe too: personal data cannot be decrypted without it.',
        );
        return 0;
      });
    case 'restore': {
      if (!sub) break;
      const into = await restore(loadConfig(), sub, argv.includes('--force'));
      console.log(`restored into ${into}`);
      return 0;
    }
  }
  console.error(USAGE);
  return 2;
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
