/** Why a token request failed, and whether the same request may succeed later. */
export interface TokenFailure {
  problem: string;
  /** Worth another try after a backoff: the server, or the way to it, may recover without any change. */
  transient: boolean;
  /** How long the server asked the client to wait (`Retry-After`), in ms; 0 when it did not. */
  retryAfterMs: number;
}

// OAuth errors (RFC 6749 §5.2) that the token endpoint answers again to the same request.
const REPEATED_ERRORS = ['invalid_client', 'unauthorized_client', 'unsupported_grant_type', 'invalid_scope', 'invalid_request', 'invalid_grant'];

/**
 * Whether a failed token request may succeed unchanged later: no answer at all (`status` undefined: refused,
 * timed out, reset), 429 (whatever the body says: it is about pace), 408 and 5xx unless the body names one of
 * the OAuth errors above. Everything else (400, 401, 403, a 2xx that is not a token, …) would come back again.
 */
export function isTransient(status: number | undefined, oauthError: unknown): boolean {
  return status === undefined || status === 429 || ((status === 408 || status >= 500) && !REPEATED_ERRORS.includes(String(oauthError)));
}

/** The wait a `Retry-After` header value asks for, in ms (delay-seconds or an HTTP date); 0 without one. */
export function retryAfterMs(value = ''): number {
  const ms = /^\s*\d+\s*$/.test(value) ? Number(value) * 1000 : Date.parse(value) - Date.now();
  return ms > 0 ? ms : 0;
}
