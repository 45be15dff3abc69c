// Collection-level pre-request script: make sure a valid access token is stored before the request is sent. A
// statement labelled with a feature's name (`profiles:`, `signed:`, `dpop:`, `retryOn401:`) is the feature's: the
// bundler drops it from the scripts of configs without that feature (src/scripts/token-scripts.ts), and with it
// every function only it calls, so a config carries none of the code of the features it does not use.
import * as runtime from '../runtime/runtime.ts';
import { presentProof } from './dpop.ts';
import { failRequest, runGuarded } from './fail-request.ts';
import { heldBack, rememberFailure } from './failure-memory.ts';
import { fetchToken } from './fetch-token.ts';
import { isTokenValid } from './is-token-valid.ts';
import { selectProfile } from './select-profile.ts';
import { inputsFingerprint, missingInputs } from './token-inputs.ts';
import type { Grant } from './token-request.ts';
import { usesCollectionBearer } from './uses-collection-bearer.ts';

profiles: selectProfile();
runGuarded(ensureToken);

/**
 * For a request that sends the collection's token: keeps a valid stored token, else fetches one with the
 * stored refresh token when there is one, else (or when refused) with the configured grant. No token request
 * goes out while an input is missing or unsafe, nor again for the same inputs after a permanent failure, nor
 * before the backoff window of a transient one ends: the request is skipped with the reason instead.
 */
function ensureToken(): void {
  if (!usesCollectionBearer()) return;
  const { accessToken, expiresAt, refreshToken, username, password } = genCollection.vars;
  const token = runtime.read(accessToken);
  if (isTokenValid(token, runtime.read(expiresAt))) {
    dpop: presentProof(token);
    return;
  }
  const missing = missingInputs();
  if (missing.length) return failRequest(`no token request sent: ${missing.join('; ')}`);
  const inputs = inputsFingerprint();
  const held = heldBack(inputs);
  if (held) return failRequest(held);
  const grant: Grant = { grant_type: genCollection.grantType };
  if (grant.grant_type === 'password') Object.assign(grant, { username: runtime.read(username), password: runtime.read(password) });
  const fetchPrimary = () => fetchToken(grant, (failure) => failRequest(rememberFailure(inputs, failure)));
  const refresh = runtime.read(refreshToken);
  if (!refresh) return fetchPrimary();
  fetchToken({ grant_type: 'refresh_token', refresh_token: refresh }, () => {
    // Spent or refused: drop it and fall back to the configured grant.
    runtime.store({ [refreshToken]: '' });
    fetchPrimary();
  });
}
