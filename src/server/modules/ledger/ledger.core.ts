import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditInsertFrom, writeAudit } from '../../platform/audit';
import type { UseCaseCtx } from '../../platform/context';
import { type Db, executePrepared, rowsOf } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { firstRow } from '../../platform/firstRow';
import { ledgerAccounts, ledgerTransactions } from './ledger.table';

/**
 * The ledger core (R-VP-1, R-VP-2): double-entry, append-only postings other modules call inside their
 * own transactions. Every posting balances per unit, is idempotent by key, locks its accounts in id
 * order (no deadlocks), keeps the cached balances and refuses to overdraw a holder account.
 */

/** fen: community funds (社区基金, social-orgs module), money in fen. */
export type LedgerUnit = 'points' | 'minutes' | 'fen';
/** volunteer / merchant / pool accounts are holders (never negative); community and issuer accounts are credit accounts. */
export type OwnerKind = 'volunteer' | 'community' | 'merchant' | 'pool' | 'issuer' | string;

export const LEDGER_UNITS: readonly LedgerUnit[] = ['points', 'minutes', 'fen'];
/** Owner kinds whose accounts may go negative (they issue points/time into circulation). */
export const CREDIT_OWNER_KINDS: readonly string[] = ['community', 'issuer'];
/** R-LAW-VL-2 / R-VP-2: a time-bank account holds at most 1,500 hours. */
export const TIME_BANK_CAP_MINUTES = 90_000;

export interface AccountInput {
  ownerKind: OwnerKind;
  ownerId: string;
  unit: LedgerUnit;
  orgUnitId: string;
  orgPath: string;
  name: string;
}

function defaultCap(a: Pick<AccountInput, 'ownerKind' | 'unit'>): number | null {
  return a.unit === 'minutes' && a.ownerKind === 'volunteer' ? TIME_BANK_CAP_MINUTES : null;
}

/** A community as the ledger files its own accounts: owner, unit of the tree and name. */
export interface LedgerCommunity {
  id: string;
  path: string;
  name: string;
}

/** The community's own (credit) account in `unit`: it issues credits and takes settlements and withdrawals. */
export function ensureCommunityAccount(
  tx: Db,
  ctx: UseCaseCtx,
  community: LedgerCommunity,
  unit: LedgerUnit,
): Promise<string> {
  return ensureAccount(tx, ctx, {
    ownerKind: 'community',
    ownerId: community.id,
    unit,
    orgUnitId: community.id,
    orgPath: community.path,
    name: community.name,
  });
}

/** The community's time pool (minutes donated for elderly people living alone). */
export function ensurePoolAccount(tx: Db, ctx: UseCaseCtx, community: LedgerCommunity): Promise<string> {
  return ensureAccount(tx, ctx, {
    ownerKind: 'pool',
    ownerId: community.id,
    unit: 'minutes',
    orgUnitId: community.id,
    orgPath: community.path,
    name: `${community.name}·时间池`,
  });
}

/** The one account of an owner in a unit (accounts are unique per ownerKind+ownerId+unit). */
const ownerAccount = (ownerKind: OwnerKind, ownerId: string, unit: LedgerUnit) =>
  and(
    eq(ledgerAccounts.ownerKind, ownerKind),
    eq(ledgerAccounts.ownerId, ownerId),
    eq(ledgerAccounts.unit, unit),
  );

