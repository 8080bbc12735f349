import { and, gte, lte, sql } from 'drizzle-orm';
import { calendarDays } from '../../platform/calendar.table';
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/permissions';
import { type CalendarAction, calendarPolicy } from './calendar.policy';

/**
 * The only code in the module that writes the `calendar_days` table (reads go through
 * `platform/calendar.ts` `loadOverrides`, which every module's deadlines use). The calendar is
 * platform-wide: the policy's scope is `true` or `false`, never a subtree.
 */

/** Serialises loads of the same year (two-key advisory lock: this namespace, the year). */
const CALENDAR_LOCK = 7411002;

/** Takes the year's lock until the transaction ends. */
export async function lockCalendarYear(tx: Db, year: number): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CALENDAR_LOCK}, ${year}::int)`);
}

/**
 * Replaces the year's overrides with `days` (an empty list returns the year to the package's data),
 * as far as the actor may `action` (nothing is deleted out of reach).
 */
export async function replaceYearDays(
  tx: Db,
  actor: Actor,
  action: CalendarAction,
  year: number,
  days: { date: string; kind: string; name: string }[],
  now: Date,
): Promise<void> {
  const inYear = and(gte(calendarDays.date, `${year}-01-01`), lte(calendarDays.date, `${year}-12-31`));
  await tx.delete(calendarDays).where(and(inYear, calendarPolicy.scope(actor, action)));
  if (days.length)
    await tx.insert(calendarDays).values(
      days.map((d) => ({
        date: d.date,
        kind: d.kind,
        name: d.name,
        source: 'admin',
        createdAt: now,
        createdBy: actor.userId,
      })),
    );
}
