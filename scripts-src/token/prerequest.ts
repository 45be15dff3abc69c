// Collection-level pre-request script: make sure a valid access token is stored before the request is sent.
import { failRequest, runGuarded } from './fail-request.ts';
import { heldBack, rememberFailure } from './failure-memory.ts';
import { fetchToken } from './fetch-token.ts';
import { isTokenValid } from './is-token-valid.ts';
import { readVariable, storeVariables } from './storage.ts';
import { inputsFingerprint, missingInputs } from './token-inputs.ts';
import type { Grant } from './token-request.ts';
import { usesCollectionBearer } from './uses-collection-bearer.ts';

runGuarded(ensureToken);

/**
 * For a request that sends the collection's Bearer token: keeps a valid stored token, else fetches one with
 * the stored refresh token when there is one, else (or when refused) with the configured grant:
 * `client_credentials`, or `password` with the username and password variables. No token request goes out
 * while an input is missing, nor again for the same inputs after a permanent failure, nor before the
 * backoff window of a transient one ends: the request is skipped with the reason instead.
 */
function ensureToken(): void {
  if (!usesCollectionBearer()) return;
  const { accessToken, expiresAt, refreshToken, username, password } = genCollection.vars;
  if (isTokenValid(readVariable(accessToken), readVariable(expiresAt), Date.now())) return;
  const missing = missingInputs();
  if (missing.length) return failRequest(`no token request sent: ${missing.join('; ')}`);
  const inputs = inputsFingerprint();
  const held = heldBack(inputs, Date.now());
  if (held) return failRequest(held);
  const grant: Grant =
    genCollection.grantType === 'password'
      ? { grant_type: 'password', username: readVariable(username), password: readVariable(password) }
      : { grant_type: 'client_credentials' };
  const fetchPrimary = () => fetchToken(grant, (failure) => failRequest(rememberFailure(inputs, failure, Date.now())));
  const refresh = readVariable(refreshToken);
  if (!refresh) return fetchPrimary();
  fetchToken({ grant_type: 'refresh_token', refresh_token: refresh }, () => {
    // Spent or refused: drop it and fall back to the configured grant.
    storeVariables({ [refreshToken]: '' });
    fetchPrimary();
  });
}
