/** What a config that signs a JWT adds to the outputs: the signer in the pre-request script, the key variable in the environment. */
import { describe, expect, it } from 'vitest';
import { buildFromConfig } from '../../src/build/build-from-config.js';

const ITEMS = [{ name: 'List', url: '{{base_url}}/orders' }];
const ENVIRONMENTS = { dev: { base_url: 'https://dev.example.test', client_id: 'orders-ci' } };

async function outputs(
  auth: object,
): Promise<{ prerequest: string; test: string; environment: { key: string; value: string; type: string }[] }> {
  const result = await buildFromConfig(
    {
      name: 'Orders',
      auth: { type: 'oauth2', tokenUrl: '{{base_url}}/token', ...auth },
      environments: ENVIRONMENTS,
      items: ITEMS,
    },
    { baseDir: '/tmp' },
  );
  const script = (listen: string) =>
    (result.collection as { event: { listen: string; script: { exec: string[] } }[] }).event
      .find((e) => e.listen === listen)!
      .script.exec.join('\n');
  return { prerequest: script('prerequest'), test: script('test'), environment: result.environments[0]!.json.values };
}

describe('signed client authentication in the outputs', () => {
  it.each([
    { auth: { clientAuth: 'private_key_jwt' }, signer: true, key: 'client_private_key', secret: false },
    {
      auth: {
        clientAuth: 'private_key_jwt',
        assertion: { algorithm: 'ES256', keyId: '{{key_id}}' },
        variables: { privateKey: 'pk' },
      },
      signer: true,
      key: 'pk',
      secret: false,
      also: 'key_id',
    },
    { auth: { clientAuth: 'client_secret_jwt' }, signer: true, key: undefined, secret: true },
    {
      auth: { grantType: 'jwt_bearer', clientAuth: 'none', assertion: { header: { 'x5t#S256': '{{thumb}}' } } },
      signer: true,
      key: 'client_private_key',
      secret: false,
      also: 'thumb',
    },
    { auth: { clientAuth: 'none' }, signer: false, key: undefined, secret: false },
    { auth: { clientAuth: 'body' }, signer: false, key: undefined, secret: true },
  ])('$auth', async ({ auth, signer, key, secret, also }) => {
    const out = await outputs(auth);
    expect(out.prerequest.includes('const genCollectionSignJwt = ')).toBe(signer);
    // The signed token request comes in with the signer only: a public client (none) keeps the plain one.
    expect(out.prerequest.includes('client_assertion')).toBe(signer);
    expect(out.test).not.toContain('genCollectionSignJwt');
    const keys = out.environment.map((v) => v.key);
    if (key)
      expect(out.environment.find((v) => v.key === key)).toEqual({ key, value: '', type: 'secret', enabled: true });
    expect(keys.includes('client_private_key')).toBe(key === 'client_private_key');
    expect(keys.includes('client_secret')).toBe(secret);
    if (also) expect(keys).toContain(also);
  });

  it('the header names the assertion settings and the key variable, never a key', async () => {
    const out = await outputs({
      clientAuth: 'private_key_jwt',
      assertion: { algorithm: 'PS256', lifetimeSeconds: 30 },
    });
    expect(out.prerequest).toContain(
      '"assertion": { "algorithm": "PS256", "issuer": "{{client_id}}", "subject": "{{client_id}}", "audience": "{{base_url}}/token", "lifetimeSeconds": 30 }',
    );
    expect(out.prerequest).toContain('"privateKey": "client_private_key"');
  });
});