/** Finds or creates the account (unique per ownerKind+ownerId+unit); returns its id. */
export async function ensureAccount(tx: Db, ctx: UseCaseCtx, a: AccountInput): Promise<string> {
  if (!LEDGER_UNITS.includes(a.unit)) throw new AppError('ledger.bad_unit', 422, { unit: a.unit });
  const where = ownerAccount(a.ownerKind, a.ownerId, a.unit);
  const found = await tx.select({ id: ledgerAccounts.id }).from(ledgerAccounts).where(where);
  if (found[0]) return found[0].id;
  const now = ctx.clock.now();
  const id = ctx.ids();
  const inserted = await tx
    .insert(ledgerAccounts)
    .values({
      id,
      ownerKind: a.ownerKind,
      ownerId: a.ownerId,
      unit: a.unit,
      credit: CREDIT_OWNER_KINDS.includes(a.ownerKind),
      cap: defaultCap(a),
      name: a.name,
      orgUnitId: a.orgUnitId,
      orgPath: a.orgPath,
      balance: 0,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoNothing()
    .returning({ id: ledgerAccounts.id });
  if (inserted[0]) {
    await writeAudit(tx, ctx, {
      action: 'ledger.account.open',
      entityType: 'ledger_account',
      entityId: id,
      orgPath: a.orgPath,
      after: { ownerKind: a.ownerKind, ownerId: a.ownerId, unit: a.unit, name: a.name },
    });
    return id;
  }
  // Opened by a concurrent transaction meanwhile.
  const again = await tx.select({ id: ledgerAccounts.id }).from(ledgerAccounts).where(where);
  return again[0]!.id;
}

export type LockedAccount = typeof ledgerAccounts.$inferSelect;

/**
 * Locks accounts FOR UPDATE in ascending id order (one consistent order, so concurrent postings never
 * deadlock) and returns them by id. Locking again in the same transaction is a no-op.
 */
export async function lockAccounts(tx: Db, ids: string[]): Promise<Map<string, LockedAccount>> {
  const sorted = [...new Set(ids)].sort();
  const out = new Map<string, LockedAccount>();
  if (sorted.length === 0) return out;
  const rows = await tx
    .select()
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.id, sorted))
    .orderBy(ledgerAccounts.id)
    .for('update');
  for (const r of rows) out.set(r.id, r);
  return out;
}

export interface PostingEntry {
  accountId: string;
  unit: LedgerUnit;
  amount: number;
}

export interface PostingInput {
  idempotencyKey: string;
  kind: string;
  memo?: string;
  sourceType?: string;
  sourceId?: string;
  /** Activity type of a service credit. */
  activityType?: string;
  /** When the underlying fact happened (defaults to now). */
  occurredAt?: Date;
  /** The transaction this one compensates (reversals; at most one per original). */
  reversesId?: string;
  entries: PostingEntry[];
}

function checkShape(t: PostingInput): void {
  if (!t.idempotencyKey || t.idempotencyKey.length > 200)
    throw new AppError('ledger.bad_idempotency_key', 422);
  if (t.entries.length < 2) throw new AppError('ledger.unbalanced', 422, {}, { entries: t.entries });
  const sums = new Map<string, number>();
  for (const e of t.entries) {
    if (!LEDGER_UNITS.includes(e.unit)) throw new AppError('ledger.bad_unit', 422, { unit: e.unit });
    if (!Number.isSafeInteger(e.amount) || e.amount === 0 || Math.abs(e.amount) > 1_000_000_000)
      throw new AppError('ledger.bad_amount', 422, { amount: e.amount });
    sums.set(e.unit, (sums.get(e.unit) ?? 0) + e.amount);
  }
  for (const [unit, sum] of sums)
    if (sum !== 0) throw new AppError('ledger.unbalanced', 422, { unit, sum }, { entries: t.entries });
}

/**
 * Posts one balanced transaction (entries sum to zero per unit) idempotently: the same key returns the
 * first result with duplicate=true and posts nothing; throws AppError('ledger.insufficient_balance',409)
 * if a non-credit account would go negative (nothing is written). Writes an audit record.
 *
 * One statement, atomic on its own (callers with writes of their own call it inside their transaction):
 * the SQL function `ledger_post` (migrations/0053) locks the accounts in id order, looks the key up,
 * checks the balances and writes the transaction row (ON CONFLICT DO NOTHING: a concurrent retry with
 * the same key waits for the first to commit and then sees it, a duplicate, instead of posting twice),
 * its entries with running balances and the cached balances; the same statement writes the audit row
 * if it posted. No account stays locked while the application works between round trips.
 */
