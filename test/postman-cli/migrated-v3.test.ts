/**
 * Token rule 11 on the Postman v3 runtime: the default v2.1 output, converted with `postman collection
 * migrate` and run with `postman collection run` on the v3 folder, keeps the token flow: tokens reused within
 * their lifetime, no request sent without a token, the token request carrying no `Authorization: Bearer`
 * (v3 lends the collection's auth to `pm.sendRequest`), and a wrong secret asked once for the whole run
 * (v3 drops the variable changes of a skipped request, so the failure memory lives elsewhere there).
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../e2e/generate.js';
import { assertNoSecret, secretForms } from '../e2e/no-secret.js';
import { startProtectedApi } from '../e2e/servers/protected-api.js';
import { startTokenServer, type TokenServer } from '../e2e/servers/token-server.js';
import { WRONG_SECRET } from '../helpers/wrong-secret.js';
import { runMigratedV3 } from './postman-cli-v3.js';

const TTL_SECONDS = 4;
const BUFFER_SECONDS = 1;
const ORDERS = Array.from({ length: 10 }, (_, i) => ({
  name: `Order ${i + 1}`,
  url: `{{base_url}}/orders/${i + 1}`,
  expect: { status: 200 },
}));

/** An oauth2 config against `ts`; its `e2e` environment holds the URLs and the client id. */
function config(ts: TokenServer, apiUrl: string, auth: Record<string, unknown>): Record<string, unknown> {
  return {
    name: 'Migrated v3',
    auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: BUFFER_SECONDS, ...auth },
    environments: { e2e: { base_url: apiUrl, token_url: ts.tokenUrl, client_id: ts.client.id } },
    items: [...ORDERS, { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } }],
  };
}

describe.concurrent('the default v2.1 output migrated to v3 and run by the Postman CLI', () => {
  it.each([{ clientAuth: 'body' }, { clientAuth: 'basic' }] as const)(
    'green with 4 s tokens ($clientAuth): token requests within the bound, none without a token, no Bearer on the token request',
    async ({ clientAuth }) => {
      const ts = await startTokenServer({ ttlSeconds: TTL_SECONDS });
      const api = await startProtectedApi({ validate: ts.validateToken });
      try {
        const { collection, environment } = await generate(config(ts, api.url, { clientAuth }));
        const { migrate, run } = await runMigratedV3(collection, {
          environment: environment('e2e'),
          envVars: { client_secret: ts.client.secret },
          delayRequest: 700,
          timeout: 60_000,
        });
        expect(migrate.exitCode, migrate.stderr).toBe(0);
        expect(run.exitCode, run.stdout.slice(-3000)).toBe(0);
        // The run's span as the servers saw it (the CLI's own start-up left out); a token per request would exceed it.
        const seconds = (api.log.at(-1)!.at - ts.tokenRequests[0]!.at) / 1000;
        const bound = Math.ceil(seconds / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
        expect(bound).toBeLessThan(ORDERS.length);
        expect(ts.tokenRequests.length).toBeGreaterThanOrEqual(1);
        expect(ts.tokenRequests.length).toBeLessThanOrEqual(bound);
        expect(ts.tokenRequests.map((r) => `${r.clientAuth} ${r.status} ${r.bearer}`)).toEqual(
          ts.tokenRequests.map(() => `${clientAuth} 200 false`),
        );
        expect(api.stats.withoutToken).toBe(0);
        expect(api.stats.unauthorized).toBe(0);
        expect(api.log.map((r) => `${r.path} ${r.status}`)).toEqual([
          ...ORDERS.map((_, i) => `/orders/${i + 1} 200`),
          '/health 200',
        ]);
        assertNoSecret(secretForms(ts.client.secret, ts.client.id), { stdout: run.stdout, stderr: run.stderr });
      } finally {
        await api.close();
        await ts.close();
      }
    },
  );

  it('a wrong client secret: one token request for the run, every protected request skipped with the first cause', async () => {
    const ts = await startTokenServer({ ttlSeconds: TTL_SECONDS });
    const api = await startProtectedApi({ validate: ts.validateToken });
    try {
      const { collection, environment } = await generate(config(ts, api.url, { clientAuth: 'body' }));
      const { run } = await runMigratedV3(collection, {
        environment: environment('e2e'),
        envVars: { client_secret: WRONG_SECRET },
      });
      expect(run.exitCode).toBe(1);
      expect(ts.tokenRequests.map((r) => `${r.clientAuth} ${r.status} ${r.bearer}`)).toEqual(['body 401 false']);
      expect(api.log.map((r) => `${r.path} ${r.status}`)).toEqual(['/health 200']);
      expect(api.stats.withoutToken).toBe(0);
      const reported = run.stdout.match(/not tried again in this run/g) ?? [];
      expect(reported.length, run.stdout.slice(-3000)).toBeGreaterThanOrEqual(ORDERS.length);
      assertNoSecret(secretForms(WRONG_SECRET, ts.client.id), { stdout: run.stdout, stderr: run.stderr });
    } finally {
      await api.close();
      await ts.close();
    }
  });
});
