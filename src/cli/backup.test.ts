import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';
import { pgliteTemplate } from '../../test/db';
import { loadConfig } from '../server/platform/config';
import { openDatabase, rowsOf } from '../server/platform/db';
import { backup, restore, restoreEmbedded } from './backup';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it('an embedded database backed up with `linli backup` comes back with `linli restore`', async () => {
  const source = mkdtempSync(join(tmpdir(), 'linli-bk-'));
  const target = mkdtempSync(join(tmpdir(), 'linli-rs-'));
  dirs.push(source, target);
  const config = loadConfig({ DATA_DIR: source, LINLI_SECRET_KEY: 'ab'.repeat(32) });
  const db = await openDatabase({
    dataDir: join(source, 'pglite'),
    loadDataDir: await pgliteTemplate('bare'),
  });
  await db.migrate();
  await db.db.execute(sql`insert into org_units (id, path, depth, kind, name, created_at, updated_at)
    values ('01a20000-0000-7000-8000-000000000001', '/01a20000-0000-7000-8000-000000000001/', 0, 'city', '黄石市', now(), now())`);
  const file = await backup(db, config, join(source, 'b.tar.gz'));
  await db.close();

  const restoredDir = await restoreEmbedded(
    loadConfig({ DATA_DIR: target, LINLI_SECRET_KEY: 'ab'.repeat(32) }),
    file,
    false,
  );
  const restored = await openDatabase({ dataDir: restoredDir });
  const rows = (await restored.db.execute(sql`select name from org_units`)) as unknown as {
    rows: { name: string }[];
  };
  expect(rows.rows.map((r) => r.name)).toEqual(['黄石市']);
  await restored.close();
  await expect(
    restoreEmbedded(loadConfig({ DATA_DIR: target, LINLI_SECRET_KEY: 'ab'.repeat(32) }), file, false),
  ).rejects.toThrow(/not empty/);
}, 180_000); // with TEST_DATABASE_URL there is no PGlite template to load: initdb and every migration

it('the embedded database is opened by one process at a time: backup and restore refuse while a server has it', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'linli-own-'));
  dirs.push(dataDir);
  const dir = join(dataDir, 'pglite');
  const config = loadConfig({ DATA_DIR: dataDir, LINLI_SECRET_KEY: 'ab'.repeat(32) });
  // Another live process (our parent stands in for a running server) owns it.
  writeFileSync(`${dir}.pid`, `${process.ppid}\n`);
  await expect(openDatabase({ dataDir: dir })).rejects.toThrow(`open in process ${process.ppid}`);
  await expect(restoreEmbedded(config, join(dataDir, 'none.tar.gz'), true)).rejects.toThrow(/Stop it first/);
  // A process killed with -9 leaves its file behind: a dead owner's claim is taken over.
  writeFileSync(`${dir}.pid`, '4194000\n');
  const d = await openDatabase({ dataDir: dir, loadDataDir: await pgliteTemplate('empty') });
  expect(readFileSync(`${dir}.pid`, 'utf8').trim()).toBe(String(process.pid));
  await d.close();
  expect(existsSync(`${dir}.pid`)).toBe(false);
});

const serverUrl = process.env.TEST_DATABASE_URL;

it.skipIf(!serverUrl)(
  'a PostgreSQL database comes back with `linli restore` (pg_restore), atomically: a broken backup changes nothing',
  async () => {
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    const names = ['src', 'dst'].map(
      (n) => `linli_test_bk_${n}_${Date.now()}_${randomBytes(2).toString('hex')}`,
    );
    const urlOf = (name: string) => {
      const u = new URL(serverUrl!);
      u.pathname = `/${name}`;
      return u.toString();
    };
    for (const n of names) await admin.query(`create database ${n}`);
    const dir = mkdtempSync(join(tmpdir(), 'linli-pgbk-'));
    dirs.push(dir);
    try {
      const env = { DATA_DIR: dir, LINLI_SECRET_KEY: 'ab'.repeat(32) };
      const source = await openDatabase({ url: urlOf(names[0]!), poolSize: 2 });
      await source.migrate();
      await source.db.execute(sql`insert into org_units (id, path, depth, kind, name, created_at, updated_at)
        values ('01a20000-0000-7000-8000-000000000001', '/01a20000-0000-7000-8000-000000000001/', 0, 'city', '黄石市', now(), now())`);
      const file = await backup(
        source,
        loadConfig({ ...env, DATABASE_URL: urlOf(names[0]!) }),
        join(dir, 'b.dump'),
      );
      await source.close();

      const target = loadConfig({ ...env, DATABASE_URL: urlOf(names[1]!) });
      expect(await restore(target, file, false)).toBe(names[1]);
      const restored = await openDatabase({ url: urlOf(names[1]!), poolSize: 2 });
      const namesIn = async () =>
        rowsOf<{ name: string }>(await restored.db.execute(sql`select name from org_units`)).map(
          (r) => r.name,
        );
      expect(await namesIn()).toEqual(['黄石市']);
      await restored.migrate(); // the migration journal came along: nothing to apply

      await expect(restore(target, file, false)).rejects.toThrow(/not empty/);
      await restored.db.execute(sql`update org_units set name = '改过的'`);
      const broken = join(dir, 'broken.dump');
      writeFileSync(broken, readFileSync(file).subarray(0, readFileSync(file).length - 200));
      await expect(restore(target, broken, true)).rejects.toThrow(/unchanged/);
      expect(await namesIn()).toEqual(['改过的']);
      await restore(target, file, true);
      expect(await namesIn()).toEqual(['黄石市']);
      await restored.close();
    } finally {
      for (const n of names) await admin.query(`drop database if exists ${n} with (force)`);
      await admin.end();
    }
  },
);
