import type { ResolvedAuth } from '../config/resolved.js';

/** Variables an auth reads, and which of them are the token state the scripts write. */
export function authVariables(auth: ResolvedAuth): { all: string[]; tokenState: string[] } {
  switch (auth.type) {
    case 'none':
      return { all: [], tokenState: [] };
    case 'oauth2': {
      const v = auth.variables;
      // The client id always (a jwt_bearer grant may send it), then what the resolved client authentication
      // reads, then the DPoP key.
      const credentials = [
        ...new Set([v.clientId, ...auth.client.inputs, ...(auth.dpop ? [auth.dpop.keyVariable] : [])]),
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
