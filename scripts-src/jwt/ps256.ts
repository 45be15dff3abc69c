import { sha256 } from '@noble/hashes/sha2.js';
import { mgf1, PSS } from 'micro-rsa-dsa-dh/rsa.js';
import { unfitRsaKey, type JwtAlgorithm } from './algorithm.ts';

// RFC 7518 §3.5: MGF1 with SHA-256 and a salt as long as the hash. The salt comes from ./salt-bytes.ts.
const pss = PSS(sha256, mgf1(sha256), 32);

/** PS256: RSASSA-PSS with SHA-256. */
export const ps256: JwtAlgorithm = {
  name: 'PS256',
  needs: 'an RSA key',
  unfit: unfitRsaKey,
  sign: (key, data) => (key.type === 'RSA' ? pss.sign({ n: key.n, d: key.d }, data) : new Uint8Array()),
};
