import { and, eq, inArray } from 'drizzle-orm';
import { type Permission, ROLE_PERMISSIONS, type Role } from '../../../shared/permissions';
import type { Db } from '../../platform/db';
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
