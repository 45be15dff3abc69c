import { PKCS1_SHA256 } from 'micro-rsa-dsa-dh/rsa.js';
import { unfitRsaKey, type JwtAlgorithm } from './algorithm.ts';

/** RS256: RSASSA-PKCS1-v1_5 with SHA-256 (deterministic, no randomness needed). */
export const rs256: JwtAlgorithm = {
  name: 'RS256',
  needs: 'an RSA key',
  unfit: unfitRsaKey,
  sign: (key, data) => (key.type === 'RSA' ? PKCS1_SHA256.sign({ n: key.n, d: key.d }, data) : new Uint8Array()),
};
