import * as runtime from '../runtime/runtime.ts';

/** The origin of a URL (scheme, host, port), lower-cased: nonces are per origin (RFC 9449 §8, §9). */
export function originOf(url: string): string {
  return (/^[a-z][\w+.-]*:\/\/[^/?#]*/i.exec(url)?.[0] ?? url).toLowerCase();
}

// Run-local memory (runtime.ts), exported nowhere: a nonce is no secret, but a stale one in an export is noise.
const nonceKey = (url: string) => `gen_collection_dpop_nonce ${originOf(url)}`;

/** The latest `DPoP-Nonce` the origin of `url` sent, '' before it sent one. */
export function nonceFor(url: string): string {
  return runtime.recall(nonceKey(url));
}

/** Keeps the `DPoP-Nonce` a response from the origin of `url` carries, when it carries one (successes too). */
export function keepNonce(url: string, nonce: string | undefined): void {
  if (nonce && nonce !== nonceFor(url)) runtime.remember(nonceKey(url), nonce);
}
