import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../test/db';
import {
  addHours,
  type CalendarRules,
  calendarFor,
  createCalendar,
  createCalendarRules,
  localDateOf,
  type OverrideDay,
  packageYears,
  tzOffsetMinutes,
} from './calendar';
import { calendarDays } from './calendar.table';
import type { Database } from './db';

/** China time, written out so each expectation reads as a wall clock in Beijing. */
const cn = (local: string) => new Date(`${local}+08:00`);

/** A made-up 2027 schedule (the real one is not published yet) as an admin would load it. */
const FICTIONAL_2027: OverrideDay[] = [
  { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  ...['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'].map(
    (date) => ({ date, kind: 'holiday' as const, name: '国庆节' }),
  ),
  { date: '2027-09-26', kind: 'workday', name: '国庆节' },
  { date: '2027-10-09', kind: 'workday', name: '国庆节' },
];

describe('statutory calendar rules from the package (R-LAW-CAL-1)', () => {
  const cal: CalendarRules = createCalendarRules([]);

  it('ships the real State Council schedules for 2024, 2025 and 2026', () => {
    expect(packageYears()).toEqual(expect.arrayContaining([2024, 2025, 2026]));
    expect(cal.sourceOfYear(2026)).toBe('package');
    const national = cal.specialDays(2026).filter((d) => d.name === '国庆节');
    expect(national.filter((d) => d.kind === 'holiday').map((d) => d.date)).toEqual([
      '2026-10-01',
      '2026-10-02',
      '2026-10-03',
      '2026-10-04',
      '2026-10-05',
      '2026-10-06',
      '2026-10-07',
    ]);
    expect(national.filter((d) => d.kind === 'workday').map((d) => d.date)).toEqual([
      '2026-09-20',
      '2026-10-10',
    ]);
  });

  it('the 2026 National Day holiday pushes a 5-working-day help request past the break (R-LAW-WO-4, R-LAW-CAL-1)', () => {
    // Wed 30 Sep 10:00; 1–7 Oct off; Thu 8, Fri 9, Sat 10 (adjusted working day), Mon 12, Tue 13.
    expect(cal.addWorkingDays(cn('2026-09-30T10:00:00'), 5)).toEqual(cn('2026-10-13T18:00:00'));
    expect(cal.isWorkingDay('2026-10-05')).toBe(false);
    expect(cal.dayOf('2026-10-05')).toMatchObject({ kind: 'holiday', name: '国庆节', source: 'package' });
  });

  it('an adjusted working Sunday counts as a working day (R-LAW-CAL-1)', () => {
    expect(cal.isWorkingDay('2026-09-20')).toBe(true); // Sunday before National Day
    expect(cal.isWorkingDay('2026-01-04')).toBe(true); // Sunday after New Year
    expect(cal.isWorkingDay('2026-09-13')).toBe(false); // an ordinary Sunday
    // A consultation received on Saturday 19 Sep is due on the working Sunday (R-LAW-WO-4: 1 working day).
    expect(cal.addWorkingDays(cn('2026-09-19T10:00:00'), 1)).toEqual(cn('2026-09-20T18:00:00'));
  });

  it('the 2026 Spring Festival (15–23 Feb) stops the clock; the Saturdays 14 and 28 Feb are worked (R-LAW-CAL-1)', () => {
    expect(cal.isWorkingDay('2026-02-14')).toBe(true);
    expect(cal.isWorkingDay('2026-02-16')).toBe(false);
    expect(cal.isWorkingDay('2026-02-23')).toBe(false);
    expect(cal.isWorkingDay('2026-02-28')).toBe(true);
    // Thu 12 Feb + 5: Fri 13, Sat 14, Tue 24, Wed 25, Thu 26.
    expect(cal.addWorkingDays(cn('2026-02-12T15:00:00'), 5)).toEqual(cn('2026-02-26T18:00:00'));
    // A request on the eve (Fri 13 Feb) with 1 working day is due on the working Saturday.
    expect(cal.addWorkingDays(cn('2026-02-13T10:00:00'), 1)).toEqual(cn('2026-02-14T18:00:00'));
    expect(cal.workingDaysBetween('2026-02-13', '2026-02-24')).toBe(2);
  });

  it('a request at 10:00 on Friday with 1 working day is due Monday 18:00, or Tuesday when Monday is a holiday (R-LAW-WO-4)', () => {
    expect(cal.addWorkingDays(cn('2026-03-13T10:00:00'), 1)).toEqual(cn('2026-03-16T18:00:00'));
    // Qingming 2026: Sat 4 – Mon 6 April.
    expect(cal.addWorkingDays(cn('2026-04-03T10:00:00'), 1)).toEqual(cn('2026-04-07T18:00:00'));
  });

  it('the day of receipt never counts, whatever the hour or whether it is a working day', () => {
    const due = cn('2026-03-16T18:00:00');
    expect(cal.addWorkingDays(cn('2026-03-13T00:00:00'), 1)).toEqual(due); // Friday, first minute
    expect(cal.addWorkingDays(cn('2026-03-13T23:59:00'), 1)).toEqual(due); // Friday, after hours
    expect(cal.addWorkingDays(cn('2026-03-14T10:00:00'), 1)).toEqual(due); // Saturday
    expect(cal.addWorkingDays(cn('2026-10-03T10:00:00'), 1)).toEqual(cn('2026-10-08T18:00:00')); // a holiday
    // 23:30 UTC on Thursday is already Friday in China.
    expect(cal.addWorkingDays(new Date('2026-03-12T23:30:00Z'), 1)).toEqual(due);
  });

  it('the end of office hours is configurable per calendar and per call', () => {
    const early = createCalendarRules([], { officeEnd: '17:30' });
    expect(early.addWorkingDays(cn('2026-03-13T10:00:00'), 1)).toEqual(cn('2026-03-16T17:30:00'));
    expect(cal.addWorkingDays(cn('2026-03-13T10:00:00'), 1, 'Asia/Shanghai', '12:00')).toEqual(
      cn('2026-03-16T12:00:00'),
    );
    expect(() => createCalendarRules([], { officeEnd: '24:00' })).toThrow(RangeError);
    expect(() => cal.addWorkingDays(cn('2026-03-13T10:00:00'), 1, 'Asia/Shanghai', '6pm')).toThrow(
      RangeError,
    );
  });

  it('deadlines and working-day counts do not depend on the server time zone', () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC']) {
        process.env.TZ = tz;
        expect(cal.addWorkingDays(cn('2026-09-30T10:00:00'), 5)).toEqual(cn('2026-10-13T18:00:00'));
        expect(localDateOf(cn('2026-10-01T00:30:00'))).toBe('2026-10-01');
        expect(cal.workingDaysBetween(cn('2026-09-30T10:00:00'), cn('2026-10-13T18:00:00'))).toBe(5);
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });

  it('workingDaysBetween gives back n for every start day of 2025–2026 and every limit up to 15', () => {
    let start = cn('2025-01-01T09:00:00').getTime();
    const end = cn('2026-12-31T09:00:00').getTime();
    for (; start <= end; start += 86_400_000) {
      for (const n of [1, 2, 5, 15]) {
        const due = cal.addWorkingDays(new Date(start), n);
        expect(cal.workingDaysBetween(new Date(start), due)).toBe(n);
        expect(cal.isWorkingDay(localDateOf(due))).toBe(true);
      }
    }
    expect(cal.workingDaysBetween('2026-10-13', '2026-09-30')).toBe(-5);
    expect(cal.workingDaysBetween('2026-10-13', '2026-10-13')).toBe(0);
  });

  it('hour limits are plain clock hours, holidays included (R-LAW-WO-4: emergency 2 hours, utilities 24 hours)', () => {
    expect(addHours(cn('2026-09-30T10:00:00'), 24)).toEqual(cn('2026-10-01T10:00:00'));
    expect(cal.addHours(cn('2026-10-01T23:00:00'), 2)).toEqual(cn('2026-10-02T01:00:00'));
    expect(() => addHours(new Date(), Number.NaN)).toThrow(RangeError);
  });

  it('another zone keeps the statutory dates but its own office hours', () => {
    // IANA gives Urumqi UTC+6: 18:00 there is 12:00 UTC.
    expect(tzOffsetMinutes('Asia/Urumqi', Date.UTC(2026, 5, 1))).toBe(360);
    expect(cal.addWorkingDays(new Date('2026-09-30T04:00:00Z'), 5, 'Asia/Urumqi')).toEqual(
      new Date('2026-10-13T12:00:00Z'),
    );
    // Across a DST change (Berlin, 29 Mar 2026) the deadline is still 18:00 local time.
    expect(cal.addWorkingDays(new Date('2026-03-27T15:00:00Z'), 1, 'Europe/Berlin')).toEqual(
      new Date('2026-03-30T16:00:00Z'),
    );
    expect(() => cal.addWorkingDays(new Date(), 1, 'Mars/Olympus')).toThrow(RangeError);
  });

  it('a year nobody has loaded has weekends only, and says so', () => {
    expect(cal.sourceOfYear(2031)).toBeNull();
    expect(cal.specialDays(2031)).toEqual([]);
    expect(cal.isWorkingDay('2031-10-01')).toBe(true); // a Wednesday
    expect(cal.isWorkingDay('2031-10-04')).toBe(false); // a Saturday
  });

  it('every year the chinese-days package ships is loaded at run time, 2004 to its last, with no migration', () => {
    const require = createRequire(import.meta.url);
    const raw = require('chinese-days/dist/chinese-days.json') as { holidays: Record<string, string> };
    const shipped = [...new Set(Object.keys(raw.holidays).map((d) => Number(d.slice(0, 4))))].sort();
    expect(shipped.length).toBeGreaterThanOrEqual(23);
    expect(packageYears()).toEqual(shipped);
    for (const y of shipped) expect(cal.sourceOfYear(y)).toBe('package');
    // An old year is right too: 2020's National Day and Mid-Autumn ran 1–8 Oct, Sat 10 Oct was worked.
    expect(cal.isWorkingDay('2020-10-08')).toBe(false);
    expect(cal.isWorkingDay('2020-10-10')).toBe(true);
  });

  it('a deadline crossing into a shipped year uses that year: Mon 29 Dec 2025 + 5 skips 1–3 Jan 2026 and counts Sun 4 Jan; not an estimate', () => {
    const d = cal.workingDeadline(cn('2025-12-29T10:00:00'), 5);
    expect(d).toEqual({ at: cn('2026-01-06T18:00:00'), estimated: false, unscheduledYears: [] });
  });

  it('a deadline crossing into a year the package does not ship (2027 with chinese-days 1.5.7) is counted by weekends and marked as estimated, never silently', () => {
    const missing = Math.max(...packageYears()) + 1;
    expect(cal.sourceOfYear(missing)).toBeNull();
    // 29 Dec of the last shipped year + 5 working days runs into the missing year.
    const d = cal.workingDeadline(cn(`${missing - 1}-12-29T10:00:00`), 5);
    expect(d.estimated).toBe(true);
    expect(d.unscheduledYears).toEqual([missing]);
    expect(cal.addWorkingDays(cn(`${missing - 1}-12-29T10:00:00`), 5)).toEqual(d.at);
    // Inside a shipped year, even the last one, nothing is estimated.
    expect(cal.workingDeadline(cn(`${missing - 1}-12-01T10:00:00`), 5).estimated).toBe(false);
    if (missing === 2027) {
      // Tue 29 Dec 2026: Wed 30, Thu 31, Fri 1 Jan 2027 (unknown: counted), Mon 4, Tue 5.
      expect(d.at).toEqual(cn('2027-01-05T18:00:00'));
    }
    // Once an admin loads the year, the same deadline follows it and is no longer an estimate.
    const loaded = createCalendarRules([{ date: `${missing}-01-01`, kind: 'holiday', name: '元旦' }]);
    expect(loaded.workingDeadline(cn(`${missing - 1}-12-29T10:00:00`), 5).estimated).toBe(false);
    expect(loaded.unscheduledYears(missing - 1, missing + 1)).toEqual([missing + 1]);
  });

  it('refuses malformed dates and limits', () => {
    expect(() => cal.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => cal.isWorkingDay('2026/10/01')).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(), 0)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
    expect(() => cal.addWorkingDays(new Date('nope'), 1)).toThrow(RangeError);
  });
});

