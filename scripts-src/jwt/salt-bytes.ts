// The PSS salt source: ps256.ts draws its salt here. @noble/hashes' own `randomBytes` requires
// `globalThis.crypto.getRandomValues`, which neither sandbox exposes there (Newman's has no Web Crypto at all), so
// the bundler also hands this module to micro-rsa-dsa-dh wherever it imports that one. A PSS salt must be fresh,
// not secret, so Math.random serves where the sandbox has nothing better.
export * from '@noble/hashes/utils.js';

declare const crypto: { getRandomValues(array: Uint8Array): Uint8Array } | undefined;

/** `length` random bytes: the sandbox's Web Crypto when it has one (Postman app, CLI), else Math.random. */
export function randomBytes(length = 32): Uint8Array {
  const bytes = new Uint8Array(length);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') return crypto.getRandomValues(bytes);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}
