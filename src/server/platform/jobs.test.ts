import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db';
import type { Database } from './db';
import { startJobs } from './jobs';

const until = async (check: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await new Promise((r) => setTimeout(r, 100));
};

describe('job scheduler (pg-boss on our own database)', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

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
    const b = await startJobs(database, [job('b')], { pollingIntervalSeconds: 0.5 });
    await a.send('test.sweep');
    await until(() => runs.length >= 1);
    // Give the other process time to (wrongly) pick it up too.
    await new Promise((r) => setTimeout(r, 1500));
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

  it('two processes starting their schedulers at the same moment on a new database both start', async () => {
    const fresh = await freshDatabase();
    try {
      const jobs = ['test.one', 'test.two', 'test.three'].map((name) => ({
        name,
        cron: '0 3 * * *',
        run: async () => undefined,
      }));
      const started = await Promise.all([
        startJobs(fresh, jobs),
        startJobs(fresh, jobs),
        startJobs(fresh, jobs),
      ]);
      const schedules = await fresh.executeSql('select name from pgboss.schedule order by name');
      expect(schedules.rows).toEqual([{ name: 'test.one' }, { name: 'test.three' }, { name: 'test.two' }]);
      for (const s of started) await s.stop();
    } finally {
      await fresh.close();
    }
  }, 60_000);
});
