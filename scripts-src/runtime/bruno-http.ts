// What both Bruno adapters (bruno.ts for the token scripts, bruno-pm.ts for user scripts) need of Bruno: its
// variable scopes, and `bru.sendRequest` shaped as the sandboxes' requests and responses are.
import type { HttpResponse } from './runtime.ts';

/** The part of Bruno's `bru` the adapters use. */
export interface Bru {
  hasVar(name: string): boolean;
  getVar(name: string): unknown;
  setVar(name: string, value: unknown): void;
  deleteVar(name: string): void;
  hasEnvVar(name: string): boolean;
  getEnvVar(name: string): unknown;
  getEnvName(): string | undefined;
  getCollectionVar(name: string): unknown;
  getRequestVar(name: string): unknown;
  getFolderVar(name: string): unknown;
  getGlobalEnvVar(name: string): unknown;
  interpolate(text: string): string;
  sendRequest(request: Record<string, unknown>): Promise<{ status: number; statusText?: string; headers: Record<string, unknown>; data: unknown }>;
  runner: { skipRequest(): void; setNextRequest(name: string): void };
}

/** A request in Bruno's terms: url, method, headers, and the body as the text to send. */
export interface BrunoHttpRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  data?: string;
}

// A token request that never answers must not hold the run (Newman and the Postman CLI bound it with their timeouts).
const SEND_TIMEOUT_MS = 30000;

/**
 * A variable's raw value as a request sees it: runtime (what scripts set), request, folder, environment,
 * collection, then global variables, Bruno's own precedence; undefined when no scope has it.
 */
export function lookup(bru: Bru, name: string): unknown {
  if (bru.hasVar(name)) return bru.getVar(name);
  for (const scope of [bru.getRequestVar, bru.getFolderVar, bru.getEnvVar, bru.getCollectionVar, bru.getGlobalEnvVar]) {
    const value = scope.call(bru, name);
    if (value !== undefined && value !== null) return value;
  }
  return undefined;
}

/**
 * Sends with `bru.sendRequest` and hands the answer to `callback` as the sandboxes' response: every status
 * resolves (`validateStatus: null`; else Bruno rejects a non-2xx and, in the safe sandbox, loses its body).
 */
export function sendWith(bru: Bru, request: BrunoHttpRequest, callback: (error: unknown, response?: SandboxResponse) => void): Promise<void> {
  return bru.sendRequest({ ...request, validateStatus: null, timeout: SEND_TIMEOUT_MS }).then(
    (answer) => callback(null, sandboxResponse(answer.status, answer.statusText ?? '', answer.headers, answer.data)),
    (error) => callback(error),
  );
}

/** A response as the sandboxes show one: `code`, `status`, `text()`, `json()`, `headers.get(name)`. */
export interface SandboxResponse extends HttpResponse {
  status: string;
  responseTime: number;
  text(): string;
  json(): unknown;
}

/** `data` as Bruno parsed it (an object for JSON) in the sandboxes' response shape. */
export function sandboxResponse(code: number, status: string, headers: Record<string, unknown>, data: unknown, responseTime = 0): SandboxResponse {
  const text = typeof data === 'string' ? data : data === undefined || data === null ? '' : JSON.stringify(data);
  const lower: Record<string, string> = {};
  for (const name in headers) lower[name.toLowerCase()] = String(headers[name]);
  return {
    code,
    status,
    responseTime,
    text: () => text,
    json: () => (typeof data === 'string' ? JSON.parse(data) : data),
    headers: { get: (name: string) => lower[name.toLowerCase()] },
  };
}

/** Form fields as an `application/x-www-form-urlencoded` body. */
export function formBody(fields: [string, string][]): string {
  return fields.map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`).join('&');
}
