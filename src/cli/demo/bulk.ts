import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../server/platform/db';

/**
 * Inserts many rows in few statements: the rows travel as one JSON parameter per chunk and
 * `json_populate_recordset` turns them into the table's row type (far faster than building a
 * multi-row VALUES list). A column the rows leave out gets its plain (non-SQL) default, else null. Chunks of
 * 1,000 rows, with a pause for waiting requests between them.
 */
export async function bulkInsert<T extends PgTable>(
  db: Db,
  table: T,
  rows: T['$inferInsert'][],
  chunk = 5000,
) {
  if (rows.length === 0) return;
  // A key the seed does not set takes the column's plain default (e.g. a flag added later), else null.
  const cols = Object.entries(getTableColumns(table)).map(([key, c]) => {
    const d = c.default;
    const fallback = ['boolean', 'number', 'string'].includes(typeof d) ? d : null;
    return [key, c.name, fallback] as const;
  });
  const name = sql.identifier(getTableName(table));
  for (let i = 0; i < rows.length; i += chunk) {
    const json = JSON.stringify(
      rows
        .slice(i, i + chunk)
        .map((row) =>
          Object.fromEntries(
            cols.map(([key, col, fallback]) => [col, (row as Record<string, unknown>)[key] ?? fallback]),
          ),
        ),
    );
    await db.execute(
      sql`insert into ${name} select * from json_populate_recordset(null::${name}, ${json}::json)`,
    );
    await yieldToRequests();
  }
}

/**
 * Lets waiting requests run: the demo loads in the background of a server that already answers, and the
 * embedded database runs on the same thread, so a long stretch of seeding must not hold the event loop.
 */
export const yieldToRequests = () => new Promise<void>((resolve) => setImmediate(resolve));
