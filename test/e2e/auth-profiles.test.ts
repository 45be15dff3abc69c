/**
 * Issue 14 end to end: auth profiles in real Newman. Two authorization servers (oidc-provider for the
 * default profile, the project's token server for `admin`) and two protected APIs, each accepting only its
 * own server's tokens: every request carries its profile's token, each server sees few token requests, a 401
 * replays with a fresh token of that profile only, and two profiles can share one client with different scopes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from './generate.js';
import { runNewman, type NewmanResult } from './newman.js';
import { SHORT_TOKEN_BUFFER_SECONDS, startOidcProvider, type OidcProvider } from './servers/oidc.js';
import { startProtectedApi, type ProtectedApi } from './servers/protected-api.js';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './servers/token-server.js';
import { GREEN, outcome } from '../helpers/newman-outcome.js';

const TTL_SECONDS = 4;
const BUFFER_SECONDS = SHORT_TOKEN_BUFFER_SECONDS;
const ITERATIONS = 2;
const DELAY_MS = 900;

/** Default requests go to `{{base_url}}` (API A), admin ones to `{{admin_url}}` (API B). */
const ITEMS = [
  { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } },
  {
    name: 'Admin',
    auth: 'admin',
    items: [
      { name: 'Admin orders', url: '{{admin_url}}/orders', expect: { status: 200 } },
      { name: 'Admin order', url: '{{admin_url}}/orders/3', expect: { status: 200 } },
      { name: 'Admin health', url: '{{admin_url}}/health', auth: 'none', expect: { status: 200 } },
    ],
  },
  { name: 'Reports', items: [{ name: 'Get order', url: '{{base_url}}/orders/7', expect: { status: 200 } }] },
  {
    name: 'One admin call',
    auth: 'admin',
    method: 'POST',
    url: '{{admin_url}}/orders',
    body: { json: { sku: 'A1' } },
    expect: { status: 201 },
  },
  { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
  {
    name: 'Create order',
    method: 'POST',
    url: '{{base_url}}/orders',
    body: { json: { sku: 'B2' } },
    expect: { status: 201 },
  },
];
const REQUESTS_PER_ITERATION = { a: 4, b: 4 };

function profilesConfig(
  api: { a: ProtectedApi; b: ProtectedApi },
  servers: { tokenUrl: string; clientId: string; adminTokenUrl: string; adminClientId: string },
  items: unknown[] = ITEMS,
) {
  return {
    name: 'Auth profiles e2e',
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
        base_url: api.a.url,
        admin_url: api.b.url,
        token_url: servers.tokenUrl,
        client_id: servers.clientId,
        admin_token_url: servers.adminTokenUrl,
        client_id_admin: servers.adminClientId,
      },
    },
    items,
  };
}

/** Interleaved default and admin requests, for the cases on two token servers of the project's own. */
const ALTERNATING = [
  { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } },
  { name: 'Admin orders', auth: 'admin', url: '{{admin_url}}/orders', expect: { status: 200 } },
  { name: 'Get order', url: '{{base_url}}/orders/1', expect: { status: 200 } },
  { name: 'Admin order', auth: 'admin', url: '{{admin_url}}/orders/2', expect: { status: 200 } },
];

interface TwoServers {
  ts: TokenServer;
  tsAdmin: TokenServer;
  a: ProtectedApi;
  b: ProtectedApi;
  /** Runs the collection (ALTERNATING unless given) with the e2e environment and both client secrets. */
  run(opts?: { iterationCount?: number }): Promise<NewmanResult>;
}

/** Two token servers (the admin one with `adminOptions`) and their APIs, closed after `fn`. */
async function withTwoServers(
  adminOptions: TokenServerOptions,
  fn: (servers: TwoServers) => Promise<void>,
  items: unknown[] = ALTERNATING,
): Promise<void> {
  const [ts, tsAdmin] = await Promise.all([
    startTokenServer({ ttlSeconds: 60 }),
    startTokenServer({ ttlSeconds: 60, ...adminOptions }),
  ]);
  const a = await startProtectedApi({ validate: ts.validateToken });
  const b = await startProtectedApi({ validate: tsAdmin.validateToken });
  try {
    const { collection, environment } = await generate(
      profilesConfig(
        { a, b },
        {
          tokenUrl: ts.tokenUrl,
          clientId: ts.client.id,
          adminTokenUrl: tsAdmin.tokenUrl,
          adminClientId: tsAdmin.client.id,
        },
        items,
      ),
    );
    const run = (opts: { iterationCount?: number } = {}) =>
      runNewman(collection, {
        environment: environment('e2e'),
        envVars: { client_secret: ts.client.secret, client_secret_admin: tsAdmin.client.secret },
        ...opts,
      });
    await fn({ ts, tsAdmin, a, b, run });
  } finally {
    await Promise.all([a.close(), b.close()]);
    await Promise.all([ts.close(), tsAdmin.close()]);
  }
}

