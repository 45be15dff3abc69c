import type { ResolvedAuth } from '../config/resolved.js';

/** A Postman v2.1 auth object (`{ type, [type]: [{ key, value, type }] }`). */
export interface PostmanAuth {
  type: string;
  [params: string]: string | { key: string; value: string; type: string }[];
}

const param = (key: string, value: string) => ({ key, value, type: 'string' });

/** Collection-level auth for the config's auth, or undefined for `none`. */
export function collectionAuth(auth: ResolvedAuth): PostmanAuth | undefined {
  switch (auth.type) {
    case 'none':
      return undefined;
    case 'oauth2':
      return bearerAuth(auth.variables.accessToken);
    case 'bearer':
      return bearerAuth(auth.tokenVariable);
    case 'basic':
      return {
        type: 'basic',
        basic: [param('username', `{{${auth.usernameVariable}}}`), param('password', `{{${auth.passwordVariable}}}`)],
      };
    case 'apikey':
      return {
        type: 'apikey',
        apikey: [param('key', auth.name), param('value', `{{${auth.variable}}}`), param('in', auth.in)],
      };
  }
}

/** Bearer auth reading the token from `{{variable}}`. */
export function bearerAuth(variable: string): PostmanAuth {
  return { type: 'bearer', bearer: [param('token', `{{${variable}}}`)] };
}

/** Auth of a request or folder that opts out of the collection auth. */
export const NO_AUTH: PostmanAuth = { type: 'noauth' };

/** Variables the collection auth reads, and which of them are secrets. */
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
