import { I2OSP, OS2IP, pow } from 'micro-rsa-dsa-dh/utils.js';
import { base64url } from './bytes.ts';
import type { PrivateKey } from './private-key.ts';
import { otherKeyType, type PublicJwkOf } from './public-jwk.ts';

/**
 * RSASP1 (RFC 8017 §5.2.1) on an encoded message: with the key's primes (the Chinese remainder theorem, step 2.b)
 * when it has them, which every PKCS#1 and PKCS#8 key does. The sandboxes' BigInt makes the plain m^d mod n of
 * micro-rsa-dsa-dh cost about three times as much, once per proof and per token request.
 */
export function rsaSign(key: Extract<PrivateKey, { type: 'RSA' }>, encoded: Uint8Array): Uint8Array {
  const m = OS2IP(encoded);
  const length = Math.ceil(key.bits / 8);
  if (!key.crt) return I2OSP(pow(m, key.d, key.n), length);
  const { p, q, dp, dq, qinv } = key.crt;
  const s1 = pow(m % p, dp, p);
  const s2 = pow(m % q, dq, q);
  const h = ((((s1 - s2) % p) + p) * qinv) % p;
  return I2OSP(s2 + h * q, length);
}

/** The public JWK of an RSA key: n and e as unsigned big-endian bytes (RFC 7518 §6.3.1). */
export const rsaPublicJwk: PublicJwkOf = (key) =>
  key.type === 'RSA'
    ? { kty: 'RSA', n: base64url(I2OSP(key.n, Math.ceil(key.bits / 8))), e: base64url(unsignedBytes(key.e)) }
    : otherKeyType();

function unsignedBytes(value: bigint): Uint8Array {
  return I2OSP(value, Math.ceil(value.toString(16).length / 2));
}
