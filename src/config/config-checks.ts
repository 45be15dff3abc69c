/** Checks beyond the schema, on a config the schema accepted. */
import { slugify } from '../slug.js';
import type { GenCollectionConfig, Item, OAuth2Auth } from './config-types.generated.js';
import { childPointer } from '../json/pointer.js';
import { profileProblems } from './profile-checks.js';
import type { Problem } from './problems.js';
import { tokenUrlProblems } from './token-url-scheme.js';
import { secretVariableNames, signsJwt, type ResolvedAuths } from './resolve-auth.js';

/** Secret variables given a value in `environments` or `variables`. The value is never part of the message. */
export function secretValueProblems(
  config: GenCollectionConfig,
  { auth, profiles: resolved }: ResolvedAuths,
): Problem[] {
  const profiles = Object.entries(config.authProfiles ?? {}).flatMap(([name, profile]) =>
    secretVariableNames(resolved[name]!, profile.secretVariables),
  );
  const secrets = [...new Set([...secretVariableNames(auth, config.auth?.secretVariables), ...profiles])];
  const scopes: [string, Record<string, unknown>][] = [
    ...Object.entries(config.environments ?? {}).map(([env, values]): [string, Record<string, unknown>] => [
      childPointer('/environments', env),
      values,
    ]),
    ['/variables', config.variables ?? {}],
  ];
  const problems: Problem[] = [];
  for (const [pointer, values] of scopes) {
    for (const name of secrets) {
      if (!Object.hasOwn(values, name) || values[name] === '') continue;
      problems.push({
        pointer: childPointer(pointer, name),
        problem: `secret variable "${name}" has a value in the config (secrets are written empty, never into files)`,
        fix: `leave it empty ("${name}": "") and pass it at run time: newman run … --env-var ${name}=$${envVarName(name)}`,
      });
    }
  }
  return problems;
}

/** Token-request parameters the token script sends itself, from variables. */
const RESERVED_PARAMS = [
  'grant_type',
  'client_id',
  'client_secret',
  'username',
  'password',
  'refresh_token',
  'assertion',
  'client_assertion',
  'client_assertion_type',
];

/** Claims and header fields the signer sets itself, from the `auth.assertion` keys. */
const RESERVED_CLAIMS: Record<string, string> = {
  iss: 'issuer',
  sub: 'subject',
  aud: 'audience',
  jti: '',
  iat: '',
  exp: 'lifetimeSeconds',
};
const RESERVED_HEADER: Record<string, string> = { alg: 'algorithm', typ: '', kid: 'keyId' };

/** Mistakes the schema cannot express: an unusable name, token parameters set twice or smuggled into extraParams. */
export function semanticProblems(config: GenCollectionConfig, auths: ResolvedAuths): Problem[] {
  const problems: Problem[] = [];
  if (slugify(config.name) === '') {
    problems.push({
      pointer: '/name',
      problem: 'the name has no ASCII letter or digit, so it gives no file name',
      fix: 'add at least one letter or digit, e.g. "Orders API"',
    });
  }
  problems.push(...profileProblems(config, auths));
  problems.push(...tokenUrlProblems(config, auths));
  if (config.auth?.type === 'oauth2') problems.push(...oauth2Problems(config.auth, '/auth'));
  for (const [name, profile] of Object.entries(config.authProfiles ?? {}))
    problems.push(...oauth2Problems(profile, childPointer('/authProfiles', name)));
  return problems;
}

/** Token parameters set twice or smuggled into extraParams, and the JWT settings, of the oauth2 auth at `at`. */
function oauth2Problems(auth: OAuth2Auth, at: string): Problem[] {
  const problems: Problem[] = [];
  for (const key of Object.keys(auth.extraParams ?? {})) {
    const pointer = childPointer(`${at}/extraParams`, key);
    if (RESERVED_PARAMS.includes(key)) {
      problems.push({
        pointer,
        problem: `"${key}" is sent by the token script itself, from its variable`,
        fix: 'remove it from extraParams (variable names are set in auth.variables)',
      });
    } else if ((key === 'scope' || key === 'audience' || key === 'resource') && auth[key] !== undefined) {
      problems.push({
        pointer,
        problem: `"${key}" is set twice: as auth.${key} and in extraParams`,
        fix: 'keep one of the two',
      });
    }
  }
  problems.push(...assertionProblems(auth, at));
  return problems;
}

/**
 * The signed JWT's settings against what signs it: HS256 goes with client_secret_jwt only, the private-key
 * algorithms with private_key_jwt or the jwt_bearer grant; claims and header fields the signer sets are refused.
 */
