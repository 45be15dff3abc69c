/**
 * Issue 21: the `bruno` format run by the real Bruno CLI (`bru run`) in both sandboxes against the e2e token
 * servers: the token bound with 4 s tokens, a wrong secret, an outage with backoff, the replay after a 401, an
 * auth profile and signed client authentication (private_key_jwt against oidc-provider). After every run the
 * collection's files (environments included) are byte for byte as written, and no secret or token is in any output.
 */

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderBruno } from '../../src/render/bruno.js';
import { assertNoSecret, secretForms } from '../e2e/no-secret.js';
import { startOidcProvider } from '../e2e/servers/oidc.js';
import { startProtectedApi } from '../e2e/servers/protected-api.js';
import { WRONG_SECRET } from '../helpers/wrong-secret.js';
import { runBru, type BruResult, type BrunoSandbox } from './bru.js';
import { planFromConfig } from './plan-from-config.js';
import { runCase, type Rig } from './rig.js';
import { newKeyPair } from '../../src/keys/key-pair.js';

const SANDBOXES: BrunoSandbox[] = ['safe', 'developer'];

/** `count` requests to the protected API, numbered, each expecting 200. */
function orders(count: number): object[] {
  return Array.from({ length: count }, (_, i) => ({
    name: `Get order ${i + 1}`,
    url: `{{base_url}}/orders/${i + 1}`,
    expect: { status: 200 },
  }));
}

function tokenConfig(auth: Record<string, unknown>, items: object[], more: Record<string, unknown> = {}) {
  return (rig: Rig): Record<string, unknown> => ({
    name: 'Bruno token flow',
    auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: 1, ...auth },
    environments: {
      e2e: {
        base_url: rig.api.url,
        token_url: rig.ts.tokenUrl,
        client_id: rig.ts.client.id,
        username: rig.ts.user.username,
      },
    },
    items,
    ...more,
  });
}

/** Everything bru printed or reported. */
function outputs(result: BruResult): Record<string, string> {
  return { stdout: result.stdout, stderr: result.stderr, 'JSON report': result.jsonReport, JUnit: result.junitReport };
}

function expectNothingLeaked(rig: Rig, result: BruResult, secret = rig.ts.client.secret): void {
  assertNoSecret(secretForms(secret, rig.ts.client.id), outputs(result));
  const { 'JSON report': _report, ...logs } = outputs(result);
  for (const token of rig.ts.issuedTokens()) assertNoSecret({ token }, logs);
}

