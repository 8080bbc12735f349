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
    expect(declared).toEqual(expect.arrayContaining(['audit.seal', 'calendar.schedule-reminder']));
    // Deadlines are no module's job any more: the platform's one workflow sweep fires them all.
    expect(declared).not.toContain('work-orders.sla-sweep');
    expect(declared).not.toContain('services.accept-timeout-sweep');
    expect(new Set(declared).size).toBe(declared.length);
    const workflows = MODULES.flatMap((m) => m.workflows ?? []).map((w) => w.name);
    expect(workflows).toEqual(expect.arrayContaining(['work-orders.order', 'services.order']));
    const log = { info: () => undefined, warn: () => undefined, error: () => undefined };
    const jobs = await startJobs(t.database, moduleJobs({ ...t.deps, log }));
    try {
      const { rows } = await t.database.executeSql('select name from pgboss.schedule');
      const scheduled = (rows as { name: string }[]).map((r) => r.name);
      for (const name of [...declared, 'platform.cleanup', 'platform.workflow-sweep'])
        expect(scheduled).toContain(name);
    } finally {
      await jobs.stop();
    }
  });
});
