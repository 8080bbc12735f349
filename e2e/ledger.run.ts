import { runJourneys, startServer } from './harness';
import { ledgerJourneys } from './ledger.journeys';

/** `node --import tsx e2e/ledger.run.ts`: the ledger journeys alone, on their own server. */
async function main() {
  const server = await startServer(process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);
  let result = { passed: 0, failed: ledgerJourneys.length };
  try {
    result = await runJourneys(server.url, ledgerJourneys);
  } finally {
    await server.stop();
  }
  console.log(`ledger journeys: ${result.passed} passed, ${result.failed} failed`);
  process.exit(result.failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
