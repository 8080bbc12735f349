import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import { and, asc, gte, lte } from 'drizzle-orm';
import { calendarDays } from './calendar.table';
import type { Db } from './db';

/**
 * The Chinese statutory working calendar (R-LAW-CAL-1): statutory holidays and adjusted working
 * weekends (调休) from the `chinese-days` package, overridden per year by admins (`calendar_days`).
 *
 * Everything here works on calendar dates in a named time zone (China time, UTC+8 with no DST, by
 * default) and never on the server's local time, so the answers do not depend on the TZ variable.
 *
 * Deadline convention (`addWorkingDays`), after Civil Code art. 201–203 (the day a period starts
 * is not counted; a period that would end on a holiday ends on the next working day; when there are
 * business hours the period ends when business stops):
 * - the local date of `start` never counts, whatever the hour and whether or not it is a working day;
 * - the deadline is `officeEnd` (18:00 by default) local time on the n-th working day after that date.
 * So a request at 10:00 on a Friday with 1 working day is due Monday 18:00, or Tuesday 18:00 when
 * Monday is a holiday; a request at 20:00 on Friday or on Saturday is due Monday 18:00 as well.
 * `workingDaysBetween(start, deadline)` gives n back.
 */

export type DayKind = 'holiday' | 'workday';
export type DaySource = 'package' | 'admin';

/** A non-ordinary day: a holiday (day off) or an adjusted working weekend (调休上班). */
export interface SpecialDay {
  date: string;
  kind: DayKind;
  /** The holiday it belongs to, e.g. 国庆节. */
  name: string;
  source: DaySource;
}

/** An admin override as stored in `calendar_days`. */
export interface OverrideDay {
  date: string;
  kind: DayKind;
  name: string;
}

export const CHINA_TZ = 'Asia/Shanghai';
export const DEFAULT_OFFICE_END = '18:00';
/** How long one process trusts its cached overrides before reading them again. */
export const DEFAULT_CACHE_MAX_AGE_MS = 60_000;

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** A deadline search gives up after this many days (10 years): only a broken schedule gets there. */
const MAX_SCAN_DAYS = 3660;

// ---- calendar dates as day numbers (days since 1970-01-01), free of any time zone ----

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of a real 'YYYY-MM-DD' date (years 1000–9999), or null. */
export function dayNumber(date: string): number | null {
  const m = ISO_DATE.exec(date);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1000) return null;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return t / DAY_MS;
}

export function isIsoDate(date: string): boolean {
  return dayNumber(date) !== null;
}

