/**
 * What other modules may use of the org tree (DESIGN boundaries): functions and types, never the table.
 * Where another module needs a unit's name or path inside one of its own queries (a join, for speed),
 * it uses the named SQL builders below (`unitNameSql`, `unitPathSql`, `unitIdsUnderSql`): correlated
 * subqueries on `org_units` that answer exactly what a left join on the unit's id would.
 */
import { type AnyColumn, type SQL, and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { type Actor, escapeLike, scopeWhere } from '../../platform/permissions';
import type { Permission } from '../../../shared/permissions';
import { orgUnits } from './org.table';
import type { OrgUnit } from './org.usecases';

export type { OrgUnit } from './org.usecases';
export { findUnitInScope } from './org.usecases';
export { insertUnit, underTreeLock } from './org.repository';

type Column = AnyColumn | SQL;

/** One unit by id (any status), or undefined. */
export async function unitById(db: Db, id: string): Promise<OrgUnit | undefined> {
  const [unit] = await db.select().from(orgUnits).where(eq(orgUnits.id, id));
  return unit;
}

/** The units with these ids (any status, any order); unknown ids are left out. */
export async function unitsByIds(db: Db, ids: readonly string[]): Promise<OrgUnit[]> {
  const uniq = [...new Set(ids)];
  if (uniq.length === 0) return [];
  return db.select().from(orgUnits).where(inArray(orgUnits.id, uniq));
}

/** Unit id → name for these ids (unknown ids are left out). */
export async function unitNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const units = await unitsByIds(db, ids);
  return new Map(units.map((u) => [u.id, u.name]));
}

/**
 * The unit with this id if it lies inside the actor's scope for `permission` (its path in the `where`
 * clause, DESIGN convention 5), else undefined: callers answer 404 for both unknown and out-of-scope ids.
 */
export async function unitInScope(
  db: Db,
  actor: Actor,
  permission: Permission,
  id: string,
): Promise<OrgUnit | undefined> {
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), scopeWhere(actor, permission, orgUnits.path)));
  return unit;
}

/** The active child of `parentId` of this kind and name, if any (e.g. a building's household by room). */
export async function activeChildNamed(
  db: Db,
  parentId: string,
  kind: string,
  name: string,
): Promise<OrgUnit | undefined> {
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.parentId, parentId),
        eq(orgUnits.kind, kind),
        eq(orgUnits.name, name),
        eq(orgUnits.status, 'active'),
      ),
    );
  return unit;
}

/**
 * The active units of one kind inside the actor's scope for `permission`, optionally under `underPath`,
 * ordered by `sort` then name (e.g. the communities a report has one row for).
 */
export async function activeUnitsOfKind(
  db: Db,
  actor: Actor,
  permission: Permission,
  kind: string,
  underPath?: string,
): Promise<OrgUnit[]> {
  return db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, kind),
        eq(orgUnits.status, 'active'),
        scopeWhere(actor, permission, orgUnits.path),
        underPath ? sql`${orgUnits.path} like ${`${escapeLike(underPath)}%`}` : undefined,
      ),
    )
    .orderBy(asc(orgUnits.sort), asc(orgUnits.name));
}

/**
 * Query builder: the name of the unit whose id is in `unitIdColumn` (null when there is none), for a
 * foreign module's select list — the same value as `orgUnits.name` over a left join on that id.
 */
export function unitNameSql(unitIdColumn: Column): SQL<string | null> {
  return sql<string | null>`(select ou.name from org_units ou where ou.id = ${unitIdColumn})`;
}

/**
 * Query builder: the path of the unit whose id is in `unitIdColumn` (null when there is none), for a
 * foreign module's select list or where clause — the same value as `orgUnits.path` over a left join.
 */
export function unitPathSql(unitIdColumn: Column): SQL<string | null> {
  return sql<string | null>`(select ou.path from org_units ou where ou.id = ${unitIdColumn})`;
}

/**
 * Query builder: `<unitIdExpr> in (ids of the units whose path starts with pathPattern)`, for filtering a
 * foreign table by the subtree its unit ids lie in. `pathPattern` is a LIKE pattern (escape it).
 */
export function unitIdsUnderSql(unitIdExpr: Column, pathPattern: string): SQL {
  return sql`${unitIdExpr} in (select ou.id from org_units ou where ou.path like ${pathPattern})`;
}
