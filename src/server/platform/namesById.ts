import { inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';

/**
 * Id → name (`nameColumn`) of the `table` rows with these ids, each asked once; unknown ids are left out, and
 * no ids answer an empty map without a query: `namesById(db, things, things.name, ids)`.
 */
export async function namesById<T extends PgTable & { id: AnyPgColumn }>(
  db: Db,
  table: T,
  nameColumn: AnyPgColumn,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const uniq = [...new Set(ids)];
  if (uniq.length === 0) return new Map();
  const rows = await db
    .select({ id: table.id, name: nameColumn })
    .from(table as PgTable)
    .where(inArray(table.id, uniq));
  return new Map(rows.map((r) => [r.id as string, r.name as string]));
}
