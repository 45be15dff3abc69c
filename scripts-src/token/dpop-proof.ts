import * as runtime from '../runtime/runtime.ts';
import { nonceFor } from './dpop-nonces.ts';
import { PEM_FILE } from './token-inputs.ts';

/**
 * A fresh DPoP proof (RFC 9449 §4) for one HTTP request, with the latest nonce of its origin; `ath` when an
 * access token is presented. Throws when the key is missing or unusable: the caller fails the request, so
 * nothing goes out without a proof.
 */
export function dpopProof(method: string, url: string, accessToken?: string): string {
  const { keyVariable } = genCollection.dpop!;
  const key = runtime.read(keyVariable);
  if (!key) throw new Error(`${keyVariable} is empty (${runtime.fixes.variable(keyVariable, PEM_FILE)})`);
  // `jti`: unique, not secret: Newman's sandbox has only Math.random-based sources, which serve for that. (No
  // comment inside the literal: esbuild would keep it in the script.)
  const result = genCollectionDpopProof({
    method,
    url,
    ...(accessToken === undefined ? {} : { accessToken }),
    nonce: nonceFor(url),
    key,
    keyVariable,
    jti: runtime.replaceIn('{{$guid}}'),
    now: Date.now() / 1000,
  });
  if ('problem' in result) throw new Error(`cannot sign the DPoP proof: ${result.problem}`);
  return result.proof;
}
