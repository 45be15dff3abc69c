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
    let key: SigningKey;
    try {
      key = algorithm.name === 'HS256' ? { type: 'secret', bytes: utf8Bytes(input.key) } : readPrivateKey(input.key);
    } catch (error) {
      const why = error instanceof KeyProblem ? error.message : 'cannot be read as a PEM private key';
      return { problem: `the private key in ${input.keyVariable} ${why}` };
    }
    const unfit = algorithm.unfit(key);
    if (unfit) {
      return { problem: `${input.keyVariable} ${unfit}, but ${algorithm.name} needs ${algorithm.needs} (auth.assertion.algorithm)` };
    }
    // `alg` always names the algorithm used, whatever extra header fields say.
    const header = { alg: algorithm.name, typ: 'JWT', ...input.header };
    header.alg = algorithm.name;
    const signingInput = `${encodeJson(header)}.${encodeJson(input.claims)}`;
    try {
      return { jwt: `${signingInput}.${base64url(algorithm.sign(key, utf8Bytes(signingInput)))}` };
    } catch {
      // A library message could quote key material: say only what failed.
      return { problem: `${input.keyVariable} holds a key ${algorithm.name} cannot sign with (invalid key values)` };
    }
  };
}

function encodeJson(value: Record<string, unknown>): string {
  return base64url(utf8Bytes(JSON.stringify(value)));
}
