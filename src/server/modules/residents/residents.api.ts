/**
 * What other modules may use of the resident registry (DESIGN boundaries): functions and types, never
 * the table.
 */
import { type SQL, and, eq, ilike, inArray, isNull, like, lt, lte, sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/permissions';
import { namesById } from '../../platform/namesById';
import { type Db, rowsOf } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { type Actor, scopeWhere, underPath } from '../../platform/permissions';
import { unitFieldSql, unitJoinSql, unitNameSql } from '../org/org.api';
import { residents } from './residents.table';

export { sealPii, sealSpecialGroups } from './residents.usecases';
export {
  type ResidentBulkColumn,
  insertResidentsSelectSql,
  liveIdNumberHolderJoinSql,
} from './residents.repository';

export type ResidentRow = typeof residents.$inferSelect;

/**
 * A live (not deleted) resident inside the actor's scope for `permission`, else undefined: callers answer
 * the same for unknown and out-of-scope ids, so nobody probes the registry outside their area.
 */
export async function liveResidentInScope(
  db: Db,
  actor: Actor,
  permission: Permission,
  id: string,
): Promise<ResidentRow | undefined> {
  return firstRow(
    db,
    residents,
    and(eq(residents.id, id), isNull(residents.deletedAt), scopeWhere(actor, permission, residents.orgPath)),
  );
}

/** A live resident by id, anywhere (for checks the caller scopes itself), with its org path. */
export async function liveResidentPath(
  db: Db,
  id: string,
): Promise<{ id: string; orgPath: string } | undefined> {
  const [r] = await db
    .select({ id: residents.id, orgPath: residents.orgPath })
    .from(residents)
    .where(and(eq(residents.id, id), isNull(residents.deletedAt)));
  return r;
}

/**
 * Whether two live residents are registered in the same household (a unit of kind `household`): the family
 * link the registry itself proves (R-VP-2 family members).
 */
export async function sameHousehold(db: Db, a: string, b: string): Promise<boolean> {
  const rows = rowsOf<{ ok: boolean }>(
    await db.execute(sql`
      select exists (
        select 1 from residents x join residents y on y.org_unit_id = x.org_unit_id
        ${unitJoinSql('u', sql`x.org_unit_id`, { kind: 'household' })}
        where x.id = ${a} and y.id = ${b} and x.deleted_at is null and y.deleted_at is null
      ) as ok`),
  );
  return !!rows[0]?.ok;
}

/** Which of these ID-number blind indexes belong to a live resident already. */
export async function registeredIdNumberHashes(db: Db, hashes: readonly string[]): Promise<Set<string>> {
  if (hashes.length === 0) return new Set();
  // Blind indexes are base64url: a comma-joined list is one parameter however long the batch.
  const found = rowsOf<{ hash: string }>(
    await db.execute(sql`
      select ${residents.idNumberHash} as hash from ${residents}
      where ${residents.idNumberHash} = any(string_to_array(${hashes.join(',')}, ','))
        and ${residents.deletedAt} is null`),
  );
  return new Set(found.map((f) => f.hash));
}

/**
 * Live residents whose phone has this blind index (at most `limit`), for linking a resident's own login
 * (SMS login, accounts module): the caller proved the phone, never sees the others' data and links only
 * when exactly one record matches.
 */
export async function liveResidentsByPhoneHash(
  db: Db,
  phoneHash: string,
  limit = 2,
): Promise<{ id: string; name: string; communityId: string }[]> {
  return db
    .select({ id: residents.id, name: residents.name, communityId: residents.communityId })
    .from(residents)
    .where(and(eq(residents.phoneHash, phoneHash), isNull(residents.deletedAt)))
    .limit(limit);
}

/**
 * The electorate of a unit at a frozen date (meetings, R-LAW-MT-1/3): live residents registered in the
 * unit's subtree (户籍 or 常住, not 流动) and on the register by that date; adults are 18 or older on it,
 * households the household units with at least one such resident.
 */
function electorWhere(orgPath: string, frozenOn: string, adultsOnly: boolean): SQL {
  const dayAfter = new Date(`${frozenOn}T00:00:00+08:00`);
  dayAfter.setUTCDate(dayAfter.getUTCDate() + 1);
  const cutoff = `${Number(frozenOn.slice(0, 4)) - 18}${frozenOn.slice(4)}`;
  return and(
    like(residents.orgPath, `${orgPath}%`),
    isNull(residents.deletedAt),
    inArray(residents.registrationStatus, ['registered', 'permanent']),
    lt(residents.createdAt, dayAfter),
    adultsOnly ? lte(residents.birthDate, cutoff) : undefined,
  )!;
}

export async function electorateOf(
  db: Db,
  orgPath: string,
  frozenOn: string,
): Promise<{ adults: number; households: number }> {
  const [adults] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(residents)
    .where(electorWhere(orgPath, frozenOn, true));
  const [households] = await db
    .select({ n: sql<number>`count(distinct ${residents.orgUnitId})::int` })
    .from(residents)
    .where(
      and(
        electorWhere(orgPath, frozenOn, false),
        sql`${unitFieldSql(residents.orgUnitId, 'kind')} = 'household'`,
      ),
    );
  return { adults: adults?.n ?? 0, households: households?.n ?? 0 };
}

export interface Elector {
  id: string;
  name: string;
  householdId: string | null;
  household: string | null;
}

const electorFields = {
  id: residents.id,
  name: residents.name,
  householdId: sql<
    string | null
  >`case when ${unitFieldSql(residents.orgUnitId, 'kind')} = 'household' then ${residents.orgUnitId} end`,
  household: sql<
    string | null
  >`case when ${unitFieldSql(residents.orgUnitId, 'kind')} = 'household' then ${unitNameSql(residents.orgUnitId)} end`,
};

/** Which of these residents are electors of the unit at the frozen date (adults only unless `anyAge`). */
export async function electorsAmong(
  db: Db,
  orgPath: string,
  frozenOn: string,
  ids: readonly string[],
  anyAge = false,
): Promise<Elector[]> {
  if (ids.length === 0) return [];
  return db
    .select(electorFields)
    .from(residents)
    .where(and(electorWhere(orgPath, frozenOn, !anyAge), inArray(residents.id, [...ids])));
}

/** One page of the electors (adults), by name, for a sign-in desk. */
export async function electorsPage(
  db: Db,
  orgPath: string,
  frozenOn: string,
  q: string | undefined,
  page: { page: number; pageSize: number },
): Promise<{ items: Elector[]; total: number }> {
  const where = and(electorWhere(orgPath, frozenOn, true), q ? ilike(residents.name, `%${q}%`) : undefined);
  const [n] = await db.select({ n: sql<number>`count(*)::int` }).from(residents).where(where);
  const items = await db
    .select(electorFields)
    .from(residents)
    .where(where)
    .orderBy(residents.name, residents.id)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize);
  return { items, total: n?.n ?? 0 };
}

