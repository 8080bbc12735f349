import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { type Database, openDatabase } from '../src/server/platform/db';
import * as schema from '../src/server/platform/schema';

const dumps = new Map<string, Blob>();

/**
 * A fresh, migrated database for one test file (or one test), cloned from a template that
 * test/globalSetup.ts migrated once for the whole run: in-memory PGlite loaded from a data-directory
 * dump, or a new database on the PostgreSQL server named by TEST_DATABASE_URL created with
 * `CREATE DATABASE … TEMPLATE` (dropped again by `close`). `fixture` also holds the default categories
 * and the factories' units and users (see createTestApp).
 */
export async function freshDatabase(template: 'bare' | 'fixture' = 'bare'): Promise<Database> {
  const templates = providedTemplates();
  // Outside vitest (`npm run bench`): no templates, so migrate a new database here.
  if (!templates) return migratedDatabase(template);
  const serverUrl = process.env.TEST_DATABASE_URL;
  const kind = templates.kind === 'pglite' || !serverUrl ? 'pglite' : 'postgres';
  const free = reusable.find((r) => !r.busy && r.template === template && r.kind === kind);
  if (free) {
    free.busy = true;
    try {
      return await free.lend();
    } catch (err) {
      // Whatever the last file left behind could not be undone: this database is not used again.
      reusable.splice(reusable.indexOf(free), 1);
      await free.discard().catch(() => undefined);
      console.warn(`test database not reused: ${(err as Error).message}`);
    }
  }
  const entry =
    kind === 'pglite'
      ? await reusablePglite(template, await templateDump(templates[template]))
      : await reusableServerDatabase(template, serverUrl!, templates[template], templates.databasePrefix);
  reusable.push(entry);
  return entry.lend();
}

/**
 * One database per template and worker, reused by the worker's test files one after another: loading a
 * dump (PGlite) or cloning a template (PostgreSQL) costs most of a second, putting a database back to the
 * template's rows a few milliseconds (see resetToSnapshot). A test that changes the schema gets a new one.
 */
interface Reusable {
  kind: 'pglite' | 'postgres';
  template: 'bare' | 'fixture';
  busy: boolean;
  /** The database as the template left it, behind a new handle (new Drizzle instance, so new caches). */
  lend(): Promise<Database>;
  discard(): Promise<void>;
}

const reusable: Reusable[] = [];

async function reusablePglite(template: 'bare' | 'fixture', dump: Blob): Promise<Reusable> {
  const database = await openDatabase({ loadDataDir: dump });
  const client = database.pglite!;
  const run = async (text: string) => (await client.exec(text)).at(-1)?.rows ?? [];
  const snapshot = await takeSnapshot(run);
  // A new Drizzle instance per file (new caches); the client stays open for the next file.
  const handle = async (): Promise<Database> => ({
    ...database,
    db: drizzlePglite(client, { schema }) as unknown as Database['db'],
    close: async () => undefined,
  });
  return reusableEntry(
    'pglite',
    template,
    () => resetToSnapshot(run, snapshot, 'pglite'),
    handle,
    () => database.close(),
  );
}

async function reusableServerDatabase(
  template: 'bare' | 'fixture',
  serverUrl: string,
  templateName: string,
  prefix = 'linli_test_',
): Promise<Reusable> {
  const name = `${prefix}${Date.now()}_${randomBytes(3).toString('hex')}`;
  await createServerDatabase(serverUrl, name, templateName);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  const run = async (text: string) => {
    const result = await admin.query(text);
    return (Array.isArray(result) ? result.at(-1)?.rows : result.rows) ?? [];
  };
  const snapshot = await takeSnapshot(run);
  const drop = async () => {
    await admin.end().catch(() => undefined);
    await dropServerDatabase(serverUrl, name);
  };
  // A new pool per file: nothing a file did to its sessions (settings, locks) reaches the next.
  const handle = () => openDatabase({ url: url.toString(), poolSize: 5 });
  return reusableEntry('postgres', template, () => resetToSnapshot(run, snapshot, 'postgres'), handle, drop);
}

/** A reusable database: the first file gets it as made, every later one after `reset`. */
function reusableEntry(
  kind: Reusable['kind'],
  template: Reusable['template'],
  reset: () => Promise<void>,
  handle: () => Promise<Database>,
  discard: () => Promise<void>,
): Reusable {
  let lent = 0;
  const entry: Reusable = {
    kind,
    template,
    busy: true,
    async lend() {
      if (lent++ > 0) await reset();
      const database = await handle();
      let open = true;
      return {
        ...database,
        async close() {
          if (!open) return;
          open = false;
          await database.close();
          entry.busy = false;
        },
      };
    },
    discard,
  };
  return entry;
}

