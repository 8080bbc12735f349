import { type AnyColumn, type SQL, and, asc, eq, ilike, inArray, isNotNull, or, sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/permissions';
import { namesById } from '../../platform/namesById';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { findRowInScope } from '../../platform/findInScope';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, escapeLike, scopeWhere } from '../../platform/permissions';
import { unitJoinSql, unitNameSql, unitPathSql } from '../org/org.api';
import { type AccountAction, accountsPolicy } from './accounts.policy';
import { userRoles, userTwoFactor, users } from './accounts.table';

/**
 * The queries of `users` and `user_roles` for the accounts use cases and for other modules (accounts.api.ts
 * re-exports those). Reads of other users take the actor and the action and keep to the users who hold a
 * role in reach (`accountsPolicy.scope` on the role's unit path): anyone else is not found (404). The
 * sign-in and two-factor steps (accounts.twoFactor.ts) read a user by username or by their own session.
 */
export type UserRow = typeof users.$inferSelect;

/** Users who hold at least one role in reach for `action` (a role without a unit lies at '/'). */
function usersInScope(actor: Actor, action: AccountAction): SQL {
  return sql`${users.id} in (select ur.user_id from user_roles ur ${unitJoinSql('o', sql`ur.org_unit_id`, { left: true })}
    where ${accountsPolicy.scope(actor, action)})`;
}

/** One user in reach for `action`, or undefined (also for an id that is not a UUID). */
export function findUserRow(db: Db, actor: Actor, action: AccountAction, id: string) {
  return findRowInScope(db, users, id, usersInScope(actor, action));
}

/** One page of the users in reach for `action` whose username or display name contains `q`. */
export function listUserRows(
  db: Db,
  actor: Actor,
  action: AccountAction,
  q: { q?: string; page: number; pageSize: number },
): Promise<Page<UserRow>> {
  return listPage(db, {
    table: users,
    where: and(
      usersInScope(actor, action),
      q.q
        ? or(ilike(users.username, `%${escapeLike(q.q)}%`), ilike(users.displayName, `%${escapeLike(q.q)}%`))
        : undefined,
    ),
    orderBy: [asc(users.username), asc(users.id)],
    page: q,
  });
}

/** The user with this username (any state), for sign-in. */
export async function userRowByUsername(db: Db, username: string): Promise<UserRow | undefined> {
  return firstRow(db, users, eq(users.username, username));
}

/** The signed-in user's own row. */
export async function ownUserRow(db: Db, actor: Actor): Promise<UserRow | undefined> {
  return firstRow(db, users, eq(users.id, actor.userId));
}

/** Whether the username is taken (usernames are unique platform-wide). */
export async function usernameExists(db: Db, username: string): Promise<boolean> {
  const [taken] = await db.select({ id: users.id }).from(users).where(eq(users.username, username));
  return !!taken;
}

/** The roles of these users (found in scope) with their unit's name and path. */
export function rolesOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: userRoles.id,
      userId: userRoles.userId,
      role: userRoles.role,
      orgUnitId: userRoles.orgUnitId,
      name: unitNameSql(userRoles.orgUnitId),
      path: unitPathSql(userRoles.orgUnitId),
    })
    .from(userRoles)
    .where(inArray(userRoles.userId, userIds));
}

/** Which of these users have a second factor set up. */
export async function usersWithTwoFactor(db: Db, userIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const factors = await db
    .select({ userId: userTwoFactor.userId })
    .from(userTwoFactor)
    .where(and(inArray(userTwoFactor.userId, userIds), isNotNull(userTwoFactor.enabledAt)));
  return new Set(factors.map((f) => f.userId));
}

export async function insertUser(db: Db, values: typeof users.$inferInsert): Promise<void> {
  await db.insert(users).values(values);
}

export async function insertRoles(db: Db, values: (typeof userRoles.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(userRoles).values(values);
}

export async function deleteRoles(db: Db, ids: string[]): Promise<void> {
  if (ids.length) await db.delete(userRoles).where(inArray(userRoles.id, ids));
}

/** Updates a user found in scope (or the signed-in user's own row). */
export async function updateUserRow(db: Db, id: string, set: Partial<typeof users.$inferInsert>) {
  await db.update(users).set(set).where(eq(users.id, id));
}

// ---- for other modules (accounts.api.ts) ----

/** User id → display name for these ids (unknown ids are left out). */
export function userDisplayNames(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  return namesById(db, users, users.displayName, ids);
}

/** The login with this username, if any (never its password hash or security state). */
export async function userByUsername(
  db: Db,
  username: string,
): Promise<{ id: string; username: string; displayName: string; active: boolean } | undefined> {
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

/** Does the user hold some role at a unit inside the actor's scope for `permission` (another module's)? */
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

/**
 * The registry record linked to a login, as SQL (null when none): another module keeps a resident's own rows
 * visible to them by it, e.g. records made on their behalf (帮办代办, principal_resident_id).
 */
export function linkedResidentIdSql(userId: string): SQL<string | null> {
  return sql<string | null>`(select u.resident_id from users u where u.id = ${userId})`;
}

/**
 * Who a resident login is, for another module's one-per-resident rule (surveys): its linked registry
 * record and its phone's blind index (never the phone itself).
 */
export async function residentLinkOf(
  db: Db,
  userId: string,
): Promise<{ residentId: string | null; phoneHash: string | null } | undefined> {
  const [user] = await db
    .select({ residentId: users.residentId, phoneHash: users.phoneHash })
    .from(users)
    .where(eq(users.id, userId));
  return user;
}

/** The registry resident a login is linked to (SMS login links it by phone), or null. */
/** The login linked to a registry record (users.resident_id), if any. */
export async function userIdOfResident(db: Db, residentId: string): Promise<string | null> {
  const [u] = await db.select({ id: users.id }).from(users).where(eq(users.residentId, residentId)).limit(1);
  return u?.id ?? null;
}

export async function residentIdOfUser(db: Db, userId: string): Promise<string | null> {
  const [u] = await db.select({ residentId: users.residentId }).from(users).where(eq(users.id, userId));
  return u?.residentId ?? null;
}
