/**
 * What other modules may use of the ledger (DESIGN boundaries): posting, balances and service credits,
 * as functions and types, never the tables.
 */
import type { Db } from '../../platform/db';
import { moveHolderAccountRows } from './ledger.repository';

export {
  type AccountInput,
  balancesOf,
  ensureAccount,
  findAccount,
  type LedgerUnit,
  type LockedAccount,
  lockAccounts,
  type OwnerKind,
  type PostingEntry,
  type PostingInput,
  postTransaction,
} from './ledger.core';
export { type CreditInput, type CreditResult, creditService } from './ledger.credit';

/**
 * Moves the accounts of one holder (e.g. a volunteer who changed community) to `unit`, so their scope,
 * reports and pool follow the holder. Accounts already at that path are left alone.
 */
export async function moveHolderAccounts(
  tx: Db,
  ownerKind: string,
  ownerId: string,
  unit: { id: string; path: string },
  now: Date,
): Promise<void> {
  await moveHolderAccountRows(tx, ownerKind, ownerId, unit, now);
}
export { type WithdrawTimeInput, withdrawTime } from './ledger.usecases';
