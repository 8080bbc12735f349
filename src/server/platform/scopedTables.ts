import { type AnyPgColumn, getTableConfig, type PgTable } from 'drizzle-orm/pg-core';

/** Assignments of people to one unit, without a path of their own (a grid's workers). */
export interface UnitAssignmentLink {
  table: PgTable;
  unitColumn: AnyPgColumn;
  personColumn: AnyPgColumn;
  /** The people assigned: a unit's detail lists their id and name. */
  personTable: PgTable;
  /** The kind of unit they are assigned to. */
  unitKind: string;
}

/** Ledger account holders other than logins: accounts of `ownerKind` belong to rows of `table`. */
export interface AccountHolderLink {
  ownerKind: string;
  table: PgTable;
  /** The login that acts as the row. */
  userColumn: AnyPgColumn;
  /** Shown on the holder's phone pages, with the community. */
  nameColumn: AnyPgColumn;
  communityColumn: AnyPgColumn;
  /** The holder's own record in the resident registry (household links of family members). */
  residentColumn: AnyPgColumn;
}

/**
 * The tables of a module that lower modules act on (DESIGN convention 5, CONTRIBUTING boundaries), declared in
 * its registry entry (`defineModule({ scopedTables })`). The org module and the ledger reach them by name,
 * never importing them.
 */
export interface ScopedTableLists {
  /** Records kept at a unit (`org_unit_id` + `org_path`): on a merge, the merged unit's own rows move to the target. */
  scoped?: readonly PgTable[];
  /** History rows carrying only `org_path` (a copy of their owner's path, for scoped reads): likewise. */
  pathOnly?: readonly PgTable[];
  /** Settings kept per unit: their paths follow a move, but a merge leaves them with the archived unit. */
  unitSettings?: readonly PgTable[];
  /** Rows that also keep `community_id`: after a move or merge it points at the community their path lies in. */
  communityId?: readonly PgTable[];
  /** People living under a unit (live rows: `deleted_at is null`): a unit's detail counts them; one with any cannot be archived. */
  population?: PgTable;
  /** On a merge, the source's assignments move to the target (skipping people already there). */
  unitAssignments?: readonly UnitAssignmentLink[];
  /** Whose ledger accounts the ledger shows and credits. */
  accountHolders?: readonly AccountHolderLink[];
}

type Named<T> = { [K in keyof T]: T[K] extends PgTable | AnyPgColumn ? string : T[K] };
type TableKind = 'scoped' | 'pathOnly' | 'unitSettings' | 'communityId';

export interface ScopedTableNames extends Readonly<Record<TableKind, readonly string[]>> {
  population: string | null;
  unitAssignments: readonly Named<UnitAssignmentLink>[];
  accountHolders: readonly Named<AccountHolderLink>[];
}

let installed: ScopedTableNames | null = null;

const tableName = (t: PgTable) => getTableConfig(t).name;
/** A declaration with its tables and columns by SQL name. */
function named<T extends object>(link: T): Named<T> {
  return Object.fromEntries(
    Object.entries(link).map(([k, v]) => [
      k,
      typeof v === 'string' ? v : v && 'columnType' in v ? (v as AnyPgColumn).name : tableName(v as PgTable),
    ]),
  ) as Named<T>;
}

/** Collects every module's declarations by name (app.ts, beside `installOfferings`); a table declared twice in one kind throws. */
export function installScopedTables(
  modules: readonly { name: string; scopedTables?: ScopedTableLists }[],
): void {
  const lists: Record<TableKind, string[]> = { scoped: [], pathOnly: [], unitSettings: [], communityId: [] };
  const pathKinds = new Set<string>();
  let population: string | null = null;
  const unitAssignments: Named<UnitAssignmentLink>[] = [];
  const accountHolders: Named<AccountHolderLink>[] = [];
  for (const m of modules) {
    const d = m.scopedTables;
    if (!d) continue;
    for (const kind of ['scoped', 'pathOnly', 'unitSettings', 'communityId'] as const)
      for (const table of d[kind] ?? []) {
        const name = tableName(table);
        // A table has one path kind; `communityId` comes on top of its path kind.
        const key = kind === 'communityId' ? `communityId:${name}` : name;
        if (pathKinds.has(key)) throw new Error(`scoped table ${name} (module ${m.name}) declared twice`);
        pathKinds.add(key);
        lists[kind].push(name);
      }
    if (d.population) {
      if (population) throw new Error(`a second population table (module ${m.name})`);
      population = tableName(d.population);
    }
    unitAssignments.push(...(d.unitAssignments ?? []).map(named));
    accountHolders.push(...(d.accountHolders ?? []).map(named));
  }
  installed = { ...lists, population, unitAssignments, accountHolders };
}

/** What the modules declared, by name. */
export function scopedTableNames(): ScopedTableNames {
  if (!installed)
    throw new Error('scoped tables are not installed: call installScopedTables(MODULES) (app.ts)');
  return installed;
}

/** The holder declared for `ownerKind` (the ledger's volunteer accounts). */
export function accountHolder(ownerKind: string): Named<AccountHolderLink> {
  const h = scopedTableNames().accountHolders.find((x) => x.ownerKind === ownerKind);
  if (!h) throw new Error(`no module declares the account holders of kind ${ownerKind}`);
  return h;
}
