import { createHmac, createPrivateKey, sign, verify, type KeyObject } from 'node:crypto';
import { jwtVerify } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jwtSignerScript, type JwtAlgorithmName } from '../../src/scripts/jwt-signer.js';
import { disposeSandboxes, runScript, SANDBOXES, type SandboxModule } from '../token/sandbox-harness.js';
import { unusableKeys, usableKeys, type TestKey } from './signing-keys.js';

const KEY_VARIABLE = 'client_private_key';
const CLAIMS = {
  iss: 'orders-ci',
  sub: 'orders-ci',
  aud: 'https://auth.example.test/token',
  jti: 'id-1',
  iat: 1_700_000_000,
  exp: 1_700_000_060,
  note: 'é ✓',
};

const keys = usableKeys();
const refused = unusableKeys();

/** Signs CLAIMS in the sandbox with the bundled signer for `algorithm`; the result as the signer returned it. */
async function signInSandbox(
  sandbox: SandboxModule,
  algorithm: JwtAlgorithmName,
  key: string,
  header: object = {},
): Promise<{ jwt?: string; problem?: string }> {
  const script = `${await jwtSignerScript(algorithm)}
const result = ${'genCollectionSignJwt'}({ header: ${JSON.stringify(header)}, claims: ${JSON.stringify(CLAIMS)}, key: pm.variables.get('${KEY_VARIABLE}'), keyVariable: '${KEY_VARIABLE}' });
console.log(JSON.stringify(result));`;
  const run = await runScript(sandbox, { script, listen: 'prerequest', localVariables: { [KEY_VARIABLE]: key } });
  expect(run.errors).toEqual([]);
  expect(run.console).toHaveLength(1);
  return JSON.parse(run.console[0]!.replace(/^log: /, '')) as { jwt?: string; problem?: string };
}

/** Node's verdict on a compact JWS, and its decoded header and claims. */
function checkJwt(
  jwt: string,
  algorithm: JwtAlgorithmName,
  key: KeyObject | string,
): { valid: boolean; header: unknown; claims: unknown } {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const data = Buffer.from(`${header}.${payload}`);
  const sig = Buffer.from(signature, 'base64url');
  const valid =
    algorithm === 'HS256'
      ? createHmac('sha256', key as string)
          .update(data)
          .digest()
          .equals(sig)
      : algorithm === 'ES256'
        ? verify('sha256', data, { key: key as KeyObject, dsaEncoding: 'ieee-p1363' }, sig)
        : algorithm === 'EdDSA'
          ? verify(null, data, key as KeyObject, sig)
          : algorithm === 'PS256'
            ? verify(
                'sha256',
                data,
                { key: key as KeyObject, padding: 6 /* RSA_PKCS1_PSS_PADDING */, saltLength: 32 },
                sig,
              )
            : verify('sha256', data, key as KeyObject, sig);
  const decode = (part: string): unknown => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  return { valid, header: decode(header), claims: decode(payload) };
}

afterAll(disposeSandboxes);

