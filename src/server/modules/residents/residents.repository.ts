import { type SQL, and, asc, eq, ilike, inArray, isNull, like, sql } from 'drizzle-orm';
import type { ResidentListQuery } from '../../../shared/contracts/residents';
import { idNumberProblem, isValidMobile } from '../../../shared/validation/codes';
import type { Pii } from '../../platform/crypto';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { isUuid } from '../../platform/ids';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, escapeLike } from '../../platform/permissions';
import { rowInserter } from '../../platform/rowAccessors';
import { type ResidentAction, residentsPolicy } from './residents.policy';
import { residents } from './residents.table';

/**
 * The only code that queries the `residents` table. Every read takes the actor and the action it is
 * for and ANDs the policy's scope into its `where`: a resident out of reach is not found, the same as
 * one that does not exist (404, never 403). Writes take rows the caller has already found this way.
 */
export type ResidentRow = typeof residents.$inferSelect;
export type NewResident = typeof residents.$inferInsert;

const live = isNull(residents.deletedAt);

/** One resident in reach for `action`, or undefined (also for an id that is not a UUID). */
export async function findResident(
  db: Db,
  actor: Actor,
  action: ResidentAction,
  id: string,
): Promise<ResidentRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(db, residents, and(eq(residents.id, id), live, residentsPolicy.scope(actor, action)));
}

/** The filters of the residents list, as SQL; `unitPath` is a unit the caller found in scope. */
function filterOf(
  pii: Pii,
  q: Omit<ResidentListQuery, 'page' | 'pageSize' | 'orgUnitId'>,
  unitPath?: string,
) {
  return and(
    live,
    unitPath ? like(residents.orgPath, `${escapeLike(unitPath)}%`) : undefined,
    q.q ? searchCondition(pii, q.q) : undefined,
    q.status ? eq(residents.registrationStatus, q.status) : undefined,
    // By blind index (GIN), never by clear text (R-LAW-PI-1).
    q.tags?.length
      ? sql`${residents.specialGroupHashes} && ${sql`ARRAY[${sql.join(
          q.tags.map((t) => sql`${pii.blindIndex('special_group', t)}`),
          sql`,`,
        )}]::text[]`}`
      : undefined,
  );
}

/** A phone or ID number is looked up by its blind index; anything else by name. */
function searchCondition(pii: Pii, q: string): SQL {
  const compact = q.replace(/[\s-]/g, '');
  if (isValidMobile(compact)) return eq(residents.phoneHash, pii.blindIndex('phone', compact));
  if (/^\d{17}[\dXx]$/.test(compact) && !idNumberProblem(compact))
    return eq(residents.idNumberHash, pii.blindIndex('id', compact));
  return ilike(residents.name, `%${escapeLike(q)}%`);
}

/** One page of the residents in reach for `action` that match the filters, by name. */
export function listResidentRows(
  db: Db,
  pii: Pii,
  actor: Actor,
  action: ResidentAction,
  q: ResidentListQuery,
  unitPath?: string,
): Promise<Page<ResidentRow>> {
  return listPage(db, {
    table: residents,
    where: and(residentsPolicy.scope(actor, action), filterOf(pii, q, unitPath)),
    orderBy: [asc(residents.name), asc(residents.id)],
    page: q,
  });
}

/** Full rows of the given residents that are in reach for `action` (e.g. reveal, for a full export). */
export function residentRowsByIds(db: Db, actor: Actor, action: ResidentAction, ids: string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(residents)
    .where(and(inArray(residents.id, ids), residentsPolicy.scope(actor, action)));
}

/** The live resident holding an ID number (by its blind index), in any scope: duplicates are global. */
export async function residentIdByIdNumberHash(db: Db, hash: string): Promise<string | undefined> {
  const [dup] = await db
    .select({ id: residents.id })
    .from(residents)
    .where(and(eq(residents.idNumberHash, hash), live));
  return dup?.id;
}

export const insertResident = rowInserter(residents);

/** Updates a resident found in scope, if still at `version` (optimistic lock); undefined when not. */
export async function updateResidentRow(
  db: Db,
  id: string,
  version: number,
  set: Partial<NewResident>,
): Promise<ResidentRow | undefined> {
  const [after] = await db
    .update(residents)
    .set(set)
    .where(and(eq(residents.id, id), eq(residents.version, version)))
    .returning();
  return after;
}

/** Residents whose special-group tags are still in the clear (left by earlier releases). */
export function residentsWithLegacyTags(db: Db, limit: number) {
  return db
    .select({
      id: residents.id,
      legacyTags: residents.legacyTags,
      specialGroupsEnc: residents.specialGroupsEnc,
    })
    .from(residents)
    .where(sql`${residents.legacyTags} is not null`)
    .limit(limit);
}

/** Stores a resident's encrypted tags and clears the legacy column, unless an edit did so meanwhile. */
export async function replaceLegacyTags(db: Db, id: string, set: Partial<NewResident>) {
  await db
    .update(residents)
    .set({ ...set, legacyTags: null })
    .where(and(eq(residents.id, id), sql`${residents.legacyTags} is not null`));
}

/**
 * Query builder: `join residents <alias> on <alias>.id_number_hash = <hashExpr> and <alias>.deleted_at is
 * null`, keeping the foreign rows whose ID-number blind index a live resident holds (at most one: the
 * index is unique among live residents). `alias` is letters, digits and underscores.
 */
export function liveIdNumberHolderJoinSql(alias: string, hashExpr: SQL): SQL {
  if (!/^[a-z_][a-z0-9_]*$/.test(alias)) throw new Error(`bad resident alias ${alias}`);
  const a = sql.raw(alias);
  return sql`join residents ${a} on ${a}.id_number_hash = ${hashExpr} and ${a}.deleted_at is null`;
}

/** The columns a foreign bulk INSERT … SELECT of residents fills (`insertResidentsSelectSql`), in this order. */
const BULK_COLUMNS = [
  'id',
  'orgUnitId',
  'orgPath',
  'communityId',
  'name',
  'gender',
  'birthDate',
  'idNumberEnc',
  'idNumberHash',
  'idNumberMask',
  'phoneEnc',
  'phoneHash',
  'phoneMask',
  'addressEnc',
  'addressMask',
  'room',
  'registrationStatus',
  'specialGroupsEnc',
  'specialGroupHashes',
  'notes',
  'importJobId',
  'version',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof NewResident)[];
export type ResidentBulkColumn = (typeof BULK_COLUMNS)[number];

/**
 * Query builder: `insert into residents (<the bulk columns>) select <values, one per column> <rest>`, a
 * foreign module's bulk INSERT … SELECT of residents in one statement (`rest` is the select's from, joins
 * and where; add `returning` after it as needed). The values are SQL expressions over the caller's rows.
 */
export function insertResidentsSelectSql(values: Record<ResidentBulkColumn, SQL>, rest: SQL): SQL {
  const columns = sql.join(
    BULK_COLUMNS.map((c) => sql.identifier(residents[c].name)),
    sql`, `,
  );
  const picks = sql.join(
    BULK_COLUMNS.map((c) => values[c]),
    sql`,\n          `,
  );
  return sql`insert into ${residents} (${columns})
        select
          ${picks}
        ${rest}`;
}
