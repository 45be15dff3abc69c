/* Generated from schema/config.schema.json by `npm run gen:types`. Do not edit. */

/**
 * Collection-level auth. Omitted or {"type":"none"}: no auth.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "auth".
 */
export type Auth = NoAuth | OAuth2Auth | BearerAuth | BasicAuth | ApiKeyAuth;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName1 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName2 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName3 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName4 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName5 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName6 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName7 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName8 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "variableName".
 */
export type VariableName9 = string;
/**
 * Further variable names to treat as secrets: always written empty, type secret.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "secretVariables".
 */
export type SecretVariables = VariableName9[];
/**
 * One script path or a list of paths (relative to the config file), TypeScript or JavaScript.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "scriptList".
 */
export type ScriptList = string | string[];
/**
 * A folder (has "items") or a request (has "url").
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "item".
 */
export type Item = Folder | Request;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName10 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName11 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName12 = string;
/**
 * A Postman variable name, without braces: client_secret, not {{client_secret}}.
 */
export type VariableName13 = string;
/**
 * Either an object of name → value, or a list of entries with descriptions and a disabled flag.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "keyValue".
 */
export type KeyValue =
  | {
      [k: string]: string | number | boolean;
    }
  | {
      key: string;
      value?: string | number | boolean;
      description?: string;
      disabled?: boolean;
    }[];
/**
 * Exactly one of json, form (multipart/form-data), urlencoded, raw.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "body".
 */
export type Body =
  | {
      json: unknown;
    }
  | {
      form: KeyValue;
    }
  | {
      urlencoded: KeyValue;
    }
  | {
      /**
       * Raw body text.
       */
      raw: string;
      /**
       * Content-Type header of a raw body.
       */
      contentType?: string;
    };
/**
 * inherit: the collection (or folder) auth; none: send no auth; a name from authProfiles: that profile's OAuth2 token (Bearer {{access_token_<name>}}).
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "itemAuth".
 */
export type ItemAuth = string;
/**
 * Values of :name path segments.
 */
export type KeyValue1 =
  | {
      [k: string]: string | number | boolean;
    }
  | {
      key: string;
      value?: string | number | boolean;
      description?: string;
      disabled?: boolean;
    }[];

/**
 * Describes a Postman collection to generate: its requests, its OAuth2 token handling and its environments.
 */
export interface GenCollectionConfig {
  /**
   * Path or URL of this schema, for editors.
   */
  $schema?: string;
  /**
   * Collection name, shown in Postman; also gives the output file names (<slug>.postman_collection.json).
   */
  name: string;
  /**
   * Collection description (Markdown).
   */
  description?: string;
  /**
   * Output directory, relative to the config file; `-o` on the command line wins. Default: postman.
   */
  output?: string;
  auth?: Auth;
  /**
   * Further OAuth2 auths, by name, for folders and requests that set "auth": "<name>" (another token server, client or scope). Each profile has the shape of an oauth2 auth and is complete on its own: keys it leaves out take the same defaults as auth does, not auth's values. Its variable names default to the default names with _<name> appended (access_token_admin, client_id_admin, …); set variables in the profile to share one. Needs an oauth2 auth.
   */
  authProfiles?: {
    [k: string]: OAuth2Auth;
  };
  /**
   * One environment template <slug>.<env>.postman_environment.json is written per key (dev, staging, …), holding these values plus every variable the collection uses. Values of secret variables (client_secret, password, tokens, auth.secretVariables) must stay empty: pass them at run time (newman run … --env-var client_secret=$CLIENT_SECRET).
   */
  environments?: {
    /**
     * Variable name → value of this environment.
     */
    [k: string]: {
      [k: string]: string | number | boolean;
    };
  };
  /**
   * Collection variables: non-secret defaults stored in the collection (an environment value of the same name wins).
   */
  variables?: {
    [k: string]: string | number | boolean;
  };
  scripts?: Scripts;
  /**
   * Requests and folders, in order. An item with "items" is a folder; otherwise a request (needs "url").
   */
  items?: Item[];
}
/**
 * OAuth2 token handling: the collection fetches a token (client_credentials, password or jwt_bearer grant; client secret, HTTP Basic or a signed JWT as client authentication), caches it until it expires, refreshes it and retries once on a 401.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "oauth2Auth".
 */
