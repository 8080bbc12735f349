import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Permission, type Role, roleHas } from '../../shared/permissions';
import { AppError } from './errors';

export interface Assignment {
  role: Role;
  /** null = the whole platform (platform_admin only). */
  orgUnitId: string | null;
  /** '/' for the whole platform, else the unit's path. */
  orgPath: string;
  orgUnitName: string | null;
}

/** The authenticated user as use cases see them. */
export interface Actor {
  userId: string;
  username: string;
  displayName: string;
  locale: string;
  assignments: Assignment[];
}

export function can(actor: Actor | undefined, permission: Permission): boolean {
  return !!actor?.assignments.some((a) => roleHas(a.role, permission));
}

export function requirePermission(actor: Actor | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('common.unauthenticated', 401);
  if (!can(actor, permission)) throw new AppError('common.forbidden', 403, {}, { permission });
}

/** The subtree roots where the actor holds `permission`, without roots nested in others. */
export function scopePaths(actor: Actor, permission: Permission): string[] {
  const paths = [
    ...new Set(actor.assignments.filter((a) => roleHas(a.role, permission)).map((a) => a.orgPath)),
  ].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

export function inScope(actor: Actor, permission: Permission, path: string): boolean {
  return scopePaths(actor, permission).some((root) => path.startsWith(root));
}

/**
 * The `where` fragment that keeps rows in the actor's scope (DESIGN convention 5): rows outside
 * answer 404, never 403.
 */
export function scopeWhere(actor: Actor, permission: Permission, pathColumn: AnyPgColumn | SQL): SQL {
  const roots = scopePaths(actor, permission);
  if (roots.length === 0) return sql`false`;
  if (roots.includes('/')) return sql`true`;
  const parts = roots.map((root) => sql`${pathColumn} like ${`${escapeLike(root)}%`}`);
  return parts.length === 1 ? parts[0]! : sql`(${sql.join(parts, sql` or `)})`;
}

/** `column like '<path>%'`: the rows of a unit and of the units below it (a materialised-path subtree). */
export function underPath(column: AnyPgColumn, path: string): SQL {
  return sql`${column} like ${`${escapeLike(path)}%`}`;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