export async function postTransaction(
  tx: Db,
  ctx: UseCaseCtx,
  t: PostingInput,
): Promise<{ transactionId: string; duplicate: boolean }> {
  checkShape(t);
  const now = ctx.clock.now();
  const id = ctx.ids();
  const entries = t.entries.map((e, n) => ({ n, account_id: e.accountId, unit: e.unit, amount: e.amount }));
  const audit = auditInsertFrom(
    ctx,
    {
      action: 'ledger.post',
      entityType: 'ledger_transaction',
      entityId: id,
      after: {
        kind: t.kind,
        idempotencyKey: t.idempotencyKey,
        sourceType: t.sourceType ?? null,
        sourceId: t.sourceId ?? null,
        reversesId: t.reversesId ?? null,
        entries: t.entries.map((e) => ({ accountId: e.accountId, unit: e.unit, amount: e.amount })),
      },
    },
    sql`posted`,
    sql`posted.org_path`,
  );
  const [row] = rowsOf<{ r: Posted | string }>(
    await executePrepared(
      tx,
      'ledger_post',
      sql`
      with p as (
        select ledger_post(${id}::uuid, ${t.idempotencyKey}::text, ${t.kind}::text, ${t.memo ?? null}::text,
          ${t.sourceType ?? null}::text, ${t.sourceId ?? null}::text, ${t.activityType ?? null}::text,
          ${t.reversesId ?? null}::uuid, ${t.occurredAt ?? now}::timestamptz, ${ctx.actor?.userId ?? null}::uuid,
          ${ctx.actor?.displayName ?? null}::text, ${now}::timestamptz, ${JSON.stringify(entries)}::jsonb) as r),
      posted as (select r->>'org_path' as org_path from p where r ? 'id'),
      au as (${audit})
      select r from p`,
    ),
  );
  const r: Posted = typeof row!.r === 'string' ? JSON.parse(row!.r) : row!.r;
  if (r.id) return { transactionId: id, duplicate: false };
  if (r.duplicate !== undefined) {
    // null: a concurrent posting with the same key committed while this one inserted.
    return { transactionId: r.duplicate ?? (await findByKey(tx, t.idempotencyKey))!, duplicate: true };
  }
  if (r.refused === 'account_not_found')
    throw new AppError('ledger.account_not_found', 404, { accountId: r.account_id });
  if (r.refused === 'unit_mismatch')
    throw new AppError('ledger.unit_mismatch', 422, { accountId: r.account_id, unit: r.unit });
  // A retry with the same key that committed after this statement (and spent the balance it refused)
  // is a duplicate.
  const raced = await findByKey(tx, t.idempotencyKey);
  if (raced) return { transactionId: raced, duplicate: true };
  if (r.refused === 'insufficient_balance')
    throw new AppError(
      'ledger.insufficient_balance',
      409,
      { name: r.name, balance: r.balance, unit: r.unit },
      { accountId: r.account_id, balance: r.balance, needed: -r.delta! },
    );
  throw new AppError(
    'ledger.cap_exceeded',
    409,
    { name: r.name, cap: r.cap, unit: r.unit },
    { accountId: r.account_id, balance: r.balance, cap: r.cap },
  );
}

/** What `ledger_post` answers (see migrations/0053_ledger_post_function.sql). */
interface Posted {
  id?: string;
  org_path?: string;
  duplicate?: string | null;
  refused?: 'account_not_found' | 'unit_mismatch' | 'insufficient_balance' | 'cap_exceeded';
  account_id?: string;
  name?: string;
  balance?: number;
  cap?: number | null;
  unit?: string;
  delta?: number;
}

async function findByKey(tx: Db, key: string): Promise<string | undefined> {
  const rows = await tx
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.idempotencyKey, key));
  return rows[0]?.id;
}

/** The account of an owner in a unit, if opened. */
export function findAccount(
  db: Db,
  ownerKind: OwnerKind,
  ownerId: string,
  unit: LedgerUnit,
): Promise<LockedAccount | undefined> {
  return firstRow(db, ledgerAccounts, ownerAccount(ownerKind, ownerId, unit));
}

/** Cached balances of an owner's accounts (0 when not opened). */
export async function balancesOf(
  db: Db,
  ownerKind: OwnerKind,
  ownerId: string,
): Promise<{ points: number; minutes: number }> {
  const rows = rowsOf<{ unit: string; balance: number | string }>(
    await db.execute(
      sql`select unit, balance from ledger_accounts where owner_kind = ${ownerKind} and owner_id = ${ownerId}`,
    ),
  );
  const out = { points: 0, minutes: 0 };
  for (const r of rows) if (r.unit === 'points' || r.unit === 'minutes') out[r.unit] = Number(r.balance);
  return out;
}
