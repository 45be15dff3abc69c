import { calculateJwkThumbprint, importJWK, importPKCS8, jwtVerify, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { generateSigningKey, KEYGEN_ALGORITHMS } from '../../src/keys/generate-key.js';

const KEY_SHAPES = {
  ES256: { kty: 'EC', crv: 'P-256', members: ['kty', 'crv', 'x', 'y', 'kid', 'alg', 'use'] },
  EdDSA: { kty: 'OKP', crv: 'Ed25519', members: ['kty', 'crv', 'x', 'kid', 'alg', 'use'] },
  RS256: { kty: 'RSA', crv: undefined, members: ['kty', 'n', 'e', 'kid', 'alg', 'use'] },
  PS256: { kty: 'RSA', crv: undefined, members: ['kty', 'n', 'e', 'kid', 'alg', 'use'] },
} as const;

describe.each(KEYGEN_ALGORITHMS)('generateSigningKey(%s)', (algorithm) => {
  const key = generateSigningKey(algorithm);

  it('gives a PKCS#8 PEM and the public JWK with kid = its RFC 7638 thumbprint, alg and use', async () => {
    expect(key.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    const shape = KEY_SHAPES[algorithm];
    expect(Object.keys(key.publicJwk)).toEqual(shape.members);
    expect(key.publicJwk).toMatchObject({ kty: shape.kty, alg: algorithm, use: 'sig' });
    if (shape.crv) expect(key.publicJwk).toMatchObject({ crv: shape.crv });
    expect(key.publicJwk).not.toHaveProperty('d');
    expect(key.publicJwk.kid).toBe(await calculateJwkThumbprint(key.publicJwk, 'sha256'));
  });

  it('the private key signs what the printed JWK verifies', async () => {
    const privateKey = await importPKCS8(key.privateKeyPem, algorithm);
    const jwt = await new SignJWT({ sub: 'keygen' }).setProtectedHeader({ alg: algorithm }).sign(privateKey);
    const { payload } = await jwtVerify(jwt, await importJWK(key.publicJwk, algorithm));
    expect(payload.sub).toBe('keygen');
  });

  it('is fresh each time', () => {
    expect(generateSigningKey(algorithm).publicJwk.kid).not.toBe(key.publicJwk.kid);
  });
});

it('RSA keys have 2048 bits and serve RS256 and PS256 alike', async () => {
  const { privateKeyPem, publicJwk } = generateSigningKey('RS256');
  expect(Buffer.from((publicJwk as { n: string }).n, 'base64url').length * 8).toBe(2048);
  const privateKey = await importPKCS8(privateKeyPem, 'PS256');
  const jwt = await new SignJWT({}).setProtectedHeader({ alg: 'PS256' }).sign(privateKey);
  await expect(jwtVerify(jwt, await importJWK(publicJwk, 'PS256'))).resolves.toBeTruthy();
});

it('the default is ES256', () => {
  expect(generateSigningKey().publicJwk).toMatchObject({ kty: 'EC', crv: 'P-256', alg: 'ES256' });
});
