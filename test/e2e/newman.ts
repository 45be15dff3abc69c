/**
 * Runs a collection with real Newman through its library API (no reporters: nothing printed) and
 * returns what the tests check: failures, the CLI-equivalent exit code, the final variables, the
 * console lines and the requests sent. Every run is bounded in time.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run, type NewmanRunOptions, type NewmanRunSummary } from 'newman';

export interface RunNewmanOptions {
  /** Environment JSON (object) or file path. */
  environment?: object | string;
  /** `--env-var` pairs. */
  envVars?: Record<string, string>;
  iterationCount?: number;
  /** Rows (objects) or a JSON/CSV file path. */
  iterationData?: Record<string, string>[] | string;
  /** Per-request timeout in ms (`--timeout-request`), default 5000; also bounds `pm.sendRequest`. */
  timeoutRequest?: number;
  /** Pause between requests in ms (`--delay-request`). */
  delayRequest?: number;
  /** Export the final environment with Newman's own `--export-environment` and read it back. */
  exportEnvironment?: boolean;
  /** Bound for the whole run in ms (default 60 s). */
  timeout?: number;
}

/** One failure as Newman reports it (assertion, script error or request error). */
export interface NewmanFailure {
  /** Name of the item (request) it belongs to. */
  item: string;
  /** Event it came from: `test-script`, `prerequest-script`, `request`, … */
  at: string;
  /** Test name for assertion failures. */
  test?: string;
  name: string;
  message: string;
}

/** One HTTP request Newman sent: the item's own request or a `pm.sendRequest` made while running that item. */
export interface NewmanRequest {
  item: string;
  method: string;
  url: string;
  status?: number;
  error?: string;
}

/** One assertion (`pm.test`) result. */
export interface NewmanAssertion {
  item: string;
  name: string;
  passed: boolean;
  skipped: boolean;
  message?: string;
}

export interface NewmanResult {
  summary: NewmanRunSummary;
  /** The run error (not a test failure), when the run itself failed. */
  runError?: string;
  failures: NewmanFailure[];
  /** What `newman run` would exit with: 1 on a run error or any failure, else 0. */
  exitCode: 0 | 1;
  /** `--export-environment` read back (key → value), when asked for. */
  exportedEnvironment?: Record<string, string>;
  /** Final environment (from the summary). */
  environment: Record<string, string>;
  /** Collection variables as the last script left them (the summary only has the original values). */
  collectionVariables: Record<string, string>;
  consoleLines: string[];
  /** Script exceptions Newman reported through its `exception` event (not counted as failures by Newman). */
  exceptions: string[];
  requests: NewmanRequest[];
  assertions: NewmanAssertion[];
  durationMs: number;
}

