import { and, eq, ne } from 'drizzle-orm';
import { namesById } from '../../platform/namesById';
import type { Db } from '../../platform/db';
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
