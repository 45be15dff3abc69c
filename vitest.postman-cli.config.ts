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
    // One file at a time, unlike the main suite: its files already run their cases side by side (maxConcurrency),
    // each case a runner process of a few seconds of CPU. Two files at once on CI's 2 cores stalled a Newman run for
    // over a second, so a 2 s token expired on its way to the API (a 401 the Postman CLI run did not get, measured).
    maxWorkers: 1,
    maxConcurrency: 6,
  },
});
