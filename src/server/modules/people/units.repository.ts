import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { residentUnits, socialOrgs } from './people.table';

/**
 * Checks of resident units and social organizations beyond the scoped lookups and lists of
 * people.repository.ts (their one-row writes are platform/rows.ts).
 */

/** Whether another resident unit or social organization (not `exceptId`) holds this credit code. */
export async function usccTakenIn(
  db: Db,
  table: typeof residentUnits | typeof socialOrgs,
  uscc: string,
  exceptId?: string,
): Promise<boolean> {
  const t = table as typeof residentUnits;
  const [dup] = await db
    .select({ id: t.id })
    .from(t)
    .where(and(eq(t.uscc, uscc), exceptId ? ne(t.id, exceptId) : undefined));
  return !!dup;
}
