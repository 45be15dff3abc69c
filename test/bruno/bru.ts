/**
 * Runs a rendered bruno collection with the real Bruno CLI (`bru run`), offline and bounded, and reads back its
 * exit code, output and reports, and whether the run left the collection's files as they were written.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { RenderedFile } from '../../src/render/render.js';
import { spawnBounded } from '../helpers/spawn-bounded.js';
import { BRU_BIN } from './install-bruno-cli.js';

export type BrunoSandbox = 'safe' | 'developer';

export interface RunBruOptions {
  sandbox: BrunoSandbox;
  /** `--env NAME` (an `environments/NAME.yml` of the collection). */
  env?: string;
  /** `--env-var` pairs. */
  envVars?: Record<string, string>;
  /** `--delay` between requests in ms. */
  delay?: number;
  /** The whole run is killed after this many ms (default 60 s). */
  timeout?: number;
}

export interface BruResult {
  /** Process exit code (-1 when it was killed). */
  exitCode: number;
  stdout: string;
  stderr: string;
  /** `--reporter-json` as written, '' when none was. */
  jsonReport: string;
  /** `--reporter-junit` as written, '' when none was. */
  junitReport: string;
  /** Rendered files whose bytes changed during the run (Bruno's `setEnvVar` writes environment files). */
  changedFiles: string[];
  /** Test results of every request execution, in run order. */
  tests: { request: string; name: string; status: string; error?: string }[];
}

/** Writes `files` into a temporary directory and runs the collection in it with `bru run`. */
export async function runBru(files: RenderedFile[], opts: RunBruOptions): Promise<BruResult> {
  const dir = await mkdtemp(join(tmpdir(), 'gen-collection-bru-'));
  try {
    for (const file of files) {
      await mkdir(dirname(join(dir, file.path)), { recursive: true });
      await writeFile(join(dir, file.path), file.content);
    }
    const root = files.find((f) => f.path.endsWith('/opencollection.yml'))!.path.replace(/\/opencollection\.yml$/, '');
    const home = join(dir, 'home');
    await mkdir(home);
    const args = [BRU_BIN, 'run', '--sandbox', opts.sandbox];
    if (opts.env) args.push('--env', opts.env);
    for (const [key, value] of Object.entries(opts.envVars ?? {})) args.push('--env-var', `${key}=${value}`);
    if (opts.delay) args.push('--delay', String(opts.delay));
    args.push('--reporter-json', join(dir, 'report.json'), '--reporter-junit', join(dir, 'report.xml'));
    const run = await spawnBounded(process.execPath, args, {
      cwd: join(dir, root),
      env: { PATH: process.env.PATH, HOME: home, FORCE_COLOR: '0', NO_COLOR: '1' },
      killAfterMs: opts.timeout ?? 60_000,
    });
    const jsonReport = await readFile(join(dir, 'report.json'), 'utf8').catch(() => '');
    const junitReport = await readFile(join(dir, 'report.xml'), 'utf8').catch(() => '');
    const changedFiles: string[] = [];
    for (const file of files) {
      const now = await readFile(join(dir, file.path), 'utf8').catch(() => '(deleted)');
      if (now !== file.content) changedFiles.push(file.path);
    }
    return { ...run, jsonReport, junitReport, changedFiles, tests: testsOf(jsonReport) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface BruReport {
  results?: {
    name?: string;
    error?: string | null;
    testResults?: { description: string; status: string; error?: string }[];
    preRequestTestResults?: { description: string; status: string; error?: string }[];
    postResponseTestResults?: { description: string; status: string; error?: string }[];
  }[];
}

function testsOf(jsonReport: string): BruResult['tests'] {
  if (!jsonReport) return [];
  const report = JSON.parse(jsonReport) as BruReport | BruReport[];
  const results = (Array.isArray(report) ? report : [report]).flatMap((r) => r.results ?? []);
  return results.flatMap((r) => [
    ...(r.error ? [{ request: r.name ?? '', name: '(script error)', status: 'error', error: r.error }] : []),
    ...[...(r.preRequestTestResults ?? []), ...(r.postResponseTestResults ?? []), ...(r.testResults ?? [])].map(
      (t) => ({ request: r.name ?? '', name: t.description, status: t.status, ...(t.error ? { error: t.error } : {}) }),
    ),
  ]);
}
