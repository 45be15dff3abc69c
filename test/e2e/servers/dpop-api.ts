/**
 * A DPoP-protected resource server (RFC 9449 §7) of our own for the e2e tests: every request must carry
 * `Authorization: DPoP <token>` and a `DPoP` proof that jose verifies with the proof's embedded key: `typ`,
 * `htm`, `htu`, `iat` within a window, a `jti` never seen, `ath`, and a nonce this server issued (§9: a
 * missing or stale one is answered `401` with `WWW-Authenticate: DPoP error="use_dpop_nonce"` and a fresh
 * `DPoP-Nonce`). The token itself is checked through oidc-provider's introspection: active, and its `cnf.jkt`
 * equal to the proof key's thumbprint. Every response carries the current nonce; every request is recorded.
 *
 * Routes: `GET /health` (no auth), `GET|POST /orders`, `GET /orders/:id`.
 */
import { createHash } from 'node:crypto';
import { calculateJwkThumbprint, EmbeddedJWK, jwtVerify, type JWTPayload } from 'jose';
import type { Introspection } from './oidc.js';
import { DPOP_ALGORITHMS } from './oidc.js';
import { createJsonServer, listenLoopback, pathOf, readBody, sendJson } from './http-util.js';

export interface DpopApiOptions {
  /** Token introspection (oidc-provider's). */
  introspect: (token: string) => Promise<Introspection>;
  /** A new nonce is issued this often; the previous one stays accepted until the next rotation (default 60 s). */
  nonceRotationMs?: number;
  /** How far `iat` may lie from the server's clock, in seconds (default 60). */
  iatWindowSeconds?: number;
}

/** Why a request was answered as it was. */
export type DpopOutcome =
  'ok' | 'use_dpop_nonce' | 'invalid_dpop_proof' | 'invalid_token' | 'no_token' | 'bearer' | 'health' | 'not_found';

/** One request as the API saw it (neither the token nor the proof is kept). */
export interface DpopRequestRecord {
  at: number;
  method: string;
  path: string;
  status: number;
  outcome: DpopOutcome;
  /** What was wrong, for failing assertions' messages. */
  reason?: string;
  /** The proof key's RFC 7638 thumbprint, once the proof's signature verified. */
  jkt?: string;
  /** The proof's alg, once its signature verified. */
  alg?: string;
}

export interface DpopApi {
  url: string;
  /** Every request, in arrival order. */
  log: DpopRequestRecord[];
  /** The nonce a client must send now (the latest issued). */
  currentNonce(): string;
  /** The next `count` requests with a valid nonce are answered `use_dpop_nonce` anyway (a server that keeps challenging). */
  challengeNext(count: number): void;
  close(): Promise<void>;
}