describe('admin overrides (R-LAW-CAL-1: an admin loads a new year)', () => {
  it('deadlines follow a fictional 2027 schedule loaded by an admin (R-LAW-WO-4)', () => {
    const before = createCalendarRules([]);
    // Unknown year: weekends only, Fri 1 Oct 2027 is a working day.
    expect(before.addWorkingDays(cn('2027-09-30T10:00:00'), 5)).toEqual(cn('2027-10-07T18:00:00'));
    const cal = createCalendarRules(FICTIONAL_2027);
    expect(cal.sourceOfYear(2027)).toBe('admin');
    // 1–7 Oct off; Fri 8, Sat 9 (worked), Mon 11, Tue 12, Wed 13.
    expect(cal.addWorkingDays(cn('2027-09-30T10:00:00'), 5)).toEqual(cn('2027-10-13T18:00:00'));
    // The adjusted working Sunday 26 Sep 2027.
    expect(cal.addWorkingDays(cn('2027-09-25T10:00:00'), 1)).toEqual(cn('2027-09-26T18:00:00'));
  });

  it('a year loaded by an admin is complete: package days missing from it become ordinary days', () => {
    const cal = createCalendarRules([{ date: '2026-12-31', kind: 'holiday', name: '测试' }]);
    expect(cal.sourceOfYear(2026)).toBe('admin');
    expect(cal.isWorkingDay('2026-10-05')).toBe(true); // a Monday, no longer National Day
    expect(cal.isWorkingDay('2026-09-20')).toBe(false); // a Sunday, no longer worked
    expect(cal.isWorkingDay('2026-12-31')).toBe(false);
    expect(cal.specialDays(2026)).toEqual([
      { date: '2026-12-31', kind: 'holiday', name: '测试', source: 'admin' },
    ]);
    // Other years keep the package's data.
    expect(cal.isWorkingDay('2025-10-01')).toBe(false);
  });
});

