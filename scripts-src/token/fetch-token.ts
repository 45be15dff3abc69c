import * as runtime from '../runtime/runtime.ts';
import type { HttpResponse } from '../runtime/runtime.ts';
import { describeError } from './error-message.ts';
import { runGuarded } from './fail-request.ts';
import { forgetFailure } from './failure-memory.ts';
import { hooks } from './hooks.ts';
import { present } from './present.ts';
import { saveToken, type TokenResponse } from './save-token.ts';
import { isTransient, retryAfterMs, type TokenFailure } from './token-failure.ts';
import { tokenRequest, type Grant } from './token-request.ts';

/**
 * Sends one token request and saves and presents the token, or hands `onFailure` the problem, naming the URL,
 * the status and the OAuth error, and how it may be retried. A feature may ask for one immediate new attempt.
 */
export function fetchToken(grant: Grant, onFailure: (failure: TokenFailure) => void, retried = false): void {
  const request = tokenRequest(grant);
  // Without query and user info, where credentials could hide.
  const url = request.url.split('?')[0]!.replace(/\/\/[^/]*@/, '//');
  runtime.send(request, (error, response) =>
    runGuarded(() => {
      const token = error ? { problem: describeError(error), transient: true, retryAfterMs: 0 } : readTokenResponse(response!);
      if (token === 'retry') return retried ? onFailure({ problem: `token request to ${url} failed twice`, transient: true, retryAfterMs: 0 }) : fetchToken(grant, onFailure, true);
      if ('problem' in token) return onFailure({ ...token, problem: `token request to ${url} failed: ${token.problem}` });
      forgetFailure();
      saveToken(token);
      present(token.access_token);
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
  for (const classify of hooks.classify) {
    const verdict = classify(response, body ?? {});
    if (verdict) return verdict;
  }
  const token = body?.access_token;
  if (code >= 200 && code < 300 && typeof token === 'string' && token) return body as TokenResponse;
  const oauthError = [body?.error, body?.error_description].filter(Boolean).join(': ');
  const why = !body ? ', the response is not JSON' : oauthError ? ` (${oauthError})` : ', the response has no access_token';
  return {
    problem: `HTTP ${code}${why}`,
    transient: isTransient(code, body?.error),
    retryAfterMs: retryAfterMs(response.headers.get('Retry-After'), Date.now()),
  };
}
