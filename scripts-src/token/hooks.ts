import type { HttpResponse } from '../runtime/runtime.ts';
import type { TokenFailure } from './token-failure.ts';

/** The hook points an optional feature fills. */
interface Hooks {
  /**
   * Adds or changes token request fields and headers, before the parameters and client credentials go in;
   * `url` is the token URL as it will be sent (a proof names it).
   */
  tokenRequest: ((fields: Record<string, string>, headers: Record<string, string>, url: string) => void)[];
  /**
   * Classifies a token response before the core does, successes too: a failure, `'retry'` for one immediate
   * new attempt (a fresh nonce), or undefined to leave it to the core.
   */
  classify: ((response: HttpResponse, body: Record<string, unknown>) => TokenFailure | 'retry' | undefined)[];
  /**
   * More PEM key variables a token request is made with (a proof key): checked non-empty with the credentials
   * before any token request (rules 10 and 12), and part of the inputs' fingerprint.
   */
  keys: (() => string[])[];
  /** Presents a valid token on the request besides the collection's auth (a proof header). */
  present: ((token: string) => void)[];
  /**
   * Acts on the resource's response, in the test script (nonces, retry on 401), in import order; `true`: the
   * response is dealt with (a nonce challenge is not the token's fault), the later ones leave it alone.
   */
  respond: (() => boolean | void)[];
}

/**
 * The hook points, filled by the optional features the generated entry imports ahead of the core
 * (src/scripts/token-scripts.ts): a config that does not use a feature carries none of its code.
 */
export const hooks: Hooks = { tokenRequest: [], classify: [], keys: [], present: [], respond: [] };
