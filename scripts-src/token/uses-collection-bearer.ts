import * as runtime from '../runtime/runtime.ts';

/**
 * Whether the current request sends the collection's token, the only requests the token scripts act on. The
 * runtime shows no auth for a request that inherits it, so requests inheriting something else from a folder
 * come as `skipRequestIds`. Pre-request scripts see the template, test scripts its value; a presentation
 * other than Bearer puts its scheme in front (`DPoP {{access_token}}`).
 */
export function usesCollectionBearer(): boolean {
  if (genCollection.skipRequestIds?.includes(runtime.requestId())) return false;
  const sent = runtime.requestToken();
  const name = genCollection.vars.accessToken;
  const token = runtime.read(name);
  return sent === undefined || sent.endsWith(`{{${name}}}`) || (!!token && sent.endsWith(token));
}
