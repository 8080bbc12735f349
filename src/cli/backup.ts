import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import type { Config } from '../server/platform/config';
import type { Database } from '../server/platform/db';

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
  const r = spawnSync('pg_dump', ['--format=custom', `--file=${target}`, config.databaseUrl!], {
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('pg_dump failed (is the PostgreSQL client installed?)');
  return target;
}

/** `linli restore <file>`: recreates the embedded database from a backup made by `linli backup`. */
export async function restoreEmbedded(config: Config, file: string, force: boolean): Promise<string> {
  if (config.databaseUrl)
    throw new Error('For PostgreSQL use pg_restore with the .dump file (see docs/OPERATIONS.md).');
  const dir = join(config.dataDir, 'pglite');
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
