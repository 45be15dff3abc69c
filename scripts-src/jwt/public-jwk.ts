import { sha256 } from './hash.ts';
import { base64url, utf8Bytes } from './bytes.ts';
import type { PrivateKey } from './private-key.ts';

/** The public half of a signing key as a JWK (RFC 7517; RFC 8037 for Ed25519): never a private member. */
export type PublicJwk =
  | { kty: 'RSA'; n: string; e: string }
  | { kty: 'EC'; crv: 'P-256'; x: string; y: string }
  | { kty: 'OKP'; crv: 'Ed25519'; x: string };

/**
 * Derives the public JWK from a private key of one type, inside the sandbox: the user keeps only the private key
 * in a variable. One per key type, each beside its algorithm (rsa.ts, es256.ts, eddsa.ts), so a bundle carries
 * only its own curve's code.
 */
export type PublicJwkOf = (key: PrivateKey) => PublicJwk;

/**
 * The RFC 7638 thumbprint: SHA-256 over the required members in lexicographic order, base64url. It is what a
 * DPoP-bound token's `cnf.jkt` holds.
 */
export function jwkThumbprint(jwk: PublicJwk): string {
  const members =
    jwk.kty === 'RSA'
      ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
      : jwk.kty === 'EC'
        ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
        : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return base64url(sha256(utf8Bytes(JSON.stringify(members))));
}

/** For a `PublicJwkOf` given a key of another type: the algorithm's `unfit` check runs first, so it never is. */
export function otherKeyType(): never {
  throw new Error('key type checked before');
}
