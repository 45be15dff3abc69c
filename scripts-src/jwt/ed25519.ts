import { sha512 } from './hash.ts';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';

// Ed25519 signing (RFC 8032 §5.1) for the sandbox, small enough to read in one sitting. A DPoP proof signs once per
// HTTP request, in a script evaluated afresh each time and run cold: with a general curve library (@noble/curves,
// 80 KB of script with noble's hashes) a proof cost 12–19 ms of CPU in the sandbox (bench/jwt.mjs), spent evaluating
// the library and in two base-point multiplications of 256 doublings and additions each. Here the base point is
// multiplied with a comb of 31 constant points (52 doublings and 52 additions), the inverse that encoding a point
// needs takes the usual addition chain, and SHA-512 is the sandbox's own (hash.ts). Signing only: nothing is decoded
// or verified here; the tests hold every signature to Node's, which RFC 8032 makes unique.

/** The field prime 2^255 - 19 and the order L of the base point (RFC 8032 §5.1). */
const P = 2n ** 255n - 19n;
const L = 2n ** 252n + 27742317777372353535851937790883648493n;
/** 2·d mod P, d = -121665/121666 the curve constant. */
const D2 = 16295367250680780974490674513165176452449235426866156013048779062215315747161n;

/** A point in extended coordinates (X, Y, Z, T): x = X/Z, y = Y/Z, x·y = T/Z. */
type Point = readonly [bigint, bigint, bigint, bigint];
const IDENTITY: Point = [0n, 1n, 1n, 0n];

// Every number below stays in [0, P) and every difference is taken with P added, so a plain `% P` reduces: no sign
// to fix, no call (this code runs cold, once per request).

/** RFC 8032 §5.1.4 point doubling: the same as adding a point to itself, with two multiplications fewer. */
function double([x, y, z]: Point): Point {
  const a = (x * x) % P;
  const b = (y * y) % P;
  const c = (2n * z * z) % P;
  const h = a + b;
  const e = h + P - ((x + y) * (x + y)) % P;
  const g = a + P - b;
  const f = c + g;
  return [(e * f) % P, (g * h) % P, (f * g) % P, (e * h) % P];
}

/**
 * The comb of the base point B: 5 teeth 52 bits apart. Entry j (1–31) is the sum of 2^(52·i)·B over the bits i of j,
 * as affine (x, y) in hex. test/jwt/ed25519.test.ts computes them from B again, with other formulas.
 */
