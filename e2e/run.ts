import { writeFileSync } from 'node:fs';
import { startServer, runJourneys } from './harness';
import { journeys } from './journeys';
import { workOrderJourneys } from './workOrders.journeys';
import { servicesJourneys } from './services.journeys';

/** `npm run e2e`: starts the real server on a fresh embedded database and drives the journeys. */
async function main() {
  const server = await startServer(process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);
  let result = { passed: 0, failed: journeys.length + workOrderJourneys.length };
  try {
    console.log(`Browser journeys against ${server.url}`);
    // E2E_ONLY=<text> runs only the journeys whose name contains it (for working on one journey).
    const only = process.env.E2E_ONLY;
    const all = [...journeys, ...workOrderJourneys, ...servicesJourneys];
    result = await runJourneys(server.url, only ? all.filter((j) => j.name.includes(only)) : all);
  } finally {
    await server.stop();
  }
  if (process.env.E2E_REPORT) writeFileSync(process.env.E2E_REPORT, JSON.stringify(result));
  console.log(`journeys: ${result.passed} passed, ${result.failed} failed (screenshots in e2e/artifacts/)`);
  process.exit(result.failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  if (process.env.E2E_REPORT) writeFileSync(process.env.E2E_REPORT, JSON.stringify({ passed: 0, failed: 1 }));
  process.exit(1);
});
