import { type SQL, and } from 'drizzle-orm';
import type { AnyPgColumn, PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from './db';
import { type Page, type PageQuery, listPage } from './listing';
import { type Actor, underPath } from './permissions';
import type { Policy } from './policy';

/** A table whose rows carry their unit's path (`org_path`). */
type PathTable = PgTable & { orgPath: AnyPgColumn };

/**
 * A repository's reads of its path-carrying tables for one action of its policy: the rows in the actor's
 * scope (on the table's own `org_path`), under `path` (a unit's subtree) when given, matching `filters`.
 * `const read = inReach(fooPolicy, 'read');` then `read.rows(db, actor, fooItems, path)` or
 * `read.page(db, actor, fooItems, q, [desc(fooItems.at), desc(fooItems.id)])` for one page of a list, or
 * `export const listFooRows = read.lister(fooItems, [desc(fooItems.at), desc(fooItems.id)])`.
 */
export function inReach<A extends string>(policy: Pick<Policy<A, never>, 'scope'>, action: A) {
  const where = (actor: Actor, table: PathTable, path: string | undefined, filters: (SQL | undefined)[]) =>
    and(
      policy.scope(actor, action, table.orgPath),
      path ? underPath(table.orgPath, path) : undefined,
      ...filters,
    );
  const page = <T extends PathTable>(
    db: Db,
    actor: Actor,
    table: T,
    q: PageQuery & { path?: string },
    orderBy: (PgColumn | SQL)[],
    ...filters: (SQL | undefined)[]
  ): Promise<Page<T['$inferSelect']>> =>
    listPage(db, { table, where: where(actor, table, q.path, filters), orderBy, page: q });
  return {
    rows<T extends PathTable>(
      db: Db,
      actor: Actor,
      table: T,
      path: string | undefined,
      ...filters: (SQL | undefined)[]
    ): Promise<T['$inferSelect'][]> {
      return db
        .select()
        .from(table as PgTable)
        .where(where(actor, table, path, filters)) as Promise<T['$inferSelect'][]>;
    },
    page,
    /** A repository's list of `table` in `orderBy` order: one page for a query, with the query's `filters`. */
    lister<T extends PathTable, Q extends PageQuery & { path?: string } = PageQuery & { path?: string }>(
      table: T,
      orderBy: (PgColumn | SQL)[],
      filters: (q: Q) => (SQL | undefined)[] = () => [],
    ) {
      return (db: Db, actor: Actor, q: Q) => page(db, actor, table, q, orderBy, ...filters(q));
    },
  };
}