const COMB_AFFINE: readonly [string, string][] = [
  ['216936d3cd6e53fec0a4e231fdd6dc5c692cc7609525a7b2c9562d608f25d51a', '6666666666666666666666666666666666666666666666666666666666666658'], // 1
  ['006b2bd5d00fab38ceca21a27d6aaec82626b14b555d859527718f8ca404eba4', '727340c27a15f6ab3d80547f0827c56ab1ba33bc30d1ef3909ea9a3af10c67e5'], // 2
  ['76491e19a59d57038daa45d70f113684d5c3c1df71a0976b9ff384c206cde12b', '2e708328f0c64e10d6def396eaac37949eaf0280f239c73538a0d87fb38bf562'], // 3
  ['1924416956ea2c1269062588569b18178011ea7cba1a3266284f48aa01d5a90f', '0c8e28127b7dcdd206fb6fee96eb88cfc7db7319826ac8cdb8b1fb8adaf021de'], // 4
  ['2f260fe1ffdad8d5f9de1ae5bdeebe4083af24413652c9960da533f3426766bb', '696a8fb93f86276945d3f5f1aef845942f7eff58b5a60cf3e5b178368e991581'], // 5
  ['604fedb1211a0f1448b020c4476dc3fdd77655bd82b6c44e790bb3bd2f6148ef', '546875ffc777384c5d1f2864ebe3f9bebc4e6e57d2699e0b26378800cb8088aa'], // 6
  ['78bcdd40668ebf893dca94c65b2cb78ee7682756ff2eaad629b9c3837ed43690', '3be8972a90bbae5ec5cc7cbfeaea5078b01527f549fac58d5be474ad26b5b2f9'], // 7
  ['31a75b21cb532622a7caf9e29e652ac4e47b1450edf6655acaf3797b55a7ca46', '77006e7cf104982f8865081a2ff8a6911546755e31c3586353b0bd0826c5d790'], // 8
  ['6deddddfe53505b1db9dcded79f55e631a0e5e0198a6f34f2995619684e7ab59', '1b8372855822d4487ec3f6b8899162b5f9fb634156046d498ef9052573cf2e9e'], // 9
  ['30740cf4060989c5d756baf530e2603ae146faf2959d54581e514f7b11835fd0', '2eaafc4f56133fb52599e74eb84d08a9c5be08fa1810f6ac996d9ac07136c42a'], // 10
  ['5e2db72f643e5fa7147a5014cb799194ada9e945412249ab82ff842944b5a06c', '1ddbc7ceeb46263682fc709e2a09ca64471fddbf2ef037d1d27d9a01b1912ae8'], // 11
  ['3f377ae3c5ae632126993c62d7ee58c64fce99d9c2f56c148555ce4a25bf838e', '73ab2024c06617b215c0fbe7098cc0eaaad28766540ece8c2b2cd460a9ef7c30'], // 12
  ['23fc7a1dd90b575711084edb5d7ceded41f2911f49ecc163bc2d0f61b4f66ae8', '6242d0e853db39ca350a0131fad7a9e84a3ec28cb6da92b4749fa8fda464976b'], // 13
  ['7b7c15d371b511e69c7a2899a390d0bde42facbc636cdb2e8778d9b0a77d267d', '171319c46b9349a6898048c55ff5fc8783994d079b56aec05dacb300729c7ec1'], // 14
  ['3f5e34b27fc6132ef1545d2a54be727ff2235f525eb8f0373fdb72ed2fa59f31', '7cebe83a76917a7415d5260dd40cf3104f56c0010ec843c1ec1673a0539a078a'], // 15
  ['3328bc121616a9477165ed282053d203c24f4826076c638a2c6723d42c9bfadb', '2bbf3f26c21b5cb273e5f4f0114c6718c5eb7291939b7697c74333cdfafac039'], // 16
  ['3a8e79a3c32121b053a64f04e4385ee7f2a45bb4e527fcabb4507262c8c3f2dc', '234445dc78cddfc527eabdad946cacbeaad57ff2555823dba8949af433901a0a'], // 17
  ['46d0ee418d6f570d3cfcb2b60efb8fa4c0847696256fdcd49bca48d994c6c6eb', '73ad3c8b344cb9f6368aa9f2d00c026683d51ab03c3ecc2e2d13fddf80f584f5'], // 18
  ['6b5717b29a194bbe9a284323e8b84ad91ebe1e3feafe21a70cdbe9a294a58aa4', '3e40572a1514135682c344bf4b0e0ed06f2346d73ed431e5bc417b38d79e43f3'], // 19
  ['75c769a1f601389bd9f2609b11e75e4aa9d0b715ec38b2a35807e576fc123bc0', '11582b798f6ee88f40756da399c69fc8ddad1a8065678e37fccdcad9754abd2f'], // 20
  ['658e0d40d828fc141b88f0f8224b4061746f6f82a644a8b0576768d7a6d3ec50', '7663d2705ee2d9c565dbb9841643bdfc2d50bd2f252d07b4ba63a137521df822'], // 21
  ['153b22842362d5f8ade26f7428a7c77f276c318f8429c5da0b1d4966a24f94fb', '4a828d8794bf7aa552c851b901715cc534a8c1fd4f9ac63252bed824c57944a8'], // 22
  ['51f9567fd0bcf882ebe1b36a6a1ed9b81c948d67d7a4c7c9a5fe24b303a93577', '4f10d51da9d307c25acb6b3202f88b2ef805e8f900bdddc32fa9e228646548c6'], // 23
  ['44c12ecafd95b465083861d90a2e2522d3cefab397cd0eba44d1a65f2689f497', '02b171de22b051bd634047b0718bbd79d550f7c94b5b59cac93755870e6c677e'], // 24
  ['7576afeda963aafb05dedd33b90b18d166c96ed6564714a22501e700f044f434', '4776231d77830adacc24e55545652afb5248ee0e65f9a046c6db992b14694058'], // 25
  ['5bd6e8e870db9b47ee05b0d5b21fc78a857d95ebc2ff45df59c65c16abd723fb', '723b282f17dc6caba45b36a2117967cd5b0dc1933d997c23bdc624d1c060b8d4'], // 26
  ['5dca48d6104e39974588c5b7b2d3f5fb29a042dd2e0e4e08ddad9f94bb52ce5d', '23309c42518473cd83dc64891d5d5d883a651c050d18a4f8c4dfc9767e968a34'], // 27
  ['0a770de10f8116d10d7ba91a3dec1491da02e011bde3504b9f00c8ea8968c7ff', '66328e87821223ce043a72e427b96b4cc05cd1549a7c8cdca83f1cf45688ec45'], // 28
  ['0155c8a1b5265f56d2d3e621db856bca91bee3206484a3389955e04a30a3a376', '536c58533b87c91a2ebbf0269d55b34e1c533d73ffca6e37612b4de7cbc3863f'], // 29
  ['443d08f4d4e353ba4a26b0eda9d7d8e64ff56ef19d85b6512f5e0ce4c8abd58c', '324412f91b7a9a19c3d16f8c369dfb53fd698c95b6197d618188d95d10a2b2d5'], // 30
  ['59f27754c096463431aba23e1b4c9ad4df09da5a29a6bf0ae97ba1a2c5ce4582', '19b05b30a0180ec274648d14688eb15eec4c8e265c84062a71bca51a1ced22bf'], // 31
];
const TEETH = 5;
const SPACING = 52;

