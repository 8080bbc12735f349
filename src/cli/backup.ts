import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Config } from '../server/platform/config';
import { claimDataDir, type Database } from '../server/platform/db';

const stamp = () => new Date().toISOString().replace(/[:.]/g, '-');

/**
 * `linli backup [file]`: the embedded database as a gzipped tarball (PGlite dumpDataDir), or `pg_dump
 * --format=custom` for a PostgreSQL server. The key file is NOT inside: back up DATA_DIR/secret.key apart.
 */
export async function backup(database: Database, config: Config, file?: string): Promise<string> {
  const target =
    file ??
    join(config.dataDir, 'backups', `linli-${stamp()}.${database.kind === 'pglite' ? 'tar.gz' : 'dump'}`);
  mkdirSync(dirname(target), { recursive: true });
  if (database.pglite) {
    const blob = await database.pglite.dumpDataDir('gzip');
    writeFileSync(target, Buffer.from(await blob.arrayBuffer()));
    return target;
  }
  const tool = pgTool(config.databaseUrl!);
  const r = spawnSync('pg_dump', ['--format=custom', `--file=${target}`, tool.url], {
    stdio: 'inherit',
    env: tool.env,
  });
  if (r.status !== 0) throw new Error('pg_dump failed (is the PostgreSQL client installed?)');
  return target;
}

/** `linli restore <file> [--force]`: into the PostgreSQL server of DATABASE_URL, else the embedded database. */
export function restore(config: Config, file: string, force: boolean): Promise<string> {
  return config.databaseUrl ? restorePostgres(config, file, force) : restoreEmbedded(config, file, force);
}

/** `linli restore <file>`: recreates the embedded database from a backup made by `linli backup`. */
export async function restoreEmbedded(config: Config, file: string, force: boolean): Promise<string> {
  if (config.databaseUrl)
    throw new Error('DATABASE_URL is set: restore into PostgreSQL with restorePostgres.');
  const dir = join(config.dataDir, 'pglite');
  const release = claimDataDir(dir); // refuses while a server has the database open
  try {
    return await restoreInto(dir, file, force);
  } finally {
    release();
  }
}

async function restoreInto(dir: string, file: string, force: boolean): Promise<string> {
  if (existsSync(dir) && readdirSync(dir).length > 0 && !force) {
    throw new Error(
      `${dir} is not empty; stop the server and pass --force to replace it (the old folder is kept aside).`,
    );
  }
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    const { renameSync } = await import('node:fs');
    renameSync(dir, `${dir}.before-restore-${stamp()}`);
  }
  const blob = new Blob([readFileSync(file)]);
  const pg = await PGlite.create(dir, { loadDataDir: blob });
  await pg.query('select 1');
  await pg.close();
  return dir;
}

/** The schemas Linli's database consists of: its tables, drizzle's migration journal, pg-boss's queue. */
const SCHEMAS = ['public', 'drizzle', 'pgboss'];

/**
 * Streams `pg_restore`'s SQL for `file` into psql inside one transaction that commits only when
 * pg_restore finished cleanly and psql met no error (ON_ERROR_STOP); otherwise nothing changes.
 */
function replayInOneTransaction(file: string, prelude: string, tool: PgTool) {
  return new Promise<void>((resolve, reject) => {
    const psql = spawn('psql', ['-X', '-q', '-v', 'ON_ERROR_STOP=1', '-d', tool.url, '-f', '-'], {
      stdio: ['pipe', 'ignore', 'inherit'],
      env: tool.env,
    });
    const source = spawn('pg_restore', ['--no-owner', '--no-privileges', '--file=-', file], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const stdin = psql.stdin!;
    stdin.on('error', () => undefined); // psql stopped at an error: its exit code reports it
    let sourceCode: number | null = null;
    psql.on('error', reject);
    source.on('error', reject);
    stdin.write(`begin;\n${prelude}`);
    source.stdout!.pipe(stdin, { end: false });
    source.on('close', (code) => {
      sourceCode = code;
      if (code === 0) stdin.end('commit;\n');
      else stdin.end(); // no commit: psql's session ends and the transaction is rolled back
    });
    psql.on('close', (code) => {
      if (code === 0 && sourceCode === 0) resolve();
      else
        reject(
          new Error(`restore failed (psql ${code}, pg_restore ${sourceCode}); the database is unchanged`),
        );
    });
  });
}

interface PgTool {
  url: string;
  env: NodeJS.ProcessEnv;
}

/** The URL without its password (which goes to PGPASSWORD instead, out of the process list). */
function pgTool(databaseUrl: string): PgTool {
  const u = new URL(databaseUrl);
  const env = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { url: u.toString(), env };
}

/**
 * `linli restore <file>` with DATABASE_URL: replaces the database's content with a `pg_dump --format=custom`
 * backup (`linli backup`), in one transaction: the schemas are dropped and the dump's SQL (pg_restore's
 * script output, without owners or grants) is replayed by psql, committed only if all of it ran, so a
 * failed restore leaves the database as it was. A database that holds tables needs --force, and is then backed up
 * first into DATA_DIR/backups. Stop every app process first (the restore waits at most 10 s for locks).
 */
export async function restorePostgres(config: Config, file: string, force: boolean): Promise<string> {
  const url = config.databaseUrl;
  if (!url) throw new Error('DATABASE_URL is not set');
  if (!existsSync(file)) throw new Error(`${file} does not exist`);
  const tool = pgTool(url);
  const list = spawnSync('pg_restore', ['--list', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  if (list.error) throw new Error('pg_restore not found (install the PostgreSQL client)');
  if (list.status !== 0) throw new Error(`${file} is not a pg_dump custom-format backup`);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let tables = 0;
  try {
    const r = await client.query(
      'select count(*)::int as n from information_schema.tables where table_schema = any($1)',
      [SCHEMAS],
    );
    tables = r.rows[0].n;
  } finally {
    await client.end();
  }
  if (tables > 0) {
    if (!force)
      throw new Error(
        'The database is not empty; stop every app process and pass --force to replace it (a backup of it is taken first).',
      );
    const safety = join(config.dataDir, 'backups', `linli-before-restore-${stamp()}.dump`);
    mkdirSync(dirname(safety), { recursive: true });
    const r = spawnSync('pg_dump', ['--format=custom', `--file=${safety}`, tool.url], {
      stdio: 'inherit',
      env: tool.env,
    });
    if (r.status !== 0) throw new Error('pg_dump of the current database failed; nothing was restored');
    console.log(`the current database was backed up to ${safety}`);
  }
  const prelude = [
    "set local lock_timeout = '10s';",
    "set local client_min_messages = 'warning';",
    ...SCHEMAS.map((s) => `drop schema if exists ${s} cascade;`),
    'create schema public;',
    '',
  ].join('\n');
  await replayInOneTransaction(file, prelude, tool);
  return new URL(url).pathname.slice(1) || url;
}
