import { type Policy, definePolicy } from '../../platform/policy';
import { scopePaths } from '../../platform/permissions';
import { orgUnits } from './org.table';

/**
 * Who may do what to the org tree. `read` and `write` need `org.read` / `org.write` in the subtree the
 * unit lies in (R-ORG-1: a unit is visible only to users whose scope contains it). Only active units are edited (a merged or archived unit is history). `restructure`
 * (move, merge, split, archive) also needs `org.write`, but never on the top of the actor's own scope
 * nor on a root of the tree: a subdistrict admin cannot move or archive their own subdistrict (where
 * it sits belongs to the level above).
 */
export type OrgAction = 'read' | 'write' | 'restructure';
type OrgRecord = { path: string; parentId: string | null; status: string };

export const orgPolicy: Policy<OrgAction, OrgRecord> = definePolicy({
  permissions: { read: 'org.read', write: 'org.write', restructure: 'org.write' },
  pathColumn: orgUnits.path,
  pathOf: (u: OrgRecord) => u.path,
  allows: (actor, action, u) => {
    if (action === 'read') return true;
    if (u.status !== 'active') return false;
    return action === 'write' || !isOwnRoot(actor, u);
  },
});

/** The top of the actor's `org.write` scope, or a root of the tree: not restructured by them. */
export function isOwnRoot(actor: Parameters<typeof scopePaths>[0], u: OrgRecord): boolean {
  return u.parentId === null || scopePaths(actor, 'org.write').includes(u.path);
}