/** A comb entry as an addition needs it (ref10's "precomputed" form): y - x, y + x, 2·d·x·y; entry 0 the identity. */
type Precomputed = readonly [bigint, bigint, bigint];
const COMB: Precomputed[] = [
  [1n, 1n, 0n],
  ...COMB_AFFINE.map(([hx, hy]): Precomputed => {
    const x = BigInt(`0x${hx}`);
    const y = BigInt(`0x${hy}`);
    return [(y + P - x) % P, (y + x) % P, (((x * y) % P) * D2) % P];
  }),
];

/**
 * RFC 8032 §5.1.4 point addition of a point and a comb entry, whose Z is 1 and whose other products are made: seven
 * multiplications where two points in extended coordinates take ten. Complete: the identity entry adds nothing.
 */
function addEntry([x, y, z, t]: Point, [yMinusX, yPlusX, xy2d]: Precomputed): Point {
  const a = ((y + P - x) * yMinusX) % P;
  const b = ((y + x) * yPlusX) % P;
  const c = (t * xy2d) % P;
  const d = 2n * z;
  const e = b + P - a;
  const f = d + P - c;
  const g = d + c;
  const h = b + a;
  return [(e * f) % P, (g * h) % P, (f * g) % P, (e * h) % P];
}

/**
 * n·B for 0 <= n < 2^260: bit t of each of the five 52-bit fifths of n picks a comb entry, from t = 51 down, the sum
 * doubled before each. The identity is added for a zero pick: the same work whatever the bits.
 */
