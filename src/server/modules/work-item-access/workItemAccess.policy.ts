import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
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
  ...onOrgPath(wiaApplications.orgPath),
});
