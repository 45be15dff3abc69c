/**
 * Issue 20: the token flow in the Postman v3 runtime (`postman collection run` on a v3 folder, Postman CLI
 * 1.34.0), for the `postman-v3` format as built and for the default v2.1 output converted with `postman
 * collection migrate`, against the e2e token servers. The cli reporter is the only one allowed for v3 folders:
 * outcomes come from its output and exit code and from what the servers recorded. The token flow needs the
 * shared token script's v3 fixes (DESIGN.md token rule 11); the layout cases (lint, same as migrate) do not.
 */

import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFromConfigFile } from '../../src/build/build-from-config.js';
import { assertNoSecret, secretForms } from '../e2e/no-secret.js';
import { SHORT_TOKEN_BUFFER_SECONDS, startOidcProvider, type OidcProvider } from '../e2e/servers/oidc.js';
import { startProtectedApi } from '../e2e/servers/protected-api.js';
import { WRONG_SECRET } from '../helpers/wrong-secret.js';
import { cli, runV3, runV3Folder, type V3Run, type V3Source } from './postman-v3.js';
import type { Rig } from './side-by-side.js';
import { newKeyPair } from '../../src/keys/key-pair.js';

const ROOT = join(import.meta.dirname, '../..');
const EXAMPLES = [
  'examples/orders-api/gen-collection.config.json',
  'examples/inventory-yaml/gen-collection.config.yaml',
];
const SOURCES: V3Source[] = ['postman-v3', 'migrated'];
const SKIPPED = 'no access token, request skipped';
const TTL_SECONDS = 4;
const BUFFER_SECONDS = SHORT_TOKEN_BUFFER_SECONDS;

const orders = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    name: `Order ${i + 1}`,
    url: `{{base_url}}/orders/${i + 1}`,
    expect: { status: 200 },
  }));

/** client_credentials with the secret in the body (so an inherited Bearer on the token request would show). */
function tokenConfig(items: unknown[], auth: Record<string, unknown> = {}) {
  return (rig: Rig): Record<string, unknown> => ({
    name: 'V3 token flow',
    auth: {
      type: 'oauth2',
      grantType: 'client_credentials',
      clientAuth: 'body',
      tokenUrl: '{{token_url}}',
      expiryBufferSeconds: BUFFER_SECONDS,
      ...auth,
    },
    environments: { e2e: { base_url: rig.api.url, token_url: rig.tokenUrl, client_id: rig.ts.client.id } },
    items,
  });
}

/** Nothing secret in what the CLI printed: the client secret and every issued token. */
function expectNothingLeaked(run: V3Run): void {
  const texts = { stdout: run.stdout, stderr: run.stderr };
  assertNoSecret(secretForms(run.rig.ts.client.secret, run.rig.ts.client.id), texts);
  for (const token of run.rig.ts.issuedTokens()) assertNoSecret({ token }, texts);
}

/** The token requests the servers saw carried no `Authorization: Bearer` (rule 11, v3 difference 4). */
function expectNoBearerOnTokenRequests(run: V3Run): void {
  expect(run.rig.ts.tokenRequests.filter((r) => r.bearer)).toEqual([]);
}

describe('postman-v3 output: layout', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gen-collection-v3-layout-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it.each(EXAMPLES)(
    '%s: postman collection lint passes; same files and keys as collection migrate writes',
    async (example) => {
      const result = await buildFromConfigFile(join(ROOT, example), { formats: ['postman', 'postman-v3'] });
      const out = join(dir, example.split('/')[1]!);
      for (const { files } of result.outputs) {
        for (const f of files) {
          const file = join(out, f.path);
          await mkdir(dirname(file), { recursive: true });
          await writeFile(file, f.content);
        }
      }
      const built = join(out, 'collections', result.plan.slug);
      const lint = await cli(['collection', 'lint', built], dir, 60_000);
      expect(lint.stdout + lint.stderr).toContain('No issues found.');
      expect(lint.exitCode).toBe(0);

      const migrated = join(out, 'migrated');
      const migrate = await cli(
        ['collection', 'migrate', join(out, `${result.plan.slug}.postman_collection.json`), '-o', migrated],
        dir,
        60_000,
      );
      expect(migrate.exitCode, migrate.stdout + migrate.stderr).toBe(0);
      // The v3 runtime lends the collection's and the folders' auth to the token request, so ours puts each
      // request's effective auth on the request instead, and the token script's header says so (its first key).
      // Everything else is the same data as migrate writes.
      const withoutAuth = (value: unknown) =>
        JSON.parse(JSON.stringify(value), (key, v: unknown) =>
          key === 'auth' ? undefined : typeof v === 'string' ? v.replace(/^ {2}"authOnItems": true,\n/m, '') : v,
        ) as unknown;
      const [ours, theirs] = await Promise.all([yamlTree(built), yamlTree(migrated)]);
      expect(Object.keys(ours)).toEqual(Object.keys(theirs));
      expect(withoutAuth(ours)).toEqual(withoutAuth(theirs));
      const auths = Object.entries(ours).map(([file, doc]) => [file, (doc as { auth?: unknown }).auth] as const);
      for (const [file, auth] of auths) {
        if (file.endsWith('.request.yaml'))
          expect(auth, file).toMatchObject({ type: expect.stringMatching(/^(bearer|noauth)$/) });
        else expect(auth, file).toBeUndefined();
      }
    },
  );
});

