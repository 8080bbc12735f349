/**
 * Shared pieces of the fault scripts (scripts/faults/*.ts, run by CI after the PostgreSQL test suite):
 * temporary data directories and databases that are removed again on any exit, app processes started
 * from the source with tsx, the `linli` CLI, per-table checksums, and a small pass/fail reporter.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { ensureDefaultCategories } from '../../src/server/modules/work-orders/workOrders.categories';
import { type Database, openDatabase, rowsOf } from '../../src/server/platform/db';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const PG_SERVER = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export type Kind = 'pglite' | 'postgres';

// ---------------------------------------------------------------- reporting

let failures = 0;
const started = Date.now();
const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)}s`;

export function log(message: string) {
  console.log(`[${elapsed()}] ${message}`);
}

/** One checked claim: printed as ok/FAIL; any FAIL makes the script exit 1. */
export function check(ok: boolean, claim: string, detail = '') {
  if (!ok) failures++;
  console.log(`[${elapsed()}] ${ok ? 'ok  ' : 'FAIL'} ${claim}${detail ? ` (${detail})` : ''}`);
  return ok;
}

/** Runs the script body, then every cleanup (also on SIGTERM/SIGINT and errors); exits 0 only without FAILs. */
export function runScript(name: string, body: () => Promise<void>) {
  log(`${name}`);
  const onSignal = (signal: string) => {
    console.error(`${signal}: cleaning up`);
    void cleanupAll().finally(() => process.exit(1));
  };
  process.once('SIGTERM', () => onSignal('SIGTERM'));
  process.once('SIGINT', () => onSignal('SIGINT'));
  body()
    .catch((err) => {
      failures++;
      console.error(err);
    })
    .finally(async () => {
      if (failures)
        for (const s of servers)
          console.error(`--- last output of the app on port ${s.port}:\n${s.lines.slice(-25).join('\n')}`);
      await cleanupAll();
      log(failures ? `${name}: ${failures} check(s) FAILED` : `${name}: all checks passed`);
      process.exit(failures ? 1 : 0);
    });
}

const cleanups: (() => Promise<void> | void)[] = [];
const servers: Server[] = [];
async function cleanupAll() {
  while (cleanups.length) {
    try {
      await cleanups.pop()!();
    } catch (err) {
      console.error('cleanup failed:', err);
    }
  }
}

// ---------------------------------------------------------------- environments

export interface Env {
  kind: Kind;
  dataDir: string;
  databaseUrl?: string;
  /** The environment of app processes and CLI runs on this database. */
  vars: Record<string, string>;
}

/** The `kind` named on the command line (pglite | postgres). */
export function kindArg(): Kind {
  const k = process.argv[2];
  if (k !== 'pglite' && k !== 'postgres') {
    console.error('usage: node --import tsx <script> pglite|postgres');
    process.exit(2);
  }
  return k;
}

