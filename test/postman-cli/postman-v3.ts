/**
 * Runs a gen-collection config in the Postman v3 runtime (`postman collection run` on a v3 folder), offline,
 * against a fresh token server and protected API: either the `postman-v3` format as built, or the default
 * v2.1 output converted with `postman collection migrate` as a user would. For v3 folders the CLI allows only
 * its `cli` reporter, so the outcome is read from its output, its exit code and what the servers recorded.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { buildFromConfig } from '../../src/build/build-from-config.js';
import type { OutputFormat } from '../../src/render/render.js';
import { refusedUrl } from '../e2e/servers/http-util.js';
import { startProtectedApi } from '../e2e/servers/protected-api.js';
import { startTokenServer, type TokenServerOptions } from '../e2e/servers/token-server.js';
import { KILL_SLACK_MS, offlineEnv, postmanBinary, spawnBounded, type SpawnResult } from './postman-cli.js';
import type { Rig } from './side-by-side.js';

/** How the v3 folder is made: built with `--format postman-v3`, or the v2.1 output migrated. */
export type V3Source = 'postman-v3' | 'migrated';

export interface V3Case {
  source: V3Source;
  server: TokenServerOptions;
  refusedTokenUrl?: boolean;
  config: (rig: Rig) => Record<string, unknown>;
  /** User script files the config refers to (path relative to the project → content). */
  files?: Record<string, string>;
  arm?: (rig: Rig) => void;
  /** `--env-var` pairs (default: the rig's client secret and password). */
  envVars?: (rig: Rig) => Record<string, string>;
  timeoutRequest?: number;
  delayRequest?: number;
  /** Bound of the run in ms (default 30 s); the process is killed `KILL_SLACK_MS` after it. */
  timeout?: number;
}

export interface V3Run extends SpawnResult {
  rig: Rig;
  /** Wall-clock duration of the run in ms. */
  ms: number;
  /** `item: failing test message` lines of the cli reporter's failure table. */
  failedTests: string[];
}

const CONFIG_ENV = 'e2e';

/** Builds the case's config, makes the v3 folder and runs it once against a fresh token server and API. */
export async function runV3(spec: V3Case): Promise<V3Run> {
  const ts = await startTokenServer(spec.server);
  const api = await startProtectedApi({ validate: ts.validateToken });
  try {
    const rig: Rig = { ts, api, tokenUrl: spec.refusedTokenUrl ? await refusedUrl('/token') : ts.tokenUrl };
    spec.arm?.(rig);
    const run = await runV3Folder({
      ...spec,
      config: spec.config(rig),
      envVars: spec.envVars?.(rig) ?? { client_secret: ts.client.secret, password: ts.user.password },
    });
    return { ...run, rig };
  } finally {
    await api.close();
    await ts.close();
  }
}

/** One run of a config made into a v3 folder (`source`), with the `e2e` environment selected. */
export async function runV3Folder(spec: {
  source: V3Source;
  config: Record<string, unknown>;
  files?: Record<string, string>;
  envVars: Record<string, string>;
  timeoutRequest?: number;
  delayRequest?: number;
  timeout?: number;
}): Promise<Omit<V3Run, 'rig'>> {
  const dir = await mkdtemp(join(tmpdir(), 'gen-collection-v3-'));
  try {
    const { collectionDir, environmentFile } = await makeV3(spec, dir);
    const args = ['collection', 'run', collectionDir, '-e', environmentFile];
    for (const [key, value] of Object.entries(spec.envVars)) args.push('--env-var', `${key}=${value}`);
    const timeout = spec.timeout ?? 30_000;
    args.push('--timeout-request', String(spec.timeoutRequest ?? 5_000), '--timeout', String(timeout), '-r', 'cli');
    if (spec.delayRequest) args.push('--delay-request', String(spec.delayRequest));
    const started = Date.now();
    const run = await cli(args, dir, timeout + KILL_SLACK_MS);
    return { ...run, ms: Date.now() - started, failedTests: failedTests(run.stdout) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** Writes the v3 folder and an environment file into `dir`; returns their paths. */
async function makeV3(
  spec: { source: V3Source; config: Record<string, unknown>; files?: Record<string, string> },
  dir: string,
): Promise<{ collectionDir: string; environmentFile: string }> {
  const project = join(dir, 'project');
  for (const [path, content] of Object.entries(spec.files ?? {})) await put(join(project, path), content);
  const formats: OutputFormat[] = spec.source === 'postman-v3' ? ['postman-v3'] : ['postman'];
  const result = await buildFromConfig(spec.config, { baseDir: project, formats });
  const out = join(dir, 'out');
  for (const { files } of result.outputs) for (const f of files) await put(join(out, f.path), f.content);
  const slug = result.plan.slug;
  if (spec.source === 'postman-v3') {
    return {
      collectionDir: join(out, 'collections', slug),
      environmentFile: join(out, 'environments', `${slug}.${CONFIG_ENV}.environment.yaml`),
    };
  }
  const collectionDir = join(dir, 'migrated');
  const migrate = await cli(
    ['collection', 'migrate', join(out, `${slug}.postman_collection.json`), '-o', collectionDir],
    dir,
    60_000,
  );
  if (migrate.exitCode !== 0) throw new Error(`postman collection migrate failed: ${migrate.stdout}${migrate.stderr}`);
  return { collectionDir, environmentFile: join(out, `${slug}.${CONFIG_ENV}.postman_environment.json`) };
}

/** Runs the Postman CLI offline in `cwd` (its own HOME, the update check pointed at a refused port). */
export function cli(args: string[], cwd: string, killAfterMs: number): Promise<SpawnResult> {
  return spawnBounded(postmanBinary(), args, { cwd, env: offlineEnv(cwd), killAfterMs });
}

async function put(file: string, content: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await writeFile(file, content);
}

/**
 * The failing tests of the cli reporter's failure table (`  1.  AssertionError  <test>` then the message lines,
 * then `inside "<item>"`), as `item: message`.
 */
export function failedTests(stdout: string): string[] {
  const table = stdout.slice(stdout.search(/#\s+failure\s+detail/));
  if (table === stdout && !/#\s+failure\s+detail/.test(stdout)) return [];
  const out: string[] = [];
  for (const block of table.split(/\n\s*\d+\.\s+/).slice(1)) {
    const lines = block.split('\n').map((l) => l.trim());
    const item = /inside "(.*)"/.exec(block)?.[1] ?? '';
    const message = lines.slice(1).filter((l) => l && !l.startsWith('at ') && !l.startsWith('inside "'));
    out.push(`${item}: ${message.join(' ')}`);
  }
  return out;
}
