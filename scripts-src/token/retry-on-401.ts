// Collection-level test script: on a 401, drop the stored token and replay the request once.
import { describeError, failTest } from './error-message.ts';
import { forgetReplay, isReplay, rememberReplay, REPLAY_MARKER } from './replay.ts';
import { storeVariables } from './storage.ts';
import { usesCollectionBearer } from './uses-collection-bearer.ts';

const REPLAY_TITLE = 'replay after 401';

try {
  if (genCollection.retryOn401) handleResponse();
} catch (thrown) {
  failTest(REPLAY_TITLE, `retry-on-401 script failed: ${describeError(thrown)}`);
}

function handleResponse(): void {
  const replay = isReplay();
  const rejected = pm.response.code === 401 && usesCollectionBearer();
  if (rejected && !replay) {
    const { accessToken, expiresAt } = genCollection.vars;
    storeVariables({ [accessToken]: '', [expiresAt]: '' });
    rememberReplay();
    pm.variables.set(REPLAY_MARKER, '1');
    pm.execution.setNextRequest(pm.info.requestId);
    return;
  }
  pm.variables.set(REPLAY_MARKER, '');
  // The replay is over, or the memory is stale: another request's replay never got its response (skipped, run stopped).
  forgetReplay();
  if (rejected) failTest(REPLAY_TITLE, 'the API answered 401 again with a freshly fetched token (not retried)');
}
