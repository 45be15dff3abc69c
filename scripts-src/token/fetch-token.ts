import type { Response } from 'postman-collection';
import { describeError } from './error-message.ts';
import { runGuarded } from './fail-request.ts';
import { saveToken, type TokenResponse } from './save-token.ts';
import { tokenRequest, type Grant } from './token-request.ts';

/**
 * Sends one token request and saves the token, or hands `onFailure` the problem, naming the URL, the status
 * and the OAuth error. A second call of the callback is ignored (Postman CLI repeats a callback that threw).
 */
export function fetchToken(grant: Grant, onFailure: (problem: string) => void): void {
  const request = tokenRequest(grant);
  // Without query and user info, where credentials could hide.
  const url = request.url.split('?')[0]!.replace(/\/\/[^/]*@/, '//');
  let answered = false;
  pm.sendRequest(request, (error, response) => {
    if (answered) return;
    answered = true;
    runGuarded(() => {
      const token = error ? describeError(error) : readTokenResponse(response!);
      if (typeof token !== 'string') return saveToken(token);
      onFailure(`token request to ${url} failed: ${token}`);
    });
  });
}

/** The token response, or why there is none: the status and the OAuth error. */
function readTokenResponse(response: Response): TokenResponse | string {
  const status = `HTTP ${response.code}`;
  let body: Partial<Record<string, unknown>>;
  try {
    body = Object(response.json());
  } catch {
    return `${status}, the response is not JSON`;
  }
  const token = body.access_token;
  if (response.code >= 200 && response.code < 300 && typeof token === 'string' && token) return body as TokenResponse;
  const oauthError = [body.error, body.error_description].filter(Boolean).join(': ');
  return oauthError ? `${status} (${oauthError})` : `${status}, the response has no access_token`;
}
