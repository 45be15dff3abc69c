import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  type KeyObject,
  type RSAKeyPairOptions,
} from 'node:crypto';

/** A key pair as Node's KeyObjects. */
export interface KeyPair {
  privateKey: KeyObject;
  publicKey: KeyObject;
}

const PEM = {
  publicKeyEncoding: { type: 'spki', format: 'pem' },
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
} as const;

/**
 * `generateKeyPairSync(type, options)`, as KeyObjects that share nothing with the job that generated them: every
 * key pair in gen-collection, its tests and its bench comes from here.
 *
 * Node's key-pair job locks the generated key's mutex in its native destructor (`~KeyPairGenConfig`, Node 20
 * and, as of this writing, main), which runs when the garbage collector frees the job. The KeyObjects that
 * `generateKeyPairSync` returns share that mutex, and exporting one (`export({ format: 'jwk' })`) holds it while
 * it allocates. A collection in that window frees the job and locks the mutex its own thread holds: the process
 * hangs for good. Seen as a test file blocked in oidc-provider's setup until CI's limit, twice; the stall guard's
 * native stacks showed the main thread in `~KeyGenJob` → `uv_mutex_lock`, from a GC weak callback, inside an
 * allocation. Generated as PEM text and read back, the keys get data and a mutex of their own.
 */
export function newKeyPair(type: 'rsa', options: { modulusLength: number }): KeyPair;
export function newKeyPair(type: 'ec', options: { namedCurve: string }): KeyPair;
export function newKeyPair(type: 'ed25519' | 'ed448'): KeyPair;
export function newKeyPair(
  type: 'rsa' | 'ec' | 'ed25519' | 'ed448',
  options: { modulusLength?: number; namedCurve?: string } = {},
): KeyPair {
  // the overloads of generateKeyPairSync take one literal type each
  const pem = generateKeyPairSync(type as 'rsa', { ...options, ...PEM } as RSAKeyPairOptions<'pem', 'pem'>);
  return { privateKey: createPrivateKey(pem.privateKey), publicKey: createPublicKey(pem.publicKey) };
}
