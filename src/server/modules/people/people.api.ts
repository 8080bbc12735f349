/**
 * What other modules may use of the people registry (DESIGN boundaries): functions and types, never the
 * tables.
 */
import { and, eq, ilike, inArray, like } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import { underPath } from '../../platform/permissions';
import { deputies, residentUnits, socialOrgs } from './people.table';

export {
  type LinkedRegistry,
  type PartyMemberRow,
  partyMemberById,
  partyMemberInScope,
  registryNames,
  registryPlace,
  socialOrgsUnder,
  type WorkerRow,
  workerInScope,
} from './people.repository';
export { createSocialOrg, updateSocialOrg } from './units.usecases';
export {
  type SocialOrgField,
  type SocialOrgRow,
  type SocialWorkerRow,
  migrantWelfareCounts,
  socialOrgFieldSql,
  socialOrgInReach,
  socialOrgsByIds,
  workerInReach,
  workersByIds,
} from './socialOrgs.repository';

/** A worker counts as a qualified social worker with a 社会工作者 qualification (助理社工师, 社工师, 高级社工师). */
export const isQualifiedSocialWorker = (w: { qualifications: readonly string[] }) =>
  w.qualifications.some((q) => q.startsWith('social_worker') || q.includes('社工'));

export type RegistryKind = 'deputy' | 'social_org' | 'resident_unit';
const TABLES = { deputy: deputies, social_org: socialOrgs, resident_unit: residentUnits } as const;

/**
 * Registry records of a kind under a unit's path (两代表一委员, social organisations, resident units), by name,
 * for picking a deliberation's participants. The caller has checked the unit is in the actor's scope.
 */
export async function registryCandidates(
  db: Db,
  kind: RegistryKind,
  path: string,
  q: string | undefined,
  limit = 50,
): Promise<{ id: string; name: string }[]> {
  const t = TABLES[kind];
  return db
    .select({ id: t.id, name: t.name })
    .from(t)
    .where(and(like(t.orgPath, `${path}%`), q ? ilike(t.name, `%${q}%`) : undefined))
    .orderBy(t.name)
    .limit(limit);
}

/** Which of these ids are registry records of the kind under the path (with their names). */
export async function registryEntries(
  db: Db,
  kind: RegistryKind,
  path: string,
  ids: readonly string[],
): Promise<{ id: string; name: string }[]> {
  if (ids.length === 0) return [];
  const t = TABLES[kind];
  return db
    .select({ id: t.id, name: t.name })
    .from(t)
    .where(and(like(t.orgPath, `${path}%`), inArray(t.id, [...ids])));
}

/**
 * The public-welfare social organisations with migrant-worker members under a unit's path (R-ORG-6; the
 * ones `migrantWelfareCounts` counts), by name: the reports module's urban-village profile lists them. The
 * caller has scoped the unit.
 */
export async function migrantWelfareOrgsUnder(
  db: Db,
  path: string,
): Promise<{ name: string; field: string; memberCount: number }[]> {
  return db
    .select({ name: socialOrgs.name, field: socialOrgs.field, memberCount: socialOrgs.memberCount })
    .from(socialOrgs)
    .where(
      and(
        underPath(socialOrgs.orgPath, path),
        eq(socialOrgs.publicWelfare, true),
        eq(socialOrgs.migrantMembers, true),
      ),
    )
    .orderBy(socialOrgs.name);
}
