/**
 * A bound on each test file's wall time, for every suite (`setupFiles` in the three vitest configs).
 *
 * Vitest's own timeouts cannot end a file whose worker process stops making progress: a blocked event loop never
 * fires the test timeout, and a stalled import has none. One CI run sat silent in such a file until CI's 90-minute
 * limit; this guard's native stacks later showed why (a Node key-generation deadlock: src/keys/key-pair.ts). So each test process starts a watchdog thread here. When the file runs longer than its limit it prints the
 * file, the last test started, how long ago the event loop last turned and, where gdb is installed, the native stacks;
 * then it kills its own process. Vitest reports the file as failed ("Worker exited unexpectedly") and the run goes
 * on: minutes lost, not the whole CI run, and the cause in the log.
 *
 * The limit is `GEN_COLLECTION_TEST_FILE_LIMIT_S` seconds (default 180; the slowest file takes about 50 s beside
 * another). Under `npm test` (scripts/vitest-run.mjs) a run whose only failures are stalled files reruns those
 * files once.
 */
import { Worker } from 'node:worker_threads';
import { beforeEach, expect } from 'vitest';

const DEFAULT_LIMIT_SECONDS = 180;
const NAME_BYTES = 512;

const limitSeconds = Number(process.env.GEN_COLLECTION_TEST_FILE_LIMIT_S ?? DEFAULT_LIMIT_SECONDS);
// [0]: milliseconds since start when the event loop last turned; [1]: byte length of the running test's name.
const state = new Int32Array(new SharedArrayBuffer(8));
const name = new Uint8Array(new SharedArrayBuffer(NAME_BYTES));
/** Monotonic milliseconds, the same clock in every thread of the process. */
const now = () => Number(process.hrtime.bigint() / 1_000_000n);
const started = now();

setInterval(() => Atomics.store(state, 0, now() - started), 500).unref();

beforeEach((context) => {
  const bytes = new TextEncoder().encode(context.task.name).subarray(0, NAME_BYTES);
  name.set(bytes);
  Atomics.store(state, 1, bytes.length);
});

const watchdog = `
const { workerData, parentPort } = require('node:worker_threads');
const { execFileSync } = require('node:child_process');
const { writeFileSync, writeSync } = require('node:fs');
const { join } = require('node:path');
const { limitSeconds, file, pid, state, name, started, stallDir } = workerData;
const now = () => Number(process.hrtime.bigint() / 1000000n);
const timer = setInterval(() => {
  const elapsed = Math.floor((now() - started) / 1000);
  if (elapsed < limitSeconds) return;
  clearInterval(timer);
  const test = Buffer.from(name.subarray(0, Atomics.load(state, 1))).toString('utf8') || '(none yet: setup or import)';
  const idle = Math.floor((now() - started - Atomics.load(state, 0)) / 1000);
  const blocked = idle >= 2;
  let stacks = '';
  if (blocked) {
    try {
      stacks = execFileSync('gdb', ['-p', String(pid), '-batch', '-ex', 'thread apply all bt 15'], {
        encoding: 'utf8', timeout: 60000, stdio: ['ignore', 'pipe', 'ignore'],
      }).split('\\n').filter((line) => /^(Thread |#)/.test(line)).join('\\n');
    } catch {
      stacks = '(gdb not installed or it failed: no native stacks)';
    }
  }
  writeSync(2, '\\nstall-guard: ' + file + ' has run for ' + elapsed + ' s, over its ' + limitSeconds +
    ' s limit (GEN_COLLECTION_TEST_FILE_LIMIT_S). Last test started: ' + JSON.stringify(test) + '. Event loop ' +
    (blocked ? 'blocked: last turn ' + idle + ' s ago.' : 'turning: the file waits for something that never comes.') +
    ' Killing this test process: the file fails, the run goes on.\\n' + stacks + '\\n');
  // for scripts/vitest-run.mjs, which reruns a stalled file once
  if (stallDir) writeFileSync(join(stallDir, pid + '.txt'), file);
  // a turning event loop answers with what it waits for; then (or after 2 s) the end
  if (!blocked) parentPort.postMessage('waiting-for');
  setTimeout(() => process.kill(pid, 'SIGKILL'), blocked ? 0 : 2000);
}, 1000);
`;

const guard = new Worker(watchdog, {
  eval: true,
  workerData: {
    limitSeconds,
    file: expect.getState().testPath ?? '(unknown file)',
    pid: process.pid,
    state,
    name,
    started,
    stallDir: process.env.GEN_COLLECTION_STALL_DIR,
  },
});

/** `ip:port` of one end of a socket in a diagnostic report, `-` for none. */
type Endpoint = { ip4?: string; ip6?: string; host?: string; port?: number } | null | undefined;
const endpoint = (end: Endpoint) => (end ? `${end.ip4 ?? end.ip6 ?? end.host}:${end.port}` : '-');

guard.on('message', () => {
  // and the TCP sockets by their two ends (listening: `→ -`): which server a request waits on
  const report = process.report.getReport() as {
    libuv?: { type: string; localEndpoint?: Endpoint; remoteEndpoint?: Endpoint }[];
  };
  const sockets = (report.libuv ?? [])
    .filter((handle) => handle.type === 'tcp')
    .map((handle) => `${endpoint(handle.localEndpoint)} → ${endpoint(handle.remoteEndpoint)}`);
  process.stderr.write(
    `stall-guard: the event loop waits on ${JSON.stringify(process.getActiveResourcesInfo())}; TCP: ${sockets.join(', ') || 'none'}\n`,
  );
});
guard.unref();
