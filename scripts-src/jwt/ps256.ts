import { sha256 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import { mgf1 } from 'micro-rsa-dsa-dh/rsa.js';
import { unfitRsaKey, type JwtAlgorithm } from './algorithm.ts';
import { rsaSign } from './rsa.ts';
import { randomBytes } from './salt-bytes.ts';

// RFC 7518 §3.5: MGF1 with SHA-256 and a salt as long as the hash.
const HASH_LENGTH = 32;
const mask = mgf1(sha256);

/** EMSA-PSS-ENCODE (RFC 8017 §9.1.1) for a modulus of `bits` bits; the salt is fresh, not secret (salt-bytes.ts). */
function encodePss(data: Uint8Array, bits: number): Uint8Array {
  const emBits = bits - 1;
  const emLength = Math.ceil(emBits / 8);
  const salt = randomBytes(HASH_LENGTH);
  const h = sha256(concatBytes(new Uint8Array(8), sha256(data), salt));
  const db = concatBytes(new Uint8Array(emLength - 2 * HASH_LENGTH - 2), Uint8Array.of(1), salt);
  const dbMask = mask(h, { dkLen: db.length });
  for (let i = 0; i < db.length; i++) db[i]! ^= dbMask[i]!;
  db[0]! &= 0xff >> (8 * emLength - emBits);
  return concatBytes(db, h, Uint8Array.of(0xbc));
}

/** PS256: RSASSA-PSS with SHA-256. */
export const ps256: JwtAlgorithm = {
  name: 'PS256',
  needs: 'an RSA key',
  unfit: unfitRsaKey,
  sign: (key, data) => (key.type === 'RSA' ? rsaSign(key, encodePss(data, key.bits)) : new Uint8Array()),
};
