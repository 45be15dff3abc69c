import type { JwtAlgorithm, SigningKey } from './algorithm.ts';
import { base64url, utf8Bytes } from './bytes.ts';
import { KeyProblem, readPrivateKey } from './private-key.ts';

/** What to sign: the JWT's header fields (beside `alg`, `typ`), its claims, and the key's text. */
export interface JwtInput {
  header: Record<string, unknown>;
  claims: Record<string, unknown>;
  /** The PEM private key, or for HS256 the client secret. */
  key: string;
  /** The variable `key` came from, for messages. */
  keyVariable: string;
}

/** The signed JWT, or why none could be made (naming the variable, never quoting the key). */
export type JwtResult = { jwt: string } | { problem: string };

/** A function that signs JWTs with `algorithm` (RFC 7515 compact serialization). */
export function jwtSigner(algorithm: JwtAlgorithm): (input: JwtInput) => JwtResult {
  return (input) => {
    const loaded = loadSigningKey(algorithm, input.key, input.keyVariable, 'auth.assertion.algorithm');
    if ('problem' in loaded) return loaded;
    return signCompactJwt(algorithm, loaded.key, { typ: 'JWT', ...input.header }, input.claims, input.keyVariable);
  };
}

/**
 * The key in `text` when `algorithm` can sign with it, else why not: naming `keyVariable` and the config
 * key that chose the algorithm (`setting`), never quoting the key.
 */
export function loadSigningKey(
  algorithm: JwtAlgorithm,
  text: string,
  keyVariable: string,
  setting: string,
): { key: SigningKey } | { problem: string } {
  let key: SigningKey;
  try {
    key = algorithm.name === 'HS256' ? { type: 'secret', bytes: utf8Bytes(text) } : readPrivateKey(text);
  } catch (error) {
    const why = error instanceof KeyProblem ? error.message : 'cannot be read as a PEM private key';
    return { problem: `the private key in ${keyVariable} ${why}` };
  }
  const unfit = algorithm.unfit(key);
  if (unfit) return { problem: `${keyVariable} ${unfit}, but ${algorithm.name} needs ${algorithm.needs} (${setting})` };
  return { key };
}

/** A compact JWS of `header` and `claims`; `alg` always names the algorithm used, whatever `header` says. */
export function signCompactJwt(
  algorithm: JwtAlgorithm,
  key: SigningKey,
  header: Record<string, unknown>,
  claims: Record<string, unknown>,
  keyVariable: string,
): JwtResult {
  const fullHeader = { alg: algorithm.name, ...header };
  fullHeader.alg = algorithm.name;
  const signingInput = `${encodeJson(fullHeader)}.${encodeJson(claims)}`;
  try {
    return { jwt: `${signingInput}.${base64url(algorithm.sign(key, utf8Bytes(signingInput)))}` };
  } catch {
    // A library message could quote key material: say only what failed.
    return { problem: `${keyVariable} holds a key ${algorithm.name} cannot sign with (invalid key values)` };
  }
}

function encodeJson(value: Record<string, unknown>): string {
  return base64url(utf8Bytes(JSON.stringify(value)));
}
