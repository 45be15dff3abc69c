/**
 * Runs a script inside a real postman-sandbox the way postman-runtime does: the script gets a context
 * (variables, request, response), `pm.sendRequest` arrives as an `execution.request.<id>` event and is
 * answered with `execution.response.<id>` by a fake token server, and assertions, skips, console output
 * and the final variables are collected.
 */
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The two sandboxes the scripts must behave the same in. */
export const SANDBOXES = [
  { label: 'sandbox 4.7.1 (Newman 6)', module: 'postman-sandbox-4' },
  { label: 'sandbox 6.7.4 (Postman app, CLI)', module: 'postman-sandbox' },
] as const;

export type SandboxModule = (typeof SANDBOXES)[number]['module'];

type Listener = (...args: unknown[]) => void;

interface SandboxContext {
  execute(event: object, options: object, callback: (error: unknown, result: ExecutionResult) => void): void;
  on(event: string, listener: Listener): void;
  removeAllListeners(event: string): void;
  dispatch(event: string, ...args: unknown[]): void;
  dispose(): void;
}

interface ExecutionResult {
  environment?: { values?: VariableJson[] };
  collectionVariables?: { values?: VariableJson[] };
  _variables?: { values?: VariableJson[] };
  return?: { nextRequest?: unknown };
  request?: { header?: { key: string; value: string }[] };
}

interface VariableJson {
  key: string;
  value: unknown;
}

/** A request as the token server sees it: what the script asked `pm.sendRequest` to send. */
export interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  /** urlencoded: the fields in order; raw: the text. */
  body?: { urlencoded: [string, string][] } | { raw: string };
}

/** The fake token server's answer: an HTTP response, or a network error as Newman delivers it. */
export type ServerReply =
  { status: number; json?: unknown; text?: string; headers?: Record<string, string> } | { networkError: object };

export interface ScriptRun {
  script: string;
  listen: 'prerequest' | 'test';
  /** Omitted: no environment selected (`pm.environment.name` undefined). */
  environment?: { name?: string; values: Record<string, string> };
  collectionVariables?: Record<string, string>;
  localVariables?: Record<string, string>;
  /** The request as `pm.request` shows it (a postman-collection request definition). */
  request?: object;
  /** For test scripts: the API's response. */
  response?: { status: number; text?: string; headers?: Record<string, string> };
  requestId?: string;
  requestName?: string;
  /** Answers each `pm.sendRequest`, in order; a run that sends more requests than replies fails. */
  replies?: ServerReply[];
  /** An expression of `realPm` (the sandbox's `pm`) that the script gets as `pm` instead, to alter its behaviour. */
  pm?: string;
  /** Added to the script's `Date.now()` (its callbacks included), to run it later than now without waiting. */
  clockOffsetMs?: number;
  /** postman-sandbox option; false makes `pm.execution.skipRequest` throw. */
  allowSkipRequest?: boolean;
}

export interface ScriptResult {
  sent: SentRequest[];
  assertions: { name: string; passed: boolean; error?: string }[];
  skipped: boolean;
  /** Final variables; a key absent here was never set or was unset. */
  environment: Record<string, string>;
  collectionVariables: Record<string, string>;
  localVariables: Record<string, string>;
  nextRequest: unknown;
  /** The headers of `pm.request` after the script (a pre-request script may add some). */
  requestHeaders: Record<string, string>;
  console: string[];
  /** Script errors the sandbox reported (uncaught throws, rejections). */
  errors: string[];
}

const contexts = new Map<SandboxModule, Promise<SandboxContext>>();

/** One sandbox context per module for the whole test file (creating one takes a while). */
export function sandbox(module: SandboxModule): Promise<SandboxContext> {
  let context = contexts.get(module);
  if (!context) {
    const Sandbox = require(module) as {
      createContext(options: object, cb: (error: unknown, ctx: SandboxContext) => void): void;
    };
    context = new Promise((resolve, reject) =>
      Sandbox.createContext({}, (error, ctx) => (error ? reject(error) : resolve(ctx))),
    );
    contexts.set(module, context);
  }
  return context;
}

/** Disposes every sandbox context created so far. */
export async function disposeSandboxes(): Promise<void> {
  for (const context of contexts.values()) (await context).dispose();
  contexts.clear();
}