function requireDay(date: string): number {
  const day = dayNumber(date);
  if (day === null) throw new RangeError(`not a YYYY-MM-DD date: ${date}`);
  return day;
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

function yearOfDay(day: number): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(date: string): number {
  return weekdayOfDay(requireDay(date));
}

function weekdayOfDay(day: number): number {
  // 1970-01-01 was a Thursday.
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(date: string): boolean {
  const wd = weekdayOf(date);
  return wd === 0 || wd === 6;
}

// ---- time zones ----

/** Zones known to be UTC+8 with no DST since 1992: answered without Intl. */
const FIXED_OFFSETS: Record<string, number> = {
  'Asia/Shanghai': 480,
  'Asia/Chongqing': 480,
  'Asia/Chungking': 480,
  'Asia/Harbin': 480,
  PRC: 480,
};
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Minutes east of UTC in `tz` at `instant` (throws RangeError for an unknown zone). */
export function tzOffsetMinutes(tz: string, instant: number): number {
  const fixed = FIXED_OFFSETS[tz];
  if (fixed !== undefined) return fixed;
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(tz, f);
  }
  const parts: Record<string, number> = {};
  for (const p of f.formatToParts(instant)) parts[p.type] = Number(p.value);
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  const wholeSeconds = instant - (((instant % 1000) + 1000) % 1000);
  return Math.round((wall - wholeSeconds) / MINUTE_MS);
}

/** The local calendar day (day number) of an instant in `tz`. */
function localDayOf(instant: Date, tz: string): number {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('invalid date');
  return Math.floor((t + tzOffsetMinutes(tz, t) * MINUTE_MS) / DAY_MS);
}

/** The local 'YYYY-MM-DD' date of an instant in `tz` (China time by default). */
export function localDateOf(instant: Date, tz = CHINA_TZ): string {
  return dateOfDay(localDayOf(instant, tz));
}

/** The instant of `minutes` after local midnight of `day` in `tz`. */
function localInstant(day: number, minutes: number, tz: string): Date {
  const wall = day * DAY_MS + minutes * MINUTE_MS;
  let guess = wall - tzOffsetMinutes(tz, wall) * MINUTE_MS;
  // One correction covers a zone whose offset differs between the wall time and the real instant.
  guess = wall - tzOffsetMinutes(tz, guess) * MINUTE_MS;
  return new Date(guess);
}

/** 'HH:MM' (00:01–23:59) → minutes after midnight. */
export function parseOfficeEnd(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  const minutes = m ? Number(m[1]) * 60 + Number(m[2]) : 0;
  if (minutes === 0) throw new RangeError(`office end must be HH:MM between 00:01 and 23:59: ${hhmm}`);
  return minutes;
}

/** Plain clock hours, holidays included (R-LAW-WO-4 limits such as "2 hours", "24 hours"). */
export function addHours(start: Date, hours: number): Date {
  if (!Number.isFinite(hours)) throw new RangeError('hours must be a finite number');
  return new Date(start.getTime() + Math.round(hours * 3_600_000));
}

// ---- the package's data ----

interface PackageIndex {
  byDay: Map<number, SpecialDay>;
  byYear: Map<number, SpecialDay[]>;
}
let packageIndex: PackageIndex | undefined;

/** Package entries look like "National Day,国庆节,3": English name, Chinese name, holiday number. */
function packageName(value: string): string {
  const parts = value.split(',');
  return (parts.length >= 3 ? parts[parts.length - 2] : parts[0])?.trim() || value;
}

/** The schedule shipped by `chinese-days` (its documented JSON file), indexed once per process. */
function packageData(): PackageIndex {
  if (packageIndex) return packageIndex;
  const require = createRequire(import.meta.url);
  const raw = require('chinese-days/dist/chinese-days.json') as {
    holidays?: Record<string, string>;
    workdays?: Record<string, string>;
  };
  if (!raw || typeof raw.holidays !== 'object' || typeof raw.workdays !== 'object')
    throw new Error('chinese-days: unexpected data format (no holidays/workdays maps)');
  const byDay = new Map<number, SpecialDay>();
  const add = (entries: Record<string, string>, kind: DayKind) => {
    for (const [date, value] of Object.entries(entries)) {
      const day = dayNumber(date);
      if (day === null) throw new Error(`chinese-days: bad date ${date}`);
      byDay.set(day, { date, kind, name: packageName(String(value)), source: 'package' });
    }
  };
  add(raw.holidays, 'holiday');
  add(raw.workdays, 'workday');
  packageIndex = { byDay, byYear: groupByYear(byDay) };
  return packageIndex;
}

/** The years the package has a schedule for. */
export function packageYears(): number[] {
  return [...packageData().byYear.keys()].sort((a, b) => a - b);
}

function groupByYear(byDay: Map<number, SpecialDay>): Map<number, SpecialDay[]> {
  const byYear = new Map<number, SpecialDay[]>();
  for (const d of [...byDay.values()].sort((a, b) => (a.date < b.date ? -1 : 1))) {
    const year = Number(d.date.slice(0, 4));
    const list = byYear.get(year);
    if (list) list.push(d);
    else byYear.set(year, [d]);
  }
  return byYear;
}

// ---- the rules: pure, synchronous ----

/**
 * A working-day deadline and whether it is only an estimate: when any year the count runs through has
 * no official schedule (neither the package nor an admin load), that year's holidays and adjusted
 * working weekends are unknown and the count assumed plain weekends there (R-LAW-CAL-1: never silently).
 */
export interface WorkingDeadline {
  at: Date;
  estimated: boolean;
  /** The years without a schedule that the count ran through (empty when not estimated). */
  unscheduledYears: number[];
}

export interface CalendarRules {
  /** Where a year's schedule comes from: an admin load, the package, or nothing (weekends only). */
  sourceOfYear(year: number): DaySource | null;
  /** The year's holidays and adjusted working weekends, by date. */
  specialDays(year: number): SpecialDay[];
  /** The special day at `date` ('YYYY-MM-DD'), or null for an ordinary day. */
  dayOf(date: string): SpecialDay | null;
  /** Monday–Friday unless a holiday; Saturday/Sunday only when an adjusted working day. */
  isWorkingDay(date: string): boolean;
  /** See the deadline convention at the top of this file. `n` is an integer from 1 to 1000. */
  addWorkingDays(start: Date, n: number, tz?: string, officeEnd?: string): Date;
  /** `addWorkingDays`, saying whether the count crossed a year with no official schedule. */
  workingDeadline(start: Date, n: number, tz?: string, officeEnd?: string): WorkingDeadline;
  /** The years from `fromYear` to `toYear` (inclusive) that have no schedule at all. */
  unscheduledYears(fromYear: number, toYear: number): number[];
  /**
   * Working days among the local dates after `a`'s and up to `b`'s (strings are local dates):
   * `workingDaysBetween(start, addWorkingDays(start, n)) === n`; negative when `b` is before `a`.
   */
  workingDaysBetween(a: Date | string, b: Date | string, tz?: string): number;
  addHours(start: Date, hours: number): Date;
}

/**
 * The calendar for a set of admin overrides: a year with any override is complete as given;
 * other years use the package's schedule; years nobody knows have weekends only.
 */
export function createCalendarRules(
  overrides: readonly OverrideDay[],
  opts: { officeEnd?: string } = {},
): CalendarRules {
  const defaultEnd = opts.officeEnd ?? DEFAULT_OFFICE_END;
  parseOfficeEnd(defaultEnd);
  const pkg = packageData();
  const adminByDay = new Map<number, SpecialDay>();
  for (const o of overrides) {
    adminByDay.set(requireDay(o.date), { date: o.date, kind: o.kind, name: o.name, source: 'admin' });
  }
  const adminByYear = groupByYear(adminByDay);

  const special = (day: number): SpecialDay | undefined =>
    adminByYear.has(yearOfDay(day)) ? adminByDay.get(day) : pkg.byDay.get(day);
  const working = (day: number): boolean => {
    const s = special(day);
    if (s) return s.kind === 'workday';
    const wd = weekdayOfDay(day);
    return wd !== 0 && wd !== 6;
  };
  const dayOfInput = (x: Date | string, tz: string) =>
    typeof x === 'string' ? requireDay(x) : localDayOf(x, tz);

  const sourceOfYear = (year: number): DaySource | null =>
    adminByYear.has(year) ? 'admin' : pkg.byYear.has(year) ? 'package' : null;
  const unscheduledYears = (fromYear: number, toYear: number): number[] => {
    const out: number[] = [];
    for (let y = fromYear; y <= toYear; y++) if (sourceOfYear(y) === null) out.push(y);
    return out;
  };
  const workingDeadline = (
    start: Date,
    n: number,
    tz = CHINA_TZ,
    officeEnd = defaultEnd,
  ): WorkingDeadline => {
    if (!Number.isInteger(n) || n < 1 || n > 1000)
      throw new RangeError('working days must be an integer from 1 to 1000');
    const endMinutes = parseOfficeEnd(officeEnd);
    const first = localDayOf(start, tz);
    let day = first;
    for (let left = n, scanned = 0; left > 0; ) {
      day++;
      if (++scanned > MAX_SCAN_DAYS) throw new RangeError('no working day found in ten years');
      if (working(day)) left--;
    }
    // The days counted are those after the start's date up to the deadline's.
    const missing = unscheduledYears(yearOfDay(first + 1), yearOfDay(day));
    return {
      at: localInstant(day, endMinutes, tz),
      estimated: missing.length > 0,
      unscheduledYears: missing,
    };
  };

  return {
    sourceOfYear,
    specialDays: (year) => [...(adminByYear.get(year) ?? pkg.byYear.get(year) ?? [])],
    dayOf: (date) => special(requireDay(date)) ?? null,
    isWorkingDay: (date) => working(requireDay(date)),
    addWorkingDays: (start, n, tz, officeEnd) => workingDeadline(start, n, tz, officeEnd).at,
    workingDeadline,
    unscheduledYears,
    workingDaysBetween(a, b, tz = CHINA_TZ) {
      const from = dayOfInput(a, tz);
      const to = dayOfInput(b, tz);
      const [lo, hi, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let day = lo + 1; day <= hi; day++) if (working(day)) count++;
      return sign * count;
    },
    addHours,
  };
}

// ---- the database-backed calendar with its cache ----

/** The admin overrides, of one year or all. */
export async function loadOverrides(db: Db, year?: number): Promise<OverrideDay[]> {
  const rows = await db
    .select({ date: calendarDays.date, kind: calendarDays.kind, name: calendarDays.name })
    .from(calendarDays)
    .where(
      year === undefined
        ? undefined
        : and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`)),
    )
    .orderBy(asc(calendarDays.date));
  return rows.map((r) => ({ date: r.date, kind: r.kind as DayKind, name: r.name }));
}

export interface Calendar {
  isWorkingDay(date: string): Promise<boolean>;
  addWorkingDays(start: Date, n: number, tz?: string, officeEnd?: string): Promise<Date>;
  /** `addWorkingDays` with `estimated` set when the count crossed a year with no schedule. */
  workingDeadline(start: Date, n: number, tz?: string, officeEnd?: string): Promise<WorkingDeadline>;
  addHours(start: Date, hours: number): Date;
  workingDaysBetween(a: Date | string, b: Date | string, tz?: string): Promise<number>;
  /** The current rules (synchronous methods), e.g. to compute many deadlines at once. */
  rules(): Promise<CalendarRules>;
  /** Forgets the cached overrides: the next call reads them again. Call after changing them. */
  invalidate(): void;
}

export interface CalendarOptions {
  db: Db;
  /** Default end of office hours, 'HH:MM' local time. */
  officeEnd?: string;
  /**
   * How long cached overrides are trusted. Changes made through this process are seen at once
   * (`invalidate`); changes made by another app process within this time.
   */
  maxAgeMs?: number;
}

/**
 * The calendar of one database. Overrides are read once and cached in memory; methods are async
 * only because a stale cache is read again first.
 */
export function createCalendar({
  db,
  officeEnd = DEFAULT_OFFICE_END,
  maxAgeMs = DEFAULT_CACHE_MAX_AGE_MS,
}: CalendarOptions): Calendar {
  parseOfficeEnd(officeEnd);
  let cached: { rules: CalendarRules; loadedAt: number } | undefined;
  let loading: Promise<CalendarRules> | undefined;
  let generation = 0;

  const rules = (): Promise<CalendarRules> => {
    if (cached && performance.now() - cached.loadedAt < maxAgeMs) return Promise.resolve(cached.rules);
    if (loading) return loading;
    const gen = generation;
    const startedAt = performance.now();
    const p: Promise<CalendarRules> = loadOverrides(db)
      .then((rows) => {
        const r = createCalendarRules(rows, { officeEnd });
        if (gen === generation) cached = { rules: r, loadedAt: startedAt };
        return r;
      })
      .finally(() => {
        if (loading === p) loading = undefined;
      });
    loading = p;
    return p;
  };

  return {
    isWorkingDay: async (date) => (await rules()).isWorkingDay(date),
    addWorkingDays: async (start, n, tz, end) => (await rules()).addWorkingDays(start, n, tz, end),
    workingDeadline: async (start, n, tz, end) => (await rules()).workingDeadline(start, n, tz, end),
    addHours,
    workingDaysBetween: async (a, b, tz) => (await rules()).workingDaysBetween(a, b, tz),
    rules,
    invalidate() {
      generation++;
      cached = undefined;
      loading = undefined;
    },
  };
}

const shared = new WeakMap<object, Calendar>();

/** The one calendar (and cache) per database handle, shared by every module of the process. */
export function calendarFor(db: Db): Calendar {
  let cal = shared.get(db);
  if (!cal) {
    cal = createCalendar({ db });
    shared.set(db, cal);
  }
  return cal;
}
