import { and, gte, lte, sql } from 'drizzle-orm';
import type { CalendarYearDto, ReplaceCalendarYearBody } from '../../../shared/contracts/calendar';
import { writeAudit } from '../../platform/audit';
import {
  calendarFor,
  createCalendarRules,
  isWeekend,
  loadOverrides,
  localDateOf,
} from '../../platform/calendar';
import { calendarDays } from '../../platform/calendar.table';
import type { ActorCtx } from '../../platform/context';
import { AppError, type FieldIssue } from '../../platform/errors';
import { can, requirePermission } from '../../platform/permissions';

/** Serialises loads of the same year (two-key advisory lock: this namespace, the year). */
const CALENDAR_LOCK = 7411002;

/** A year's non-ordinary days as everyone sees them, read fresh from the database (R-LAW-CAL-1). */
export async function getCalendarYear(ctx: ActorCtx, year?: number): Promise<CalendarYearDto> {
  const y = year ?? Number(localDateOf(ctx.clock.now()).slice(0, 4));
  const rules = createCalendarRules(await loadOverrides(ctx.db, y));
  return {
    year: y,
    source: rules.sourceOfYear(y),
    days: rules.specialDays(y),
    abilities: { replace: can(ctx.actor, 'calendar.write') },
  };
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
  requirePermission(ctx.actor, 'calendar.write');
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

  const inYear = and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`));
  const days = [...input.days].sort((a, b) => (a.date < b.date ? -1 : 1));
  await ctx.db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_LOCK}, ${year}::int)`);
    const before = await loadOverrides(tx, year);
    await tx.delete(calendarDays).where(inYear);
    if (days.length) {
      const now = ctx.clock.now();
      await tx.insert(calendarDays).values(
        days.map((d) => ({
          date: d.date,
          kind: d.kind,
          name: d.name,
          source: 'admin',
          createdAt: now,
          createdBy: ctx.actor.userId,
        })),
      );
    }
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
