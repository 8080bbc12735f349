import { type SQL, and, asc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AnyPgColumn, PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Permission } from '../../../shared/permissions';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { namesById } from '../../platform/namesById';
import { isUuid } from '../../platform/ids';
import { type Page, type PageQuery, listPage } from '../../platform/listing';
import { type Actor, escapeLike, scopePaths, scopeWhere, underPath } from '../../platform/permissions';
import { insertRow, updateRow } from '../../platform/rows';
import { unitFieldSql, unitNameSql, unitPathSql } from '../org/org.api';
import { type PeopleAction, peoplePolicy } from './people.policy';
import { partyMembers, partyOrgLevels, residentUnits, socialOrgs, workers } from './people.table';

/**
 * The reads of the people registry's tables that decide what is in reach: each takes the actor and the
 * action and ANDs `peoplePolicy.scope` on the table's `org_path` into its `where`, so a row out of reach
 * is not found (404) and lists hold only rows in reach. The sub-areas' use cases (party, members,
 * workers, units) go through these for every lookup by id and every list.
 */

/** A people-registry table: rows have an id and the org path that scopes them. */
export type ScopedTable = PgTable & { id: AnyPgColumn; orgPath: AnyPgColumn };

/** One row by id that `scope` keeps, or undefined (also for an id that is not a UUID). */
async function rowInScope<T extends ScopedTable>(
  db: Db,
  table: T,
  id: string,
  scope: SQL,
): Promise<T['$inferSelect'] | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select()
    .from(table as PgTable)
    .where(and(eq(table.id, id), scope));
  return row as T['$inferSelect'] | undefined;
}

/** One row by id in reach for `action`, or undefined (also for an id that is not a UUID). */
export function findScopedRow<T extends ScopedTable>(
  db: Db,
  actor: Actor,
  action: PeopleAction,
  table: T,
  id: string,
): Promise<T['$inferSelect'] | undefined> {
  return rowInScope(db, table, id, peoplePolicy.scope(actor, action, table.orgPath));
}

/** One page of `table`'s rows in reach for `action` that match `filter`, in `orderBy` order. */
export function listScopedRows<T extends ScopedTable>(
  db: Db,
  actor: Actor,
  action: PeopleAction,
  opts: { table: T; filter: SQL | undefined; orderBy: (PgColumn | SQL)[]; page: PageQuery },
): Promise<Page<T['$inferSelect']>> {
  return listPage(db, {
    table: opts.table,
    where: and(peoplePolicy.scope(actor, action, opts.table.orgPath), opts.filter),
    orderBy: opts.orderBy,
    page: opts.page,
  });
}

/** Case-insensitive substring match on a name column (a list filter). */
export function nameLike(column: AnyPgColumn, q: string | undefined): SQL | undefined {
  return q ? sql`${column} ilike ${`%${escapeLike(q)}%`}` : undefined;
}

/**
 * One registry table's data access (people.common.ts `registryRecords` runs its use cases on it): the
 * scoped look-up and list above, in the table's list order, and its one-row writes.
 */
export interface RegistryRows<R, I> {
  /** One row by id in reach for `action`, or undefined (also for an id that is not a UUID). */
  find(db: Db, actor: Actor, action: PeopleAction, id: string): Promise<R | undefined>;
  /** One page of the rows in reach for `action`, under `unitPath` when given, that match every filter. */
  list(
    db: Db,
    actor: Actor,
    action: PeopleAction,
    opts: { unitPath: string | undefined; filters: (SQL | undefined)[]; page: PageQuery },
  ): Promise<Page<R>>;
  /** Inserts one row and returns it as stored. */
  insert(db: Db, values: I): Promise<R>;
  /** Updates the row with this id (found in reach) and returns it. */
  update(db: Db, id: string, set: Partial<I>): Promise<R>;
}

/** `RegistryRows` of `table`, listed in `orderBy` order. */
export function registryRows<T extends ScopedTable>(
  table: T,
  orderBy: (PgColumn | SQL)[],
): RegistryRows<T['$inferSelect'], T['$inferInsert']> {
  return {
    find: (db, actor, action, id) => findScopedRow(db, actor, action, table, id),
    list: (db, actor, action, opts) =>
      listScopedRows(db, actor, action, {
        table,
        filter: and(opts.unitPath ? underPath(table.orgPath, opts.unitPath) : undefined, ...opts.filters),
        orderBy,
        page: opts.page,
      }),
    insert: (db, values) => insertRow(db, table, values),
    update: (db, id, set) => updateRow(db, table as T & { id: AnyPgColumn }, id, set),
  };
}

