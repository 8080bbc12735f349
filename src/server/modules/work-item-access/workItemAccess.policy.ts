import { type SQL, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Permission } from '../../../shared/permissions';
import { type Policy, definePolicy } from '../../platform/policy';
import { type Actor, inScope, scopePaths, scopeWhere } from '../../platform/permissions';
import { wiaApplications } from './workItemAccess.table';

/**
 * Who may do what in work-item access (R-AC-1). Applications and the published lists live at the city or
 * district that decides; applying and deciding need it in the actor's subtree. The published lists are
 * read by the communities below too (a record above the actor's unit is in reach for reading), and a
 * community's refusals are read by the levels above it.
 */
export type WiaPolicyAction = 'read' | 'apply' | 'decide' | 'refuse';
type Rec = { orgPath: string };

export const wiaPolicy: Policy<WiaPolicyAction, Rec> = definePolicy({
  permissions: {
    read: 'work_item_access.read',
    apply: 'work_item_access.apply',
    decide: 'work_item_access.decide',
    refuse: 'work_item_access.refuse',
  },
  pathColumn: wiaApplications.orgPath,
  pathOf: (r: Rec) => r.orgPath,
});

/** Rows in the actor's subtree for `permission`, or above a unit where they hold it. */
export function reachScope(actor: Actor, permission: Permission, column: AnyPgColumn): SQL {
  const roots = scopePaths(actor, permission);
  if (roots.length === 0) return sql`false`;
  if (roots.includes('/')) return sql`true`;
  const above = roots.map((root) => sql`${root} like (${column} || '%')`);
  return or(scopeWhere(actor, permission, column), ...above)!;
}

export function reaches(actor: Actor | undefined, permission: Permission, path: string): boolean {
  if (!actor) return false;
  if (inScope(actor, permission, path)) return true;
  return scopePaths(actor, permission).some((root) => root.startsWith(path));
}
