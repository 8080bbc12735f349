/**
 * What other modules may use of the org tree (DESIGN boundaries): functions and types, never the table.
 * Where another module needs a unit's name or path inside one of its own queries (a join, for speed),
 * it uses the named SQL builders below (`unitNameSql`, `unitPathSql`, `unitIdsUnderSql`): correlated
 * subqueries on `org_units` that answer exactly what a left join on the unit's id would.
 */
import { type AnyColumn, type SQL, and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import { writeAudit } from '../../platform/audit';
import type { ActorCtx } from '../../platform/context';
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

/** The active unit with this division code (R-LAW-CD-1), or undefined. */
export async function activeUnitByDivisionCode(db: Db, code: string): Promise<OrgUnit | undefined> {
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.divisionCode, code), eq(orgUnits.status, 'active')));
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
  permission: Permission | readonly Permission[],
  id: string,
): Promise<OrgUnit | undefined> {
  const permissions: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  const scopes = permissions.map((p) => scopeWhere(actor, p, orgUnits.path));
  const [unit] = await db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.id, id), scopes.length === 1 ? scopes[0] : or(...scopes)));
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

/** The unit of this kind a path lies in (one of its ancestors or itself), or null (e.g. its grid). */
export async function ancestorOfKind(db: Db, path: string, kind: string): Promise<OrgUnit | null> {
  const ids = path.split('/').filter(Boolean);
  if (ids.length === 0) return null;
  const [u] = await db
    .select()
    .from(orgUnits)
    .where(and(inArray(orgUnits.id, ids), eq(orgUnits.kind, kind)));
  return u ?? null;
}

/** The community unit a path lies in (one of its ancestors or itself), or null above community level. */
export function communityOfPath(db: Db, path: string): Promise<OrgUnit | null> {
  return ancestorOfKind(db, path, 'community');
}

/**
 * A building + room resolves to the room's household unit, created (and audited as `org.create`) on
 * first use; any other unit, or no room, is the place itself. Run it inside the caller's transaction
 * (`ctx.db`), under the org-tree lock the caller holds.
 */
export async function householdOf(
  ctx: ActorCtx,
  unit: OrgUnit,
  room: string | null | undefined,
): Promise<OrgUnit> {
  if (unit.kind !== 'building' || !room) return unit;
  const tx = ctx.db;
  const existing = await activeChildNamed(tx, unit.id, 'household', room);
  if (existing) return existing;
  const id = ctx.ids();
  const now = ctx.clock.now();
  const [created] = await tx
    .insert(orgUnits)
    .values({
      id,
      parentId: unit.id,
      path: `${unit.path}${id}/`,
      depth: unit.depth + 1,
      kind: 'household',
      name: room,
      attrs: {},
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  await writeAudit(tx, ctx, {
    action: 'org.create',
    entityType: 'org_unit',
    entityId: id,
    orgPath: created!.path,
    after: created,
  });
  return created!;
}

/** The active units of this kind whose path starts with `underPath` (any scope: the caller scoped it). */
export async function activeUnitsUnder(db: Db, kind: string, underPath: string): Promise<OrgUnit[]> {
  return db
    .select()
    .from(orgUnits)
    .where(
      and(
        eq(orgUnits.kind, kind),
        eq(orgUnits.status, 'active'),
        sql`${orgUnits.path} like ${`${escapeLike(underPath)}%`}`,
      ),
    );
}

/** The active children of these parents that are of this kind. */
export async function activeChildrenOf(
  db: Db,
  parentIds: readonly string[],
  kind: string,
): Promise<OrgUnit[]> {
  if (parentIds.length === 0) return [];
  return db
    .select()
    .from(orgUnits)
    .where(
      and(inArray(orgUnits.parentId, [...parentIds]), eq(orgUnits.kind, kind), eq(orgUnits.status, 'active')),
    );
}

/**
 * Creates household units (one per building + room) in bulk, without an audit entry per unit (a bulk
 * import audits itself). Ids come from `ids`, in the order given. Run it under the org-tree lock.
 */
export async function insertHouseholds(
  db: Db,
  rooms: readonly { building: OrgUnit; room: string }[],
  ids: () => string,
  now: Date,
): Promise<void> {
  const rows = rooms.map(({ building, room }) => {
    const id = ids();
    return {
      id,
      parentId: building.id,
      path: `${building.path}${id}/`,
      depth: building.depth + 1,
      kind: 'household',
      name: room,
      attrs: {},
      createdAt: now,
      updatedAt: now,
    };
  });
  for (let i = 0; i < rows.length; i += 500) await db.insert(orgUnits).values(rows.slice(i, i + 500));
}

/** The unit fields a foreign query may read through `unitFieldSql`. */
export type UnitField = 'name' | 'path' | 'kind' | 'depth' | 'sort' | 'status';

/**
 * Query builder: one field of the unit whose id is in `unitIdColumn` (null when there is none), for a
 * foreign module's select list, where clause or order by — the same value as that column over a left
 * join on the id. Put `unitPathSql(col)` in an `is not null` test where an inner join was meant.
 */
export function unitFieldSql<T = unknown>(unitIdColumn: Column, field: UnitField): SQL<T | null> {
  return sql<T | null>`(select ou.${sql.identifier(field)} from org_units ou where ou.id = ${unitIdColumn})`;
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
