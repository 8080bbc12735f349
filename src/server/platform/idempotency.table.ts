import { index, integer, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';
import { ts } from './columns';

/**
 * The first answer to a request sent with an `Idempotency-Key`, stored in the transaction that did the
 * work, so that a retry gets the same answer and creates nothing. `scope` is the route and the caller
 * (user, API key or anonymous); `fingerprint` is a hash of the request body; the answer is encrypted
 * (it may hold a tracking token or personal data). Rows older than a day are deleted by the cleanup job.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    fingerprint: text('fingerprint').notNull(),
    status: integer('status'),
    responseEnc: text('response_enc'),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] }), index('idempotency_keys_created_idx').on(t.createdAt)],
);
