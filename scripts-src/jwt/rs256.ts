import { sha256 } from './hash.ts';
import { concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import { unfitRsaKey, type JwtAlgorithm } from './algorithm.ts';
import { rsaSign } from './rsa.ts';

// RFC 8017 §9.2 note 1: the DER DigestInfo prefix for SHA-256.
const SHA256_DIGEST_INFO = hexToBytes('3031300d060960864801650304020105000420');

/** EMSA-PKCS1-v1_5 (RFC 8017 §9.2): 00 01 FF…FF 00 DigestInfo, as long as the modulus. */
function encodePkcs1(data: Uint8Array, length: number): Uint8Array {
  const digestInfo = concatBytes(SHA256_DIGEST_INFO, sha256(data));
  const padding = new Uint8Array(length - digestInfo.length - 3).fill(0xff);
  return concatBytes(Uint8Array.of(0, 1), padding, Uint8Array.of(0), digestInfo);
}

/** RS256: RSASSA-PKCS1-v1_5 with SHA-256 (deterministic, no randomness needed). */
export const rs256: JwtAlgorithm = {
  name: 'RS256',
  needs: 'an RSA key',
  unfit: unfitRsaKey,
  sign: (key, data) =>
    key.type === 'RSA' ? rsaSign(key, encodePkcs1(data, Math.ceil(key.bits / 8))) : new Uint8Array(),
};
