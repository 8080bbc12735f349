import { z } from 'zod';

/**
 * The statutory working calendar (R-LAW-CAL-1): holidays and adjusted working weekends (调休)
 * from the bundled package, replaced per year by an admin load.
 */
export const DAY_KINDS = ['holiday', 'workday'] as const;
export const DAY_SOURCES = ['package', 'admin'] as const;

export const calendarDaySchema = z.object({
  date: z.string(),
  /** holiday = a day off; workday = an adjusted working weekend (调休上班). */
  kind: z.enum(DAY_KINDS),
  name: z.string(),
  source: z.enum(DAY_SOURCES),
});
export type CalendarDayDto = z.infer<typeof calendarDaySchema>;

export const calendarYearSchema = z.object({
  year: z.number().int(),
  /** Where the year's schedule comes from; null = nobody has it yet (weekends only): load it. */
  source: z.enum(DAY_SOURCES).nullable(),
  /** Every non-ordinary day of the year, by date. */
  days: z.array(calendarDaySchema),
  abilities: z.object({ replace: z.boolean() }),
  /**
   * Years within the next 12 months (from today in China) with no schedule at all: deadlines running
   * into them count weekends only and are marked as estimated until an admin loads the year.
   */
  unscheduledSoon: z.array(z.number().int()),
});
export type CalendarYearDto = z.infer<typeof calendarYearSchema>;

export const MIN_CALENDAR_YEAR = 2000;
export const MAX_CALENDAR_YEAR = 2100;
const year = z.coerce.number().int().min(MIN_CALENDAR_YEAR).max(MAX_CALENDAR_YEAR);

/** GET /api/calendar?year=2026 (default: the current year in China). */
export const calendarYearQuery = z.object({ year: year.optional() });
export const calendarYearParams = z.object({ year });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function isRealDate(s: string): boolean {
  if (!ISO_DATE.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

export const calendarDayInput = z.strictObject({
  date: z.string().refine(isRealDate, { message: 'calendar.bad_date' }),
  kind: z.enum(DAY_KINDS),
  name: z.string().trim().min(1).max(30),
});
export type CalendarDayInput = z.infer<typeof calendarDayInput>;

/**
 * PUT /api/calendar/:year: the year's complete schedule (every holiday, weekend days inside a
 * holiday included, and every adjusted working weekend). It replaces the year's admin overrides;
 * an empty list drops them, so the year falls back to the bundled package data.
 */
export const replaceCalendarYearBody = z.strictObject({
  days: z
    .array(calendarDayInput)
    .max(366)
    .superRefine((days, ctx) => {
      const seen = new Set<string>();
      days.forEach((d, i) => {
        if (seen.has(d.date))
          ctx.addIssue({ code: 'custom', path: [i, 'date'], message: 'calendar.duplicate_date' });
        seen.add(d.date);
      });
    }),
});
export type ReplaceCalendarYearBody = z.infer<typeof replaceCalendarYearBody>;
