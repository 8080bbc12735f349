import { describe, expect, it } from 'vitest';
import type { Actor } from '../../platform/permissions';
import { calendarPolicy } from './calendar.policy';

const actor = (role: Actor['assignments'][number]['role'], orgPath: string): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  locale: 'zh-CN',
  assignments: [{ role, orgUnitId: 'x', orgPath, orgUnitName: null }],
});

describe('calendar policy', () => {
  const year = { year: 2027 };

  it('civil affairs loads a year of the platform-wide calendar (R-LAW-CAL-1)', () => {
    const civil = actor('civil_affairs', '/city/');
    expect(calendarPolicy.can(civil, 'write', year)).toBe(true);
    expect(calendarPolicy.abilities(civil, year, { replace: 'write' })).toEqual({ replace: true });
    expect(() => calendarPolicy.require(civil, 'write')).not.toThrow();
  });

  it('a subdistrict admin may not change the statutory calendar, not even for their subtree', () => {
    const admin = actor('subdistrict_admin', '/city/district/sub/');
    expect(calendarPolicy.can(admin, 'write', year)).toBe(false);
    expect(() => calendarPolicy.require(admin, 'write')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => calendarPolicy.require(undefined, 'write')).toThrow(
      expect.objectContaining({ status: 401 }),
    );
  });
});
