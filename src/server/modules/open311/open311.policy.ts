import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import { open311Keys } from './open311.table';

/**
 * Who may manage Open311 API keys (R-O311-1): `open311.manage`, for keys whose jurisdiction lies in the
 * subtree where the actor holds it. A key's own requests are limited by the key's jurisdiction, not by
 * this policy (the key is the caller there, see `keyActor`).
 */
export type Open311Action = 'manage';
type KeyRecord = { orgPath: string };

export const open311Policy: Policy<Open311Action, KeyRecord> = definePolicy({
  permissions: { manage: 'open311.manage' },
  ...onOrgPath(open311Keys.orgPath),
});
