import PgBoss from 'pg-boss';
import type { Database } from './db';

const JOBS_SETUP_LOCK = 'linli.jobs-setup';

/** A recurring job: pg-boss creates one run per cron tick for the whole cluster. */
export interface RecurringJob {
  name: string;
  /** Five-field cron, evaluated in `tz` (pg-boss's smallest step is one minute). */
  cron: string;
  run(): Promise<unknown>;
}

export interface Jobs {
  /** Runs a job now (through the queue, so still once per cluster); resolves with the job id. */
  send(name: string): Promise<string | null>;
  stop(): Promise<void>;
}

/**
 * The job scheduler (DESIGN: pg-boss on the same database). pg-boss keeps its schedule and queue in the
 * `pgboss` schema, so jobs survive restarts; its cron monitor and `singletonKey`-free cron jobs are
 * created once per tick for all app processes together, and a job is fetched by one worker only
 * (SKIP LOCKED). Our handlers are idempotent as well: the work-order sweep claims every step in its
 * own table, so even a retried job never acts twice.
 */
export async function startJobs(
  database: Database,
  jobs: RecurringJob[],
  opts: {
    tz?: string;
    pollingIntervalSeconds?: number;
    onError?: (err: unknown) => void;
    /** Called when this process starts a run (for the log: which process ran which tick). */
    onRun?: (name: string, jobId: string | undefined) => void;
  } = {},
): Promise<Jobs> {
  const boss = new PgBoss({
    db: { executeSql: (text: string, values: unknown[]) => database.executeSql(text, values) },
    schema: 'pgboss',
    // Check the schedule every 30 s so a minute's tick is not missed.
    cronMonitorIntervalSeconds: 30,
    clockMonitorIntervalSeconds: 600,
  });
  boss.on('error', (err) => opts.onError?.(err));
  // Processes starting together would create the same queues at once, and pg-boss's create_queue then
  // deadlocks (one process dies at boot): set up the schema, queues and schedules one process at a time.
  await database.withLock(JOBS_SETUP_LOCK, async () => {
    await boss.start();
    for (const job of jobs) {
      await boss.createQueue(job.name, { name: job.name, policy: 'singleton', retryLimit: 2 });
      await boss.schedule(job.name, job.cron, {}, { tz: opts.tz ?? 'Asia/Shanghai' });
    }
  });
  for (const job of jobs) {
    await boss.work(job.name, { pollingIntervalSeconds: opts.pollingIntervalSeconds ?? 2 }, async ([run]) => {
      opts.onRun?.(job.name, run?.id);
      await job.run();
    });
  }
  return {
    send: (name) => boss.send(name, {}),
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