describe.each(SANDBOXES)('JWT signer in $label', ({ module }) => {
  const cases: { algorithm: JwtAlgorithmName; key: TestKey }[] = [
    ...keys.rsa.flatMap((key) => (['RS256', 'PS256'] as const).map((algorithm) => ({ algorithm, key }))),
    ...keys.ec.map((key) => ({ algorithm: 'ES256' as const, key })),
    ...keys.ed25519.map((key) => ({ algorithm: 'EdDSA' as const, key })),
  ];

  it.each(cases)('$algorithm with $key.label: Node verifies the signature', async ({ algorithm, key }) => {
    const result = await signInSandbox(module, algorithm, key.pem, { kid: 'key-1', 'x5t#S256': 'thumb' });
    expect(result.problem).toBeUndefined();
    const jwt = checkJwt(result.jwt!, algorithm, key.publicKey);
    expect(jwt.valid).toBe(true);
    expect(jwt.header).toEqual({ alg: algorithm, typ: 'JWT', kid: 'key-1', 'x5t#S256': 'thumb' });
    expect(jwt.claims).toEqual(CLAIMS);
  });

  it('HS256 with a client secret (non-ASCII too): Node computes the same HMAC', async () => {
    const secret = 'S3cr3t:/+ é-value';
    const result = await signInSandbox(module, 'HS256', secret);
    expect(checkJwt(result.jwt!, 'HS256', secret)).toMatchObject({ valid: true, header: { alg: 'HS256', typ: 'JWT' } });
    expect(checkJwt(result.jwt!, 'HS256', 'another secret').valid).toBe(false);
  });

  it('EdDSA: jose verifies the signature with the public JWK, and signing is deterministic', async () => {
    const [ed] = keys.ed25519;
    const result = await signInSandbox(module, 'EdDSA', ed!.pem);
    const { payload, protectedHeader } = await jwtVerify(result.jwt!, ed!.publicKey, {
      currentDate: new Date(CLAIMS.iat * 1000),
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'JWT' });
    expect(payload).toEqual(CLAIMS);
    expect((await signInSandbox(module, 'EdDSA', ed!.pem)).jwt).toBe(result.jwt);
    // RFC 8032 signatures are unique: the sandbox's must equal Node's, byte for byte.
    const [encodedHeader, encodedClaims, signature] = result.jwt!.split('.') as [string, string, string];
    const nodeSignature = sign(
      null,
      Buffer.from(`${encodedHeader}.${encodedClaims}`),
      createPrivateKey(ed!.pem.replace(/\\n/g, '\n')),
    );
    expect(signature).toBe(nodeSignature.toString('base64url'));
  });

  it.each(keys.rsa)(
    'RS256 with $label equals Node’s signature byte for byte (PKCS#1 v1.5 is deterministic)',
    async (key) => {
      const result = await signInSandbox(module, 'RS256', key.pem);
      const [encodedHeader, encodedClaims, signature] = result.jwt!.split('.') as [string, string, string];
      const pem = key.pem.replace(/\\n/g, '\n');
      const nodeSignature = sign('sha256', Buffer.from(`${encodedHeader}.${encodedClaims}`), createPrivateKey(pem));
      expect(signature).toBe(nodeSignature.toString('base64url'));
    },
  );

  it('ES256 is deterministic (RFC 6979) and PS256 uses a fresh salt', async () => {
    const [ec] = keys.ec;
    const [rsa] = keys.rsa;
    expect((await signInSandbox(module, 'ES256', ec!.pem)).jwt).toBe(
      (await signInSandbox(module, 'ES256', ec!.pem)).jwt,
    );
    expect((await signInSandbox(module, 'PS256', rsa!.pem)).jwt).not.toBe(
      (await signInSandbox(module, 'PS256', rsa!.pem)).jwt,
    );
  });

  it('a header field cannot change alg', async () => {
    const result = await signInSandbox(module, 'RS256', keys.rsa[0]!.pem, { alg: 'none' });
    expect(checkJwt(result.jwt!, 'RS256', keys.rsa[0]!.publicKey)).toMatchObject({
      valid: true,
      header: { alg: 'RS256' },
    });
  });

  it.each(refused)(
    'refuses $label for $algorithm, naming the variable, never the key',
    async ({ algorithm, pem, message }) => {
      const result = await signInSandbox(module, algorithm as JwtAlgorithmName, pem);
      expect(result.jwt).toBeUndefined();
      expect(result.problem).toContain(KEY_VARIABLE);
      expect(result.problem).toContain(message);
      for (const line of pem.split(/\n|\\n/).filter((l) => l.length > 20)) expect(result.problem).not.toContain(line);
    },
  );
});

describe('signer scripts', () => {
  let scripts: Record<JwtAlgorithmName, string>;
  beforeAll(async () => {
    const names = ['RS256', 'PS256', 'ES256', 'HS256', 'EdDSA'] as const;
    scripts = Object.fromEntries(await Promise.all(names.map(async (n) => [n, await jwtSignerScript(n)]))) as Record<
      JwtAlgorithmName,
      string
    >;
  });

  it('carry only their algorithm: no curve code for RSA, no RSA code for ES256 and HS256', () => {
    expect(scripts.RS256).not.toMatch(/ecdsa\(/);
    expect(scripts.ES256).not.toMatch(/PKCS1|RSASP1/);
    expect(scripts.HS256).not.toMatch(/PKCS1|ecdsa\(/);
    expect(scripts.PS256).toContain('Math.random');
    expect(scripts.EdDSA).not.toMatch(/PKCS1|RSASP1|ecdsa\(/);
    expect(scripts.ES256).not.toMatch(/twistedEdwards|eddsa\(/);
  });

  it('define one constant and hold no import, export or installation path', () => {
    for (const script of Object.values(scripts)) {
      expect(script.startsWith('const genCollectionSignJwt = (() => {\n')).toBe(true);
      expect(script).not.toMatch(/^(import|export) /m);
      expect(script).not.toContain('node_modules');
    }
  });
});
