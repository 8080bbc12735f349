import {
  type AnyColumn,
  type SQL,
  and,
  asc,
  eq,
  inArray,
  isNotNull,
  isNull,
  like,
  ne,
  or,
  sql,
} from 'drizzle-orm';
import type { Permission } from '../../../shared/permissions';
import { ORG_KINDS, type OrgKind } from '../../../shared/orgKinds';
import { countsBy } from '../../platform/figureQuery';
import type { Clock, IdGenerator } from '../../platform/clock';
import { type Db, rowsOf } from '../../platform/db';
import { rowUpdater } from '../../platform/rowAccessors';
import { firstRow } from '../../platform/firstRow';
import { namesById } from '../../platform/namesById';
import { isUuid } from '../../platform/ids';
import { type Actor, escapeLike, scopePaths, scopeWhere } from '../../platform/permissions';
import { scopedTableNames } from '../../platform/scopedTables';
import { type OrgAction, orgPolicy } from './org.policy';
import { orgTreeVersion, orgUnits } from './org.table';

/**
 * The only code that queries the `org_units` table (org.api.ts re-exports what other modules may use).
 * Reads for the module's own use cases take the actor and the action and AND `orgPolicy.scope` into
 * their `where`: a unit out of reach is not found (404). Reads for other modules take their permission
 * (`unitInScope`) or are unscoped lookups whose callers scoped the request already. Re-pathing after a
 * move or merge also rewrites the `org_path` of every scoped table (platform/scopedTables.ts), the
 * documented exception: only the tree knows when paths change.
 */

export type OrgUnitRow = typeof orgUnits.$inferSelect;
type OrgUnit = OrgUnitRow;

