/**
 * Issue 14 under the official Postman CLI (sandbox 6.x) and Newman side by side: the first case of the Newman
 * suite (test/e2e/auth-profiles.test.ts). Per runner two token servers (default and `admin`) and two protected
 * APIs, each accepting only its own server's tokens; 4 s tokens, two iterations over ≥ 12 s: green, no 401, and
 * each server's token requests within the economy bound, alike under both runners.
 */
import { describe, expect, it } from 'vitest';
import { generate } from '../e2e/generate.js';
import { runNewman } from '../e2e/newman.js';
import { startProtectedApi } from '../e2e/servers/protected-api.js';
import { startTokenServer } from '../e2e/servers/token-server.js';
import { runPostmanCli } from './postman-cli.js';

const TTL_SECONDS = 4;
const BUFFER_SECONDS = 1;
const ITEMS = [
  { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } },
  {
    name: 'Admin',
    auth: 'admin',
    items: [
      { name: 'Admin orders', url: '{{admin_url}}/orders', expect: { status: 200 } },
      { name: 'Admin health', url: '{{admin_url}}/health', auth: 'none', expect: { status: 200 } },
    ],
  },
  { name: 'Reports', items: [{ name: 'Get order', url: '{{base_url}}/orders/7', expect: { status: 200 } }] },
  { name: 'One admin call', auth: 'admin', url: '{{admin_url}}/orders/3', expect: { status: 200 } },
  { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
];

async function run(runner: 'newman' | 'postman-cli') {
  const [ts, tsAdmin] = await Promise.all([
    startTokenServer({ ttlSeconds: TTL_SECONDS }),
    startTokenServer({ ttlSeconds: TTL_SECONDS }),
  ]);
  const [a, b] = await Promise.all([
    startProtectedApi({ validate: ts.validateToken }),
    startProtectedApi({ validate: tsAdmin.validateToken }),
  ]);
  try {
    const { collection, environment } = await generate({
      name: `Auth profiles ${runner}`,
      auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: BUFFER_SECONDS },
      authProfiles: {
        admin: {
          type: 'oauth2',
          tokenUrl: '{{admin_token_url}}',
          scope: 'orders:admin',
          expiryBufferSeconds: BUFFER_SECONDS,
        },
      },
      environments: {
        e2e: {
          base_url: a.url,
          admin_url: b.url,
          token_url: ts.tokenUrl,
          client_id: ts.client.id,
          admin_token_url: tsAdmin.tokenUrl,
          client_id_admin: tsAdmin.client.id,
        },
      },
      items: ITEMS,
    });
    const options = {
      environment: environment('e2e')!,
      envVars: { client_secret: ts.client.secret, client_secret_admin: tsAdmin.client.secret },
      iterationCount: 2,
      delayRequest: 1300,
      timeout: 60_000,
    };
    const started = Date.now();
    const result =
      runner === 'newman' ? await runNewman(collection, options) : await runPostmanCli(collection, options);
    const seconds = (Date.now() - started) / 1000;
    return {
      seconds,
      outcome: {
        exitCode: result.exitCode,
        failures: result.failures.map((f) => `${f.item}: ${f.message}`),
        unauthorized: a.stats.unauthorized + b.stats.unauthorized,
        withoutToken: a.stats.withoutToken + b.stats.withoutToken,
        api: a.log.map((r) => `${r.path} ${r.status}`),
        adminApi: b.log.map((r) => `${r.path} ${r.status}`),
      },
      tokenRequests: { default: ts.tokenRequests.length, admin: tsAdmin.tokenRequests.length },
      adminScopes: [...new Set(tsAdmin.tokenRequests.map((r) => r.params.scope))],
    };
  } finally {
    await Promise.all([a.close(), b.close()]);
    await Promise.all([ts.close(), tsAdmin.close()]);
  }
}

