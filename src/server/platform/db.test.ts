import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { twoHandlesOnNewDatabase } from '../../../test/db';
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
