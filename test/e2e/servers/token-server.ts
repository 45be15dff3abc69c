/**
 * A token endpoint of our own for what oidc-provider cannot do: the password grant, refresh
 * tokens, JSON bodies, tokens without `expires_in` (JWT `exp`, or no expiry at all) and faults.
 * It records every token request and validates its own access tokens for the protected API.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { createJsonServer, delay, listenLoopback, pathOf, readBody, sendJson, sendText } from './http-util.js';
import type { ClientCredentials } from './oidc.js';
import { parseTokenRequest, type TokenRequestRecord } from './token-request-record.js';

/** How the token endpoint misbehaves; `none` answers normally. */
export type TokenFault =
  | 'none'
  | 'status-500'
  | 'status-503-once'
  | 'status-503-for'
  | 'status-429-once'
  | 'slow'
  | 'slow-once'
  | 'non-json'
  | 'no-access-token'
  | 'invalid-client';

/** How a token's lifetime is told: `expires_in`, only the JWT `exp` claim, or not at all. */
export type ExpiryStyle = 'expires_in' | 'jwt-exp' | 'none';

export interface TokenServerOptions {
  client?: ClientCredentials;
  user?: { username: string; password: string };
  /** Server-side access-token lifetime in seconds (default 4), whatever `expiry` tells the client; with `jwt-exp` the token dies at its (whole-second) `exp`. */
  ttlSeconds?: number;
  /** Default `expires_in`. */
  expiry?: ExpiryStyle;
  /** Issue a refresh token with each access token (lifetime in seconds, default 60). */
  refreshTokens?: boolean | { ttlSeconds: number };
  /** `invalid_grant`: every refresh_token grant is refused. */
  refreshFault?: 'none' | 'invalid_grant';
  fault?: TokenFault;
  /** Delay of the `slow` and `slow-once` faults in ms (default 3000): make it longer than the runner's request timeout. */
  slowMs?: number;
  /** `status-503-for`: how long the outage lasts from the first token request, in ms (default 5000). */
  outageMs?: number;
  /** `status-429-once`: the `Retry-After` seconds of the 429 (default 3). */
  retryAfterSeconds?: number;
}

export interface TokenServer {
  /** Base URL; the endpoint is `tokenUrl`. */
  url: string;
  tokenUrl: string;
  client: ClientCredentials;
  user: { username: string; password: string };
  tokenRequests: TokenRequestRecord[];
  /** Number of access tokens issued so far. */
  issuedAccessTokens(): number;
  /** Every access and refresh token issued so far (to check none of them is logged). */
  issuedTokens(): string[];
  /** True for an access token this server issued that has not expired (server-side lifetime). */
  validateToken(token: string): Promise<boolean>;
  setFault(fault: TokenFault): void;
  setRefreshFault(fault: 'none' | 'invalid_grant'): void;
  close(): Promise<void>;
}

/** The exact error bodies the faults answer, for assertions on the messages users see. */
export const FAULT_BODIES = {
  'status-500': { error: 'server_error', error_description: 'token store unavailable' },
  'status-503-once': { error: 'temporarily_unavailable', error_description: 'try again shortly' },
  'status-503-for': { error: 'temporarily_unavailable', error_description: 'down for maintenance' },
  'status-429-once': { error: 'slow_down', error_description: 'too many requests' },
  'invalid-client': { error: 'invalid_client', error_description: 'client authentication failed' },
  'no-access-token': { token_type: 'Bearer', expires_in: 60 },
  'non-json': '<html><body>Gateway login page</body></html>',
} as const;

