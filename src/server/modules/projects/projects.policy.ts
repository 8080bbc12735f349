import { type SQL, and, ne, or, sql } from 'drizzle-orm';
import { type Policy, definePolicy } from '../../platform/policy';
import { type Actor, inScope, scopePaths, scopeWhere } from '../../platform/permissions';
import { pjApplications, pjCalls } from './projects.table';

/**
 * Who may do what in the projects module (DESIGN convention 4).
 *
 * Applications are scoped by the applying community's path: the community's staff apply, the subdistrict
 * (town) above it reviews, seals and submits, the bureau above both selects; reviewers score what lies in
 * their subtree. A record out of reach is not found (404).
 *
 * Calls live at the issuing bureau's unit but concern the units below it: a call is in reach for reading
 * when it lies in the actor's subtree or the actor's unit lies under it (a community reads its city's call);
 * drafts only for those who may manage it.
 */
export type ApplicationAction = 'read' | 'apply' | 'review' | 'manage' | 'score' | 'export';
type ApplicationRecord = { orgPath: string };

export const applicationsPolicy: Policy<ApplicationAction, ApplicationRecord> = definePolicy({
  permissions: {
    read: 'projects.read',
    apply: 'projects.apply',
    review: 'projects.review',
    manage: 'projects.manage',
    score: 'projects.score',
    export: 'projects.export',
  },
  pathColumn: pjApplications.orgPath,
  pathOf: (r: ApplicationRecord) => r.orgPath,
});

export type CallAction = 'read' | 'manage';
type CallRecord = { orgPath: string; status: string };

export const callsPolicy: Policy<CallAction, CallRecord> = definePolicy({
  permissions: { read: 'projects.read', manage: 'projects.manage' },
  pathColumn: pjCalls.orgPath,
  pathOf: (r: CallRecord) => r.orgPath,
});

/** Calls the actor may read: issued in their subtree, or above their unit and no longer a draft. */
export function callReadScope(actor: Actor): SQL {
  const roots = scopePaths(actor, 'projects.read');
  if (roots.length === 0) return sql`false`;
  if (roots.includes('/')) return sql`true`;
  const above = roots.map((root) => sql`${root} like (${pjCalls.orgPath} || '%')`);
  return or(
    scopeWhere(actor, 'projects.read', pjCalls.orgPath),
    and(ne(pjCalls.status, 'draft'), or(...above)),
  )!;
}

/** Whether the actor may read this call (the same rule as `callReadScope`, on a loaded row). */
export function canReadCall(actor: Actor, call: CallRecord): boolean {
  if (inScope(actor, 'projects.read', call.orgPath)) return true;
  if (call.status === 'draft') return false;
  return scopePaths(actor, 'projects.read').some((root) => root.startsWith(call.orgPath));
}
