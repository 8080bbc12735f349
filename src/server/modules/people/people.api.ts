/**
 * What other modules may use of the people registry (DESIGN boundaries): functions and types, never the
 * tables.
 */
import { and, eq } from 'drizzle-orm';
import type { Permission } from '../../../shared/permissions';
import type { Db } from '../../platform/db';
import { type Actor, scopeWhere } from '../../platform/permissions';
import { partyMembers } from './people.table';

export type PartyMemberRow = typeof partyMembers.$inferSelect;

/** A party member inside the actor's scope for `permission`, else undefined (callers answer alike). */
export async function partyMemberInScope(
  db: Db,
  actor: Actor,
  permission: Permission,
  id: string,
): Promise<PartyMemberRow | undefined> {
  const [pm] = await db
    .select()
    .from(partyMembers)
    .where(and(eq(partyMembers.id, id), scopeWhere(actor, permission, partyMembers.orgPath)));
  return pm;
}
