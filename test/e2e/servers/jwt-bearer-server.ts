/**
 * A token endpoint for the JWT bearer grant (RFC 7523 §2.1) that checks each assertion with `jose`: the
 * signature against the registered public key, `iss`, `sub`, `aud`, the lifetime, a `jti` never seen before
 * and the `scope` claim. It issues short opaque tokens and validates them for the protected API.
 */
import { randomBytes, type KeyObject } from 'node:crypto';
import { errors, jwtVerify } from 'jose';
import { createJsonServer, listenLoopback, pathOf, readBody, sendJson } from './http-util.js';
import { parseTokenRequest, type TokenRequestRecord } from './token-request-record.js';

export interface JwtBearerServerOptions {
  publicKey: KeyObject;
  algorithm: string;
  issuer: string;
  subject: string;
  scope: string;
  /** Access-token lifetime in seconds (default 4). */
  ttlSeconds?: number;
  /** Longest accepted `exp - iat` in seconds (default 300). */
  maxLifetimeSeconds?: number;
}

export interface JwtBearerServer {
  tokenUrl: string;
  tokenRequests: TokenRequestRecord[];
  /** Why each refused assertion was refused, in order (empty when all passed). */
  refusals: string[];
  /** Every `jti` accepted, in order. */
  jtis: string[];
  validateToken(token: string): Promise<boolean>;
  close(): Promise<void>;
}

const JWT_BEARER = 'urn:ietf:params:oauth:grant-type:jwt-bearer';

/** Starts the endpoint on 127.0.0.1 (port 0); the token URL is `<base>/token`. */
export async function startJwtBearerServer(opts: JwtBearerServerOptions): Promise<JwtBearerServer> {
  const ttl = opts.ttlSeconds ?? 4;
  const maxLifetime = opts.maxLifetimeSeconds ?? 300;
  const tokenRequests: TokenRequestRecord[] = [];
  const refusals: string[] = [];
  const jtis: string[] = [];
  const tokens = new Map<string, number>();
  const target = { tokenUrl: '' };

  const server = createJsonServer(async (req, res) => {
    if (req.method !== 'POST' || pathOf(req) !== '/token') return sendJson(res, 404, { error: 'not_found' });
    const record = parseTokenRequest('/token', req.headers, await readBody(req));
    tokenRequests.push(record);
    const refuse = (why: string) => {
      refusals.push(why);
      record.status = 400;
      sendJson(res, 400, { error: 'invalid_grant', error_description: why });
    };
    if (record.grantType !== JWT_BEARER) return refuse(`grant_type ${record.grantType}`);
    try {
      const { payload } = await jwtVerify(record.params.assertion ?? '', opts.publicKey, {
        algorithms: [opts.algorithm],
        issuer: opts.issuer,
        subject: opts.subject,
        audience: target.tokenUrl,
        requiredClaims: ['jti', 'iat', 'exp'],
        clockTolerance: 5,
      });
      if (payload.exp! - payload.iat! > maxLifetime) return refuse(`lifetime ${payload.exp! - payload.iat!} s`);
      if (jtis.includes(payload.jti!)) return refuse('jti reused');
      if (payload.scope !== opts.scope) return refuse(`scope claim ${String(payload.scope)}`);
      jtis.push(payload.jti!);
    } catch (error) {
      return refuse(error instanceof errors.JOSEError ? `${error.code}: ${error.message}` : String(error));
    }
    const token = randomBytes(24).toString('base64url');
    tokens.set(token, Date.now() + ttl * 1000);
    record.status = 200;
    sendJson(res, 200, { access_token: token, token_type: 'Bearer', expires_in: ttl });
  });
  const listening = await listenLoopback(server);
  target.tokenUrl = `${listening.url}/token`;
  return {
    tokenUrl: target.tokenUrl,
    tokenRequests,
    refusals,
    jtis,
    validateToken: (token) => Promise.resolve((tokens.get(token) ?? 0) > Date.now()),
    close: listening.close,
  };
}
