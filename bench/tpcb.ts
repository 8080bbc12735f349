import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/**
 * The database's own write ceiling: pgbench's TPC-B-like workload (scale 10, 50 clients, 20 s) on a
 * scratch database of the same server, the figure every write benchmark is printed as a fraction of.
 * `pgbench -i -s 10` then `pgbench -c 50 -j 2 -T 20`; when pgbench is not installed, the same five
 * statements per transaction (pgbench's built-in "tpcb-like" script) are replayed from TypeScript on
 * the same tables, at the same scale and number of clients.
 */
export interface Ceiling {
  tps: number;
  /** Mean latency of one transaction. */
  latencyMs: number;
  transactions: number;
  how: string;
}

const run = promisify(execFile);

async function hasPgbench(): Promise<boolean> {
  return run('pgbench', ['--version']).then(
    () => true,
    () => false,
  );
}

/** TPC-B on the PostgreSQL server of `serverUrl`, in a scratch database dropped afterwards. */
export async function tpcbOnServer(
  serverUrl: string,
  opts: { scale: number; clients: number; seconds: number },
): Promise<Ceiling> {
  const name = `linli_bench_tpcb_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    if (process.env.BENCH_TPCB !== 'replay' && (await hasPgbench())) {
      await run('pgbench', ['-i', '-q', '-s', String(opts.scale), url.toString()], {
        maxBuffer: 1 << 24,
      });
      const { stdout } = await run(
        'pgbench',
        ['-c', String(opts.clients), '-j', '2', '-T', String(opts.seconds), url.toString()],
        { maxBuffer: 1 << 24 },
      );
      const num = (re: RegExp) => Number(re.exec(stdout)?.[1] ?? Number.NaN);
      return {
        tps: num(/tps = ([\d.]+) \(without initial connection time\)/),
        latencyMs: num(/latency average = ([\d.]+) ms/),
        transactions: num(/number of transactions actually processed: (\d+)/),
        how: `pgbench ${(await run('pgbench', ['--version'])).stdout.trim().replace(/^pgbench \(PostgreSQL\) /, '')} -c ${opts.clients} -j 2 -T ${opts.seconds}, scale ${opts.scale}`,
      };
    }
    const pool = new pg.Pool({ connectionString: url.toString(), max: opts.clients });
    try {
      const q = (text: string, values?: unknown[]) => pool.query(text, values);
      await tpcbInit(q, opts.scale);
      const r = await tpcbReplay(async () => {
        const c = await pool.connect();
        return { query: (t, v) => c.query(t, v), release: () => c.release() };
      }, opts);
      return {
        ...r,
        how: `pgbench not installed: TPC-B-like script replayed from TypeScript, ${opts.clients} clients, scale ${opts.scale}`,
      };
    } finally {
      await pool.end();
    }
  } finally {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  }
}

/** TPC-B on a fresh in-memory PGlite (one connection: PGlite runs one statement at a time). */
export async function tpcbOnPglite(opts: { scale: number; seconds: number }): Promise<Ceiling> {
  const db = await PGlite.create();
  try {
    await tpcbInit((t, v) => db.query(t, v), opts.scale);
    const r = await tpcbReplay(async () => ({ query: (t, v) => db.query(t, v), release: () => undefined }), {
      ...opts,
      clients: 1,
    });
    return {
      ...r,
      how: `TPC-B-like script from TypeScript on in-memory PGlite, 1 client, scale ${opts.scale}`,
    };
  } finally {
    await db.close();
  }
}

type Query = (text: string, values?: unknown[]) => Promise<unknown>;

/** What `pgbench -i -s scale` creates: branches, tellers, accounts (100,000 per branch), history. */
async function tpcbInit(query: Query, scale: number) {
  await query(
    `create table pgbench_branches (bid int not null, bbalance int, filler char(88)) with (fillfactor = 100)`,
  );
  await query(
    `create table pgbench_tellers (tid int not null, bid int, tbalance int, filler char(84)) with (fillfactor = 100)`,
  );
  await query(
    `create table pgbench_accounts (aid int not null, bid int, abalance int, filler char(84)) with (fillfactor = 100)`,
  );
  await query(
    `create table pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))`,
  );
  await query(`insert into pgbench_branches (bid, bbalance) select b, 0 from generate_series(1, ${scale}) b`);
  await query(
    `insert into pgbench_tellers (tid, bid, tbalance) select t, (t - 1) / 10 + 1, 0 from generate_series(1, ${10 * scale}) t`,
  );
  await query(
    `insert into pgbench_accounts (aid, bid, abalance, filler) select a, (a - 1) / 100000 + 1, 0, '' from generate_series(1, ${100_000 * scale}) a`,
  );
  await query(`alter table pgbench_branches add primary key (bid)`);
  await query(`alter table pgbench_tellers add primary key (tid)`);
  await query(`alter table pgbench_accounts add primary key (aid)`);
  await query(`vacuum analyze`);
}

interface Session {
  query(text: string, values?: unknown[]): Promise<unknown>;
  release(): void;
}

/** pgbench's built-in "tpcb-like" transaction, from `clients` sessions for `seconds`. */
async function tpcbReplay(
  connect: () => Promise<Session>,
  opts: { scale: number; clients: number; seconds: number },
): Promise<Omit<Ceiling, 'how'>> {
  const rnd = (lo: number, hi: number) => lo + Math.floor(Math.random() * (hi - lo + 1));
  let done = 0;
  let latency = 0;
  const start = performance.now();
  const end = start + opts.seconds * 1000;
  const client = async () => {
    const s = await connect();
    try {
      while (performance.now() < end) {
        const aid = rnd(1, 100_000 * opts.scale);
        const bid = rnd(1, opts.scale);
        const tid = rnd(1, 10 * opts.scale);
        const delta = rnd(-5000, 5000);
        const t0 = performance.now();
        await s.query('begin');
        await s.query('update pgbench_accounts set abalance = abalance + $1 where aid = $2', [delta, aid]);
        await s.query('select abalance from pgbench_accounts where aid = $1', [aid]);
        await s.query('update pgbench_tellers set tbalance = tbalance + $1 where tid = $2', [delta, tid]);
        await s.query('update pgbench_branches set bbalance = bbalance + $1 where bid = $2', [delta, bid]);
        await s.query(
          'insert into pgbench_history (tid, bid, aid, delta, mtime) values ($1, $2, $3, $4, current_timestamp)',
          [tid, bid, aid, delta],
        );
        await s.query('end');
        latency += performance.now() - t0;
        done++;
      }
    } finally {
      s.release();
    }
  };
  await Promise.all(Array.from({ length: opts.clients }, client));
  const seconds = (performance.now() - start) / 1000;
  return { tps: done / seconds, latencyMs: latency / Math.max(1, done), transactions: done };
}
