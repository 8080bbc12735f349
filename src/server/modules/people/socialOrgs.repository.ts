import { type SQL, and, eq, inArray, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../platform/db';
import { firstRow } from '../../platform/firstRow';
import { isUuid } from '../../platform/ids';
import type { Actor } from '../../platform/permissions';
import { peoplePolicy } from './people.policy';
import { socialOrgs, workers } from './people.table';

/**
 * Reads of the social-organisation registry and of social workers for the social-orgs module (through
 * people.api.ts): rows by id, a named SQL builder for its joins, and the R-ORG-6 count per unit.
 */
export type SocialOrgRow = typeof socialOrgs.$inferSelect;

export async function socialOrgsByIds(db: Db, ids: readonly string[]): Promise<SocialOrgRow[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return [];
  return db.select().from(socialOrgs).where(inArray(socialOrgs.id, valid));
}

/** The social organisation with this id if it is in reach for people.read. */
export async function socialOrgInReach(db: Db, actor: Actor, id: string): Promise<SocialOrgRow | undefined> {
  if (!isUuid(id)) return undefined;
  return firstRow(
    db,
    socialOrgs,
    and(eq(socialOrgs.id, id), peoplePolicy.scope(actor, 'read', socialOrgs.orgPath)),
  );
}

export type SocialOrgField =
  | 'name'
  | 'registration'
  | 'uscc'
  | 'public_welfare'
  | 'migrant_members'
  | 'member_count';

/** A correlated subquery: the field of the social organisation whose id is in `idColumn` (null when none). */
export function socialOrgFieldSql<T = unknown>(idColumn: AnyPgColumn, field: SocialOrgField): SQL<T | null> {
  return sql<T | null>`(select so.${sql.raw(field)} from social_orgs so where so.id = ${idColumn})`;
}

/** Public-welfare organisations with migrant-worker members under each path (R-ORG-6). */
export async function migrantWelfareCounts(db: Db, paths: readonly string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const p of paths) {
    const [r] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(socialOrgs)
      .where(
        and(
          sql`${socialOrgs.orgPath} like ${`${p}%`}`,
          eq(socialOrgs.publicWelfare, true),
          eq(socialOrgs.migrantMembers, true),
        ),
      );
    out.set(p, r?.n ?? 0);
  }
  return out;
}

export type SocialWorkerRow = Pick<
  typeof workers.$inferSelect,
  'id' | 'name' | 'kind' | 'qualifications' | 'orgPath' | 'active'
>;

const workerCols = {
  id: workers.id,
  name: workers.name,
  kind: workers.kind,
  qualifications: workers.qualifications,
  orgPath: workers.orgPath,
  active: workers.active,
};

export async function workersByIds(db: Db, ids: readonly string[]): Promise<SocialWorkerRow[]> {
  const valid = [...new Set(ids.filter(isUuid))];
  if (valid.length === 0) return [];
  return db.select(workerCols).from(workers).where(inArray(workers.id, valid));
}

/** An active worker with this id in reach for people.read. */
export async function workerInReach(db: Db, actor: Actor, id: string): Promise<SocialWorkerRow | undefined> {
  if (!isUuid(id)) return undefined;
  const [row] = await db
    .select(workerCols)
    .from(workers)
    .where(
      and(eq(workers.id, id), eq(workers.active, true), peoplePolicy.scope(actor, 'read', workers.orgPath)),
    );
  return row;
}
