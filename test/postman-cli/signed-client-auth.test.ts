/**
 * Issue 13 under the official Postman CLI (sandbox 6.x) and Newman side by side: private_key_jwt (RS256,
 * signed in the sandbox) against oidc-provider, which checks each client assertion against the registered
 * public key; and a key the provider does not know, refused with invalid_client under both runners.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from '../e2e/generate.js';
import { runNewman } from '../e2e/newman.js';
import { assertNoSecret } from '../e2e/no-secret.js';
import { SHORT_TOKEN_BUFFER_SECONDS, startOidcProvider, type OidcProvider } from '../e2e/servers/oidc.js';
import { startProtectedApi } from '../e2e/servers/protected-api.js';
import { runPostmanCli } from './postman-cli.js';
import { newKeyPair } from '../../src/keys/key-pair.js';

const ITEMS = [
  { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } },
  { name: 'Get order', url: '{{base_url}}/orders/7', expect: { status: 200 } },
  { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
];
/** One client per runner (same key): the runs go side by side, and each one's token requests stay apart. */
const CLIENT_IDS = { newman: 'newman-private-key-jwt', 'postman-cli': 'postman-cli-private-key-jwt' } as const;
const key = newKeyPair('rsa', { modulusLength: 2048 });
const PRIVATE_KEY = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();

describe('private_key_jwt under the Postman CLI and Newman', () => {
  let op: OidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider({
      ttlSeconds: 4,
      signedClients: Object.values(CLIENT_IDS).map((id) => ({
        id,
        method: 'private_key_jwt' as const,
        alg: 'RS256' as const,
        publicKey: key.publicKey,
      })),
    });
  });
  afterAll(async () => {
    await op.close();
  });

  /** One run of the generated collection with `privateKey` under `runner`: exit code, failures, what the API saw. */
  async function run(runner: 'newman' | 'postman-cli', privateKey: string, iterations: number) {
    const api = await startProtectedApi({ validate: op.validateToken });
    try {
      const { collection, environment } = await generate({
        name: `private_key_jwt ${runner}`,
        auth: {
          type: 'oauth2',
          tokenUrl: '{{token_url}}',
          clientAuth: 'private_key_jwt',
          expiryBufferSeconds: SHORT_TOKEN_BUFFER_SECONDS,
        },
        environments: { e2e: { base_url: api.url, token_url: op.tokenUrl, client_id: CLIENT_IDS[runner] } },
        items: ITEMS,
      });
      const options = {
        environment: environment('e2e')!,
        envVars: { client_private_key: privateKey },
        delayRequest: 300,
        timeout: 60_000,
        iterationCount: iterations,
      };
      const before = op.tokenRequests.length;
      const grantedBefore = op.granted.length;
      const result =
        runner === 'newman' ? await runNewman(collection, options) : await runPostmanCli(collection, options);
      const texts: Record<string, string> =
        'stdout' in result
          ? { stdout: result.stdout, stderr: result.stderr, junit: result.junitReport }
          : { console: result.consoleLines.join('\n') };
      return {
        exitCode: result.exitCode,
        failures: result.failures.map((f) => `${f.item}: ${f.message}`),
        api: api.log.map((r) => `${r.path} ${r.status}`),
        tokenRequests: op.tokenRequests.slice(before).filter((r) => r.clientId === CLIENT_IDS[runner]),
        granted: op.granted.slice(grantedBefore).filter((g) => g.clientId === CLIENT_IDS[runner]),
        texts,
      };
    } finally {
      await api.close();
    }
  }

  it('the registered key: every request authorized, each token request authenticated with private_key_jwt, the same under both runners', async () => {
    const [postman, newman] = await Promise.all([run('postman-cli', PRIVATE_KEY, 3), run('newman', PRIVATE_KEY, 3)]);
    for (const outcome of [postman, newman]) {
      expect({ exitCode: outcome.exitCode, failures: outcome.failures }).toEqual({ exitCode: 0, failures: [] });
      expect(outcome.api).toEqual(
        Array.from({ length: 3 }, () => ['/orders 200', '/orders/7 200', '/health 200']).flat(),
      );
      expect(outcome.tokenRequests.length).toBeGreaterThanOrEqual(1);
      expect(outcome.granted.map((g) => g.clientAuthMethod)).toEqual(
        outcome.tokenRequests.map(() => 'private_key_jwt'),
      );
      for (const record of outcome.tokenRequests) {
        expect(record).toMatchObject({ grantType: 'client_credentials', clientAuth: 'private_key_jwt', status: 200 });
        expect(record.params.client_secret).toBeUndefined();
      }
      assertNoSecret(
        { 'key line': PRIVATE_KEY.split('\n')[2]! },
        { ...outcome.texts, 'token requests': JSON.stringify(outcome.tokenRequests) },
      );
    }
  });

  it('a key the provider does not know: the same failing tests naming the token URL and invalid_client, nothing sent without a token', async () => {
    const wrong = newKeyPair('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    const [postman, newman] = await Promise.all([run('postman-cli', wrong, 1), run('newman', wrong, 1)]);
    expect(postman.failures).toEqual(newman.failures);
    expect(postman.failures).toHaveLength(2);
    for (const failure of postman.failures)
      expect(failure).toContain(`token request to ${op.tokenUrl} failed: HTTP 401 (invalid_client`);
    for (const outcome of [postman, newman]) {
      expect(outcome.exitCode).toBe(1);
      expect(outcome.api).toEqual(['/health 200']);
    }
  });
});
