import type { OAuth2Resolved } from '../../src/config/resolved.js';

/** A resolved OAuth2 auth as the config would give it (client credentials, defaults), with overrides. */
export function oauth2(overrides: Partial<OAuth2Resolved> = {}): OAuth2Resolved {
  return {
    type: 'oauth2',
    grantType: 'client_credentials',
    tokenUrl: '{{token_url}}',
    clientAuth: 'body',
    bodyFormat: 'form',
    params: {},
    expiryBufferSeconds: 5,
    storage: 'auto',
    retryOn401: true,
    variables: {
      accessToken: 'access_token',
      expiresAt: 'token_expires_at',
      refreshToken: 'refresh_token',
      clientId: 'client_id',
      clientSecret: 'client_secret',
      username: 'username',
      password: 'password',
    },
    ...overrides,
  };
}