interface Snapshot {
  /** Every table of the application, quoted (`"schema"."table"`). */
  tables: string[];
  /** The tables that hold rows in the template, with a copy of those rows and their writable columns. */
  filled: { table: string; copy: string; columns: string }[];
  /** `select setval(…), …` putting every sequence back where the template left it. */
  sequences: string;
  /** Counts of the catalog: a test that created or dropped anything changes them. */
  catalog: string;
}

type Run = (text: string) => Promise<Record<string, unknown>[]>;

const COPIES = 'linli_test_template_rows';
const CATALOG = `select (select count(*) from pg_class)::text || '/' || (select count(*) from pg_attribute)::text
  || '/' || (select count(*) from pg_trigger)::text || '/' || (select count(*) from pg_proc)::text
  || '/' || (select count(*) from pg_constraint)::text || '/' || (select count(*) from pg_namespace)::text as v`;

async function takeSnapshot(run: Run): Promise<Snapshot> {
  const tables = (await run(`select format('%I.%I', n.nspname, c.relname) as t, c.oid::int as oid
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where c.relkind in ('r', 'p') and not c.relispartition
      and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_%'
    order by 1`)) as { t: string; oid: number }[];
  const filled: Snapshot['filled'] = [];
  if (tables.length) {
    const nonEmpty = await run(
      tables.map((t, i) => `select ${i} as i where exists (select from ${t.t})`).join(' union all '),
    );
    await run(`create schema ${COPIES}`);
    for (const { i } of nonEmpty as { i: number }[]) {
      const { t, oid } = tables[i]!;
      const copy = `${COPIES}.t${oid}`;
      await run(`create table ${copy} as select * from ${t}`);
      const cols = (await run(`select string_agg(quote_ident(attname), ', ' order by attnum) as c
        from pg_attribute where attrelid = ${oid} and attnum > 0 and not attisdropped and attgenerated = ''`)) as {
        c: string;
      }[];
      filled.push({ table: t, copy, columns: cols[0]!.c });
    }
  }
  const seqs =
    (await run(`select format('%I.%I', schemaname, sequencename) as s, last_value::text as v, start_value::text as start
    from pg_sequences where schemaname not in ('pg_catalog', 'information_schema')`)) as {
      s: string;
      v: string | null;
      start: string;
    }[];
  const sequences = seqs.length
    ? `select ${seqs
        .map((q) => (q.v === null ? `setval('${q.s}', ${q.start}, false)` : `setval('${q.s}', ${q.v}, true)`))
        .join(', ')}`
    : 'select 1';
  const catalog = String((await run(CATALOG))[0]!.v);
  return {
    tables: tables.map((t) => t.t).filter((t) => !t.startsWith(`${COPIES}.`)),
    filled,
    sequences,
    catalog,
  };
}

/**
 * Puts a database back to its snapshot: the tables that hold rows are emptied (one TRUNCATE), the
 * template's rows copied back (foreign keys off while they go in) and every sequence rewound. Throws when
 * the schema changed since the snapshot (the caller then starts from a new database).
 */
async function resetToSnapshot(run: Run, s: Snapshot, kind: 'pglite' | 'postgres') {
  // PGlite is one session: end whatever transaction a failed test left open, forget its settings.
  if (kind === 'pglite') {
    await run('rollback');
    await run('discard all');
  }
  const catalog = String((await run(CATALOG))[0]!.v);
  if (catalog !== s.catalog) throw new Error('the schema changed');
  const nonEmpty = (await run(
    s.tables.map((t, i) => `select ${i} as i where exists (select from ${t})`).join(' union all '),
  )) as { i: number }[];
  const dirty = new Set([...nonEmpty.map((r) => s.tables[r.i]), ...s.filled.map((f) => f.table)]);
  const statements = ['begin', "set local session_replication_role = 'replica'"];
  if (dirty.size) statements.push(`truncate ${[...dirty].join(', ')} cascade`);
  for (const f of s.filled)
    statements.push(
      `insert into ${f.table} (${f.columns}) overriding system value select ${f.columns} from ${f.copy}`,
    );
  statements.push(s.sequences, 'commit');
  await run(statements.join(';\n'));
}

