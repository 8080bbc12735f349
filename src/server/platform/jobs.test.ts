import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db';
import type { Database } from './db';
import { startJobs } from './jobs';

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 20));
};

/** `database` as one process sees it, counting that process's job fetches (pg-boss's SKIP LOCKED query). */
function countingFetches(database: Database) {
  const counted = {
    fetches: 0,
    database: {
      ...database,
      executeSql: (text: string, values?: unknown[]) => {
        if (/skip locked/i.test(text)) counted.fetches++;
        return database.executeSql(text, values);
      },
    } satisfies Database,
  };
  return counted;
}

describe('job scheduler (pg-boss on our own database)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  // First, while the file's database is new: pg-boss has not created its schema there yet.
  it('two processes starting their schedulers at the same moment on a new database both start', async () => {
    const before = await database.executeSql(
      "select count(*)::int as n from information_schema.schemata where schema_name = 'pgboss'",
    );
    expect(before.rows).toEqual([{ n: 0 }]);
    const jobs = ['test.one', 'test.two', 'test.three'].map((name) => ({
      name,
      cron: '0 3 * * *',
      run: async () => undefined,
    }));
    const started = await Promise.all([
      startJobs(database, jobs),
      startJobs(database, jobs),
      startJobs(database, jobs),
    ]);
    const schedules = await database.executeSql('select name from pgboss.schedule order by name');
    expect(schedules.rows).toEqual([{ name: 'test.one' }, { name: 'test.three' }, { name: 'test.two' }]);
    for (const s of started) await s.stop();
  }, 60_000);

  it('two app processes on one database run a queued job once, and a restarted scheduler still runs jobs', async () => {
    const runs: string[] = [];
    const job = (who: string) => ({
      name: 'test.sweep',
      cron: '0 3 * * *',
      run: async () => {
        runs.push(who);
      },
    });
    const a = await startJobs(database, [job('a')], { pollingIntervalSeconds: 0.5 });
    const other = countingFetches(database);
    const b = await startJobs(other.database, [job('b')], { pollingIntervalSeconds: 0.5 });
    await a.send('test.sweep');
    await until(() => runs.length >= 1);
    // Give the other process time to (wrongly) pick it up too: one whole fetch of its own begun after the
    // run was seen (it fetches one at a time, so a second fetch starting means the first has ended).
    const fetched = other.fetches;
    await until(() => other.fetches >= fetched + 2);
    expect(other.fetches).toBeGreaterThanOrEqual(fetched + 2);
    expect(runs).toHaveLength(1);
    await a.stop();
    await b.stop();

    // After a restart the schedule and queue are still in the database.
    const schedules = await database.executeSql('select name, cron from pgboss.schedule');
    expect(schedules.rows).toContainEqual({ name: 'test.sweep', cron: '0 3 * * *' });
    const c = await startJobs(database, [job('c')], { pollingIntervalSeconds: 0.5 });
    await c.send('test.sweep');
    await until(() => runs.length >= 2);
    expect(runs).toEqual([expect.any(String), 'c']);
    await c.stop();
  }, 30_000);
});
