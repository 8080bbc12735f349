import { type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';

export interface PageQuery {
  page: number;
  pageSize: number;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/**
 * One page of `table`'s rows matching `where`, in `orderBy` order, with the total count: the shape every
 * list route answers (`pageOf` in pagination.ts). The caller's `where` must already hold the actor's scope
 * (repositories AND it in). The order should end on a unique column so pages never overlap.
 */
export async function listPage<T extends PgTable>(
  db: Db,
  opts: { table: T; where: SQL | undefined; orderBy: (PgColumn | SQL)[]; page: PageQuery },
): Promise<Page<T['$inferSelect']>> {
  const { table, where, orderBy, page } = opts;
  const [{ n } = { n: 0 }] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(table as PgTable)
    .where(where);
  const items = (await db
    .select()
    .from(table as PgTable)
    .where(where)
    .orderBy(...orderBy)
    .limit(page.pageSize)
    .offset((page.page - 1) * page.pageSize)) as T['$inferSelect'][];
  return { items, total: n, page: page.page, pageSize: page.pageSize };
}
