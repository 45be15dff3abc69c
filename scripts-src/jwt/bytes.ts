import { hexToBytes } from '@noble/hashes/utils.js';

// Newman's sandbox has neither TextEncoder nor Buffer's base64url: text and base64 come in through hex and the
// sandbox's Buffer, which every runtime has; base64url goes out by hand.

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return hexToBytes(Buffer.from(text, 'utf8').toString('hex'));
}

/** Bytes of standard or URL-safe base64 text; whitespace is ignored. */
export function base64Bytes(text: string): Uint8Array {
  const standard = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  return hexToBytes(Buffer.from(standard, 'base64').toString('hex'));
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * Base64url without padding (RFC 7515 §2), as JWS uses: written here, three bytes at a time (through hex and the
 * sandbox's Buffer it was a tenth of an EdDSA DPoP proof's time, --cpu-prof).
 */
export function base64url(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    text += BASE64URL[n >> 18]! + BASE64URL[(n >> 12) & 63]!;
    if (i + 1 < bytes.length) text += BASE64URL[(n >> 6) & 63]!;
    if (i + 2 < bytes.length) text += BASE64URL[n & 63]!;
  }
  return text;
}
