/**
 * What other modules may use of the people registry (DESIGN boundaries): functions and types, never the
 * tables.
 */
export { type PartyMemberRow, partyMemberInScope, type WorkerRow, workerInScope } from './people.repository';
