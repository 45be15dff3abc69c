import { createHash, type KeyObject } from 'node:crypto';
import { calculateJwkThumbprint, decodeProtectedHeader, EmbeddedJWK, exportJWK, jwtVerify, type JWK } from 'jose';
import { afterAll, describe, expect, it } from 'vitest';
import { generateSigningKey } from '../../src/keys/generate-key.js';
import { DPOP_PROOF_GLOBAL, dpopProofScript, type DpopAlgorithm } from '../../src/scripts/dpop-proof.js';
import { disposeSandboxes, runScript, SANDBOXES, type SandboxModule } from '../token/sandbox-harness.js';
import { newKeyPair } from '../../src/keys/key-pair.js';

const KEY_VARIABLE = 'dpop_private_key';
const NOW = 1_700_000_000;
const pkcs8 = (key: KeyObject) => key.export({ type: 'pkcs8', format: 'pem' }).toString();

/** An EC P-256 SEC1 key without its optional public key: the proof must compute the point itself. */
function sec1WithoutPublicKey(privateKey: KeyObject): string {
  const d = Buffer.from(privateKey.export({ format: 'jwk' }).d!, 'base64url');
  const der = Buffer.concat([
    Buffer.from('3031020101' + '0420', 'hex'),
    d,
    Buffer.from('a00a06082a8648ce3d030107', 'hex'),
  ]);
  return `-----BEGIN EC PRIVATE KEY-----\n${der.toString('base64')}\n-----END EC PRIVATE KEY-----\n`;
}

const rsa = newKeyPair('rsa', { modulusLength: 2048 });
const ec = newKeyPair('ec', { namedCurve: 'P-256' });
const ed = newKeyPair('ed25519');
const CASES: { algorithm: DpopAlgorithm; label: string; pem: string; publicKey: KeyObject }[] = [
  { algorithm: 'ES256', label: 'EC P-256 PKCS#8', pem: pkcs8(ec.privateKey), publicKey: ec.publicKey },
  {
    algorithm: 'ES256',
    label: 'EC P-256 SEC1 without its public key',
    pem: sec1WithoutPublicKey(ec.privateKey),
    publicKey: ec.publicKey,
  },
  { algorithm: 'EdDSA', label: 'Ed25519 PKCS#8', pem: pkcs8(ed.privateKey), publicKey: ed.publicKey },
  { algorithm: 'RS256', label: 'RSA 2048 PKCS#8', pem: pkcs8(rsa.privateKey), publicKey: rsa.publicKey },
  {
    algorithm: 'PS256',
    label: 'RSA 2048 PKCS#1',
    pem: rsa.privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey: rsa.publicKey,
  },
];

interface ProofInput {
  method: string;
  url: string;
  accessToken?: string;
  nonce?: string;
  jti: string;
}

/** Makes one proof per input in the sandbox with the bundled DPoP script; the results as it returned them. */
async function proofsInSandbox(
  sandbox: SandboxModule,
  algorithm: DpopAlgorithm,
  key: string,
  inputs: ProofInput[],
): Promise<{ proof?: string; jkt?: string; problem?: string }[]> {
  const script = `${await dpopProofScript(algorithm)}
const inputs = ${JSON.stringify(inputs)};
const results = inputs.map((input) => ${DPOP_PROOF_GLOBAL}(Object.assign({}, input, { key: pm.variables.get('${KEY_VARIABLE}'), keyVariable: '${KEY_VARIABLE}', now: ${NOW} })));
console.log(JSON.stringify(results));`;
  const run = await runScript(sandbox, { script, listen: 'prerequest', localVariables: { [KEY_VARIABLE]: key } });
  expect(run.errors).toEqual([]);
  return JSON.parse(run.console[0]!.replace(/^log: /, '')) as { proof?: string; jkt?: string; problem?: string }[];
}

const sha256url = (text: string) => createHash('sha256').update(text).digest('base64url');

afterAll(disposeSandboxes);

