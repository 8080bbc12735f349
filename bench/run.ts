import pg from 'pg';
import { importsBench } from './imports.bench';
import { ledgerBench } from './ledger.bench';
import { load, targets } from './lib';
import { residentsBench } from './residents.bench';
import { type Ceiling, tpcbOnPglite, tpcbOnServer } from './tpcb';
import { workOrdersBench } from './workOrders.bench';

/**
 * `npm run bench`. Write workloads are printed as a fraction of the TPC-B transactions per second of the
 * same database, measured in the same run (pgbench on PostgreSQL, the same five statements from
 * TypeScript where pgbench is missing and on PGlite); reads against the same raw query; the import
 * against COPY of the same rows. The targets end as PASS/FAIL lines; a failed correctness target
 * (double posts, ledger discrepancies) makes the run fail.
 *
 * BENCH_ONLY=a,b runs some parts only: tpcb, residents, imports, intake, dashboard, ledger.
 */
async function main() {
  const ops = Number(process.env.BENCH_OPS ?? 1000);
  const only = process.env.BENCH_ONLY?.split(',').map((x) => x.trim());
  const parts = (p: string) => !only || only.includes(p);
  console.log(`Linli benchmarks — Node ${process.version}, ${ops} operations each  [${load()}]`);
  delete process.env.TEST_DATABASE_URL;

  const tpcb = { scale: 10, clients: 50, seconds: Number(process.env.BENCH_TPCB_SECONDS ?? 20) };
  const show = (label: string, c: Ceiling) =>
    console.log(
      `\n[${label}] TPC-B ceiling: ${c.tps.toFixed(0)} tps, mean latency ${c.latencyMs.toFixed(1)} ms, ${c.transactions} transactions (${c.how})  [${load()}]`,
    );

  if (parts('residents')) {
    const lite = await tpcbOnPglite({ scale: tpcb.scale, seconds: Math.min(tpcb.seconds, 10) });
    show('PGlite', lite);
    await residentsBench({ ops, concurrency: 1, label: 'PGlite', ceiling: lite });
  }
  if (parts('imports'))
    await importsBench({ rows: Number(process.env.BENCH_IMPORT_ROWS ?? 100_000), label: 'PGlite' });

  const pgUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const probe = new pg.Client({ connectionString: pgUrl });
  const reachable = await probe.connect().then(
    () => probe.end().then(() => true),
    () => false,
  );
  const writes = ['residents', 'intake', 'ledger'].some(parts);
  if (reachable) {
    const ceiling = writes
      ? await tpcbOnServer(pgUrl, tpcb)
      : { tps: Number.NaN, latencyMs: 0, transactions: 0, how: '' };
    if (writes) show('PostgreSQL', ceiling);
    process.env.TEST_DATABASE_URL = pgUrl;
    if (parts('residents')) await residentsBench({ ops, concurrency: 10, label: 'PostgreSQL', ceiling });
    if (parts('intake') || parts('dashboard'))
      await workOrdersBench({
        ops: Math.max(ops, 2000),
        concurrency: 50,
        bigOrders: Number(process.env.BENCH_WO_ORDERS ?? 1_000_000),
        ceiling,
        parts,
      });
    if (parts('ledger'))
      await ledgerBench({
        seconds: Number(process.env.BENCH_LEDGER_SECONDS ?? 20),
        concurrency: 100,
        ceiling,
      });
    if (parts('imports'))
      await importsBench({
        rows: Number(process.env.BENCH_IMPORT_ROWS ?? 100_000),
        label: 'PostgreSQL',
      });
  } else {
    console.log(`\n(PostgreSQL at ${pgUrl} not reachable: server benchmarks skipped)`);
  }

  console.log(`\nTargets  [${load()}]`);
  for (const t of targets) console.log(`  ${t.pass ? 'PASS' : 'FAIL'}  ${t.name}: ${t.detail}`);
  if (targets.some((t) => t.correctness && !t.pass)) throw new Error('a correctness target failed');
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
