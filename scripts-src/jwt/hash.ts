// SHA-2 from the sandbox's own crypto-js, which every runtime the scripts run in has (Newman's sandbox, the Postman
// app's and CLI's, Bruno's two: shared/SANDBOX-FACTS.md) and loads once per sandbox. A bundled hash library is
// evaluated again with every script and runs cold each time: in an EdDSA DPoP proof, noble's SHA-512 and SHA-256
// were 11 KB of the script and a quarter of its signing time (--cpu-prof). The algorithms whose libraries bring
// their own hashing (ES256's curve, PS256's MGF1, HS256's HMAC) keep it.

/** A crypto-js hasher by name, over bytes: in as a typed array (crypto-js's lib-typedarrays), out from its words. */
function digest(name: 'SHA256' | 'SHA512', bytes: Uint8Array): Uint8Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a sandbox module, left a require call
  const CryptoJS = require('crypto-js');
  const words: number[] = CryptoJS[name](CryptoJS.lib.WordArray.create(bytes)).words;
  const out = new Uint8Array(words.length * 4);
  for (let i = 0; i < out.length; i++) out[i] = (words[i >>> 2]! >>> (24 - 8 * (i & 3))) & 0xff;
  return out;
}

/** SHA-256 (FIPS 180-4) of `bytes`. */
export const sha256 = (bytes: Uint8Array): Uint8Array => digest('SHA256', bytes);
/** SHA-512 (FIPS 180-4) of `bytes`. */
export const sha512 = (bytes: Uint8Array): Uint8Array => digest('SHA512', bytes);
