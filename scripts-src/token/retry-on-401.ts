// Collection-level test script: on a 401, drop the stored token and replay the request once.
import { describeError, redactSecrets } from './error-message.ts';
import { forgetReplay, rememberReplay, REPLAY_MARKER, replayedRequest } from './replay.ts';
import { storeVariables } from './storage.ts';
import { usesCollectionBearer } from './uses-collection-bearer.ts';

try {
  if (genCollection.retryOn401) handleResponse();
} catch (thrown) {
  const message = redactSecrets(`gen-collection: retry-on-401 script failed: ${describeError(thrown)}`);
  pm.test(message, () => {
    throw new Error(message);
  });
}

function handleResponse(): void {
  const isReplay = replayedRequest() === pm.info.requestId;
  const rejected = pm.response.code === 401 && usesCollectionBearer();
  if (rejected && !isReplay) {
    const { accessToken, expiresAt } = genCollection.vars;
    storeVariables({ [accessToken]: '', [expiresAt]: '' });
    rememberReplay();
    pm.variables.set(REPLAY_MARKER, '1');
    pm.execution.setNextRequest(pm.info.requestId);
    return;
  }
  pm.variables.set(REPLAY_MARKER, '');
  if (isReplay) forgetReplay();
  if (rejected) {
    const message = 'gen-collection: the API answered 401 again with a freshly fetched token (not retried)';
    pm.test(message, () => {
      throw new Error(message);
    });
  }
}