export interface OAuth2Auth {
  type: 'oauth2';
  /**
   * client_credentials: the client credentials alone; password: also the username and password variables; jwt_bearer (RFC 7523 §2.1): a JWT signed in the sandbox (see assertion) is the grant: grant_type=urn:ietf:params:oauth:grant-type:jwt-bearer, assertion=<JWT>.
   */
  grantType?: 'client_credentials' | 'password' | 'jwt_bearer';
  /**
   * Token endpoint; {{variables}} are resolved at run time. It must be https:// (the client's credentials travel to it) unless its host is loopback (localhost, 127.0.0.0/8, [::1]) or allowHttp is true: build checks it for each environment once its variables are filled in, the token script checks the resolved URL at run time.
   */
  tokenUrl: string;
  /**
   * Allow a plain http:// token URL to a host other than loopback, e.g. a plain-HTTP service container in CI (http://keycloak:8080). The client's credentials and the token then travel unencrypted.
   */
  allowHttp?: boolean;
  /**
   * How the client authenticates: body: client_id/client_secret in the request body; basic: HTTP Basic; private_key_jwt: a JWT signed with the private key (variables.privateKey) as client_assertion (RFC 7523 §2.2); client_secret_jwt: the same, signed with the client secret (HS256); none: no client secret is sent (client_id only, when set). With private_key_jwt and client_secret_jwt no secret is sent.
   */
  clientAuth?: 'body' | 'basic' | 'private_key_jwt' | 'client_secret_jwt' | 'none';
  assertion?: Assertion;
  /**
   * DPoP (RFC 9449): bind the token to a key. Every token request (refresh too) and every request using this auth carries a fresh proof JWT signed in the sandbox with the private key in the dpopKey variable; requests send Authorization: DPoP <token>, never Bearer. The key: gen-collection keygen.
   */
  dpop?: {
    /**
     * The proof's signing algorithm: ES256 (EC P-256), EdDSA (Ed25519), RS256 or PS256 (RSA, 2048 bits or more). It must match the key in the dpopKey variable and be one the server accepts (its dpop_signing_alg_values_supported).
     */
    algorithm?: 'ES256' | 'EdDSA' | 'RS256' | 'PS256';
  };
  /**
   * form: application/x-www-form-urlencoded (what OAuth2 servers expect); json: a JSON body.
   */
  bodyFormat?: 'form' | 'json';
  /**
   * Sent as the scope parameter when not empty; {{variables}} allowed.
   */
  scope?: string;
  /**
   * Sent as the audience parameter when not empty (Auth0 and similar).
   */
  audience?: string;
  /**
   * Sent as the resource parameter (RFC 8707) when not empty.
   */
  resource?: string;
  /**
   * More token-request parameters, sent after scope, audience and resource; values may use {{variables}}. Not for secrets: grant_type, client_id, client_secret, username, password and refresh_token are sent from variables.
   */
  extraParams?: {
    [k: string]: string;
  };
  /**
   * A stored token is reused while it has more than this many seconds left.
   */
  expiryBufferSeconds?: number;
  /**
   * Where the token is stored: environment, collection (variables), or auto: the environment when one is selected, else collection variables.
   */
  storage?: 'auto' | 'environment' | 'collection';
  /**
   * On a 401, drop the stored token, fetch a new one and replay the request once.
   */
  retryOn401?: boolean;
  /**
   * Names of the Postman variables the token scripts read and write; the defaults are shown.
   */
  variables?: {
    accessToken?: VariableName;
    expiresAt?: VariableName1;
    refreshToken?: VariableName2;
    clientId?: VariableName3;
    clientSecret?: VariableName4;
    username?: VariableName5;
    password?: VariableName6;
    privateKey?: VariableName7;
    dpopKey?: VariableName8;
  };
  secretVariables?: SecretVariables;
}
/**
 * The JWT signed in the sandbox for private_key_jwt, client_secret_jwt and the jwt_bearer grant: a fresh one (new jti, iat, exp) for every token request. Every string may hold {{variables}}.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "assertion".
 */
