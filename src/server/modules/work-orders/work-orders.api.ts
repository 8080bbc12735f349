/**
 * What other modules may call of the work orders (DESIGN boundaries): functions only, never the tables.
 * Kept to re-exports while the work-order state machine is being rewritten.
 */
import type { Db } from '../../platform/db';
import type { Actor } from '../../platform/permissions';
import { findOrderRow } from './workOrders.repository';

export { routeTerritory } from './workOrders.routing';
export { intake } from './workOrders.usecases';

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
