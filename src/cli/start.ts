import { type DemoSeeder, main } from '../server/main';

/**
 * The demo data for an empty database (SEED_DEMO=true, the default): loaded by a dynamic import, so the
 * demo seed is never part of the server's import graph, and only once across processes (seedDemoOnce).
 */
export const seedDemoData: DemoSeeder = async (database, deps, hooks) => {
  const { DEMO_PASSWORD, seedDemoOnce } = await import('./demo/seed');
  const seeded = await seedDemoOnce(database, deps, {
    onStart: () => {
      hooks?.onStart?.();
      console.log('Empty database: loading demo data…');
    },
    log: (m) => console.log(`  ${m}`),
  });
  return seeded && { logins: seeded.logins, password: DEMO_PASSWORD };
};

/**
 * `npm start` (through the built dist/server/serve.mjs, see src/cli/serve.ts): the server with the demo
 * data on an empty database. `pgliteTemplate`: a migrated embedded database to restore into an empty
 * data directory (scripts/ensure-server.mjs builds one).
 */
export function start(opts: { pgliteTemplate?: string } = {}) {
  return main({ seedDemo: seedDemoData, pgliteTemplate: opts.pgliteTemplate });
}

// Run from the source (`node --import tsx src/cli/start.ts`, as the browser journeys and fault drills do).
// Only when this very file is the entry: never inside a bundle, where it shares the entry's file.
if (import.meta.url.endsWith('.ts') && import.meta.url === `file://${process.argv[1]}`) {
  start().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