/** Inserts a unit under `parent` (or as a root) with its path computed; for seeding and tests. */
export async function insertUnit(
  deps: { db: Db; clock: Clock; ids: IdGenerator },
  parent: OrgUnitRow | null,
  fields: Pick<OrgUnitRow, 'kind' | 'name'> & Partial<Omit<OrgUnitRow, 'id' | 'path' | 'depth' | 'parentId'>>,
): Promise<OrgUnitRow> {
  const id = deps.ids();
  const now = deps.clock.now();
  const [row] = await deps.db
    .insert(orgUnits)
    .values({
      attrs: {},
      ...fields,
      id,
      parentId: parent?.id ?? null,
      path: `${parent?.path ?? '/'}${id}/`,
      depth: (parent?.depth ?? -1) + 1,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row!;
}

/**
 * Runs `fn` in a transaction holding the org-tree lock: 'exclusive' for moves, merges, splits and archives
 * (they rewrite paths), 'shared' for writes that copy a unit's path into a row. Reads inside `fn` go through
 * the transaction, so the paths it sees cannot change underneath it.
 */
export async function underTreeLock<C extends { db: Db }, T>(
  ctx: C,
  mode: 'shared' | 'exclusive',
  fn: (c: C) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction(async (tx) => {
    await tx.execute(
      mode === 'exclusive'
        ? sql`select pg_advisory_xact_lock(7411002)`
        : sql`select pg_advisory_xact_lock_shared(7411002)`,
    );
    return fn({ ...ctx, db: tx });
  });
}

type Column = AnyColumn | SQL;

/** One unit by id (any status), or undefined. */
export async function unitById(db: Db, id: string): Promise<OrgUnit | undefined> {
  return firstRow(db, orgUnits, eq(orgUnits.id, id));
}

/** The active unit with this division code (R-LAW-CD-1), or undefined. */
export async function activeUnitByDivisionCode(db: Db, code: string): Promise<OrgUnit | undefined> {
  return firstRow(db, orgUnits, and(eq(orgUnits.divisionCode, code), eq(orgUnits.status, 'active')));
}

/** The units with these ids (any status, any order); unknown ids are left out. */
export async function unitsByIds(db: Db, ids: readonly string[]): Promise<OrgUnit[]> {
  const uniq = [...new Set(ids)];
  if (uniq.length === 0) return [];
  return db.select().from(orgUnits).where(inArray(orgUnits.id, uniq));
}

/** Unit id → name for these ids (unknown ids are left out, and so are the empty ones of optional references). */
export async function unitNames(
  db: Db,
  ids: readonly (string | null | undefined)[],
): Promise<Map<string, string>> {
  return namesById(
    db,
    orgUnits,
    orgUnits.name,
    ids.filter((x): x is string => !!x),
  );
}

/** Unit id → name of the units the rows belong to (their `orgUnitId`): for the DTOs of rows that name their unit. */
export function unitNamesOf(db: Db, rows: readonly { orgUnitId: string }[]): Promise<Map<string, string>> {
  return unitNames(
    db,
    rows.map((r) => r.orgUnitId),
  );
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
  if (!isUuid(id)) return undefined;
  const permissions: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  const scopes = permissions.map((p) => scopeWhere(actor, p, orgUnits.path));
  return firstRow(db, orgUnits, and(eq(orgUnits.id, id), scopes.length === 1 ? scopes[0] : or(...scopes)));
}

/** The active child of `parentId` of this kind and name, if any (e.g. a building's household by room). */
export async function activeChildNamed(
  db: Db,
  parentId: string,
  kind: string,
  name: string,
): Promise<OrgUnit | undefined> {
  return firstRow(
    db,
    orgUnits,
    and(
      eq(orgUnits.parentId, parentId),
      eq(orgUnits.kind, kind),
      eq(orgUnits.name, name),
      eq(orgUnits.status, 'active'),
    ),
  );
}

/** The filter for active units of `kind`, only those whose path starts with `underPath` when it is given. */
function activeOfKind(kind: string, underPath?: string) {
  return and(
    eq(orgUnits.kind, kind),
    eq(orgUnits.status, 'active'),
    underPath ? sql`${orgUnits.path} like ${`${escapeLike(underPath)}%`}` : undefined,
  );
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
    .where(and(activeOfKind(kind, underPath), scopeWhere(actor, permission, orgUnits.path)))
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

/** The active units of this kind whose path starts with `underPath` (any scope: the caller scoped it). */
export async function activeUnitsUnder(db: Db, kind: string, underPath: string): Promise<OrgUnit[]> {
  return db.select().from(orgUnits).where(activeOfKind(kind, underPath));
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

/** A SQL alias for `org_units` in a foreign query's join (letters, digits and underscores only). */
function unitAlias(alias: string): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`bad unit alias ${alias}`);
  return sql.raw(alias);
}

/**
 * Query builder: `[left] join org_units <alias> on <alias>.id = <unitIdExpr>` (with `kind` given, also
 * `and <alias>.kind = '<kind>'`), for a foreign query that reads a unit's `UnitField`s as `<alias>.<field>`
 * on many rows at once or tests its kind in the join (where `unitFieldSql`'s correlated subquery would repeat).
 */
export function unitJoinSql(
  alias: string,
  unitIdExpr: Column,
  opts: { left?: boolean; kind?: OrgKind } = {},
): SQL {
  const a = unitAlias(alias);
  const kind = opts.kind ? sql` and ${a}.kind = ${sql.raw(`'${kindLiteral(opts.kind)}'`)}` : sql``;
  return sql`${sql.raw(opts.left ? 'left join' : 'join')} org_units ${a} on ${a}.id = ${unitIdExpr}${kind}`;
}

/** A unit kind checked against ORG_KINDS, safe to inline as a literal (keeps the kind index usable). */
function kindLiteral(kind: OrgKind): string {
  if (!(ORG_KINDS as readonly string[]).includes(kind)) throw new Error(`unknown unit kind ${kind}`);
  return kind;
}

/**
 * Query builder: `join org_units <alias> on <alias>.kind = '<kind>' and <pathExpr> like <alias>.path || '%'`,
 * the units of `kind` whose subtree holds the foreign row's org path (e.g. a row's subdistrict), read as
 * `<alias>.id`, `<alias>.name`, `<alias>.path`.
 */
export function unitsOfKindOverJoinSql(alias: string, kind: OrgKind, pathExpr: Column): SQL {
  const a = unitAlias(alias);
  return sql`join org_units ${a} on ${a}.kind = ${sql.raw(`'${kindLiteral(kind)}'`)} and ${pathExpr} like ${a}.path || '%'`;
}

/**
 * Query builder: `exists` a unit inside `scope` (given the unit's path) whose path starts with the path in
 * `pathPrefixExpr`: the foreign row's unit lies above (or at) some unit in scope, e.g. a rule inherited
 * from above the actor's roots.
 */
export function someUnitUnderSql(pathPrefixExpr: Column, scope: (unitPath: SQL) => SQL): SQL {
  return sql`exists (select 1 from org_units u where ${scope(sql`u.path`)} and u.path like ${pathPrefixExpr} || '%')`;
}

/**
 * Raw SQL text (for a foreign module's prebuilt statements): `join org_units u on u.id = <unitIdExpr>
 * left join org_units m on m.id = u.merged_into_id` (rows whose unit is unknown drop out), with `id` and
 * `path` the surviving unit's: the unit itself, or the unit it was merged into. The aliases `u` and `m` are
 * taken in that query.
 */
export function survivingUnitJoin(unitIdExpr: string): { join: string; id: string; path: string } {
  return {
    join: `join org_units u on u.id = ${unitIdExpr} left join org_units m on m.id = u.merged_into_id`,
    id: 'coalesce(m.id, u.id)',
    path: 'coalesce(m.path, u.path)',
  };
}

/**
 * Query builder for a foreign bulk INSERT … SELECT that places rows by building + room (one statement):
 * `join` left-joins the building `b` (id in `buildingIdExpr`) and its active household `h` named by
 * `roomExpr` (one household per building + room, the oldest if a name repeats, joined by hash, not per row;
 * only households under the buildings `buildingIdsSql` lists are read); `id(fallback)` / `path(fallback)`
 * are the household's, else the building's, else the fallback. The aliases `b`, `h` and `u` are taken.
 */
export function buildingRoomPlaceSql(a: { buildingIdExpr: SQL; roomExpr: SQL; buildingIdsSql: SQL }): {
  join: SQL;
  id: (fallback: SQL) => SQL;
  path: (fallback: SQL) => SQL;
} {
  return {
    join: sql`left join org_units b on b.id = ${a.buildingIdExpr}
        left join (
          select distinct on (u.parent_id, u.name) u.id, u.path, u.parent_id, u.name from org_units u
          where u.kind = 'household' and u.status = 'active'
            and u.parent_id in (${a.buildingIdsSql})
          order by u.parent_id, u.name, u.created_at, u.id
        ) h on h.parent_id = b.id and h.name = ${a.roomExpr}`,
    id: (fallback) => sql`coalesce(h.id, b.id, ${fallback})`,
    path: (fallback) => sql`coalesce(h.path, b.path, ${fallback})`,
  };
}

/**
 * The paths of the units merged (directly or through other merged units) into a unit inside `scope`
 * (given the unit's path): the history a merged-into unit's readers also see (one recursive query).
 */
export async function mergedUnitPathsInto(db: Db, scope: (unitPath: SQL) => SQL): Promise<string[]> {
  const merged = rowsOf<{ path: string }>(
    await db.execute(sql`
      with recursive absorbed as (
        select id, path from org_units where status = 'merged'
          and merged_into_id in (select id from org_units where ${scope(sql`path`)})
        union
        select o.id, o.path from org_units o join absorbed a on o.merged_into_id = a.id where o.status = 'merged'
      ) select path from absorbed`),
  );
  return merged.map((m) => m.path);
}

/**
 * The org tree's version (`org_tree_version`, moved on every change to a unit that is not a household), 0
 * when it has none yet: a process caching the upper tree reads it before the units it caches.
 */
export async function orgTreeVersionNow(db: Db): Promise<number> {
  const [v] = await db
    .select({ version: orgTreeVersion.version })
    .from(orgTreeVersion)
    .where(eq(orgTreeVersion.id, 1));
  return Number(v?.version ?? 0);
}

/**
 * Query builder: the current path of the unit with this id while the tree's version is still `version`
 * (null otherwise, or for an unknown id), for a foreign module's insert that must not rest on a stale tree.
 */
export function unitPathAtTreeVersionSql(unitId: string, version: number): SQL<string | null> {
  return sql<
    string | null
  >`(select u.path from ${orgUnits} u join ${orgTreeVersion} v on v.id = 1 and v.version = ${version} where u.id = ${unitId})`;
}

/** The active grids that have a boundary: id, path and boundary (routing a point to its grid). */
export function activeGridBoundaries(db: Db): Promise<{ id: string; path: string; boundary: unknown }[]> {
  return db
    .select({ id: orgUnits.id, path: orgUnits.path, boundary: orgUnits.boundary })
    .from(orgUnits)
    .where(and(activeOfKind('grid'), isNotNull(orgUnits.boundary)));
}

/** Id, name and path of every active unit of this kind (any scope: e.g. routing by a community's name). */
export function activeUnitNamesOfKind(
  db: Db,
  kind: string,
): Promise<{ id: string; name: string; path: string }[]> {
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, path: orgUnits.path })
    .from(orgUnits)
    .where(activeOfKind(kind));
}

