import { type SQL, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Actor, scopePaths } from '../../platform/permissions';
import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import {
  ptConventions,
  ptDisclosureSchedules,
  ptDisclosures,
  ptMeetings,
  ptProcedures,
  ptRooms,
  ptTopics,
} from './participation.table';

/**
 * Who may do what in the participation module (DESIGN convention 4): records are scoped by the unit
 * holding them (a community's meetings are read in its subtree and above it); managing needs
 * participation.manage over that unit. Out of scope is 404.
 */
export type MeetingAction = 'read' | 'manage';
type Scoped = { orgPath: string };

/** Read (participation.read) and manage (participation.manage) over records scoped by `pathColumn`. */
function unitPolicy(pathColumn: AnyPgColumn): Policy<MeetingAction, Scoped> {
  return definePolicy({
    permissions: { read: 'participation.read', manage: 'participation.manage' },
    pathColumn,
    pathOf: (r: Scoped) => r.orgPath,
  });
}

export const meetingsPolicy: Policy<MeetingAction, Scoped> = unitPolicy(ptMeetings.orgPath);

export const proceduresPolicy: Policy<MeetingAction, Scoped> = unitPolicy(ptProcedures.orgPath);

export const disclosuresPolicy: Policy<MeetingAction, Scoped> = unitPolicy(ptDisclosures.orgPath);

export const schedulesPolicy: Policy<MeetingAction, Scoped> = unitPolicy(ptDisclosureSchedules.orgPath);

/**
 * The board a resident reads (participation.board): postings of the units their home lies in — the
 * household's community and the subdistrict above — never other communities'.
 */
export function boardScope(actor: Actor): SQL {
  return homeScope(homeRoots(actor), ptDisclosures.orgPath);
}

export function onBoard(actor: Actor, d: Scoped): boolean {
  return scopePaths(actor, 'participation.board').some((root) => root === '/' || root.startsWith(d.orgPath));
}

/** Deliberation topics (R-DL-1…3): read and run by the holding unit's staff; grid workers propose. */
export type TopicAction = 'read' | 'manage' | 'propose';
export const topicsPolicy: Policy<TopicAction, Scoped> = definePolicy({
  permissions: {
    read: 'participation.read',
    manage: 'participation.manage',
    propose: 'participation.propose',
  },
  ...onOrgPath(ptTopics.orgPath),
});

export const roomsPolicy: Policy<MeetingAction, Scoped> = unitPolicy(ptRooms.orgPath);

export const conventionsPolicy: Policy<MeetingAction, Scoped> = unitPolicy(ptConventions.orgPath);

/**
 * What a resident reads on the phone (participation.board): records held by the units their home lies
 * in (their building, compound, grid, community and above), never a neighbouring unit's. `homes` are the
 * resident's home paths (`homePaths` in topics.usecases.ts).
 */
export function homeScope(homes: readonly string[], column: AnyPgColumn): SQL {
  if (homes.length === 0) return sql`false`;
  if (homes.includes('/')) return sql`true`;
  return or(...homes.map((root) => sql`${root} like (${column} || '%')`))!;
}

/** The paths a resident's board reaches (where their resident role is held). */
export const homeRoots = (actor: Actor) => scopePaths(actor, 'participation.board');
