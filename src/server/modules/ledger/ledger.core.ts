import { sql } from 'drizzle-orm';
import { auditInsertFrom, writeAudit } from '../../platform/audit';
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import {
  type LedgerAccountRow,
  accountIdOf,
  accountOfOwner,
  insertAccountIfAbsent,
  lockAccountRows,
  ownerBalanceRows,
  runLedgerPost,
  transactionIdByKey,
} from './ledger.core.repository';

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

/** Finds or creates the account (unique per ownerKind+ownerId+unit); returns its id. */
export async function ensureAccount(tx: Db, ctx: UseCaseCtx, a: AccountInput): Promise<string> {
  if (!LEDGER_UNITS.includes(a.unit)) throw new AppError('ledger.bad_unit', 422, { unit: a.unit });
  const found = await accountIdOf(tx, a.ownerKind, a.ownerId, a.unit);
  if (found) return found;
  const now = ctx.clock.now();
  const id = ctx.ids();
  const inserted = await insertAccountIfAbsent(tx, {
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
  });
  if (inserted) {
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
  return (await accountIdOf(tx, a.ownerKind, a.ownerId, a.unit))!;
}

export type LockedAccount = LedgerAccountRow;

/**
 * Locks accounts FOR UPDATE in ascending id order (one consistent order, so concurrent postings never
 * deadlock) and returns them by id. Locking again in the same transaction is a no-op.
 */
export async function lockAccounts(tx: Db, ids: string[]): Promise<Map<string, LockedAccount>> {
  const sorted = [...new Set(ids)].sort();
  const out = new Map<string, LockedAccount>();
  if (sorted.length === 0) return out;
  const rows = await lockAccountRows(tx, sorted);
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
  const r = await runLedgerPost(
    tx,
    {
      id,
      idempotencyKey: t.idempotencyKey,
      kind: t.kind,
      memo: t.memo ?? null,
      sourceType: t.sourceType ?? null,
      sourceId: t.sourceId ?? null,
      activityType: t.activityType ?? null,
      reversesId: t.reversesId ?? null,
      occurredAt: t.occurredAt ?? now,
      userId: ctx.actor?.userId ?? null,
      displayName: ctx.actor?.displayName ?? null,
      now,
      entries: JSON.stringify(entries),
    },
    audit,
  );
  if (r.id) return { transactionId: id, duplicate: false };
  if (r.duplicate !== undefined) {
    // null: a concurrent posting with the same key committed while this one inserted.
    return {
      transactionId: r.duplicate ?? (await transactionIdByKey(tx, t.idempotencyKey))!,
      duplicate: true,
    };
  }
  if (r.refused === 'account_not_found')
    throw new AppError('ledger.account_not_found', 404, { accountId: r.account_id });
  if (r.refused === 'unit_mismatch')
    throw new AppError('ledger.unit_mismatch', 422, { accountId: r.account_id, unit: r.unit });
  // A retry with the same key that committed after this statement (and spent the balance it refused)
  // is a duplicate.
  const raced = await transactionIdByKey(tx, t.idempotencyKey);
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

/** The account of an owner in a unit, if opened. */
export function findAccount(
  db: Db,
  ownerKind: OwnerKind,
  ownerId: string,
  unit: LedgerUnit,
): Promise<LockedAccount | undefined> {
  return accountOfOwner(db, ownerKind, ownerId, unit);
}

/** Cached balances of an owner's accounts (0 when not opened). */
export async function balancesOf(
  db: Db,
  ownerKind: OwnerKind,
  ownerId: string,
): Promise<{ points: number; minutes: number }> {
  const rows = await ownerBalanceRows(db, ownerKind, ownerId);
  const out = { points: 0, minutes: 0 };
  for (const r of rows) if (r.unit === 'points' || r.unit === 'minutes') out[r.unit] = Number(r.balance);
  return out;
}
