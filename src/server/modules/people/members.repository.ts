import { type SQL, and, asc, eq, ne, sql } from 'drizzle-orm';
import type { PartyMemberListQuery } from '../../../shared/contracts/people';
import { namesById } from '../../platform/namesById';
import type { Db } from '../../platform/db';
import { nameLike, registryRows } from './people.repository';
import { partyMembers, partyOrgs } from './people.table';

/**
 * Party members' queries beyond the scoped lookups and lists of people.repository.ts: checks and writes
 * on members and organizations the use case has already found in reach.
 */
export type PartyMemberRow = typeof partyMembers.$inferSelect;

/** Party organization id → name, for these ids. */
export function partyOrgNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  return namesById(db, partyOrgs, partyOrgs.name, ids);
}

/** The member linked to this resident, other than `exceptId` (one member record per resident). */
export async function memberIdOfResident(
  db: Db,
  residentId: string,
  exceptId?: string,
): Promise<string | undefined> {
  const [dup] = await db
    .select({ id: partyMembers.id })
    .from(partyMembers)
    .where(
      and(eq(partyMembers.residentId, residentId), exceptId ? ne(partyMembers.id, exceptId) : undefined),
    );
  return dup?.id;
}

/** A party organization's org path, or undefined. */
export async function partyOrgPath(db: Db, id: string): Promise<string | undefined> {
  const [org] = await db.select({ orgPath: partyOrgs.orgPath }).from(partyOrgs).where(eq(partyOrgs.id, id));
  return org?.orgPath;
}

/** Party members' scoped reads and one-row writes, listed by name. */
export const partyMemberRows = registryRows(partyMembers, [asc(partyMembers.name), asc(partyMembers.id)]);

/**
 * The list filters of party members: name contains `q.q`, in party organization `partyOrgId` (found in
 * reach), reporting or not, central household or not, holding skill `q.skill`.
 */
export function partyMemberFilters(
  q: Pick<PartyMemberListQuery, 'q' | 'reporting' | 'centralHousehold' | 'skill'>,
  partyOrgId: string | undefined,
): (SQL | undefined)[] {
  return [
    nameLike(partyMembers.name, q.q),
    partyOrgId ? eq(partyMembers.partyOrgId, partyOrgId) : undefined,
    q.reporting !== undefined ? eq(partyMembers.reporting, q.reporting) : undefined,
    q.centralHousehold !== undefined ? eq(partyMembers.isCentralHousehold, q.centralHousehold) : undefined,
    q.skill ? sql`${q.skill} = any(${partyMembers.skills})` : undefined,
  ];
}
