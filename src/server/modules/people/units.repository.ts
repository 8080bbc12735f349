import { and, eq, ne } from 'drizzle-orm';
import type { Db } from '../../platform/db';
import type { deputies, residentUnits, socialOrgs } from './people.table';

/**
 * Writes and checks of deputies, resident units and social organizations beyond the scoped lookups and
 * lists of people.repository.ts: rows the use case has already found in reach, or new rows in a unit it
 * found in the actor's write scope.
 */
type UnitsTable = typeof deputies | typeof residentUnits | typeof socialOrgs;

export async function insertRow<T extends UnitsTable>(
  db: Db,
  table: T,
  values: T['$inferInsert'],
): Promise<T['$inferSelect']> {
  const [created] = await db
    .insert(table as typeof deputies)
    .values(values as typeof deputies.$inferInsert)
    .returning();
  return created as T['$inferSelect'];
}

/** Updates a row found in scope. */
export async function updateRow<T extends UnitsTable>(
  db: Db,
  table: T,
  id: string,
  set: Partial<T['$inferInsert']>,
): Promise<T['$inferSelect']> {
  const t = table as typeof deputies;
  const [after] = await db
    .update(t)
    .set(set as Partial<typeof deputies.$inferInsert>)
    .where(eq(t.id, id))
    .returning();
  return after as T['$inferSelect'];
}

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
