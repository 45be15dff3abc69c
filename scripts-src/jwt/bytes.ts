import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

// Newman's sandbox has neither TextEncoder nor Buffer's base64url: both conversions go through hex and the
// sandbox's Buffer, which exists in both sandboxes.

/** UTF-8 bytes of a string. */
export function utf8Bytes(text: string): Uint8Array {
  return hexToBytes(Buffer.from(text, 'utf8').toString('hex'));
}

/** Bytes of standard or URL-safe base64 text; whitespace is ignored. */
export function base64Bytes(text: string): Uint8Array {
  const standard = text.replace(/\s+/g, '').replace(/-/g, '+').replace(/_/g, '/');
  return hexToBytes(Buffer.from(standard, 'base64').toString('hex'));
}

/** Base64url without padding (RFC 7515 §2), as JWS uses. */
export function base64url(bytes: Uint8Array): string {
  return Buffer.from(bytesToHex(bytes), 'hex').toString('base64').replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}
