import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The Bruno CLI suite (issue 21): `npm run test:bruno`, part of `npm test`. Apart from the main suite because it
// installs @usebruno/cli into .cache/bruno-cli on first use and every case starts a `bru run` process.
export default defineConfig({
  test: {
    include: ['test/bruno/**/*.test.ts'],
    setupFiles: ['test/helpers/stall-guard.ts'],
    globalSetup: ['test/global-setup.ts', 'test/bruno/install-bruno-cli.ts'],
    testTimeout: 120_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // one test file per core: see vitest.config.ts
    maxWorkers: availableParallelism(),
    maxConcurrency: 4,
  },
});
