import type { Response } from 'postman-collection';
import { describeError } from './error-message.ts';
import { runGuarded } from './fail-request.ts';
import { forgetFailure } from './failure-memory.ts';
import { saveToken, type TokenResponse } from './save-token.ts';
import { isTransient, retryAfterMs, type TokenFailure } from './token-failure.ts';
import { tokenRequest, type Grant } from './token-request.ts';

/**
 * Sends one token request and saves the token, or hands `onFailure` the problem, naming the URL, the status
 * and the OAuth error, and how it may be retried. A second call of the callback is ignored (Postman CLI
 * repeats a callback that threw).
 */
export function fetchToken(grant: Grant, onFailure: (failure: TokenFailure) => void): void {
  const request = tokenRequest(grant);
  // Without query and user info, where credentials could hide.
  const url = request.url.split('?')[0]!.replace(/\/\/[^/]*@/, '//');
  let answered = false;
  pm.sendRequest(request, (error, response) => {
    if (answered) return;
    answered = true;
    runGuarded(() => {
      const token = error ? { problem: describeError(error), transient: true, retryAfterMs: 0 } : readTokenResponse(response!);
      if ('problem' in token) return onFailure({ ...token, problem: `token request to ${url} failed: ${token.problem}` });
      forgetFailure();
      saveToken(token);
    });
  });
}

/** The token response, or why there is none: the status and the OAuth error, and whether to try again later. */
function readTokenResponse(response: Response): TokenResponse | TokenFailure {
  const { code } = response;
  let body: Partial<Record<string, unknown>> = {};
  let problem = `HTTP ${code}, the response is not JSON`;
  try {
    body = Object(response.json());
    const token = body.access_token;
    if (code >= 200 && code < 300 && typeof token === 'string' && token) return body as TokenResponse;
    const oauthError = [body.error, body.error_description].filter(Boolean).join(': ');
    problem = oauthError ? `HTTP ${code} (${oauthError})` : `HTTP ${code}, the response has no access_token`;
  } catch {
    // not JSON: the problem says so
  }
  return { problem, transient: isTransient(code, body.error), retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), Date.now()) };
}
