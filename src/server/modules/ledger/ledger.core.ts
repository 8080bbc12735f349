import { and, eq, inArray, sql } from 'drizzle-orm';
import { auditInsertFrom, writeAudit } from '../../platform/audit';
import type { UseCaseCtx } from '../../platform/context';
import { type Db, rowsOf } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { ledgerAccounts, ledgerEntries, ledgerTransactions } from './ledger.table';

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

/** Finds or creates the account (unique per ownerKind+ownerId+unit); returns its id. */
export async function ensureAccount(tx: Db, ctx: UseCaseCtx, a: AccountInput): Promise<string> {
  if (!LEDGER_UNITS.includes(a.unit)) throw new AppError('ledger.bad_unit', 422, { unit: a.unit });
  const where = and(
    eq(ledgerAccounts.ownerKind, a.ownerKind),
    eq(ledgerAccounts.ownerId, a.ownerId),
    eq(ledgerAccounts.unit, a.unit),
  );
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
 * Three statements while the accounts are locked: lock + key lookup, then the transaction row (ON
 * CONFLICT DO NOTHING: a concurrent retry with the same key waits for the first to commit and then sees
 * it, a duplicate, instead of posting twice) with its entries and cached balances, then the audit record.
 */
export async function postTransaction(
  tx: Db,
  ctx: UseCaseCtx,
  t: PostingInput,
): Promise<{ transactionId: string; duplicate: boolean }> {
  checkShape(t);
  // Locks the accounts (id order) and looks the key up in one round trip. A retry with the same key that
  // commits while we wait for the locks is caught below: by the refusal check, or by the insert's
  // ON CONFLICT (a duplicate either way).
  const locked = await tx
    .select({
      account: ledgerAccounts,
      existing: sql<
        string | null
      >`(select ${ledgerTransactions.id} from ${ledgerTransactions} where ${ledgerTransactions.idempotencyKey} = ${t.idempotencyKey})`,
    })
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.id, [...new Set(t.entries.map((e) => e.accountId))].sort()))
    .orderBy(ledgerAccounts.id)
    .for('update');
  const existing = locked.length ? locked[0]!.existing : await findByKey(tx, t.idempotencyKey);
  if (existing) return { transactionId: existing, duplicate: true };
  const accounts = new Map(locked.map((r) => [r.account.id, r.account]));
  const deltas = new Map<string, number>();
  for (const e of t.entries) {
    const acc = accounts.get(e.accountId);
    if (!acc) throw new AppError('ledger.account_not_found', 404, { accountId: e.accountId });
    if (acc.unit !== e.unit)
      throw new AppError('ledger.unit_mismatch', 422, { accountId: e.accountId, unit: e.unit });
    deltas.set(e.accountId, (deltas.get(e.accountId) ?? 0) + e.amount);
  }
  for (const [id, delta] of deltas) {
    const acc = accounts.get(id)!;
    const next = acc.balance + delta;
    let refusal: AppError | undefined;
    if (next < 0 && !acc.credit && delta < 0)
      refusal = new AppError(
        'ledger.insufficient_balance',
        409,
        { name: acc.name, balance: acc.balance, unit: acc.unit },
        { accountId: id, balance: acc.balance, needed: -delta },
      );
    else if (acc.cap !== null && next > acc.cap && delta > 0)
      refusal = new AppError(
        'ledger.cap_exceeded',
        409,
        { name: acc.name, cap: acc.cap, unit: acc.unit },
        { accountId: id, balance: acc.balance, cap: acc.cap },
      );
    if (refusal) {
      // A retry with the same key that committed while we waited for the locks (and spent the balance
      // we would refuse) is a duplicate: the key above was read before the wait.
      const raced = await findByKey(tx, t.idempotencyKey);
      if (raced) return { transactionId: raced, duplicate: true };
      throw refusal;
    }
  }

  const now = ctx.clock.now();
  const id = ctx.ids();
  const firstPath = accounts.get(t.entries[0]!.accountId)!.orgPath;
  const holderPath =
    t.entries.map((e) => accounts.get(e.accountId)!).find((a) => !a.credit)?.orgPath ?? firstPath;
  const running = new Map<string, number>();
  for (const [accId, acc] of accounts) running.set(accId, acc.balance);
  const entries = t.entries.map((e, i) => {
    const after = running.get(e.accountId)! + e.amount;
    running.set(e.accountId, after);
    return sql`(${i}, ${e.accountId}::uuid, ${e.unit}::text, ${e.amount}::int, ${after}::int)`;
  });
  const changes = [...deltas]
    .filter(([, delta]) => delta !== 0)
    .map(([accId, delta]) => sql`(${accId}::uuid, ${delta}::int)`);
  const insertTx = tx
    .insert(ledgerTransactions)
    .values({
      id,
      idempotencyKey: t.idempotencyKey,
      kind: t.kind,
      memo: t.memo ?? null,
      sourceType: t.sourceType ?? null,
      sourceId: t.sourceId ?? null,
      activityType: t.activityType ?? null,
      reversesId: t.reversesId ?? null,
      occurredAt: t.occurredAt ?? now,
      orgPath: holderPath,
      actorId: ctx.actor?.userId ?? null,
      actorName: ctx.actor?.displayName ?? null,
      createdAt: now,
    })
    .onConflictDoNothing({ target: ledgerTransactions.idempotencyKey })
    .returning({ id: ledgerTransactions.id });
  // The transaction, its entries (in order, for the running balances) and the cached balances in one
  // statement; entries and balances only if the transaction row went in (its key was free).
  const audit = auditInsertFrom(
    ctx,
    {
      action: 'ledger.post',
      entityType: 'ledger_transaction',
      entityId: id,
      orgPath: holderPath,
      after: {
        kind: t.kind,
        idempotencyKey: t.idempotencyKey,
        sourceType: t.sourceType ?? null,
        sourceId: t.sourceId ?? null,
        reversesId: t.reversesId ?? null,
        entries: t.entries.map((e) => ({ accountId: e.accountId, unit: e.unit, amount: e.amount })),
      },
    },
    sql`t`,
  );
  // The transaction, its entries (in order, for the running balances), the cached balances and the
  // audit row in one statement; all but the first only if the transaction row went in (its key was free).
  const [inserted] = rowsOf<{ id: string }>(
    await tx.execute(sql`
      with t as (${insertTx.getSQL()}),
      e as (
        insert into ${ledgerEntries} (transaction_id, account_id, unit, amount, balance_after, created_at)
        select t.id, v.account_id, v.unit, v.amount, v.balance_after, ${now}::timestamptz
        from t, (values ${sql.join(entries, sql`, `)}) v(n, account_id, unit, amount, balance_after)
        order by v.n),
      u as (
        update ${ledgerAccounts} a set balance = a.balance + d.delta, updated_at = ${now}::timestamptz
        from t, (values ${changes.length ? sql.join(changes, sql`, `) : sql`(null::uuid, 0)`}) d(id, delta)
        where a.id = d.id),
      au as (${audit})
      select id from t`),
  );
  if (!inserted) {
    const first = await findByKey(tx, t.idempotencyKey);
    return { transactionId: first!, duplicate: true };
  }
  return { transactionId: id, duplicate: false };
}

async function findByKey(tx: Db, key: string): Promise<string | undefined> {
  const rows = await tx
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.idempotencyKey, key));
  return rows[0]?.id;
}

/** The account of an owner in a unit, if opened. */
export async function findAccount(
  db: Db,
  ownerKind: OwnerKind,
  ownerId: string,
  unit: LedgerUnit,
): Promise<LockedAccount | undefined> {
  const rows = await db
    .select()
    .from(ledgerAccounts)
    .where(
      and(
        eq(ledgerAccounts.ownerKind, ownerKind),
        eq(ledgerAccounts.ownerId, ownerId),
        eq(ledgerAccounts.unit, unit),
      ),
    );
  return rows[0];
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
