import { p256 } from '@noble/curves/nist.js';
import { describeKey, type JwtAlgorithm } from './algorithm.ts';
import { base64url } from './bytes.ts';
import { otherKeyType, type PublicJwkOf } from './public-jwk.ts';

// One signature per script execution, each from a fresh library: noble's base-point table (built on first use, for
// reuse) costs more than the single multiplication it speeds up.
p256.Point.BASE.precompute(1);

/**
 * ES256: ECDSA on P-256 with SHA-256, the signature as r‖s (RFC 7518 §3.4). The nonce is derived from the
 * key and the message (RFC 6979): Newman's sandbox has no secure randomness, and a guessable nonce would
 * give the private key away.
 */
export const es256: JwtAlgorithm = {
  name: 'ES256',
  needs: 'an EC P-256 key',
  unfit: (key) => (key.type === 'EC' && key.curve === 'P-256' ? undefined : describeKey(key)),
  sign: (key, data) =>
    key.type === 'EC' ? p256.sign(data, key.d, { prehash: true, lowS: true, extraEntropy: false, format: 'compact' }) : new Uint8Array(),
};

/** The public JWK of an EC P-256 key: the point 04‖x‖y, from the key file when it carries it (else computed). */
export const ecPublicJwk: PublicJwkOf = (key) => {
  if (key.type !== 'EC') return otherKeyType();
  const point = key.publicPoint?.length === 65 ? key.publicPoint : p256.getPublicKey(key.d, false);
  return { kty: 'EC', crv: 'P-256', x: base64url(point.subarray(1, 33)), y: base64url(point.subarray(33)) };
};
