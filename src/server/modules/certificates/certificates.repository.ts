import { and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import type { CatalogueQuery, RegisterQuery, SealQuery } from '../../../shared/contracts/certificates';
import type { Db } from '../../platform/db';
import { countWhere } from '../../platform/figureQuery';
import { firstRow } from '../../platform/firstRow';
import { findRowInScope } from '../../platform/findInScope';
import { inReach } from '../../platform/inReach';
import { isUuid } from '../../platform/ids';
import { type Page, listPage } from '../../platform/listing';
import { type Actor, escapeLike } from '../../platform/permissions';
import { insertRow } from '../../platform/rows';
import { catalogueReach, certPolicy } from './certificates.policy';
import { certCatalogue, certRegister, sealUses } from './certificates.table';

/** Every query of the certificates tables; reads AND the actor's reach in (out of reach → 404). */
export type CatalogueRow = typeof certCatalogue.$inferSelect;
export type CertRow = typeof certRegister.$inferSelect;
export type SealRow = typeof sealUses.$inferSelect;

/** The register and the seal log, each scoped on its own community path. */
const read = inReach(certPolicy, 'read');

export function listCatalogueRows(db: Db, actor: Actor, q: CatalogueQuery): Promise<Page<CatalogueRow>> {
  return listPage(db, {
    table: certCatalogue,
    where: and(
      catalogueReach(actor, certCatalogue.orgPath),
      eq(certCatalogue.active, true),
      q.q ? ilike(certCatalogue.name, `%${escapeLike(q.q)}%`) : undefined,
    ),
    orderBy: [asc(certCatalogue.sort), asc(certCatalogue.name), asc(certCatalogue.id)],
    page: q,
  });
}

/** Active catalogue items kept at or above any of `homePaths` (what a resident's community may certify). */
export function catalogueForHomes(db: Db, homePaths: string[]): Promise<CatalogueRow[]> {
  if (homePaths.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(certCatalogue)
    .where(
      and(
        eq(certCatalogue.active, true),
        sql`(${sql.join(
          homePaths.map((p) => sql`${p} like (${certCatalogue.orgPath} || '%')`),
          sql` or `,
        )})`,
      ),
    )
    .orderBy(asc(certCatalogue.sort), asc(certCatalogue.name), asc(certCatalogue.id))
    .limit(200);
}

/** An active catalogue item that applies to the community at `communityPath` (kept at or above it). */
export async function catalogueItemFor(
  db: Db,
  id: string,
  communityPath: string,
): Promise<CatalogueRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(
    db,
    certCatalogue,
    and(
      eq(certCatalogue.id, id),
      eq(certCatalogue.active, true),
      sql`${communityPath} like (${certCatalogue.orgPath} || '%')`,
    ),
  );
}

export const insertCatalogue = (db: Db, row: typeof certCatalogue.$inferInsert): Promise<CatalogueRow> =>
  insertRow(db, certCatalogue, row);

export const insertCert = (db: Db, row: typeof certRegister.$inferInsert): Promise<CertRow> =>
  insertRow(db, certRegister, row);

export const findCert = (db: Db, actor: Actor, id: string): Promise<CertRow | undefined> =>
  findRowInScope(db, certRegister, id, certPolicy.scope(actor, 'read'));

export const listCertRows = read.lister<typeof certRegister, RegisterQuery>(
  certRegister,
  [desc(certRegister.createdAt), desc(certRegister.id)],
  (q) => [q.status ? eq(certRegister.status, q.status) : undefined],
);

/** How many register (or seal-log) entries the community numbered this year: the next number's sequence. */
export async function countNumbered(
  db: Db,
  table: 'cert' | 'seal',
  orgUnitId: string,
  prefix: string,
): Promise<number> {
  const t = table === 'cert' ? certRegister : sealUses;
  // Numbers run per community and year: issues in one community take turns until their commit.
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`${table}:${orgUnitId}`}))`);
  return countWhere(db, t, and(eq(t.orgUnitId, orgUnitId), sql`${t.number} like ${`${prefix}%`}`));
}

export const insertSeal = (db: Db, row: typeof sealUses.$inferInsert): Promise<SealRow> =>
  insertRow(db, sealUses, row);

export const listSealRows = read.lister<typeof sealUses, SealQuery>(
  sealUses,
  [desc(sealUses.usedAt), desc(sealUses.id)],
  (q) => [q.status ? eq(sealUses.status, q.status) : undefined],
);
