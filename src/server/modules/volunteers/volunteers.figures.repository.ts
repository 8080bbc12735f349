import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { type FigureQuery, underInPeriod } from '../../platform/figureQuery';
import { volunteerHours } from './volunteers.table';

// The queries behind this module's report figures (`volunteers.figures.ts`): rows under a unit in a period.

/** Volunteer hours certified under the unit in the period (corrections included), in minutes. */
export async function minutesServed(db: Db, q: FigureQuery): Promise<number> {
  const [r] = await db
    .select({ m: sql<number>`coalesce(sum(${volunteerHours.minutes}), 0)::int` })
    .from(volunteerHours)
    .where(underInPeriod(volunteerHours.orgPath, volunteerHours.occurredAt, q));
  return r?.m ?? 0;
}