/** Starts the token server on 127.0.0.1 (port 0); the endpoint path is `/token`. */
export async function startTokenServer(opts: TokenServerOptions = {}): Promise<TokenServer> {
  const client = opts.client ?? { id: 'ts-client', secret: 'ts-secret-Hk93vQ' };
  const user = opts.user ?? { username: 'alice', password: 'alice-pass-Wq72' };
  const ttlMs = (opts.ttlSeconds ?? 4) * 1000;
  const expiry = opts.expiry ?? 'expires_in';
  const refreshTtlMs = opts.refreshTokens
    ? (typeof opts.refreshTokens === 'object' ? opts.refreshTokens.ttlSeconds : 60) * 1000
    : 0;
  const slowMs = opts.slowMs ?? 3000;
  let fault: TokenFault = opts.fault ?? 'none';
  let refreshFault = opts.refreshFault ?? 'none';
  let failedOnce = false;
  let outageStart: number | undefined;
  const accessTokens = new Map<string, number>();
  const refreshTokens = new Map<string, { expiresAt: number; clientId: string }>();
  const tokenRequests: TokenRequestRecord[] = [];
  const issuedTokens: string[] = [];
  const jwtKey = randomBytes(32);
  const closing = new AbortController();

  const issue = (res: ServerResponse, subject: string, scope: string | undefined) => {
    const now = Date.now();
    const expiresAt = now + ttlMs;
    const accessToken =
      expiry === 'jwt-exp'
        ? signJwt(jwtKey, {
            sub: subject,
            client_id: client.id,
            iat: Math.floor(now / 1000),
            exp: Math.floor(expiresAt / 1000),
            jti: randomToken(),
          })
        : randomToken();
    accessTokens.set(accessToken, expiry === 'jwt-exp' ? Math.floor(expiresAt / 1000) * 1000 : expiresAt);
    issuedTokens.push(accessToken);
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer' };
    if (expiry === 'expires_in') body.expires_in = ttlMs / 1000;
    if (refreshTtlMs > 0) {
      const refreshToken = randomToken();
      refreshTokens.set(refreshToken, { expiresAt: now + refreshTtlMs, clientId: client.id });
      body.refresh_token = refreshToken;
      issuedTokens.push(refreshToken);
    }
    if (scope) body.scope = scope;
    sendJson(res, 200, body);
  };

  const server = createJsonServer(async (req, res) => {
    const path = pathOf(req);
    const body = await readBody(req);
    if (req.method !== 'POST' || path !== '/token') {
      sendJson(res, 404, { error: 'not_found' });
      return;
    }
    const record = parseTokenRequest(path, req.headers, body);
    tokenRequests.push(record);
    res.once('finish', () => {
      record.status = res.statusCode;
    });

    switch (fault) {
      case 'status-500':
        sendJson(res, 500, FAULT_BODIES['status-500']);
        return;
      case 'status-503-once':
        if (!failedOnce) {
          failedOnce = true;
          sendJson(res, 503, FAULT_BODIES['status-503-once'], { 'retry-after': '1' });
          return;
        }
        break;
      case 'status-503-for':
        outageStart ??= record.at;
        if (record.at - outageStart < (opts.outageMs ?? 5000)) {
          sendJson(res, 503, FAULT_BODIES['status-503-for']);
          return;
        }
        break;
      case 'status-429-once':
        if (!failedOnce) {
          failedOnce = true;
          sendJson(res, 429, FAULT_BODIES['status-429-once'], { 'retry-after': String(opts.retryAfterSeconds ?? 3) });
          return;
        }
        break;
      case 'slow':
      case 'slow-once':
        if (fault === 'slow' || !failedOnce) {
          failedOnce = true;
          await delay(slowMs, closing.signal);
          if (closing.signal.aborted) return;
        }
        break;
      case 'non-json':
        sendText(res, 200, FAULT_BODIES['non-json'], 'text/html; charset=utf-8');
        return;
      case 'no-access-token':
        sendJson(res, 200, FAULT_BODIES['no-access-token']);
        return;
      case 'invalid-client':
        sendJson(res, 401, FAULT_BODIES['invalid-client'], { 'www-authenticate': 'Basic realm="token"' });
        return;
      case 'none':
        break;
    }

    if (record.bodyFormat !== 'form' && record.bodyFormat !== 'json') {
      sendJson(res, 400, { error: 'invalid_request', error_description: 'body must be form or JSON' });
      return;
    }
    if (record.clientId !== client.id || record.clientSecret !== client.secret) {
      sendJson(res, 401, { error: 'invalid_client', error_description: 'client authentication failed' });
      return;
    }
    const params = record.params;
    switch (record.grantType) {
      case 'client_credentials':
        issue(res, client.id, params.scope);
        return;
      case 'password':
        if (params.username !== user.username || params.password !== user.password) {
          sendJson(res, 400, { error: 'invalid_grant', error_description: 'invalid username or password' });
          return;
        }
        issue(res, user.username, params.scope);
        return;
      case 'refresh_token': {
        const stored = refreshTokens.get(params.refresh_token ?? '');
        if (
          refreshFault === 'invalid_grant' ||
          !stored ||
          stored.expiresAt <= Date.now() ||
          stored.clientId !== record.clientId
        ) {
          sendJson(res, 400, { error: 'invalid_grant', error_description: 'refresh token is invalid or expired' });
          return;
        }
        refreshTokens.delete(params.refresh_token ?? '');
        issue(res, client.id, params.scope);
        return;
      }
      default:
        sendJson(res, 400, {
          error: 'unsupported_grant_type',
          error_description: `grant_type ${String(record.grantType)} is not supported`,
        });
    }
  });

  const listening = await listenLoopback(server);
  return {
    url: listening.url,
    tokenUrl: `${listening.url}/token`,
    client,
    user,
    tokenRequests,
    issuedAccessTokens: () => accessTokens.size,
    issuedTokens: () => [...issuedTokens],
    validateToken: async (token) => {
      const expiresAt = accessTokens.get(token);
      return expiresAt !== undefined && expiresAt > Date.now();
    },
    setFault: (next) => {
      fault = next;
      failedOnce = false;
      outageStart = undefined;
    },
    setRefreshFault: (next) => {
      refreshFault = next;
    },
    close: () => {
      closing.abort();
      return listening.close();
    },
  };
}

function randomToken(): string {
  return randomBytes(24).toString('base64url');
}

/** An HS256 JWT (the client only decodes it; the server checks its own record). */
function signJwt(key: Buffer, claims: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode(claims)}`;
  return `${unsigned}.${createHmac('sha256', key).update(unsigned).digest('base64url')}`;
}
