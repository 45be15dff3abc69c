// The PSS salt source. micro-rsa-dsa-dh draws the salt from @noble/hashes' `randomBytes`, which requires
// `globalThis.crypto.getRandomValues`: neither sandbox exposes it there (Newman's has no Web Crypto at all).
// The bundler hands micro-rsa-dsa-dh this module instead. A PSS salt must be fresh, not secret, so
// Math.random serves where the sandbox has nothing better.
export * from '@noble/hashes/utils.js';

declare const crypto: { getRandomValues(array: Uint8Array): Uint8Array } | undefined;

/** `length` random bytes: the sandbox's Web Crypto when it has one (Postman app, CLI), else Math.random. */
export function randomBytes(length = 32): Uint8Array {
  const bytes = new Uint8Array(length);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') return crypto.getRandomValues(bytes);
  for (let i = 0; i < length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}
