/**
 * Runs a collection with the official Postman CLI (npm `postman-cli`, sandbox 6.x) offline, and reads
 * back what the tests check from its output and its Newman-structured JSON report. Every run is bounded.
 *
 * The native binary is spawned directly rather than through the package's `postman` wrapper: the wrapper
 * ignores SIGTERM and runs the binary synchronously, so a timed-out run could not be stopped. Each run
 * gets its own HOME (the CLI writes its rc file and logs there) and points the once-a-day update check
 * at a refused loopback port, so nothing leaves the machine.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toFailure, type NewmanAssertion, type NewmanFailure } from '../e2e/newman.js';
import { spawnBounded, type SpawnResult } from '../helpers/spawn-bounded.js';
import { POSTMAN_CLI_PREFIX } from './install-postman-cli.js';

export { spawnBounded, type SpawnResult };

export interface RunPostmanCliOptions {
  /** Environment JSON, written to a file and passed with `-e`. */
  environment?: object;
  /** `--env-var` pairs. */
  envVars?: Record<string, string>;
  /** `--timeout-request` in ms (default 5000); also bounds `pm.sendRequest`. */
  timeoutRequest?: number;
  /** `--delay-request` in ms. */
  delayRequest?: number;
  /** `--iteration-count`. */
  iterationCount?: number;
  /** `--timeout` for the whole run in ms (default 60 s); the process is killed a little after it. */
  timeout?: number;
}

export interface PostmanCliResult {
  /** Process exit code (-1 when it was killed). */
  exitCode: number;
  stdout: string;
  stderr: string;
  /** The JSON report (`--reporter-json-structure newman`) as written, '' when none was written. */
  jsonReport: string;
  /** The JUnit report as written, '' when none was written. */
  junitReport: string;
  failures: NewmanFailure[];
  assertions: NewmanAssertion[];
  /** Final environment (key → value), from the JSON report: the CLI has no `--export-environment`. */
  environment: Record<string, string>;
}

/** How much longer than its own `--timeout` a run may take before it is killed. */
export const KILL_SLACK_MS = 15_000;

/** The CLI's environment: HOME an empty folder of the run's own, the update check on a refused port, no colours. */
export function offlineEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: home, ARS_CLI_BASE_URL: 'http://127.0.0.1:9', FORCE_COLOR: '0', NO_COLOR: '1' };
}

/** Path of the native `postman` binary that `postman-cli` installed for this platform. */
export function postmanBinary(): string {
  const platform = { darwin: 'macos', win32: 'windows' }[process.platform as string] ?? process.platform;
  const fromCli = createRequire(join(POSTMAN_CLI_PREFIX, 'node_modules/postman-cli/package.json'));
  return fromCli.resolve(
    `@postman/pm-bin-${platform}-${process.arch}/bin/${process.platform === 'win32' ? 'postman.exe' : 'postman'}`,
  );
}

/** Runs `collection` with `postman collection run`; resolves with the result, rejects only when the process cannot start. */
export async function runPostmanCli(collection: object, opts: RunPostmanCliOptions = {}): Promise<PostmanCliResult> {
  const dir = await mkdtemp(join(tmpdir(), 'gen-collection-postman-cli-'));
  try {
    const file = (name: string) => join(dir, name);
    await writeFile(file('collection.json'), JSON.stringify(collection));
    const args = ['collection', 'run', file('collection.json')];
    if (opts.environment) {
      await writeFile(file('environment.json'), JSON.stringify(opts.environment));
      args.push('-e', file('environment.json'));
    }
    for (const [key, value] of Object.entries(opts.envVars ?? {})) args.push('--env-var', `${key}=${value}`);
    const timeout = opts.timeout ?? 60_000;
    args.push('--timeout-request', String(opts.timeoutRequest ?? 5_000), '--timeout', String(timeout));
    if (opts.delayRequest) args.push('--delay-request', String(opts.delayRequest));
    if (opts.iterationCount) args.push('--iteration-count', String(opts.iterationCount));
    args.push(
      '-r',
      'cli,json,junit',
      '--reporter-json-structure',
      'newman',
      '--reporter-json-export',
      file('report.json'),
      '--reporter-junit-export',
      file('report.xml'),
    );

    const run = await spawnBounded(postmanBinary(), args, {
      cwd: dir,
      env: offlineEnv(dir),
      killAfterMs: timeout + KILL_SLACK_MS,
    });
    const jsonReport = await readFile(file('report.json'), 'utf8').catch(() => '');
    const junitReport = await readFile(file('report.xml'), 'utf8').catch(() => '');
    const report = (jsonReport ? JSON.parse(jsonReport) : {}) as NewmanReport;
    return {
      ...run,
      jsonReport,
      junitReport,
      failures: (report.run?.failures ?? []).map(toFailure),
      assertions: (report.run?.executions ?? []).flatMap(toAssertions),
      environment: Object.fromEntries(
        (report.environment?.values ?? []).map((v) => [v.key, v.value == null ? '' : String(v.value)]),
      ),
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

interface NewmanReport {
  environment?: { values?: { key: string; value?: unknown }[] };
  run?: {
    failures?: unknown[];
    executions?: {
      item?: { name?: string };
      assertions?: { assertion: string; skipped?: boolean; error?: { message?: string } }[];
    }[];
  };
}

function toAssertions(
  execution: NonNullable<NonNullable<NewmanReport['run']>['executions']>[number],
): NewmanAssertion[] {
  return (execution.assertions ?? []).map((a) => ({
    item: execution.item?.name ?? '',
    name: a.assertion,
    passed: !a.error,
    skipped: a.skipped === true,
    message: a.error?.message,
  }));
}
