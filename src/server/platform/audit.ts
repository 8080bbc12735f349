import { timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { type SQL, asc, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Clock } from './clock';
import type { Pii } from './crypto';
import { type Db, rowsOf } from './db';
import type { RecurringJob } from './jobs';
import { auditCheckpoint, auditLog, auditSeal } from './audit.table';

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

export const GENESIS = '0'.repeat(64);
/** HKDF info of the checkpoint signing key (a subkey of the master key, separate from the chain's key). */
const CHECKPOINT_KEY_INFO = 'linli-audit-checkpoint';
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

/** The chain link of one row (unchanged since v1, so rows chained before sealing existed still verify). */
function rowHash(mac: Pick<Pii, 'mac'>, prevHash: string, r: AuditRow): string {
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
 * Inserts one record inside the caller's transaction (DESIGN convention 8). No lock and no shared row is
 * touched: the row is chained later by `sealAudit`, once its transaction has committed.
 */
export async function writeAudit(tx: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(ctx, entry));
}

/**
 * The audit row of `entry`, as values for an insert: for a use case that writes its change and its
 * audit row in one statement (the insert's `getSQL()` as a common table expression), so a value may be
 * replaced by SQL that reads what the same statement wrote.
 */
export function auditRow(ctx: AuditContext, entry: AuditEntry) {
  return {
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
}

/**
 * An insert of `entry`'s audit row once per row of `from` (a common table expression of the same
 * statement): a change and its audit row in one statement, and no audit row when the change wrote
 * nothing (e.g. an insert that met ON CONFLICT DO NOTHING).
 */
export function auditInsertFrom(
  ctx: AuditContext,
  entry: AuditEntry,
  from: SQL,
  /** The org path as SQL over `from`'s columns, when the statement itself finds it. */
  orgPath?: SQL,
): SQL {
  const r = auditRow(ctx, entry);
  const json = (v: unknown) => (v === null ? null : JSON.stringify(v));
  return sql`insert into ${auditLog} (at, actor_id, actor_name, action, entity_type, entity_id, org_path, before, after, success, request_id, ip)
    select ${r.at}::timestamptz, ${r.actorId}::uuid, ${r.actorName}::text, ${r.action}::text, ${r.entityType}::text,
      ${r.entityId}::text, ${orgPath ?? sql`${r.orgPath}::text`}, ${json(r.before)}::jsonb, ${json(r.after)}::jsonb, ${r.success}::boolean,
      ${r.requestId}::text, ${r.ip}::text
    from ${from}`;
}

/** Records a refused or failed attempt in its own transaction (the attempted change itself rolled back). */
export async function auditFailure(db: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db.transaction((tx) => writeAudit(tx, ctx, { ...entry, success: false }));
}

// ---------------------------------------------------------------------------------------------------
// Sealing: chaining committed rows off the request path, and signed checkpoints of the chain's end.

/** A signed statement "the chain had `pos` rows, the last one `seq` with hash `hash`, at `at`". */
export interface Checkpoint {
  v: 1;
  pos: number;
  seq: number | null;
  hash: string;
  at: string;
  sig: string;
}

function checkpointBody(c: Omit<Checkpoint, 'sig'>): string {
  return canonical({ v: c.v, pos: c.pos, seq: c.seq, hash: c.hash, at: c.at });
}

function signCheckpoint(pii: Pick<Pii, 'subkeyMac'>, c: Omit<Checkpoint, 'sig'>): string {
  return pii.subkeyMac(CHECKPOINT_KEY_INFO, checkpointBody(c));
}

function checkpointValid(pii: Pick<Pii, 'subkeyMac'>, c: Checkpoint): boolean {
  const expected = Buffer.from(signCheckpoint(pii, c), 'hex');
  const given = Buffer.from(String(c.sig), 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface AuditLogger {
  info(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface SealDeps {
  db: Db;
  clock: Clock;
  pii: Pick<Pii, 'mac' | 'subkeyMac'>;
  /** The checkpoint file (see `auditCheckpointFileOf`); undefined = checkpoints in the table only. */
  checkpointFile?: string | undefined;
  log?: AuditLogger | undefined;
}

/** The sealer's dependencies from the app's (the checkpoint file from the configuration). */
export function sealDepsOf(deps: {
  db: Db;
  clock: Clock;
  pii: SealDeps['pii'];
  config: { dataDir: string; auditCheckpointFile?: string | undefined };
  log?: AuditLogger | undefined;
}): SealDeps {
  return {
    db: deps.db,
    clock: deps.clock,
    pii: deps.pii,
    checkpointFile: auditCheckpointFileOf(deps.config),
    log: deps.log,
  };
}

/** AUDIT_CHECKPOINT_FILE, else DATA_DIR/audit-checkpoints.log; none when DATA_DIR is empty (tests). */
export function auditCheckpointFileOf(config: {
  dataDir: string;
  auditCheckpointFile?: string | undefined;
}): string | undefined {
  if (config.auditCheckpointFile) return config.auditCheckpointFile;
  return config.dataDir ? join(config.dataDir, 'audit-checkpoints.log') : undefined;
}

export interface SealResult {
  /** Rows chained by this run. */
  sealed: number;
  /** The chain's length after this run. */
  pos: number;
  /** Another sealer held the seal state (only without `wait`); it chains the rows instead. */
  skipped?: boolean;
  checkpoint?: Checkpoint;
}

export class AuditSealError extends Error {}

async function appendCheckpointFile(file: string, c: Checkpoint): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const fh = await open(file, 'a', 0o600);
  try {
    await fh.write(`${JSON.stringify(c)}\n`);
    await fh.datasync();
  } finally {
    await fh.close();
  }
}

/**
 * The last validly signed checkpoint in the file (read from its end), null when the file is absent or
 * empty. A file whose tail holds no valid checkpoint is refused: sealing on would hide whatever did that.
 */
async function lastFileCheckpoint(file: string, pii: Pick<Pii, 'subkeyMac'>): Promise<Checkpoint | null> {
  let fh: Awaited<ReturnType<typeof open>>;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    if ((err as { code?: string }).code === 'ENOENT') return null;
    throw err;
  }
  try {
    const { size } = await fh.stat();
    if (size === 0) return null;
    const length = Math.min(size, 64 * 1024);
    const buf = Buffer.alloc(length);
    await fh.read(buf, 0, length, size - length);
    const lines = buf.toString('utf8').split('\n');
    for (let i = lines.length - 1; i >= 0; i--) {
      const line = lines[i]!.trim();
      if (!line) continue;
      try {
        const c = asCheckpoint(JSON.parse(line));
        if (c && checkpointValid(pii, c)) return c;
      } catch {
        // a torn or foreign line: look further back
      }
    }
    throw new AuditSealError(`no valid audit checkpoint at the end of ${file}`);
  } finally {
    await fh.close();
  }
}

/** The chain's link after `pos` records (hash and seq; the genesis before the first), undefined if missing. */
async function chainLinkAt(tx: Db, pos: number) {
  if (pos === 0) return { hash: GENESIS, seq: null };
  const [at] = await tx
    .select({ hash: auditLog.hash, seq: auditLog.seq })
    .from(auditLog)
    .where(eq(auditLog.pos, pos));
  return at;
}

/**
 * Chains every committed, not yet chained audit row onto the end of the chain, then writes a signed
 * checkpoint (table, file, log line). Runs off the request path (job, interval, before a verify).
 *
 * Order: a row is visible to the sealer only once its transaction has committed, and it gets the next
 * free position, so nothing can ever be inserted before a sealed row; rows that became visible in the
 * same run are ordered by `seq`. Two sealers never fork the chain: each locks the one `audit_seal` row
 * (FOR UPDATE) and reads the rows only after holding it. Without `wait`, a sealer that finds the row
 * locked returns at once (`skipped`): the running one does the work.
 */
export async function sealAudit(
  deps: SealDeps,
  opts: { wait?: boolean; batchSize?: number } = {},
): Promise<SealResult> {
  const batchSize = opts.batchSize ?? 1000;
  // What the file last vouched for (read before the lock: a line appended meanwhile only extends it).
  const fileAnchor = deps.checkpointFile ? await lastFileCheckpoint(deps.checkpointFile, deps.pii) : null;
  const outcome = await deps.db.transaction(async (tx) => {
    const lockState = () => {
      const q = tx.select().from(auditSeal).where(eq(auditSeal.id, 1));
      return opts.wait ? q.for('update') : q.for('update', { skipLocked: true });
    };
    let [state] = await lockState();
    if (!state) {
      const [exists] = await tx.select({ id: auditSeal.id }).from(auditSeal).where(eq(auditSeal.id, 1));
      if (exists) return { skipped: true as const };
      const [anySealed] = await tx
        .select({ seq: auditLog.seq })
        .from(auditLog)
        .where(sql`${auditLog.pos} is not null`)
        .limit(1);
      // Restarting the chain over sealed rows would hide whatever removed the state: leave that to verify.
      if (anySealed) throw new AuditSealError('audit_seal is missing while sealed audit rows exist');
      await tx.insert(auditSeal).values({ id: 1, pos: 0, seq: null, hash: GENESIS }).onConflictDoNothing();
      [state] = await lockState();
      if (!state) return { skipped: true as const };
    }
    // Extend only the chain the newest checkpoints describe. Otherwise (rows cut from the tail, the trail
    // wiped and restarted, the state rewound) sealing would sign a rewritten history: refuse, and leave
    // the rows pending for `linli audit verify` to report.
    const [lastRow] = await tx.select().from(auditCheckpoint).orderBy(desc(auditCheckpoint.id)).limit(1);
    const tableAnchor: Checkpoint | null = lastRow
      ? {
          v: 1,
          pos: lastRow.pos,
          seq: lastRow.seq,
          hash: lastRow.hash,
          at: lastRow.at.toISOString(),
          sig: lastRow.sig,
        }
      : null;
    if (tableAnchor && !checkpointValid(deps.pii, tableAnchor))
      throw new AuditSealError('the newest audit checkpoint in the table has a wrong signature');
    for (const anchor of [fileAnchor, tableAnchor]) {
      if (!anchor) continue;
      const at = await chainLinkAt(tx, anchor.pos);
      if (
        state.pos < anchor.pos ||
        !at ||
        at.hash !== anchor.hash ||
        (anchor.pos > 0 && at.seq !== anchor.seq)
      )
        throw new AuditSealError(
          `the audit chain no longer contains the checkpoint of ${anchor.at} (${anchor.pos} records)`,
        );
    }
    // …and only from the chain's real end.
    const end = await chainLinkAt(tx, state.pos);
    const [beyond] = await tx
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(gt(auditLog.pos, state.pos))
      .limit(1);
    if (!end || end.hash !== state.hash || end.seq !== state.seq || beyond)
      throw new AuditSealError('the audit seal state is not the end of the chain');
    let { pos, seq, hash } = state;
    let sealed = 0;
    for (;;) {
      const batch = await tx
        .select()
        .from(auditLog)
        .where(isNull(auditLog.pos))
        .orderBy(asc(auditLog.seq))
        .limit(batchSize);
      if (batch.length === 0) break;
      const links = batch.map((r) => {
        const prevHash = hash;
        hash = rowHash(deps.pii, prevHash, r);
        pos += 1;
        seq = r.seq;
        return { seq: r.seq, pos, prev_hash: prevHash, hash };
      });
      const updated = rowsOf<{ seq: unknown }>(
        await tx.execute(sql`
          update audit_log as a set pos = v.pos, prev_hash = v.prev_hash, hash = v.hash
          from jsonb_to_recordset(${JSON.stringify(links)}::jsonb)
            as v(seq bigint, pos bigint, prev_hash text, hash text)
          where a.seq = v.seq and a.pos is null
          returning a.seq`),
      );
      if (updated.length !== links.length) throw new AuditSealError('audit rows changed while sealing');
      sealed += links.length;
      if (batch.length < batchSize) break;
    }
    const now = deps.clock.now();
    if (sealed > 0) {
      await tx.update(auditSeal).set({ pos, seq, hash, sealedAt: now }).where(eq(auditSeal.id, 1));
    }
    // A checkpoint for every extension of the chain (and once for a chain that has none yet, e.g. after
    // the upgrade from per-write chaining).
    let checkpoint: Checkpoint | undefined;
    if (sealed > 0 || (pos > 0 && tableAnchor?.pos !== pos)) {
      const body = { v: 1 as const, pos, seq, hash, at: now.toISOString() };
      checkpoint = { ...body, sig: signCheckpoint(deps.pii, body) };
      await tx.insert(auditCheckpoint).values({ pos, seq, hash, at: now, sig: checkpoint.sig });
    }
    return { sealed, pos, checkpoint };
  });
  if ('skipped' in outcome) return { sealed: 0, pos: 0, skipped: true };
  const { checkpoint } = outcome;
  if (checkpoint) {
    // Only after the commit: a checkpoint in the file always describes a chain the database really holds.
    if (deps.checkpointFile) {
      await appendCheckpointFile(deps.checkpointFile, checkpoint).catch((err) =>
        deps.log?.error({ err, file: deps.checkpointFile }, 'audit checkpoint file not written'),
      );
    }
    deps.log?.info({ auditCheckpoint: checkpoint, sealed: outcome.sealed }, 'audit checkpoint');
  }
  return outcome;
}

/** The recurring job (registered in main.ts): pg-boss runs it once a minute for the whole cluster. */
export function auditSealJob(deps: SealDeps): RecurringJob {
  return { name: 'audit.seal', cron: '* * * * *', run: () => sealAudit(deps) };
}

/**
 * Seals every `seconds` in this process too, so rows wait seconds rather than up to a minute for their
 * place in the chain (the window in which an unsealed row can vanish unnoticed). Returns a stop function.
 */
export function startAuditSealer(deps: SealDeps, seconds: number): () => Promise<void> {
  if (!(seconds > 0)) return async () => undefined;
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sealAudit(deps)
      .catch((err) => deps.log?.error({ err }, 'audit seal failed'))
      .finally(() => {
        running = undefined;
      });
  }, seconds * 1000);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}

// ---------------------------------------------------------------------------------------------------
// Verification

export type VerifyReason =
  /** A sealed row's content or hash was changed. */
  | 'hash_mismatch'
  /** A sealed row is missing or out of place (deleted, reordered): the chain does not link. */
  | 'broken_link'
  /** The seal state does not match the chain's end. */
  | 'head_mismatch'
  /** The chain does not contain what a signed checkpoint vouches for (rows cut from the tail, wiped, rewritten). */
  | 'checkpoint_mismatch'
  /** A checkpoint's signature is wrong (forged or altered). */
  | 'checkpoint_invalid';

export interface VerifyResult {
  ok: boolean;
  /** Sealed records checked (the chain's length as far as it verified). */
  checked: number;
  /** Records not chained yet (committed after the last seal): not protected yet, not tampering. */
  pending: number;
  /** The newest checkpoint the chain was compared with. */
  checkpoint: { pos: number; at: string; source: 'file' | 'table' } | null;
  /** 'checked': the checkpoint file was read; 'missing': configured but absent; 'none': not configured. */
  checkpointFile: 'checked' | 'missing' | 'none';
  problem?: { reason: VerifyReason; seq: number | null; pos: number | null; source?: 'file' | 'table' };
}

function asCheckpoint(value: unknown): Checkpoint | null {
  const c = value as Partial<Checkpoint> | null;
  if (!c || typeof c !== 'object' || c.v !== 1) return null;
  if (!Number.isSafeInteger(c.pos) || (c.seq !== null && !Number.isSafeInteger(c.seq))) return null;
  if (typeof c.hash !== 'string' || typeof c.at !== 'string' || typeof c.sig !== 'string') return null;
  return { v: 1, pos: c.pos as number, seq: c.seq as number | null, hash: c.hash, at: c.at, sig: c.sig };
}

/**
 * The file's furthest-reaching validly signed checkpoint, or the first line that is a checkpoint with a
 * wrong signature. (The sealer appends a line only when the chain still contains the previous one, so
 * every line describes a prefix of the chain the furthest one describes.)
 */
async function readCheckpointFile(
  file: string,
  pii: Pick<Pii, 'subkeyMac'>,
): Promise<{ best: Checkpoint | null; badLine?: number } | null> {
  try {
    await stat(file);
  } catch {
    return null;
  }
  let best: Checkpoint | null = null;
  let n = 0;
  const lines = createInterface({
    input: createReadStream(file, 'utf8'),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  for await (const line of lines) {
    n++;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      continue; // blank, or torn by a crash in the middle of an append
    }
    const c = asCheckpoint(parsed);
    if (!c || !checkpointValid(pii, c)) {
      lines.close();
      return { best, badLine: n };
    }
    if (!best || c.pos > best.pos) best = c;
  }
  return { best };
}

/**
 * Checks the audit trail (`linli audit verify`, GET /api/audit/verify): walks the sealed chain from the
 * start (a changed, deleted or reordered row breaks it), compares its end with the seal state, and
 * compares it with the furthest signed checkpoint in the checkpoint file and in the table, so rows cut
 * from the tail, or the whole trail wiped, are detected even when the seal state and the checkpoint table
 * were rewound with them. Rows not sealed yet are counted as pending.
 */
export async function verifyAuditChain(
  db: Db,
  pii: Pick<Pii, 'mac' | 'subkeyMac'>,
  opts: { checkpointFile?: string | undefined } = {},
): Promise<VerifyResult> {
  // Anchors first: a checkpoint read before the walk can only be at or behind the chain the walk sees.
  type Anchor = Checkpoint & { source: 'file' | 'table' };
  const anchors: Anchor[] = [];
  let problem: VerifyResult['problem'];
  let checkpointFile: VerifyResult['checkpointFile'] = 'none';
  if (opts.checkpointFile) {
    const f = await readCheckpointFile(opts.checkpointFile, pii);
    checkpointFile = f ? 'checked' : 'missing';
    if (f?.badLine !== undefined)
      problem = { reason: 'checkpoint_invalid', seq: null, pos: null, source: 'file' };
    if (f?.best) anchors.push({ ...f.best, source: 'file' });
  }
  const [row] = await db
    .select()
    .from(auditCheckpoint)
    .orderBy(desc(auditCheckpoint.pos), desc(auditCheckpoint.id))
    .limit(1);
  if (row) {
    const c: Checkpoint = {
      v: 1,
      pos: row.pos,
      seq: row.seq,
      hash: row.hash,
      at: row.at.toISOString(),
      sig: row.sig,
    };
    if (checkpointValid(pii, c)) anchors.push({ ...c, source: 'table' });
    else problem ??= { reason: 'checkpoint_invalid', seq: row.seq, pos: row.pos, source: 'table' };
  }

  // The walk, in chain order. `seen` keeps the links at the positions the anchors and the state name.
  const watch = new Set(anchors.map((a) => a.pos));
  const seen = new Map<number, { hash: string; seq: number }>();
  let pos = 0;
  let prev = GENESIS;
  let lastSeq: number | null = null;
  let broken: VerifyResult['problem'];
  const walk = async () => {
    for (;;) {
      const batch = await db
        .select()
        .from(auditLog)
        .where(gt(auditLog.pos, pos))
        .orderBy(asc(auditLog.pos))
        .limit(2000);
      if (batch.length === 0) return;
      for (const r of batch) {
        if (r.pos !== pos + 1 || r.prevHash !== prev) {
          broken = { reason: 'broken_link', seq: r.seq, pos: r.pos };
          return;
        }
        if (!r.hash || rowHash(pii, prev, r) !== r.hash) {
          broken = { reason: 'hash_mismatch', seq: r.seq, pos: r.pos };
          return;
        }
        pos = r.pos;
        prev = r.hash;
        lastSeq = r.seq;
        if (watch.has(pos)) seen.set(pos, { hash: r.hash, seq: r.seq });
      }
    }
  };
  const linkAt = (p: number) =>
    p === 0 ? { hash: GENESIS, seq: null } : p === pos ? { hash: prev, seq: lastSeq } : seen.get(p);
  await walk();

  // Every anchor must lie on the chain: rows cut from the tail, or a wiped and restarted trail, fail here.
  if (!broken) {
    for (const a of anchors) {
      const link = linkAt(a.pos);
      if (!link || link.hash !== a.hash || (a.pos > 0 && link.seq !== a.seq)) {
        broken = { reason: 'checkpoint_mismatch', seq: a.seq, pos: a.pos, source: a.source };
        break;
      }
    }
  }

  // The seal state is read after the walk: it can only be at or ahead of what the walk saw.
  if (!broken) {
    const [state] = await db.select().from(auditSeal).where(eq(auditSeal.id, 1));
    if (!state) {
      if (pos > 0 || anchors.length > 0) broken = { reason: 'head_mismatch', seq: null, pos: null };
    } else {
      const walked = pos;
      if (state.pos > walked) {
        // Sealed while we walked: follow the chain to the state's end.
        watch.add(state.pos);
        await walk();
      }
      const end = linkAt(state.pos);
      if (!broken && (state.pos < walked || !end || end.hash !== state.hash || end.seq !== state.seq))
        broken = { reason: 'head_mismatch', seq: state.seq, pos: state.pos };
    }
  }
  problem = broken ?? problem;
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(isNull(auditLog.pos));
  const newest = anchors.reduce<Anchor | undefined>((b, a) => (!b || a.pos > b.pos ? a : b), undefined);
  return {
    ok: !problem,
    checked: pos,
    pending: Number(n),
    checkpoint: newest ? { pos: newest.pos, at: newest.at, source: newest.source } : null,
    checkpointFile,
    ...(problem && { problem }),
  };
}

/** Seals what has committed (waiting for a running sealer), then verifies: what the CLI and the API run. */
export async function sealAndVerifyAudit(deps: SealDeps): Promise<VerifyResult> {
  try {
    await sealAudit(deps, { wait: true });
  } catch (err) {
    // A seal refused because the trail was tampered with: the verification below reports what is wrong.
    deps.log?.error({ err }, 'audit seal before verify failed');
  }
  return verifyAuditChain(deps.db, deps.pii, { checkpointFile: deps.checkpointFile });
}
