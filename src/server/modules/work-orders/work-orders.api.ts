/**
 * What other modules may call of the work orders (DESIGN boundaries): functions only, never the tables.
 * Kept to re-exports while the work-order state machine is being rewritten.
 */
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/permissions';
import { cachedCategories } from './workOrders.cache';
import { findOrderRow, ordersOfCategoryRows } from './workOrders.repository';

export { routeTerritory } from './workOrders.routing';
export { intake } from './workOrders.usecases';
export { activeCategoryByCode, activeCategoryRows } from './workOrders.categories.repository';
export { orderNumberById, type RequestFeedFilter, requestFeedRows } from './workOrders.feed.repository';

/** What another module keeps of an order it links a record to (a deliberation topic made from it). */
export interface LinkedOrder {
  id: string;
  number: string;
  description: string;
  categoryCode: string;
  communityId: string | null;
  gridId: string | null;
  buildingId: string | null;
}

/** An order the actor may read (404 for the caller otherwise: undefined for unknown and out-of-scope ids). */
export async function orderForLink(db: Db, actor: Actor, id: string): Promise<LinkedOrder | undefined> {
  const o = await findOrderRow(db, actor, 'read', id);
  if (!o) return undefined;
  return {
    id: o.id,
    number: o.number,
    description: o.description,
    categoryCode: o.categoryCode,
    communityId: o.communityId,
    gridId: o.gridId,
    buildingId: o.buildingId,
  };
}

/** The orders of one category in one community over a period, as evidence of a recurring problem. */
export interface CategoryOrders {
  categoryName: string;
  total: number;
  /** The most recent first, at most `limit`. */
  orders: { id: string; number: string; description: string; status: string; receivedAt: Date }[];
}

/**
 * Orders of `categoryCode` received in `communityId` in [from, to) that the actor may read (undefined when
 * the category does not exist). Used to turn a recurring category into a deliberation topic in one action.
 */
export async function ordersOfCategory(
  db: Db,
  actor: Actor,
  q: { categoryCode: string; communityId: string; from: Date; to: Date; limit: number },
): Promise<CategoryOrders | undefined> {
  const cat = (await cachedCategories(db)).get(q.categoryCode);
  if (!cat) return undefined;
  const { total, rows } = await ordersOfCategoryRows(db, actor, q);
  return { categoryName: cat.nameZh, total, orders: rows };
}