describe.concurrent('auth profiles in Newman', () => {
  let op: OidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider({ ttlSeconds: TTL_SECONDS });
  });
  afterAll(async () => {
    await op.close();
  });

  it('a default and an admin profile on two servers and two APIs: every request authorized, few token requests per server', async () => {
    const ts = await startTokenServer({ ttlSeconds: TTL_SECONDS });
    const a = await startProtectedApi({ validate: op.validateToken });
    const b = await startProtectedApi({ validate: ts.validateToken });
    try {
      const client = op.clients.post;
      const { collection, environment } = await generate(
        profilesConfig(
          { a, b },
          { tokenUrl: op.tokenUrl, clientId: client.id, adminTokenUrl: ts.tokenUrl, adminClientId: ts.client.id },
        ),
      );
      const result = await runNewman(collection, {
        environment: environment('e2e'),
        envVars: { client_secret: client.secret, client_secret_admin: ts.client.secret },
        iterationCount: ITERATIONS,
        delayRequest: DELAY_MS,
        exportEnvironment: true,
      });
      const runSeconds = result.durationMs / 1000;
      const bound = Math.ceil(runSeconds / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
      const defaultTokens = op.tokenRequests.filter((r) => r.clientId === client.id);
      console.info(
        `auth profiles e2e: ${runSeconds.toFixed(1)} s, token requests default ${defaultTokens.length}, admin ${ts.tokenRequests.length} (bound ${bound} each), 401s ${a.stats.unauthorized}/${b.stats.unauthorized}`,
      );

      expect(outcome(result)).toEqual(GREEN);
      expect(runSeconds).toBeGreaterThanOrEqual(12);
      // Each API accepts only its own server's tokens: no 401 means no token went to the wrong API.
      expect({
        a: a.stats.unauthorized,
        b: b.stats.unauthorized,
        aWithout: a.stats.withoutToken,
        bWithout: b.stats.withoutToken,
      }).toEqual({ a: 0, b: 0, aWithout: 0, bWithout: 0 });
      expect(a.log.filter((r) => r.path !== '/health')).toHaveLength(ITERATIONS * (REQUESTS_PER_ITERATION.a - 1));
      expect(b.log.filter((r) => r.path !== '/health')).toHaveLength(ITERATIONS * (REQUESTS_PER_ITERATION.b - 1));
      // No Bearer goes out with auth none, whichever folder the request is in.
      expect(a.log.filter((r) => r.path === '/health').every((r) => !r.hadToken)).toBe(true);
      expect(b.log.filter((r) => r.path === '/health').every((r) => !r.hadToken)).toBe(true);
      for (const tokens of [defaultTokens, ts.tokenRequests]) {
        expect(tokens.length).toBeGreaterThanOrEqual(2);
        expect(tokens.length).toBeLessThanOrEqual(bound);
      }
      expect(ts.tokenRequests.every((r) => r.clientId === ts.client.id && r.params.scope === 'orders:admin')).toBe(
        true,
      );
      expect(op.tokenRequests.every((r) => r.clientId !== ts.client.id)).toBe(true);
      const exported = result.exportedEnvironment ?? {};
      expect(exported.token_expires_at).toMatch(/^\d{13}$/);
      expect(exported.token_expires_at_admin).toMatch(/^\d{13}$/);
      expect(exported.access_token).not.toBe(exported.access_token_admin);
    } finally {
      await Promise.all([a.close(), b.close()]);
      await ts.close();
    }
  });

  it('a 401 on an admin request replays it with a fresh admin token and leaves the default token alone', async () => {
    await withTwoServers({}, async ({ ts, tsAdmin, a, b, run }) => {
      b.rejectNextValidTokenOnce();
      const result = await run();
      expect(outcome(result)).toEqual(GREEN);
      expect(b.stats.unauthorized).toBe(1);
      expect(a.stats.unauthorized).toBe(0);
      // The admin token was fetched again for the replay; the default one was fetched once and kept.
      expect(tsAdmin.tokenRequests).toHaveLength(2);
      expect(ts.tokenRequests).toHaveLength(1);
      expect(b.log.map((r) => `${r.path} ${r.status}`)).toEqual(['/orders 401', '/orders 200', '/orders/2 200']);
      expect(a.log.map((r) => `${r.path} ${r.status}`)).toEqual(['/orders 200', '/orders/1 200']);
    });
  });

  it('a 401 on a request inheriting the admin profile from its folder: replayed with a fresh admin token', async () => {
    const items = [
      { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } },
      {
        name: 'Admin',
        auth: 'admin',
        items: [
          { name: 'Admin orders', url: '{{admin_url}}/orders', expect: { status: 200 } },
          { name: 'Admin order', url: '{{admin_url}}/orders/2', expect: { status: 200 } },
        ],
      },
      { name: 'Get order', url: '{{base_url}}/orders/1', expect: { status: 200 } },
    ];
    await withTwoServers(
      {},
      async ({ ts, tsAdmin, a, b, run }) => {
        b.rejectNextValidTokenOnce();
        const result = await run();
        expect(outcome(result)).toEqual(GREEN);
        expect(tsAdmin.tokenRequests).toHaveLength(2);
        expect(ts.tokenRequests).toHaveLength(1);
        expect(b.log.map((r) => `${r.path} ${r.status}`)).toEqual(['/orders 401', '/orders 200', '/orders/2 200']);
        expect(a.log.map((r) => `${r.path} ${r.status}`)).toEqual(['/orders 200', '/orders/1 200']);
      },
      items,
    );
  });

  it('no token storm per profile: the admin client refused once, admin requests skipped, default ones unaffected', async () => {
    await withTwoServers({ fault: 'invalid-client' }, async ({ ts, tsAdmin, a, b, run }) => {
      const result = await run({ iterationCount: 2 });
      // One token request to the refusing admin server in the whole run; each admin request skipped with one failing test.
      expect(tsAdmin.tokenRequests).toHaveLength(1);
      expect(b.stats.requests).toBe(0);
      expect(result.failures.map((f) => f.item)).toEqual([
        'Admin orders',
        'Admin order',
        'Admin orders',
        'Admin order',
      ]);
      expect(result.failures.every((f) => f.message.includes('invalid_client'))).toBe(true);
      expect(ts.tokenRequests).toHaveLength(1);
      expect(a.log.map((r) => `${r.path} ${r.status}`)).toEqual([
        '/orders 200',
        '/orders/1 200',
        '/orders 200',
        '/orders/1 200',
      ]);
    });
  });

  it('two profiles sharing one client with different scopes: one token each, stored apart', async () => {
    const ts = await startTokenServer({ ttlSeconds: 60 });
    const api = await startProtectedApi({ validate: ts.validateToken });
    try {
      const { collection, environment } = await generate({
        name: 'Shared client',
        auth: { type: 'oauth2', tokenUrl: '{{token_url}}', scope: 'orders:read' },
        authProfiles: {
          writer: {
            type: 'oauth2',
            tokenUrl: '{{token_url}}',
            scope: 'orders:write',
            variables: { clientId: 'client_id', clientSecret: 'client_secret' },
          },
        },
        environments: { e2e: { base_url: api.url, token_url: ts.tokenUrl, client_id: ts.client.id } },
        items: [
          { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } },
          {
            name: 'Create order',
            auth: 'writer',
            method: 'POST',
            url: '{{base_url}}/orders',
            body: { json: { sku: 'C3' } },
            expect: { status: 201 },
          },
          { name: 'Get order', url: '{{base_url}}/orders/1', expect: { status: 200 } },
          {
            name: 'Create another',
            auth: 'writer',
            method: 'POST',
            url: '{{base_url}}/orders',
            body: { json: { sku: 'D4' } },
            expect: { status: 201 },
          },
        ],
      });
      // The shared client needs no profile variables: the template holds client_id once and no client_id_writer.
      const template = environment('e2e') as { values: { key: string }[] };
      expect(template.values.map((v) => v.key)).not.toContain('client_id_writer');
      const result = await runNewman(collection, {
        environment: template,
        envVars: { client_secret: ts.client.secret },
        exportEnvironment: true,
      });
      expect(outcome(result)).toEqual(GREEN);
      expect(ts.tokenRequests.map((r) => [r.clientId, r.params.scope])).toEqual([
        [ts.client.id, 'orders:read'],
        [ts.client.id, 'orders:write'],
      ]);
      const exported = result.exportedEnvironment ?? {};
      expect(exported.access_token_writer?.length ?? 0).toBeGreaterThan(10);
      expect(exported.access_token).not.toBe(exported.access_token_writer);
    } finally {
      await api.close();
      await ts.close();
    }
  });
});
