import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Permission } from '../../shared/permissions';
import { type Actor, can as holds, inScope, requirePermission, scopeWhere } from './permissions';

/**
 * A module's access rules in one place (DESIGN convention 4): each action names the permission it needs,
 * and a record is in reach when its org path lies in the subtree where the actor holds that permission.
 * Use cases ask the policy (`require`, `can`, `abilities`); repositories AND `scope` into every `where`,
 * so a record out of reach is simply not found (404), never a 403 that confirms it exists.
 *
 * Platform-wide data (e.g. the statutory calendar) has no org path: a policy defined without
 * `pathColumn`/`pathOf` treats every record as lying at the root, in reach wherever the actor holds the
 * action's permission at all (`scope` is `true` or `false`, `can` needs no record path). Policies with a
 * path column (residents, audit…) behave as before.
 */
export interface Policy<A extends string, R> {
  /** The permission behind each action. */
  readonly permissions: Readonly<Record<A, Permission>>;
  /** 401 without an actor, 403 when the actor holds the action's permission nowhere. */
  require(actor: Actor | undefined, action: A): asserts actor is Actor;
  /** Whether the actor may take `action` — on `record` when given (its path in their scope). */
  can(actor: Actor | undefined, action: A, record?: R): boolean;
  /**
   * The `where` fragment that keeps rows in reach for `action` (`false` when none are); on the policy's
   * path column, or on `pathColumn` (e.g. a joined org unit's path).
   */
  scope(actor: Actor, action: A, pathColumn?: AnyPgColumn | SQL): SQL;
  /** What the actor may do to `record`, for the UI's buttons (DESIGN convention 6). */
  abilities<K extends string>(actor: Actor, record: R, map: Record<K, A>): Record<K, boolean>;
}

export function definePolicy<A extends string, R>(def: {
  permissions: Record<A, Permission>;
  /** The column holding a row's org path (`org_path`); omitted for platform-wide data (see above). */
  pathColumn?: AnyPgColumn | SQL;
  /** A record's org path; omitted for platform-wide data (see above). */
  pathOf?(record: R): string;
  /** Further per-record rules (e.g. a removed record cannot be edited); default: none. */
  allows?(actor: Actor, action: A, record: R): boolean;
}): Policy<A, R> {
  const can = (actor: Actor | undefined, action: A, record?: R): boolean => {
    const permission = def.permissions[action];
    if (!actor || !holds(actor, permission)) return false;
    if (record === undefined) return true;
    const inReach = def.pathOf ? inScope(actor, permission, def.pathOf(record)) : true;
    return inReach && (def.allows?.(actor, action, record) ?? true);
  };
  return {
    permissions: def.permissions,
    require(actor, action) {
      requirePermission(actor, def.permissions[action]);
    },
    can,
    scope: (actor, action, pathColumn) => {
      const column = pathColumn ?? def.pathColumn;
      if (column) return scopeWhere(actor, def.permissions[action], column);
      return holds(actor, def.permissions[action]) ? sql`true` : sql`false`;
    },
    abilities(actor, record, map) {
      const out = {} as Record<keyof typeof map, boolean>;
      for (const key of Object.keys(map) as (keyof typeof map)[]) out[key] = can(actor, map[key], record);
      return out;
    },
  };
}
