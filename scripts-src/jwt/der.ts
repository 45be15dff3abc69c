/** One DER element: its tag byte and its content bytes. */
export interface DerElement {
  tag: number;
  content: Uint8Array;
}

/** DER tags the private-key formats use. */
export const DER = { integer: 0x02, bitString: 0x03, octetString: 0x04, oid: 0x06, sequence: 0x30, context0: 0xa0, context1: 0xa1 } as const;

/**
 * The elements one after another in `bytes` (the content of a SEQUENCE, or a whole DER document). Throws a
 * plain `Error` on malformed input; the caller turns it into a message about the variable.
 */
export function readDer(bytes: Uint8Array): DerElement[] {
  const elements: DerElement[] = [];
  let at = 0;
  while (at < bytes.length) {
    const tag = bytes[at++]!;
    let length = bytes[at++];
    if (length === undefined) throw new Error('truncated DER');
    if (length & 0x80) {
      const count = length & 0x7f;
      // Keys are far below 2^24 bytes; longer or indefinite lengths only appear in damaged input.
      if (count === 0 || count > 3) throw new Error('unsupported DER length');
      length = 0;
      for (let i = 0; i < count; i++) length = length * 256 + bytes[at++]!;
    }
    if (at + length > bytes.length) throw new Error('truncated DER');
    elements.push({ tag, content: bytes.subarray(at, at + length) });
    at += length;
  }
  return elements;
}

/** The elements inside a SEQUENCE element. */
export function readSequence(element: DerElement | undefined): DerElement[] {
  if (element?.tag !== DER.sequence) throw new Error('expected a DER SEQUENCE');
  return readDer(element.content);
}

/** A DER INTEGER as a non-negative bigint (keys hold no negative numbers). */
export function readInteger(element: DerElement | undefined): bigint {
  if (element?.tag !== DER.integer || !element.content.length) throw new Error('expected a DER INTEGER');
  let value = 0n;
  for (const byte of element.content) value = (value << 8n) | BigInt(byte);
  return value;
}

/** A DER OBJECT IDENTIFIER in dotted form, e.g. `1.2.840.113549.1.1.1`. */
export function readOid(element: DerElement | undefined): string {
  if (element?.tag !== DER.oid || !element.content.length) throw new Error('expected a DER OBJECT IDENTIFIER');
  const parts: number[] = [];
  let value = 0;
  for (const byte of element.content) {
    value = value * 128 + (byte & 0x7f);
    if (byte & 0x80) continue;
    if (!parts.length) parts.push(value < 80 ? Math.floor(value / 40) : 2, value < 80 ? value % 40 : value - 80);
    else parts.push(value);
    value = 0;
  }
  return parts.join('.');
}
