import { sql } from 'drizzle-orm';
import type { Clock } from './clock';
import { type Db, rowsOf } from './db';
import { rateLimitWindows } from './rateLimit.table';

export const WINDOW_MS = 60_000;

/**
 * A fixed-window request limiter per key (bucket and client address), counted in the database so every
 * app process behind a load balancer shares one allowance. Guards the anonymous endpoints (public
 * reports, uploads) and logins against floods; the per-account lockout after failed logins is separate
 * (it lives on the user row, see accounts.usecases `login`). Old windows are removed by
 * `deleteOldRateLimitWindows` (the periodic cleanup job).
 */
export function createRateLimiter(db: Db, perMinute: number, clock: Clock) {
  return {
    /** Counts this call; true when it is within the limit of the current minute. */
    async take(key: string): Promise<boolean> {
      const t = clock.now().getTime();
      const windowStart = new Date(t - (t % WINDOW_MS));
      const rows = rowsOf<{ count: number }>(
        await db.execute(sql`insert into ${rateLimitWindows} (key, window_start, count)
          values (${key}, ${windowStart.toISOString()}::timestamptz, 1)
          on conflict (key, window_start) do update set count = ${rateLimitWindows}.count + 1
          returning count`),
      );
      return Number(rows[0]?.count ?? 1) <= perMinute;
    },
  };
}

/** Deletes windows that ended before `now` minus one window; returns how many rows went. */
export async function deleteOldRateLimitWindows(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - 2 * WINDOW_MS).toISOString();
  const rows = rowsOf<{ n: number }>(
    await db.execute(sql`with d as (delete from ${rateLimitWindows}
      where window_start < ${before}::timestamptz returning 1) select count(*)::int as n from d`),
  );
  return Number(rows[0]?.n ?? 0);
}
