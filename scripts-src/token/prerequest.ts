// Collection-level pre-request script: make sure a valid access token is stored before the request is sent.
import { describeError } from './error-message.ts';
import { failRequest } from './fail-request.ts';
import { fetchToken, type TokenOutcome } from './fetch-token.ts';
import { isTokenValid } from './is-token-valid.ts';
import { forgetReplay, replayedRequest } from './replay.ts';
import { saveToken } from './save-token.ts';
import { readVariable, storeVariables } from './storage.ts';
import { primaryGrant } from './token-request.ts';
import { usesCollectionBearer } from './uses-collection-bearer.ts';

try {
  // A replay that never got its response (skipped, run stopped) must not count for another request.
  if (replayedRequest() !== pm.info.requestId) forgetReplay();
  if (usesCollectionBearer()) ensureToken();
} catch (thrown) {
  failRequest(`gen-collection: token script failed: ${describeError(thrown)}`);
}

function ensureToken(): void {
  const { accessToken, expiresAt, refreshToken } = genCollection.vars;
  if (isTokenValid(readVariable(accessToken), readVariable(expiresAt), genCollection.expiryBufferMs, Date.now())) return;
  const refresh = readVariable(refreshToken);
  if (!refresh) return fetchToken(primaryGrant(), finish);
  fetchToken({ grant_type: 'refresh_token', refresh_token: refresh }, (outcome) => {
    if (typeof outcome !== 'string') return saveToken(outcome);
    // Spent or refused: drop it and fall back to the configured grant.
    storeVariables({ [refreshToken]: '' });
    fetchToken(primaryGrant(), finish);
  });
}

function finish(outcome: TokenOutcome): void {
  if (typeof outcome !== 'string') return saveToken(outcome);
  forgetReplay();
  failRequest(outcome);
}
