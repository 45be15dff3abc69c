import { resolveAuth, resolveClient } from '../../src/config/resolve-auth.js';
import type { OAuth2Resolved } from '../../src/config/resolved.js';

/**
 * A resolved OAuth2 auth with the config's own defaults (through `resolveAuth`), with overrides; the client
 * authentication is resolved again from the result (as `resolveAuth` does) unless the overrides set it.
 */
export function oauth2(overrides: Partial<OAuth2Resolved> = {}): OAuth2Resolved {
  const auth = resolveAuth({ type: 'oauth2', tokenUrl: '{{token_url}}' });
  if (auth.type !== 'oauth2') throw new Error('resolveAuth did not give an oauth2 auth');
  return withClient({ ...auth, ...overrides }, overrides.client);
}

/** `auth` with its `client` resolved from its other keys, or `client` when given. */
export function withClient(auth: OAuth2Resolved, client = resolveClient(auth)): OAuth2Resolved {
  return { ...auth, client };
}
