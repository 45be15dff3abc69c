// Feature `retryOn401` of the test script: on a 401, drop the stored token and replay the request once.
import * as runtime from '../runtime/runtime.ts';
import { failTokenTest } from './error-message.ts';
import { forgetReplay, isReplay, rememberReplay, REPLAY_MARKER } from './replay.ts';
import { usesCollectionBearer } from './uses-collection-bearer.ts';

/** Drops a token the API refused and replays the request with a new one; a second refusal is reported. */
export function retryOn401(): void {
  if (!genCollection.retryOn401) return;
  const replay = isReplay();
  const rejected = runtime.responseCode() === 401 && usesCollectionBearer();
  if (rejected && !replay) {
    const { accessToken, expiresAt } = genCollection.vars;
    runtime.store({ [accessToken]: '', [expiresAt]: '' });
    rememberReplay();
    runtime.remember(REPLAY_MARKER, '1');
    runtime.setNextRequest(runtime.requestId());
    return;
  }
  runtime.remember(REPLAY_MARKER, '');
  // The replay is over, or the memory is stale: another request's replay never got its response (skipped, run stopped).
  forgetReplay();
  if (rejected) failTokenTest('replay after 401', 'the API answered 401 again with a freshly fetched token (not retried)');
}
