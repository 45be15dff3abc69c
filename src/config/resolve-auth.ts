import type { Auth, GenCollectionConfig, OAuth2Auth } from './config-types.generated.js';
import type {
  OAuth2Resolved,
  ResolvedAssertion,
  ResolvedAuth,
  ResolvedClient,
  ResolvedDpop,
  TokenVariables,
} from './resolved.js';

/** Defaults of the oauth2 auth (the schema's `default`s; a test keeps the two in step). */
export const OAUTH2_DEFAULTS = {
  grantType: 'client_credentials',
  clientAuth: 'body',
  bodyFormat: 'form',
  expiryBufferSeconds: 5,
  storage: 'auto',
  retryOn401: true,
  allowHttp: false,
} as const satisfies Partial<OAuth2Resolved>;

/** Default names of the Postman variables the token scripts use. */
export const TOKEN_VARIABLE_DEFAULTS: TokenVariables = {
  accessToken: 'access_token',
  expiresAt: 'token_expires_at',
  refreshToken: 'refresh_token',
  clientId: 'client_id',
  clientSecret: 'client_secret',
  username: 'username',
  password: 'password',
};

/** Default name of the variable holding the PEM private key (`auth.variables.privateKey`). */
export const PRIVATE_KEY_VARIABLE_DEFAULT = 'client_private_key';

/** Default name of the variable holding the DPoP private key (`auth.variables.dpopKey`). */
export const DPOP_KEY_VARIABLE_DEFAULT = 'dpop_private_key';

/** Defaults of `auth.dpop` (the schema's `default`s). */
export const DPOP_DEFAULTS = { algorithm: 'ES256' } as const satisfies Partial<ResolvedDpop>;

/** Defaults of `auth.assertion` that do not depend on other keys (the schema's `default`s). */
export const ASSERTION_DEFAULTS = { lifetimeSeconds: 60 } as const satisfies Partial<ResolvedAssertion>;

/** Defaults of the other auth types. */
export const AUTH_DEFAULTS = {
  bearer: { tokenVariable: 'access_token' },
  basic: { usernameVariable: 'username', passwordVariable: 'password' },
  apikey: { in: 'header', variable: 'api_key' },
} as const;

/** The auth with every default applied; no auth → `{ type: 'none' }`. */
export function resolveAuth(auth: Auth | undefined): ResolvedAuth {
  switch (auth?.type) {
    case undefined:
    case 'none':
      return { type: 'none' };
    case 'oauth2':
      return resolveOAuth2(auth);
    case 'bearer':
      return { type: 'bearer', tokenVariable: auth.tokenVariable ?? AUTH_DEFAULTS.bearer.tokenVariable };
    case 'basic':
      return {
        type: 'basic',
        usernameVariable: auth.usernameVariable ?? AUTH_DEFAULTS.basic.usernameVariable,
        passwordVariable: auth.passwordVariable ?? AUTH_DEFAULTS.basic.passwordVariable,
      };
    case 'apikey':
      return {
        type: 'apikey',
        name: auth.name,
        in: auth.in ?? AUTH_DEFAULTS.apikey.in,
        variable: auth.variable ?? AUTH_DEFAULTS.apikey.variable,
      };
  }
}

/**
 * An auth profile (`authProfiles.<name>`) with every default applied: the same defaults as `auth`, its
 * variable names the default names with `_<name>` appended unless the profile sets them.
 */
export function resolveAuthProfile(name: string, auth: OAuth2Auth): OAuth2Resolved {
  return resolveOAuth2(auth, `_${name}`);
}

/** A config's auth and every auth profile, each with its defaults applied. */
export interface ResolvedAuths {
  auth: ResolvedAuth;
  /** Profile name → its resolved oauth2 auth, in config order. */
  profiles: Record<string, OAuth2Resolved>;
}

