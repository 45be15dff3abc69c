import { p256 } from '@noble/curves/nist.js';
import { sha256 } from '@noble/hashes/sha2.js';
import type { PrivateKey } from './private-key.ts';
import { base64url, utf8Bytes } from './bytes.ts';
import { ed25519Key } from './eddsa.ts';

/** The public half of a signing key as a JWK (RFC 7517; RFC 8037 for Ed25519): never a private member. */
export type PublicJwk =
  | { kty: 'RSA'; n: string; e: string }
  | { kty: 'EC'; crv: 'P-256'; x: string; y: string }
  | { kty: 'OKP'; crv: 'Ed25519'; x: string };

/**
 * Derives the public JWK from a private key of one type, inside the sandbox: the user keeps only the private key
 * in a variable. One function per key type, so a bundle carries only its own curve's code.
 */
export type PublicJwkOf = (key: PrivateKey) => PublicJwk;

/** RSA: n and e. */
export const rsaPublicJwk: PublicJwkOf = (key) =>
  key.type === 'RSA'
    ? { kty: 'RSA', n: base64url(bigintBytes(key.n)), e: base64url(bigintBytes(key.e)) }
    : unreachable();

/** EC P-256: the point 04‖x‖y, from the key file when it carries it (a scalar multiplication otherwise). */
export const ecPublicJwk: PublicJwkOf = (key) => {
  if (key.type !== 'EC') return unreachable();
  const point = key.publicPoint?.length === 65 ? key.publicPoint : p256.getPublicKey(key.d, false);
  return { kty: 'EC', crv: 'P-256', x: base64url(point.subarray(1, 33)), y: base64url(point.subarray(33)) };
};

/** Ed25519 (RFC 8037 §2): x is the 32-byte public key. */
export const ed25519PublicJwk: PublicJwkOf = (key) =>
  key.type === 'Ed25519'
    ? { kty: 'OKP', crv: 'Ed25519', x: base64url(ed25519Key(key.seed).pointBytes) }
    : unreachable();

// The algorithm's `unfit` check runs first: a key of another type never gets here.
function unreachable(): never {
  throw new Error('key type checked before');
}

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

/** Big-endian bytes of a positive integer, without leading zeros (RFC 7518 §6.3.1: n and e as unsigned octets). */
function bigintBytes(value: bigint): Uint8Array {
  let hex = value.toString(16);
  if (hex.length % 2) hex = `0${hex}`;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
