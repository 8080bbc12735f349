import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { type FigureQuery, countWhere, underInPeriod } from '../../platform/figureQuery';
import { dsDisputes } from './disputes.table';

// The queries behind this module's report figures (`disputes.figures.ts`): rows under a unit in a period.

/** Disputes finished under the unit in the period. */
const finishedIn = (q: FigureQuery) => underInPeriod(dsDisputes.orgPath, dsDisputes.finishedAt, q);

/** Disputes mediated to an agreement or resolved under the unit in the period. */
export function mediatedCount(db: Db, q: FigureQuery): Promise<number> {
  return countWhere(
    db,
    dsDisputes,
    and(finishedIn(q), inArray(dsDisputes.outcome, ['agreement', 'resolved'])),
  );
}

/**
 * Special assignments (专门交办) finished under the unit in the period, and how many of them were
 * mediated or resolved: their outcome counts in the 平安建设 assessment (issue 14 §2).
 */
export async function specialAssignmentCounts(
  db: Db,
  q: FigureQuery,
): Promise<{ finished: number; resolved: number }> {
  const [r] = await db
    .select({
      finished: sql<number>`count(*)::int`,
      resolved: sql<number>`count(*) filter (where ${dsDisputes.outcome} in ('agreement', 'resolved'))::int`,
    })
    .from(dsDisputes)
    .where(and(finishedIn(q), eq(dsDisputes.specialAssignment, true)));
  return { finished: r?.finished ?? 0, resolved: r?.resolved ?? 0 };
}