/** Resolves the auth and the auth profiles of a config at once: once per validation, once per resolve. */
export function resolveAuths(config: Pick<GenCollectionConfig, 'auth' | 'authProfiles'>): ResolvedAuths {
  const profiles = Object.entries(config.authProfiles ?? {}).map(([name, profile]) => [
    name,
    resolveAuthProfile(name, profile),
  ]);
  return { auth: resolveAuth(config.auth), profiles: Object.fromEntries(profiles) };
}

function resolveOAuth2(auth: OAuth2Auth, variableSuffix = ''): OAuth2Resolved {
  const grantType = auth.grantType ?? OAUTH2_DEFAULTS.grantType;
  const clientAuth = auth.clientAuth ?? OAUTH2_DEFAULTS.clientAuth;
  const { privateKey, dpopKey, ...named } = auth.variables ?? {};
  const defaults = Object.entries(TOKEN_VARIABLE_DEFAULTS).map(([key, name]) => [key, `${name}${variableSuffix}`]);
  const variables: TokenVariables = { ...(Object.fromEntries(defaults) as unknown as TokenVariables), ...named };
  const assertion = resolveAssertion(auth, variables);
  if (assertion && assertion.algorithm !== 'HS256')
    variables.privateKey = privateKey ?? `${PRIVATE_KEY_VARIABLE_DEFAULT}${variableSuffix}`;
  // Like privateKey, named only when used: a config without DPoP resolves (and outputs) as before.
  const dpop: ResolvedDpop | undefined = auth.dpop && {
    algorithm: auth.dpop.algorithm ?? DPOP_DEFAULTS.algorithm,
    keyVariable: dpopKey ?? `${DPOP_KEY_VARIABLE_DEFAULT}${variableSuffix}`,
  };
  return {
    type: 'oauth2',
    grantType,
    tokenUrl: auth.tokenUrl,
    allowHttp: auth.allowHttp ?? OAUTH2_DEFAULTS.allowHttp,
    clientAuth,
    client: resolveClient({ grantType, clientAuth, assertion, variables }),
    presentation: dpop ? 'dpop' : 'bearer',
    ...(assertion ? { assertion } : {}),
    ...(dpop ? { dpop } : {}),
    bodyFormat: auth.bodyFormat ?? OAUTH2_DEFAULTS.bodyFormat,
    params: tokenParams(auth),
    expiryBufferSeconds: auth.expiryBufferSeconds ?? OAUTH2_DEFAULTS.expiryBufferSeconds,
    storage: auth.storage ?? OAUTH2_DEFAULTS.storage,
    retryOn401: auth.retryOn401 ?? OAUTH2_DEFAULTS.retryOn401,
    variables,
  };
}

/**
 * The one place that decides which credentials a token request sends, where, and which of them must be
 * non-empty: `body` and `basic` send the client secret, `client_secret_jwt` signs with it, `private_key_jwt` and
 * the jwt_bearer grant sign with the private key, `none` sends the client id alone.
 */
export function resolveClient(
  auth: Pick<OAuth2Resolved, 'grantType' | 'clientAuth' | 'assertion' | 'variables'>,
): ResolvedClient {
  const { grantType, clientAuth: method, assertion, variables: v } = auth;
  const secretPlace = method === 'body' || method === 'basic' ? method : undefined;
  const signer = assertion && {
    algorithm: assertion.algorithm,
    keyVariable: assertion.algorithm === 'HS256' ? v.clientSecret : (v.privateKey ?? PRIVATE_KEY_VARIABLE_DEFAULT),
  };
  const usesSecret = !!secretPlace || signer?.keyVariable === v.clientSecret;
  const password = grantType === 'password';
  // A jwt_bearer grant without client authentication is identified by its assertion, unless that names the client id.
  const idOptional =
    grantType === 'jwt_bearer' && method === 'none' && !JSON.stringify(assertion).includes(`{{${v.clientId}}}`);
  const privateKey = signer && !usesSecret ? signer.keyVariable : '';
  const inputs = [idOptional ? '' : v.clientId, usesSecret ? v.clientSecret : '', password ? v.username : ''];
  const secretInputs = [usesSecret ? v.clientSecret : '', password ? v.password : '', privateKey];
  return {
    method,
    sends: { client_id: method === 'basic' ? 'basic' : 'body', ...(secretPlace ? { client_secret: secretPlace } : {}) },
    inputs: [...new Set([...inputs, ...secretInputs.slice(1)].filter(Boolean))],
    secretInputs: [...new Set(secretInputs.filter(Boolean))],
    ...(signer ? { signer } : {}),
  };
}

