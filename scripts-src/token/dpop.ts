// Feature `dpop` of the pre-request script (RFC 9449): a proof on every token request and on every request that
// presents the token, whose response must be a DPoP-bound token. Imported only for configs that set auth.dpop.
import * as runtime from '../runtime/runtime.ts';
import { keepNonce } from './dpop-nonces.ts';
import { dpopProof } from './dpop-proof.ts';
import { hooks } from './hooks.ts';

// The token URL of the request in flight: a response names no URL, and its nonce belongs to that origin.
let tokenUrl = '';

hooks.keys.push(() => (genCollection.dpop ? [genCollection.dpop.keyVariable] : []));

hooks.tokenRequest.push((_fields, headers, url) => {
  if (!genCollection.dpop) return;
  tokenUrl = url;
  headers.DPoP = dpopProof('POST', url);
});

hooks.classify.push((response, body) => {
  if (!genCollection.dpop) return undefined;
  keepNonce(tokenUrl, response.headers.get('DPoP-Nonce'));
  // RFC 9449 §8: the server wants a nonce it just sent; one new attempt carries it (a second is a failure).
  if (response.code === 400 && body.error === 'use_dpop_nonce') return 'retry';
  if (response.code < 200 || response.code >= 300 || !body.access_token) return undefined;
  if (String(body.token_type).toLowerCase() === 'dpop') return undefined;
  // A Bearer token would be sent as DPoP and refused on every request: the server ignored the proof.
  const said = body.token_type === undefined ? 'no token_type' : `token_type ${JSON.stringify(body.token_type)}`;
  const problem = `the response has ${said}, not DPoP: the token is not bound to the key (enable DPoP for this client)`;
  return { problem, transient: false, retryAfterMs: 0 };
});

hooks.present.push((token) => {
  if (!genCollection.dpop) return;
  runtime.setRequestHeader('DPoP', dpopProof(runtime.requestMethod(), runtime.requestUrl(), token));
});
