import * as runtime from '../runtime/runtime.ts';
import type { HttpResponse } from '../runtime/runtime.ts';
import { classifyTokenResponse, presentProof, retryForNonce } from './dpop.ts';
import { describeError } from './error-message.ts';
import { runGuarded } from './fail-request.ts';
import { forgetFailure } from './failure-memory.ts';
import { saveToken, type TokenResponse } from './save-token.ts';
import { isTransient, retryAfterMs, type TokenFailure } from './token-failure.ts';
import { tokenRequest, type Grant } from './token-request.ts';
import { shownUrl } from './token-url.ts';

/**
 * Sends one token request and saves and presents the token, or hands `onFailure` the problem, naming the URL,
 * the status and the OAuth error, and how it may be retried.
 */
export function fetchToken(grant: Grant, onFailure: (failure: TokenFailure) => void): void {
  const request = tokenRequest(grant);
  const url = shownUrl(request.url);
  runtime.send(request, (error, response) =>
    runGuarded(() => {
      const token = error ? { problem: describeError(error), transient: true, retryAfterMs: 0 } : readTokenResponse(response!);
      dpop: if (token === 'retry') return retryForNonce(grant) ? fetchToken(grant, onFailure) : onFailure({ problem: `token request to ${url} failed twice`, transient: true, retryAfterMs: 0 });
      if ('problem' in token) return onFailure({ ...token, problem: `token request to ${url} failed: ${token.problem}` });
      forgetFailure();
      saveToken(token);
      dpop: presentProof(token.access_token);
    }),
  );
}

/** The token response, or why there is none: the status and the OAuth error, and whether to try again later. */
function readTokenResponse(response: HttpResponse): TokenResponse | TokenFailure | 'retry' {
  const { code } = response;
  let body: Partial<Record<string, unknown>> | undefined;
  try {
    body = Object(JSON.parse(response.text()!));
  } catch {
    // not JSON: the problem says so
  }
  dpop: {
    const verdict = classifyTokenResponse(response, body ?? {});
    if (verdict) return verdict;
  }
  const token = body?.access_token;
  if (code >= 200 && code < 300 && typeof token === 'string' && token) return body as TokenResponse;
  const oauthError = [body?.error, body?.error_description].filter(Boolean).join(': ');
  const why = !body ? ', the response is not JSON' : oauthError ? ` (${oauthError})` : ', the response has no access_token';
  const retryAfter = retryAfterMs(response.headers.get('Retry-After'));
  return { problem: `HTTP ${code}${why}`, transient: isTransient(code, body?.error), retryAfterMs: retryAfter };
}
