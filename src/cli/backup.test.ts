import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { loadConfig } from '../server/platform/config';
import { openDatabase } from '../server/platform/db';
import { backup, restoreEmbedded } from './backup';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

it('an embedded database backed up with `linli backup` comes back with `linli restore`', async () => {
  const source = mkdtempSync(join(tmpdir(), 'linli-bk-'));
  const target = mkdtempSync(join(tmpdir(), 'linli-rs-'));
  dirs.push(source, target);
  const config = loadConfig({ DATA_DIR: source, LINLI_SECRET_KEY: 'ab'.repeat(32) });
  const db = await openDatabase({ dataDir: join(source, 'pglite') });
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
});