describe('auth profiles under the Postman CLI and Newman', () => {
  it('a default and an admin profile on two servers: green, no 401, few token requests per server, alike', async () => {
    const [newman, postman] = await Promise.all([run('newman'), run('postman-cli')]);
    expect(postman.outcome, 'Postman CLI (actual) vs Newman (expected)').toEqual(newman.outcome);
    for (const { seconds, outcome, tokenRequests, adminScopes } of [newman, postman]) {
      const bound = Math.ceil(seconds / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
      console.info(
        `auth profiles (${outcome === newman.outcome ? 'newman' : 'postman-cli'}): ${seconds.toFixed(1)} s, token requests default ${tokenRequests.default}, admin ${tokenRequests.admin} (bound ${bound})`,
      );
      expect(outcome).toMatchObject({ exitCode: 0, failures: [], unauthorized: 0, withoutToken: 0 });
      expect(outcome.api).toEqual([
        '/orders 200',
        '/orders/7 200',
        '/health 200',
        '/orders 200',
        '/orders/7 200',
        '/health 200',
      ]);
      expect(outcome.adminApi).toEqual([
        '/orders 200',
        '/health 200',
        '/orders/3 200',
        '/orders 200',
        '/health 200',
        '/orders/3 200',
      ]);
      expect(seconds).toBeGreaterThanOrEqual(12);
      for (const count of Object.values(tokenRequests)) {
        expect(count).toBeGreaterThanOrEqual(2);
        expect(count).toBeLessThanOrEqual(bound);
      }
      expect(adminScopes).toEqual(['orders:admin']);
    }
  });
});

describe('auth profiles: replay on 401 under the Postman CLI and Newman', () => {
  /** One run where the admin API rejects its first valid token: what each API saw and each server was asked. */
  async function replay(runner: 'newman' | 'postman-cli') {
    const [ts, tsAdmin] = await Promise.all([
      startTokenServer({ ttlSeconds: 60 }),
      startTokenServer({ ttlSeconds: 60 }),
    ]);
    const [a, b] = await Promise.all([
      startProtectedApi({ validate: ts.validateToken }),
      startProtectedApi({ validate: tsAdmin.validateToken }),
    ]);
    try {
      const { collection, environment } = await generate({
        name: `Auth profiles replay ${runner}`,
        auth: { type: 'oauth2', tokenUrl: '{{token_url}}' },
        authProfiles: { admin: { type: 'oauth2', tokenUrl: '{{admin_token_url}}' } },
        environments: {
          e2e: {
            base_url: a.url,
            admin_url: b.url,
            token_url: ts.tokenUrl,
            client_id: ts.client.id,
            admin_token_url: tsAdmin.tokenUrl,
            client_id_admin: tsAdmin.client.id,
          },
        },
        items: [
          { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } },
          {
            name: 'Admin',
            auth: 'admin',
            items: [{ name: 'Admin orders', url: '{{admin_url}}/orders', expect: { status: 200 } }],
          },
          { name: 'Admin order', auth: 'admin', url: '{{admin_url}}/orders/2', expect: { status: 200 } },
          { name: 'Get order', url: '{{base_url}}/orders/1', expect: { status: 200 } },
        ],
      });
      b.rejectNextValidTokenOnce();
      const options = {
        environment: environment('e2e')!,
        envVars: { client_secret: ts.client.secret, client_secret_admin: tsAdmin.client.secret },
        timeout: 30_000,
      };
      const result =
        runner === 'newman' ? await runNewman(collection, options) : await runPostmanCli(collection, options);
      return {
        exitCode: result.exitCode,
        failures: result.failures.map((f) => `${f.item}: ${f.message}`),
        api: a.log.map((r) => `${r.path} ${r.status}`),
        adminApi: b.log.map((r) => `${r.path} ${r.status}`),
        tokenRequests: { default: ts.tokenRequests.length, admin: tsAdmin.tokenRequests.length },
      };
    } finally {
      await Promise.all([a.close(), b.close()]);
      await Promise.all([ts.close(), tsAdmin.close()]);
    }
  }

  it('a request inheriting the admin profile from its folder, answered 401: replayed with a fresh admin token, the default one kept', async () => {
    const [newman, postman] = await Promise.all([replay('newman'), replay('postman-cli')]);
    expect(postman, 'Postman CLI (actual) vs Newman (expected)').toEqual(newman);
    expect(postman).toEqual({
      exitCode: 0,
      failures: [],
      api: ['/orders 200', '/orders/1 200'],
      adminApi: ['/orders 401', '/orders 200', '/orders/2 200'],
      tokenRequests: { default: 1, admin: 2 },
    });
  });
});
