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
    // One file at a time, as in the Postman CLI suite (see vitest.postman-cli.config.ts): its files already run their
    // cases side by side, each a runner process, against short-lived tokens.
    maxWorkers: 1,
    maxConcurrency: 4,
  },
});
