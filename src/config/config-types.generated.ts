/* Generated from schema/config.schema.json by `npm run gen:types`. Do not edit. */

/**
 * Collection-level auth. Omitted or {"type":"none"}: no auth.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "auth".
 */
export type Auth = NoAuth | OAuth2Auth | BearerAuth | BasicAuth | ApiKeyAuth;
/**
 * One script path or a list of paths (relative to the config file), TypeScript or JavaScript.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "scriptList".
 */
export type ScriptList = string | string[];
/**
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "item".
 */
export type Item = Folder | Request;
/**
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "variableName".
 */
export type VariableName = string;
/**
 * Further variable names to treat as secrets: always written empty, type secret.
 *
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "secretVariables".
 */
export type SecretVariables = VariableName[];
export type VariableName1 = string;
export type VariableName2 = string;
export type VariableName3 = string;
export type VariableName4 = string;
export type VariableName5 = string;
export type VariableName6 = string;
export type VariableName7 = string;
export type VariableName8 = string;
export type VariableName9 = string;
export type VariableName10 = string;
export type VariableName11 = string;
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
      raw: string;
      contentType?: string;
    };
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
   * Collection name; also gives the output file slug.
   */
  name: string;
  /**
   * Collection description (Markdown).
   */
  description?: string;
  /**
   * Output directory, relative to the config file. Default: postman.
   */
  output?: string;
  auth?: Auth;
  /**
   * One environment template is written per key. Values of secret variables must stay empty.
   */
  environments?: {
    [k: string]: {
      [k: string]: string | number | boolean;
    };
  };
  /**
   * Collection variables (non-secret defaults).
   */
  variables?: {
    [k: string]: string | number | boolean;
  };
  scripts?: Scripts;
  /**
   * Requests and folders.
   */
  items?: Item[];
}
/**
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "scripts".
 */
export interface Scripts {
  prerequest?: ScriptList;
  test?: ScriptList;
}
/**
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "noAuth".
 */
export interface NoAuth {
  type?: 'none';
  secretVariables?: SecretVariables;
}
/**
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "oauth2Auth".
 */
export interface OAuth2Auth {
  type: 'oauth2';
  grantType?: 'client_credentials' | 'password';
  /**
   * Token endpoint; {{variables}} are resolved at run time.
   */
  tokenUrl: string;
  /**
   * body: client_id/client_secret in the request body; basic: HTTP Basic.
   */
  clientAuth?: 'body' | 'basic';
  bodyFormat?: 'form' | 'json';
  scope?: string;
  audience?: string;
  resource?: string;
  extraParams?: {
    [k: string]: string;
  };
  expiryBufferSeconds?: number;
  storage?: 'auto' | 'environment' | 'collection';
  retryOn401?: boolean;
  variables?: {
    accessToken?: VariableName1;
    expiresAt?: VariableName2;
    refreshToken?: VariableName3;
    clientId?: VariableName4;
    clientSecret?: VariableName5;
    username?: VariableName6;
    password?: VariableName7;
  };
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
  tokenVariable?: VariableName8;
  secretVariables?: SecretVariables;
}
/**
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "basicAuth".
 */
export interface BasicAuth {
  type: 'basic';
  usernameVariable?: VariableName9;
  passwordVariable?: VariableName10;
  secretVariables?: SecretVariables;
}
/**
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "apikeyAuth".
 */
export interface ApiKeyAuth {
  type: 'apikey';
  /**
   * Header or query parameter name, e.g. X-API-Key.
   */
  name: string;
  in?: 'header' | 'query';
  variable?: VariableName11;
  secretVariables?: SecretVariables;
}
/**
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
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "folder".
 */
export interface Folder {
  name: string;
  description?: string;
  auth?: 'inherit' | 'none';
  scripts?: Scripts;
  items: Item[];
  minItems?: 0;
}
/**
 * This interface was referenced by `GenCollectionConfig`'s JSON-Schema
 * via the `definition` "request".
 */
export interface Request {
  name: string;
  description?: string;
  /**
   * HTTP method, e.g. GET, POST, PUT, PATCH, DELETE.
   */
  method?: string;
  url: string;
  pathVariables?: KeyValue1;
  query?: KeyValue;
  headers?: KeyValue;
  body?: Body;
  auth?: 'inherit' | 'none';
  expect?: Expect;
  scripts?: Scripts;
}
