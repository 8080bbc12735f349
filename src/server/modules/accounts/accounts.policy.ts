import { sql } from 'drizzle-orm';
import { type Policy, definePolicy } from '../../platform/policy';

/**
 * Who may see and manage accounts. A role assignment is the record: it is in reach when its unit (`/`
 * for a platform-wide role without a unit) lies in the subtree where the actor holds the permission.
 * An account is seen when one of its roles is in reach for `read` (accounts.repository.ts scopes the
 * user list by its roles' unit paths); it is changed only when every one of its roles is in reach for
 * `write` (`mayManageAccount`), so nobody takes over an account whose reach exceeds their own, and a
 * role is handed out only inside the actor's `users.write` scope.
 */
export type AccountAction = 'read' | 'write';
/** A role assignment, by the path of its unit (`/` for a role without one). */
export type RoleGrantRecord = { path: string };

export const accountsPolicy: Policy<AccountAction, RoleGrantRecord> = definePolicy({
  permissions: { read: 'users.read', write: 'users.write' },
  // A role's unit path inside the repository's user-scope subquery (user_roles joined to its unit as `o`).
  pathColumn: sql`coalesce(o.path, '/')`,
  pathOf: (g: RoleGrantRecord) => g.path,
});

/** Whether the actor may change an account holding roles at these unit paths (all in their write scope). */
export function mayManageAccount(
  actor: Parameters<typeof accountsPolicy.can>[0],
  rolePaths: readonly string[],
): boolean {
  return rolePaths.every((path) => accountsPolicy.can(actor, 'write', { path }));
}
