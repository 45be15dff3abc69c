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
