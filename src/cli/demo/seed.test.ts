import { sql } from 'drizzle-orm';
import { afterAll, expect, it } from 'vitest';
import { twoHandlesOnNewDatabase } from '../../../test/db';
import { ManualClock, uuidv7 } from '../../server/platform/clock';
import { createPii } from '../../server/platform/crypto';
import { type Database, rowsOf } from '../../server/platform/db';
import { seedDemoOnce } from './seed';

let close: (() => Promise<void>) | undefined;
afterAll(() => close?.());

it('two processes starting on an empty database load the demo data once: the lock, then a second look at whether it is empty', async () => {
  // Empty of demo data, already migrated: migrating a new database is db.test.ts's subject.
  const opened = await twoHandlesOnNewDatabase('bare');
  close = opened.close;
  const [a, b] = opened.handles;
  await a.migrate();
  await b.migrate();
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
  const units = rowsOf<{ n: number }>(await a.db.execute(sql`select count(*)::int as n from org_units`))[0]!
    .n;
  expect(units).toBe(1);
});
