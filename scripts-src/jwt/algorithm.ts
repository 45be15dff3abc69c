import type { PrivateKey } from './private-key.ts';

/** The key an algorithm signs with: a private key of one type, or the client secret's bytes. */
export type SigningKey = PrivateKey | { type: 'secret'; bytes: Uint8Array };

/** One JWS algorithm (RFC 7518 §3): the key type it needs and how it signs `header.payload`. */
export interface JwtAlgorithm {
  name: 'RS256' | 'PS256' | 'ES256' | 'HS256' | 'EdDSA';
  /** What `sign` needs, as messages name it. */
  needs: 'an RSA key' | 'an EC P-256 key' | 'an Ed25519 key' | 'the client secret';
  /** Why `key` cannot be used, or undefined when it fits. */
  unfit(key: SigningKey): string | undefined;
  sign(key: SigningKey, data: Uint8Array): Uint8Array;
}

/** RFC 7518 §3.3 and §3.5: RSA keys for RS256 and PS256 have at least 2048 bits. */
export function unfitRsaKey(key: SigningKey): string | undefined {
  if (key.type !== 'RSA') return describeKey(key);
  return key.bits < 2048 ? `holds a ${key.bits}-bit RSA key; RS256 and PS256 need 2048 bits or more` : undefined;
}

/** What a key is, for "holds … but the algorithm needs …" messages. */
export function describeKey(key: SigningKey): string {
  const what =
    key.type === 'RSA'
      ? `a ${key.bits}-bit RSA key`
      : key.type === 'EC'
        ? `an EC ${key.curve} key`
        : key.type === 'Ed25519'
          ? 'an Ed25519 key'
          : 'a secret';
  return `holds ${what}`;
}
