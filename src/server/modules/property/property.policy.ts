import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { pmCompounds } from './property.table';

/**
 * Who may do what with property records (DESIGN conventions 4 and 5). Every row carries the path of its
 * compound or community; a row outside the subtrees where the actor holds the action's permission is 404.
 */
export type PropertyAction = 'read' | 'manage' | 'board';
export type PropertyRecord = { orgPath: string };

export const propertyPolicy: Policy<PropertyAction, PropertyRecord> = definePolicy({
  permissions: { read: 'property.read', manage: 'property.manage', board: 'property.board' },
  ...onOrgPath(pmCompounds.orgPath),
});
