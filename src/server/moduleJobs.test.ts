import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, createTestApp } from '../../test/app';
import { MODULES, moduleJobs } from './app';
import { startJobs } from './platform/jobs';

describe('module registry: recurring jobs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('every job a module declares is registered with the scheduler when the platform starts its jobs', async () => {
    const declared = MODULES.flatMap((m) => (m.jobs ?? []).map((j) => j.name));
    // The jobs that must exist today (the service-order sweep was once imported and never scheduled).
    expect(declared).toEqual(
      expect.arrayContaining([
        'work-orders.sla-sweep',
        'services.accept-timeout-sweep',
        'audit.seal',
        'calendar.schedule-reminder',
      ]),
    );
    expect(new Set(declared).size).toBe(declared.length);
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const jobs = await startJobs(t.database, moduleJobs({ ...t.deps, log }));
    try {
      const { rows } = await t.database.executeSql('select name from pgboss.schedule');
      const scheduled = (rows as { name: string }[]).map((r) => r.name);
      for (const name of [...declared, 'platform.cleanup']) expect(scheduled).toContain(name);
    } finally {
      await jobs.stop();
    }
  });
});