/** The tree's top unit: the first root by sort, then age; null for an empty tree. */
export async function topUnit(db: Db): Promise<OrgUnit | null> {
  const [u] = await db
    .select()
    .from(orgUnits)
    .where(isNull(orgUnits.parentId))
    .orderBy(asc(orgUnits.sort), asc(orgUnits.createdAt))
    .limit(1);
  return u ?? null;
}

/**
 * The units of this kind whose path starts with `underPath`, any status but merged ones only `withMerged`
 * (any scope: the caller scoped `underPath`), in no particular order.
 */
export function unitsOfKindUnder(
  db: Db,
  kind: string,
  underPath: string,
  { withMerged }: { withMerged: boolean },
): Promise<OrgUnit[]> {
  return db
    .select()
    .from(orgUnits)
    .where(
      and(
        sql`${orgUnits.path} like ${`${escapeLike(underPath)}%`}`,
        eq(orgUnits.kind, kind),
        withMerged ? undefined : ne(orgUnits.status, 'merged'),
      ),
    );
}

/** One unit in reach for `action`, or undefined (also for an id that is not a UUID). */
export async function findUnit(
  db: Db,
  actor: Actor,
  action: OrgAction,
  id: string,
): Promise<OrgUnit | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(db, orgUnits, and(eq(orgUnits.id, id), orgPolicy.scope(actor, action)));
}

