import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import { PgDialect, type PgDatabase, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import * as schema from './schema';

export type Schema = typeof schema;
/** A database handle or an open transaction: repositories accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** The embedded client, for backups (PGlite only). */
  pglite?: PGlite;
  /** Applies pending migrations; on PostgreSQL several processes may call it at once (one waits, then finds nothing to do). */
  migrate(): Promise<void>;
  /**
   * Runs `fn` while holding a cluster-wide lock named `name` (PostgreSQL: a session-level advisory lock on a
   * dedicated connection, so concurrent processes queue; PGlite: one process owns the data directory).
   */
  withLock<T>(name: string, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
  /** Raw SQL with positional parameters, for libraries that bring their own SQL (pg-boss). */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/**
 * The migrations folder: the nearest `migrations/` above this module, from the source
 * (src/server/platform) as from the built server (dist/server, dist/server/chunks).
 */
export const MIGRATIONS_DIR = findMigrations(dirname(fileURLToPath(import.meta.url)));

function findMigrations(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'migrations', 'meta', '_journal.json'))) return join(dir, 'migrations');
    if (dirname(dir) === dir) return fileURLToPath(new URL('../../../migrations', import.meta.url));
  }
}
/** Advisory lock names (hashed with `hashtext`) for work done once per cluster at boot. */
export const MIGRATION_LOCK = 'linli.migrate';
export const SEED_LOCK = 'linli.seed-demo';

/**
 * An embedded data directory belongs to one process at a time (PostgreSQL never shares a data directory;
 * a second PGlite on it, say `linli backup` beside a running server, can corrupt it). The owner's pid is
 * kept in `<dataDir>.pid`; a live owner makes the open fail, a dead one's (kill -9) file is taken over.
 * Returns the release function.
 */
