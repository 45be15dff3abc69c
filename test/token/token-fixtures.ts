/** Shared inputs of the token script tests: an OAuth2 config, its variables and the secrets that must never leak. */
import type { OAuth2Resolved } from '../../src/config/resolved.js';
import { tokenScripts, type TokenScripts } from '../../src/scripts/token-scripts.js';
import { oauth2, withClient } from '../helpers/oauth2.js';
import type { ScriptResult, SentRequest } from './sandbox-harness.js';

export const TOKEN_URL = 'https://auth.example.test/oauth/token';
export const CLIENT_ID = 'orders-ci';
/** Characters that need form-urlencoding, so the Basic header encoding is exercised. */
export const CLIENT_SECRET = 'S3cr3t:/+ é-value';
export const USERNAME = 'alice@example.test';
export const PASSWORD = 'p@ss word:1';
/** The `admin` auth profile's client secret (test/token/profiles.test.ts, dpop.test.ts). */
export const ADMIN_SECRET = 'adm1n-S3cret-value';
export const REFRESH_TOKEN = 'rt-stored-refresh';
export const STORED_TOKEN = 'tok-stored-access';

/** Values that must never show in a test name, an assertion message or console output. */
export const SECRETS = [
  CLIENT_SECRET,
  PASSWORD,
  REFRESH_TOKEN,
  STORED_TOKEN,
  'tok-new-access',
  'rt-new-refresh',
  'tok-old-collection',
];

export const BASE_AUTH: OAuth2Resolved = oauth2({
  tokenUrl: '{{base_url}}/oauth/token',
  params: { scope: 'read write' },
});

/** Non-secret and secret inputs as a user passes them (`--env-var`, collection variables). */
export const BASE_VARIABLES: Record<string, string> = {
  base_url: 'https://auth.example.test',
  client_id: CLIENT_ID,
  client_secret: CLIENT_SECRET,
};

/** The token scripts for BASE_AUTH with `overrides`. */
export function scriptsFor(
  overrides: Partial<OAuth2Resolved> = {},
  skipRequestIds: string[] = [],
): Promise<TokenScripts> {
  return tokenScripts(withClient({ ...BASE_AUTH, ...overrides }, overrides.client), { skipRequestIds });
}

/** A form-encoded token request as the scripts send it (Accept and Content-Type, optional extra headers). */
export function formRequest(
  fields: [string, string][],
  headers: Record<string, string> = {},
  url = TOKEN_URL,
): SentRequest {
  return {
    method: 'POST',
    url,
    headers: { Accept: 'application/json', 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: { urlencoded: fields },
  };
}

/** A JSON token request as the scripts send it. */
export function jsonRequest(fields: Record<string, string>, headers: Record<string, string> = {}): SentRequest {
  return {
    method: 'POST',
    url: TOKEN_URL,
    headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...headers },
    body: { raw: JSON.stringify(fields) },
  };
}

/** Everything a run printed or reported, for checking that no secret leaked. */
export function visibleOutput(result: ScriptResult): string {
  return [...result.assertions.flatMap((a) => [a.name, a.error ?? '']), ...result.console, ...result.errors].join('\n');
}
