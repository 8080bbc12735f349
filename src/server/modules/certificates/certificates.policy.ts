import type { SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Policy, definePolicy } from '../../platform/policy';
import { onOrgPath } from '../../platform/policyPaths';
import type { Actor } from '../../platform/permissions';
import { reachScope } from '../../platform/scopeReach';
import { certRegister } from './certificates.table';

/**
 * Who may do what with certificates and the seal (R-AC-2). The register and the seal log are scoped by the
 * community; the catalogue lives at the unit that keeps it and is read by the communities below it.
 */
export type CertAction = 'read' | 'catalogue' | 'issue' | 'seal';
type Rec = { orgPath: string };

export const certPolicy: Policy<CertAction, Rec> = definePolicy({
  permissions: {
    read: 'certificates.read',
    catalogue: 'certificates.catalogue',
    issue: 'certificates.issue',
    seal: 'certificates.seal',
  },
  ...onOrgPath(certRegister.orgPath),
});

/** Catalogue items in the actor's subtree or above a unit where they may read certificates. */
export function catalogueReach(actor: Actor, column: AnyPgColumn): SQL {
  return reachScope(actor, 'certificates.read', column);
}
