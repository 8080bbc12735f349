import { runJourneys, startServer } from './harness';
import { merchantsJourneys } from './merchants.journeys';

/** `node --import tsx e2e/merchants.run.ts`: the merchants journeys alone, on their own server. */
async function main() {
  const server = await startServer(process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);
  let result = { passed: 0, failed: merchantsJourneys.length };
  try {
    result = await runJourneys(server.url, merchantsJourneys);
  } finally {
    await server.stop();
  }
  console.log(`merchants journeys: ${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
