import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { describeKey, type JwtAlgorithm } from './algorithm.ts';

/** HS256: HMAC with SHA-256, keyed with the client secret (client_secret_jwt). */
export const hs256: JwtAlgorithm = {
  name: 'HS256',
  needs: 'the client secret',
  unfit: (key) => (key.type === 'secret' ? undefined : describeKey(key)),
  sign: (key, data) => (key.type === 'secret' ? hmac(sha256, key.bytes, data) : new Uint8Array()),
};
