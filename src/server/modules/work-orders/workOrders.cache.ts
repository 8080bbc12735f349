import type { Db } from '../../platform/db';
import {
  type OrgUnit,
  activeGridBoundaries,
  activeUnitNamesOfKind,
  orgTreeVersionNow,
  topUnit,
  unitsByIds,
} from '../org/org.api';
import { type CategoryRow, allCategoryRows } from './workOrders.categories.repository';
import { DEFAULT_SETTINGS, type WoSettings, settingsFor } from './workOrders.settings';

/**
 * What every intake reads and almost never changes, cached per database in this process: the
 * categories, the upper levels of the org tree (grid boundaries for routing, units by id) and the
 * time-limit settings by unit path.
 *
 * - The org snapshot carries the tree's version (`org_tree_version`, moved by a trigger on every
 *   change to a unit that is not a household); the intake's INSERT takes the unit paths from
 *   `org_units` only while the version is still the snapshot's, so a write never rests on a stale tree:
 *   otherwise the INSERT fails and the intake runs again on fresh data.
 * - The intake's INSERT takes the category only while it is still active.
 * - Changes made through this process are seen at once (`invalidate…`); settings and category names
 *   changed by another process within MAX_AGE_MS.
 */
export const MAX_AGE_MS = 60_000;
/** Units by id kept in one snapshot at most (the tree above households). */
const MAX_UNITS = 50_000;

type Unit = OrgUnit;
type Category = CategoryRow;

export interface OrgSnapshot {
  version: number;
  /** Active grids with a boundary (point routing). */
  grids: { id: string; path: string; boundary: unknown }[];
  /** Active communities (routing by a name in the address). */
  communities: { id: string; name: string; path: string }[];
  /** Units by id, read through `db` the first time they are asked for (households every time). */
  unit(db: Db, id: string | null | undefined): Promise<Unit | null>;
  units(db: Db, ids: string[]): Promise<Map<string, Unit>>;
  /** The tree's top unit (first by sort, then age). */
  top(db: Db): Promise<Unit | null>;
}

interface Entry<T> {
  value: Promise<T>;
  at: number;
}

interface Caches {
  org?: Entry<OrgSnapshot>;
  categories?: Entry<Map<string, Category>>;
  settings: Map<string, Entry<WoSettings>>;
}

const byDatabase = new WeakMap<object, Caches>();

/**
 * A database and its transactions share one cache: Drizzle gives a transaction the dialect object of
 * the database it was opened on.
 */
function cachesOf(db: Db): Caches {
  const key = (db as unknown as { dialect?: object }).dialect ?? db;
  let c = byDatabase.get(key);
  if (!c) {
    c = { settings: new Map() };
    byDatabase.set(key, c);
  }
  return c;
}

const fresh = (e: Entry<unknown> | undefined) => !!e && performance.now() - e.at < MAX_AGE_MS;

/** Caches a load; a failed load is forgotten, so the next call tries again. */
function remember<T>(
  get: () => Entry<T> | undefined,
  set: (e: Entry<T> | undefined) => void,
  load: () => Promise<T>,
): Promise<T> {
  const entry: Entry<T> = { value: load(), at: performance.now() };
  set(entry);
  entry.value.catch(() => {
    if (get() === entry) set(undefined);
  });
  return entry.value;
}

export function orgSnapshot(db: Db): Promise<OrgSnapshot> {
  const c = cachesOf(db);
  if (c.org && fresh(c.org)) return c.org.value;
  return remember(
    () => c.org,
    (e) => {
      c.org = e;
    },
    () => loadOrg(db),
  );
}

async function loadOrg(db: Db): Promise<OrgSnapshot> {
  // The version first: data read after it can only be newer, which makes the next write retry, never
  // pass on stale data.
  const version = await orgTreeVersionNow(db);
  const grids = await activeGridBoundaries(db);
  const communities = await activeUnitNamesOfKind(db, 'community');
  const known = new Map<string, Unit | null>();
  let top: Promise<Unit | null> | undefined;
  const units = async (db: Db, ids: string[]) => {
    const out = new Map<string, Unit>();
    const missing = [...new Set(ids.filter((id) => !known.has(id)))];
    if (missing.length) {
      const rows = await unitsByIds(db, missing);
      if (known.size + missing.length > MAX_UNITS) known.clear();
      for (const r of rows) {
        out.set(r.id, r);
        // Households change without moving the tree's version: read again each time.
        if (r.kind !== 'household') known.set(r.id, r);
      }
      for (const id of missing) if (!out.has(id)) known.set(id, null);
    }
    for (const id of ids) {
      const u = known.get(id);
      if (u) out.set(id, u);
    }
    return out;
  };
  return {
    version,
    grids,
    communities,
    units,
    async unit(db, id) {
      if (!id) return null;
      return (await units(db, [id])).get(id) ?? null;
    },
    top(db) {
      if (top) return top;
      const p = topUnit(db);
      top = p;
      p.catch(() => {
        if (top === p) top = undefined;
      });
      return p;
    },
  };
}

export function cachedCategories(db: Db): Promise<Map<string, Category>> {
  const c = cachesOf(db);
  if (c.categories && fresh(c.categories)) return c.categories.value;
  return remember(
    () => c.categories,
    (e) => {
      c.categories = e;
    },
    async () => new Map((await allCategoryRows(db)).map((r) => [r.code, r])),
  );
}

/** `settingsFor`, cached by unit path. */
export function cachedSettings(db: Db, path: string): Promise<WoSettings> {
  if (path.split('/').filter(Boolean).length === 0) return Promise.resolve(DEFAULT_SETTINGS);
  const c = cachesOf(db);
  const e = c.settings.get(path);
  if (e && fresh(e)) return e.value;
  if (c.settings.size > MAX_UNITS) c.settings.clear();
  return remember(
    () => c.settings.get(path),
    (x) => {
      if (x) c.settings.set(path, x);
      else c.settings.delete(path);
    },
    () => settingsFor(db, path),
  );
}

/** After the org tree changed under a write (or to be sure): the next read loads the tree again. */
export function invalidateOrgCache(db: Db) {
  cachesOf(db).org = undefined;
}

export function invalidateCategoryCache(db: Db) {
  cachesOf(db).categories = undefined;
}

export function invalidateSettingsCache(db: Db) {
  cachesOf(db).settings.clear();
}
