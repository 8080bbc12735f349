import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { fcFacilities } from './facilities.table';

/**
 * Who may do what with facilities (DESIGN conventions 4 and 5). A facility is in reach when the unit it
 * belongs to lies in the subtree where the actor holds the action's permission; elsewhere it is 404.
 */
export type FacilityAction = 'read' | 'manage';
export type FacilityRecord = { orgPath: string };

export const facilitiesPolicy: Policy<FacilityAction, FacilityRecord> = definePolicy({
  permissions: { read: 'facilities.read', manage: 'facilities.manage' },
  ...onOrgPath(fcFacilities.orgPath),
});

/** The platform-wide list of kinds: read wherever facilities are read, changed by civil affairs. */
export const kindsPolicy: Policy<'read' | 'configure', unknown> = definePolicy({
  permissions: { read: 'facilities.read', configure: 'facilities.configure' },
});
