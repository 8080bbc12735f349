/**
 * What other modules may use of the facilities registry (DESIGN boundaries): functions and types, never
 * the tables. The reports module's urban-village report reads the coverage facts from here.
 */
export { type CoverageFacts, distanceM } from './facilities.coverage';
export { coverageOfUnits } from './facilities.usecases';
