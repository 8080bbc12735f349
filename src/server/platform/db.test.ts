import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteTemplate, twoHandlesOnNewDatabase } from '../../../test/db';
import { type Database, rowsOf } from './db';

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Two handles on one new, empty database: two app processes started against it. */
async function twoProcesses(): Promise<[Database, Database]> {
  const { handles, close } = await twoHandlesOnNewDatabase();
  cleanups.push(close);
  return handles;
}

describe('boot on an empty database by several processes at once', () => {
  it('two processes migrating an empty database at the same moment both succeed: the second waits, then finds nothing to do', async () => {
    const [a, b] = await twoProcesses();
    await Promise.all([a.migrate(), b.migrate()]);
    const applied = rowsOf<{ n: number }>(
      await a.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    )[0]!.n;
    await b.migrate();
    const again = rowsOf<{ n: number }>(
      await b.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    )[0]!.n;
    expect(again).toBe(applied);
    expect(applied).toBeGreaterThan(10);
  });

  it('withLock runs one holder at a time across processes; a failing holder releases the lock', async () => {
    const [a, b] = await twoProcesses();
    const trace: string[] = [];
    const hold = (d: Database, who: string, fail = false) =>
      d.withLock('linli.test-lock', async () => {
        trace.push(`${who} in`);
        await new Promise((r) => setTimeout(r, 100));
        trace.push(`${who} out`);
        if (fail) throw new Error('boom');
      });
    const results = await Promise.allSettled([hold(a, 'a', true), hold(b, 'b'), hold(a, 'c')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'fulfilled', 'fulfilled']);
    for (let i = 0; i < trace.length; i += 2) {
      expect(trace[i]!.split(' ')[0]).toBe(trace[i + 1]!.split(' ')[0]);
    }
    expect(trace).toHaveLength(6);
  });
});

describe.skipIf(!!process.env.TEST_DATABASE_URL)('the embedded database template (npm start)', () => {
  it('an empty data directory starts as a copy of the template; a directory with a database ignores it', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { openDatabase } = await import('./db');
    const dir = mkdtempSync(join(tmpdir(), 'linli-template-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const template = join(dir, 'template');
    const tpl = await openDatabase({ dataDir: template, loadDataDir: await pgliteTemplate('empty') });
    await tpl.db.execute(sql`create table from_template (n int)`);
    await tpl.close();

    const dataDir = join(dir, 'data', 'pglite');
    const first = await openDatabase({ dataDir, template });
    await first.db.execute(sql`insert into from_template values (1)`);
    await first.close();
    // Started again: the database is there, so the template is not copied over it.
    const again = await openDatabase({ dataDir, template });
    const rows = rowsOf<{ n: number }>(await again.db.execute(sql`select n from from_template`));
    await again.close();
    expect(rows).toEqual([{ n: 1 }]);
  }, 180_000);
});
