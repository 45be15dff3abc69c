/**
 * The data contract between the generator and the sandbox token scripts.
 *
 * The generator serialises one `TokenConfig` into a small header object (`const genCollection = {…};`)
 * in front of the bundled token scripts; the scripts in `scripts-src/token/` read it through the
 * ambient `genCollection` declared in `scripts-src/sandbox.d.ts`. It never holds a secret: only
 * variable names and `{{…}}` templates that are resolved at run time with `pm.variables.replaceIn`.
 */
export interface TokenConfig {
  grantType: 'client_credentials' | 'password';
  /** Token endpoint template, e.g. `{{base_url}}/oauth/token`. */
  tokenUrl: string;
  clientAuth: 'body' | 'basic';
  bodyFormat: 'form' | 'json';
  /** Extra token-request parameters (scope, audience, resource, extraParams), values are templates; empty ones omitted. */
  params: Record<string, string>;
  /** A stored token counts as valid while `expiresAt - expiryBufferMs > now`. */
  expiryBufferMs: number;
  storage: 'auto' | 'environment' | 'collection';
  retryOn401: boolean;
  /** Names of the Postman variables used. */
  vars: TokenVariables;
  /**
   * Ids of requests whose effective auth is not the collection Bearer although the sandbox cannot
   * tell (they inherit `noauth` or another auth from a folder): no token is fetched for them.
   */
  skipRequestIds: string[];
}

/** Variable names the token scripts read and write. */
export interface TokenVariables {
  accessToken: string;
  expiresAt: string;
  refreshToken: string;
  clientId: string;
  clientSecret: string;
  username: string;
  password: string;
}

/**
 * Local variable (`pm.variables`) the collection-level test script sets to `'1'` on a response that
 * will be replayed after a 401, and to `''` otherwise. Generated tests and bundled user test
 * scripts are wrapped in a guard on it so the replayed attempt fails no test.
 */
export const REPLAY_MARKER = 'gen_collection_replaying';

/** Name of the ambient header object the token scripts read. */
export const TOKEN_CONFIG_GLOBAL = 'genCollection';