/**
 * The party-level schemes in reach for `action` (R-ORG-2): those of units in the actor's subtree, and
 * those inherited from the units above it (a community worker sees the subdistrict's scheme).
 */
export function schemeLevelRows(db: Db, actor: Actor, action: PeopleAction) {
  const aboveIds = scopePaths(actor, peoplePolicy.permissions[action]).flatMap((p) =>
    p.split('/').filter(Boolean),
  );
  const unitPath = unitPathSql(partyOrgLevels.orgUnitId);
  return db
    .select({
      level: partyOrgLevels,
      unitName: unitNameSql(partyOrgLevels.orgUnitId),
      unitKind: unitFieldSql<string>(partyOrgLevels.orgUnitId, 'kind'),
    })
    .from(partyOrgLevels)
    .where(
      and(
        sql`${unitPath} is not null`,
        or(
          peoplePolicy.scope(actor, action, unitPath),
          aboveIds.length ? inArray(partyOrgLevels.orgUnitId, aboveIds) : undefined,
        ),
      ),
    )
    .orderBy(asc(unitFieldSql(partyOrgLevels.orgUnitId, 'depth')), asc(unitPath), asc(partyOrgLevels.rank));
}

/**
 * One party level the actor may filter by: its scheme is defined in their scope or inherited from above it
 * (as `schemeLevelRows` lists them); undefined otherwise.
 */
export async function visibleLevelRow(db: Db, actor: Actor, action: PeopleAction, id: string) {
  if (!isUuid(id)) return undefined;
  const rows = await schemeLevelRows(db, actor, action);
  return rows.find((r) => r.level.id === id)?.level;
}

/** One party level whose unit is in reach for `action`, or undefined. */
export async function findLevelRow(db: Db, actor: Actor, action: PeopleAction, id: string) {
  if (!isUuid(id)) return undefined;
  return firstRow(
    db,
    partyOrgLevels,
    and(eq(partyOrgLevels.id, id), peoplePolicy.scope(actor, action, unitPathSql(partyOrgLevels.orgUnitId))),
  );
}

export type PartyMemberRow = typeof partyMembers.$inferSelect;

/**
 * A party member inside the actor's scope for `permission` (another module's, e.g. volunteers), else
 * undefined (callers answer alike).
 */
export const partyMemberInScope = (db: Db, actor: Actor, permission: Permission, id: string) =>
  rowInScope(db, partyMembers, id, scopeWhere(actor, permission, partyMembers.orgPath));

export type WorkerRow = typeof workers.$inferSelect;

/**
 * A worker (community or grid worker) inside the actor's scope for `permission` (another module's, e.g.
 * self-governance naming a committee member), else undefined (callers answer alike).
 */
export const workerInScope = (db: Db, actor: Actor, permission: Permission, id: string) =>
  rowInScope(db, workers, id, scopeWhere(actor, permission, workers.orgPath));

// ---------------------------------------------------------------- for other modules (through people.api.ts)

/** The registries other modules' records link to by id (a service resource's owner, a project's provider). */
export type LinkedRegistry = 'party_member' | 'resident_unit' | 'social_org';
const LINKED = { party_member: partyMembers, resident_unit: residentUnits, social_org: socialOrgs } as const;

/** The names by id of these records of the registry, in any scope (ids that are none are left out). */
export function registryNames(
  db: Db,
  kind: LinkedRegistry,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const t = LINKED[kind];
  return namesById(db, t, t.name, ids);
}

/** A record of the registry by id in any scope, its name and org path (the caller checks where it lies). */
export async function registryPlace(
  db: Db,
  kind: LinkedRegistry,
  id: string,
): Promise<{ name: string; path: string } | undefined> {
  const t = LINKED[kind];
  const [row] = await db.select({ name: t.name, path: t.orgPath }).from(t).where(eq(t.id, id));
  return row;
}

/** A party member by id in any scope (the caller decides who may see what of it), or undefined. */
export async function partyMemberById(db: Db, id: string): Promise<PartyMemberRow | undefined> {
  const [row] = await db.select().from(partyMembers).where(eq(partyMembers.id, id));
  return row;
}

/** The social organisations under `path` (e.g. a community's, for service-order candidates), at most `limit`. */
export function socialOrgsUnder(db: Db, path: string, limit: number) {
  return db.select().from(socialOrgs).where(underPath(socialOrgs.orgPath, path)).limit(limit);
}
