import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { mayEnterVolunteer, merchantsPolicy, pointAbilities, requireRead } from './merchants.policy';

describe('merchants policy', () => {
  const worker = actorAt('community_worker', '/city/district/sub/c1/');
  const merchant = actorAt('merchant', '/city/district/sub/c1/');
  const point = { id: 'p1', orgPath: '/city/district/sub/c1/', status: 'active' };
  const otherPoint = { id: 'p2', orgPath: '/city/district/sub/c1/', status: 'active' };
  const elsewhere = { id: 'p3', orgPath: '/city/district/sub/c2/', status: 'active' };

  it('R-VP-1: community staff manage, work the counter of and settle the points of their community only', () => {
    expect(pointAbilities(worker, point, [])).toEqual({ edit: true, counter: true, settle: true });
    expect(pointAbilities(worker, elsewhere, [])).toEqual({ edit: false, counter: false, settle: false });
  });

  it('R-VP-1: a merchant login works the counter of its linked point only, and manages nothing', () => {
    expect(pointAbilities(merchant, point, ['p1'])).toEqual({ edit: false, counter: true, settle: false });
    expect(pointAbilities(merchant, otherPoint, ['p1']).counter).toBe(false);
    expect(() => merchantsPolicy.require(merchant, 'manage')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('an inactive point offers no counter; only staff who manage it may redeem for a volunteer picked by id', () => {
    expect(pointAbilities(worker, { ...point, status: 'suspended' }, []).counter).toBe(false);
    expect(mayEnterVolunteer(worker, point)).toBe(true);
    expect(mayEnterVolunteer(merchant, point)).toBe(false);
  });

  it('reading points needs manage or counter somewhere (401 without a session); a volunteer asks for codes anywhere', () => {
    expect(() => requireRead(merchant)).not.toThrow();
    expect(() => requireRead(actorAt('volunteer', '/city/'))).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => requireRead(undefined)).toThrow(expect.objectContaining({ status: 401 }));
    expect(merchantsPolicy.can(actorAt('volunteer', '/city/district/sub/c9/'), 'holder')).toBe(true);
  });
});
