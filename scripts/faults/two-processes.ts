/**
 * Fault drill: two app processes started at the same moment on one empty PostgreSQL database, as a
 * city deployment behind a load balancer (TRUST_PROXY_HOPS=1, the client address from X-Forwarded-For).
 *
 * Proves:
 *  - both come up: migrations run once under an advisory lock, the second process waits and finds
 *    nothing to do (before the lock, one died with 23505 on pg_type_typname_nsp_index), and so does
 *    pg-boss's queue set-up (before its lock, create_queue deadlocked and one process died);
 *  - the demo data (SEED_DEMO=true) is loaded once, by one of them;
 *  - each scheduled job (pg-boss cron) runs once per tick across both processes;
 *  - the login rate limit is shared: the (N+1)th attempt from one address is refused whichever process
 *    it reaches;
 *  - the lockout after failed logins is shared: five failures spread over both lock the account on both.
 *
 *   node --import tsx scripts/faults/two-processes.ts
 */
import { readdirSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { MAX_FAILED_LOGINS } from '../../src/server/platform/auth';
import { ManualClock } from '../../src/server/platform/clock';
import { MIGRATIONS_DIR, rowsOf } from '../../src/server/platform/db';
import { createUser, TEST_PASSWORD } from '../../test/app';
import { check, log, openEnv, runScript, type Server, sleep, startServer, tempEnv } from './lib';

const LIMIT = 5;
/** How long to watch the job runs after the first one, to see any duplicate of that tick. */
const WATCH_AFTER_FIRST_RUN_MS = 20_000;

interface JobRun {
  job: string;
  jobId: string;
  time: number;
  process: string;
}

function jobRuns(servers: Record<string, Server>): JobRun[] {
  const runs: JobRun[] = [];
  for (const [name, s] of Object.entries(servers)) {
    for (const line of s.lines) {
      if (!line.startsWith('{')) continue;
      try {
        const l = JSON.parse(line) as { msg?: string; job?: string; jobId?: string; time?: number };
        if (l.msg === 'job started')
          runs.push({ job: l.job!, jobId: l.jobId!, time: l.time!, process: name });
      } catch {
        // not a log record
      }
    }
  }
  return runs;
}

/** The login's HTTP status, or 0 when the process does not answer. */
async function login(s: Server, username: string, password: string, clientIp: string) {
  try {
    const res = await fetch(`${s.base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': clientIp },
      body: JSON.stringify({ username, password }),
      signal: AbortSignal.timeout(30_000),
    });
    return res.status;
  } catch {
    return 0;
  }
}

runScript('two app processes on one empty PostgreSQL database', async () => {
  const env = await tempEnv('postgres', 'twoproc');
  const vars = {
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
    TRUST_PROXY_HOPS: '1',
    LOG_LEVEL: 'info',
    SEED_DEMO: 'true',
  };
  // Both at the same moment, on a database without a single table.
  const a = startServer(env, 3160, vars);
  const b = startServer(env, 3161, vars);
  const [upA, upB] = await Promise.all([a.waitHealthy(), b.waitHealthy()]);
  check(upA && upB, 'both processes come up on the empty database', `a: ${upA}, b: ${upB}`);
  if (!upA || !upB) return;
  const crashLines = [...a.lines, ...b.lines].filter((l) => /23505|already exists|unhandled/i.test(l));
  check(crashLines.length === 0, 'neither logged a duplicate-object error', crashLines[0]?.slice(0, 200));
  const seeders = [a, b].filter((s) => s.lines.some((l) => l.includes('loading demo data')));
  check(seeders.length === 1, 'the demo data was loaded by one process only', `${seeders.length} seeded`);
  const database = await openEnv(env);
  try {
    const admins = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from users where username = 'admin'`),
    )[0]!.n;
    check(admins === 1, 'and once: one demo admin account', `${admins}`);
    const journal = rowsOf<{ n: number }>(
      await database.db.execute(sql`select count(*)::int as n from drizzle.__drizzle_migrations`),
    )[0]!.n;
    const files = readdirSync(MIGRATIONS_DIR).filter((f) => f.endsWith('.sql')).length;
    check(
      journal === files,
      'every migration was applied exactly once',
      `${journal} journal rows, ${files} files`,
    );

    // The login rate limit: LIMIT attempts per minute and address across both processes. Start early in
    // a minute so that the window does not turn over halfway.
    const second = new Date().getSeconds();
    if (second > 45) await sleep((61 - second) * 1000);
    const codes: number[] = [];
    for (let i = 0; i <= LIMIT; i++)
      codes.push(await login(i % 2 ? b : a, 'nobody', 'wrong-password-1', '198.51.100.7'));
    check(
      codes.slice(0, LIMIT).every((c) => c === 401) && codes[LIMIT] === 429,
      `the login rate limit is shared: attempt ${LIMIT + 1} from one address is refused (429)`,
      codes.join(' '),
    );

    // The lockout, each attempt from its own address so that the rate limit stays out of the way.
    await createUser({ database, clock: new ManualClock(new Date()) }, 'fault_user', []);
    const lock: number[] = [];
    for (let i = 0; i < MAX_FAILED_LOGINS; i++)
      lock.push(await login(i % 2 ? b : a, 'fault_user', 'wrong-password-1', `203.0.113.${i + 1}`));
    const after = [
      await login(a, 'fault_user', TEST_PASSWORD, '203.0.113.100'),
      await login(b, 'fault_user', TEST_PASSWORD, '203.0.113.101'),
    ];
    check(
      lock.at(-1) === 423 && lock.slice(0, -1).every((c) => c === 401) && after.every((c) => c === 423),
      `the lockout is shared: ${MAX_FAILED_LOGINS} failures over both processes lock the account on both`,
      `${lock.join(' ')} then ${after.join(' ')}`,
    );

    // Scheduled jobs: wait for the first run of the minute's tick, then watch for a duplicate.
    log('waiting for the next scheduled tick (pg-boss cron, once a minute)');
    const until = Date.now() + 150_000;
    let firstRunAt = 0;
    while (Date.now() < until) {
      const runs = jobRuns({ a, b });
      if (runs.length && !firstRunAt) firstRunAt = Date.now();
      if (firstRunAt && Date.now() - firstRunAt > WATCH_AFTER_FIRST_RUN_MS) break;
      await sleep(1000);
    }
    const runs = jobRuns({ a, b });
    const sweeps = runs.filter((r) => r.job === 'platform.workflow-sweep');
    check(
      sweeps.length > 0,
      'the workflow sweep ran',
      `${sweeps.length} run(s): ${sweeps.map((r) => r.process).join(', ')}`,
    );
    const byTick = new Map<string, JobRun[]>();
    for (const r of runs) {
      const k = `${r.job} ${new Date(r.time).toISOString().slice(0, 16)}`;
      byTick.set(k, [...(byTick.get(k) ?? []), r]);
    }
    const twice = [...byTick].filter(([, rs]) => rs.length > 1);
    check(
      twice.length === 0,
      'each scheduled job ran once per tick across both processes',
      twice.length
        ? twice.map(([k, rs]) => `${k}: ${rs.map((r) => r.process).join('+')}`).join('; ')
        : `${byTick.size} tick(s)`,
    );
    const failed = [...a.lines, ...b.lines].filter((l) => l.includes('"msg":"job failed"'));
    check(failed.length === 0, 'no job run failed', failed[0]?.slice(0, 300));
    const ids = runs.map((r) => r.jobId);
    check(new Set(ids).size === ids.length, 'no job was handed to both processes');
    const queued = rowsOf<{ minute: string; n: number }>(
      await database.db.execute(sql`select to_char(created_on, 'YYYY-MM-DD HH24:MI') as minute, count(*)::int as n
        from pgboss.job where name = 'platform.workflow-sweep' group by 1 having count(*) > 1`),
    );
    check(
      queued.length === 0,
      'pg-boss queued one sweep per minute',
      queued.map((q) => `${q.minute}: ${q.n}`).join(', '),
    );
  } finally {
    await database.close();
  }
  const [stopA, stopB] = await Promise.all([a.stop(), b.stop()]);
  check(stopA === 0 && stopB === 0, 'both ran to the end and stop cleanly on SIGTERM', `${stopA} ${stopB}`);
});
