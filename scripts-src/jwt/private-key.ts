import { base64Bytes } from './bytes.ts';
import { DER, readDer, readInteger, readOid, readSequence, type DerElement } from './der.ts';

/**
 * A private key read from PEM: RSA (modulus, public and private exponents), EC (the scalar) or Ed25519 (the
 * 32-byte seed of RFC 8032).
 */
export type PrivateKey =
  | { type: 'RSA'; n: bigint; e: bigint; d: bigint; bits: number; crt?: RsaCrt }
  | { type: 'EC'; curve: string; d: Uint8Array; publicPoint?: Uint8Array }
  | { type: 'Ed25519'; seed: Uint8Array };

/** An RSA key's primes and CRT exponents (RFC 8017 §3.2): a signature with them costs a third of one without. */
export interface RsaCrt {
  p: bigint;
  q: bigint;
  dp: bigint;
  dq: bigint;
  qinv: bigint;
}

/** Why a key could not be used; the message never quotes the key. */
export class KeyProblem extends Error {}

const RSA_ENCRYPTION = '1.2.840.113549.1.1.1';
const EC_PUBLIC_KEY = '1.2.840.10045.2.1';
const ED25519 = '1.3.101.112';
/** Curve OIDs and the names messages use for them. */
const CURVES: Record<string, string> = {
  '1.2.840.10045.3.1.7': 'P-256',
  '1.3.132.0.34': 'P-384',
  '1.3.132.0.35': 'P-521',
  '1.3.132.0.10': 'secp256k1',
};

/**
 * Reads a PEM private key: PKCS#8 (`PRIVATE KEY`), PKCS#1 (`RSA PRIVATE KEY`) or SEC1 (`EC PRIVATE KEY`).
 * Literal `\n` escapes (a key copied from a JSON file or passed in one `--env-var`) count as line breaks.
 */
export function readPrivateKey(text: string): PrivateKey {
  const pem = text.replace(/\\r/g, '').replace(/\\n/g, '\n');
  const block = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/.exec(pem);
  if (!block) {
    if (/-----BEGIN /.test(pem)) throw new KeyProblem('has a PEM header without a matching END line');
    throw new KeyProblem('is not a PEM key (expected a PRIVATE KEY block from its -----BEGIN line to its -----END line)');
  }
  const label = block[1]!;
  const body = block[2]!;
  if (/^Proc-Type:/m.test(body)) throw new KeyProblem('is an encrypted PEM key: decrypt it first (openssl pkey -in key.pem -out plain.pem)');
  const der = base64Bytes(body);
  try {
    switch (label) {
      case 'PRIVATE KEY':
        return readPkcs8(der);
      case 'RSA PRIVATE KEY':
        return readPkcs1(readDer(der)[0]);
      case 'EC PRIVATE KEY':
        return readSec1(readDer(der)[0], undefined);
    }
  } catch (error) {
    if (error instanceof KeyProblem) throw error;
    throw new KeyProblem(`is a damaged ${label} (its DER content does not parse)`);
  }
  if (label === 'ENCRYPTED PRIVATE KEY') throw new KeyProblem('is an encrypted PKCS#8 key: decrypt it first (openssl pkcs8 -topk8 -nocrypt -in key.pem)');
  if (label === 'PUBLIC KEY' || label === 'RSA PUBLIC KEY' || label === 'CERTIFICATE') {
    throw new KeyProblem(`holds a ${label.toLowerCase()}, not the private key`);
  }
  throw new KeyProblem(`is a "${label}" PEM block; expected PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY`);
}

/** PKCS#8 PrivateKeyInfo: version, algorithm identifier, the key in the algorithm's own format. */
function readPkcs8(der: Uint8Array): PrivateKey {
  const [, algorithm, key] = readSequence(readDer(der)[0]);
  const [oid, parameters] = readSequence(algorithm);
  const type = readOid(oid);
  if (key?.tag !== DER.octetString) throw new Error('expected the key OCTET STRING');
  if (type === RSA_ENCRYPTION) return readPkcs1(readDer(key.content)[0]);
  if (type === EC_PUBLIC_KEY) return readSec1(readDer(key.content)[0], parameters);
  if (type === ED25519) return readEd25519(readDer(key.content)[0]);
  throw new KeyProblem(`is a PKCS#8 key of algorithm ${type}; expected RSA, EC or Ed25519`);
}

/** PKCS#1 RSAPrivateKey: version, n, e, d, p, q, dp, dq, qinv. */
function readPkcs1(element: DerElement | undefined): PrivateKey {
  const [, n, e, d, p, q, dp, dq, qinv] = readSequence(element);
  const modulus = readInteger(n);
  const crt = qinv
    ? { p: readInteger(p), q: readInteger(q), dp: readInteger(dp), dq: readInteger(dq), qinv: readInteger(qinv) }
    : undefined;
  return { type: 'RSA', n: modulus, e: readInteger(e), d: readInteger(d), bits: modulus.toString(2).length, crt };
}

/** RFC 8410 §7 CurvePrivateKey: the seed, an OCTET STRING inside the PKCS#8 key's OCTET STRING. */
function readEd25519(element: DerElement | undefined): PrivateKey {
  if (element?.tag !== DER.octetString || element.content.length !== 32) {
    throw new Error('expected a 32-byte Ed25519 seed');
  }
  return { type: 'Ed25519', seed: element.content };
}

/**
 * SEC1 ECPrivateKey: version, the scalar, [0] the curve (or the PKCS#8 algorithm parameters), [1] the public
 * key. The public point, when present (OpenSSL and Node write it), spares the DPoP proof a scalar multiplication.
 */
function readSec1(element: DerElement | undefined, pkcs8Curve: DerElement | undefined): PrivateKey {
  const fields = readSequence(element);
  const scalar = fields[1];
  if (scalar?.tag !== DER.octetString) throw new Error('expected the EC private key OCTET STRING');
  const tagged = fields.find((field) => field.tag === DER.context0);
  const curveOid = pkcs8Curve?.tag === DER.oid ? pkcs8Curve : tagged ? readDer(tagged.content)[0] : undefined;
  if (!curveOid) throw new KeyProblem('is an EC key that does not name its curve');
  const oid = readOid(curveOid);
  const publicKey = fields.find((field) => field.tag === DER.context1);
  const bits = publicKey ? readDer(publicKey.content)[0] : undefined;
  // A BIT STRING: one byte of unused-bit count (0), then the uncompressed point 04‖x‖y.
  const publicPoint = bits?.tag === DER.bitString && bits.content[0] === 0 ? bits.content.subarray(1) : undefined;
  return { type: 'EC', curve: CURVES[oid] ?? oid, d: scalar.content, publicPoint };
}