describe('the database-backed calendar and its cache', () => {
  let database: Database;
  beforeAll(async () => {
    database = await freshDatabase();
  });
  afterAll(() => database.close());

  const insert2027 = () =>
    database.db
      .insert(calendarDays)
      .values(FICTIONAL_2027.map((d) => ({ ...d, source: 'admin', createdAt: new Date() })));

  it('reads the overrides once, and again after invalidate (R-LAW-CAL-1)', async () => {
    const cal = createCalendar({ db: database.db });
    expect(await cal.isWorkingDay('2027-10-04')).toBe(true);
    await insert2027();
    expect(await cal.isWorkingDay('2027-10-04')).toBe(true); // still cached
    cal.invalidate();
    expect(await cal.isWorkingDay('2027-10-04')).toBe(false);
    expect(await cal.addWorkingDays(cn('2027-09-30T10:00:00'), 5)).toEqual(cn('2027-10-13T18:00:00'));
    expect(await cal.workingDaysBetween('2027-09-30', '2027-10-13')).toBe(5);
    await database.db.delete(calendarDays);
  });

  it('a calendar of another process sees a change once its cache is older than maxAgeMs', async () => {
    const cal = createCalendar({ db: database.db, maxAgeMs: 0 });
    expect(await cal.isWorkingDay('2027-10-04')).toBe(true);
    await insert2027();
    expect(await cal.isWorkingDay('2027-10-04')).toBe(false);
    await database.db.delete(calendarDays);
  });

  it('concurrent first calls share one read; the default office end is configurable', async () => {
    const cal = createCalendar({ db: database.db, officeEnd: '17:00' });
    const [a, b] = await Promise.all([cal.rules(), cal.rules()]);
    expect(a).toBe(b);
    expect(await cal.addWorkingDays(cn('2026-03-13T10:00:00'), 1)).toEqual(cn('2026-03-16T17:00:00'));
    expect(() => createCalendar({ db: database.db, officeEnd: '25:00' })).toThrow(RangeError);
  });

  it('calendarFor gives every module of the process the same calendar for a database', () => {
    expect(calendarFor(database.db)).toBe(calendarFor(database.db));
  });
});
