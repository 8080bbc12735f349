import { asc, eq, gt, sql } from 'drizzle-orm';
import type { Clock } from './clock';
import type { Pii } from './crypto';
import type { Db } from './db';
import { auditHead, auditLog } from './audit.table';

export interface AuditContext {
  clock: Clock;
  /** Keys the hash chain (HMAC), so rows cannot be rewritten and re-hashed without the master key. */
  pii: Pick<Pii, 'mac'>;
  actor?: { userId: string; displayName: string } | undefined;
  requestId?: string | undefined;
  ip?: string | undefined;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
  success?: boolean;
}

const GENESIS = '0'.repeat(64);
// Personal data never enters the trail: identity numbers, contacts, and health/hardship data (tags, notes, birth date).
const SENSITIVE =
  /(Enc|Hash)$|^(idNumber|phone|address|password|passwordHash|contactPhone|birthDate|tags|notes)$/;

/** Personal data never enters the audit trail in clear: encrypted and hashed fields are dropped too. */
export function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  const plain = JSON.parse(JSON.stringify(value));
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = SENSITIVE.test(k) ? '[redacted]' : walk(x);
      return out;
    }
    return v;
  };
  return walk(plain);
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) =>
      a < b ? -1 : a > b ? 1 : 0,
    );
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

type AuditRow = typeof auditLog.$inferSelect;

function rowHash(
  mac: Pick<Pii, 'mac'>,
  prevHash: string,
  r: Omit<AuditRow, 'seq' | 'hash' | 'prevHash'> & { seq: number },
): string {
  const body = canonical({
    seq: r.seq,
    at: r.at.toISOString(),
    actorId: r.actorId,
    actorName: r.actorName,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    orgPath: r.orgPath,
    before: r.before,
    after: r.after,
    success: r.success,
    requestId: r.requestId,
    ip: r.ip,
  });
  return mac.mac('linli-audit-chain-v1', `${prevHash}\n${body}`);
}

/**
 * Appends one record to the hash chain inside the caller's transaction (DESIGN convention 8).
 * A transaction-scoped advisory lock orders the chain; call this last in a use case so the lock is short.
 */
export async function writeAudit(tx: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(7411001)`);
  const head = await tx.select().from(auditHead).where(eq(auditHead.id, 1));
  const prevHash = head[0]?.hash ?? GENESIS;
  const seqRow = await tx.execute(
    sql`select nextval(pg_get_serial_sequence('audit_log', 'seq'))::bigint as seq`,
  );
  const seq = Number((seqRow as unknown as { rows: { seq: string | number }[] }).rows[0]!.seq);
  const row = {
    seq,
    at: new Date(Math.floor(ctx.clock.now().getTime())),
    actorId: ctx.actor?.userId ?? null,
    actorName: ctx.actor?.displayName ?? null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId ?? null,
    orgPath: entry.orgPath ?? null,
    before: redact(entry.before),
    after: redact(entry.after),
    success: entry.success ?? true,
    requestId: ctx.requestId ?? null,
    ip: ctx.ip ?? null,
  };
  const hash = rowHash(ctx.pii, prevHash, row);
  await tx.insert(auditLog).values({ ...row, prevHash, hash });
  await tx
    .insert(auditHead)
    .values({ id: 1, seq, hash })
    .onConflictDoUpdate({ target: auditHead.id, set: { seq, hash } });
}

/** Records a refused or failed attempt in its own transaction (the attempted change itself rolled back). */
export async function auditFailure(db: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => writeAudit(tx, ctx, { ...entry, success: false }));
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  problem?: { seq: number | null; reason: 'hash_mismatch' | 'broken_link' | 'head_mismatch' };
}

/** Walks the chain from the start: a changed, inserted or deleted row breaks it (`linli audit verify`). */
export async function verifyAuditChain(db: Db, pii: Pick<Pii, 'mac'>): Promise<VerifyResult> {
  let prevHash = GENESIS;
  let lastSeq = 0;
  let checked = 0;
  for (;;) {
    const batch = await db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, lastSeq))
      .orderBy(asc(auditLog.seq))
      .limit(2000);
    if (batch.length === 0) break;
    for (const r of batch) {
      if (r.prevHash !== prevHash)
        return { ok: false, checked, problem: { seq: r.seq, reason: 'broken_link' } };
      if (rowHash(pii, prevHash, r) !== r.hash)
        return { ok: false, checked, problem: { seq: r.seq, reason: 'hash_mismatch' } };
      prevHash = r.hash;
      lastSeq = r.seq;
      checked++;
    }
  }
  const head = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  const expected = head[0];
  // Wiping the table and its head together still leaves the sequence behind.
  const seqState = (await db.execute(
    sql`select last_value::bigint as last, is_called from audit_log_seq_seq`,
  )) as unknown as { rows: { last: string | number; is_called: boolean }[] };
  const used = seqState.rows[0]?.is_called ? Number(seqState.rows[0].last) : 0;
  if (!expected && used > 0) {
    return { ok: false, checked, problem: { seq: used, reason: 'head_mismatch' } };
  }
  if ((expected && (expected.hash !== prevHash || expected.seq !== lastSeq)) || (!expected && checked > 0)) {
    return { ok: false, checked, problem: { seq: expected?.seq ?? null, reason: 'head_mismatch' } };
  }
  return { ok: true, checked };
}
