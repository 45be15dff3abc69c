/**
 * Runs one generated collection under real Newman and under the official Postman CLI, each against its
 * own token server and protected API (started here, closed after), and reduces both runs to one
 * comparable outcome: exit code, failing tests, the API log and the token requests as the servers saw them.
 */
import { generate } from '../e2e/generate.js';
import { runNewman, type NewmanFailure, type NewmanResult } from '../e2e/newman.js';
import { withoutNewmanCopies } from '../e2e/newman-report.js';
import { refusedUrl } from '../e2e/servers/http-util.js';
import { startProtectedApi, type ProtectedApi } from '../e2e/servers/protected-api.js';
import { startTokenServer, type TokenServer, type TokenServerOptions } from '../e2e/servers/token-server.js';
import { runPostmanCli, type PostmanCliResult } from './postman-cli.js';
import { newmanTexts } from '../helpers/newman-outcome.js';

/** The servers one run talks to. */
export interface Rig {
  ts: TokenServer;
  api: ProtectedApi;
  /** The token URL the collection uses: the token server's, or a refused port. */
  tokenUrl: string;
}

export type Runner = 'newman' | 'postman-cli';

/** The variables passed with `--env-var` that hold secrets. */
const SECRET_VARIABLES = ['client_secret', 'password'];

/** A run reduced to what must be the same under both runners; URLs replaced by `<token_url>`, `<token_host>` and `<api>`. */
export interface Outcome {
  /** The runner finished and wrote its summary (no crash, not killed). */
  completed: boolean;
  exitCode: number;
  /** `item: message` of each failing test, in report order. */
  failedTests: string[];
  /** `item: at` of each failure that is not a test (a request error), in report order. */
  otherFailures: string[];
  /** `path status` of each request the API received. */
  api: string[];
  /** `grant clientAuth bodyFormat [status]` of each token request the token server received. */
  tokenRequests: string[];
  /** `item: test passed|failed` of each test that ran (skipped ones left out), in report order. */
  tests: string[];
}

/** One runner's run: the raw result, the servers it ran against (for secrets and records) and its outcome. */
export interface RunnerRun {
  runner: Runner;
  rig: Rig;
  outcome: Outcome;
  failures: NewmanFailure[];
  /** Everything the runner printed or reported that must hold no secret. */
  texts: Record<string, string>;
  raw: NewmanResult | PostmanCliResult;
}

export interface CaseRun {
  /** Token server options (each runner gets its own server with these). */
  server: TokenServerOptions;
  /** Use a refused port as the token URL instead of the token server. */
  refusedTokenUrl?: boolean;
  /** The config for a rig. */
  config: (rig: Rig) => Record<string, unknown>;
  /** Run before the runner starts (e.g. arm a one-off 401). */
  arm?: (rig: Rig) => void;
  /** User script files the config refers to (path relative to the project → content). */
  files?: Record<string, string>;
  timeoutRequest?: number;
  delayRequest?: number;
  /** Bound for one run in ms. */
  timeout?: number;
  /** Keep token response statuses in the outcome (off where they depend on timing, as with a slow server). */
  tokenStatuses?: boolean;
  /** The `--env-var` pairs instead of the rig's secrets. */
  envVars?: (rig: Rig) => Record<string, string>;
  /** Run without `-e` (default: the `e2e` environment selected). */
  noEnvironment?: boolean;
}

/** Runs the case under both runners side by side. */
export async function runBoth(spec: CaseRun): Promise<Record<Runner, RunnerRun>> {
  const [newman, postmanCli] = await Promise.all([runOne('newman', spec), runOne('postman-cli', spec)]);
  return { newman, 'postman-cli': postmanCli };
}

/** Runs the case under one runner against a fresh rig. */
export async function runOne(runner: Runner, spec: CaseRun): Promise<RunnerRun> {
  const ts = await startTokenServer(spec.server);
  const api = await startProtectedApi({ validate: ts.validateToken });
  try {
    const rig: Rig = { ts, api, tokenUrl: spec.refusedTokenUrl ? await refusedUrl('/token') : ts.tokenUrl };
    const { collection, environment } = await generate(spec.config(rig), spec.files);
    const run = {
      environment: spec.noEnvironment ? undefined : environment('e2e'),
      envVars: spec.envVars?.(rig) ?? { client_secret: ts.client.secret, password: ts.user.password },
      timeoutRequest: spec.timeoutRequest ?? 5_000,
      delayRequest: spec.delayRequest,
      timeout: spec.timeout ?? 30_000,
    };
    spec.arm?.(rig);
    if (runner === 'newman') {
      const result = await runNewman(collection, run);
      const texts = newmanTexts(result);
      return { runner, rig, failures: result.failures, texts, raw: result, outcome: outcomeOf(rig, result, spec) };
    }
    const result = await runPostmanCli(collection, run);
    // Like Newman, the CLI copies every --env-var value (and an errored token request) into its JSON report.
    const report = result.jsonReport
      ? withoutNewmanCopies(JSON.parse(result.jsonReport), { envVarKeys: SECRET_VARIABLES, tokenUrl: rig.tokenUrl })
          .rest
      : {};
    const texts = {
      stdout: result.stdout,
      stderr: result.stderr,
      'JUnit report': result.junitReport,
      "JSON report (less the runner's own copies)": JSON.stringify(report),
    };
    return { runner, rig, failures: result.failures, texts, raw: result, outcome: outcomeOf(rig, result, spec) };
  } finally {
    await api.close();
    await ts.close();
  }
}

function outcomeOf(rig: Rig, result: NewmanResult | PostmanCliResult, spec: CaseRun): Outcome {
  const { exitCode, failures, assertions } = result;
  const completed = 'summary' in result ? result.runError === undefined : result.jsonReport !== '';
  const tokenHost = new URL(rig.tokenUrl).host;
  const placeholders = (text: string) =>
    text.split(rig.tokenUrl).join('<token_url>').split(tokenHost).join('<token_host>').split(rig.api.url).join('<api>');
  const isTest = (f: NewmanFailure) => f.test !== undefined;
  return {
    completed,
    exitCode,
    failedTests: failures.filter(isTest).map((f) => placeholders(`${f.item}: ${f.message}`)),
    otherFailures: failures.filter((f) => !isTest(f)).map((f) => `${f.at}`),
    api: rig.api.log.map((r) => `${r.path} ${r.status}`),
    tokenRequests: rig.ts.tokenRequests.map((r) =>
      [r.grantType, r.clientAuth, r.bodyFormat, spec.tokenStatuses === false ? '' : String(r.status)]
        .filter(Boolean)
        .join(' '),
    ),
    tests: assertions
      .filter((a) => !a.skipped)
      .map((a) => placeholders(`${a.item}: ${a.name} ${a.passed ? 'passed' : 'failed'}`)),
  };
}
