import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { type FigureQuery, countWhere, underInPeriod } from '../../platform/figureQuery';
import { workOrders } from './workOrders.table';

// The queries behind this module's report figures (`workOrders.figures.ts`): rows under a unit in a period.

/** Orders received under the unit in the period (by intake time). */
export async function receivedCount(db: Db, q: FigureQuery): Promise<number> {
  return countWhere(db, workOrders, underInPeriod(workOrders.orgPath, workOrders.createdAt, q));
}

/** Orders closed under the unit in the period, and how many of them by their deadline. */
export async function closedCounts(db: Db, q: FigureQuery): Promise<{ closed: number; onTime: number }> {
  const [r] = await db
    .select({
      closed: sql<number>`count(*)::int`,
      onTime: sql<number>`count(*) filter (where ${workOrders.dueAt} is null or ${workOrders.closedAt} <= ${workOrders.dueAt})::int`,
    })
    .from(workOrders)
    .where(underInPeriod(workOrders.orgPath, workOrders.closedAt, q));
  return { closed: r?.closed ?? 0, onTime: r?.onTime ?? 0 };
}
