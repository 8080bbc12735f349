import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // Migrates the template databases once; each test file clones one (test/db.ts).
    globalSetup: ['test/globalSetup.ts'],
  },
});
