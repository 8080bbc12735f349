import pg from 'pg';
import { importsBench } from './imports.bench';
import { ledgerBench } from './ledger.bench';
import { residentsBench } from './residents.bench';
import { workOrdersBench } from './workOrders.bench';

/** `npm run bench`: each benchmark prints its ratio to a baseline run in the same process. */
async function main() {
  const ops = Number(process.env.BENCH_OPS ?? 1000);
  console.log(`Linli benchmarks — Node ${process.version}, ${ops} operations each`);
  delete process.env.TEST_DATABASE_URL;
  await residentsBench({ ops, concurrency: 1, label: 'PGlite' });
  await importsBench({ rows: Number(process.env.BENCH_IMPORT_ROWS ?? 100_000), label: 'PGlite' });
  const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const probe = new pg.Client({ connectionString: pgUrl });
  const reachable = await probe.connect().then(
    () => probe.end().then(() => true),
    () => false,
  );
  if (reachable) {
    process.env.TEST_DATABASE_URL = pgUrl;
    await residentsBench({ ops, concurrency: 10, label: 'PostgreSQL' });
    await workOrdersBench({
      ops: Math.max(ops, 1000),
      concurrency: 50,
      bigOrders: Number(process.env.BENCH_WO_ORDERS ?? 1_000_000),
    });
    await ledgerBench({ seconds: Number(process.env.BENCH_LEDGER_SECONDS ?? 30), concurrency: 100 });
  } else {
    console.log(`\n(PostgreSQL at ${pgUrl} not reachable: server benchmarks skipped)`);
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