/** The top units of the actor's scope for `action` (or the tree's roots for a platform-wide role). */
export async function scopeRootUnits(db: Db, actor: Actor, action: OrgAction): Promise<OrgUnit[]> {
  const roots = scopePaths(actor, orgPolicy.permissions[action]);
  if (roots.length === 0) return [];
  const where = roots.includes('/')
    ? sql`${orgUnits.parentId} is null`
    : inArray(
        orgUnits.id,
        roots.map((p) => p.split('/').filter(Boolean).at(-1)!),
      );
  return db.select().from(orgUnits).where(where).orderBy(asc(orgUnits.sort), asc(orgUnits.name));
}

/** The children of a unit the caller found in scope, by sort then name. */
export function childUnits(db: Db, parentId: string, includeInactive: boolean): Promise<OrgUnit[]> {
  return db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, parentId), includeInactive ? undefined : eq(orgUnits.status, 'active')))
    .orderBy(asc(orgUnits.sort), asc(orgUnits.name));
}

/** The children of a unit found in scope that have these ids (any status). */
export function childUnitsIn(db: Db, parentId: string, ids: string[]): Promise<OrgUnit[]> {
  return db
    .select()
    .from(orgUnits)
    .where(and(eq(orgUnits.parentId, parentId), inArray(orgUnits.id, ids)));
}

/** Parent id → number of active children, for these units. */
export function activeChildCounts(db: Db, parentIds: string[]): Promise<Map<string, number>> {
  return countsBy(db, orgUnits, orgUnits.parentId, parentIds, eq(orgUnits.status, 'active'));
}

/** Active units in reach for `action` whose name contains `q`, optionally of one kind; at most 50. */
export function searchUnitRows(db: Db, actor: Actor, action: OrgAction, q: string, kind?: string) {
  return db
    .select()
    .from(orgUnits)
    .where(
      and(
        orgPolicy.scope(actor, action),
        eq(orgUnits.status, 'active'),
        q ? like(orgUnits.name, `%${escapeLike(q)}%`) : undefined,
        kind ? eq(orgUnits.kind, kind) : undefined,
      ),
    )
    .orderBy(asc(orgUnits.depth), asc(orgUnits.name))
    .limit(50);
}

/** Id, name and kind of these units (the ancestors of one found in scope), in any order. */
export function unitHeads(db: Db, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select({ id: orgUnits.id, name: orgUnits.name, kind: orgUnits.kind })
    .from(orgUnits)
    .where(inArray(orgUnits.id, ids));
}

/** The people assigned to a unit (a grid's workers), declared by their module (`scopedTables.unitAssignments`). */
export async function unitAssignees(db: Db, unit: OrgUnit): Promise<{ id: string; name: string }[]> {
  const out: { id: string; name: string }[] = [];
  for (const a of scopedTableNames().unitAssignments) {
    if (a.unitKind !== unit.kind) continue;
    out.push(
      ...rowsOf<{ id: string; name: string }>(
        await db.execute(sql`
          select p.id, p.name from ${sql.identifier(a.table)} a
          join ${sql.identifier(a.personTable)} p on p.id = a.${sql.identifier(a.personColumn)}
          where a.${sql.identifier(a.unitColumn)} = ${unit.id}`),
      ),
    );
  }
  return out;
}

