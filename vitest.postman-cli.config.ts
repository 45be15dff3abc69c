import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The official Postman CLI suite (issue 4, item 9): `npm run test:postman-cli`, part of `npm test`. Apart from the
// main suite because every case starts the ~240 MB native `postman` binary (a few seconds of CPU each).
export default defineConfig({
  test: {
    include: ['test/postman-cli/**/*.test.ts'],
    setupFiles: ['test/helpers/stall-guard.ts'],
    globalSetup: ['test/global-setup.ts', 'test/postman-cli/install-postman-cli.ts'],
    testTimeout: 90_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // one test file per core: see vitest.config.ts
    maxWorkers: availableParallelism(),
    maxConcurrency: 6,
  },
});
