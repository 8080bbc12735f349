import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { importsPolicy } from './imports.policy';

describe('imports policy', () => {
  const worker = actorAt('community_worker', '/city/district/sub/c1/');
  const job = { orgPath: '/city/district/sub/c1/', status: 'validated', errorRows: 0, processedRows: 10 };
  const map = { commit: 'commit', cancel: 'cancel' } as const;

  it('a validated job without errors is committed or cancelled by whoever imports in its community', () => {
    expect(importsPolicy.abilities(worker, job, map)).toEqual({ commit: true, cancel: true });
    const elsewhere = { ...job, orgPath: '/city/district/sub/c2/' };
    expect(importsPolicy.abilities(worker, elsewhere, map)).toEqual({ commit: false, cancel: false });
  });

  it('a job with errors or without valid rows is never committed (all or nothing)', () => {
    expect(importsPolicy.can(worker, 'commit', { ...job, errorRows: 1 })).toBe(false);
    expect(importsPolicy.can(worker, 'commit', { ...job, processedRows: 0 })).toBe(false);
  });

  it('a committed, cancelled or failed job is no longer cancelled; parsing still is', () => {
    for (const status of ['committed', 'cancelled', 'failed'])
      expect(importsPolicy.can(worker, 'cancel', { ...job, status })).toBe(false);
    expect(importsPolicy.can(worker, 'cancel', { ...job, status: 'parsing' })).toBe(true);
  });

  it('without residents.import: 403, and 401 without a session', () => {
    expect(() => importsPolicy.require(actorAt('evaluator', '/city/'), 'import')).toThrow(
      expect.objectContaining({ status: 403 }),
    );
    expect(() => importsPolicy.require(undefined, 'read')).toThrow(expect.objectContaining({ status: 401 }));
  });
});