/** The templates test/globalSetup.ts made for this run; undefined outside vitest (`npm run bench`). */
function providedTemplates(): ReturnType<typeof inject<'dbTemplates'>> | undefined {
  try {
    return inject('dbTemplates');
  } catch {
    return undefined;
  }
}

/**
 * A PGlite dump by path. test/globalSetup.ts makes the dumps while the workers start, so the first file of
 * each worker may wait for one here.
 */
async function templateDump(file: string): Promise<Blob> {
  let dump = dumps.get(file);
  if (!dump) {
    const failed = providedTemplates()?.failed;
    for (let waited = 0; !existsSync(file); waited += 25) {
      if (failed && existsSync(failed))
        throw new Error(`making the test databases failed:\n${readFileSync(failed, 'utf8')}`);
      if (waited > 300_000) throw new Error(`no test database template after 5 minutes: ${file}`);
      await new Promise((r) => setTimeout(r, 25));
    }
    dump = new Blob([readFileSync(file)]);
    dumps.set(file, dump);
  }
  return dump;
}

/**
 * A PGlite data-directory dump of this run's templates, for `openDatabase({ dataDir, loadDataDir })`:
 * `empty` is a new database (initdb, no migration), `bare` the migrated schema. Undefined when the run
 * has no PGlite templates (outside vitest, or TEST_DATABASE_URL set), so PGlite creates the database
 * (initdb) as in production.
 */
export async function pgliteTemplate(template: 'empty' | 'bare' | 'fixture'): Promise<Blob | undefined> {
  const templates = providedTemplates();
  const file = templates?.kind === 'pglite' ? templates[template] : undefined;
  return file ? templateDump(file) : undefined;
}

/**
 * `CREATE DATABASE name` on the server, from `template` when given. Two clones of one template starting at
 * the same instant: PostgreSQL refuses the second ("being accessed by other users") while the first
 * copies; wait and try again.
 */
async function createServerDatabase(serverUrl: string, name: string, template?: string) {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await admin.query(`create database ${name}${template ? ` template ${template}` : ''}`);
        break;
      } catch (err) {
        if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
        await new Promise((r) => setTimeout(r, 50 * attempt));
      }
    }
  } finally {
    await admin.end();
  }
}

/** Drops a database on the server, closing whatever connections it still has. */
async function dropServerDatabase(serverUrl: string, name: string) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(`drop database if exists ${name} with (force)`);
  } finally {
    await c.end();
  }
}

/** A new, migrated database (with the fixture when asked), built without templates: for `npm run bench`. */
async function migratedDatabase(template: 'bare' | 'fixture'): Promise<Database> {
  const { addFixture, openMigrated } = await import('./templates');
  const serverUrl = process.env.TEST_DATABASE_URL;
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  if (serverUrl) {
    const name = `linli_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(serverUrl);
    url.pathname = `/${name}`;
    db = await openMigrated(url.toString());
    drop = () => dropServerDatabase(serverUrl, name);
  } else db = await openMigrated();
  if (template === 'fixture') await addFixture(db);
  if (!drop) return db;
  const close = db.close.bind(db);
  return {
    ...db,
    async close() {
      await close();
      await drop?.();
    },
  };
}

/**
 * Two handles on one new database, as two app processes would open it: two connections to a new
 * PostgreSQL database (TEST_DATABASE_URL), or one in-memory PGlite twice. `empty` (the default) is not
 * migrated; `bare` is a clone of the migrated template, for tests about what happens after migrating.
 */
export async function twoHandlesOnNewDatabase(template: 'empty' | 'bare' = 'empty'): Promise<{
  handles: [Database, Database];
  close: () => Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  const templates = providedTemplates();
  if (!serverUrl || templates?.kind === 'pglite') {
    const one = await openDatabase({ loadDataDir: await pgliteTemplate(template) });
    if (template !== 'empty' && !templates) await one.migrate();
    return { handles: [one, one], close: () => one.close() };
  }
  const name = `linli_test_lock_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await createServerDatabase(serverUrl, name, template === 'empty' ? undefined : templates?.[template]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const a = await openDatabase({ url: url.toString(), poolSize: 3 });
  const b = await openDatabase({ url: url.toString(), poolSize: 3 });
  if (template !== 'empty' && !templates) await a.migrate();
  return {
    handles: [a, b],
    async close() {
      await a.close();
      await b.close();
      await dropServerDatabase(serverUrl, name);
    },
  };
}
