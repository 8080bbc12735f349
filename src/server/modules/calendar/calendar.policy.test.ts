import { describe, expect, it } from 'vitest';
import { actorAt } from '../../../../test/factories';
import { calendarPolicy } from './calendar.policy';

describe('calendar policy', () => {
  const year = { year: 2027 };

  it('civil affairs loads a year of the platform-wide calendar (R-LAW-CAL-1)', () => {
    const civil = actorAt('civil_affairs', '/city/');
    expect(calendarPolicy.can(civil, 'write', year)).toBe(true);
    expect(calendarPolicy.abilities(civil, year, { replace: 'write' })).toEqual({ replace: true });
    expect(() => calendarPolicy.require(civil, 'write')).not.toThrow();
  });

  it('a subdistrict admin may not change the statutory calendar, not even for their subtree', () => {
    const admin = actorAt('subdistrict_admin', '/city/district/sub/');
    expect(calendarPolicy.can(admin, 'write', year)).toBe(false);
    expect(() => calendarPolicy.require(admin, 'write')).toThrow(expect.objectContaining({ status: 403 }));
    expect(() => calendarPolicy.require(undefined, 'write')).toThrow(
      expect.objectContaining({ status: 401 }),
    );
  });
});
