import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { peoplePolicy } from './people.policy';

describe('people policy', () => {
  const secretary = actorAt('community_secretary', '/city/district/sub/c1/');
  const member = { orgPath: '/city/district/sub/c1/grid/' };
  const elsewhere = { orgPath: '/city/district/sub/c2/' };

  it('party members, workers and social orgs are visible only within one’s scope (R-ORG-1)', () => {
    expect(peoplePolicy.abilities(secretary, member, { edit: 'write' })).toEqual({ edit: true });
    expect(peoplePolicy.can(secretary, 'read', elsewhere)).toBe(false);
    expect(peoplePolicy.can(secretary, 'write', elsewhere)).toBe(false);
  });

  it('without a people permission: 403, and 401 without a session', () => {
    expect(() => peoplePolicy.require({ ...secretary, assignments: [] }, 'read')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => peoplePolicy.require(undefined, 'read')).toThrow(expect.objectContaining({ status: 401 }));
  });
});
