import { ed25519 } from '@noble/curves/ed25519.js';
import { describeKey, type JwtAlgorithm } from './algorithm.ts';

// A signature runs once per script execution, and every execution starts from a fresh library: noble's default
// base-point table (built on first use, for reuse) costs ten times the single multiplication it speeds up.
ed25519.Point.BASE.precompute(1);

/** EdDSA with Ed25519 (RFC 8037 §3.1): deterministic by construction (RFC 8032), so no randomness is needed. */
export const eddsa: JwtAlgorithm = {
  name: 'EdDSA',
  needs: 'an Ed25519 key',
  unfit: (key) => (key.type === 'Ed25519' ? undefined : describeKey(key)),
  sign: (key, data) => (key.type === 'Ed25519' ? ed25519.sign(data, key.seed) : new Uint8Array()),
};
