import { type SQL, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Policy, definePolicy } from '../../platform/policy';
import { type Actor, scopePaths, scopeWhere } from '../../platform/permissions';
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
  pathColumn: certRegister.orgPath,
  pathOf: (r: Rec) => r.orgPath,
});

/** Catalogue items in the actor's subtree or above a unit where they may read certificates. */
export function catalogueReach(actor: Actor, column: AnyPgColumn): SQL {
  const roots = scopePaths(actor, 'certificates.read');
  if (roots.length === 0) return sql`false`;
  if (roots.includes('/')) return sql`true`;
  const above = roots.map((root) => sql`${root} like (${column} || '%')`);
  return or(scopeWhere(actor, 'certificates.read', column), ...above)!;
}
