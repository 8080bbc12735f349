import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { reportsPolicy } from './reports.policy';

describe('reports policy', () => {
  const c1 = { path: '/city/district/sub/c1/' };
  const c2 = { path: '/city/district/sub2/c2/' };

  it('a subdistrict admin sees the staffing standard (R-ORG-3) of their own communities only', () => {
    const admin = actorAt('subdistrict_admin', '/city/district/sub/');
    expect(reportsPolicy.can(admin, 'read', c1)).toBe(true);
    expect(reportsPolicy.can(admin, 'read', c2)).toBe(false);
  });

  it('without reports.read: 403 (401 without a session), and no community is in reach', () => {
    const volunteer = { ...actorAt('community_worker', '/city/'), assignments: [] };
    expect(() => reportsPolicy.require(volunteer, 'read')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => reportsPolicy.require(undefined, 'read')).toThrow(expect.objectContaining({ status: 401 }));
    expect(reportsPolicy.can(volunteer, 'read', c1)).toBe(false);
  });
});