export function claimDataDir(dataDir: string): () => void {
  const file = `${dataDir.replace(/\/+$/, '')}.pid`;
  if (existsSync(file)) {
    const pid = Number(readFileSync(file, 'utf8').trim());
    if (pid && pid !== process.pid && isAlive(pid))
      throw new Error(
        `The embedded database ${dataDir} is open in process ${pid} (a running server?). Stop it first; if no Linli process is running, delete ${file}.`,
      );
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${process.pid}\n`);
  return () => {
    try {
      if (readFileSync(file, 'utf8').trim() === String(process.pid)) unlinkSync(file);
    } catch {
      // already gone
    }
  };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as { code?: string }).code === 'EPERM';
  }
}

/** PGlite in `dataDir` (or in memory when dataDir is undefined), or PostgreSQL when `url` is given. */
export async function openDatabase(opts: {
  url?: string;
  dataDir?: string;
  poolSize?: number;
  /**
   * PGlite started from a dumped data directory (a template, in tests): in memory, or unpacked into
   * `dataDir` when that holds no database yet (instead of creating one with initdb).
   */
  loadDataDir?: Blob;
  /**
   * With `dataDir`: a migrated PGlite data directory (scripts/ensure-server.mjs builds one) copied into
   * `dataDir` when that holds no database yet, instead of creating one (initdb) and running every
   * migration. Ignored when missing; migrate() still applies whatever the template lacks.
   */
  template?: string;
}): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 20 });
    // An idle client whose connection is cut (server restart, failover) must not crash the process.
    pool.on('error', (err) =>
      console.warn(`PostgreSQL idle client error: ${(err as { code?: string }).code ?? err.name}`),
    );
    // pool.end() resolves once every client is told to end, not once its connection is gone: close() waits
    // for that too, so a database dropped right after close() cuts no connection of ours (57P01 warnings).
    const connections = new Set<Promise<void>>();
    pool.on('connect', (client) => {
      const gone: Promise<void> = new Promise((resolve) => client.once('end', () => resolve()));
      connections.add(gone);
      void gone.then(() => connections.delete(gone));
    });
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    const withLock = async <T>(name: string, fn: () => Promise<T>): Promise<T> => {
      // A dedicated connection holds the session lock while `fn` uses the pool as usual; the lock is
      // released by unlock, or by PostgreSQL when this connection dies with the process.
      const holder = await pool.connect();
      try {
        await holder.query('select pg_advisory_lock(hashtext($1))', [name]);
        try {
          return await fn();
        } finally {
          await holder.query('select pg_advisory_unlock(hashtext($1))', [name]);
        }
      } finally {
        holder.release();
      }
    };
    return {
      db,
      kind: 'postgres',
      // Two processes started at once on an empty database would both create the same tables (23505 on
      // pg_type_typname_nsp_index): the second waits for the lock, then finds every migration applied.
      migrate: () =>
        withLock(MIGRATION_LOCK, () => migratePg(db as never, { migrationsFolder: MIGRATIONS_DIR })),
      withLock,
      close: async () => {
        await pool.end();
        await Promise.all(connections);
      },
      executeSql: async (text, values) => ({ rows: (await pool.query(text, values as unknown[])).rows }),
    };
  }
  const release = opts.dataDir ? claimDataDir(opts.dataDir) : () => undefined;
  let client: PGlite;
  try {
    if (
      opts.dataDir &&
      opts.template &&
      existsSync(join(opts.template, 'PG_VERSION')) &&
      !existsSync(join(opts.dataDir, 'PG_VERSION'))
    ) {
      // Copied aside, then renamed: a start killed mid-copy leaves no half database behind.
      const tmp = `${opts.dataDir.replace(/\/+$/, '')}.template-copy`;
      rmSync(tmp, { recursive: true, force: true });
      cpSync(opts.template, tmp, { recursive: true });
      rmSync(opts.dataDir, { recursive: true, force: true });
      renameSync(tmp, opts.dataDir);
    }
    const load =
      opts.loadDataDir && !(opts.dataDir && existsSync(join(opts.dataDir, 'PG_VERSION')))
        ? { loadDataDir: opts.loadDataDir }
        : {};
    client = opts.dataDir ? await PGlite.create(opts.dataDir, load) : await PGlite.create(load);
  } catch (err) {
    release();
    throw err;
  }
  const queues = new Map<string, Promise<void>>();
  // One process owns a PGlite data directory: an in-process queue per name is the whole lock.
  const withLock = <T>(name: string, fn: () => Promise<T>): Promise<T> => {
    const run = (queues.get(name) ?? Promise.resolve()).then(fn, fn);
    queues.set(
      name,
      run.then(
        () => undefined,
        () => undefined,
      ),
    );
    return run;
  };
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    pglite: client,
    migrate: () =>
      withLock(MIGRATION_LOCK, () => migratePglite(db as never, { migrationsFolder: MIGRATIONS_DIR })),
    withLock,
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
    // PGlite binds parameters only for a single statement; parameterless text may hold several.
    executeSql: async (text, values) => {
      if (values && values.length > 0) return { rows: (await client.query(text, values)).rows };
      const results = await client.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

const dialect = new PgDialect();

/**
 * Runs `query` like `db.execute`, as a named prepared statement on PostgreSQL: each connection parses
 * and plans it once and then only binds values (a hot write whose planning costs as much as running it,
 * like the work-order intake). The name carries a hash of the text, so each shape of the statement is
 * its own prepared statement. PGlite runs it as a plain statement.
 */
export async function executePrepared(db: Db, name: string, query: SQL): Promise<unknown> {
  const q = dialect.sqlToQuery(query);
  const hash = createHash('sha1').update(q.sql).digest('base64url').slice(0, 16);
  return db._.session.prepareQuery(q, undefined, `${name}_${hash}`, false).execute();
}

/** Rows of a raw `db.execute(sql…)` on either driver. */
export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

/**
 * True when `err` (or the driver error Drizzle wraps in it) is a unique violation (PostgreSQL or PGlite): of
 * `constraint` when given, else of any unique index.
 */
export function isUniqueViolation(err: unknown, constraint?: string): boolean {
  for (
    let e = err as { code?: string; constraint?: string; cause?: unknown } | undefined;
    e;
    e = e.cause as typeof e
  ) {
    if (e.code === '23505')
      return (
        !constraint ||
        e.constraint === constraint ||
        String((e as { message?: string }).message).includes(constraint)
      );
  }
  return false;
}
