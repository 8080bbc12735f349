import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemoOnce } from '../../cli/demo/seed';
import { ManualClock, uuidv7 } from './clock';
import { createPii } from './crypto';
import { type Database, openDatabase, rowsOf } from './db';

const serverUrl = process.env.TEST_DATABASE_URL;
const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** Two handles on one new, empty database: two app processes started against it. */
async function twoProcesses(): Promise<[Database, Database]> {
  if (!serverUrl) {
    const one = await openDatabase({});
    cleanups.push(() => one.close());
    return [one, one];
  }
  const name = `linli_test_lock_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const a = await openDatabase({ url: url.toString(), poolSize: 3 });
  const b = await openDatabase({ url: url.toString(), poolSize: 3 });
  cleanups.push(async () => {
    await a.close();
    await b.close();
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  });
  return [a, b];
}

const countUnits = async (d: Database) =>
  rowsOf<{ n: number }>(await d.db.execute(sql`select count(*)::int as n from org_units`))[0]!.n;

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

    // The demo seed likewise runs once: the lock, then a second look at whether the database is empty.
    let seeds = 0;
    const fakeSeed = async (deps: { db: Database['db'] }) => {
      seeds++;
      await new Promise((r) => setTimeout(r, 200)); // long enough for the other process to arrive
      const id = uuidv7();
      await deps.db.execute(sql`insert into org_units (id, path, depth, kind, name, created_at, updated_at)
        values (${id}, ${`/${id}/`}, 0, 'city', '黄石市', now(), now())`);
      return { logins: ['admin'] };
    };
    const deps = (d: Database) => ({
      db: d.db,
      clock: new ManualClock(),
      ids: uuidv7,
      pii: createPii(Buffer.alloc(32, 7)),
    });
    const results = await Promise.all([
      seedDemoOnce(a, deps(a), {}, fakeSeed),
      seedDemoOnce(b, deps(b), {}, fakeSeed),
    ]);
    expect(seeds).toBe(1);
    expect(results.filter((r) => r !== null)).toHaveLength(1);
    expect(await countUnits(a)).toBe(1);
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
