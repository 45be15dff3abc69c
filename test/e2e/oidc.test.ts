/**
 * Issue 3 end to end: a generated collection run by Newman against oidc-provider (client_credentials,
 * 4 s tokens, 2 s buffer) and a protected API that validates by introspection. For the
 * `client_secret_basic` and the `client_secret_post` client: no failure, no 401, no request without a
 * token, and few token requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from './generate.js';
import { runNewman } from './newman.js';
import { SHORT_TOKEN_BUFFER_SECONDS, startOidcProvider, type OidcProvider } from './servers/oidc.js';
import { startProtectedApi } from './servers/protected-api.js';

const TTL_SECONDS = 4;
const BUFFER_SECONDS = SHORT_TOKEN_BUFFER_SECONDS;
const ITERATIONS = 7;
const DELAY_MS = 450;

describe('generated collection against oidc-provider', () => {
  let op: OidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider({ ttlSeconds: TTL_SECONDS });
  });
  afterAll(async () => {
    await op.close();
  });

  it('keeps every request authorized with few token requests, for client_secret_basic and client_secret_post', async () => {
    const cases = [
      { clientAuth: 'basic' as const, client: op.clients.basic },
      { clientAuth: 'body' as const, client: op.clients.post },
    ];
    // Both clients run side by side: each run spans ≥ 12 s of waiting, not CPU.
    const outcomes = await Promise.all(
      cases.map(async ({ clientAuth, client }) => {
        const api = await startProtectedApi({ validate: op.validateToken });
        try {
          const { collection, environment } = await generate({
            name: `OIDC e2e ${clientAuth}`,
            auth: {
              type: 'oauth2',
              grantType: 'client_credentials',
              tokenUrl: '{{token_url}}',
              clientAuth,
              expiryBufferSeconds: BUFFER_SECONDS,
            },
            environments: { e2e: { base_url: api.url, token_url: op.tokenUrl, client_id: client.id } },
            items: [
              { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } },
              { name: 'Get order', url: '{{base_url}}/orders/7', expect: { status: 200 } },
              {
                name: 'Create order',
                method: 'POST',
                url: '{{base_url}}/orders',
                body: { json: { sku: 'A1', qty: 1 } },
                expect: { status: 201 },
              },
              { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
            ],
          });
          const result = await runNewman(collection, {
            environment: environment('e2e'),
            envVars: { client_secret: client.secret },
            iterationCount: ITERATIONS,
            delayRequest: DELAY_MS,
            exportEnvironment: true,
          });
          return { clientAuth, client, result, stats: structuredClone(api.stats) };
        } finally {
          await api.close();
        }
      }),
    );

    for (const { clientAuth, client, result, stats } of outcomes) {
      const runSeconds = result.durationMs / 1000;
      const tokenRequests = op.tokenRequests.filter((r) => r.clientId === client.id);
      const bound = Math.ceil(runSeconds / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
      console.info(
        `oidc e2e (${clientAuth}): ${stats.requests} requests in ${runSeconds.toFixed(1)} s, ${tokenRequests.length} token requests (bound ${bound}), ${stats.unauthorized} 401s`,
      );

      expect({ clientAuth, failures: result.failures, runError: result.runError, exitCode: result.exitCode }).toEqual({
        clientAuth,
        failures: [],
        runError: undefined,
        exitCode: 0,
      });
      expect(stats.requests).toBe(ITERATIONS * 4);
      expect(stats.requests).toBeGreaterThanOrEqual(20);
      expect(runSeconds).toBeGreaterThanOrEqual(12);
      expect(stats.unauthorized).toBe(0);
      expect(stats.withoutToken).toBe(0);
      // At least one renewal happened (the run spans several lifetimes), and never more than the bound.
      expect(tokenRequests.length).toBeGreaterThanOrEqual(2);
      expect(tokenRequests.length).toBeLessThanOrEqual(bound);
      for (const record of tokenRequests) {
        expect(record).toMatchObject({ grantType: 'client_credentials', clientAuth, bodyFormat: 'form', status: 200 });
        expect(record.clientSecret === client.secret).toBe(true);
      }
      const exported = result.exportedEnvironment ?? {};
      expect(exported.access_token?.length ?? 0).toBeGreaterThan(10);
      expect(exported.token_expires_at).toMatch(/^\d{13}$/);
      const expiresAt = Number(exported.token_expires_at);
      const lastIssued = tokenRequests.at(-1)?.at ?? 0;
      expect(expiresAt).toBeGreaterThanOrEqual(lastIssued + (TTL_SECONDS - 1) * 1000);
      expect(expiresAt).toBeLessThanOrEqual(lastIssued + (TTL_SECONDS + 1) * 1000);
    }
  });
});
