import { describe, expect, it } from 'vitest';
import { futureDays, futureSlots } from './ui';

describe('the phone date/time picker offers future slots only, in minutes', () => {
  const now = new Date(2026, 11, 4, 14, 47, 33); // 4 December, 14:47:33 local time

  it('today: only the slots from the next one on (at least 5 minutes ahead), "HH:mm" without seconds', () => {
    const today = futureSlots(now, '2026-12-04');
    expect(today[0]).toBe('15:00');
    expect(today.at(-1)).toBe('20:00');
    expect(today.every((s) => /^\d{2}:\d{2}$/.test(s))).toBe(true);
    expect(futureSlots(new Date(2026, 11, 4, 14, 56), '2026-12-04')[0]).toBe('15:30');
  });

  it('tomorrow: the whole day; a past day: nothing; a day with no slot left is not offered', () => {
    expect(futureSlots(now, '2026-12-05')).toHaveLength(25);
    expect(futureSlots(now, '2026-12-03')).toEqual([]);
    const days = futureDays(new Date(2026, 11, 4, 20, 30), 3);
    expect(days).toEqual(['2026-12-05', '2026-12-06', '2026-12-07']);
    expect(futureDays(now, 2)).toEqual(['2026-12-04', '2026-12-05', '2026-12-06']);
  });
});
