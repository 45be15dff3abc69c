/**
 * The protected API of the e2e tests: validates `Authorization: Bearer` with a validator (oidc-provider
 * introspection, or the token server's own check), answers JSON and counts what it saw.
 *
 * Routes: `GET /health` (no auth), `GET|POST /orders`, `GET /orders/:id`, `/always-401`.
 */
import { createJsonServer, listenLoopback, pathOf, readBody, sendJson } from './http-util.js';

/** Decides whether a bearer token is currently valid. */
export type TokenValidator = (token: string) => Promise<boolean>;

export interface ProtectedApiOptions {
  validate: TokenValidator;
}

export interface ProtectedApiStats {
  /** Every request received (health included). */
  requests: number;
  /** Answers with status 401. */
  unauthorized: number;
  /** Requests to an auth-protected route that carried no usable bearer token (none, empty, `null`, an unresolved `{{…}}`). */
  withoutToken: number;
  /** Request count per path. */
  byPath: Record<string, number>;
}

/** One request as the API saw it (the token itself is not kept). */
export interface ApiRequestRecord {
  at: number;
  method: string;
  path: string;
  /** The query string as sent, without its `?` (empty when none). */
  query: string;
  hadToken: boolean;
  status: number;
}

export interface ProtectedApi {
  url: string;
  stats: ProtectedApiStats;
  log: ApiRequestRecord[];
  /** The next request that carries a *valid* token is answered 401 once (as if the token was revoked). */
  rejectNextValidTokenOnce(): void;
  close(): Promise<void>;
}

/** Starts the protected API on 127.0.0.1 (port 0). */
export async function startProtectedApi(opts: ProtectedApiOptions): Promise<ProtectedApi> {
  const stats: ProtectedApiStats = { requests: 0, unauthorized: 0, withoutToken: 0, byPath: {} };
  const log: ApiRequestRecord[] = [];
  let rejectNext = false;

  const server = createJsonServer(async (req, res) => {
    const path = pathOf(req);
    const method = req.method ?? 'GET';
    stats.requests += 1;
    stats.byPath[path] = (stats.byPath[path] ?? 0) + 1;
    const body = await readBody(req);
    const token = bearerToken(req.headers.authorization);
    const query = (req.url ?? '').split('?').slice(1).join('?');
    const record: ApiRequestRecord = {
      at: Date.now(),
      method,
      path,
      query,
      hadToken: token !== undefined,
      status: 0,
    };
    log.push(record);
    const answer = (status: number, json: unknown) => {
      record.status = status;
      if (status === 401) stats.unauthorized += 1;
      const headers: Record<string, string> =
        status === 401 ? { 'www-authenticate': 'Bearer error="invalid_token"' } : {};
      sendJson(res, status, json, headers);
    };

    if (path === '/health') {
      answer(200, { status: 'ok' });
      return;
    }
    const route = matchRoute(method, path);
    if (!route) {
      answer(404, { error: 'not_found', path });
      return;
    }
    if (token === undefined) {
      stats.withoutToken += 1;
      answer(401, { error: 'invalid_token', error_description: 'no bearer token' });
      return;
    }
    if (route.kind === 'always-401' || !(await opts.validate(token))) {
      answer(401, { error: 'invalid_token', error_description: 'token rejected' });
      return;
    }
    if (rejectNext) {
      rejectNext = false;
      answer(401, { error: 'invalid_token', error_description: 'token revoked' });
      return;
    }
    answer(route.kind === 'create' ? 201 : 200, respond(route, body));
  });

  const listening = await listenLoopback(server);
  return {
    url: listening.url,
    stats,
    log,
    rejectNextValidTokenOnce: () => {
      rejectNext = true;
    },
    close: listening.close,
  };
}

type Route = { kind: 'list' } | { kind: 'create' } | { kind: 'one'; id: string } | { kind: 'always-401' };

function matchRoute(method: string, path: string): Route | undefined {
  if (path === '/always-401') return { kind: 'always-401' };
  if (path === '/orders') return method === 'POST' ? { kind: 'create' } : { kind: 'list' };
  const one = /^\/orders\/([^/]+)$/.exec(path);
  if (one && method === 'GET') return { kind: 'one', id: decodeURIComponent(one[1]) };
  return undefined;
}

function respond(route: Route, body: Buffer): unknown {
  switch (route.kind) {
    case 'list':
      return {
        orders: [
          { id: '1', sku: 'A1', qty: 1 },
          { id: '2', sku: 'B2', qty: 3 },
        ],
      };
    case 'one':
      return { id: route.id, sku: 'A1', qty: 1 };
    case 'create':
      return { id: '3', received: safeJson(body) };
    default:
      return {};
  }
}

function safeJson(body: Buffer): unknown {
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    return body.toString('utf8');
  }
}

/** The bearer token, or undefined when there is none usable: missing, empty, `null`/`undefined`, or an unresolved `{{…}}`. */
function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(.*)$/i.exec(header ?? '');
  if (!match) return undefined;
  const token = match[1].trim();
  if (!token || token === 'null' || token === 'undefined' || token.includes('{{')) return undefined;
  return token;
}
