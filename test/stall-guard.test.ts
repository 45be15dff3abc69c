// The stall guard (test/helpers/stall-guard.ts) ends a test file that stops making progress, names it and the
// test running, and lets the run finish with a failure; scripts/vitest-run.mjs (how `npm test` runs each suite)
// reruns stalled files once when they are the only failures. Fixtures: test/fixtures/stall/*.stall.ts.
import { join } from 'node:path';
import { describe, it } from 'vitest';
import { spawnBounded } from './helpers/spawn-bounded.js';
import { tempDir } from './helpers/temp-dir.js';

const root = join(import.meta.dirname, '..');
const config = join(root, 'test/fixtures/stall/vitest.config.ts');
const scratch = tempDir('gen-collection-stall-test-');

/** Runs `node ARGS` from the root with a 4 s file limit, bounded to 120 s; its exit code and output. */
async function run(args: string[], env: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string }> {
  const { exitCode, stdout, stderr } = await spawnBounded(process.execPath, args, {
    cwd: root,
    env: { ...process.env, GEN_COLLECTION_TEST_FILE_LIMIT_S: '4', NO_COLOR: '1', CI: 'true', ...env },
    killAfterMs: 120_000,
  });
  return { code: exitCode, output: `${stdout}\n${stderr}` };
}

const vitest = (...filters: string[]) =>
  run([join(root, 'node_modules/vitest/vitest.mjs'), 'run', '-c', config, ...filters]);
const vitestRun = (filters: string[], env: NodeJS.ProcessEnv = {}) =>
  run([join(root, 'scripts/vitest-run.mjs'), '-c', config, ...filters], env);
const stallLines = (output: string) => output.match(/^stall-guard: \S+ has run for/gm) ?? [];
const RERUN =
  /vitest-run: 1 test file\(s\) stalled and were killed by the stall guard \(above\), with no other failure: running them once more\.\n {2}test\/fixtures\/stall\/(\S+)\n/;

describe.concurrent('the stall guard, and scripts/vitest-run.mjs', () => {
  it('a blocked event loop: the file is killed after its limit, named with its test, the run fails', async ({
    expect,
  }) => {
    const { code, output } = await vitest('blocked.stall.ts');
    expect(code, output).toBe(1);
    expect(output).toMatch(
      /stall-guard: \S*blocked\.stall\.ts has run for \d+ s, over its 4 s limit \(GEN_COLLECTION_TEST_FILE_LIMIT_S\)\. Last test started: "spins forever"\. Event loop blocked: last turn \d+ s ago\./,
    );
    expect(output).toContain('Worker exited unexpectedly');
  });

  it('an import that never completes: the file is killed after its limit, with what its event loop waits on', async ({
    expect,
  }) => {
    const { code, output } = await vitest('stalled-import.stall.ts');
    expect(code, output).toBe(1);
    expect(output).toMatch(
      /stall-guard: \S*stalled-import\.stall\.ts has run for \d+ s, over its 4 s limit .*Last test started: "\(none yet: setup or import\)"\. Event loop turning: the file waits for something that never comes\./,
    );
    expect(output).toMatch(/stall-guard: the event loop waits on \[.*"PipeWrap"/);
    expect(output).toContain('Worker exited unexpectedly');
  });

  it('a file that stalls once: announced, run again, and the suite passes', async ({ expect }) => {
    const marker = scratch.path('stalled-once');
    const { code, output } = await vitestRun(['stalls-once.stall.ts'], { STALLS_ONCE_MARKER: marker });
    expect(code, output).toBe(0);
    expect(stallLines(output)).toHaveLength(1);
    expect(output).toMatch(RERUN);
    expect(RERUN.exec(output)?.[1]).toBe('stalls-once.stall.ts');
    expect(output).toMatch(/Tests {2}1 passed \(1\)/);
  });

  it('a file that stalls twice: run again once, and the suite fails', async ({ expect }) => {
    const { code, output } = await vitestRun(['stalled-import.stall.ts']);
    expect(code, output).toBe(1);
    expect(stallLines(output)).toHaveLength(2);
    expect(output.match(new RegExp(RERUN.source, 'g'))).toHaveLength(1);
  });

  it('a failing test beside a stall: no second run, the suite fails', async ({ expect }) => {
    const { code, output } = await vitestRun(['fail.stall.ts', 'stalled-import.stall.ts']);
    expect(code, output).toBe(1);
    expect(stallLines(output)).toHaveLength(1);
    expect(output).not.toContain('vitest-run:');
  });

  it('a suite over GEN_COLLECTION_SUITE_LIMIT_S: killed with its processes, listed first; the suite fails', async ({
    expect,
  }) => {
    const { code, output } = await vitestRun(['stalled-import.stall.ts'], {
      GEN_COLLECTION_SUITE_LIMIT_S: '3',
      GEN_COLLECTION_TEST_FILE_LIMIT_S: '60',
    });
    expect(code, output).toBe(1);
    expect(output).toMatch(
      /vitest-run: the suite ran over 3 s \(GEN_COLLECTION_SUITE_LIMIT_S\): killing it\. Its processes:\n\s*PGID\s+PID/,
    );
    expect(output).toMatch(/vitest\.mjs run/);
    expect(stallLines(output)).toHaveLength(0);
  });

  it('passing and failing files without a stall: vitest’s exit code, no second run', async ({ expect }) => {
    const passing = await vitestRun(['pass.stall.ts']);
    expect(passing.code, passing.output).toBe(0);
    const failing = await vitestRun(['fail.stall.ts']);
    expect(failing.code, failing.output).toBe(1);
    expect(passing.output + failing.output).not.toMatch(/stall-guard:|vitest-run:/);
  });
});