export interface Assertion {
  /**
   * RS256, PS256 (RSA, 2048 bits or more) or ES256 (EC P-256) sign with the private key; HS256 with the client secret (client_secret_jwt only). Default: HS256 for client_secret_jwt, else RS256.
   */
  algorithm?: 'RS256' | 'PS256' | 'ES256' | 'HS256';
  /**
   * The iss claim. Default: the client id ({{client_id}}).
   */
  issuer?: string;
  /**
   * The sub claim. Default: the client id for client authentication; for the jwt_bearer grant none unless set (a Google service account impersonating a user sets it).
   */
  subject?: string;
  /**
   * The aud claim, a single string. Default: the resolved token URL.
   */
  audience?: string;
  /**
   * exp = iat + lifetimeSeconds.
   */
  lifetimeSeconds?: number;
  /**
   * The JWT header kid, when set.
   */
  keyId?: string;
  /**
   * More JWT header fields, e.g. the certificate thumbprint Microsoft Entra ID asks for. alg and typ are set by the signer.
   */
  header?: {
    [k: string]: string;
  };
  /**
   * More claims, any JSON; strings may hold {{variables}} (Google service accounts put scope here). iss, sub, aud, jti, iat and exp are set from the keys above.
   */
  claims?: {
    [k: string]: unknown;
  };
}
/**
 * Scripts bundled into the pre-request and test events (collection level here; folder or request level in an item).
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "scripts".
 */
export interface Scripts {
  prerequest?: ScriptList;
  test?: ScriptList;
}
/**
 * No collection-level auth.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "noAuth".
 */
export interface NoAuth {
  type?: 'none';
  secretVariables?: SecretVariables;
}
/**
 * A static bearer token passed at run time; no fetching.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "bearerAuth".
 */
export interface BearerAuth {
  type: 'bearer';
  tokenVariable?: VariableName10;
  secretVariables?: SecretVariables;
}
/**
 * HTTP Basic auth from two variables.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "basicAuth".
 */
export interface BasicAuth {
  type: 'basic';
  usernameVariable?: VariableName11;
  passwordVariable?: VariableName12;
  secretVariables?: SecretVariables;
}
/**
 * An API key sent in a header or query parameter.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "apikeyAuth".
 */
export interface ApiKeyAuth {
  type: 'apikey';
  /**
   * Header or query parameter name, e.g. X-API-Key.
   */
  name: string;
  /**
   * Send the key as a header or as a query parameter.
   */
  in?: 'header' | 'query';
  variable?: VariableName13;
  secretVariables?: SecretVariables;
}
/**
 * Checks generated as tests.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "expect".
 */
export interface Expect {
  /**
   * Expected HTTP status, or a list of accepted ones: generates a test.
   */
  status?: number | [number, ...number[]];
}
/**
 * A folder of requests and folders.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "folder".
 */
export interface Folder {
  /**
   * Folder name, shown in Postman.
   */
  name: string;
  description?: string;
  auth?: ItemAuth;
  scripts?: Scripts;
  /**
   * Requests and folders in this folder.
   */
  items: Item[];
  minItems?: 0;
}
/**
 * A request.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "request".
 */
export interface Request {
  /**
   * Request name, shown in Postman and in Newman reports.
   */
  name: string;
  description?: string;
  /**
   * HTTP method, e.g. GET, POST, PUT, PATCH, DELETE.
   */
  method?: string;
  /**
   * Request URL; {{variables}} and :path variables allowed.
   */
  url: string;
  pathVariables?: KeyValue1;
  query?: KeyValue;
  headers?: KeyValue;
  body?: Body;
  auth?: ItemAuth;
  expect?: Expect;
  scripts?: Scripts;
}
