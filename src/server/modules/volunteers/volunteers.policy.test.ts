import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/permissions';
import { volunteerActionOf, volunteersPolicy } from './volunteers.policy';

const actor = (role: Actor['assignments'][number]['role'], orgPath: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  locale: 'zh-CN',
  assignments: [{ role, orgUnitId: 'x', orgPath, orgUnitName: null }],
});

describe('volunteers policy', () => {
  const worker = actor('community_worker', '/city/district/sub/c1/');
  const inReach = { orgPath: '/city/district/sub/c1/grid1/' };
  const elsewhere = { orgPath: '/city/district/sub/c2/' };

  it('R-LAW-VL-1: a community worker records and certifies volunteers and hours of their own community only', () => {
    expect(volunteersPolicy.can(worker, 'write', inReach)).toBe(true);
    expect(volunteersPolicy.can(worker, 'write', elsewhere)).toBe(false);
    expect(volunteersPolicy.can(worker, 'read', elsewhere)).toBe(false);
  });

  it('a grid worker and civil affairs read but never write', () => {
    const grid = actor('grid_worker', '/city/district/sub/c1/grid1/');
    expect(volunteersPolicy.can(grid, 'read', inReach)).toBe(true);
    expect(volunteersPolicy.can(grid, 'write', inReach)).toBe(false);
    expect(() => volunteersPolicy.require(actor('civil_affairs', '/city/'), 'write')).toThrow(
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
