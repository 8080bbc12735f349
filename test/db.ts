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
  let templates: ReturnType<typeof inject<'dbTemplates'>>;
  try {
    templates = inject('dbTemplates');
  } catch {
    // Outside vitest (`npm run bench`): no templates, so migrate a new database here.
    return migratedDatabase(template);
  }
  const source = templates[template];
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (templates.kind === 'pglite' || !serverUrl) {
    let dump = dumps.get(source);
    if (!dump) {
      dump = new Blob([readFileSync(source)]);
      dumps.set(source, dump);
    }
    return openDatabase({ loadDataDir: dump });
  }
  const name = `linli_test_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.query(`create database ${name} template ${source}`);
      break;
    } catch (err) {
      // Two clones starting at the same instant: PostgreSQL refuses the second ("being accessed by other
      // users") while the first copies; wait and try again.
      if ((err as { code?: string }).code !== '55006' || attempt >= 20) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
  await admin.end();
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
 * Two handles on one new, empty (unmigrated) database, as two app processes would open it: two
 * connections to a new PostgreSQL database (TEST_DATABASE_URL), or one in-memory PGlite twice.
 */
export async function twoHandlesOnNewDatabase(): Promise<{
  handles: [Database, Database];
  close: () => Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const one = await openDatabase({});
    return { handles: [one, one], close: () => one.close() };
  }
  const name = `linli_test_lock_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const a = await openDatabase({ url: url.toString(), poolSize: 3 });
  const b = await openDatabase({ url: url.toString(), poolSize: 3 });
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
