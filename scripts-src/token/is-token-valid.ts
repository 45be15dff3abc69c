/**
 * Whether a stored token can be sent as is: present, and either stored without expiry (valid until the API
 * answers 401) or expiring later than `bufferMs` from now. An unreadable expiry counts as expired.
 */
export function isTokenValid(token: string, expiresAt: string, bufferMs: number, now: number): boolean {
  return token !== '' && (expiresAt === '' || Number(expiresAt) - bufferMs > now);
}
