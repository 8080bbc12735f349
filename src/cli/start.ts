import { type DemoSeeder, main } from '../server/main';

/**
 * The demo data for an empty database (SEED_DEMO=true, the default): loaded by a dynamic import, so the
 * demo seed is never part of the server's import graph, and only once across processes (seedDemoOnce).
 */
export const seedDemoData: DemoSeeder = async (database, deps) => {
  const { DEMO_PASSWORD, seedDemoOnce } = await import('./demo/seed');
  const seeded = await seedDemoOnce(database, deps, {
    onStart: () => console.log('Empty database: loading demo data (about a minute)…'),
    log: (m) => console.log(`  ${m}`),
  });
  return seeded && { logins: seeded.logins, password: DEMO_PASSWORD };
};

/** `npm start`: the server with the demo data on an empty database. */
export function start() {
  return main({ seedDemo: seedDemoData });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  start().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
