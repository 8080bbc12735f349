import { and, eq, inArray, sql } from 'drizzle-orm';
import { type Permission, ROLE_PERMISSIONS, type Role } from '../../../shared/permissions';
import type { Db } from '../../platform/db';
import { escapeLike } from '../../platform/permissions';
import { unitPathSql } from '../org/org.api';
import { userRoles, users } from './accounts.table';

/** Someone to tell: an active login and the language they read. */
export interface Recipient {
  userId: string;
  locale: 'zh-CN' | 'en';
}

const rolesWith = (permission: Permission) =>
  (Object.keys(ROLE_PERMISSIONS) as Role[]).filter((r) => ROLE_PERMISSIONS[r].includes(permission));

/**
 * The active users who hold, at exactly this org unit, a role granting `permission`: the people a notification
 * about the unit's work goes to (e.g. the handling community's staff when a work order is assigned to it).
 */
export async function usersHoldingAt(
  db: Db,
  permission: Permission,
  orgUnitId: string,
): Promise<Recipient[]> {
  const roles = rolesWith(permission);
  if (roles.length === 0) return [];
  const rows = await db
    .selectDistinct({ userId: users.id, locale: users.locale })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(and(eq(userRoles.orgUnitId, orgUnitId), inArray(userRoles.role, roles), eq(users.active, true)));
  return rows.map((r) => ({ userId: r.userId, locale: r.locale === 'en' ? 'en' : 'zh-CN' }));
}

/** These users, when active, with their language (a notification to a named person: the requester). */
export async function activeRecipients(db: Db, userIds: readonly string[]): Promise<Recipient[]> {
  if (userIds.length === 0) return [];
  const rows = await db
    .select({ userId: users.id, locale: users.locale })
    .from(users)
    .where(and(inArray(users.id, [...userIds]), eq(users.active, true)));
  return rows.map((r) => ({ userId: r.userId, locale: r.locale === 'en' ? 'en' : 'zh-CN' }));
}

/**
 * The active users holding a role that grants `permission` at a unit on the line of `path` — at it, above
 * it (their scope covers it) or under it — with the path of that unit: candidates another module picks from
 * (e.g. the reviewers a bureau assigns to applications, projects). Sorted by display name.
 */
export async function usersWithPermissionAround(
  db: Db,
  permission: Permission,
  path: string,
): Promise<{ userId: string; displayName: string; unitPath: string }[]> {
  const roles = rolesWith(permission);
  if (roles.length === 0) return [];
  const unitPath = unitPathSql(userRoles.orgUnitId);
  const rows = await db
    .selectDistinct({ userId: users.id, displayName: users.displayName, unitPath })
    .from(userRoles)
    .innerJoin(users, eq(users.id, userRoles.userId))
    .where(
      and(
        inArray(userRoles.role, roles),
        eq(users.active, true),
        sql`${unitPath} is not null`,
        sql`(${path} like (${unitPath} || '%') or ${unitPath} like ${`${escapeLike(path)}%`})`,
      ),
    )
    .orderBy(users.displayName);
  return rows.map((r) => ({ userId: r.userId, displayName: r.displayName, unitPath: r.unitPath! }));
}
