import { runJourneys, startServer } from './harness';
import { volunteersJourneys } from './volunteers.journeys';

/**
 * `node --import tsx e2e/volunteers.run.ts`: the volunteers journeys alone, on their own server
 * (e2e/run.ts runs every module's journeys once volunteersJourneys is registered there).
 */
async function main() {
  const server = await startServer(process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);
  let result = { passed: 0, failed: volunteersJourneys.length };
  try {
    result = await runJourneys(server.url, volunteersJourneys);
  } finally {
    await server.stop();
  }
  console.log(`volunteers journeys: ${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