/** Starts the DPoP-protected API on 127.0.0.1 (port 0). */
export async function startDpopApi(opts: DpopApiOptions): Promise<DpopApi> {
  const rotationMs = opts.nonceRotationMs ?? 60_000;
  const windowSeconds = opts.iatWindowSeconds ?? 60;
  const log: DpopRequestRecord[] = [];
  const seenJti = new Set<string>();
  let counter = 0;
  const newNonce = () => `n-${Date.now().toString(36)}-${(counter += 1)}`;
  let nonces = { current: newNonce(), previous: '', issuedAt: Date.now() };
  let forcedChallenges = 0;
  const nonceNow = () => {
    if (Date.now() - nonces.issuedAt >= rotationMs) {
      nonces = { current: newNonce(), previous: nonces.current, issuedAt: Date.now() };
    }
    return nonces;
  };
  const baseUrl: { value?: string } = {};

  const server = createJsonServer(async (req, res) => {
    const path = pathOf(req);
    const method = req.method ?? 'GET';
    const body = await readBody(req);
    const record: DpopRequestRecord = { at: Date.now(), method, path, status: 0, outcome: 'ok' };
    log.push(record);
    const answer = (status: number, outcome: DpopOutcome, json: unknown, challenge?: string) => {
      record.status = status;
      record.outcome = outcome;
      if (status >= 400) record.reason = (json as { error_description?: string }).error_description;
      const headers: Record<string, string> = { 'dpop-nonce': nonceNow().current };
      if (challenge) headers['www-authenticate'] = challenge;
      sendJson(res, status, json, headers);
    };
    const fail = (outcome: DpopOutcome, description: string) => {
      const error = outcome === 'no_token' || outcome === 'bearer' ? 'invalid_token' : outcome;
      answer(401, outcome, { error, error_description: description }, dpopChallenge(error, description));
    };

    if (path === '/health') return answer(200, 'health', { status: 'ok' });
    const route = matchRoute(method, path);
    if (!route) return answer(404, 'not_found', { error: 'not_found', path });

    const authorization = req.headers.authorization ?? '';
    if (/^Bearer\s/i.test(authorization))
      return fail('bearer', 'a DPoP-bound token is sent as Authorization: DPoP, not Bearer');
    const token = /^DPoP\s+(\S+)$/i.exec(authorization)?.[1];
    if (!token || token.includes('{{')) return fail('no_token', 'no DPoP access token');
    const proofs = req.headers.dpop;
    if (typeof proofs !== 'string' || proofs.includes(','))
      return fail('invalid_dpop_proof', 'exactly one DPoP proof is required');

    let payload: JWTPayload;
    let jkt: string;
    try {
      const verified = await jwtVerify(proofs, EmbeddedJWK, { typ: 'dpop+jwt', algorithms: [...DPOP_ALGORITHMS] });
      payload = verified.payload;
      if (verified.protectedHeader.jwk && 'd' in verified.protectedHeader.jwk)
        throw new Error('the jwk holds a private key');
      jkt = await calculateJwkThumbprint(verified.protectedHeader.jwk!, 'sha256');
      record.alg = verified.protectedHeader.alg;
    } catch (error) {
      return fail('invalid_dpop_proof', `proof signature or header: ${(error as Error).message}`);
    }
    record.jkt = jkt;
    const expectedHtu = new URL(path, baseUrl.value).href;
    const problem = proofProblem(payload, { method, htu: expectedHtu, token, windowSeconds });
    if (problem) return fail('invalid_dpop_proof', problem);
    if (seenJti.has(payload.jti as string)) return fail('invalid_dpop_proof', 'jti already used (a replayed proof)');
    seenJti.add(payload.jti as string);

    const { current, previous } = nonceNow();
    if (payload.nonce === undefined || (payload.nonce !== current && payload.nonce !== previous)) {
      return fail('use_dpop_nonce', payload.nonce === undefined ? 'a nonce is required' : 'stale nonce');
    }
    if (forcedChallenges > 0) {
      forcedChallenges -= 1;
      return fail('use_dpop_nonce', 'the server asks for a new nonce');
    }

    const introspection = await opts.introspect(token);
    if (!introspection.active) return fail('invalid_token', 'token inactive or unknown');
    if (introspection.cnf?.jkt !== jkt) {
      return fail('invalid_token', 'the token is not bound to the proof key (cnf.jkt differs from its thumbprint)');
    }
    answer(route.kind === 'create' ? 201 : 200, 'ok', respond(route, body));
  });

  const listening = await listenLoopback(server);
  baseUrl.value = listening.url;
  return {
    url: listening.url,
    log,
    currentNonce: () => nonceNow().current,
    challengeNext: (count) => {
      forcedChallenges = count;
    },
    close: listening.close,
  };
}

/** What is wrong with a verified proof's claims for this request, or undefined. */
function proofProblem(
  payload: JWTPayload,
  expected: { method: string; htu: string; token: string; windowSeconds: number },
): string | undefined {
  if (typeof payload.jti !== 'string' || !payload.jti) return 'jti missing';
  if (payload.htm !== expected.method)
    return `htm ${String(payload.htm)} is not the request's method ${expected.method}`;
  const htu = typeof payload.htu === 'string' ? URL.parse(payload.htu) : null;
  if (htu) {
    htu.search = '';
    htu.hash = '';
  }
  if (htu?.href !== expected.htu) return `htu ${String(payload.htu)} is not the request's URL ${expected.htu}`;
  if (typeof payload.htu === 'string' && /[?#]/.test(payload.htu)) return 'htu carries a query or fragment';
  if (typeof payload.iat !== 'number' || Math.abs(Date.now() / 1000 - payload.iat) > expected.windowSeconds) {
    return 'iat outside the accepted window';
  }
  const ath = createHash('sha256').update(expected.token).digest('base64url');
  if (payload.ath !== ath) return 'ath is not the hash of the access token';
  return undefined;
}

/** RFC 9449 §7.1: the challenge, naming the algorithms accepted. */
function dpopChallenge(error: string, description: string): string {
  return `DPoP error="${error}", error_description="${description.replace(/"/g, "'")}", algs="${DPOP_ALGORITHMS.join(' ')}"`;
}

type Route = { kind: 'list' } | { kind: 'create' } | { kind: 'one'; id: string };

function matchRoute(method: string, path: string): Route | undefined {
  if (path === '/orders')
    return method === 'POST' ? { kind: 'create' } : method === 'GET' ? { kind: 'list' } : undefined;
  const one = /^\/orders\/([^/]+)$/.exec(path);
  if (one && method === 'GET') return { kind: 'one', id: decodeURIComponent(one[1]!) };
  return undefined;
}

function respond(route: Route, body: Buffer): unknown {
  if (route.kind === 'list') return { orders: [{ id: '1', sku: 'A1', qty: 1 }] };
  if (route.kind === 'one') return { id: route.id, sku: 'A1', qty: 1 };
  return { id: '3', received: body.toString('utf8') };
}
