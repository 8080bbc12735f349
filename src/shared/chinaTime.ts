/**
 * China Standard Time (UTC+8, no daylight saving): the calendar of every deadline, report, number and
 * page in Linli. Instants are stored in UTC; these turn them into China calendar dates and back.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const OFFSET = 8 * HOUR;

/** The shifted ISO string whose UTC fields read as China wall-clock time. */
const wall = (at: Date) => new Date(at.getTime() + OFFSET).toISOString();

/** The China calendar date of an instant: "2026-12-04". */
export const chinaDate = (at: Date): string => wall(at).slice(0, 10);

/** The same without dashes, for record numbers: "20261204". */
export const chinaDateCompact = (at: Date): string => chinaDate(at).replace(/-/g, '');

/** The China calendar month of an instant: "2026-12". */
export const chinaMonth = (at: Date): string => wall(at).slice(0, 7);

/** China wall-clock time to the minute: "2026-12-04 14:30" (empty for no instant). */
export const chinaMinute = (at: Date | null | undefined): string =>
  at ? wall(at).slice(0, 16).replace('T', ' ') : '';

/** The first instant of a China day, given as "YYYY-MM-DD" or as any instant within it. */
export function chinaDayStart(day: string | Date): Date {
  if (typeof day === 'string') return new Date(Date.parse(`${day}T00:00:00Z`) - OFFSET);
  return new Date(Math.floor((day.getTime() + OFFSET) / DAY) * DAY - OFFSET);
}

/** The first instant of the China day after the given one (the end of that day, exclusive). */
export const chinaDayEnd = (day: string | Date): Date => new Date(chinaDayStart(day).getTime() + DAY);

/** The first instant of the Monday after the China week (Monday to Sunday) containing `at`. */
export function chinaWeekEnd(at: Date): Date {
  const start = chinaDayStart(at);
  const weekday = new Date(start.getTime() + OFFSET).getUTCDay(); // 0 Sunday … 6 Saturday
  const daysLeft = weekday === 0 ? 1 : 8 - weekday;
  return new Date(start.getTime() + daysLeft * DAY);
}
