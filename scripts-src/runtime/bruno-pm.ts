// The Bruno runtime adapter: the `pm` API the token scripts and bundled user scripts use, on top of Bruno's `bru`,
// `req`, `res`, `test` and `expect`. Built into `lib/gen-collection-runtime.js` of each bruno collection and
// loaded by every generated script with `require` (a file in the collection: esprima does not parse it). The token
// scripts use the runtime interface instead (bruno.ts); both reach Bruno through bruno-http.ts.
import { formBody, lookup, sendWith, sandboxResponse, type Bru } from './bruno-http.ts';

/** What a Bruno script hands the adapter: its own globals (`res` and `expect` are absent before the request). */
interface BrunoContext {
  bru: Bru;
  req: BrunoRequest;
  res?: BrunoResponse;
  test?: (name: string, fn: () => unknown) => unknown;
  expect?: (value: unknown) => ChaiAssertion;
}

interface BrunoRequest {
  getName(): string;
  getUrl(): string;
  getMethod(): string;
  getHeader(name: string): string | undefined;
  setHeader(name: string, value: string): void;
  deleteHeader(name: string): void;
}

interface BrunoResponse {
  getStatus(): number;
  getStatusText?(): string;
  getHeader(name: string): unknown;
  getBody(): unknown;
  getResponseTime?(): number;
}

interface ChaiAssertion {
  to: { equal(value: unknown): void };
}

/** A `pm.sendRequest` request definition (the subset the token scripts and most user scripts use). */
interface SandboxRequest {
  url: string;
  method?: string;
  header?: Record<string, string> | { key: string; value: string }[];
  body?: { mode: 'raw'; raw: string } | { mode: 'urlencoded'; urlencoded: { key: string; value: string }[] };
}

// Bounds the wait for callbacks that start further requests.
const MAX_SETTLE_ROUNDS = 10;

/**
 * The `pm` object for one Bruno script. Every variable scope a script writes is a Bruno runtime variable
 * (`bru.setVar`): nothing goes to the environment file on disk. A script ends with `await pm.settle()`,
 * which waits for the `pm.sendRequest` callbacks and, when the script skipped its request after a failing
 * test (the token flow's failure), throws: Bruno then reports the error and exits 1, where a skip would pass.
 */
export function createPm({ bru, req, res, test, expect }: BrunoContext) {
  const pending: Promise<void>[] = [];
  const failures: string[] = [];
  let skip = false;

  const read = (name: string): unknown => lookup(bru, name);
  // Every scope reads through the others and writes the one runtime variable of that name.
  const scope = (own: (name: string) => unknown) => ({
    get: (name: string) => (bru.hasVar(name) ? bru.getVar(name) : own.call(bru, name)),
    has: (name: string) => bru.hasVar(name) || own.call(bru, name) !== undefined,
    set: (name: string, value: unknown) => bru.setVar(name, value === undefined || value === null ? '' : String(value)),
    unset: (name: string) => bru.deleteVar(name),
    replaceIn: (text: string) => bru.interpolate(text),
  });

  const runTest = (name: string, fn: () => unknown) => {
    if (res && test) return test(name, fn);
    // Before the request: Bruno's failing pre-request tests do not stop a skipped request from passing, so a
    // failure is kept and thrown by `settle` instead; a passing one is reported as usual.
    try {
      fn();
      if (test) test(name, () => undefined);
    } catch (thrown) {
      failures.push(`${name}: ${Object(thrown).message || String(thrown)}`);
    }
  };

  const sendRequest = (request: SandboxRequest | string, callback: (error: unknown, response?: unknown) => void = () => undefined) => {
    pending.push(sendWith(bru, brunoRequest(typeof request === 'string' ? { url: request } : request), callback));
  };

  const response = res && sandboxResponse(res.getStatus(), res.getStatusText ? res.getStatusText() : '', headerObject(res), res.getBody(), res.getResponseTime ? res.getResponseTime() : 0);
  if (response && expect) {
    (response as unknown as Record<string, unknown>).to = { have: { status: (code: number) => expect(response.code).to.equal(code) } };
  }

  return {
    variables: {
      ...scope(() => undefined),
      get: (name: string) => read(name),
      has: (name: string) => read(name) !== undefined,
    },
    environment: { ...scope(bru.getEnvVar), name: bru.getEnvName() || undefined },
    collectionVariables: scope(bru.getCollectionVar),
    globals: scope(bru.getGlobalEnvVar),
    info: { requestId: req.getName(), requestName: req.getName(), eventName: res ? 'test' : 'prerequest' },
    request: {
      url: { toString: () => req.getUrl() },
      method: req.getMethod(),
      auth: undefined,
      headers: {
        get: (name: string) => req.getHeader(name),
        add: ({ key, value }: { key: string; value: string }) => req.setHeader(key, value),
        upsert: ({ key, value }: { key: string; value: string }) => req.setHeader(key, value),
        remove: (name: string) => req.deleteHeader(name),
      },
    },
    response,
    test: runTest,
    expect,
    sendRequest,
    execution: {
      skipRequest: () => {
        skip = true;
      },
      setNextRequest: (name: string) => bru.runner.setNextRequest(name),
    },
    /** Waits for every `pm.sendRequest` callback (they may send more); then fails the request if it must. */
    async settle(): Promise<void> {
      for (let round = 0; pending.length && round < MAX_SETTLE_ROUNDS; round++) await Promise.all(pending.splice(0));
      if (skip && failures.length) throw new Error(failures.join('; '));
      if (skip) bru.runner.skipRequest();
    },
  };
}

function brunoRequest(request: SandboxRequest) {
  const headers: Record<string, string> = {};
  if (Array.isArray(request.header)) for (const { key, value } of request.header) headers[key] = value;
  else Object.assign(headers, request.header);
  const { body } = request;
  let data: string | undefined;
  if (body && body.mode === 'raw') data = body.raw;
  if (body && body.mode === 'urlencoded') data = formBody(body.urlencoded.map(({ key, value }): [string, string] => [key, value]));
  return { url: request.url, method: request.method || 'GET', headers, ...(data === undefined ? {} : { data }) };
}

function headerObject(res: BrunoResponse): Record<string, unknown> {
  const all = (res as unknown as { getHeaders?: () => Record<string, unknown> }).getHeaders;
  return all ? all.call(res) : {};
}
