import type { CalendarYearDto, ReplaceCalendarYearBody } from '../../../shared/contracts/calendar';
import { writeAudit } from '../../platform/audit';
import {
  type CalendarRules,
  calendarFor,
  createCalendarRules,
  isWeekend,
  loadOverrides,
  localDateOf,
} from '../../platform/calendar';
import type { ActorCtx, UseCaseCtx } from '../../platform/context';
import { AppError, type FieldIssue } from '../../platform/errors';
import { calendarPolicy } from './calendar.policy';
import { lockCalendarYear, replaceYearDays } from './calendar.repository';

/** How far ahead a missing schedule is reported. */
const LOOKAHEAD_MS = 365 * 86_400_000;

/**
 * The years from today to 12 months ahead (China dates) with no schedule: neither shipped by the
 * package nor loaded by an admin (R-LAW-CAL-1).
 */
export function unscheduledSoon(rules: CalendarRules, now: Date): number[] {
  const from = Number(localDateOf(now).slice(0, 4));
  const to = Number(localDateOf(new Date(now.getTime() + LOOKAHEAD_MS)).slice(0, 4));
  return rules.unscheduledYears(from, to);
}

/** A year's non-ordinary days as everyone sees them, read fresh from the database (R-LAW-CAL-1). */
export async function getCalendarYear(ctx: ActorCtx, year?: number): Promise<CalendarYearDto> {
  const now = ctx.clock.now();
  const y = year ?? Number(localDateOf(now).slice(0, 4));
  const rules = createCalendarRules(await loadOverrides(ctx.db));
  return {
    year: y,
    source: rules.sourceOfYear(y),
    days: rules.specialDays(y),
    abilities: { replace: calendarPolicy.can(ctx.actor, 'write') },
    unscheduledSoon: unscheduledSoon(rules, now),
  };
}

/**
 * The daily reminder (a pg-boss job, once a day for the whole cluster): one audit record and one log
 * line per year within the next 12 months that still has no schedule, so admins load it before
 * deadlines run into it (R-LAW-CAL-1: never silently weekends only). Returns the years reported.
 */
export async function remindMissingSchedules(
  ctx: UseCaseCtx,
  log: (message: string) => void = (m) => console.warn(m),
): Promise<number[]> {
  const now = ctx.clock.now();
  const years = unscheduledSoon(createCalendarRules(await loadOverrides(ctx.db)), now);
  if (years.length === 0) return [];
  await ctx.db.transaction(async (tx) => {
    await writeAudit(tx, ctx, {
      action: 'calendar.schedule_missing',
      entityType: 'calendar_year',
      entityId: years.join(','),
      after: { years, checkedOn: localDateOf(now) },
    });
  });
  for (const y of years)
    log(
      `${y} 年节假日安排尚未发布，期限按周末推算：请在“节假日”页面载入 (calendar ${y} has no holiday schedule)`,
    );
  return years;
}

/**
 * An admin loads a year's schedule (e.g. next year's State Council notice): it replaces that
 * year's overrides as a whole; an empty list returns the year to the package's data.
 */
export async function replaceCalendarYear(
  ctx: ActorCtx,
  year: number,
  input: ReplaceCalendarYearBody,
): Promise<CalendarYearDto> {
  calendarPolicy.require(ctx.actor, 'write');
  const fields: FieldIssue[] = [];
  const seen = new Set<string>();
  input.days.forEach((d, i) => {
    const path = `days.${i}.date`;
    if (!d.date.startsWith(`${year}-`)) fields.push({ path, code: 'calendar.date_outside_year' });
    else if (seen.has(d.date)) fields.push({ path, code: 'calendar.duplicate_date' });
    else if (d.kind === 'workday' && !isWeekend(d.date))
      fields.push({ path, code: 'calendar.workday_not_weekend' });
    seen.add(d.date);
  });
  if (fields.length) throw new AppError('common.validation', 422, {}, { fields });

  const days = [...input.days].sort((a, b) => (a.date < b.date ? -1 : 1));
  await ctx.db.transaction(async (tx) => {
    await lockCalendarYear(tx, year);
    const before = await loadOverrides(tx, year);
    await replaceYearDays(tx, ctx.actor, 'write', year, days, ctx.clock.now());
    await writeAudit(tx, ctx, {
      action: 'calendar.replace_year',
      entityType: 'calendar_year',
      entityId: String(year),
      before: { days: before },
      after: { days: days.map(({ date, kind, name }) => ({ date, kind, name })) },
    });
  });
  // Deadlines computed in this process follow at once; other processes within the cache's max age.
  calendarFor(ctx.db).invalidate();
  return getCalendarYear(ctx, year);
}
