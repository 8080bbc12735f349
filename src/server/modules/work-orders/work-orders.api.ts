/**
 * What other modules may call of the work orders (DESIGN boundaries): functions only, never the tables.
 * Kept to re-exports while the work-order state machine is being rewritten.
 */
export { routeTerritory } from './workOrders.routing';
export { intake } from './workOrders.usecases';
