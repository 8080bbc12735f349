import { and, gte, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db';
import { escapeLike } from '../../platform/permissions';
import { volunteerHours } from './volunteers.table';

/** The queries behind this module's report figures (`volunteers.figures.ts`): rows under a unit in a period. */
export interface FigureQuery {
  orgPath: string;
  from: Date;
  to: Date;
}

const under = (column: AnyPgColumn, path: string) => sql`${column} like ${`${escapeLike(path)}%`}`;

/** Volunteer hours certified under the unit in the period (corrections included), in minutes. */
export async function minutesServed(db: Db, q: FigureQuery): Promise<number> {
  const [r] = await db
    .select({ m: sql<number>`coalesce(sum(${volunteerHours.minutes}), 0)::int` })
    .from(volunteerHours)
    .where(
      and(
        under(volunteerHours.orgPath, q.orgPath),
        gte(volunteerHours.occurredAt, q.from),
        lt(volunteerHours.occurredAt, q.to),
      ),
    );
  return r?.m ?? 0;
}
