import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { volunteerActionOf, volunteersPolicy } from './volunteers.policy';

describe('volunteers policy', () => {
  const worker = actorAt('community_worker', '/city/district/sub/c1/');
  const inReach = { orgPath: '/city/district/sub/c1/grid1/' };
  const elsewhere = { orgPath: '/city/district/sub/c2/' };

  it('R-LAW-VL-1: a community worker records and certifies volunteers and hours of their own community only', () => {
    expect(volunteersPolicy.can(worker, 'write', inReach)).toBe(true);
    expect(volunteersPolicy.can(worker, 'write', elsewhere)).toBe(false);
    expect(volunteersPolicy.can(worker, 'read', elsewhere)).toBe(false);
  });

  it('a grid worker and civil affairs read but never write', () => {
    const grid = actorAt('grid_worker', '/city/district/sub/c1/grid1/');
    expect(volunteersPolicy.can(grid, 'read', inReach)).toBe(true);
    expect(volunteersPolicy.can(grid, 'write', inReach)).toBe(false);
    expect(() => volunteersPolicy.require(actorAt('civil_affairs', '/city/'), 'write')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => volunteersPolicy.require(undefined, 'read')).toThrow(
      expect.objectContaining({ status: 401 }),
    );
  });

  it('a permission named by another module maps to its action; any other permission to none', () => {
    expect(volunteerActionOf('volunteers.read')).toBe('read');
    expect(volunteerActionOf('ledger.read')).toBeUndefined();
  });
});
