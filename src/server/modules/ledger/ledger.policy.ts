import { type Policy, definePolicy } from '../../platform/policy';
import type { Actor } from '../../platform/permissions';
import { ledgerAccounts } from './ledger.table';

/**
 * Who may do what in the ledger (DESIGN convention 4). Staff read (`ledger.read`) and post, reverse,
 * set rules (`ledger.write`) in the subtree where they hold the permission. A holder reads their own
 * accounts (`ledger.own`, R-VP-1/R-VP-2): not bounded by the org tree but by ownership, so `own` is an
 * unscoped action and `heldByActor` (their user account, or the account of a volunteer record they act
 * as, found by the repository) decides.
 */
export type LedgerAction = 'read' | 'write' | 'own';
export type AccountRecord = {
  orgPath: string;
  ownerKind?: string;
  unit?: string;
  /** Whether the actor holds the account (the repository's `holdsAccount`). */
  heldByActor?: boolean;
};

export const ledgerPolicy: Policy<LedgerAction, AccountRecord> = definePolicy({
  permissions: { read: 'ledger.read', write: 'ledger.write', own: 'ledger.own' },
  pathColumn: ledgerAccounts.orgPath,
  pathOf: (r: AccountRecord) => r.orgPath,
  unscoped: ['own'],
  allows: (_actor, action, r) => action !== 'own' || r.heldByActor === true,
});

/** A volunteer's minutes account: the time bank (R-VP-2). */
export const isTimeBank = (r: AccountRecord) => r.unit === 'minutes' && r.ownerKind === 'volunteer';

/** Staff in scope (`read`) or the holder (`own`) see an account; anyone else is answered 404. */
export const canSeeAccount = (actor: Actor, r: AccountRecord) =>
  ledgerPolicy.can(actor, 'read', r) || ledgerPolicy.can(actor, 'own', r);

/**
 * The buttons of a statement (DESIGN convention 6): staff in scope reverse, and withdraw from a time
 * bank or a pool; the holder or staff in scope donate time-bank minutes to the community pool (R-VP-2).
 */
export function accountAbilities(actor: Actor, r: AccountRecord) {
  const staff = ledgerPolicy.can(actor, 'write', r);
  return {
    reverse: staff,
    withdraw: (isTimeBank(r) || r.ownerKind === 'pool') && staff,
    donate: isTimeBank(r) && (ledgerPolicy.can(actor, 'own', r) || staff),
  };
}
