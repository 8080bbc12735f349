import { type SQL, and, asc, desc, eq, gte, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import type { FacilityListQuery } from '../../../shared/contracts/facilities';
import type { Db } from '../../platform/db';
import { countWhere } from '../../platform/figureQuery';
import { firstRow } from '../../platform/firstRow';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, underPath as under } from '../../platform/permissions';
import { finderInScope, rowInserter, versionedUpdater } from '../../platform/rowAccessors';
import { facilitiesPolicy } from './facilities.policy';
import { fcFacilities, fcKinds } from './facilities.table';

/** The only code that queries the facilities module's tables (CONTRIBUTING: boundaries). */
export type FacilityRow = typeof fcFacilities.$inferSelect;
export type KindRow = typeof fcKinds.$inferSelect;

export function allKinds(db: Db): Promise<KindRow[]> {
  return db.select().from(fcKinds).orderBy(asc(fcKinds.sort), asc(fcKinds.key));
}

export function kindByKey(db: Db, key: string): Promise<KindRow | undefined> {
  return firstRow(db, fcKinds, eq(fcKinds.key, key));
}

export const insertKind = rowInserter(fcKinds);

export async function updateKind(
  tx: Db,
  key: string,
  patch: Partial<typeof fcKinds.$inferInsert>,
): Promise<KindRow> {
  const [k] = await tx.update(fcKinds).set(patch).where(eq(fcKinds.key, key)).returning();
  return k!;
}

export const insertFacility = rowInserter(fcFacilities);

/** Updates a facility at the version the caller read; undefined when someone else changed it first. */
export const updateFacility = versionedUpdater(fcFacilities);

/** A facility in reach for `action`, else undefined (404). */
export const findFacility = finderInScope(facilitiesPolicy, fcFacilities);

function listWhere(
  actor: Actor,
  q: Omit<FacilityListQuery, 'page' | 'pageSize'>,
  underPath: string | undefined,
  kindsOfCategory: string[] | undefined,
): SQL | undefined {
  const conds: (SQL | undefined)[] = [facilitiesPolicy.scope(actor, 'read')];
  if (underPath) conds.push(under(fcFacilities.orgPath, underPath));
  if (q.kind) conds.push(eq(fcFacilities.kind, q.kind));
  if (kindsOfCategory)
    conds.push(kindsOfCategory.length ? inArray(fcFacilities.kind, kindsOfCategory) : sql`false`);
  if (q.status) conds.push(eq(fcFacilities.status, q.status));
  if (q.operationMode) conds.push(eq(fcFacilities.operationMode, q.operationMode));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conds.push(or(ilike(fcFacilities.name, like), ilike(fcFacilities.address, like)));
  }
  return and(...conds);
}

export function listFacilityRows(
  db: Db,
  actor: Actor,
  q: FacilityListQuery,
  underPath: string | undefined,
  kindsOfCategory: string[] | undefined,
): Promise<Page<FacilityRow>> {
  return listPage(db, {
    table: fcFacilities,
    where: listWhere(actor, q, underPath, kindsOfCategory),
    orderBy: [
      asc(fcFacilities.orgPath),
      asc(fcFacilities.kind),
      desc(fcFacilities.createdAt),
      asc(fcFacilities.id),
    ],
    page: q,
  });
}

export function allFacilityRows(
  db: Db,
  actor: Actor,
  q: Omit<FacilityListQuery, 'page' | 'pageSize'>,
  underPath: string | undefined,
  kindsOfCategory: string[] | undefined,
  limit: number,
): Promise<FacilityRow[]> {
  return db
    .select()
    .from(fcFacilities)
    .where(listWhere(actor, q, underPath, kindsOfCategory))
    .orderBy(asc(fcFacilities.orgPath), asc(fcFacilities.kind), asc(fcFacilities.id))
    .limit(limit);
}

/** The facilities with these ids kept under `path` (the caller scoped the unit); none for no ids. */
export function facilityRowsUnder(db: Db, path: string, ids: readonly string[]): Promise<FacilityRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(fcFacilities)
    .where(and(inArray(fcFacilities.id, [...ids]), under(fcFacilities.orgPath, path)));
}

/** Facilities in use that also match `where`. */
function inUseFacilities(db: Db, where: SQL | undefined): Promise<FacilityRow[]> {
  return db
    .select()
    .from(fcFacilities)
    .where(and(eq(fcFacilities.status, 'in_use'), where));
}

/** Facilities in use under any of these unit paths (coverage reads; the caller scoped the units). */
export function inUseFacilitiesUnder(db: Db, paths: readonly string[]): Promise<FacilityRow[]> {
  if (paths.length === 0) return Promise.resolve([]);
  return inUseFacilities(db, or(...paths.map((p) => sql`${fcFacilities.orgPath} like ${`${p}%`}`)));
}

/**
 * Facilities in use with a point inside the box (degrees) — anyone's, for the 15-minute life circle:
 * residents walk to the shop across the community's boundary. Only counts leave the module's use cases.
 */
export function facilitiesInBox(
  db: Db,
  box: { minLat: number; maxLat: number; minLng: number; maxLng: number },
): Promise<FacilityRow[]> {
  return inUseFacilities(
    db,
    and(
      gte(fcFacilities.lat, box.minLat),
      lte(fcFacilities.lat, box.maxLat),
      gte(fcFacilities.lng, box.minLng),
      lte(fcFacilities.lng, box.maxLng),
    ),
  );
}

/** Facilities of `kind` under `path` built (built_on) in `year`. */
export async function countBuiltInYear(db: Db, path: string, kind: string, year: number): Promise<number> {
  return countWhere(
    db,
    fcFacilities,
    and(
      eq(fcFacilities.kind, kind),
      sql`${fcFacilities.orgPath} like ${`${path}%`}`,
      gte(fcFacilities.builtOn, `${year}-01-01`),
      lte(fcFacilities.builtOn, `${year}-12-31`),
    ),
  );
}

/**
 * The org paths of the facilities of `kind` built (built_on) between `from` and `to` (inclusive) that the
 * actor reads, under `underPath` when given: one row each, for the caller to count by community.
 */
export async function builtBetweenInReach(
  db: Db,
  actor: Actor,
  underPath: string | undefined,
  kind: string,
  period: { from: string; to: string },
): Promise<string[]> {
  const rows = await db
    .select({ orgPath: fcFacilities.orgPath })
    .from(fcFacilities)
    .where(
      and(
        facilitiesPolicy.scope(actor, 'read'),
        underPath ? under(fcFacilities.orgPath, underPath) : undefined,
        eq(fcFacilities.kind, kind),
        gte(fcFacilities.builtOn, period.from),
        lte(fcFacilities.builtOn, period.to),
      ),
    );
  return rows.map((r) => r.orgPath);
}
