import type { OAuth2Resolved, ResolvedAuth } from '../config/resolved.js';

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
      return tokenAuth(auth.variables.accessToken, auth.presentation);
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

/**
 * The auth that sends an OAuth2 token from `{{variable}}` as `presentation` says: Bearer, or for DPoP Postman's
 * `apikey` auth in the header (`Authorization: DPoP {{variable}}`): the `bearer` type always says "Bearer", and an
 * auth, unlike a plain header, is inherited, replaced by a request's own auth and overrides a same-named header.
 */
export function tokenAuth(variable: string, presentation: OAuth2Resolved['presentation']): PostmanAuth {
  if (presentation === 'bearer') return bearerAuth(variable);
  return {
    type: 'apikey',
    apikey: [param('key', 'Authorization'), param('value', `DPoP {{${variable}}}`), param('in', 'header')],
  };
}

/** Auth of a request or folder that opts out of the collection auth. */
export const NO_AUTH: PostmanAuth = { type: 'noauth' };