/** Every YAML file below `dir`, parsed, by relative path. */
async function yamlTree(dir: string, prefix = ''): Promise<Record<string, unknown>> {
  const tree: Record<string, unknown> = {};
  for (const name of (await readdir(join(dir, prefix))).sort()) {
    const rel = prefix ? `${prefix}/${name}` : name;
    if ((await stat(join(dir, rel))).isDirectory()) Object.assign(tree, await yamlTree(dir, rel));
    else tree[relative(dir, join(dir, rel))] = parse(await readFile(join(dir, rel), 'utf8'));
  }
  return tree;
}

describe.concurrent.each(SOURCES)('the token flow in the v3 runtime (%s)', (source) => {
  it('green with 4 s tokens: every request sent with a token, token requests within the bound, none carrying a Bearer', async () => {
    const run = await runV3({
      source,
      server: { ttlSeconds: TTL_SECONDS },
      config: tokenConfig(orders(12)),
      delayRequest: 700,
      timeout: 60_000,
    });
    expectNothingLeaked(run);
    expect(run.failedTests).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.rig.api.log.map((r) => `${r.path} ${r.status}`)).toEqual(
      orders(12).map((_, i) => `/orders/${i + 1} 200`),
    );
    expect(run.rig.api.stats.withoutToken).toBe(0);
    const bound = Math.ceil(run.ms / 1000 / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
    expect(run.rig.ts.tokenRequests.length).toBeGreaterThanOrEqual(2);
    expect(run.rig.ts.tokenRequests.length).toBeLessThanOrEqual(bound);
    expectNoBearerOnTokenRequests(run);
  });

  it('retry on 401: the rejected request is replayed once and passes; the run is green', async () => {
    const run = await runV3({
      source,
      server: { ttlSeconds: 60 },
      config: tokenConfig(orders(2), { retryOn401: true }),
      arm: (rig) => rig.api.rejectNextValidTokenOnce(),
    });
    expectNothingLeaked(run);
    expect(run.failedTests).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.rig.api.log.map((r) => `${r.path} ${r.status}`)).toEqual([
      '/orders/1 401',
      '/orders/1 200',
      '/orders/2 200',
    ]);
    expect(run.rig.ts.tokenRequests).toHaveLength(2);
    expectNoBearerOnTokenRequests(run);
  });

  it('a wrong client secret: one token request for the run, every protected request skipped with the cause', async () => {
    const run = await runV3({
      source,
      server: { ttlSeconds: 60 },
      config: tokenConfig(orders(6)),
      envVars: () => ({ client_secret: WRONG_SECRET }),
    });
    expectNothingLeaked(run);
    expect(run.exitCode).toBe(1);
    expect(run.rig.api.log).toEqual([]);
    expect(run.rig.ts.tokenRequests.map((r) => r.status)).toEqual([401]);
    expect(run.stdout).toContain(SKIPPED);
    // The v3 summary adds "Request could not be completed" for a request its pre-request script skipped at once.
    const ours = run.failedTests.filter((t) => !t.endsWith(': Request could not be completed'));
    expect(ours.map((t) => t.split(':')[0])).toEqual(orders(6).map((o) => o.name));
    for (const test of ours) expect(test).toContain('HTTP 401 (invalid_client');
    expectNoBearerOnTokenRequests(run);
  });

  it('a 3 s outage of the token endpoint (503): attempts back off, then the run recovers', async () => {
    const run = await runV3({
      source,
      server: { ttlSeconds: 60, fault: 'status-503-for', outageMs: 3_000 },
      config: tokenConfig(orders(20)),
      delayRequest: 250,
      timeout: 60_000,
    });
    expectNothingLeaked(run);
    const attempts = run.rig.ts.tokenRequests;
    expect(attempts.length).toBeGreaterThanOrEqual(2);
    expect(attempts.length).toBeLessThanOrEqual(Math.ceil(Math.log2(3)) + 2);
    expect(attempts.at(-1)?.status).toBe(200);
    attempts.slice(1).forEach((a, i) => expect(a.at - attempts[i]!.at).toBeGreaterThanOrEqual(1000 * 2 ** i));
    expect(run.rig.api.stats.withoutToken).toBe(0);
    expect(run.rig.api.log.length).toBeGreaterThan(0);
    expect(run.rig.api.log.every((r) => r.status === 200)).toBe(true);
    expect(run.rig.api.log.at(-1)?.path).toBe('/orders/20');
    expectNoBearerOnTokenRequests(run);
  });

  it('auth profiles: each profile gets its own token (by scope) and sends it; green', async () => {
    const run = await runV3({
      source,
      server: { ttlSeconds: 60 },
      config: (rig) => ({
        ...tokenConfig([
          { name: 'Default', url: '{{base_url}}/orders/1', expect: { status: 200 } },
          {
            name: 'Admin',
            auth: 'admin',
            items: [
              { name: 'Admin orders', url: '{{base_url}}/orders', expect: { status: 200 } },
              { name: 'Admin health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
            ],
          },
          { name: 'Default again', url: '{{base_url}}/orders/2', expect: { status: 200 } },
        ])(rig),
        authProfiles: {
          admin: {
            type: 'oauth2',
            tokenUrl: '{{token_url}}',
            clientAuth: 'body',
            scope: 'orders:admin',
            variables: { clientId: 'client_id', clientSecret: 'client_secret' },
          },
        },
      }),
    });
    expectNothingLeaked(run);
    expect(run.failedTests).toEqual([]);
    expect(run.exitCode).toBe(0);
    expect(run.rig.api.log.map((r) => `${r.path} ${r.status} ${r.hadToken}`)).toEqual([
      '/orders/1 200 true',
      '/orders 200 true',
      '/health 200 false',
      '/orders/2 200 true',
    ]);
    expect(run.rig.ts.tokenRequests.map((r) => r.params.scope ?? '')).toEqual(['', 'orders:admin']);
    expectNoBearerOnTokenRequests(run);
  });
});

