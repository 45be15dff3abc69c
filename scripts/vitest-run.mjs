#!/usr/bin/env node
// `vitest run ARGS`, as `npm test` runs each suite. A test file that stops making progress is killed by the stall
// guard (test/helpers/stall-guard.ts), which names it, the last test started and what it waits on. When such kills
// are the run's only failures, the stalled files run once more and that run decides: a file that stalls twice,
// or any failing test, still fails `npm test`. Every rerun is announced. A suite (one vitest run) that outlives
// GEN_COLLECTION_SUITE_LIMIT_S (default 1,200 s; the main suite takes about 230 s) is killed with its processes,
// after a listing of them. Exit code: vitest's.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const vitest = join(root, 'node_modules/vitest/vitest.mjs');
const suiteLimitSeconds = Number(process.env.GEN_COLLECTION_SUITE_LIMIT_S ?? 1200);

/** Runs vitest; output passes through. Resolves with its exit code, the files the guard killed and the counts. */
function run(args) {
  const stallDir = mkdtempSync(join(tmpdir(), 'gen-collection-stalls-'));
  const report = join(stallDir, 'report.json');
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      [vitest, 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${report}`],
      {
        cwd: root,
        // its own process group, so that a suite over its limit goes with all its processes
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: {
          // vitest's output goes through a pipe here: keep its colours on a terminal
          ...(process.stdout.isTTY && !('NO_COLOR' in process.env) ? { FORCE_COLOR: '1' } : {}),
          ...process.env,
          GEN_COLLECTION_STALL_DIR: stallDir,
        },
      },
    );
    let unhandled = 0;
    const scan = (out) => (chunk) => {
      const text = chunk.toString().replace(/^JSON report written to .*\n/m, '');
      out.write(text);
      const caught = /Vitest caught (\d+) unhandled errors?/.exec(text);
      if (caught) unhandled = Number(caught[1]);
    };
    child.stdout.on('data', scan(process.stdout));
    child.stderr.on('data', scan(process.stderr));
    const group = (signal) => () => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // the group has ended
      }
    };
    const forward = ['SIGINT', 'SIGTERM'].map((signal) => [signal, group(signal)]);
    for (const [signal, handler] of forward) process.on(signal, handler);
    const bound = setTimeout(() => {
      let processes = '(ps failed)';
      try {
        const [header, ...rows] = execFileSync('ps', ['-eo', 'pgid,pid,ppid,etimes,stat,pcpu,args'], {
          encoding: 'utf8',
        }).split('\n');
        processes = [header, ...rows.filter((row) => row.trim().split(/\s+/)[0] === String(child.pid))].join('\n');
      } catch {
        // no ps: the kill goes on without the listing
      }
      process.stderr.write(
        `\nvitest-run: the suite ran over ${suiteLimitSeconds} s (GEN_COLLECTION_SUITE_LIMIT_S): killing it. ` +
          `Its processes:\n${processes}\n`,
      );
      group('SIGKILL')();
    }, suiteLimitSeconds * 1000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(bound);
      for (const [signal, handler] of forward) process.off(signal, handler);
      const stalled = readdirSync(stallDir)
        .filter((name) => name.endsWith('.txt'))
        .map((name) => readFileSync(join(stallDir, name), 'utf8'));
      let failedTests = Number.NaN;
      try {
        failedTests = JSON.parse(readFileSync(report, 'utf8')).numFailedTests;
      } catch {
        // no report: vitest ended before writing it; the exit code stands
      }
      rmSync(stallDir, { recursive: true, force: true });
      resolve({ code: code ?? 1, stalled, failedTests, unhandled });
    });
  });
}

/** `args` without file filters: the options, with the values of those that take one. */
function optionsOf(args) {
  const withValue = new Set(['-c', '--config', '-r', '--root', '--dir', '--project']);
  return args.filter((arg, i) => arg.startsWith('-') || withValue.has(args[i - 1]));
}

const args = process.argv.slice(2);
const first = await run(args);
// A killed file is one "Worker exited unexpectedly" unhandled error and no failed test.
const onlyStalls =
  first.code !== 0 && first.stalled.length > 0 && first.failedTests === 0 && first.unhandled === first.stalled.length;
if (!onlyStalls) process.exit(first.code);

const files = first.stalled.map((file) => relative(root, file));
console.error(
  `\nvitest-run: ${files.length} test file(s) stalled and were killed by the stall guard (above), with no other ` +
    `failure: running them once more.\n  ${files.join('\n  ')}\n`,
);
const second = await run([...optionsOf(args), ...files]);
process.exit(second.code);
