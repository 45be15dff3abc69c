/** The `exp` claim of a JWT in epoch milliseconds; undefined when the token is opaque or has none. */
export function jwtExpiry(token: string): number | undefined {
  try {
    // The sandbox's Buffer decodes base64url too.
    const exp: unknown = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64').toString('utf8')).exp;
    return typeof exp === 'number' && exp > 0 ? exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}
