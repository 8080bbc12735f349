import { type SQL, and, asc, eq, ne, or } from 'drizzle-orm';
import type {
  DeputyListQuery,
  ResidentUnitListQuery,
  SocialOrgListQuery,
} from '../../../shared/contracts/people';
import type { Db } from '../../platform/db';
import { nameLike, registryRows } from './people.repository';
import { deputies, residentUnits, socialOrgs } from './people.table';

/**
 * Deputies', resident units' and social organizations' scoped reads and one-row writes (on
 * people.repository.ts `registryRows`), their list filters, and the credit-code check.
 */

/** Deputies, listed by kind then name. */
export const deputyRows = registryRows(deputies, [asc(deputies.kind), asc(deputies.name), asc(deputies.id)]);

/** The list filters of deputies: name contains `q.q`, of kind `q.kind`. */
export function deputyFilters(q: Pick<DeputyListQuery, 'q' | 'kind'>): (SQL | undefined)[] {
  return [nameLike(deputies.name, q.q), q.kind ? eq(deputies.kind, q.kind) : undefined];
}

/** Resident units, listed by name. */
export const residentUnitRows = registryRows(residentUnits, [asc(residentUnits.name), asc(residentUnits.id)]);

/** The list filters of resident units: name contains `q.q` or the credit code is `q.q`, of kind `q.kind`. */
export function residentUnitFilters(q: Pick<ResidentUnitListQuery, 'q' | 'kind'>): (SQL | undefined)[] {
  return [
    q.q ? or(nameLike(residentUnits.name, q.q), eq(residentUnits.uscc, q.q.toUpperCase())) : undefined,
    q.kind ? eq(residentUnits.kind, q.kind) : undefined,
  ];
}

/** Social organizations, listed by name. */
export const socialOrgRows = registryRows(socialOrgs, [asc(socialOrgs.name), asc(socialOrgs.id)]);

/** The list filters of social organizations: name or field contains `q.q`, registration, public welfare, migrant members. */
export function socialOrgFilters(
  q: Pick<SocialOrgListQuery, 'q' | 'registration' | 'publicWelfare' | 'migrantMembers'>,
): (SQL | undefined)[] {
  return [
    q.q ? or(nameLike(socialOrgs.name, q.q), nameLike(socialOrgs.field, q.q)) : undefined,
    q.registration ? eq(socialOrgs.registration, q.registration) : undefined,
    q.publicWelfare !== undefined ? eq(socialOrgs.publicWelfare, q.publicWelfare) : undefined,
    q.migrantMembers !== undefined ? eq(socialOrgs.migrantMembers, q.migrantMembers) : undefined,
  ];
}

/** Whether another resident unit (or social organization, by `kind`), not `exceptId`, holds this credit code. */
export async function usccTakenIn(
  db: Db,
  kind: 'resident_unit' | 'social_org',
  uscc: string,
  exceptId?: string,
): Promise<boolean> {
  const t = (kind === 'resident_unit' ? residentUnits : socialOrgs) as typeof residentUnits;
  const [dup] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.uscc, uscc), exceptId ? ne(t.id, exceptId) : undefined));
  return !!dup;
}