describe.each(SOURCES)('signed client authentication in the v3 runtime (%s)', (source) => {
  const key = newKeyPair('rsa', { modulusLength: 2048 });
  const clientId = `v3-private-key-jwt-${source}`;
  let op: OidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider({
      ttlSeconds: 60,
      signedClients: [{ id: clientId, method: 'private_key_jwt', alg: 'RS256', publicKey: key.publicKey }],
    });
  });
  afterAll(async () => {
    await op.close();
  });

  it('private_key_jwt (RS256, signed in the sandbox): one token for the run, green (migrated: the known limit, reported)', async () => {
    const api = await startProtectedApi({ validate: op.validateToken });
    try {
      const privateKey = key.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
      const run = await runV3Folder({
        source,
        config: {
          name: 'V3 signed',
          auth: { type: 'oauth2', tokenUrl: '{{token_url}}', clientAuth: 'private_key_jwt', expiryBufferSeconds: 1 },
          environments: { e2e: { base_url: api.url, token_url: op.tokenUrl, client_id: clientId } },
          items: orders(3),
        },
        envVars: { client_private_key: privateKey },
        timeout: 60_000,
      });
      assertNoSecret({ privateKey }, { stdout: run.stdout, stderr: run.stderr });
      if (source === 'migrated') {
        // A migrated v2.1 collection keeps its collection Bearer, which the v3 runtime lends to the token request
        // unless it has an Authorization header: the empty one the script adds is a second client authentication
        // to oidc-provider beside the assertion. Known limit (README, Postman v12): reported once a request, no storm.
        expect(run.exitCode).toBe(1);
        expect(api.log).toEqual([]);
        const reported = run.failedTests.filter((t) => !t.endsWith(': Request could not be completed'));
        expect(reported).toHaveLength(3);
        for (const t of reported) expect(t).toContain('HTTP 400 (invalid_request: invalid authorization header');
        return;
      }
      expect(run.failedTests).toEqual([]);
      expect(run.exitCode).toBe(0);
      expect(api.log.map((r) => `${r.path} ${r.status}`)).toEqual(['/orders/1 200', '/orders/2 200', '/orders/3 200']);
      expect(op.granted.filter((g) => g.clientId === clientId)).toHaveLength(1);
    } finally {
      await api.close();
    }
  });
});
