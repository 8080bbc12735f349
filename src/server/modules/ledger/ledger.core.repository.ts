import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import { type Db, executePrepared, rowsOf } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { ledgerAccounts, ledgerTransactions } from './ledger.table';

/**
 * The queries of the posting core (ledger.core.ts): opening accounts, locking them FOR UPDATE in id order,
 * the one-statement posting through the SQL function `ledger_post`, the idempotency-key lookup and the
 * cached balances. Each takes the handle of the caller's transaction.
 */
export type LedgerAccountRow = typeof ledgerAccounts.$inferSelect;

/** The one account of an owner in a unit (accounts are unique per ownerKind+ownerId+unit). */
const ownerAccount = (ownerKind: string, ownerId: string, unit: string) =>
  and(
    eq(ledgerAccounts.ownerKind, ownerKind),
    eq(ledgerAccounts.ownerId, ownerId),
    eq(ledgerAccounts.unit, unit),
  );

/** The id of the owner's account in `unit`, if opened. */
export async function accountIdOf(
  tx: Db,
  ownerKind: string,
  ownerId: string,
  unit: string,
): Promise<string | undefined> {
  const found = await tx
    .select({ id: ledgerAccounts.id })
    .from(ledgerAccounts)
    .where(ownerAccount(ownerKind, ownerId, unit));
  return found[0]?.id;
}

/** Inserts an account unless one exists (ON CONFLICT DO NOTHING); answers whether this one was inserted. */
export async function insertAccountIfAbsent(
  tx: Db,
  values: typeof ledgerAccounts.$inferInsert,
): Promise<boolean> {
  const inserted = await tx
    .insert(ledgerAccounts)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: ledgerAccounts.id });
  return !!inserted[0];
}

/** Locks these accounts FOR UPDATE in the order of `sortedIds` (ascending ids) and returns them in that order. */
export function lockAccountRows(tx: Db, sortedIds: string[]): Promise<LedgerAccountRow[]> {
  return tx
    .select()
    .from(ledgerAccounts)
    .where(inArray(ledgerAccounts.id, sortedIds))
    .orderBy(ledgerAccounts.id)
    .for('update');
}

/** What `ledger_post` answers (see migrations/0053_ledger_post_function.sql). */
export interface Posted {
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

/**
 * One posting in one prepared statement: `ledger_post` (migrations/0053) locks, checks and writes the
 * transaction, its entries and the cached balances; `audit` (an audit INSERT reading `posted`) runs in the
 * same statement when it posted. `entries` is the JSON array of `{ n, account_id, unit, amount }`.
 */
export async function runLedgerPost(
  tx: Db,
  p: {
    id: string;
    idempotencyKey: string;
    kind: string;
    memo: string | null;
    sourceType: string | null;
    sourceId: string | null;
    activityType: string | null;
    reversesId: string | null;
    occurredAt: Date;
    userId: string | null;
    displayName: string | null;
    now: Date;
    entries: string;
  },
  audit: SQL,
): Promise<Posted> {
  const [row] = rowsOf<{ r: Posted | string }>(
    await executePrepared(
      tx,
      'ledger_post',
      sql`
      with p as (
        select ledger_post(${p.id}::uuid, ${p.idempotencyKey}::text, ${p.kind}::text, ${p.memo}::text,
          ${p.sourceType}::text, ${p.sourceId}::text, ${p.activityType}::text,
          ${p.reversesId}::uuid, ${p.occurredAt}::timestamptz, ${p.userId}::uuid,
          ${p.displayName}::text, ${p.now}::timestamptz, ${p.entries}::jsonb) as r),
      posted as (select r->>'org_path' as org_path from p where r ? 'id'),
      au as (${audit})
      select r from p`,
    ),
  );
  return typeof row!.r === 'string' ? JSON.parse(row!.r) : row!.r;
}

/** The id of the transaction posted under this idempotency key, if any. */
export async function transactionIdByKey(tx: Db, key: string): Promise<string | undefined> {
  const rows = await tx
    .select({ id: ledgerTransactions.id })
    .from(ledgerTransactions)
    .where(eq(ledgerTransactions.idempotencyKey, key));
  return rows[0]?.id;
}

/** The account of an owner in a unit, if opened. */
export function accountOfOwner(
  db: Db,
  ownerKind: string,
  ownerId: string,
  unit: string,
): Promise<LedgerAccountRow | undefined> {
  return firstRow(db, ledgerAccounts, ownerAccount(ownerKind, ownerId, unit));
}

/** The unit and cached balance of each of an owner's accounts. */
export async function ownerBalanceRows(
  db: Db,
  ownerKind: string,
  ownerId: string,
): Promise<{ unit: string; balance: number | string }[]> {
  return rowsOf<{ unit: string; balance: number | string }>(
    await db.execute(
      sql`select unit, balance from ledger_accounts where owner_kind = ${ownerKind} and owner_id = ${ownerId}`,
    ),
  );
}
