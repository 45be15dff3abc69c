import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/*.test.ts', 'test/!(postman-cli|bruno)/**/*.test.ts'],
    setupFiles: ['test/helpers/stall-guard.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // One test file per core. Vitest's default (cores - 1) ran the files one at a time on CI's 2 cores, where most
    // files wait on child processes (Newman, the CLI, the token server): 371 s; two at a time took 214 s.
    maxWorkers: availableParallelism(),
  },
});