/** Runs `collection` with Newman's library API. Resolves with the result; rejects only when Newman does not finish in time. */
export async function runNewman(collection: object | string, opts: RunNewmanOptions = {}): Promise<NewmanResult> {
  const timeout = opts.timeout ?? 60_000;
  const exportDir = opts.exportEnvironment ? await mkdtemp(join(tmpdir(), 'gen-collection-e2e-')) : undefined;
  const exportFile = exportDir ? join(exportDir, 'environment.json') : undefined;
  const consoleLines: string[] = [];
  const exceptions: string[] = [];
  const requests: NewmanRequest[] = [];
  const assertions: NewmanAssertion[] = [];
  const started = Date.now();
  // The summary keeps the collection's original variables (newman#2680): take the last values a script saw.
  let lastCollectionVariables: unknown;

  const options: NewmanRunOptions = {
    collection: collection as NewmanRunOptions['collection'],
    environment: opts.environment as NewmanRunOptions['environment'],
    envVar: Object.entries(opts.envVars ?? {}).map(([key, value]) => ({ key, value })),
    iterationCount: opts.iterationCount,
    iterationData: opts.iterationData,
    timeoutRequest: opts.timeoutRequest ?? 5_000,
    timeoutScript: 10_000,
    delayRequest: opts.delayRequest,
    timeout,
    exportEnvironment: exportFile,
    reporters: [],
  };

  try {
    const summary = await new Promise<NewmanRunSummary>((resolve, reject) => {
      const guard = setTimeout(
        () => reject(new Error(`newman did not finish within ${timeout + 5_000} ms`)),
        timeout + 5_000,
      );
      const emitter = run(options, (err, result) => {
        clearTimeout(guard);
        if (err && !result) reject(err);
        else resolve(result);
      });
      emitter.on('console', (_err: unknown, event: { messages?: unknown[] }) => {
        consoleLines.push((event.messages ?? []).map(formatConsoleArg).join(' '));
      });
      emitter.on('script', (_err: unknown, event: { execution?: { collectionVariables?: unknown } }) => {
        if (event.execution?.collectionVariables) lastCollectionVariables = event.execution.collectionVariables;
      });
      emitter.on('exception', (_err: unknown, event: { error?: { message?: string } }) => {
        exceptions.push(event.error?.message ?? 'unknown exception');
      });
      // `pm.sendRequest` events carry no item: attribute them to the item being run (items run one at a time).
      let currentItem = '';
      emitter.on('beforeItem', (_err: unknown, event: { item?: { name?: string } }) => {
        currentItem = event.item?.name ?? '';
      });
      emitter.on('request', (err: Error | null, event: RequestEvent) => {
        requests.push({
          item: event.item?.name ?? currentItem,
          method: event.request?.method ?? '',
          url: event.request?.url?.toString() ?? '',
          status: event.response?.code,
          error: err ? err.message : undefined,
        });
      });
      emitter.on('assertion', (err: { message?: string } | null, event: AssertionEvent) => {
        assertions.push({
          item: event.item?.name ?? '',
          name: event.assertion,
          passed: !err,
          skipped: event.skipped === true,
          message: err?.message,
        });
      });
    });

    const rawRunError = (summary.run as { error?: unknown }).error;
    const runError = rawRunError ? errorMessage(rawRunError) : undefined;
    const failures = summary.run.failures.map(toFailure);
    return {
      summary,
      runError,
      failures,
      exitCode: runError || failures.length > 0 ? 1 : 0,
      exportedEnvironment: exportFile ? await readExportedEnvironment(exportFile) : undefined,
      environment: scopeValues(summary.environment),
      collectionVariables: scopeValues(lastCollectionVariables ?? summary.collection?.variables),
      consoleLines,
      exceptions,
      requests,
      assertions,
      durationMs: Date.now() - started,
    };
  } finally {
    if (exportDir) await rm(exportDir, { recursive: true, force: true });
  }
}

interface RequestEvent {
  item?: { name?: string };
  request?: { method?: string; url?: { toString(): string } };
  response?: { code?: number };
}

interface AssertionEvent {
  item?: { name?: string };
  assertion: string;
  skipped?: boolean;
}

interface RawFailure {
  error?: { name?: string; message?: string; test?: string };
  at?: string;
  source?: { name?: string };
}

/** A failure of a Newman summary or of a report in Newman's JSON structure (the Postman CLI writes one too). */
export function toFailure(raw: unknown): NewmanFailure {
  const failure = raw as RawFailure;
  return {
    item: failure.source?.name ?? '',
    at: failure.at ?? '',
    test: failure.error?.test,
    name: failure.error?.name ?? 'Error',
    message: failure.error?.message ?? '',
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error
    ? error.message
    : typeof error === 'object' && error && 'message' in error
      ? String(error.message)
      : String(error);
}

function formatConsoleArg(arg: unknown): string {
  return typeof arg === 'string' ? arg : (JSON.stringify(arg) ?? String(arg));
}

/** key → value of a Postman variable scope (VariableScope or its JSON). */
function scopeValues(scope: unknown): Record<string, string> {
  const json =
    scope && typeof scope === 'object' && 'toJSON' in scope && typeof scope.toJSON === 'function'
      ? (scope.toJSON() as unknown)
      : scope;
  const values = Array.isArray(json)
    ? json
    : json && typeof json === 'object' && 'values' in json && Array.isArray(json.values)
      ? json.values
      : [];
  const out: Record<string, string> = {};
  for (const entry of values as { key?: string; value?: unknown }[]) {
    if (typeof entry.key === 'string')
      out[entry.key] = entry.value === undefined || entry.value === null ? '' : String(entry.value);
  }
  return out;
}

async function readExportedEnvironment(file: string): Promise<Record<string, string>> {
  return scopeValues(JSON.parse(await readFile(file, 'utf8')));
}
