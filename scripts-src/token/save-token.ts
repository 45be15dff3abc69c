import * as runtime from '../runtime/runtime.ts';

/** The fields of a successful token response that the scripts use (a type alias: a parsed body converts to it). */
export type TokenResponse = {
  access_token: string;
  expires_in?: unknown;
  refresh_token?: unknown;
};

/** Stores the access token, its expiry and the refresh token when one came back (else the old one stays). */
export function saveToken(token: TokenResponse): void {
  const { accessToken, expiresAt, refreshToken } = genCollection.vars;
  const values = { [accessToken]: token.access_token, [expiresAt]: expiryOf(token) };
  if (token.refresh_token) values[refreshToken] = String(token.refresh_token);
  runtime.store(values);
}

/** When the token expires, in epoch milliseconds: from `expires_in`, else the JWT `exp`, else '' (valid until a 401). */
function expiryOf(token: TokenResponse): string {
  const seconds = Number(token.expires_in);
  if (seconds > 0) return String(Date.now() + Math.round(seconds * 1000));
  try {
    // The sandbox's Buffer decodes base64url too.
    const exp = Number(JSON.parse(Buffer.from(token.access_token.split('.')[1]!, 'base64').toString()).exp);
    if (exp > 0) return String(exp * 1000);
  } catch {
    // an opaque token
  }
  return '';
}
