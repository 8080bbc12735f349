import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { orgPolicy } from './org.policy';

describe('org policy', () => {
  const admin = actorAt('subdistrict_admin', '/city/district/sub/');
  const own = { path: '/city/district/sub/', parentId: 'district', status: 'active' };
  const community = { path: '/city/district/sub/c1/', parentId: 'sub', status: 'active' };
  const elsewhere = { path: '/city/district/sub2/c2/', parentId: 'sub2', status: 'active' };

  it('a unit is visible only to users whose scope contains it (R-ORG-1)', () => {
    expect(orgPolicy.can(admin, 'read', community)).toBe(true);
    expect(orgPolicy.can(admin, 'read', elsewhere)).toBe(false);
  });

  it('the top of one’s own scope is edited but never moved, merged or archived by them', () => {
    expect(orgPolicy.abilities(admin, own, { edit: 'write', restructure: 'restructure' })).toEqual({
      edit: true,
      restructure: false,
    });
    expect(orgPolicy.can(admin, 'restructure', community)).toBe(true);
    const root = { path: '/city/', parentId: null, status: 'active' };
    expect(orgPolicy.can(actorAt('platform_admin', '/'), 'restructure', root)).toBe(false);
  });

  it('a merged or archived unit is history: read, never edited', () => {
    const merged = { ...community, status: 'merged' };
    expect(orgPolicy.can(admin, 'read', merged)).toBe(true);
    expect(orgPolicy.can(admin, 'write', merged)).toBe(false);
    expect(orgPolicy.can(admin, 'restructure', merged)).toBe(false);
  });
});
