import { writeFileSync } from 'node:fs';
import { startServer, runJourneys } from './harness';
import { journeys } from './journeys';
import { ledgerJourneys } from './ledger.journeys';
import { merchantsJourneys } from './merchants.journeys';
import { phoneJourneys } from './phone.journeys';
import { projectsJourneys } from './projects.journeys';
import { servicesJourneys } from './services.journeys';
import { disputesJourneys } from './disputes.journeys';
import { volunteersJourneys } from './volunteers.journeys';
import { workOrderJourneys } from './workOrders.journeys';
import { careJourneys } from './care.journeys';
import { assessmentsJourneys } from './assessments.journeys';
import { projectsYearJourneys } from './projectsYear.journeys';

const ALL = [
  ...journeys,
  ...workOrderJourneys,
  ...volunteersJourneys,
  ...ledgerJourneys,
  ...merchantsJourneys,
  ...servicesJourneys,
  ...phoneJourneys,
  ...projectsJourneys,
  ...disputesJourneys,
  ...careJourneys,
  ...assessmentsJourneys,
  ...projectsYearJourneys,
];

/**
 * `npm run e2e`: starts the real server on a fresh embedded database and drives the journeys.
 * E2E_ONLY=<text> runs only the journeys whose name contains it (e.g. one module's while working on it).
 */
async function main() {
  const only = process.env.E2E_ONLY;
  const selected = only ? ALL.filter((j) => j.name.includes(only)) : ALL;
  const server = await startServer(process.env.E2E_PORT ? Number(process.env.E2E_PORT) : undefined);
  let result = { passed: 0, failed: selected.length };
  try {
    console.log(`Browser journeys against ${server.url}`);
    result = await runJourneys(server.url, selected);
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
