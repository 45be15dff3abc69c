import { sha256 } from './hash.ts';
import type { JwtAlgorithm } from './algorithm.ts';
import { base64url, utf8Bytes } from './bytes.ts';
import { jwkThumbprint, type PublicJwkOf } from './public-jwk.ts';
import { loadSigningKey, signCompactJwt } from './sign-jwt.ts';

/**
 * One HTTP request to prove possession for (RFC 9449 §4.2). Runtime-neutral: the caller reads the variables,
 * picks the unique `jti` and the clock, so the Postman and Bruno adapters share this code.
 */
export interface DpopProofInput {
  /** The request's method, as sent. */
  method: string;
  /** The request's URL as the runner sends it (its encoding); query and fragment are dropped here. */
  url: string;
  /** The access token the request carries; omitted for token requests. Gives `ath`. */
  accessToken?: string;
  /** The latest `DPoP-Nonce` the server sent, when it sent one. */
  nonce?: string;
  /** The PEM private key (PKCS#8; SEC1 and PKCS#1 too). */
  key: string;
  /** The variable `key` came from, for messages. */
  keyVariable: string;
  /** Unique per proof (uniqueness only: no secrecy needed). */
  jti: string;
  /** Now, in seconds since the epoch. */
  now: number;
}

/** The proof JWT and the key's RFC 7638 thumbprint (`cnf.jkt` of a token bound to it), or why none could be made. */
export type DpopProofResult = { proof: string; jkt: string } | { problem: string };

/** A function that makes DPoP proofs signed with `algorithm`, whose keys' public JWK `publicJwk` derives. */
export function dpopProofMaker(
  algorithm: JwtAlgorithm,
  publicJwk: PublicJwkOf,
): (input: DpopProofInput) => DpopProofResult {
  return (input) => {
    const loaded = loadSigningKey(algorithm, input.key, input.keyVariable, 'auth.dpop.algorithm');
    if ('problem' in loaded) return loaded;
    if (loaded.key.type === 'secret') return { problem: `DPoP needs a private key in ${input.keyVariable}` };
    const jwk = publicJwk(loaded.key);
    const claims: Record<string, unknown> = {
      jti: input.jti,
      htm: input.method.toUpperCase(),
      htu: targetUri(input.url),
      iat: Math.floor(input.now),
    };
    if (input.accessToken !== undefined) claims.ath = base64url(sha256(utf8Bytes(input.accessToken)));
    if (input.nonce) claims.nonce = input.nonce;
    const signed = signCompactJwt(algorithm, loaded.key, { typ: 'dpop+jwt', jwk }, claims, input.keyVariable);
    return 'problem' in signed ? signed : { proof: signed.jwt, jkt: jwkThumbprint(jwk) };
  };
}

/** RFC 9449 §4.2 `htu`: the URI without query and fragment parts. */
export function targetUri(url: string): string {
  return url.replace(/[?#][\s\S]*$/, '');
}
