/**
 * What other modules may use of the self-governance bodies (DESIGN boundaries): functions and types, never
 * the tables.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import { VACANCY_OVERDUE_DAYS } from '../../../shared/contracts/self-governance';
import type { Db } from '../../platform/db';
import { sgBodies, sgElections, sgPositions, sgVacancies } from './selfGovernance.table';

/** One community's self-governance bodies in a few numbers (the reports module's urban-village profile). */
export interface SelfGovernanceSummary {
  bodies: number;
  positions: number;
  openVacancies: number;
  /** Open more than VACANCY_OVERDUE_DAYS days (the overview's `vacancy_overdue`). */
  overdueVacancies: number;
  /** The date of the last election (general or by-election) of one of its bodies, if any. */
  lastElection: string | null;
  hasPartyCommittee: boolean;
  /** A residents' or villagers' committee. */
  hasCommittee: boolean;
  hasSupervisionCommittee: boolean;
}

/**
 * The summary of the bodies kept at one community (`org_unit_id`, as the overview counts them) on the China
 * date `today`. The caller has scoped the community.
 */
export async function selfGovernanceSummary(
  db: Db,
  communityId: string,
  today: string,
): Promise<SelfGovernanceSummary> {
  const [bodies, positions, vacancies, elections] = await Promise.all([
    db.select({ kind: sgBodies.kind }).from(sgBodies).where(eq(sgBodies.orgUnitId, communityId)),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(sgPositions)
      .where(eq(sgPositions.orgUnitId, communityId)),
    db
      .select({
        open: sql<number>`count(*)::int`,
        overdue: sql<number>`count(*) filter (where ${sgVacancies.openedOn} < ${today}::date - ${VACANCY_OVERDUE_DAYS}::int)::int`,
      })
      .from(sgVacancies)
      .where(and(eq(sgVacancies.orgUnitId, communityId), isNull(sgVacancies.closedOn))),
    db
      .select({ last: sql<string | null>`max(${sgElections.heldOn})::text` })
      .from(sgElections)
      .where(eq(sgElections.orgUnitId, communityId)),
  ]);
  const kinds = new Set(bodies.map((b) => b.kind));
  return {
    bodies: bodies.length,
    positions: positions[0]?.n ?? 0,
    openVacancies: vacancies[0]?.open ?? 0,
    overdueVacancies: vacancies[0]?.overdue ?? 0,
    lastElection: elections[0]?.last ?? null,
    hasPartyCommittee: kinds.has('party_committee'),
    hasCommittee: kinds.has('residents_committee') || kinds.has('villagers_committee'),
    hasSupervisionCommittee: kinds.has('supervision_committee'),
  };
}
