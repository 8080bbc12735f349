/**
 * What other modules may use of the resident registry (DESIGN boundaries): functions and types, never
 * the table.
 */
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Permission } from '../../../shared/permissions';
import { type Db, rowsOf } from '../../platform/db';
import { type Actor, scopeWhere } from '../../platform/permissions';
import { residents } from './residents.table';

export { sealPii, sealSpecialGroups } from './residents.usecases';

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
  const [r] = await db
    .select()
    .from(residents)
    .where(
      and(
        eq(residents.id, id),
        isNull(residents.deletedAt),
        scopeWhere(actor, permission, residents.orgPath),
      ),
    );
  return r;
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
