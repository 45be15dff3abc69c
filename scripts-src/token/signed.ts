// Feature `signed`: a JWT signed in the sandbox, as the client assertion (private_key_jwt, client_secret_jwt) or
// as the grant (jwt_bearer). Only configs that sign keep its call, with the signer in front of the script.
import * as runtime from '../runtime/runtime.ts';
import type { Grant } from './token-request.ts';

const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/** Adds the signed JWTs to the token request's fields: the grant's assertion, the client's. */
export function signTokenRequest(fields: Grant): void {
  // The primary grant of a jwt_bearer config; a refresh keeps its own grant and authenticates the client below.
  if (fields.grant_type === 'jwt_bearer') Object.assign(fields, { grant_type: JWT_BEARER_GRANT, assertion: signedJwt() });
  const { method } = genCollection.client;
  if (method === 'private_key_jwt' || method === 'client_secret_jwt')
    Object.assign(fields, { client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: signedJwt() });
}

/**
 * A fresh JWT from `genCollection.assertion`, templates resolved: a new `jti`, `iat` now and `exp` after the
 * lifetime, signed with the variable `genCollection.client.signer.key` names (missingInputs checked it is not empty).
 * Throws (the caller fails the request, nothing is sent) when the key is unusable.
 */
function signedJwt(): string {
  const { assertion, client, vars } = genCollection;
  if (!assertion || !client.signer) throw new Error('the token script has no assertion settings: rebuild the collection');
  const keyVariable = vars[client.signer.key]!;
  const iat = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { iss: runtime.replaceIn(assertion.issuer) };
  if (assertion.subject) claims.sub = runtime.replaceIn(assertion.subject);
  // `jti`: unique, not secret: Newman's sandbox has only Math.random-based sources, which serve for that.
  Object.assign(claims, {
    aud: runtime.replaceIn(assertion.audience),
    jti: runtime.replaceIn('{{$guid}}'),
    iat,
    exp: iat + assertion.lifetimeSeconds,
    ...resolveTemplates(assertion.claims ?? {}),
  });
  const header: Record<string, unknown> = assertion.keyId ? { kid: runtime.replaceIn(assertion.keyId) } : {};
  Object.assign(header, resolveTemplates(assertion.header ?? {}));
  const result = genCollectionSignJwt({ header, claims, key: runtime.read(keyVariable), keyVariable });
  if ('problem' in result) throw new Error(`cannot sign the JWT: ${result.problem}`);
  return result.jwt;
}

/** `value` with every string in it passed through `runtime.replaceIn`. */
function resolveTemplates<T>(value: T): T {
  if (typeof value === 'string') return runtime.replaceIn(value) as T;
  if (Array.isArray(value)) return value.map(resolveTemplates) as T;
  if (value && typeof value === 'object') {
    const resolved: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) resolved[key] = resolveTemplates(item);
    return resolved as T;
  }
  return value;
}
