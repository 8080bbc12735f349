import type { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type pg from 'pg';
import type { TestApp } from '../test/app';
import { rowsOf } from '../src/server/platform/db';

/**
 * The bulk-load ceiling of the database: `COPY … FROM STDIN` of the rows an import stored, into a
 * table built like `residents` (same columns, same indexes). pg-copy-streams is not a dependency: a
 * minimal submittable speaks the COPY sub-protocol through node-postgres; PGlite reads the rows from a
 * blob (`COPY … FROM '/dev/blob'`).
 */
class CopyIn {
  readonly done: Promise<number>;
  private resolve!: (n: number) => void;
  private reject!: (e: unknown) => void;
  private rows = 0;
  constructor(
    private readonly text: string,
    private readonly data: Buffer,
  ) {
    this.done = new Promise((res, rej) => {
      this.resolve = res;
      this.reject = rej;
    });
  }
  submit(connection: { query(text: string): void }) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: { sendCopyFromChunk(b: Buffer): void; endCopyFrom(): void }) {
    for (let i = 0; i < this.data.length; i += 1 << 16)
      connection.sendCopyFromChunk(this.data.subarray(i, i + (1 << 16)));
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text: string }) {
    this.rows = Number(msg.text.split(' ').at(-1));
  }
  handleReadyForQuery() {
    this.resolve(this.rows);
  }
  handleError(err: unknown) {
    this.reject(err);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** The columns of `residents` in table order, as text CSV fields, for rows of one import. */
async function residentsCsv(t: TestApp, jobId: string): Promise<{ columns: string[]; csv: Buffer }> {
  const columns = rowsOf<{ name: string }>(
    await t.database.db.execute(sql`
      select column_name as name from information_schema.columns
      where table_schema = current_schema() and table_name = 'residents' order by ordinal_position`),
  ).map((c) => c.name);
  const field = (c: string) => `coalesce('"' || replace(${c}::text, '"', '""') || '"', '')`;
  const lines = rowsOf<{ line: string }>(
    await t.database.db.execute(
      sql`select ${sql.raw(columns.map(field).join(` || ',' || `))} as line from residents where import_job_id = ${jobId}`,
    ),
  );
  return { columns, csv: Buffer.from(`${lines.map((l) => l.line).join('\n')}\n`) };
}

/** Seconds to COPY the rows of import `jobId` into a new table like `residents` (indexes included). */
export async function copyCeiling(t: TestApp, jobId: string): Promise<{ seconds: number; rows: number }> {
  const { columns, csv } = await residentsCsv(t, jobId);
  await t.database.db.execute(sql`create table bench_copy_residents (like residents including all)`);
  const copy = `copy bench_copy_residents (${columns.join(', ')}) from stdin with (format csv)`;
  try {
    if (t.database.kind === 'pglite') {
      const db = t.database.pglite as PGlite;
      const t0 = performance.now();
      const res = await db.query(copy.replace('from stdin', `from '/dev/blob'`), [], {
        blob: new Blob([new Uint8Array(csv)]),
      });
      return { seconds: (performance.now() - t0) / 1000, rows: res.affectedRows ?? 0 };
    }
    const pool = (t.database.db as unknown as { $client: pg.Pool }).$client;
    const client = await pool.connect();
    try {
      const t0 = performance.now();
      const q = new CopyIn(copy, csv);
      client.query(q as unknown as pg.QueryConfig);
      const rows = await q.done;
      return { seconds: (performance.now() - t0) / 1000, rows };
    } finally {
      client.release();
    }
  } finally {
    await t.database.db.execute(sql`drop table bench_copy_residents`);
  }
}
