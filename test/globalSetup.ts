import { randomBytes } from 'node:crypto';
import { mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import type { DbTemplates } from './templates';

declare module 'vitest' {
  export interface ProvidedContext {
    dbTemplates: DbTemplates;
  }
}

/**
 * A PGlite data-directory dump (a tar) without the files of template0 and template1 (`base/1`, `base/4`):
 * tests connect to `postgres` only and never create databases, and each test file loads the dump, so a third
 * less to unpack makes every file start faster.
 */
function withoutTemplateDatabases(tar: Buffer): Buffer {
  const kept: Buffer[] = [];
  for (let at = 0; at + 512 <= tar.length; ) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, len: number) =>
      header
        .subarray(from, from + len)
        .toString('latin1')
        .replace(/\0.*$/s, '');
    const name = `${field(345, 155)}${field(0, 100)}`.replace(/^\.?\//, '');
    const size = Number.parseInt(field(124, 12).trim() || '0', 8);
    const end = at + 512 + Math.ceil(size / 512) * 512;
    if (!/^base\/(1|4)(\/|$)/.test(name)) kept.push(tar.subarray(at, end));
    at = end;
  }
  kept.push(Buffer.alloc(1024));
  return Buffer.concat(kept);
}

/**
 * Makes the PGlite dumps (`empty`, `bare`, `fixture`), each written aside and renamed into place when
 * complete. It runs while vitest starts its workers and they import the app (test/db.ts waits for the
 * file it needs), instead of before: the two take about as long, and the machine has two cores.
 */
async function buildPgliteDumps(files: { empty: string; bare: string; fixture: string }) {
  const [{ openDatabase }, { addFixture }] = await Promise.all([
    import('../src/server/platform/db'),
    import('./templates'),
  ]);
  const db = await openDatabase({});
  // Every test file starts a PGlite from one of these dumps: with 16 MB of shared buffers instead of
  // 128 MB it starts in two thirds of the time (the buffer pool is set up at every start), and a test's
  // database is small. A test-only setting: it lives in these dumps' postgresql.auto.conf.
  await db.pglite!.exec(`alter system set shared_buffers = '16MB'`);
  const dump = async (file: string) => {
    const tar = withoutTemplateDatabases(
      Buffer.from(await (await db.pglite!.dumpDataDir('none')).arrayBuffer()),
    );
    writeFileSync(`${file}.part`, tar);
    renameSync(`${file}.part`, file);
  };
  // Tests of what happens on a new database (migrating, opening a data directory) start from this one
  // instead of creating their own with initdb, which costs several times as much as loading a dump.
  await dump(files.empty);
  await db.migrate();
  await dump(files.bare);
  await addFixture(db);
  await dump(files.fixture);
  await db.close();
}

/** Migrates the template databases once for the whole run (see test/templates.ts). */
export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'linli-test-'));
    const files = {
      empty: join(dir, 'empty.tar'),
      bare: join(dir, 'bare.tar'),
      fixture: join(dir, 'fixture.tar'),
    };
    // Not awaited: test/db.ts waits for each file, and reports `failed` when the build broke.
    const failed = join(dir, 'failed');
    const building = buildPgliteDumps(files).catch((err: Error) =>
      writeFileSync(failed, String(err.stack ?? err)),
    );
    project.provide('dbTemplates', { kind: 'pglite', ...files, failed });
    return async () => {
      await building;
      rmSync(dir, { recursive: true, force: true });
    };
  }
  const suffix = `${process.pid}_${randomBytes(3).toString('hex')}`;
  const bare = `linli_tpl_bare_${suffix}`;
  const fixture = `linli_tpl_fixture_${suffix}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const urlOf = (name: string) => {
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    return url.toString();
  };
  const { addFixture, openMigrated } = await import('./templates');
  await admin.query(`create database ${bare}`);
  const db = await openMigrated(urlOf(bare));
  await db.close();
  await admin.query(`create database ${fixture} template ${bare}`);
  const fx = await openMigrated(urlOf(fixture));
  await addFixture(fx);
  await fx.close();
  await admin.end();
  const databasePrefix = `linli_test_${suffix}_`;
  project.provide('dbTemplates', { kind: 'postgres', bare, fixture, databasePrefix });
  return async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    // The workers' databases (test/db.ts keeps one per template and worker until the run ends), then the templates.
    const { rows } = await c.query<{ datname: string }>(
      `select datname from pg_database where starts_with(datname, $1)`,
      [databasePrefix],
    );
    for (const name of [...rows.map((r) => r.datname), fixture, bare])
      await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
}
