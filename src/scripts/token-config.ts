import type { OAuth2Resolved, ResolvedClient, TokenVariables } from '../config/resolved.js';

/**
 * The data contract between the generator and the sandbox token scripts: the resolved oauth2 settings as
 * the scripts read them. The generator serialises one into a small header object (`const genCollection =
 * {…};`) in front of the bundled token scripts; the scripts in `scripts-src/token/` read it through the
 * ambient `genCollection` declared in `scripts-src/token/gen-collection.d.ts`. It never holds a secret: only
 * variable names and `{{…}}` templates that are resolved at run time with `pm.variables.replaceIn`.
 * Empty keys are left out of the header.
 */
export interface TokenConfig extends Omit<
  OAuth2Resolved,
  'type' | 'clientAuth' | 'client' | 'presentation' | 'params' | 'expiryBufferSeconds' | 'variables' | 'allowHttp'
> {
  /** A plain http:// token URL to another host is allowed (token rule 12); present only when true. */
  allowHttp?: true;
  /** Extra token-request parameters (scope, audience, resource, extraParams), values are templates; absent when none. */
  params?: OAuth2Resolved['params'];
  /** The resolved client authentication, its variables named by their key in `vars`. */
  client: TokenClient;
  /** A stored token counts as valid while `expiresAt - expiryBufferMs > now`. */
  expiryBufferMs: number;
  /** Names of the Postman variables used. */
  vars: TokenVariables;
  /**
   * Ids of requests whose effective auth is not the collection Bearer although the sandbox cannot tell
   * (they inherit `noauth` or another auth from a folder): no token is fetched for them. Absent when none.
   */
  skipRequestIds?: string[];
  /**
   * The auth profiles (`authProfiles`) by name, each with the ids of the requests that send its token: the
   * scripts switch to a profile's settings for those requests. Absent without profiles.
   */
  profiles?: Record<string, TokenProfile>;
}

/** A key of `TokenConfig.vars`: which variable, whatever its name. */
export type VariableKey = keyof TokenVariables;

/**
 * `OAuth2Resolved.client` as the header carries it: variables as keys of `vars` instead of names, so that a
 * profile whose variables only carry its suffix repeats nothing of its client authentication.
 */
export interface TokenClient extends Pick<ResolvedClient, 'method' | 'sends'> {
  inputs: VariableKey[];
  secretInputs: VariableKey[];
  signer?: { algorithm: NonNullable<ResolvedClient['signer']>['algorithm']; key: VariableKey };
}

/**
 * One auth profile in the header, as the difference from the default's settings (so each profile costs only
 * what sets it apart): the keys whose value differs, `null` for a key the profile does not have, and the ids
 * of the requests that send its token.
 */
export type TokenProfile = {
  [K in Exclude<keyof TokenConfig, 'skipRequestIds' | 'profiles'>]?: TokenConfig[K] | null;
} & { requestIds: string[] };

/**
 * Local variable (`pm.variables`) the collection-level test script sets to `'1'` on a response that
 * will be replayed after a 401, and to `''` otherwise. Generated tests and bundled user test
 * scripts are wrapped in a guard on it so the replayed attempt fails no test.
 */
export const REPLAY_MARKER = 'gen_collection_replaying';

/** Name of the ambient header object the token scripts read. */
export const TOKEN_CONFIG_GLOBAL = 'genCollection';
