import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { inject } from 'vitest';
import { type Database, openDatabase } from '../src/server/platform/db';

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
  if (templates.kind === 'pglite' || !serverUrl)
    return openDatabase({ loadDataDir: templateDump(templates[template]) });
  const name = `linli_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await createServerDatabase(serverUrl, name, templates[template]);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = await openDatabase({ url: url.toString(), poolSize: 5 });
  return {
    ...db,
    async close() {
      await db.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** The templates test/globalSetup.ts made for this run; undefined outside vitest (`npm run bench`). */
function providedTemplates(): ReturnType<typeof inject<'dbTemplates'>> | undefined {
  try {
    return inject('dbTemplates');
  } catch {
    return undefined;
  }
}

function templateDump(file: string): Blob {
  let dump = dumps.get(file);
  if (!dump) {
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
export function pgliteTemplate(template: 'empty' | 'bare' | 'fixture'): Blob | undefined {
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

/** A new, migrated database (with the fixture when asked), built without templates: for `npm run bench`. */
async function migratedDatabase(template: 'bare' | 'fixture'): Promise<Database> {
  const { addFixture, openMigrated } = await import('./templates');
  const { createUser } = await import('./app');
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
    drop = async () => {
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    };
  } else db = await openMigrated();
  if (template === 'fixture')
    await addFixture(db, (database, clock, username, roles) =>
      createUser({ database, clock }, username, roles),
    );
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
    const one = await openDatabase({ loadDataDir: pgliteTemplate(template) });
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
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
