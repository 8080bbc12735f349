import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppDeps } from './context';
import type { Db } from './db';
import { AppError } from './errors';
import { idempotencyKeys } from './idempotency.table';

/**
 * `Idempotency-Key` on create requests (public and staff work-order intake, Open311 POST requests): the
 * first request's answer is stored with the key in the transaction that did the work, and a retry with the
 * same key (say, after the client lost the answer to a timeout) gets that answer back and creates nothing.
 *
 * Keys are scoped by route and caller (user, Open311 API key, or anonymous), so two clients' equal keys do
 * not meet; within a scope, reusing a key for a different body is refused (422). Only successful answers
 * are stored: a request that failed did nothing, so its retry runs again. Keys are kept for
 * `IDEMPOTENCY_TTL_HOURS` (the cleanup job deletes older ones).
 *
 * (Merchants' counter redemptions and settlements keep their own keys on their own rows: there the key is
 * required and part of the business record. This helper is for endpoints where it is optional.)
 */
export const IDEMPOTENCY_HEADER = 'idempotency-key';
export const IDEMPOTENCY_TTL_HOURS = 24;
/** 1–200 printable ASCII characters, no leading or trailing space. */
const KEY_RE = /^[\x21-\x7e](?:[\x20-\x7e]{0,198}[\x21-\x7e])?$/;

/** An HTTP answer as sent: status, content type and the exact body text. */
export interface StoredResponse {
  status: number;
  contentType: string;
  body: string;
}

/** The request's `Idempotency-Key`, undefined when absent; 400 when it is not 1–200 printable characters. */
export function idempotencyKeyOf(request: FastifyRequest): string | undefined {
  const raw = request.headers[IDEMPOTENCY_HEADER];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !KEY_RE.test(raw))
    throw new AppError(
      'common.validation',
      400,
      {},
      { fields: [{ path: 'Idempotency-Key', code: 'common.idempotency_key_invalid' }] },
    );
  return raw;
}

/** JSON with object keys sorted at every level, so equal bodies hash equally whatever their key order. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** A hash of the request's content, to tell a retry (same body) from a reused key (different body). */
export function fingerprintOf(value: unknown): string {
  return createHash('sha256').update(canonical(value)).digest('hex');
}

/** Who is calling, for the key's scope: the logged-in user, else anonymous. */
export function callerOf(request: FastifyRequest): string {
  return request.actor ? `user:${request.actor.userId}` : 'anonymous';
}

class KeyTaken extends Error {}

/**
 * Runs `run` at most once per (scope, key): without a key it just runs; with one, it runs inside a
 * transaction that first claims the key (a concurrent request with the same key waits on that claim and
 * then replays the answer) and stores the answer before committing. `run` must do its writes through the
 * `db` it is given (nested transactions become savepoints).
 */
export async function idempotent(
  deps: Pick<AppDeps, 'db' | 'clock' | 'pii'>,
  opts: { scope: string; key: string | undefined; fingerprint: string },
  run: (db: Db) => Promise<StoredResponse>,
): Promise<StoredResponse & { replayed: boolean }> {
  const { scope, key, fingerprint } = opts;
  if (key === undefined) return { ...(await run(deps.db)), replayed: false };
  const replay = async () => {
    const [row] = await deps.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
    if (!row) return null;
    if (row.fingerprint !== fingerprint) throw new AppError('common.idempotency_key_reused', 422);
    const stored = JSON.parse(deps.pii.decrypt(row.responseEnc!)) as Omit<StoredResponse, 'status'>;
    return { status: row.status!, ...stored, replayed: true };
  };
  const first = await replay();
  if (first) return first;
  try {
    return await deps.db.transaction(async (tx) => {
      const claimed = await tx
        .insert(idempotencyKeys)
        .values({ scope, key, fingerprint, createdAt: deps.clock.now() })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) throw new KeyTaken();
      const res = await run(tx);
      await tx
        .update(idempotencyKeys)
        .set({
          status: res.status,
          responseEnc: deps.pii.encrypt(JSON.stringify({ contentType: res.contentType, body: res.body })),
        })
        .where(and(eq(idempotencyKeys.scope, scope), eq(idempotencyKeys.key, key)));
      return { ...res, replayed: false };
    });
  } catch (err) {
    // Another request with this key committed while this one waited on the claim: answer as it did.
    if (err instanceof KeyTaken) {
      const again = await replay();
      if (again) return again;
    }
    throw err;
  }
}

/** Sends a stored (or just produced) answer; a replay is marked with `Idempotent-Replayed: true`. */
export function sendStored(reply: FastifyReply, res: StoredResponse & { replayed: boolean }) {
  if (res.replayed) reply.header('idempotent-replayed', 'true');
  return reply.status(res.status).type(res.contentType).send(res.body);
}

/** Deletes keys older than the TTL; returns how many went. */
export async function deleteOldIdempotencyKeys(db: Db, now: Date): Promise<number> {
  const before = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3_600_000).toISOString();
  const res = (await db.execute(sql`with d as (delete from ${idempotencyKeys}
    where created_at < ${before}::timestamptz returning 1) select count(*)::int as n from d`)) as unknown as {
    rows: { n: number }[];
  };
  return Number(res.rows[0]?.n ?? 0);
}
