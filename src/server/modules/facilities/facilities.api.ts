/**
 * What other modules may use of the facilities registry (DESIGN boundaries): functions and types, never
 * the tables. The reports module's urban-village report reads the coverage facts from here; services'
 * 邻里驿站 reads its host facility (S000-09) through facilitiesUnder.
 */
export { type CoverageFacts, distanceM } from './facilities.coverage';
export { coverageOfUnits, type FacilityRef, facilitiesUnder } from './facilities.usecases';
