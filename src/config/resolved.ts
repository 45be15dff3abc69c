import type { OutputFormat } from '../render/render.js';

/**
 * The resolved config: what the user wrote (`GenCollectionConfig`, generated from the schema) with every
 * default applied, paths made absolute and shapes normalised. Defaults are applied once, in
 * `resolve.ts`; nothing downstream re-checks them.
 */
export interface ResolvedConfig {
  name: string;
  /** File-name slug of `name` (see `slugify`). */
  slug: string;
  description?: string;
  /** Absolute path of the config file, when there is one. */
  configFile?: string;
  /** Directory that script paths are relative to (the config file's). */
  baseDir: string;
  /** Absolute output directory. */
  outputDir: string;
  /** The formats to write, in order, each once: `--format`, else the config's `formats`, else `postman`. */
  formats: OutputFormat[];
  auth: ResolvedAuth;
  /**
   * Further OAuth2 auths by profile name (`authProfiles`), each complete on its own, its variable names
   * suffixed `_<profile>` unless set; empty when none.
   */
  authProfiles: Record<string, OAuth2Resolved>;
  /** Every secret variable name: the auth's own secrets plus `auth.secretVariables`, then the profiles'. */
  secretVariables: string[];
  /** Environment name → variable → value, values stringified, in config order. */
  environments: Record<string, Record<string, string>>;
  /** Collection variables (non-secret defaults), values stringified. */
  variables: Record<string, string>;
  scripts: ResolvedScripts;
  items: ResolvedItem[];
}

export type ResolvedAuth = NoAuthResolved | OAuth2Resolved | BearerResolved | BasicResolved | ApiKeyResolved;

export interface NoAuthResolved {
  type: 'none';
}

export interface OAuth2Resolved {
  type: 'oauth2';
  grantType: 'client_credentials' | 'password' | 'jwt_bearer';
  tokenUrl: string;
  /** A plain http:// token URL to a host other than loopback is allowed (token rule 12). */
  allowHttp: boolean;
  clientAuth: 'body' | 'basic' | 'private_key_jwt' | 'client_secret_jwt' | 'none';
  /** How the client authenticates, decided once from `clientAuth`, the grant and the assertion: everything reads it. */
  client: ResolvedClient;
  /**
   * How the token is presented on a request: `Authorization: Bearer` (the collection's Bearer auth), or
   * `Authorization: DPoP` with a proof (`dpop` set).
   */
  presentation: 'bearer' | 'dpop';
  /** The JWT the sandbox signs for each token request; present only when `clientAuth` or `grantType` signs one. */
  assertion?: ResolvedAssertion;
  /** DPoP proofs (RFC 9449) on token and API requests; present only when `auth.dpop` is set. */
  dpop?: ResolvedDpop;
  bodyFormat: 'form' | 'json';
  /** scope, audience, resource (when set) then extraParams, in that order. */
  params: Record<string, string>;
  expiryBufferSeconds: number;
  storage: 'auto' | 'environment' | 'collection';
  retryOn401: boolean;
  variables: TokenVariables;
}

/** Where a token request puts a client credential: form or JSON body fields, or the HTTP Basic header. */
export type CredentialPlace = 'body' | 'basic';

/** The client authentication of an oauth2 auth, resolved: what is sent where, what must be non-empty, what signs. */
export interface ResolvedClient {
  method: OAuth2Resolved['clientAuth'];
  /** Where `client_id` and `client_secret` go; a credential absent here is never sent. */
  sends: { client_id: CredentialPlace; client_secret?: CredentialPlace };
  /**
   * The credential variables a token request reads and that must be non-empty, in request order: the client id
   * (unless only a jwt_bearer assertion identifies the client), the secret it sends or signs with, the username
   * and password of the password grant, the private key it signs with.
   */
  inputs: string[];
  /** Those of `inputs` that are secrets (rule 10: named with `--env-var` when empty). */
  secretInputs: string[];
  /** The JWT signature: its algorithm and the variable holding the key (the client secret for HS256). */
  signer?: { algorithm: ResolvedAssertion['algorithm']; keyVariable: string };
}

/** Names of the Postman variables the token scripts read and write (`auth.variables`, defaults applied). */
export interface TokenVariables {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
  /** The PEM private key; present only when a JWT is signed with one (RS256, PS256, ES256). */
  privateKey?: string;
}

/**
 * `auth.dpop` with its default, and the variable holding its key (`auth.variables.dpopKey`): kept here rather
 * than in `TokenVariables` so that a config without DPoP names no such variable anywhere.
 */
export interface ResolvedDpop {
  algorithm: 'ES256' | 'EdDSA' | 'RS256' | 'PS256';
  keyVariable: string;
}

/** `auth.assertion` with its defaults: every string a template resolved in the sandbox. */
export interface ResolvedAssertion {
  algorithm: 'RS256' | 'PS256' | 'ES256' | 'HS256';
  issuer: string;
  /** Absent for the jwt_bearer grant unless set. */
  subject?: string;
  audience: string;
  lifetimeSeconds: number;
  keyId?: string;
  header?: Record<string, string>;
  claims?: Record<string, unknown>;
}

export interface BearerResolved {
  type: 'bearer';
  tokenVariable: string;
}

export interface BasicResolved {
  type: 'basic';
  usernameVariable: string;
  passwordVariable: string;
}

export interface ApiKeyResolved {
  type: 'apikey';
  name: string;
  in: 'header' | 'query';
  variable: string;
}

/** A script file named in the config. */
export interface ScriptRef {
  /** Absolute path. */
  path: string;
  /** The path as the user wrote it (for messages). */
  display: string;
  /** JSON pointer of the reference in the config, e.g. `/items/0/scripts/test`. */
  pointer: string;
  /** The config file naming the script, as the user gave it (for messages). */
  configFile?: string;
}

export interface ResolvedScripts {
  prerequest: ScriptRef[];
  test: ScriptRef[];
}

/** A key/value entry (query parameter, header, path variable, form field). */
export interface KeyValueEntry {
  key: string;
  value: string;
  description?: string;
  disabled?: boolean;
}

export type ResolvedBody =
  | { mode: 'json'; json: unknown }
  | { mode: 'form'; entries: KeyValueEntry[] }
  | { mode: 'urlencoded'; entries: KeyValueEntry[] }
  | { mode: 'raw'; raw: string; contentType?: string };

export type ResolvedItem = ResolvedFolder | ResolvedRequest;

/** An item's auth: `inherit`, `none`, or the name of an auth profile. */
export type ResolvedItemAuth = 'inherit' | 'none' | (string & {});

export interface ResolvedFolder {
  kind: 'folder';
  name: string;
  description?: string;
  /** `inherit`, `none` or a profile name from `authProfiles`. */
  auth: ResolvedItemAuth;
  scripts: ResolvedScripts;
  items: ResolvedItem[];
  /** JSON pointer of this item in the config. */
  pointer: string;
}

export interface ResolvedRequest {
  kind: 'request';
  name: string;
  description?: string;
  /** Upper-cased. */
  method: string;
  url: string;
  pathVariables: KeyValueEntry[];
  query: KeyValueEntry[];
  headers: KeyValueEntry[];
  body?: ResolvedBody;
  /** `inherit`, `none` or a profile name from `authProfiles`. */
  auth: ResolvedItemAuth;
  /** Accepted statuses from `expect.status`; empty: no generated test. */
  expectStatus: number[];
  scripts: ResolvedScripts;
  pointer: string;
}