/**
 * Permanent residents (常住人口: registered + permanent status, live) under each of these unit paths, for
 * standards sized by population (R-ORG-6 elderly care). The caller has scoped the units itself.
 */
export async function permanentResidentsUnder(
  db: Db,
  paths: readonly string[],
): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  if (paths.length === 0) return out;
  const rows = rowsOf<{ path: string; n: number }>(
    await db.execute(sql`
      select p.path, (select count(*)::int from ${residents} r
        where r.org_path like p.path || '%' and r.deleted_at is null
          and r.registration_status in ('registered', 'permanent')) as n
      from unnest(string_to_array(${paths.join(',')}, ',')) as p(path)`),
  );
  for (const r of rows) out.set(r.path, r.n);
  return out;
}

/**
 * A live resident's name and decrypted contact data, for another module's audited reveal (care: the
 * visitor of a plan). The caller has decided the actor may see it and writes the audit entry.
 */
export async function residentIdentity(
  db: Db,
  pii: { decrypt(cipher: string): string },
  id: string,
): Promise<{ name: string; phone: string | null; address: string | null } | undefined> {
  const [r] = await db
    .select({ name: residents.name, phoneEnc: residents.phoneEnc, addressEnc: residents.addressEnc })
    .from(residents)
    .where(and(eq(residents.id, id), isNull(residents.deletedAt)));
  if (!r) return undefined;
  return {
    name: r.name,
    phone: r.phoneEnc ? pii.decrypt(r.phoneEnc) : null,
    address: r.addressEnc ? pii.decrypt(r.addressEnc) : null,
  };
}

/** A live resident's unit and name by id, anywhere (proxy acts check the actor's scope themselves). */
export async function liveResidentBrief(
  db: Db,
  id: string,
): Promise<
  { id: string; name: string; orgUnitId: string; orgPath: string; communityId: string } | undefined
> {
  const [r] = await db
    .select({
      id: residents.id,
      name: residents.name,
      orgUnitId: residents.orgUnitId,
      orgPath: residents.orgPath,
      communityId: residents.communityId,
    })
    .from(residents)
    .where(and(eq(residents.id, id), isNull(residents.deletedAt)));
  return r;
}

/** Names of residents by id (deleted ones too), for showing the principal of a record made on their behalf. */
export function residentNamesByIds(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  return namesById(db, residents, residents.name, ids);
}

/**
 * Live residents under a unit's path by registration status (户籍 registered, 常住 permanent, 流动 migrant),
 * for a unit's population split (the reports module's urban-village profile). The caller has scoped the unit.
 */
export async function registrationCountsUnder(
  db: Db,
  path: string,
): Promise<{ registered: number; permanent: number; migrant: number }> {
  const rows = await db
    .select({ status: residents.registrationStatus, n: sql<number>`count(*)::int` })
    .from(residents)
    .where(and(underPath(residents.orgPath, path), isNull(residents.deletedAt)))
    .groupBy(residents.registrationStatus);
  const n = (status: string) => rows.find((r) => r.status === status)?.n ?? 0;
  return { registered: n('registered'), permanent: n('permanent'), migrant: n('migrant') };
}
