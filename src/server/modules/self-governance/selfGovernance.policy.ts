import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { sgBodies } from './selfGovernance.table';

/**
 * Who may do what with self-governance records (DESIGN conventions 4 and 5). Every row carries its
 * community's path; a row outside the subtrees where the actor holds the action's permission is 404.
 */
export type SgAction = 'read' | 'manage';
export type SgRecord = { orgPath: string };

export const sgPolicy: Policy<SgAction, SgRecord> = definePolicy({
  permissions: { read: 'self_governance.read', manage: 'self_governance.manage' },
  ...onOrgPath(sgBodies.orgPath),
});
