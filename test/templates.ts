import { ManualClock, uuidv7 } from '../src/server/platform/clock';
import { type Database, openDatabase } from '../src/server/platform/db';
import { ensureDefaultCategories } from '../src/server/modules/work-orders/workOrders.categories';
import { buildFixture } from './factories';

/**
 * The test databases every file starts from, migrated once per `npm test` (vitest globalSetup):
 * `empty` (PGlite only) a new database before migrating, `bare` the migrated schema; `fixture` adds the default categories and the factories' fixture
 * (units and one user per role). On PGlite each is a data-directory dump a test file loads in about a
 * second; on PostgreSQL each is a template database a test file clones with `CREATE DATABASE … TEMPLATE`.
 */
export interface DbTemplates {
  kind: 'pglite' | 'postgres';
  /** PGlite: dump file paths; PostgreSQL: database names. */
  bare: string;
  fixture: string;
  /** PGlite only: the dump of a new database before migrating (PostgreSQL creates a new one plainly). */
  empty?: string;
  /** PostgreSQL only: how the names of this run's test databases begin (the run's end drops them all). */
  databasePrefix?: string;
  /** PGlite only: written (with the error) when making the dumps failed; they are made in the background. */
  failed?: string;
}

/** Adds what `createTestApp` expects to find to a migrated database (its users made as test/app.ts makes them). */
export async function addFixture(database: Database) {
  // Imported here: test/app.ts imports the whole app, and test/db.ts (which it imports) imports this file.
  const { createUser } = await import('./app');
  const clock = new ManualClock();
  await ensureDefaultCategories(database.db);
  await buildFixture({ db: database.db, clock, ids: uuidv7 }, (username, roles) =>
    createUser({ database, clock }, username, roles),
  );
}

export async function openMigrated(url?: string): Promise<Database> {
  const db = await openDatabase(url ? { url, poolSize: 2 } : {});
  await db.migrate();
  return db;
}
