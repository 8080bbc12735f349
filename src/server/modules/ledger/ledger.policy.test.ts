import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { accountAbilities, canSeeAccount, ledgerPolicy } from './ledger.policy';

describe('ledger policy', () => {
  const worker = actorAt('community_worker', '/city/district/sub/c1/');
  const volunteer = actorAt('volunteer', '/city/district/sub/c1/');
  const timeBank = { orgPath: '/city/district/sub/c1/', ownerKind: 'volunteer', unit: 'minutes' };
  const elsewhere = { ...timeBank, orgPath: '/city/district/sub/c2/' };

  it('staff read and write accounts of their community only', () => {
    expect(canSeeAccount(worker, timeBank)).toBe(true);
    expect(canSeeAccount(worker, elsewhere)).toBe(false);
    expect(ledgerPolicy.can(worker, 'write', elsewhere)).toBe(false);
  });

  it('a holder sees their own account wherever it lies (ledger.own), never another one', () => {
    expect(canSeeAccount(volunteer, { ...elsewhere, heldByActor: true })).toBe(true);
    expect(canSeeAccount(volunteer, { ...timeBank, heldByActor: false })).toBe(false);
  });

  it('own is not bounded by the org tree: its scope is all or nothing, the repository adds ownership', () => {
    expect(ledgerPolicy.scope(volunteer, 'own')).toBeTruthy();
    expect(ledgerPolicy.can(actorAt('civil_affairs', '/city/'), 'own')).toBe(false);
  });

  it('R-VP-2: the holder may donate time-bank minutes but not reverse or withdraw; staff in scope may all', () => {
    expect(accountAbilities(volunteer, { ...timeBank, heldByActor: true })).toEqual({
      reverse: false,
      withdraw: false,
      donate: true,
    });
    expect(accountAbilities(worker, timeBank)).toEqual({ reverse: true, withdraw: true, donate: true });
    expect(accountAbilities(worker, { ...timeBank, unit: 'points' })).toEqual({
      reverse: true,
      withdraw: false,
      donate: false,
    });
  });

  it('a civil-affairs reader reads but never writes; without a session require answers 401', () => {
    const reader = actorAt('civil_affairs', '/city/');
    expect(canSeeAccount(reader, timeBank)).toBe(true);
    expect(() => ledgerPolicy.require(reader, 'write')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => ledgerPolicy.require(undefined, 'read')).toThrow(expect.objectContaining({ status: 401 }));
  });
});
