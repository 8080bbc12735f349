import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { open311Policy } from './open311.policy';

describe('open311 policy', () => {
  const admin = actorAt('subdistrict_admin', '/city/district/sub1/');
  const ownKey = { orgPath: '/city/district/sub1/c1/' };
  const otherKey = { orgPath: '/city/district/sub2/' };

  it('a subdistrict admin manages the API keys of their subdistrict only (R-O311-1)', () => {
    expect(open311Policy.can(admin, 'manage', ownKey)).toBe(true);
    expect(open311Policy.can(admin, 'manage', otherKey)).toBe(false);
  });

  it('a community worker manages no keys: require answers 403 (401 without a session)', () => {
    const worker = actorAt('community_worker', '/city/district/sub1/c1/');
    expect(() => open311Policy.require(worker, 'manage')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => open311Policy.require(undefined, 'manage')).toThrow(
      expect.objectContaining({ status: 401 }),
    );
    expect(open311Policy.can(worker, 'manage', ownKey)).toBe(false);
  });
});
