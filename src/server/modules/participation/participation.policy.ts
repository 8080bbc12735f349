import { type Policy, definePolicy } from '../../platform/policy';
import { ptMeetings } from './participation.table';

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
