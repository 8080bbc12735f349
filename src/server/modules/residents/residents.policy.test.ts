import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { residentsPolicy } from './residents.policy';

describe('residents policy', () => {
  const worker = actorAt('community_worker', '/city/district/sub/c1/');
  const inReach = { orgPath: '/city/district/sub/c1/grid/b/', deletedAt: null };
  const elsewhere = { orgPath: '/city/district/sub/c2/grid/b/', deletedAt: null };

  it('a community worker may read, edit and reveal residents of their community only (R-LAW-PI-1)', () => {
    expect(residentsPolicy.abilities(worker, inReach, { edit: 'write', reveal: 'reveal' })).toEqual({
      edit: true,
      reveal: true,
    });
    expect(residentsPolicy.can(worker, 'read', elsewhere)).toBe(false);
  });

  it('a removed resident is still read but never edited again', () => {
    const removed = { ...inReach, deletedAt: new Date() };
    expect(residentsPolicy.can(worker, 'read', removed)).toBe(true);
    expect(residentsPolicy.can(worker, 'write', removed)).toBe(false);
  });

  it('an evaluator holds no resident permission: require answers 403 (401 without a session) and no record is in reach', () => {
    const evaluator = actorAt('evaluator', '/city/');
    expect(() => residentsPolicy.require(evaluator, 'read')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => residentsPolicy.require(undefined, 'read')).toThrow(
      expect.objectContaining({ status: 401 }),
    );
    expect(residentsPolicy.can(evaluator, 'read', inReach)).toBe(false);
  });
});
