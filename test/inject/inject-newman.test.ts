/**
 * Injected fixtures run in real Newman against the e2e token server and protected API on 127.0.0.1:
 * the token is fetched once and sent, the user's own scripts still run, and requests that inherit
 * noauth or another auth from a folder fetch no token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Warnings } from '../../src/warnings.js';
import { injectCollection } from '../../src/inject/inject-collection.js';
import { runNewman } from '../e2e/newman.js';
import { assertNoSecret, secretForms } from '../e2e/no-secret.js';
import { startProtectedApi, type ProtectedApi } from '../e2e/servers/protected-api.js';
import { startTokenServer, type TokenServer } from '../e2e/servers/token-server.js';
import { fixtureText } from './fixtures.js';
import { oauth2 } from '../helpers/oauth2.js';

describe('inject: injected collections run in Newman', () => {
  let tokens: TokenServer;
  let api: ProtectedApi;

  beforeAll(async () => {
    tokens = await startTokenServer({ ttlSeconds: 60 });
    api = await startProtectedApi({ validate: (token) => tokens.validateToken(token) });
  });

  afterAll(async () => {
    await api?.close();
    await tokens?.close();
  });

  const envVars = () => ({
    base_url: api.url,
    token_url: tokens.tokenUrl,
    client_id: tokens.client.id,
    client_secret: tokens.client.secret,
  });

  async function injected(file: string): Promise<object> {
    const out = await injectCollection(fixtureText(file), { file, auth: oauth2(), warnings: new Warnings() });
    return JSON.parse(out.text) as object;
  }

  it('nested-folders export: one token, every protected request sends it, the user scripts and tests still run', async () => {
    const collection = await injected('app-v21-nested-folders.postman_collection.json');
    const before = { tokens: tokens.tokenRequests.length, api: api.log.length };
    const result = await runNewman(collection, { envVars: envVars(), timeout: 30_000 });

    expect(result.runError).toBeUndefined();
    expect(result.failures).toEqual([]);
    expect(result.exitCode).toBe(0);
    const tokenRequests = tokens.tokenRequests.slice(before.tokens);
    expect(tokenRequests.map((r) => [r.grantType, r.clientAuth, r.status])).toEqual([
      ['client_credentials', 'body', 200],
    ]);
    const seen = api.log.slice(before.api).map((r) => [r.method, r.path, r.hadToken, r.status]);
    expect(seen).toEqual([
      ['GET', '/orders', true, 200],
      ['GET', '/orders/1', true, 200],
      ['POST', '/orders', true, 201],
      ['GET', '/health', false, 200],
    ]);
    // the folder's and request's own tests ran and passed; the collection's own test script logged
    expect(result.assertions.filter((a) => a.passed).map((a) => a.name)).toEqual(
      expect.arrayContaining(['status is 200', 'has orders', 'json response']),
    );
    expect(result.assertions.every((a) => a.passed)).toBe(true);
    expect(result.consoleLines).toEqual(expect.arrayContaining(['response List orders 200', 'response Health 200']));
    assertNoSecret(secretForms(tokens.client.secret, tokens.client.id), {
      collection: JSON.stringify(collection),
      console: result.consoleLines.join('\n'),
    });
  });

  it('folder-auth export: requests inheriting noauth or an apikey from a folder fetch no token', async () => {
    const collection = await injected('folder-auth.postman_collection.json');
    const before = { tokens: tokens.tokenRequests.length, api: api.log.length };
    const result = await runNewman(collection, { envVars: envVars(), timeout: 30_000 });

    expect(result.runError).toBeUndefined();
    expect(result.failures).toEqual([]);
    const tokenRequests = tokens.tokenRequests.slice(before.tokens);
    expect(tokenRequests).toHaveLength(1);
    const log = api.log.slice(before.api);
    expect(log.map((r) => r.path)).toEqual([
      '/health',
      '/health',
      '/health',
      '/partner/orders',
      '/partner/report',
      '/orders',
      '/orders',
      '/orders',
      '/orders',
    ]);
    // The token was fetched only for the first Bearer request: the five requests before it (noauth and
    // apikey folders) had all been answered when it was requested.
    expect(log.filter((r) => r.at <= tokenRequests[0]!.at).length).toBeGreaterThanOrEqual(5);
    expect(log.slice(5).every((r) => r.hadToken && r.status === 200)).toBe(true);
    expect(log.slice(0, 5).every((r) => !r.hadToken)).toBe(true);
  });
});
