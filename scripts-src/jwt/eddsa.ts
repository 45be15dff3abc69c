import { ed25519 } from '@noble/curves/ed25519.js';
import { bytesToNumberLE, concatBytes } from '@noble/curves/utils.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { describeKey, type JwtAlgorithm } from './algorithm.ts';
import { base64url } from './bytes.ts';
import { otherKeyType, type PublicJwkOf } from './public-jwk.ts';

// A signature runs once per script execution, and every execution starts from a fresh library: noble's default
// base-point table (built on first use, for reuse) costs ten times the single multiplication it speeds up.
ed25519.Point.BASE.precompute(1);

type ExtendedKey = ReturnType<typeof ed25519.utils.getExtendedPublicKey>;
let last: { seed: Uint8Array; extended: ExtendedKey } | undefined;

/**
 * The seed's expanded key (RFC 8032 §5.1.5: scalar, prefix, public point), computed once per key object: a DPoP
 * proof needs the public key for its `jwk` and again inside the signature, and each costs a scalar multiplication.
 */
function ed25519Key(seed: Uint8Array): ExtendedKey {
  if (last?.seed !== seed) last = { seed, extended: ed25519.utils.getExtendedPublicKey(seed) };
  return last.extended;
}

/** RFC 8032 §5.1.6 with the expanded key given (noble's `sign` would expand it again). */
function signEd25519(key: ExtendedKey, message: Uint8Array): Uint8Array {
  const { Fn } = ed25519.Point;
  const r = Fn.create(bytesToNumberLE(sha512(concatBytes(key.prefix, message))));
  const R = ed25519.Point.BASE.multiply(r).toBytes();
  const k = Fn.create(bytesToNumberLE(sha512(concatBytes(R, key.pointBytes, message))));
  return concatBytes(R, Fn.toBytes(Fn.create(r + k * key.scalar)));
}

/** EdDSA with Ed25519 (RFC 8037 §3.1): deterministic by construction (RFC 8032), so no randomness is needed. */
export const eddsa: JwtAlgorithm = {
  name: 'EdDSA',
  needs: 'an Ed25519 key',
  unfit: (key) => (key.type === 'Ed25519' ? undefined : describeKey(key)),
  sign: (key, data) => (key.type === 'Ed25519' ? signEd25519(ed25519Key(key.seed), data) : new Uint8Array()),
};

/** The public JWK of an Ed25519 key (RFC 8037 §2): x is the 32-byte public key. */
export const ed25519PublicJwk: PublicJwkOf = (key) =>
  key.type === 'Ed25519'
    ? { kty: 'OKP', crv: 'Ed25519', x: base64url(ed25519Key(key.seed).pointBytes) }
    : otherKeyType();
