import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';

/**
 * Request counters of the rate limiter, one row per key (bucket and client address) and minute window,
 * shared by every app process. Old windows are deleted by the periodic cleanup job.
 */
export const rateLimitWindows = pgTable(
  'rate_limit_windows',
  {
    key: text('key').notNull(),
    windowStart: ts('window_start').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.key, t.windowStart] }),
    index('rate_limit_windows_start_idx').on(t.windowStart),
  ],
);
