/**
 * Issue 6 end to end: the OpenAPI description of the e2e test API (oauth2 clientCredentials pointing at
 * oidc-provider's token endpoint) → `loadSpec` → `specToConfig` → the real generator → Newman, with only
 * the client credentials supplied at run time: green, no 401, every protected request with a token.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildFromConfig } from '../../src/build/build-from-config.js';
import { Warnings } from '../../src/warnings.js';
import { loadSpec, specToConfig } from '../../src/openapi/index.js';
import { runNewman } from '../e2e/newman.js';
import { startOidcProvider, type OidcProvider } from '../e2e/servers/oidc.js';
import { startProtectedApi, type ProtectedApi } from '../e2e/servers/protected-api.js';
import { startTokenServer } from '../e2e/servers/token-server.js';
import { tempDir } from '../helpers/temp-dir.js';

function ordersSpec(apiUrl: string, tokenUrl: string): object {
  const ok = (status: string) => ({ [status]: { description: 'ok' } });
  return {
    openapi: '3.0.3',
    info: { title: 'Orders e2e', version: '1' },
    servers: [{ url: apiUrl, description: 'e2e' }],
    components: {
      securitySchemes: {
        oauth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: { read: 'read', write: 'write' } } } },
      },
      schemas: {
        NewOrder: {
          type: 'object',
          required: ['sku'],
          properties: { sku: { type: 'string', example: 'A1' }, qty: { type: 'integer', minimum: 1 } },
        },
      },
    },
    security: [{ oauth: ['read'] }],
    tags: [{ name: 'orders' }],
    paths: {
      '/orders': {
        get: {
          tags: ['orders'],
          summary: 'List orders',
          // a list (form, exploded: one entry per element) and an object (deepObject) in the query
          parameters: [
            { name: 'status', in: 'query', required: true, example: ['open', 'shipped'] },
            { name: 'filter', in: 'query', required: true, style: 'deepObject', example: { sku: 'A1', qty: 2 } },
          ],
          responses: ok('200'),
        },
        post: {
          tags: ['orders'],
          summary: 'Create order',
          security: [{ oauth: ['write'] }],
          requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/NewOrder' } } } },
          responses: { ...ok('201'), ...ok('400') },
        },
      },
      '/orders/{id}': {
        get: {
          tags: ['orders'],
          summary: 'Get order',
          parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', example: '7' } }],
          responses: ok('200'),
        },
      },
      '/health': { get: { summary: 'Health', security: [], responses: ok('200') } },
    },
  };
}

describe('OpenAPI → collection → Newman against oidc-provider', () => {
  let op: OidcProvider;
  let api: ProtectedApi;
  const work = tempDir('gen-collection-openapi-e2e-').dir;
  beforeAll(async () => {
    op = await startOidcProvider({ ttlSeconds: 60 });
    api = await startProtectedApi({ validate: op.validateToken });
  });
  afterAll(async () => {
    await api.close();
    await op.close();
  });

  it('runs green with 0 401s once the client credentials are supplied', async () => {
    const file = join(work, 'openapi.yaml');
    writeFileSync(file, stringify(ordersSpec(api.url, op.tokenUrl)));
    const warnings = new Warnings();
    const { spec } = await loadSpec(file);
    const config = await specToConfig(spec, { file, warnings });
    expect(warnings.list).toEqual([]);
    expect(config.auth).toEqual({
      type: 'oauth2',
      grantType: 'client_credentials',
      tokenUrl: op.tokenUrl,
      scope: 'read write',
    });

    const result = await buildFromConfig(config, { baseDir: work, output: join(work, 'postman') });
    const environment = result.environments.find((e) => e.name === 'e2e')!.json;
    const run = await runNewman(result.collection, {
      environment,
      envVars: { client_id: op.clients.post.id, client_secret: op.clients.post.secret },
      iterationCount: 2,
    });

    expect(run.failures).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(api.stats.unauthorized).toBe(0);
    expect(api.stats.withoutToken).toBe(0);
    expect(api.stats.byPath).toEqual({ '/orders': 4, '/orders/7': 2, '/health': 2 });
    expect(run.assertions.filter((a) => a.passed && !a.skipped)).toHaveLength(8);
    expect(op.tokenRequests.filter((r) => r.clientId === op.clients.post.id)).toHaveLength(1);
    // the query as the API parses it: each list element and each deepObject property its own parameter
    const listed = api.log.filter((r) => r.method === 'GET' && r.path === '/orders');
    expect(listed).toHaveLength(2);
    for (const { query } of listed) {
      const params = new URLSearchParams(query);
      expect(params.getAll('status')).toEqual(['open', 'shipped']);
      expect([params.get('filter[sku]'), params.get('filter[qty]')]).toEqual(['A1', '2']);
      expect([...params.keys()]).toHaveLength(4);
    }
  });
});

describe('OpenAPI with two client-credentials schemes → two auth profiles → Newman against two token servers', () => {
  it("each operation gets its scheme's token: both APIs answer without a 401", async () => {
    const op = await startOidcProvider({ ttlSeconds: 60 });
    const ts = await startTokenServer({ ttlSeconds: 60 });
    const userApi = await startProtectedApi({ validate: op.validateToken });
    const adminApi = await startProtectedApi({ validate: ts.validateToken });
    const work = tempDir('gen-collection-openapi-profiles-').dir;
    try {
      const ok = { '200': { description: 'ok' } };
      const cc = (tokenUrl: string) => ({ type: 'oauth2', flows: { clientCredentials: { tokenUrl, scopes: {} } } });
      const spec = {
        openapi: '3.0.3',
        info: { title: 'Two servers e2e', version: '1' },
        servers: [{ url: userApi.url, description: 'e2e' }],
        components: { securitySchemes: { userAuth: cc(op.tokenUrl), adminAuth: cc(ts.tokenUrl) } },
        security: [{ userAuth: ['read'] }],
        paths: {
          '/orders': {
            get: { summary: 'List orders', responses: ok },
            post: {
              summary: 'Create order',
              security: [{ userAuth: ['write'] }],
              responses: { '201': { description: 'created' } },
            },
          },
          '/orders/{id}': {
            servers: [{ url: adminApi.url }],
            get: {
              summary: 'Admin order',
              security: [{ adminAuth: ['orders:admin'] }],
              parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string', example: '7' } }],
              responses: ok,
            },
          },
        },
      };
      const file = join(work, 'openapi.yaml');
      writeFileSync(file, stringify(spec));
      const { spec: loaded } = await loadSpec(file);
      const config = await specToConfig(loaded, { file, warnings: new Warnings() });
      expect(config.auth).toEqual({
        type: 'oauth2',
        grantType: 'client_credentials',
        tokenUrl: op.tokenUrl,
        scope: 'read write',
      });
      expect(config.authProfiles).toEqual({
        adminauth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: ts.tokenUrl, scope: 'orders:admin' },
      });

      const result = await buildFromConfig(config, { baseDir: work, output: join(work, 'postman') });
      const environment = result.environments.find((e) => e.name === 'e2e')!.json;
      expect(environment.values.filter((v) => v.type === 'secret').map((v) => v.key)).toEqual(
        expect.arrayContaining(['client_secret', 'client_secret_adminauth', 'access_token', 'access_token_adminauth']),
      );
      const run = await runNewman(result.collection, {
        environment,
        envVars: {
          client_id: op.clients.post.id,
          client_secret: op.clients.post.secret,
          client_id_adminauth: ts.client.id,
          client_secret_adminauth: ts.client.secret,
        },
        iterationCount: 2,
      });
      expect(run.failures).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect({ user: userApi.stats.unauthorized, admin: adminApi.stats.unauthorized }).toEqual({ user: 0, admin: 0 });
      expect({ user: userApi.stats.withoutToken, admin: adminApi.stats.withoutToken }).toEqual({ user: 0, admin: 0 });
      expect(adminApi.stats.byPath).toEqual({ '/orders/7': 2 });
      expect(userApi.stats.byPath).toEqual({ '/orders': 4 });
      expect(op.tokenRequests.filter((r) => r.clientId === op.clients.post.id)).toHaveLength(1);
      expect(ts.tokenRequests.map((r) => r.params.scope)).toEqual(['orders:admin']);
    } finally {
      await Promise.all([userApi.close(), adminApi.close()]);
      await Promise.all([op.close(), ts.close()]);
    }
  });
});