/** Whether the config has the sandbox sign a JWT: signed client authentication or the jwt_bearer grant. */
export function signsJwt(auth: Pick<OAuth2Auth, 'grantType' | 'clientAuth'>): boolean {
  return (
    auth.grantType === 'jwt_bearer' || auth.clientAuth === 'private_key_jwt' || auth.clientAuth === 'client_secret_jwt'
  );
}

/**
 * `auth.assertion` with its defaults, when a JWT is signed: HS256 for client_secret_jwt, else RS256; the
 * client id as issuer, and as subject for client authentication; the token URL as audience.
 */
function resolveAssertion(auth: OAuth2Auth, variables: TokenVariables): ResolvedAssertion | undefined {
  if (!signsJwt(auth)) return undefined;
  const given = auth.assertion ?? {};
  const clientId = `{{${variables.clientId}}}`;
  const authenticatesClient = auth.clientAuth === 'private_key_jwt' || auth.clientAuth === 'client_secret_jwt';
  const subject = given.subject ?? (authenticatesClient ? clientId : undefined);
  return {
    algorithm: given.algorithm ?? (auth.clientAuth === 'client_secret_jwt' ? 'HS256' : 'RS256'),
    issuer: given.issuer ?? clientId,
    ...(subject ? { subject } : {}),
    audience: given.audience ?? auth.tokenUrl,
    lifetimeSeconds: given.lifetimeSeconds ?? ASSERTION_DEFAULTS.lifetimeSeconds,
    ...(given.keyId ? { keyId: given.keyId } : {}),
    ...(given.header && Object.keys(given.header).length ? { header: { ...given.header } } : {}),
    ...(given.claims && Object.keys(given.claims).length ? { claims: { ...given.claims } } : {}),
  };
}

/** scope, audience and resource when not empty, then extraParams, in that order. */
function tokenParams(auth: OAuth2Auth): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['scope', 'audience', 'resource'] as const) {
    const value = auth[key];
    if (value) params[key] = value;
  }
  return { ...params, ...auth.extraParams };
}

/**
 * Every secret variable name of a config: the auth's, then each auth profile's (in config order), without
 * repeats. Both the check that secrets have no value and the resolved config read it.
 */
export function configSecretVariables(
  config: Pick<GenCollectionConfig, 'auth' | 'authProfiles'>,
  { auth, profiles }: ResolvedAuths,
): string[] {
  return [
    ...new Set([
      ...secretVariableNames(auth, config.auth?.secretVariables),
      ...Object.entries(profiles).flatMap(([name, profile]) =>
        secretVariableNames(profile, config.authProfiles?.[name]?.secretVariables),
      ),
    ]),
  ];
}

/** The secret variable names of one auth: its own secrets, then `secretVariables`, without repeats. */
function secretVariableNames(auth: ResolvedAuth, secretVariables: readonly string[] = []): string[] {
  return [...new Set([...ownSecrets(auth), ...secretVariables])];
}

function ownSecrets(auth: ResolvedAuth): string[] {
  switch (auth.type) {
    case 'none':
      return [];
    case 'oauth2':
      // the password only matters for the password grant, but it is a secret whatever the grant
      return [
        auth.variables.clientSecret,
        auth.variables.password,
        auth.variables.accessToken,
        auth.variables.refreshToken,
        ...(auth.variables.privateKey ? [auth.variables.privateKey] : []),
        ...(auth.dpop ? [auth.dpop.keyVariable] : []),
      ];
    case 'bearer':
      return [auth.tokenVariable];
    case 'basic':
      return [auth.passwordVariable];
    case 'apikey':
      return [auth.variable];
  }
}
