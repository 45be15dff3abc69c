/**
 * Runs a generated v2.1 collection the way a Postman v12 user does after converting it: `postman collection
 * migrate` to a collection v3 folder, then `postman collection run` on that folder (the v3 runtime). Only the
 * `cli` reporter works for v3 folders, so the outcome is the exit code and the output; what happened on the
 * wire comes from the servers' own records. Offline (HOME an empty folder), every run bounded.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KILL_SLACK_MS, offlineEnv, postmanBinary, spawnBounded, type SpawnResult } from './postman-cli.js';

/** Options of a v3 run (a subset of `RunPostmanCliOptions`). */
export interface RunV3Options {
  environment?: object;
  envVars?: Record<string, string>;
  timeoutRequest?: number;
  delayRequest?: number;
  timeout?: number;
}

/** The migration's and the run's results, and how long the run took (ms). */
export interface V3Result {
  migrate: SpawnResult;
  run: SpawnResult;
  ms: number;
}

/** Migrates `collection` (v2.1 JSON) to a v3 folder and runs it with the Postman CLI. */
export async function runMigratedV3(collection: object, opts: RunV3Options = {}): Promise<V3Result> {
  const dir = await mkdtemp(join(tmpdir(), 'gen-collection-postman-v3-'));
  try {
    const file = (name: string) => join(dir, name);
    // HOME an empty folder: no login, no settings of the machine's user.
    await mkdir(file('home'));
    const spawnOpts = (killAfterMs: number) => ({ cwd: dir, env: offlineEnv(file('home')), killAfterMs });
    await writeFile(file('collection.json'), JSON.stringify(collection));
    const migrate = await spawnBounded(
      postmanBinary(),
      ['collection', 'migrate', file('collection.json'), '-o', file('v3')],
      spawnOpts(60_000),
    );
    const args = ['collection', 'run', file('v3'), '-r', 'cli'];
    if (opts.environment) {
      await writeFile(file('environment.json'), JSON.stringify(opts.environment));
      args.push('-e', file('environment.json'));
    }
    for (const [key, value] of Object.entries(opts.envVars ?? {})) args.push('--env-var', `${key}=${value}`);
    const timeout = opts.timeout ?? 60_000;
    args.push('--timeout-request', String(opts.timeoutRequest ?? 5_000), '--timeout', String(timeout));
    if (opts.delayRequest) args.push('--delay-request', String(opts.delayRequest));
    const started = Date.now();
    const run = await spawnBounded(postmanBinary(), args, spawnOpts(timeout + KILL_SLACK_MS));
    return { migrate, run, ms: Date.now() - started };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
