import type { ResolvedAuth } from '../config/resolved.js';

/** Variables an auth reads, and which of them are the token state the scripts write. */
export function authVariables(auth: ResolvedAuth): { all: string[]; tokenState: string[] } {
  switch (auth.type) {
    case 'none':
      return { all: [], tokenState: [] };
    case 'oauth2': {
      const v = auth.variables;
      // The secret is read for body, basic and client_secret_jwt (HS256) client authentication only.
      const sendsSecret = auth.clientAuth !== 'none' && auth.clientAuth !== 'private_key_jwt';
      const credentials = [
        v.clientId,
        ...(sendsSecret ? [v.clientSecret] : []),
        ...(auth.grantType === 'password' ? [v.username, v.password] : []),
        ...(v.privateKey ? [v.privateKey] : []),
        ...(auth.dpop ? [auth.dpop.keyVariable] : []),
      ];
      const tokenState = [v.accessToken, v.expiresAt, v.refreshToken];
      return { all: [...credentials, ...tokenState], tokenState };
    }
    case 'bearer':
      return { all: [auth.tokenVariable], tokenState: [] };
    case 'basic':
      return { all: [auth.usernameVariable, auth.passwordVariable], tokenState: [] };
    case 'apikey':
      return { all: [auth.variable], tokenState: [] };
  }
}
