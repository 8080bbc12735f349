import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { accountsPolicy, mayManageAccount } from './accounts.policy';

describe('accounts policy', () => {
  const admin = actorAt('subdistrict_admin', '/city/district/sub/');
  const c1 = '/city/district/sub/c1/';
  const c2 = '/city/district/sub2/c2/';

  it('a subdistrict admin hands out roles only inside their own subtree', () => {
    expect(accountsPolicy.can(admin, 'write', { path: c1 })).toBe(true);
    expect(accountsPolicy.can(admin, 'write', { path: c2 })).toBe(false);
  });

  it('an account with any role beyond the actor’s reach is not changed by them (no take-over)', () => {
    expect(mayManageAccount(admin, [c1])).toBe(true);
    expect(mayManageAccount(admin, [c1, c2])).toBe(false);
    // A platform-wide role (no unit) lies at '/': only a platform-wide users.write reaches it.
    expect(mayManageAccount(admin, ['/'])).toBe(false);
    expect(mayManageAccount(actorAt('platform_admin', '/'), ['/', c2])).toBe(true);
  });

  it('without users.read: 403, and 401 without a session', () => {
    expect(() => accountsPolicy.require(actorAt('evaluator', '/city/'), 'write')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => accountsPolicy.require(undefined, 'read')).toThrow(expect.objectContaining({ status: 401 }));
  });
});
