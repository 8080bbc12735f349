import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  chinaDateCompact,
  chinaDayEnd,
  chinaDayStart,
  chinaMinute,
  chinaMonth,
  chinaWeekEnd,
} from './chinaTime';

describe('China time (UTC+8)', () => {
  it('an instant late in the UTC day is already the next China day', () => {
    const at = new Date('2026-12-31T16:30:00Z');
    expect(chinaDate(at)).toBe('2027-01-01');
    expect(chinaDateCompact(at)).toBe('20270101');
    expect(chinaMonth(at)).toBe('2027-01');
    expect(chinaMinute(at)).toBe('2027-01-01 00:30');
    expect(chinaMinute(null)).toBe('');
  });

  it('day boundaries from a date string or from an instant agree', () => {
    expect(chinaDayStart('2026-12-04').toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(chinaDayStart(new Date('2026-12-04T15:59:59Z')).toISOString()).toBe('2026-12-03T16:00:00.000Z');
    expect(chinaDayStart(new Date('2026-12-04T16:00:00Z')).toISOString()).toBe('2026-12-04T16:00:00.000Z');
    expect(chinaDayEnd('2026-12-04').toISOString()).toBe('2026-12-04T16:00:00.000Z');
  });

  it('the week runs Monday to Sunday: its end is the next Monday 00:00 China time', () => {
    // 2026-12-04 is a Friday; 2026-12-06 a Sunday; 2026-12-07 a Monday.
    expect(chinaWeekEnd(new Date('2026-12-04T02:00:00Z')).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(chinaWeekEnd(new Date('2026-12-06T15:00:00Z')).toISOString()).toBe('2026-12-06T16:00:00.000Z');
    expect(chinaWeekEnd(new Date('2026-12-06T16:00:00Z')).toISOString()).toBe('2026-12-13T16:00:00.000Z');
  });
});
