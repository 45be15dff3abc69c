// The runtime adapter for Bruno (`bru run`, safe and developer sandboxes; the Bruno app): the token scripts' runtime
// on `bru`, `req`, `res` and `test`. The bundler puts it in place of postman.ts for the `bruno` format. Where Bruno
// differs: tokens and run-local memory are runtime variables (`bru.setEnvVar` would write the environment file on
// disk); requests are known by name (`req.getName()`, unique in a generated collection); Bruno does not wait for
// `bru.sendRequest`, so the generated script awaits `settled()`, which also fails the request when the token flow
// skipped it after a failure: a skip after a failing test passes in Bruno (exit 0), a throw fails the run.
import { formBody, lookup, sendWith, type Bru } from './bruno-http.ts';
import type { HttpRequest, HttpResponse } from './runtime.ts';

declare const bru: Bru;
declare const req: {
  getName(): string;
  getMethod(): string;
  getUrl(): string;
  getPathParams?(): { name: string; value: unknown; type?: string }[];
  setHeader(name: string, value: string): void;
};
declare const res: { getStatus(): number; getHeader(name: string): unknown } | undefined;
declare const test: ((name: string, fn: () => void) => void) | undefined;
/** The object the generated Bruno script declares in front of the token code and awaits `settled` on afterwards. */
declare const genCollectionRuntime: { settled?: () => Promise<void> };

const pending: Promise<void>[] = [];
const failedTests: string[] = [];
let skipped = false;
// Callbacks may send again (a refused refresh falls back to the primary grant): a few rounds, never unbounded.
const MAX_SETTLE_ROUNDS = 10;
const resourceResponse = () => (typeof res === 'undefined' ? undefined : res);

export const read = (name: string): string => bru.interpolate(String(lookup(bru, name) ?? ''));
export const defined = (name: string): boolean => lookup(bru, name) !== undefined || bru.hasEnvVar(name);
export const replaceIn = (template: string): string => bru.interpolate(template);
export const recall = (key: string): string => String(bru.getVar(varName(key)) ?? '');
export const remember = (key: string, value: string): void => bru.setVar(varName(key), value);

/** Bruno names take letters, digits, `-`, `_` and `.` only: any other character (an origin's `:/`) as `-XX` hex. */
const varName = (key: string): string =>
  key.replace(/[^A-Za-z0-9_.]/g, (c) => `-${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
export const store = (values: Record<string, string>): void => {
  for (const name in values) bru.setVar(name, values[name]);
};
export const environmentSelected = (): boolean => !!bru.getEnvName();
export const fixes = {
  environment: 'bru run --env <environment>',
  variable: (name: string, value: string) => `bru run … --env-var ${name}=${value}, or its value in the Bruno app`,
};
export const send = (request: HttpRequest, callback: (error: unknown, response?: HttpResponse) => void): void => {
  const { body } = request;
  const data = body.mode === 'raw' ? body.raw : formBody(body.urlencoded.map(({ key, value }): [string, string] => [key, value]));
  pending.push(sendWith(bru, { url: request.url, method: request.method, headers: request.header, data }, callback));
};
export const settled = async (): Promise<void> => {
  for (let round = 0; pending.length && round < MAX_SETTLE_ROUNDS; round++) await Promise.all(pending.splice(0));
  if (skipped) throw new Error(failedTests.join('; ') || 'gen-collection: request skipped');
};
export const failTest = (title: string, problem: string): void => {
  // After the response Bruno counts failing tests. Before it, a failing test passes once the request is skipped,
  // and the results of a script that throws are dropped: the failure is kept and thrown by `settled` (a JUnit error).
  if (resourceResponse() && typeof test === 'function') test(title, () => { throw new Error(problem); });
  else failedTests.push(`${title}: ${problem}`);
};
export const skipRequest = (): void => {
  skipped = true;
};
export const requestId = (): string => req.getName();
// Bruno shows scripts no auth of their own per request: the generator names every request that sends no collection token.
export const requestToken = (): undefined => undefined;
export const requestMethod = (): string => req.getMethod();
/** The URL as Bruno sends it: variables resolved and `:name` path segments filled in from the path params. */
export const requestUrl = (): string => {
  let url = req.getUrl();
  for (const param of req.getPathParams?.() ?? []) {
    if (param.type === 'query' || param.value === undefined || param.value === null || param.value === '') continue;
    url = url.replace(new RegExp(`/:${param.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?=[/?#]|$)`), `/${param.value}`);
  }
  return bru.interpolate(url);
};
export const setRequestHeader = (name: string, value: string): void => req.setHeader(name, value);
export const responseCode = (): number => resourceResponse()!.getStatus();
export const responseHeader = (name: string): string | undefined => {
  const value = resourceResponse()!.getHeader(name);
  return value === undefined || value === null ? undefined : String(value);
};
export const setNextRequest = (id: string): void => bru.runner.setNextRequest(id);

genCollectionRuntime.settled = settled;