function multiplyBase(n: bigint): Point {
  const bits = n.toString(2).padStart(TEETH * SPACING, '0');
  let sum = IDENTITY;
  for (let t = SPACING - 1; t >= 0; t--) {
    sum = double(sum);
    let entry = 0;
    for (let i = TEETH - 1; i >= 0; i--) entry = (entry << 1) | (bits[bits.length - 1 - (t + SPACING * i)] === '1' ? 1 : 0);
    sum = addEntry(sum, COMB[entry]!);
  }
  return sum;
}

/** x^(2^n) mod P: n squarings. */
function squarings(x: bigint, n: number): bigint {
  let result = x;
  for (let i = 0; i < n; i++) result = (result * result) % P;
  return result;
}

/**
 * 1/z mod P as z^(P-2) (Fermat), P - 2 = 2^255 - 21 by the usual addition chain: 254 squarings and 11 multiplications,
 * where square-and-multiply over its 250-odd one bits takes twice the multiplications.
 */
function invert(z: bigint): bigint {
  const z2 = (z * z) % P;
  const z9 = (squarings(z2, 2) * z) % P;
  const z11 = (z9 * z2) % P;
  const z2_5 = (squarings(z11, 1) * z9) % P; // z^(2^5 - 1)
  const z2_10 = (squarings(z2_5, 5) * z2_5) % P; // z^(2^10 - 1)
  const z2_20 = (squarings(z2_10, 10) * z2_10) % P;
  const z2_40 = (squarings(z2_20, 20) * z2_20) % P;
  const z2_50 = (squarings(z2_40, 10) * z2_10) % P;
  const z2_100 = (squarings(z2_50, 50) * z2_50) % P;
  const z2_200 = (squarings(z2_100, 100) * z2_100) % P;
  const z2_250 = (squarings(z2_200, 50) * z2_50) % P;
  return (squarings(z2_250, 5) * z11) % P; // z^(2^255 - 2^5 + 11) = z^(P - 2)
}

/** RFC 8032 §5.1.2: y little-endian in 32 bytes, the top bit the sign (low bit) of x. */
function encodePoint([x, y, z]: Point): Uint8Array {
  const inverse = invert(z);
  const bytes = bytesLE((y * inverse) % P, 32);
  const xSign = ((x * inverse) % P) & 1n;
  bytes[31]! |= Number(xSign) << 7;
  return bytes;
}

/** The number whose little-endian bytes these are. */
function numberLE(bytes: Uint8Array): bigint {
  return BigInt(`0x${bytesToHex(Uint8Array.from(bytes).reverse()) || '0'}`);
}

/** n (< 256^length) as `length` little-endian bytes. */
function bytesLE(n: bigint, length: number): Uint8Array {
  return hexToBytes(n.toString(16).padStart(length * 2, '0')).reverse();
}

/** A private key expanded once (RFC 8032 §5.1.5): the secret scalar, the prefix of the nonces, the public key. */
export interface Ed25519Key {
  scalar: bigint;
  prefix: Uint8Array;
  /** The encoded public key A (the JWK's `x`). */
  publicKey: Uint8Array;
}

/** RFC 8032 §5.1.5: the key of a 32-byte seed (the private key PKCS#8 carries). */
export function ed25519Key(seed: Uint8Array): Ed25519Key {
  const hash = sha512(seed);
  const head = hash.slice(0, 32);
  head[0]! &= 248;
  head[31]! &= 127;
  head[31]! |= 64;
  const scalar = numberLE(head);
  return { scalar, prefix: hash.slice(32), publicKey: encodePoint(multiplyBase(scalar)) };
}

/** RFC 8032 §5.1.6: the signature R || S of `message`, deterministic (no randomness). */
export function ed25519Sign(key: Ed25519Key, message: Uint8Array): Uint8Array {
  const r = numberLE(sha512(concatBytes(key.prefix, message))) % L;
  const encodedR = encodePoint(multiplyBase(r));
  const k = numberLE(sha512(concatBytes(encodedR, key.publicKey, message))) % L;
  return concatBytes(encodedR, bytesLE((r + k * key.scalar) % L, 32));
}
