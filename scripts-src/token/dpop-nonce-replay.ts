// Feature `dpop` of the test script: keep the resource's nonce; answer its nonce challenge (401 with
// `WWW-Authenticate: DPoP error="use_dpop_nonce"`, RFC 9449 §9) with one replay of the request, same token, new proof.
import * as runtime from '../runtime/runtime.ts';
import { failTokenTest } from './error-message.ts';
import { keepNonce, originOf } from './dpop-nonces.ts';
import { REPLAY_MARKER } from './replay.ts';
import { usesCollectionBearer } from './uses-collection-bearer.ts';

// Run-local memory (runtime.ts): the id of the request being replayed for a nonce, and per origin the challenges
// answered by a second one in a row with their backoff, as a token request's transient failures are (rule 9).
const REPLAYED = 'gen_collection_dpop_nonce_replay';
const backoffKey = (origin: string) => `gen_collection_dpop_nonce_backoff ${origin}`;
/** Challenges answered by another one in a row, and the epoch ms before which a challenge is not replayed. */
type Backoff = { failures: number; retryAt: number };

/**
 * Keeps the resource's nonce and answers its nonce challenge; `true`: the response is dealt with (a challenge is
 * not the token's fault), so retry-on-401 leaves it alone.
 */
export function answerNonceChallenge(): boolean {
  // A marker left by the previous response must not hide this one's tests, whatever answers it below.
  if (runtime.recall(REPLAY_MARKER)) runtime.remember(REPLAY_MARKER, '');
  if (!genCollection.dpop) return false;
  // From every response of the origin (RFC 9449 §8.2), also one to a request without the token.
  const url = runtime.requestUrl();
  keepNonce(url, runtime.responseHeader('DPoP-Nonce'));
  if (!usesCollectionBearer()) return false;
  const id = runtime.requestId();
  const replay = runtime.recall(REPLAYED) === id;
  if (replay) runtime.remember(REPLAYED, '');
  const challenge = /^\s*DPoP\b[^]*\berror\s*=\s*"?use_dpop_nonce\b/i.test(runtime.responseHeader('WWW-Authenticate') ?? '');
  const origin = originOf(url);
  const backoff: Backoff = JSON.parse(runtime.recall(backoffKey(origin)) || '{"failures":0,"retryAt":0}');
  if (runtime.responseCode() !== 401 || !challenge) {
    if (backoff.failures) runtime.remember(backoffKey(origin), '');
    return false; // not a nonce challenge: retry-on-401 and the tests see the response
  }
  // The challenged attempt fails no generated or bundled test: it is replayed, or reported here once.
  runtime.remember(REPLAY_MARKER, '1');
  const now = Date.now();
  if (!replay && backoff.retryAt <= now) {
    runtime.remember(REPLAYED, id);
    runtime.setNextRequest(id);
    return true;
  }
  if (replay) {
    backoff.failures += 1;
    backoff.retryAt = now + Math.min(1000 * 2 ** (backoff.failures - 1), 30_000);
    runtime.remember(backoffKey(origin), JSON.stringify(backoff));
  }
  const why = replay
    ? 'asked for a new DPoP nonce again right after the replay with its nonce'
    : 'keeps asking for new DPoP nonces';
  const wait = Math.ceil((backoff.retryAt - now) / 1000);
  failTokenTest('DPoP nonce', `the API at ${origin} ${why}: not replayed (a challenge is replayed again in ${wait} s)`);
  return true;
}