/** Runs one script to completion (including its `pm.sendRequest` callbacks) and reports what it did. */
export async function runScript(module: SandboxModule, run: ScriptRun): Promise<ScriptResult> {
  const ctx = await sandbox(module);
  const id = randomUUID();
  const result: ScriptResult = {
    sent: [],
    assertions: [],
    skipped: false,
    environment: {},
    collectionVariables: {},
    localVariables: {},
    nextRequest: undefined,
    requestHeaders: {},
    console: [],
    errors: [],
  };
  const replies = [...(run.replies ?? [])];
  const mine = (cursor: unknown) => (cursor as { execution?: string } | undefined)?.execution === id;

  const onRequest: Listener = (_cursor, executionId, requestId, request) => {
    result.sent.push(describeSentRequest(request));
    const reply = replies.shift();
    if (!reply) {
      result.errors.push('the script sent more token requests than the test has replies for');
      ctx.dispatch(`execution.response.${String(executionId)}`, requestId, { code: 'ENOREPLY' });
      return;
    }
    if ('networkError' in reply)
      ctx.dispatch(`execution.response.${String(executionId)}`, requestId, reply.networkError);
    else
      ctx.dispatch(
        `execution.response.${String(executionId)}`,
        requestId,
        null,
        responseJson(reply.status, reply.text ?? JSON.stringify(reply.json), reply.headers),
      );
  };
  const onAssertion: Listener = (cursor, assertions) => {
    if (!mine(cursor)) return;
    for (const a of assertions as { name: string; passed: boolean; error?: { message?: string } }[]) {
      result.assertions.push({ name: a.name, passed: a.passed, ...(a.error ? { error: a.error.message } : {}) });
    }
  };
  const onConsole: Listener = (cursor, level, ...args) => {
    if (mine(cursor))
      result.console.push(
        `${String(level)}: ${args.map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg))).join(' ')}`,
      );
  };
  const onError: Listener = (_cursor, error) =>
    result.errors.push(String((error as { message?: string })?.message ?? error));

  ctx.on(`execution.request.${id}`, onRequest);
  ctx.on('execution.assertion', onAssertion);
  ctx.on('console', onConsole);
  ctx.on(`execution.error.${id}`, onError);
  ctx.on(`execution.skipRequest.${id}`, () => {
    result.skipped = true;
  });

  const withPm = run.pm ? `{\nconst realPm = pm;\n{\nconst pm = ${run.pm};\n${run.script}\n}\n}` : run.script;
  // A block-scoped Date shadows the global one for the script and every closure it creates.
  const code = run.clockOffsetMs
    ? `{\nconst RealDate = Date;\n{\nconst Date = class extends RealDate { static now() { return RealDate.now() + ${run.clockOffsetMs}; } };\n${withPm}\n}\n}`
    : withPm;
  const context = {
    ...(run.environment
      ? { environment: { name: run.environment.name, values: variableList(run.environment.values) } }
      : {}),
    collectionVariables: { values: variableList(run.collectionVariables ?? {}) },
    _variables: { values: variableList(run.localVariables ?? {}) },
    globals: { values: [] },
    request: run.request ?? { url: 'https://api.example.test/orders', method: 'GET' },
    ...(run.response
      ? { response: responseJson(run.response.status, run.response.text ?? '', run.response.headers) }
      : {}),
  };
  try {
    const execution = await new Promise<ExecutionResult>((resolve, reject) => {
      ctx.execute(
        { listen: run.listen, script: { exec: code } },
        {
          id,
          timeout: 10_000,
          context,
          legacy: { _itemId: run.requestId ?? 'request-1', _itemName: run.requestName ?? 'List orders' },
          ...(run.allowSkipRequest === undefined ? {} : { allowSkipRequest: run.allowSkipRequest }),
        },
        (error, execResult) => (error ? reject(error) : resolve(execResult)),
      );
    });
    result.environment = variableRecord(execution.environment?.values);
    result.collectionVariables = variableRecord(execution.collectionVariables?.values);
    result.localVariables = variableRecord(execution._variables?.values);
    result.nextRequest = execution.return?.nextRequest;
    for (const h of execution.request?.header ?? []) result.requestHeaders[h.key] = h.value;
  } catch (error) {
    result.errors.push(String((error as { message?: string })?.message ?? error));
  } finally {
    ctx.removeAllListeners(`execution.request.${id}`);
    ctx.removeAllListeners(`execution.error.${id}`);
    ctx.removeAllListeners(`execution.skipRequest.${id}`);
    removeListener(ctx, 'execution.assertion', onAssertion);
    removeListener(ctx, 'console', onConsole);
  }
  if (replies.length) result.errors.push(`${replies.length} token server replies were never asked for`);
  return result;
}

function removeListener(ctx: SandboxContext, event: string, listener: Listener): void {
  (ctx as unknown as { off(event: string, listener: Listener): void }).off(event, listener);
}

function responseJson(status: number, text: string, headers: Record<string, string> = {}): object {
  const header = [
    { key: 'Content-Type', value: 'application/json' },
    ...Object.entries(headers).map(([key, value]) => ({ key, value })),
  ];
  return { code: status, status: status === 200 ? 'OK' : 'Status', header, body: text };
}

function variableList(values: Record<string, string>): VariableJson[] {
  return Object.entries(values).map(([key, value]) => ({ key, value }));
}

function variableRecord(values: VariableJson[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const v of values ?? []) record[v.key] = String(v.value);
  return record;
}

/** The request definition the sandbox emitted, flattened for assertions (URL as a string, headers as a record). */
function describeSentRequest(request: unknown): SentRequest {
  const { Request } = require('postman-collection') as {
    Request: new (definition: unknown) => { url: { toString(): string } };
  };
  const r = request as {
    method?: string;
    header?: { key: string; value: string }[];
    body?: { mode?: string; raw?: string; urlencoded?: { key: string; value: string }[] };
  };
  const headers: Record<string, string> = {};
  for (const h of r.header ?? []) headers[h.key] = h.value;
  const body =
    r.body?.mode === 'urlencoded'
      ? { urlencoded: (r.body.urlencoded ?? []).map((f): [string, string] => [f.key, f.value]) }
      : r.body?.mode === 'raw'
        ? { raw: r.body.raw ?? '' }
        : undefined;
  return { method: r.method ?? 'GET', url: new Request(request).url.toString(), headers, ...(body ? { body } : {}) };
}
