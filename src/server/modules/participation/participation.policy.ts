import { type SQL, or, sql } from 'drizzle-orm';
import { type Actor, scopePaths } from '../../platform/permissions';
import { type Policy, definePolicy } from '../../platform/policy';
import { ptDisclosureSchedules, ptDisclosures, ptMeetings, ptProcedures } from './participation.table';

/**
 * Who may do what in the participation module (DESIGN convention 4): records are scoped by the unit
 * holding them (a community's meetings are read in its subtree and above it); managing needs
 * participation.manage over that unit. Out of scope is 404.
 */
export type MeetingAction = 'read' | 'manage';
type Scoped = { orgPath: string };

export const meetingsPolicy: Policy<MeetingAction, Scoped> = definePolicy({
  permissions: { read: 'participation.read', manage: 'participation.manage' },
  pathColumn: ptMeetings.orgPath,
  pathOf: (r: Scoped) => r.orgPath,
});

export const proceduresPolicy: Policy<MeetingAction, Scoped> = definePolicy({
  permissions: { read: 'participation.read', manage: 'participation.manage' },
  pathColumn: ptProcedures.orgPath,
  pathOf: (r: Scoped) => r.orgPath,
});

export const disclosuresPolicy: Policy<MeetingAction, Scoped> = definePolicy({
  permissions: { read: 'participation.read', manage: 'participation.manage' },
  pathColumn: ptDisclosures.orgPath,
  pathOf: (r: Scoped) => r.orgPath,
});

export const schedulesPolicy: Policy<MeetingAction, Scoped> = definePolicy({
  permissions: { read: 'participation.read', manage: 'participation.manage' },
  pathColumn: ptDisclosureSchedules.orgPath,
  pathOf: (r: Scoped) => r.orgPath,
});

/**
 * The board a resident reads (participation.board): postings of the units their home lies in — the
 * household's community and the subdistrict above — never other communities'.
 */
export function boardScope(actor: Actor): SQL {
  const roots = scopePaths(actor, 'participation.board');
  if (roots.length === 0) return sql`false`;
  if (roots.includes('/')) return sql`true`;
  return or(...roots.map((root) => sql`${root} like (${ptDisclosures.orgPath} || '%')`))!;
}

export function onBoard(actor: Actor, d: Scoped): boolean {
  return scopePaths(actor, 'participation.board').some((root) => root === '/' || root.startsWith(d.orgPath));
}
