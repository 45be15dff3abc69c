import type { TokenResponse } from './fetch-token.ts';
import { jwtExpiry } from './jwt-expiry.ts';
import { storeVariables } from './storage.ts';

/**
 * Stores a token response: the access token, its expiry in epoch milliseconds (from `expires_in`, else the
 * JWT `exp`, else none: valid until a 401) and the refresh token when one came back (else the old one stays).
 */
export function saveToken(token: TokenResponse): void {
  const { accessToken, expiresAt, refreshToken } = genCollection.vars;
  const seconds = Number(token.expires_in);
  const expiry = seconds > 0 ? Date.now() + Math.round(seconds * 1000) : jwtExpiry(token.access_token);
  const values = { [accessToken]: token.access_token, [expiresAt]: expiry ? String(expiry) : '' };
  if (typeof token.refresh_token === 'string' && token.refresh_token) values[refreshToken] = token.refresh_token;
  storeVariables(values);
}
