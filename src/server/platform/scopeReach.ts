import { type SQL, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Permission } from '../../shared/permissions';
import { type Actor, inScope, scopePaths, scopeWhere } from './permissions';

/**
 * Reach for records that concern the units below the unit keeping them (key tasks, published lists,
 * report templates, a certificate catalogue): a row is in reach when its path lies in the actor's
 * subtree for the permission, or the actor's unit lies under it.
 */

/** Rows whose path lies in the actor's subtree for `permission`, or above a unit where they hold it. */
export function reachScope(actor: Actor, permission: Permission, column: AnyPgColumn | SQL): SQL {
  const roots = scopePaths(actor, permission);
  if (roots.length === 0) return sql`false`;
  if (roots.includes('/')) return sql`true`;
  const above = roots.map((root) => sql`${root} like (${column} || '%')`);
  return or(scopeWhere(actor, permission, column), ...above)!;
}

/** `reachScope` on a loaded path (false without an actor). */
export function reaches(actor: Actor | undefined, permission: Permission, path: string): boolean {
  if (!actor) return false;
  if (inScope(actor, permission, path)) return true;
  return scopePaths(actor, permission).some((root) => root.startsWith(path));
}
