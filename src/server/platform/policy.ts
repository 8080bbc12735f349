import { type SQL, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Permission } from '../../shared/permissions';
import { type Actor, can as holds, inScope, requirePermission, scopePaths, scopeWhere } from './permissions';

/**
 * A module's access rules in one place (DESIGN convention 4): each action names the permission it needs,
 * and a record is in reach when its org path lies in the subtree where the actor holds that permission.
 * Use cases ask the policy (`require`, `can`, `abilities`); repositories AND `scope` into every `where`,
 * so a record out of reach is simply not found (404), never a 403 that confirms it exists.
 *
 * Unscoped actions (`unscoped`, optional): some permissions are not bounded by the org tree but by who
 * the record belongs to — a resident's own ledger account (`ledger.own`), a merchant's own redemption
 * point. For such an action `can` checks that the permission is held somewhere and then `allows` alone
 * (which must check ownership); `scope` is `true` when the permission is held anywhere (`false` when
 * not), and the repository ANDs the ownership condition (e.g. `owner_id = actor`) in itself.
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
   * path column(s) (OR-ed when several), or on `pathColumn` alone (e.g. a joined org unit's path).
   */
  scope(actor: Actor, action: A, pathColumn?: AnyPgColumn | SQL): SQL;
  /** The subtree roots where the actor may take `action` (`['/']` platform-wide; none when never). */
  roots(actor: Actor, action: A): string[];
  /** What the actor may do to `record`, for the UI's buttons (DESIGN convention 6). */
  abilities<K extends string>(actor: Actor, record: R, map: Record<K, A>): Record<K, boolean>;
}

/**
 * Where a record's org path is: one column (most modules), several (any of which brings it in reach), or
 * none at all for platform-wide data (see above).
 */
type PathsDef<R> =
  | {
      /** The column holding a row's org path (`org_path`). */
      pathColumn: AnyPgColumn | SQL;
      /** A record's org path. */
      pathOf(record: R): string;
    }
  | {
      /**
       * Several paths, OR-ed: a row is in reach when any of them lies in the actor's scope (e.g. a work
       * order's handling unit `org_path` or its dispatching subdistrict `dispatch_path`).
       */
      pathColumns: readonly (AnyPgColumn | SQL)[];
      /** A record's paths, in the order of `pathColumns`. */
      pathsOf(record: R): readonly string[];
    }
  | { pathColumn?: undefined; pathOf?: undefined };

export function definePolicy<A extends string, R>(
  def: {
    permissions: Record<A, Permission>;
    /** Further per-record rules (e.g. a removed record cannot be edited); default: none. */
    allows?(actor: Actor, action: A, record: R): boolean;
    /** Actions reached by ownership rather than by the org tree (see above); default: none. */
    unscoped?: readonly NoInfer<A>[];
  } & PathsDef<R>,
): Policy<A, R> {
  const columns: readonly (AnyPgColumn | SQL)[] =
    'pathColumns' in def ? def.pathColumns : def.pathColumn ? [def.pathColumn] : [];
  /** A record's paths; null for platform-wide data (every record at the root). */
  const pathsOf = (record: R): readonly string[] | null =>
    'pathsOf' in def ? def.pathsOf(record) : def.pathOf ? [def.pathOf(record)] : null;
  const unscoped = (action: A) => def.unscoped?.includes(action) ?? false;
  const can = (actor: Actor | undefined, action: A, record?: R): boolean => {
    const permission = def.permissions[action];
    if (!actor || !holds(actor, permission)) return false;
    if (record === undefined) return true;
    if (unscoped(action)) return def.allows?.(actor, action, record) ?? false;
    const paths = pathsOf(record);
    const inReach = paths === null || paths.some((path) => inScope(actor, permission, path));
    return inReach && (def.allows?.(actor, action, record) ?? true);
  };
  return {
    permissions: def.permissions,
    require(actor, action) {
      requirePermission(actor, def.permissions[action]);
    },
    can,
    scope: (actor, action, pathColumn) => {
      const permission = def.permissions[action];
      const anywhere = () => (holds(actor, permission) ? sql`true` : sql`false`);
      if (unscoped(action)) return anywhere();
      if (pathColumn) return scopeWhere(actor, permission, pathColumn);
      if (columns.length === 0) return anywhere();
      const each = columns.map((column) => scopeWhere(actor, permission, column));
      return each.length === 1 ? each[0]! : or(...each)!;
    },
    roots: (actor, action) => scopePaths(actor, def.permissions[action]),
    abilities(actor, record, map) {
      const out = {} as Record<keyof typeof map, boolean>;
      for (const key of Object.keys(map) as (keyof typeof map)[]) out[key] = can(actor, map[key], record);
      return out;
    },
  };
}
