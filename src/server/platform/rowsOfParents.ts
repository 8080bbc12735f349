import { type SQL, eq, inArray } from 'drizzle-orm';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';

/**
 * The rows of `table` whose `parent` column holds one of `parentIds`, in `order`: the rows kept under a page of
 * records (a framework's versions, a disclosure's objections, a meeting's issues…). No ids, no rows (no query).
 */
export function rowsOfParents<T extends PgTable>(
  db: Db,
  table: T,
  parent: AnyPgColumn,
  parentIds: readonly string[],
  ...order: SQL[]
): Promise<T['$inferSelect'][]> {
  if (parentIds.length === 0) return Promise.resolve([]);
  return db
    .select()
    .from(table as PgTable)
    .where(inArray(parent, [...parentIds]))
    .orderBy(...order) as Promise<T['$inferSelect'][]>;
}

/**
 * The rows of `table` kept under one record (`parent` holds `parentId`), in `order`: its timeline, its
 * comments, its attendance…
 */
export function rowsOfParent<T extends PgTable>(
  db: Db,
  table: T,
  parent: AnyPgColumn,
  parentId: string,
  ...order: SQL[]
): Promise<T['$inferSelect'][]> {
  return db
    .select()
    .from(table as PgTable)
    .where(eq(parent, parentId))
    .orderBy(...order) as Promise<T['$inferSelect'][]>;
}
