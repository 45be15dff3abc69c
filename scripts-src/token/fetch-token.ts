import type { Response } from 'postman-collection';
import { describeError } from './error-message.ts';
import { failRequest } from './fail-request.ts';
import { tokenRequest, type Grant } from './token-request.ts';

/** The fields of a successful token response that the scripts use. */
export interface TokenResponse {
  access_token: string;
  expires_in?: unknown;
  refresh_token?: unknown;
}

/** A token response, or why there is none: a message naming URL, status and OAuth error, never a secret. */
export type TokenOutcome = TokenResponse | string;

/**
 * Sends one token request and hands the outcome to `done`, once and never by throwing: Postman CLI calls a
 * callback that threw a second time and Newman swallows the throw, so problems are reported here instead.
 */
export function fetchToken(grant: Grant, done: (outcome: TokenOutcome) => void): void {
  const request = tokenRequest(grant);
  // Without query and user info, where credentials could hide.
  const url = request.url.split('?')[0]!.replace(/\/\/[^/]*@/, '//');
  let answered = false;
  pm.sendRequest(request, (error, response) => {
    if (answered) return;
    answered = true;
    try {
      const outcome = readTokenResponse(error, response);
      done(typeof outcome === 'string' ? `gen-collection: token request to ${url} failed: ${outcome}` : outcome);
    } catch (thrown) {
      failRequest(`gen-collection: token handling failed: ${describeError(thrown)}`);
    }
  });
}

function readTokenResponse(error: unknown, response: Response | undefined): TokenOutcome {
  if (error || !response) return error ? describeError(error) : 'no response';
  let body: Partial<Record<string, unknown>> | undefined;
  try {
    body = Object(JSON.parse(response.text() ?? ''));
  } catch {
    // not JSON: reported below
  }
  const status = `HTTP ${response.code}`;
  if (response.code < 200 || response.code > 299) {
    const oauthError = [body?.error, body?.error_description].filter((part) => typeof part === 'string' && part);
    return oauthError.length ? `${status} (${oauthError.join(': ')})` : status;
  }
  if (!body) return `${status}, the response is not JSON`;
  const token = body.access_token;
  return typeof token === 'string' && token ? { ...body, access_token: token } : `${status}, the response has no access_token`;
}