describe.concurrent.each(SANDBOXES)('bru run --sandbox %s', (sandbox) => {
  it('green with 4 s tokens: every request authorized, token requests within the bound, none without a token', async () => {
    const started = Date.now();
    const { rig, result } = await runCase({
      server: { ttlSeconds: 4 },
      // A 2 s buffer: the safe sandbox on a busy machine can take over a second from the check to the request.
      config: tokenConfig({ expiryBufferSeconds: 2 }, [
        { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
        ...orders(8),
      ]),
      run: { sandbox, env: 'e2e', delay: 700 },
    });
    const elapsed = Date.now() - started;
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(result.tests, JSON.stringify(rig.api.log)).toHaveLength(9);
    expect(rig.api.stats.withoutToken).toBe(0);
    expect(rig.api.log.filter((r) => r.path === '/health').map((r) => r.hadToken)).toEqual([false]);
    expect(rig.api.stats.unauthorized, JSON.stringify(rig.api.log)).toBe(0);
    // A token lives 4 s and is renewed 2 s early: one per 2 s of run at most, plus the first.
    const bound = Math.ceil(elapsed / 2000) + 1;
    expect(rig.ts.tokenRequests.length).toBeGreaterThanOrEqual(2);
    expect(rig.ts.tokenRequests.length).toBeLessThanOrEqual(bound);
    expect(result.changedFiles).toEqual([]);
    expectNothingLeaked(rig, result);
  });

  it('a wrong secret: exit 1 after one token request, the OAuth error in JUnit, no request without a token, no secret shown', async () => {
    const { rig, result } = await runCase({
      config: tokenConfig({}, orders(4)),
      envVars: () => ({ client_secret: WRONG_SECRET }),
      run: { sandbox, env: 'e2e' },
    });
    expect(result.exitCode).toBe(1);
    expect(rig.ts.tokenRequests).toHaveLength(1);
    expect(rig.api.stats.requests).toBe(0);
    const errors = [...result.junitReport.matchAll(/<error[^>]*message="([^"]*)"/g)].map((m) => m[1]);
    expect(errors).toHaveLength(4);
    expect(errors[0]).toMatch(/token request to .*\/token failed: HTTP 401 \(invalid_client/);
    expect(errors[3]).toMatch(/not tried again in this run/);
    expect(result.changedFiles).toEqual([]);
    expectNothingLeaked(rig, result, WRONG_SECRET);
  });

  it('an outage: the token endpoint is asked again only after the backoff, and the run recovers', async () => {
    const { rig, result } = await runCase({
      server: { ttlSeconds: 60, fault: 'status-503-for', outageMs: 1500 },
      config: tokenConfig({}, orders(12)),
      run: { sandbox, env: 'e2e', delay: 400 },
    });
    expect(result.exitCode).toBe(1);
    const statuses = rig.ts.tokenRequests.length;
    // 12 requests over ~5 s: fail at once, again after 1 s, then (after 2 s more) a token, with requests left to
    // send it on a loaded machine; never one per request.
    expect(statuses).toBeGreaterThanOrEqual(2);
    expect(statuses).toBeLessThanOrEqual(4);
    expect(result.junitReport).toMatch(/next try in \d+ s/);
    expect(rig.api.stats.withoutToken).toBe(0);
    expect(rig.api.stats.requests).toBeGreaterThanOrEqual(1);
    expect(result.changedFiles).toEqual([]);
  });

  it('a 401 from the API: the token is dropped, a new one fetched, the request replayed once, no test fails', async () => {
    const { rig, result } = await runCase({
      server: { ttlSeconds: 60 },
      config: tokenConfig({}, orders(3)),
      arm: (rig) => rig.api.rejectNextValidTokenOnce(),
      run: { sandbox, env: 'e2e' },
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(result.tests.map((t) => t.request)).toEqual(['Get order 1', 'Get order 2', 'Get order 3']);
    expect(rig.ts.tokenRequests).toHaveLength(2);
    expect(rig.api.log.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/orders/1 401',
      '/orders/1 200',
      '/orders/2 200',
      '/orders/3 200',
    ]);
    expect(result.changedFiles).toEqual([]);
  });

  it("the orders-api example's user scripts run on the pm adapter: tests pass, a variable set in a test reaches the next request", async () => {
    const example = join(import.meta.dirname, '../../examples/orders-api');
    const files = Object.fromEntries(
      await Promise.all(
        ['prerequest/trace-id.ts', 'common-tests.ts', 'lib/response.ts', 'orders/list.test.ts'].map(
          async (path) => [`scripts-src/${path}`, await readFile(join(example, 'scripts-src', path), 'utf8')] as const,
        ),
      ),
    );
    for (const tsconfig of ['scripts-src/tsconfig.json', 'scripts-src/prerequest/tsconfig.json'])
      files[tsconfig] = await readFile(join(example, tsconfig), 'utf8');
    const { rig, result } = await runCase({
      server: { ttlSeconds: 60 },
      config: tokenConfig(
        {},
        [
          {
            name: 'List orders',
            url: '{{base_url}}/orders',
            expect: { status: 200 },
            scripts: { test: 'scripts-src/orders/list.test.ts' },
          },
          { name: 'Get order', url: '{{base_url}}/orders/{{order_id}}', expect: { status: 200 } },
        ],
        { scripts: { prerequest: ['scripts-src/prerequest/trace-id.ts'], test: ['scripts-src/common-tests.ts'] } },
      ),
      files,
      run: { sandbox, env: 'e2e' },
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.tests.map((t) => `${t.request}: ${t.name} ${t.status}`)).toEqual([
      'List orders: not a server error pass',
      'List orders: JSON body parses pass',
      'List orders: status is 200 pass',
      'List orders: returns a list of orders pass',
      'Get order: not a server error pass',
      'Get order: JSON body parses pass',
      'Get order: status is 200 pass',
    ]);
    expect(rig.api.log.map((r) => r.path)).toEqual(['/orders', '/orders/1']);
    expect(result.changedFiles).toEqual([]);
  });

  it('refresh: an expired token is renewed with the refresh token (password grant), not the password again', async () => {
    const { rig, result } = await runCase({
      server: { ttlSeconds: 3, refreshTokens: true },
      config: tokenConfig({ grantType: 'password' }, orders(4)),
      run: { sandbox, env: 'e2e', delay: 1200 },
    });
    expect(result.exitCode, result.stdout).toBe(0);
    const grants = rig.ts.tokenRequests.map((r) => r.grantType);
    expect(grants[0]).toBe('password');
    expect(grants.slice(1)).toContain('refresh_token');
    expect(grants.slice(1)).not.toContain('password');
    expect(result.changedFiles).toEqual([]);
    expectNothingLeaked(rig, result);
    assertNoSecret(secretForms(rig.ts.user.password), outputs(result));
  });

  it('no environment selected: no token request, the undefined variables named with bru run --env', async () => {
    const { rig, result } = await runCase({
      config: tokenConfig({}, orders(2)),
      run: { sandbox },
    });
    expect(result.exitCode).toBe(1);
    expect(rig.ts.tokenRequests).toHaveLength(0);
    expect(rig.api.stats.requests).toBe(0);
    expect(result.junitReport).toMatch(/\{\{token_url\}\}/);
    expect(result.junitReport).toContain('bru run --env');
  });

  it('an auth profile: its requests get its own token (its own scope), the others the default one', async () => {
    const { rig, result } = await runCase({
      server: { ttlSeconds: 60 },
      config: tokenConfig(
        { scope: 'orders:read' },
        [
          { name: 'Admin', auth: 'admin', items: orders(2).map((o, i) => ({ ...o, name: `Admin order ${i + 1}` })) },
          { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
          ...orders(2),
        ],
        {
          authProfiles: {
            admin: {
              type: 'oauth2',
              tokenUrl: '{{token_url}}',
              scope: 'orders:admin',
              expiryBufferSeconds: 1,
              variables: { clientId: 'client_id', clientSecret: 'client_secret' },
            },
          },
        },
      ),
      run: { sandbox, env: 'e2e' },
    });
    expect(result.exitCode, result.stdout).toBe(0);
    expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
    expect(rig.ts.tokenRequests.map((r) => r.params.scope).sort()).toEqual(['orders:admin', 'orders:read']);
    expect(rig.api.stats.unauthorized).toBe(0);
    expect(rig.api.stats.withoutToken).toBe(0);
    expect(rig.api.log.filter((r) => r.path === '/health').map((r) => r.hadToken)).toEqual([false]);
    expect(result.changedFiles).toEqual([]);
    expectNothingLeaked(rig, result);
  });
});

describe.each(SANDBOXES)('private_key_jwt under bru run --sandbox %s', (sandbox) => {
  const key = newKeyPair('rsa', { modulusLength: 2048 });
  const PRIVATE_KEY = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const clientId = `bruno-${sandbox}-private-key-jwt`;

  it('the JWT signed in the sandbox (lib/ module) authenticates every token request; the key shows nowhere', async () => {
    const op = await startOidcProvider({
      ttlSeconds: 60,
      signedClients: [{ id: clientId, method: 'private_key_jwt', alg: 'RS256', publicKey: key.publicKey }],
    });
    const api = await startProtectedApi({ validate: op.validateToken });
    try {
      const plan = await planFromConfig({
        name: 'Bruno signed',
        auth: { type: 'oauth2', tokenUrl: '{{token_url}}', clientAuth: 'private_key_jwt', expiryBufferSeconds: 1 },
        environments: { e2e: { base_url: api.url, token_url: op.tokenUrl, client_id: clientId } },
        items: orders(3),
      });
      const files = await renderBruno(plan);
      expect(files.map((f) => f.path)).toContain('bruno/bruno-signed/lib/gen-collection-jwt-rs256.js');
      const result = await runBru(files, {
        sandbox,
        env: 'e2e',
        envVars: { client_private_key: PRIVATE_KEY.replace(/\n/g, '\\n') },
      });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(result.tests.filter((t) => t.status !== 'pass')).toEqual([]);
      const mine = op.tokenRequests.filter((r) => r.clientId === clientId);
      expect(mine.map((r) => r.clientAuth)).toEqual(['private_key_jwt']);
      expect(api.stats.unauthorized).toBe(0);
      expect(result.changedFiles).toEqual([]);
      const body = PRIVATE_KEY.split('\n').slice(1, 3).join('\n');
      assertNoSecret({ 'private key': body }, outputs(result));
    } finally {
      await Promise.all([api.close(), op.close()]);
    }
  });
});
