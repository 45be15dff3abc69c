/** Keys of every supported format (and some unusable ones) for the signer tests, made fresh for each run. */
import { type KeyObject } from 'node:crypto';
import { newKeyPair } from '../../src/keys/key-pair.js';

export interface TestKey {
  label: string;
  /** The text a user puts into the private-key variable. */
  pem: string;
  /** Node's key, to verify with. */
  publicKey: KeyObject;
}

function rsa(bits: number): { privateKey: KeyObject; publicKey: KeyObject } {
  return newKeyPair('rsa', { modulusLength: bits });
}

function ec(namedCurve: string): { privateKey: KeyObject; publicKey: KeyObject } {
  return newKeyPair('ec', { namedCurve });
}

/** Usable keys, by the algorithm family they serve. */
export function usableKeys(): { rsa: TestKey[]; ec: TestKey[]; ed25519: TestKey[] } {
  const r1 = rsa(2048);
  const r2 = rsa(2048);
  const r3 = rsa(3072);
  const e1 = ec('P-256');
  const e2 = ec('P-256');
  const ed = newKeyPair('ed25519');
  const pkcs8 = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();
  return {
    rsa: [
      { label: 'RSA 2048 PKCS#8', pem: pkcs8(r1.privateKey), publicKey: r1.publicKey },
      {
        label: 'RSA 2048 PKCS#1',
        pem: r2.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
        publicKey: r2.publicKey,
      },
      // As in a Google service-account JSON, or a key passed in one --env-var.
      {
        label: 'RSA 3072 PKCS#8 with literal \\n escapes',
        pem: pkcs8(r3.privateKey).replace(/\n/g, '\\n'),
        publicKey: r3.publicKey,
      },
    ],
    ec: [
      { label: 'EC P-256 PKCS#8', pem: pkcs8(e1.privateKey), publicKey: e1.publicKey },
      {
        label: 'EC P-256 SEC1',
        pem: e2.privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
        publicKey: e2.publicKey,
      },
      {
        label: 'EC P-256 SEC1 with literal \\n escapes and CRLF',
        pem: e2.privateKey.export({ type: 'sec1', format: 'pem' }).toString().replace(/\n/g, '\\r\\n'),
        publicKey: e2.publicKey,
      },
    ],
    ed25519: [
      { label: 'Ed25519 PKCS#8', pem: pkcs8(ed.privateKey), publicKey: ed.publicKey },
      {
        label: 'Ed25519 PKCS#8 with literal \\n escapes',
        pem: pkcs8(ed.privateKey).replace(/\n/g, '\\n'),
        publicKey: ed.publicKey,
      },
    ],
  };
}

/** Keys the signer must refuse for an algorithm, each with a fragment the message must hold. */
export function unusableKeys(): { label: string; algorithm: string; pem: string; message: string }[] {
  const r = rsa(2048);
  const small = rsa(1024);
  const e = ec('P-256');
  const p384 = ec('P-384');
  const pkcs8 = r.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  return [
    { label: 'not PEM', algorithm: 'RS256', pem: 'hello world', message: 'is not a PEM key' },
    {
      label: 'no END line',
      algorithm: 'RS256',
      pem: pkcs8.split('-----END')[0]!,
      message: 'without a matching END line',
    },
    {
      label: 'damaged body',
      algorithm: 'RS256',
      pem: pkcs8.replace(/\n[A-Za-z0-9+/]{64}\n/, '\nAAAA\n'),
      message: 'damaged PRIVATE KEY',
    },
    {
      label: 'encrypted PKCS#8',
      algorithm: 'RS256',
      pem: r.privateKey.export({ type: 'pkcs8', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString(),
      message: 'encrypted PKCS#8 key',
    },
    {
      label: 'encrypted PKCS#1',
      algorithm: 'RS256',
      pem: r.privateKey.export({ type: 'pkcs1', format: 'pem', cipher: 'aes-256-cbc', passphrase: 'pw' }).toString(),
      message: 'encrypted PEM key',
    },
    {
      label: 'public key',
      algorithm: 'RS256',
      pem: r.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      message: 'holds a public key, not the private key',
    },
    {
      label: 'EC key for RS256',
      algorithm: 'RS256',
      pem: e.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      message: 'holds an EC P-256 key, but RS256 needs an RSA key',
    },
    {
      label: 'EC key for PS256',
      algorithm: 'PS256',
      pem: e.privateKey.export({ type: 'sec1', format: 'pem' }).toString(),
      message: 'holds an EC P-256 key, but PS256 needs an RSA key',
    },
    {
      label: 'RSA key for ES256',
      algorithm: 'ES256',
      pem: pkcs8,
      message: 'holds a 2048-bit RSA key, but ES256 needs an EC P-256 key',
    },
    {
      label: 'P-384 key for ES256',
      algorithm: 'ES256',
      pem: p384.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      message: 'holds an EC P-384 key, but ES256',
    },
    {
      label: '1024-bit RSA key',
      algorithm: 'RS256',
      pem: small.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      message: 'holds a 1024-bit RSA key; RS256 and PS256 need 2048 bits',
    },
    {
      label: 'Ed25519 key for RS256',
      algorithm: 'RS256',
      pem: newKeyPair('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      message: 'holds an Ed25519 key, but RS256 needs an RSA key',
    },
    {
      label: 'EC key for EdDSA',
      algorithm: 'EdDSA',
      pem: e.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      message: 'holds an EC P-256 key, but EdDSA needs an Ed25519 key',
    },
    {
      label: 'RSA key for EdDSA',
      algorithm: 'EdDSA',
      pem: pkcs8,
      message: 'holds a 2048-bit RSA key, but EdDSA needs an Ed25519 key',
    },
    {
      label: 'Ed448 key',
      algorithm: 'EdDSA',
      pem: newKeyPair('ed448').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
      message: 'is a PKCS#8 key of algorithm 1.3.101.113; expected RSA, EC or Ed25519',
    },
  ];
}
