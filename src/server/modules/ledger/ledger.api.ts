/**
 * What other modules may use of the ledger (DESIGN boundaries): posting, balances and service credits,
 * as functions and types, never the tables.
 */
import type { UseCaseCtx } from '../../platform/context';
import type { Db } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { postTransaction } from './ledger.core';
import { reversalEntries } from './ledger.usecases';

export {
  type AccountInput,
  balancesOf,
  ensureAccount,
  ensureCommunityAccount,
  ensurePoolAccount,
  findAccount,
  type LedgerCommunity,
  type LedgerUnit,
  type LockedAccount,
  lockAccounts,
  type OwnerKind,
  type PostingEntry,
  type PostingInput,
  postTransaction,
} from './ledger.core';
export {
  type CreditInput,
  type CreditResult,
  creditService,
  creditTeam,
  TEAM_RULE_TYPE,
  type TeamCreditInput,
} from './ledger.credit';
export { moveHolderAccountRows as moveHolderAccounts } from './ledger.repository';
export { consentStands, familySpender, type WithdrawTimeInput, withdrawTime } from './ledger.usecases';

/**
 * The compensating posting of a module-owned transaction (a redemption, which `reverseTransaction` refuses
 * because the merchants module holds its stock and settlement state): the original entries negated, naming
 * the original in `reverses_id`, inside the caller's transaction. Nothing is updated or deleted; a second
 * reversal of the same transaction answers 409 `ledger.already_reversed` (and the unique index on
 * `reverses_id` stops a concurrent one).
 */
export async function postReversal(
  tx: Db,
  ctx: UseCaseCtx,
  r: {
    transactionId: string;
    idempotencyKey: string;
    reason: string;
    sourceType?: string;
    sourceId?: string;
  },
): Promise<{ transactionId: string; duplicate: boolean }> {
  const entries = await reversalEntries(tx, r.transactionId);
  if (entries.length === 0)
    throw new AppError('ledger.account_not_found', 404, { accountId: r.transactionId });
  return postTransaction(tx, ctx, {
    idempotencyKey: r.idempotencyKey,
    kind: 'reversal',
    memo: r.reason,
    sourceType: r.sourceType,
    sourceId: r.sourceId,
    reversesId: r.transactionId,
    entries,
  });
}
