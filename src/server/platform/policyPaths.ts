import { type SQL, and, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Permission } from '../../shared/permissions';
import { type Actor, scopePaths, scopeWhere } from './permissions';

/**
 * A policy's paths (definePolicy) in the usual case: a row's unit path stored in `pathColumn`, a record's as
 * its `orgPath`. `definePolicy({ permissions: {…}, ...onOrgPath(fooItems.orgPath) })`.
 */
export function onOrgPath(pathColumn: AnyPgColumn) {
  return { pathColumn, pathOf: (r: { orgPath: string }) => r.orgPath };
}

/**
 * What the actor may read of the records a unit issues to the units below it (a call, an assessment round):
 * those issued in their subtree for `permission`, or issued above their unit once `issued` holds (no longer a
 * draft).
 */
export function issuedReadScope(
  actor: Actor,
  permission: Permission,
  pathColumn: AnyPgColumn,
  issued: SQL,
): SQL {
  const roots = scopePaths(actor, permission);
  if (roots.length === 0) return sql`false`;
  if (roots.includes('/')) return sql`true`;
  const above = roots.map((root) => sql`${root} like (${pathColumn} || '%')`);
  return or(scopeWhere(actor, permission, pathColumn), and(issued, or(...above)))!;
}
