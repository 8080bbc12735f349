import { type SQL, and, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import type { TeamRow } from './volunteers.repository';
import { volunteerTeams, volunteers } from './volunteers.table';

/**
 * Reads of volunteers and teams in any scope for other modules (through volunteers.api.ts), e.g. the
 * services module's dispatch candidates, assignees and reports: the caller decides who may see what.
 */
export type { TeamRow };

/** A volunteer by id in any scope, its name and org path (the caller checks where it lies), or undefined. */
export async function volunteerPlace(
  db: Db,
  id: string,
): Promise<{ name: string; path: string } | undefined> {
  const [row] = await db
    .select({ name: volunteers.name, path: volunteers.orgPath })
    .from(volunteers)
    .where(eq(volunteers.id, id));
  return row;
}

/** A team by id in any scope, its name and org path (the caller checks where it lies), or undefined. */
export async function teamPlace(db: Db, id: string): Promise<{ name: string; path: string } | undefined> {
  const [row] = await db
    .select({ name: volunteerTeams.name, path: volunteerTeams.orgPath })
    .from(volunteerTeams)
    .where(eq(volunteerTeams.id, id));
  return row;
}

/** A team by id in any scope and state, or undefined. */
export function teamById(db: Db, id: string): Promise<TeamRow | undefined> {
  return firstRow(db, volunteerTeams, eq(volunteerTeams.id, id));
}

/** The active volunteers of a community, at most `limit`. */
export function activeVolunteersOfCommunity(db: Db, communityId: string, limit: number) {
  return db
    .select()
    .from(volunteers)
    .where(and(eq(volunteers.communityId, communityId), eq(volunteers.status, 'active')))
    .limit(limit);
}

/** The active teams of a community. */
export function activeTeamsOfCommunity(db: Db, communityId: string): Promise<TeamRow[]> {
  return db
    .select()
    .from(volunteerTeams)
    .where(and(eq(volunteerTeams.communityId, communityId), eq(volunteerTeams.active, true)));
}

/** The volunteer fields `volunteerFieldSql` reads (column names). */
export type VolunteerField = 'id' | 'name' | 'kind' | 'community_id';

/** A correlated subquery: the field of the volunteer whose id is in `idColumn` (null when none). */
export function volunteerFieldSql<T = unknown>(idColumn: AnyPgColumn, field: VolunteerField): SQL<T | null> {
  return sql<T | null>`(select v.${sql.raw(field)} from volunteers v where v.id = ${idColumn})`;
}
