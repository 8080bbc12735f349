import { and, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { underPath as under } from '../../platform/permissions';
import { dsDisputes } from './disputes.table';

/** The queries behind this module's report figures (`disputes.figures.ts`): rows under a unit in a period. */
export interface FigureQuery {
  orgPath: string;
  from: Date;
  to: Date;
}

/** Disputes mediated to an agreement or resolved under the unit in the period. */
export async function mediatedCount(db: Db, q: FigureQuery): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(dsDisputes)
    .where(
      and(
        under(dsDisputes.orgPath, q.orgPath),
        inArray(dsDisputes.outcome, ['agreement', 'resolved']),
        gte(dsDisputes.finishedAt, q.from),
        lt(dsDisputes.finishedAt, q.to),
      ),
    );
  return r?.n ?? 0;
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
    .where(
      and(
        under(dsDisputes.orgPath, q.orgPath),
        eq(dsDisputes.specialAssignment, true),
        gte(dsDisputes.finishedAt, q.from),
        lt(dsDisputes.finishedAt, q.to),
      ),
    );
  return { finished: r?.finished ?? 0, resolved: r?.resolved ?? 0 };
}