/** How many live people (the declared `scopedTables.population`) lie under this path. */
export async function populationUnder(db: Db, path: string): Promise<number> {
  const table = scopedTableNames().population;
  if (!table) return 0;
  const [{ n } = { n: 0 }] = rowsOf<{ n: number }>(
    await db.execute(
      sql`select count(*)::int as n from ${sql.identifier(table)} where org_path like ${`${escapeLike(path)}%`} and deleted_at is null`,
    ),
  );
  return n;
}

/** The id of the unit holding this division code, if any (codes are unique platform-wide). */
export async function unitIdByDivisionCode(db: Db, code: string): Promise<string | undefined> {
  const [taken] = await db.select({ id: orgUnits.id }).from(orgUnits).where(eq(orgUnits.divisionCode, code));
  return taken?.id;
}

/** Inserts a child of `parent` (found in scope) with id `id`; its path and depth follow the parent's. */
export async function insertChildUnit(
  db: Db,
  parent: OrgUnit,
  id: string,
  values: Omit<typeof orgUnits.$inferInsert, 'id' | 'parentId' | 'path' | 'depth'>,
): Promise<OrgUnit> {
  const [unit] = await db
    .insert(orgUnits)
    .values({ ...values, id, parentId: parent.id, path: `${parent.path}${id}/`, depth: parent.depth + 1 })
    .returning();
  return unit!;
}

/** Updates a unit found in scope; returns it as stored. */
export const updateUnitRow = rowUpdater(orgUnits);

/** Rewrites the paths of a subtree and of every scoped row in it, after a move or merge. */
export async function repath(tx: Db, oldPrefix: string, newPrefix: string, depthDelta: number) {
  const pattern = `${escapeLike(oldPrefix)}%`;
  await tx.execute(sql`
    update org_units set path = ${newPrefix} || substr(path, ${oldPrefix.length + 1}), depth = depth + ${depthDelta}
    where path like ${pattern}`);
  const { scoped, pathOnly, unitSettings } = scopedTableNames();
  for (const table of [...scoped, ...pathOnly, ...unitSettings]) {
    await tx.execute(sql`
      update ${sql.identifier(table)} set org_path = ${newPrefix} || substr(org_path, ${oldPrefix.length + 1})
      where org_path like ${pattern}`);
  }
  // Rows that keep their community (residents) keep the community they now belong to.
  await recomputeCommunities(tx, newPrefix);
}

/** Points `community_id` of the rows under `prefix` (declared `scopedTables.communityId`) at the community their path lies in. */
export async function recomputeCommunities(tx: Db, prefix: string) {
  for (const table of scopedTableNames().communityId) {
    await tx.execute(sql`
      update ${sql.identifier(table)} r set community_id = c.id
      from org_units c
      where c.kind = 'community' and r.org_path like ${`${escapeLike(prefix)}%`} and r.org_path like c.path || '%'
        and r.community_id <> c.id`);
  }
}

/**
 * After a merge: rows attached to the source itself (its own path exactly) and assignments to it (a
 * grid's workers, unless the person is already at the target) move to the target.
 */
export async function moveAttachedRows(tx: Db, source: OrgUnit, target: OrgUnit) {
  const { scoped, pathOnly } = scopedTableNames();
  for (const table of scoped) {
    await tx.execute(sql`
      update ${sql.identifier(table)} set org_unit_id = ${target.id}, org_path = ${target.path}
      where org_path = ${source.path}`);
  }
  for (const table of pathOnly) {
    await tx.execute(sql`
      update ${sql.identifier(table)} set org_path = ${target.path} where org_path = ${source.path}`);
  }
  await recomputeCommunities(tx, target.path);
  for (const a of scopedTableNames().unitAssignments) {
    const t = sql.identifier(a.table);
    const unit = sql.identifier(a.unitColumn);
    const person = sql.identifier(a.personColumn);
    await tx.execute(sql`
      update ${t} g set ${unit} = ${target.id} where ${unit} = ${source.id}
        and not exists (select 1 from ${t} x where x.${unit} = ${target.id} and x.${person} = g.${person})`);
    await tx.execute(sql`delete from ${t} where ${unit} = ${source.id}`);
  }
}
