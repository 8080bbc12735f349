import type { Db } from '../../platform/db';
import { type FigureQuery, countWhere, underInPeriod } from '../../platform/figureQuery';
import { svcOrders } from './services.table';

// The queries behind this module's report figures (`services.figures.ts`): rows under a unit in a period.

/** Service orders the resident confirmed as done under the unit in the period. */
export async function completedOrders(db: Db, q: FigureQuery): Promise<number> {
  return countWhere(db, svcOrders, underInPeriod(svcOrders.orgPath, svcOrders.confirmedAt, q));
}