function assertionProblems(auth: OAuth2Auth, at: string): Problem[] {
  const { assertion, clientAuth, grantType } = auth;
  if (!signsJwt(auth)) {
    return assertion
      ? [
          {
            pointer: `${at}/assertion`,
            problem: 'auth.assertion is set, but nothing signs a JWT',
            fix: 'set clientAuth to "private_key_jwt" or "client_secret_jwt", or grantType to "jwt_bearer"; or remove assertion',
          },
        ]
      : [];
  }
  const problems: Problem[] = [];
  if (grantType === 'jwt_bearer' && clientAuth === 'client_secret_jwt') {
    problems.push({
      pointer: `${at}/clientAuth`,
      problem:
        'the jwt_bearer grant signs its assertion with the private key, and client_secret_jwt would sign a second JWT with the client secret under the same assertion settings',
      fix: 'use clientAuth "private_key_jwt", "body", "basic" or "none" with the jwt_bearer grant',
    });
  }
  const algorithm = assertion?.algorithm;
  if (algorithm === 'HS256' && clientAuth !== 'client_secret_jwt') {
    problems.push({
      pointer: `${at}/assertion/algorithm`,
      problem: 'HS256 signs with the client secret, which only client_secret_jwt uses',
      fix: 'use RS256, PS256 or ES256 with the private key, or set clientAuth to "client_secret_jwt"',
    });
  } else if (algorithm && algorithm !== 'HS256' && clientAuth === 'client_secret_jwt') {
    problems.push({
      pointer: `${at}/assertion/algorithm`,
      problem: `client_secret_jwt signs with the client secret (HS256), not with a private key (${algorithm})`,
      fix: 'set algorithm to "HS256" (or leave it out), or use clientAuth "private_key_jwt" for a private key',
    });
  }
  problems.push(...reservedKeys(assertion?.claims ?? {}, `${at}/assertion/claims`, RESERVED_CLAIMS, 'claim'));
  problems.push(...reservedKeys(assertion?.header ?? {}, `${at}/assertion/header`, RESERVED_HEADER, 'header field'));
  return problems;
}

function reservedKeys(values: object, pointer: string, reserved: Record<string, string>, what: string): Problem[] {
  return Object.keys(values)
    .filter((key) => Object.hasOwn(reserved, key))
    .map((key) => ({
      pointer: childPointer(pointer, key),
      problem: `the ${what} "${key}" is set by the signer`,
      fix: reserved[key]
        ? `set auth.assertion.${reserved[key]} instead`
        : `remove it: the signer sets "${key}" on every token request`,
    }));
}

/** Things that work but are probably not meant: duplicate sibling names, an environment value hiding the stored token. */
export function configWarnings(config: GenCollectionConfig, { auth, profiles }: ResolvedAuths): Problem[] {
  const warnings = duplicateNames(config.items ?? [], '/items');
  for (const oauth2 of [auth, ...Object.values(profiles)]) {
    if (oauth2.type !== 'oauth2' || oauth2.storage !== 'collection') continue;
    const tokenVariables = [oauth2.variables.accessToken, oauth2.variables.expiresAt, oauth2.variables.refreshToken];
    for (const [env, values] of Object.entries(config.environments ?? {})) {
      for (const name of tokenVariables.filter((n) => Object.hasOwn(values, n))) {
        warnings.push({
          pointer: childPointer(childPointer('/environments', env), name),
          problem: `"${name}" in an environment (even empty) hides the collection variable where the token is stored (storage: collection)`,
          fix: 'remove it from the environment, or use storage "auto" or "environment"',
        });
      }
    }
  }
  return warnings;
}

function duplicateNames(items: Item[], pointer: string): Problem[] {
  const warnings: Problem[] = [];
  const first = new Map<string, number>();
  items.forEach((item, index) => {
    const itemPointer = childPointer(pointer, index);
    const earlier = first.get(item.name);
    if (earlier === undefined) first.set(item.name, index);
    else {
      warnings.push({
        pointer: itemPointer,
        problem: `another item in the same folder is also named "${item.name}" (${childPointer(pointer, earlier)})`,
        fix: 'give sibling items distinct names: Newman reports and --folder tell items apart by name',
      });
    }
    if ('items' in item) warnings.push(...duplicateNames(item.items, childPointer(itemPointer, 'items')));
  });
  return warnings;
}

/** The shell variable suggested for a Postman variable: `client_secret` → `CLIENT_SECRET`. */
function envVarName(name: string): string {
  const upper = name.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
  return /^[0-9]/.test(upper) ? `_${upper}` : upper;
}
