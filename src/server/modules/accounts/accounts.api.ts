/**
 * What other modules may use of the accounts (DESIGN boundaries): functions and types, never the tables.
 * `userFieldSql` is a named query builder for a foreign query that lists users beside its own rows.
 */
import { type AnyColumn, type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/permissions';
import type { Db } from '../../platform/db';
import { type Actor, scopeWhere } from '../../platform/permissions';
import { unitPathSql } from '../org/org.api';
import { userRoles, users } from './accounts.table';

/** A login as other modules see it (never its password hash or security state). */
export interface UserRef {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
}

/** User id → display name for these ids (unknown ids are left out). */
export async function userDisplayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  const uniq = [...new Set(ids)];
  if (uniq.length === 0) return new Map();
  const rows = await db
    .select({ id: users.id, name: users.displayName })
    .from(users)
    .where(inArray(users.id, uniq));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The login with this username, if any. */
export async function userByUsername(db: Db, username: string): Promise<UserRef | undefined> {
  const [u] = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, active: users.active })
    .from(users)
    .where(eq(users.username, username));
  return u;
}

/** The unit paths where the user holds one of these roles (roles without a unit are left out). */
export async function roleUnitPaths(db: Db, userId: string, roles: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ path: unitPathSql(userRoles.orgUnitId) })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), inArray(userRoles.role, [...roles])));
  return rows.map((r) => r.path).filter((p): p is string => p !== null);
}

/** Does the user hold some role at a unit inside the actor's scope for `permission`? */
export async function userHasRoleInScope(
  db: Db,
  actor: Actor,
  permission: Permission,
  userId: string,
): Promise<boolean> {
  const path = unitPathSql(userRoles.orgUnitId);
  const [hit] = await db
    .select({ id: userRoles.id })
    .from(userRoles)
    .where(and(eq(userRoles.userId, userId), sql`${path} is not null`, scopeWhere(actor, permission, path)))
    .limit(1);
  return !!hit;
}

/**
 * Query builder: the username or display name of the user whose id is in `userIdColumn` (null when there
 * is none), for a foreign module's select list or order by — the value a left join on the id would give.
 */
export function userFieldSql(
  userIdColumn: AnyColumn | SQL,
  field: 'username' | 'displayName',
): SQL<string | null> {
  const column = field === 'username' ? sql`u.username` : sql`u.display_name`;
  return sql<string | null>`(select ${column} from users u where u.id = ${userIdColumn})`;
}
