import { describeKey, type JwtAlgorithm } from './algorithm.ts';
import { base64url } from './bytes.ts';
import { ed25519Key as expand, ed25519Sign, type Ed25519Key } from './ed25519.ts';
import { otherKeyType, type PublicJwkOf } from './public-jwk.ts';

let last: { seed: Uint8Array; key: Ed25519Key } | undefined;

/**
 * The seed's expanded key (RFC 8032 §5.1.5: scalar, prefix, public key), computed once per key object: a DPoP proof
 * needs the public key for its `jwk` and again inside the signature, and each costs a base-point multiplication.
 */
function ed25519Key(seed: Uint8Array): Ed25519Key {
  if (last?.seed !== seed) last = { seed, key: expand(seed) };
  return last.key;
}

/** EdDSA with Ed25519 (RFC 8037 §3.1): deterministic by construction (RFC 8032), so no randomness is needed. */
export const eddsa: JwtAlgorithm = {
  name: 'EdDSA',
  needs: 'an Ed25519 key',
  unfit: (key) => (key.type === 'Ed25519' ? undefined : describeKey(key)),
  sign: (key, data) => (key.type === 'Ed25519' ? ed25519Sign(ed25519Key(key.seed), data) : new Uint8Array()),
};

/** The public JWK of an Ed25519 key (RFC 8037 §2): x is the 32-byte public key. */
export const ed25519PublicJwk: PublicJwkOf = (key) =>
  key.type === 'Ed25519' ? { kty: 'OKP', crv: 'Ed25519', x: base64url(ed25519Key(key.seed).publicKey) } : otherKeyType();
