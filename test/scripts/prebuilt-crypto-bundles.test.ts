import { describe, expect, it } from 'vitest';
import { checkCryptoInputs } from '../../src/scripts/prebuilt-crypto-bundles.js';

describe('checkCryptoInputs: a crypto bundle inlines only the packages whose versions its digest covers', () => {
  it.each([
    [
      'a checkout',
      ['scripts-src/jwt/rsa.ts', 'node_modules/@noble/hashes/sha2.js', 'node_modules/micro-rsa-dsa-dh/rsa.js'],
    ],
    ['npm, hoisted next to gen-collection', ['../@noble/curves/nist.js', '../@noble/hashes/utils.js']],
    ['pnpm', ['../../.pnpm/@noble+hashes@2.4.0/node_modules/@noble/hashes/utils.js']],
  ])('accepts the listed packages (%s)', (_layout, inputs) => {
    expect(() => checkCryptoInputs(inputs)).not.toThrow();
  });

  it.each([
    ['node_modules/tweetnacl/nacl-fast.js', 'tweetnacl'],
    ['../@noble/ciphers/aes.js', '@noble/ciphers'],
    ['../../.pnpm/jose@6.0.0/node_modules/jose/dist/index.js', 'jose'],
  ])('refuses %s, naming %s', (input, pkg) => {
    expect(() => checkCryptoInputs(['scripts-src/jwt/sign-jwt.ts', input])).toThrow(
      `a crypto bundle inlines ${pkg}: add it to CRYPTO_PACKAGES`,
    );
  });
});