describe.each(SANDBOXES)('DPoP proof in $label', ({ module }) => {
  it.each(CASES)(
    '$algorithm with $label: jose verifies it with the embedded jwk',
    async ({ algorithm, pem, publicKey }) => {
      const token = 'eyJhbGciOiJFUzI1NiJ9.access-token.sig';
      const [resource, tokenRequest] = await proofsInSandbox(module, algorithm, pem, [
        {
          method: 'get',
          url: 'https://api.example.test/orders/a%20b?limit=10#top',
          accessToken: token,
          nonce: 'n-1',
          jti: 'jti-1',
        },
        { method: 'POST', url: 'https://auth.example.test/token', jti: 'jti-2' },
      ]);
      const expectedJwk = await exportJWK(publicKey);
      const jkt = await calculateJwkThumbprint(expectedJwk, 'sha256');

      const verified = await jwtVerify(resource!.proof!, EmbeddedJWK, {
        typ: 'dpop+jwt',
        algorithms: [algorithm],
        currentDate: new Date(NOW * 1000),
      });
      expect(verified.protectedHeader).toEqual({ alg: algorithm, typ: 'dpop+jwt', jwk: expectedJwk });
      expect(verified.payload).toEqual({
        jti: 'jti-1',
        htm: 'GET',
        htu: 'https://api.example.test/orders/a%20b',
        iat: NOW,
        ath: sha256url(token),
        nonce: 'n-1',
      });
      expect(resource!.jkt).toBe(jkt);

      const second = await jwtVerify(tokenRequest!.proof!, EmbeddedJWK, {
        typ: 'dpop+jwt',
        currentDate: new Date(NOW * 1000),
      });
      expect(second.payload).toEqual({ jti: 'jti-2', htm: 'POST', htu: 'https://auth.example.test/token', iat: NOW });
      expect(tokenRequest!.jkt).toBe(jkt);
    },
  );

  it.each([
    {
      algorithm: 'ES256' as const,
      pem: pkcs8(ed.privateKey),
      message: 'holds an Ed25519 key, but ES256 needs an EC P-256 key (auth.dpop.algorithm)',
    },
    {
      algorithm: 'EdDSA' as const,
      pem: pkcs8(ec.privateKey),
      message: 'holds an EC P-256 key, but EdDSA needs an Ed25519 key (auth.dpop.algorithm)',
    },
    { algorithm: 'RS256' as const, pem: '', message: 'the private key in dpop_private_key is not a PEM key' },
  ])(
    'refuses an unfit key for $algorithm, naming the variable and the setting',
    async ({ algorithm, pem, message }) => {
      const [result] = await proofsInSandbox(module, algorithm, pem, [
        { method: 'GET', url: 'https://a.test/', jti: 'j' },
      ]);
      expect(result).toEqual({ problem: expect.stringContaining(message) });
    },
  );
});

it('the embedded jwk holds the public key only, in each algorithm', async () => {
  for (const { algorithm, pem } of CASES) {
    const [result] = await proofsInSandbox('postman-sandbox-4', algorithm, pem, [
      { method: 'GET', url: 'https://a.test/', jti: 'j' },
    ]);
    const { jwk } = decodeProtectedHeader(result!.proof!) as { jwk: JWK };
    expect(Object.keys(jwk).sort()).toEqual(
      jwk.kty === 'RSA' ? ['e', 'kty', 'n'] : jwk.kty === 'EC' ? ['crv', 'kty', 'x', 'y'] : ['crv', 'kty', 'x'],
    );
  }
});

it.each(['ES256', 'EdDSA', 'RS256', 'PS256'] as const)(
  'a %s key from keygen: the proof key thumbprint is the kid keygen printed',
  async (algorithm) => {
    const key = generateSigningKey(algorithm);
    const [result] = await proofsInSandbox('postman-sandbox', algorithm, key.privateKeyPem, [
      { method: 'GET', url: 'https://a.test/', jti: 'j' },
    ]);
    expect(result!.jkt).toBe(key.publicJwk.kid);
    const { jwk } = decodeProtectedHeader(result!.proof!) as { jwk: JWK };
    const { kid: _kid, alg: _alg, use: _use, ...printed } = key.publicJwk;
    expect(jwk).toEqual(printed);
  },
);

describe('DPoP scripts', () => {
  it.each(['ES256', 'EdDSA', 'RS256', 'PS256'] as const)('%s: one constant, only its algorithm', async (algorithm) => {
    const script = await dpopProofScript(algorithm);
    expect(script.startsWith(`const ${DPOP_PROOF_GLOBAL} = (() => {\n`)).toBe(true);
    expect(script).not.toMatch(/^(import|export) /m);
    expect(script).not.toContain('node_modules');
    if (algorithm !== 'RS256' && algorithm !== 'PS256') expect(script).not.toMatch(/PKCS1|RSASP1/);
    if (algorithm !== 'ES256') expect(script).not.toMatch(/ecdsa\(/);
  });
});
