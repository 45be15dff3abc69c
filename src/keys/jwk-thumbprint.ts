import { createHash } from 'node:crypto';

/** A public JWK of the key types gen-collection signs with (RFC 7517, RFC 8037 for OKP). */
export type PublicJwk =
  | { kty: 'RSA'; n: string; e: string }
  | { kty: 'EC'; crv: 'P-256'; x: string; y: string }
  | { kty: 'OKP'; crv: 'Ed25519'; x: string };

/**
 * The RFC 7638 thumbprint of a public JWK: SHA-256 over its required members in lexicographic order,
 * base64url. Identity providers match `kid` and DPoP's `cnf.jkt` against it.
 */
export function jwkThumbprint(jwk: PublicJwk): string {
  const members =
    jwk.kty === 'RSA'
      ? { e: jwk.e, kty: jwk.kty, n: jwk.n }
      : jwk.kty === 'EC'
        ? { crv: jwk.crv, kty: jwk.kty, x: jwk.x, y: jwk.y }
        : { crv: jwk.crv, kty: jwk.kty, x: jwk.x };
  return createHash('sha256').update(JSON.stringify(members)).digest('base64url');
}
