import { resolveAuth } from '../../src/config/resolve-auth.js';
import type { OAuth2Resolved } from '../../src/config/resolved.js';

/** A resolved OAuth2 auth with the config's own defaults (through `resolveAuth`), with overrides. */
export function oauth2(overrides: Partial<OAuth2Resolved> = {}): OAuth2Resolved {
  const auth = resolveAuth({ type: 'oauth2', tokenUrl: '{{token_url}}' });
  if (auth.type !== 'oauth2') throw new Error('resolveAuth did not give an oauth2 auth');
  return { ...auth, ...overrides };
}
