import { and, gte, lt, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db';
import { escapeLike } from '../../platform/permissions';
import { workOrders } from './workOrders.table';

/** The queries behind this module's report figures (`workOrders.figures.ts`): rows under a unit in a period. */
export interface FigureQuery {
  orgPath: string;
  from: Date;
  to: Date;
}

const under = (column: AnyPgColumn, path: string) => sql`${column} like ${`${escapeLike(path)}%`}`;

/** Orders received under the unit in the period (by intake time). */
export async function receivedCount(db: Db, q: FigureQuery): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(workOrders)
    .where(
      and(
        under(workOrders.orgPath, q.orgPath),
        gte(workOrders.createdAt, q.from),
        lt(workOrders.createdAt, q.to),
      ),
    );
  return r?.n ?? 0;
}

/** Orders closed under the unit in the period, and how many of them by their deadline. */
export async function closedCounts(db: Db, q: FigureQuery): Promise<{ closed: number; onTime: number }> {
  const [r] = await db
    .select({
      closed: sql<number>`count(*)::int`,
      onTime: sql<number>`count(*) filter (where ${workOrders.dueAt} is null or ${workOrders.closedAt} <= ${workOrders.dueAt})::int`,
    })
    .from(workOrders)
    .where(
      and(
        under(workOrders.orgPath, q.orgPath),
        gte(workOrders.closedAt, q.from),
        lt(workOrders.closedAt, q.to),
      ),
    );
  return { closed: r?.closed ?? 0, onTime: r?.onTime ?? 0 };
}
