import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

// SHA-2 from the sandbox's own crypto-js, which every runtime the scripts run in has (Newman's sandbox, the Postman
// app's and CLI's, Bruno's two: shared/SANDBOX-FACTS.md) and loads once per sandbox. A bundled hash library is
// evaluated again with every script and runs cold each time: in an EdDSA DPoP proof, noble's SHA-512 and SHA-256
// were 11 KB of the script and a quarter of its signing time (--cpu-prof). The algorithms whose libraries bring
// their own hashing (ES256's curve, PS256's MGF1, HS256's HMAC) keep it.

/**
 * A crypto-js hasher by name, over bytes. In and out as hex: a typed array handed to crypto-js is told apart with
 * `instanceof`, which fails when the library comes from another realm than the script (a runner's `require`).
 */
function digest(name: 'SHA256' | 'SHA512', bytes: Uint8Array): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandbox module, left a require call
  const CryptoJS = require('crypto-js');
  return hexToBytes(CryptoJS[name](CryptoJS.enc.Hex.parse(bytesToHex(bytes))).toString(CryptoJS.enc.Hex));
}

/** SHA-256 (FIPS 180-4) of `bytes`. */
export const sha256 = (bytes: Uint8Array): Uint8Array => digest('SHA256', bytes);
/** SHA-512 (FIPS 180-4) of `bytes`. */
export const sha512 = (bytes: Uint8Array): Uint8Array => digest('SHA512', bytes);
