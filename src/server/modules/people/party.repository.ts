import { type SQL, and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { countWhere } from '../../platform/figureQuery';
import { nameLike, registryRows } from './people.repository';
import { partyMembers, partyOrgLevels, partyOrgs } from './people.table';

/**
 * Party levels' and party organizations' queries beyond the scoped lookups and lists of people.repository.ts:
 * level schemes, placement checks and counts on units and organizations the use case has already found in
 * reach.
 */
export type LevelRow = typeof partyOrgLevels.$inferSelect;
export type PartyOrgRow = typeof partyOrgs.$inferSelect;

/** The levels defined at any of these units, by rank. */
export function levelsAtUnits(db: Db, unitIds: string[]): Promise<LevelRow[]> {
  return db
    .select()
    .from(partyOrgLevels)
    .where(inArray(partyOrgLevels.orgUnitId, unitIds))
    .orderBy(asc(partyOrgLevels.rank));
}

/** The levels defined at this unit (its own scheme), by rank. */
export function levelsOfUnit(db: Db, unitId: string): Promise<LevelRow[]> {
  return db
    .select()
    .from(partyOrgLevels)
    .where(eq(partyOrgLevels.orgUnitId, unitId))
    .orderBy(asc(partyOrgLevels.rank));
}

/** The id of one of these levels that a party organization sits at, if any. */
export async function levelInUse(db: Db, levelIds: string[]): Promise<string | undefined> {
  const [used] = await db
    .select({ levelId: partyOrgs.levelId })
    .from(partyOrgs)
    .where(inArray(partyOrgs.levelId, levelIds))
    .limit(1);
  return used?.levelId;
}

/** Deletes these levels. */
export async function deleteLevels(db: Db, ids: string[]): Promise<void> {
  await db.delete(partyOrgLevels).where(inArray(partyOrgLevels.id, ids));
}

/** Sets a level's rank. */
export async function setLevelRank(db: Db, id: string, rank: number, now: Date): Promise<void> {
  await db.update(partyOrgLevels).set({ rank, updatedAt: now }).where(eq(partyOrgLevels.id, id));
}

/** Inserts a level. */
export async function insertLevel(db: Db, values: typeof partyOrgLevels.$inferInsert): Promise<void> {
  await db.insert(partyOrgLevels).values(values);
}

/** Whether another level (not `exceptId`) of this unit's scheme has this name. */
export async function levelNameTaken(
  db: Db,
  unitId: string,
  name: string,
  exceptId: string,
): Promise<boolean> {
  const [clash] = await db
    .select({ id: partyOrgLevels.id })
    .from(partyOrgLevels)
    .where(
      and(
        eq(partyOrgLevels.orgUnitId, unitId),
        eq(partyOrgLevels.name, name),
        ne(partyOrgLevels.id, exceptId),
      ),
    );
  return !!clash;
}

/** Renames a level. */
export async function renameLevel(db: Db, id: string, name: string, now: Date): Promise<void> {
  await db.update(partyOrgLevels).set({ name, updatedAt: now }).where(eq(partyOrgLevels.id, id));
}

/** The levels with these ids. */
export function levelsByIds(db: Db, ids: string[]): Promise<LevelRow[]> {
  return db.select().from(partyOrgLevels).where(inArray(partyOrgLevels.id, ids));
}

/** Party organizations' scoped reads and one-row writes: listed by level (none last), place, then name. */
export const partyOrgRows = registryRows(partyOrgs, [
  asc(sql`(select l.rank from ${partyOrgLevels} l where l.id = ${partyOrgs.levelId})`),
  asc(partyOrgs.orgPath),
  asc(partyOrgs.name),
  asc(partyOrgs.id),
]);

/** The list filters of party organizations: name contains `q`, under this parent, at this level. */
export function partyOrgFilters(
  q: string | undefined,
  parentId: string | undefined,
  levelId: string | undefined,
): (SQL | undefined)[] {
  return [
    nameLike(partyOrgs.name, q),
    parentId ? eq(partyOrgs.parentId, parentId) : undefined,
    levelId ? eq(partyOrgs.levelId, levelId) : undefined,
  ];
}

/** How many organizations sit directly under this one. */
export function childOrgCount(db: Db, id: string): Promise<number> {
  return countWhere(db, partyOrgs, eq(partyOrgs.parentId, id));
}

/** How many party members belong to this organization. */
export function memberCountOf(db: Db, partyOrgId: string): Promise<number> {
  return countWhere(db, partyMembers, eq(partyMembers.partyOrgId, partyOrgId));
}

/** Whether any organization sits directly under this one. */
export async function hasChildOrg(db: Db, id: string): Promise<boolean> {
  const [child] = await db
    .select({ id: partyOrgs.id })
    .from(partyOrgs)
    .where(eq(partyOrgs.parentId, id))
    .limit(1);
  return !!child;
}

/** The level ranks of the organizations directly under this one. */
export function childLevelRanks(db: Db, parentId: string): Promise<{ rank: number }[]> {
  return db
    .select({ rank: partyOrgLevels.rank })
    .from(partyOrgs)
    .innerJoin(partyOrgLevels, eq(partyOrgLevels.id, partyOrgs.levelId))
    .where(eq(partyOrgs.parentId, parentId));
}

/** An organization (in any scope) with its level's rank (null without a level), or undefined. */
export async function partyOrgWithRank(
  db: Db,
  id: string,
): Promise<{ org: PartyOrgRow; rank: number | null } | undefined> {
  const [parent] = await db
    .select({ org: partyOrgs, rank: partyOrgLevels.rank })
    .from(partyOrgs)
    .leftJoin(partyOrgLevels, eq(partyOrgLevels.id, partyOrgs.levelId))
    .where(eq(partyOrgs.id, id));
  return parent;
}

/** The parent of an organization (null at the top), or undefined when there is no such organization. */
export async function parentOrgIdOf(db: Db, id: string): Promise<string | null | undefined> {
  const [up]: { parentId: string | null }[] = await db
    .select({ parentId: partyOrgs.parentId })
    .from(partyOrgs)
    .where(eq(partyOrgs.id, id));
  return up?.parentId;
}
