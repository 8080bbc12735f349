import { and, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { underPath as under } from '../../platform/permissions';
import { svcOrders } from './services.table';

/** The queries behind this module's report figures (`services.figures.ts`): rows under a unit in a period. */
export interface FigureQuery {
  orgPath: string;
  from: Date;
  to: Date;
}

/** Service orders the resident confirmed as done under the unit in the period. */
export async function completedOrders(db: Db, q: FigureQuery): Promise<number> {
  const [r] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(svcOrders)
    .where(
      and(
        under(svcOrders.orgPath, q.orgPath),
        gte(svcOrders.confirmedAt, q.from),
        lt(svcOrders.confirmedAt, q.to),
      ),
    );
  return r?.n ?? 0;
}
