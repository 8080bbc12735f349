#!/usr/bin/env node
// Builds the server once into dist/server (used by `npm start` and bin/linli.mjs), so that no TypeScript is
// transpiled at run time: esbuild bundles src/cli/serve.ts (the server with its demo data) and
// src/cli/main.ts (the `linli` commands), every npm package left external. Rebuilt only when the contents of
// src/server, src/cli, src/shared or package.json changed (content stamp, see scripts/build-lib.mjs).
//
// With --template (npm start; --template-always: whatever DATA_DIR holds): also a migrated embedded database, dist/server/pglite-template/ (with the
// job queue's schema), which the server copies into an empty data directory instead of creating and
// migrating one (PGlite's initdb alone takes several seconds). Rebuilt when the migrations or the PGlite version changed, and only when it is
// about to be used (no DATABASE_URL, and DATA_DIR holds no database yet). The migrations still run on
// start, so a template older than the migrations is only slower, never wrong.
import { existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkStamp } from './build-lib.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const OUT = join(ROOT, 'dist/server');
const ENTRIES = { serve: join(ROOT, 'src/cli/serve.ts'), cli: join(ROOT, 'src/cli/main.ts') };
export const TEMPLATE = join(OUT, 'pglite-template');

const version = (pkg) => JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/** Renames a finished build into place; false when another process (a second `npm start`) got there first. */
function swapIn(tmp, dest) {
  try {
    renameSync(tmp, dest);
    return true;
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    if (existsSync(dest)) return false;
    throw err;
  }
}

export async function ensureServerBundle({ quiet = false } = {}) {
  const stamp = checkStamp(
    ROOT,
    join(OUT, '.stamp'),
    ['src/server', 'src/cli', 'src/shared', 'package.json', 'scripts/ensure-server.mjs'],
    {
      extra: [`esbuild ${version('esbuild')}`, `node ${process.version.split('.')[0]}`],
      outputs: Object.keys(ENTRIES).map((e) => join(OUT, `${e}.mjs`)),
    },
  );
  if (stamp.fresh) return false;
  if (!quiet) console.log('Building the server…');
  const t = Date.now();
  const { build } = await import('esbuild');
  const tmp = `${OUT}.tmp-${process.pid}`;
  await build({
    entryPoints: ENTRIES,
    outdir: tmp,
    bundle: true,
    splitting: true, // the demo seed stays a chunk of its own, loaded by dynamic import
    format: 'esm',
    platform: 'node',
    target: `node${process.versions.node.split('.')[0]}`,
    packages: 'external',
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    sourcemap: 'linked',
    absWorkingDir: ROOT,
    logLevel: 'warning',
    legalComments: 'none',
  });
  // Swap in the new build in one step, keeping the database template (it has its own stamp).
  if (existsSync(TEMPLATE)) renameSync(TEMPLATE, join(tmp, 'pglite-template'));
  if (existsSync(`${TEMPLATE}.stamp`)) renameSync(`${TEMPLATE}.stamp`, join(tmp, 'pglite-template.stamp'));
  rmSync(OUT, { recursive: true, force: true });
  if (!swapIn(tmp, OUT)) return false;
  stamp.save();
  if (!quiet) console.log(`Server built in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return true;
}

/** The migrated template database for empty data directories (see the header). */
export async function ensurePgliteTemplate({ always = false } = {}) {
  const dataDir = resolve(process.env.DATA_DIR ?? './data');
  const needed = always || (!process.env.DATABASE_URL && !existsSync(join(dataDir, 'pglite', 'PG_VERSION')));
  if (!needed) return false;
  const stamp = checkStamp(ROOT, `${TEMPLATE}.stamp`, ['migrations'], {
    extra: ['pglite', 'drizzle-orm', 'pg-boss'].map((p) => `${p} ${version(p === 'pglite' ? '@electric-sql/pglite' : p)}`),
    outputs: [join(TEMPLATE, 'PG_VERSION')],
  });
  if (stamp.fresh) return false;
  const t = Date.now();
  console.log('Preparing the embedded database template…');
  const { PGlite } = await import('@electric-sql/pglite');
  const { drizzle } = await import('drizzle-orm/pglite');
  const { migrate } = await import('drizzle-orm/pglite/migrator');
  const { default: PgBoss } = await import('pg-boss');
  const tmp = `${TEMPLATE}.tmp-${process.pid}`;
  rmSync(tmp, { recursive: true, force: true });
  const pg = await PGlite.create(tmp);
  try {
    // The same migrator and folder as openDatabase(...).migrate() in src/server/platform/db.ts, and the job
    // queue's schema as startJobs (src/server/platform/jobs.ts) creates it on a first start.
    await migrate(drizzle(pg), { migrationsFolder: join(ROOT, 'migrations') });
    const boss = new PgBoss({
      db: {
        executeSql: async (text, values) =>
          values?.length ? pg.query(text, values) : { rows: (await pg.exec(text)).at(-1)?.rows ?? [] },
      },
      schema: 'pgboss',
      supervise: false,
      schedule: false,
    });
    await boss.start();
    await boss.stop({ graceful: false, wait: true });
  } finally {
    await pg.close();
  }
  rmSync(TEMPLATE, { recursive: true, force: true });
  if (!swapIn(tmp, TEMPLATE)) return false;
  stamp.save();
  console.log(`Database template ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  await ensureServerBundle();
  if (args.includes('--template')) await ensurePgliteTemplate({ always: args.includes('--template-always') });
}
