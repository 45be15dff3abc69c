/**
 * Whether a stored token can be used as is: present, and either stored without expiry (valid until the API
 * answers 401) or expiring later than the buffer from now. An unreadable expiry counts as expired.
 */
export function isTokenValid(token: string, expiresAt: string): boolean {
  return token !== '' && (expiresAt === '' || Number(expiresAt) - genCollection.expiryBufferMs > Date.now());
}
