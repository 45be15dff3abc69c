import { readVariable } from './storage.ts';

/**
 * Whether the current request sends the collection's Bearer token, the only requests the token scripts act
 * on. The sandbox shows no auth for a request that inherits it, so requests inheriting something else from
 * a folder come as `skipRequestIds`. Pre-request scripts see the bearer template, test scripts its value.
 */
export function usesCollectionBearer(): boolean {
  if (genCollection.skipRequestIds?.includes(pm.info.requestId)) return false;
  const auth = pm.request.auth;
  if (!auth) return true;
  const token: unknown = auth.type === 'bearer' && auth.parameters().get('token');
  const name = genCollection.vars.accessToken;
  return token === `{{${name}}}` || (!!token && token === readVariable(name));
}
