import { getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/**
 * The tables of a module whose rows carry an org path (DESIGN convention 5), declared in its registry entry
 * (`defineModule({ scopedTables })`). When units move or merge, the org module rewrites `org_path` in each
 * of them — by name, never importing them.
 */
export interface ScopedTableLists {
  /** Records kept at a unit (`org_unit_id` + `org_path`): on a merge, the merged unit's own rows move to the target. */
  scoped?: readonly PgTable[];
  /** History rows carrying only `org_path` (a copy of their owner's path, for scoped reads): likewise. */
  pathOnly?: readonly PgTable[];
  /** Settings kept per unit: their paths follow a move, but a merge leaves them with the archived unit. */
  unitSettings?: readonly PgTable[];
}

type ScopedTableNames = Readonly<Record<keyof ScopedTableLists, readonly string[]>>;

let installed: ScopedTableNames | null = null;

/** Collects every module's declared tables by name (app.ts, beside `installOfferings`); a table declared twice throws. */
export function installScopedTables(
  modules: readonly { name: string; scopedTables?: ScopedTableLists }[],
): void {
  const names: Record<keyof ScopedTableLists, string[]> = { scoped: [], pathOnly: [], unitSettings: [] };
  const seen = new Set<string>();
  for (const m of modules)
    for (const kind of ['scoped', 'pathOnly', 'unitSettings'] as const)
      for (const table of m.scopedTables?.[kind] ?? []) {
        const name = getTableConfig(table).name;
        if (seen.has(name)) throw new Error(`scoped table ${name} (module ${m.name}) declared twice`);
        seen.add(name);
        names[kind].push(name);
      }
  installed = names;
}

/** The tables with an org path, by kind, as the modules declared them. */
export function scopedTableNames(): ScopedTableNames {
  if (!installed)
    throw new Error('scoped tables are not installed: call installScopedTables(MODULES) (app.ts)');
  return installed;
}

/**
 * Tables whose rows also keep the id of the community their path lies in (`community_id`): after a move
 * or merge the org module points it at the community the row's new path lies in. A module with such a
 * table adds it here (the org module never imports it).
 */
export const COMMUNITY_ID_TABLES = ['residents'] as const;

/**
 * People living under a unit: a unit's detail shows how many live (`deleted_at is null`) rows lie under
 * its path, and a unit with any cannot be archived.
 */
export const UNIT_POPULATION_TABLE = 'residents';

/**
 * Assignments of people to one unit (`unitColumn`), without a path of their own: on a merge the source's
 * assignments move to the target (skipping people already assigned there), and a unit's detail lists the
 * assigned people (`personTable`.id, .name) when it is of `unitKind`.
 */
export const UNIT_ASSIGNMENT_TABLES = [
  {
    table: 'grid_assignments',
    unitColumn: 'grid_id',
    personColumn: 'worker_id',
    personTable: 'workers',
    unitKind: 'grid',
  },
] as const;

/**
 * Ledger account holders other than logins (DESIGN boundaries: the ledger never imports their module):
 * accounts with `ownerKind` belong to rows of `table`, and the login in `userColumn` acts as the row (its
 * phone pages show the holder's `nameColumn` and the community in `communityColumn`).
 */
export const ACCOUNT_HOLDER_TABLES = [
  {
    ownerKind: 'volunteer',
    table: 'volunteers',
    userColumn: 'user_id',
    nameColumn: 'name',
    communityColumn: 'community_id',
    /** The holder's own record in the resident registry (household links of family members). */
    residentColumn: 'resident_id',
  },
] as const;
