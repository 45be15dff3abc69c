// One child process measured from outside: wall time from spawn to exit, and from inside (a --require preload
// that writes process.resourceUsage() at exit) its CPU time (user + system; the node process itself: a helper
// process it spawns, such as esbuild's service, is not in it) and peak RSS. Wall time on a shared machine is
// noise; CPU time is what to compare. Shared by the bench suites, which also record each figure against its
// goal into the file named by BENCH_RESULTS (bench/run.mjs prints them as one table at the end).
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'gen-collection-bench-usage-'));
const preload = join(dir, 'usage.cjs');
writeFileSync(
  preload,
  "process.on('exit', () => { const u = process.resourceUsage(); require('fs').writeFileSync(process.env.BENCH_USAGE_FILE, JSON.stringify([u.userCPUTime, u.systemCPUTime, u.maxRSS])); });\n",
);
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/**
 * Runs `node ...args` once: `{ ms, cpuMs, userMs, rssMB, ok }`. `node` holds node options (`--max-old-space-size`), put
 * before the preload; `before` runs first, untimed (e.g. removing an output directory); `unset` names environment
 * variables the child runs without.
 */
export function measureNode(args, { cwd, node = [], before, quiet = false, unset = [] } = {}) {
  before?.();
  const usageFile = join(dir, `usage-${n++}.json`);
  const env = { ...process.env, BENCH_USAGE_FILE: usageFile };
  for (const name of unset) delete env[name];
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [...node, '--require', preload, ...args], {
    cwd,
    encoding: 'utf8',
    env,
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60 * 1000,
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const [user, system, rssKB] = existsSync(usageFile) ? JSON.parse(readFileSync(usageFile, 'utf8')) : [NaN, NaN, NaN];
  const ok = r.status === 0;
  if (!ok && !quiet)
    console.log(
      `    (exit ${r.status ?? r.signal}: ${(r.stderr || r.stdout || '').trim().split('\n').slice(-3).join(' | ')})`,
    );
  return { ms, cpuMs: (user + system) / 1000, userMs: user / 1000, rssMB: Math.round(rssKB / 1024), ok };
}

/** `runs` measurements of each case, interleaved (so a burst of load hits every case alike); medians per case. */
export function measureInterleaved(cases, runs) {
  const results = Object.fromEntries(Object.keys(cases).map((name) => [name, []]));
  for (let i = 0; i < runs; i++) for (const [name, run] of Object.entries(cases)) results[name].push(run());
  return Object.fromEntries(Object.entries(results).map(([name, list]) => [name, summary(list)]));
}

/** Medians of wall time, CPU time (and its user part) and peak RSS. */
export function summary(results) {
  return {
    ms: median(results.map((r) => r.ms)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    userMs: median(results.map((r) => r.userMs)),
    rssMB: median(results.map((r) => r.rssMB)),
    ok: results.every((r) => r.ok),
  };
}

export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** `1.23 s wall, 0.98 s CPU, 123 MB` */
export function fmt(r) {
  return `${(r.ms / 1000).toFixed(2)} s wall, ${(r.cpuMs / 1000).toFixed(2)} s CPU, ${r.rssMB} MB peak RSS${r.ok ? '' : '  (failed)'}`;
}

/**
 * Records one figure against its goal for the closing table (and returns `OK`/`MISSED` for the suite's own line).
 * `value` and `goal` are display strings; `met` says whether the goal is met.
 */
export function record(figure, value, goal, met) {
  const verdict = met ? 'OK' : 'MISSED';
  if (process.env.BENCH_RESULTS)
    appendFileSync(process.env.BENCH_RESULTS, `${JSON.stringify({ figure, value, goal, verdict })}\n`);
  return verdict;
}