async function admin<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: PG_SERVER });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** A new empty PostgreSQL database, dropped at exit; returns its URL. */
export async function tempDatabase(label: string): Promise<string> {
  const name = `linli_fault_${label}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await admin((c) => c.query(`create database ${name}`));
  cleanups.push(() =>
    admin((c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  );
  const url = new URL(PG_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A temporary DATA_DIR (and for PostgreSQL a temporary database), both removed at exit. */
export async function tempEnv(kind: Kind, label: string, secretKey?: string): Promise<Env> {
  const dataDir = mkdtempSync(join(tmpdir(), `linli-fault-${label}-`));
  cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
  const databaseUrl = kind === 'postgres' ? await tempDatabase(label) : undefined;
  return {
    kind,
    dataDir,
    databaseUrl,
    vars: {
      DATA_DIR: dataDir,
      LINLI_SECRET_KEY: secretKey ?? randomBytes(32).toString('hex'),
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
  };
}

/** Opens the environment's database in this process (PGlite: only while no app process has it open). */
export function openEnv(env: Env): Promise<Database> {
  return openDatabase(
    env.databaseUrl ? { url: env.databaseUrl, poolSize: 4 } : { dataDir: join(env.dataDir, 'pglite') },
  );
}

export const CITY_ID = '01a20000-0000-7000-8000-000000000001';

/** Migrates, loads the categories and one city, so anonymous intake has a territory. */
export async function prepare(env: Env) {
  const d = await openEnv(env);
  try {
    await d.migrate();
    await ensureDefaultCategories(d.db);
    await d.db.execute(sql`insert into org_units (id, path, depth, kind, name, created_at, updated_at)
      values (${CITY_ID}, ${`/${CITY_ID}/`}, 0, 'city', '黄石市', now(), now()) on conflict do nothing`);
  } finally {
    await d.close();
  }
}

// ---------------------------------------------------------------- processes

export interface Server {
  port: number;
  base: string;
  child: ChildProcess;
  /** stdout and stderr lines so far. */
  lines: string[];
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitHealthy(timeoutMs?: number): Promise<boolean>;
  kill9(): Promise<void>;
  /** SIGTERM (graceful drain); resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `src/cli/start.ts` (no web app, no demo data) on `port`; killed at exit if still running. */
export function startServer(env: Env, port: number, vars: Record<string, string> = {}): Server {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/start.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      ...env.vars,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO: 'false',
      WEB_DIR: join(env.dataDir, 'no-web'),
      LOG_LEVEL: 'warn',
      ...vars,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = '';
    stream.on('data', (chunk: Buffer) => {
      const parts = (rest + chunk.toString()).split('\n');
      rest = parts.pop()!;
      lines.push(...parts);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal })),
  );
  let done = false;
  void exited.then(() => {
    done = true;
  });
  cleanups.push(async () => {
    if (!done) {
      child.kill('SIGKILL');
      await exited;
    }
  });
  const base = `http://127.0.0.1:${port}`;
  const server: Server = {
    port,
    base,
    child,
    lines,
    exited,
    async waitHealthy(timeoutMs = 240_000) {
      const until = Date.now() + timeoutMs;
      while (Date.now() < until && !done) {
        try {
          const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(2_000) });
          if (res.ok) return true;
        } catch {
          // not listening yet
        }
        await sleep(250);
      }
      if (!done) child.kill('SIGKILL');
      console.error(`server on ${port} did not come up; its last output:\n${lines.slice(-30).join('\n')}`);
      return false;
    },
    async kill9() {
      child.kill('SIGKILL');
      await exited;
    },
    async stop() {
      if (done) return (await exited).code;
      child.kill('SIGTERM');
      const r = await Promise.race([exited, sleep(30_000).then(() => null)]);
      if (!r) {
        child.kill('SIGKILL');
        return null;
      }
      return r.code;
    },
  };
  servers.push(server);
  return server;
}

/** `linli <args>` on the environment's database; returns the exit status and output. */
export function linli(env: Env, args: string[], vars: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env.vars, ...vars },
    encoding: 'utf8',
  });
  return { status: r.status, output: `${r.stdout ?? ''}${r.stderr ?? ''}`.trim() };
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs `fn` over `items` with at most `width` at a time, in order of the items. */
export async function pool<T, R>(items: T[], width: number, fn: (item: T, index: number) => Promise<R>) {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------- data

/**
 * Row count and an order-independent hash of every row of every table (the application's, drizzle's
 * migration journal and pg-boss's), and the position of every sequence, keyed "schema.name".
 */
export async function tableChecksums(d: Database): Promise<Map<string, string>> {
  const tables = rowsOf<{ s: string; t: string }>(
    await d.db.execute(sql`select table_schema as s, table_name as t from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
      order by 1, 2`),
  );
  const out = new Map<string, string>();
  for (const { s, t } of tables) {
    const id = `"${s.replace(/"/g, '""')}"."${t.replace(/"/g, '""')}"`;
    const [r] = rowsOf<{ n: number; h: string | null }>(
      await d.db.execute(
        sql.raw(`select count(*)::int as n, md5(string_agg(md5(x::text), '' order by md5(x::text))) as h
          from ${id} x`),
      ),
    );
    out.set(`${s}.${t}`, `${r!.n} rows ${r!.h ?? '-'}`);
  }
  // Sequences too: a restore that lost their position would hand out numbers already used.
  const seqs = rowsOf<{ s: string; q: string }>(
    await d.db.execute(sql`select sequence_schema as s, sequence_name as q from information_schema.sequences
      order by 1, 2`),
  );
  for (const { s, q } of seqs) {
    const [r] = rowsOf<{ v: string; c: boolean }>(
      await d.db.execute(
        sql.raw(
          `select last_value::text as v, is_called as c from "${s.replace(/"/g, '""')}"."${q.replace(/"/g, '""')}"`,
        ),
      ),
    );
    out.set(`${s}.${q}`, `sequence at ${r!.v}${r!.c ? '' : ' (not called)'}`);
  }
  return out;
}
