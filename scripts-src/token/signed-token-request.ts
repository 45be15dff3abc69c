import { readVariable } from './storage.ts';
import { tokenRequest as unsignedTokenRequest, type Grant } from './token-request.ts';

export type { Grant };

const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

/**
 * The token request of a config that signs a JWT (private_key_jwt, client_secret_jwt, the jwt_bearer grant).
 * The generator bundles this module in place of token-request.ts for those configs only, so that the others
 * carry no signing code; it builds on that module, putting the signed fields in first.
 */
export function tokenRequest(grant: Grant): SandboxRequestDefinition {
  const { grantType, clientAuth } = genCollection;
  // prerequest.ts asks for client_credentials whenever the grant is not password: here that is the JWT bearer grant.
  const fields: Grant =
    grantType === 'jwt_bearer' && grant.grant_type === 'client_credentials' ? { grant_type: JWT_BEARER_GRANT, assertion: signedJwt() } : { ...grant };
  if (clientAuth === 'private_key_jwt' || clientAuth === 'client_secret_jwt') {
    fields.client_assertion_type = CLIENT_ASSERTION_TYPE;
    fields.client_assertion = signedJwt();
  }
  return unsignedTokenRequest(fields);
}

/**
 * A fresh JWT from `genCollection.assertion`, templates resolved: a new `jti`, `iat` now and `exp` after the
 * lifetime. Throws (the caller fails the request, nothing is sent) when the key is empty or unusable.
 */
function signedJwt(): string {
  const { assertion, vars } = genCollection;
  if (!assertion) throw new Error('the token script has no assertion settings: rebuild the collection');
  const keyVariable = assertion.algorithm === 'HS256' ? vars.clientSecret : (vars.privateKey ?? '');
  const key = readVariable(keyVariable);
  if (!key) {
    const value = assertion.algorithm === 'HS256' ? `$${keyVariable.toUpperCase()}` : '"$(cat key.pem)"';
    throw new Error(`${keyVariable} is empty: pass it at run time, e.g. newman run … --env-var ${keyVariable}=${value}`);
  }
  const iat = Math.floor(Date.now() / 1000);
  const claims: Record<string, unknown> = { iss: pm.variables.replaceIn(assertion.issuer) };
  if (assertion.subject) claims.sub = pm.variables.replaceIn(assertion.subject);
  Object.assign(claims, {
    aud: pm.variables.replaceIn(assertion.audience),
    // Unique, not secret: Newman's sandbox has only Math.random-based sources, which serve for that.
    jti: pm.variables.replaceIn('{{$guid}}'),
    iat,
    exp: iat + assertion.lifetimeSeconds,
    ...resolveTemplates(assertion.claims ?? {}),
  });
  const header: Record<string, unknown> = assertion.keyId ? { kid: pm.variables.replaceIn(assertion.keyId) } : {};
  Object.assign(header, resolveTemplates(assertion.header ?? {}));
  const result = genCollectionSignJwt({ header, claims, key, keyVariable });
  if ('problem' in result) throw new Error(`cannot sign the JWT: ${result.problem}`);
  return result.jwt;
}

/** `value` with every string in it passed through `pm.variables.replaceIn`. */
function resolveTemplates<T>(value: T): T {
  if (typeof value === 'string') return pm.variables.replaceIn(value) as T;
  if (Array.isArray(value)) return value.map(resolveTemplates) as T;
  if (value && typeof value === 'object') {
    const resolved: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) resolved[key] = resolveTemplates(item);
    return resolved as T;
  }
  return value;
}
