import { defineConfig } from 'vitest/config';
import DatabaseLastSequencer from './test/sequencer';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Test files reuse their worker's loaded modules (about a third less CPU: the app's import graph is
    // loaded once per worker, not once per file). Files share no state: each opens its own database, and
    // process-wide caches are keyed by database (workOrders.cache.ts); a test that changes process.env
    // restores it.
    isolate: false,
    // Migrates the template databases once; each test file clones one (test/db.ts).
    globalSetup: ['test/globalSetup.ts'],
    // Files without a database first, while globalSetup still makes the templates (test/sequencer.ts).
    sequence: { sequencer: DatabaseLastSequencer },
  },
});
