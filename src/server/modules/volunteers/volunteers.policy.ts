import type { Permission } from '../../../shared/permissions';
import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { volunteers } from './volunteers.table';

/**
 * Who may do what to volunteers, their teams, activities and hours (DESIGN convention 4): `read` and
 * `write` in the subtree where the actor holds `volunteers.read` / `volunteers.write`. Every volunteers
 * table carries the `org_path` of the community or grid a row belongs to; `scope` defaults to the
 * volunteers table and takes another table's `org_path` as its `pathColumn`. Whoever organises an
 * activity records and certifies its hours, within their own area (R-LAW-VL-1).
 */
export type VolunteerAction = 'read' | 'write';
type VolunteerRecord = { orgPath: string };

export const volunteersPolicy: Policy<VolunteerAction, VolunteerRecord> = definePolicy({
  permissions: { read: 'volunteers.read', write: 'volunteers.write' },
  ...onOrgPath(volunteers.orgPath),
});

/** The action behind one of the policy's permissions (for callers that name the permission). */
export function volunteerActionOf(permission: Permission): VolunteerAction | undefined {
  return (Object.keys(volunteersPolicy.permissions) as VolunteerAction[]).find(
    (a) => volunteersPolicy.permissions[a] === permission,
  );
}
