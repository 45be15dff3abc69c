// Feature `dpop` of the pre-request script (RFC 9449): a proof on every token request and on every request that
// presents the token, whose response must be a DPoP-bound token. The other configs' scripts drop its calls.
import * as runtime from '../runtime/runtime.ts';
import type { HttpResponse } from '../runtime/runtime.ts';
import { keepNonce } from './dpop-nonces.ts';
import { dpopProof } from './dpop-proof.ts';
import type { TokenFailure } from './token-failure.ts';
import type { Grant } from './token-request.ts';

// The token URL of the request in flight: a response names no URL, and its nonce belongs to that origin.
let tokenRequestUrl = '';
// The grants whose token request already answered a nonce challenge in this script run.
const retriedGrants: Grant[] = [];

/** Adds the proof to a token request to `url`. */
export function addTokenRequestProof(headers: Record<string, string>, url: string): void {
  if (!genCollection.dpop) return;
  tokenRequestUrl = url;
  headers.DPoP = dpopProof('POST', url);
}

/**
 * Classifies a token response before the core does, successes too (their nonce is kept): `'retry'` for the
 * server's nonce challenge, a failure for a token that is not DPoP-bound, undefined to leave it to the core.
 */
export function classifyTokenResponse(response: HttpResponse, body: Record<string, unknown>): TokenFailure | 'retry' | undefined {
  if (!genCollection.dpop) return undefined;
  keepNonce(tokenRequestUrl, response.headers.get('DPoP-Nonce'));
  // RFC 9449 §8: the server wants a nonce it just sent; one new attempt carries it (a second is a failure).
  if (response.code === 400 && body.error === 'use_dpop_nonce') return 'retry';
  if (response.code < 200 || response.code >= 300 || !body.access_token) return undefined;
  if (String(body.token_type).toLowerCase() === 'dpop') return undefined;
  // A Bearer token would be sent as DPoP and refused on every request: the server ignored the proof.
  const said = body.token_type === undefined ? 'no token_type' : `token_type ${JSON.stringify(body.token_type)}`;
  const problem = `the response has ${said}, not DPoP: the token is not bound to the key (enable DPoP for this client)`;
  return { problem, transient: false, retryAfterMs: 0 };
}

/**
 * Whether the token request for `grant` may answer a nonce challenge with one immediate new attempt carrying the
 * nonce just sent (RFC 9449 §8): the first time only, a second challenge in a row is a failure.
 */
export function retryForNonce(grant: Grant): boolean {
  if (retriedGrants.includes(grant)) return false;
  retriedGrants.push(grant);
  return true;
}

/** Presents the token with a proof of its own on the request being sent. */
export function presentProof(token: string): void {
  if (!genCollection.dpop) return;
  runtime.setRequestHeader('DPoP', dpopProof(runtime.requestMethod(), runtime.requestUrl(), token));
}
