import type { KeyObject } from 'node:crypto';
import { jwkThumbprint, type PublicJwk } from './jwk-thumbprint.js';
import { newKeyPair } from './key-pair.js';

/** The algorithms `keygen` makes keys for (DESIGN: `keygen`). */
export const KEYGEN_ALGORITHMS = ['ES256', 'EdDSA', 'RS256', 'PS256'] as const;
/** One of `KEYGEN_ALGORITHMS`. */
export type KeygenAlgorithm = (typeof KEYGEN_ALGORITHMS)[number];

/** The public JWK `keygen` prints: the key, `kid` (its RFC 7638 thumbprint), `alg` and `use: sig`. */
export type RegisteredJwk = PublicJwk & { kid: string; alg: KeygenAlgorithm; use: 'sig' };

/** A fresh key pair: the private key as PKCS#8 PEM and the public JWK to register with the identity provider. */
export interface GeneratedKey {
  privateKeyPem: string;
  publicJwk: RegisteredJwk;
}

/** RFC 7518 §3.3 asks for 2048 bits at least; 3072 would double the signing time in the sandbox for no gain a test needs. */
const RSA_BITS = 2048;

/**
 * A fresh signing key from Node's crypto: plain `rsa` (one key serves RS256 and PS256), EC P-256 for ES256,
 * Ed25519 for EdDSA.
 */
export function generateSigningKey(algorithm: KeygenAlgorithm = 'ES256'): GeneratedKey {
  const { privateKey, publicKey } =
    algorithm === 'ES256'
      ? newKeyPair('ec', { namedCurve: 'P-256' })
      : algorithm === 'EdDSA'
        ? newKeyPair('ed25519')
        : newKeyPair('rsa', { modulusLength: RSA_BITS });
  const jwk = publicJwk(publicKey);
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicJwk: { ...jwk, kid: jwkThumbprint(jwk), alg: algorithm, use: 'sig' },
  };
}

/** The public key's JWK members, in the order RFC 7517's examples use. */
function publicJwk(key: KeyObject): PublicJwk {
  const jwk = key.export({ format: 'jwk' });
  if (jwk.kty === 'RSA') return { kty: 'RSA', n: jwk.n!, e: jwk.e! };
  if (jwk.kty === 'EC') return { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! };
  return { kty: 'OKP', crv: 'Ed25519', x: jwk.x! };
}
