/**
 * Issue 4, cases 1–8: the token lifecycle of a generated collection, proven in real Newman against
 * the test token server (grants, refresh, expiry sources, storage, retry on 401, faults) and the
 * real newman CLI (secret hygiene). Each case starts its own servers, so the cases run side by side.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { REPLAY_TEST_FILES } from './replay-scripts.js';
import { FAULT_CASES, PAST_FIRST_BACKOFF_MS } from './fault-cases.js';
import { buildFromConfig, buildOutputFiles } from '../../src/build/build-from-config.js';
import { generate } from './generate.js';
import { runNewman, type NewmanResult, type RunNewmanOptions } from './newman.js';
import { withoutNewmanCopies } from './newman-report.js';
import { assertNoSecret, secretForms } from './no-secret.js';
import { refusedUrl } from './servers/http-util.js';
import { startProtectedApi, type ProtectedApi } from './servers/protected-api.js';
import { startTokenServer, type TokenServer, type TokenServerOptions } from './servers/token-server.js';
import { failureText, GREEN, newmanTexts, outcome } from '../helpers/newman-outcome.js';
import { expectNothingLeaked, GET_ONE, LIST, lifecycleConfig } from '../helpers/token-lifecycle.js';

const ROOT = join(import.meta.dirname, '../..');
const NEWMAN_BIN = join(ROOT, 'node_modules/.bin/newman');

interface Rig {
  ts: TokenServer;
  api: ProtectedApi;
}

/** Starts a token server and a protected API validating its tokens; closes both after `fn`. */
async function withRig<T>(opts: TokenServerOptions, fn: (rig: Rig) => Promise<T>): Promise<T> {
  const ts = await startTokenServer(opts);
  const api = await startProtectedApi({ validate: ts.validateToken });
  try {
    return await fn({ ts, api });
  } finally {
    await api.close();
    await ts.close();
  }
}

/** Generates `config`, runs it with the `e2e` environment selected and the secrets passed as `--env-var`, and checks nothing leaked. */
async function runGenerated(
  rig: Rig,
  config: Record<string, unknown>,
  opts: RunNewmanOptions & { files?: Record<string, string>; selectEnvironment?: boolean } = {},
): Promise<NewmanResult> {
  const { collection, environment } = await generate(config, opts.files);
  const { files: _files, selectEnvironment = true, ...runOpts } = opts;
  const result = await runNewman(collection, {
    environment: selectEnvironment ? environment('e2e') : undefined,
    ...runOpts,
    envVars: { client_secret: rig.ts.client.secret, password: rig.ts.user.password, ...runOpts.envVars },
  });
  // Checked first, so that no later failing expectation prints a leaked secret in its diff.
  expectNothingLeaked(rig.ts, newmanTexts(result));
  return result;
}

describe.concurrent('token lifecycle in Newman', () => {
  describe('case 1: client_credentials, client auth × body format, parameters', () => {
    it.each([
      { clientAuth: 'basic', bodyFormat: 'form' },
      { clientAuth: 'basic', bodyFormat: 'json' },
      { clientAuth: 'body', bodyFormat: 'form' },
      { clientAuth: 'body', bodyFormat: 'json' },
    ] as const)('clientAuth $clientAuth, bodyFormat $bodyFormat', async ({ clientAuth, bodyFormat }) => {
      await withRig({ ttlSeconds: 60 }, async (rig) => {
        const config = lifecycleConfig(
          rig,
          {
            grantType: 'client_credentials',
            clientAuth,
            bodyFormat,
            scope: 'orders:read orders:write',
            audience: 'https://orders.example.test',
            resource: 'urn:example:orders',
            extraParams: { tenant: '{{tenant}}', prompt: 'none' },
          },
          { env: { tenant: 'acme-corp' } },
        );
        const result = await runGenerated(rig, config);

        expect(outcome(result)).toEqual(GREEN);
        expect(rig.ts.tokenRequests).toHaveLength(1);
        const [record] = rig.ts.tokenRequests;
        expect(record).toMatchObject({
          grantType: 'client_credentials',
          clientAuth,
          bodyFormat,
          clientId: rig.ts.client.id,
          status: 200,
        });
        expect(record.params).toMatchObject({
          grant_type: 'client_credentials',
          scope: 'orders:read orders:write',
          audience: 'https://orders.example.test',
          resource: 'urn:example:orders',
          tenant: 'acme-corp',
          prompt: 'none',
        });
        expect(record.clientSecret === rig.ts.client.secret).toBe(true);
        if (clientAuth === 'basic') expect('client_secret' in record.params).toBe(false);
        expect(rig.api.log.map((r) => `${r.path} ${r.status}`)).toEqual(['/orders 200', '/orders/1 200']);
      });
    });
  });

  describe('case 2: password grant', () => {
    it.each([
      { clientAuth: 'basic', bodyFormat: 'form' },
      { clientAuth: 'body', bodyFormat: 'json' },
    ] as const)(
      'username/password variables, clientAuth $clientAuth, bodyFormat $bodyFormat',
      async ({ clientAuth, bodyFormat }) => {
        await withRig({ ttlSeconds: 60 }, async (rig) => {
          const config = lifecycleConfig(rig, { grantType: 'password', clientAuth, bodyFormat, scope: 'orders:read' });
          const result = await runGenerated(rig, config);

          expect(outcome(result)).toEqual(GREEN);
          expect(rig.ts.tokenRequests).toHaveLength(1);
          const [record] = rig.ts.tokenRequests;
          expect(record).toMatchObject({ grantType: 'password', clientAuth, bodyFormat, status: 200 });
          expect(record.params).toMatchObject({ username: rig.ts.user.username, scope: 'orders:read' });
          expect(record.params.password === rig.ts.user.password).toBe(true);
          expect(rig.api.stats).toMatchObject({ requests: 2, unauthorized: 0, withoutToken: 0 });
        });
      },
    );
  });

  describe('case 3: refresh token', () => {
    // 3 s tokens with a 1 s buffer and 2.3 s between requests: every request after the first finds its token expired,
    // and a run slowed by a busy machine still has 2 s to bring a fresh token to the API (2 s tokens left it 1 s:
    // too little beside another test file on 2 cores).
    const items = [LIST, GET_ONE, { ...LIST, name: 'List orders again' }];

    it.each([
      { clientAuth: 'basic', bodyFormat: 'form' },
      { clientAuth: 'body', bodyFormat: 'json' },
    ] as const)(
      'the next token request is refresh_token with the same client auth ($clientAuth, $bodyFormat)',
      async ({ clientAuth, bodyFormat }) => {
        await withRig({ ttlSeconds: 3, refreshTokens: { ttlSeconds: 60 } }, async (rig) => {
          const config = lifecycleConfig(rig, { grantType: 'client_credentials', clientAuth, bodyFormat }, { items });
          const result = await runGenerated(rig, config, { delayRequest: 2300, exportEnvironment: true });

          expect(outcome(result)).toEqual(GREEN);
          expect(rig.ts.tokenRequests.map((r) => `${r.grantType} ${r.status}`)).toEqual([
            'client_credentials 200',
            'refresh_token 200',
            'refresh_token 200',
          ]);
          for (const record of rig.ts.tokenRequests) {
            expect(record).toMatchObject({ clientAuth, bodyFormat, clientId: rig.ts.client.id });
            expect(record.clientSecret === rig.ts.client.secret).toBe(true);
          }
          expect(rig.api.stats).toMatchObject({ requests: 3, unauthorized: 0, withoutToken: 0 });
          expect(result.exportedEnvironment?.refresh_token?.length ?? 0).toBeGreaterThan(10);
        });
      },
    );

    it.each([
      { clientAuth: 'basic', bodyFormat: 'form' },
      { clientAuth: 'body', bodyFormat: 'json' },
    ] as const)(
      'invalid_grant on refresh falls back to the primary grant in the same request; the run stays green ($clientAuth)',
      async ({ clientAuth, bodyFormat }) => {
        await withRig(
          { ttlSeconds: 3, refreshTokens: { ttlSeconds: 60 }, refreshFault: 'invalid_grant' },
          async (rig) => {
            const config = lifecycleConfig(rig, { grantType: 'client_credentials', clientAuth, bodyFormat }, { items });
            const result = await runGenerated(rig, config, { delayRequest: 2300 });

            expect(outcome(result)).toEqual(GREEN);
            expect(rig.ts.tokenRequests.map((r) => `${r.grantType} ${r.status}`)).toEqual([
              'client_credentials 200',
              'refresh_token 400',
              'client_credentials 200',
              'refresh_token 400',
              'client_credentials 200',
            ]);
            for (const record of rig.ts.tokenRequests) expect(record).toMatchObject({ clientAuth, bodyFormat });
            // Refresh, fallback and the protected request all belong to the same item.
            const ofItem = (item: string) =>
              result.requests.filter((r) => r.item === item).map((r) => `${r.method} ${r.status}`);
            expect(ofItem('Get order')).toEqual(['POST 400', 'POST 200', 'GET 200']);
            expect(rig.api.stats).toMatchObject({ requests: 3, unauthorized: 0, withoutToken: 0 });
          },
        );
      },
    );
  });

  describe('case 4: expiry without expires_in', () => {
    it('a JWT access token: expiry taken from its exp claim, renewed before it expires', async () => {
      const items = Array.from({ length: 6 }, (_, i) => ({ ...LIST, name: `List ${i + 1}` }));
      // exp lands 3–4 s after issue (whole seconds): with the 1 s buffer a token serves > 2 s of 0.7 s-spaced requests.
      await withRig({ ttlSeconds: 4, expiry: 'jwt-exp' }, async (rig) => {
        const config = lifecycleConfig(rig, { grantType: 'client_credentials', clientAuth: 'basic' }, { items });
        const result = await runGenerated(rig, config, { delayRequest: 700, exportEnvironment: true });

        expect(outcome(result)).toEqual(GREEN);
        const exported = result.exportedEnvironment ?? {};
        const payload = JSON.parse(
          Buffer.from((exported.access_token ?? '..').split('.')[1] ?? '', 'base64url').toString('utf8') || '{}',
        ) as { exp?: number };
        expect(exported.token_expires_at).toBe(String((payload.exp ?? 0) * 1000));
        // Each token serves more than one request (reuse), and the ≥ 4.2 s run outlives one token (renewal).
        expect(rig.ts.tokenRequests.length).toBeGreaterThanOrEqual(2);
        expect(rig.ts.tokenRequests.length).toBeLessThan(items.length);
        expect(rig.api.stats).toMatchObject({ requests: 6, unauthorized: 0, withoutToken: 0 });
      });
    });

    it('neither expires_in nor a JWT: the token is kept until a 401, then replaced', async () => {
      const items = [LIST, GET_ONE, { ...LIST, name: 'List orders again' }];
      // The server drops tokens after 2.5 s; requests come ≥ 1.4 s apart, so the third finds its token dead.
      await withRig({ ttlSeconds: 2.5, expiry: 'none' }, async (rig) => {
        const config = lifecycleConfig(
          rig,
          { grantType: 'client_credentials', clientAuth: 'basic', retryOn401: true },
          { items },
        );
        const result = await runGenerated(rig, config, { delayRequest: 1400, exportEnvironment: true });

        expect(outcome(result)).toEqual(GREEN);
        const { unauthorized } = rig.api.stats;
        expect(unauthorized).toBeGreaterThanOrEqual(1);
        // No proactive renewal: one token request at the start and one per 401, and at least one reuse.
        expect(rig.ts.tokenRequests).toHaveLength(1 + unauthorized);
        expect(rig.ts.tokenRequests.length).toBeLessThan(items.length);
        expect(rig.api.log.filter((r) => r.status === 200)).toHaveLength(3);
        expect(rig.api.stats.withoutToken).toBe(0);
        expect(result.exportedEnvironment?.access_token?.length ?? 0).toBeGreaterThan(10);
      });
    });
  });

  describe('case 5: storage, iterations and a data file', () => {
    it.each([
      { storage: 'environment', selectEnvironment: true, holder: 'environment' },
      { storage: 'collection', selectEnvironment: true, holder: 'collection' },
      { storage: 'auto', selectEnvironment: true, holder: 'environment' },
      { storage: 'auto', selectEnvironment: false, holder: 'collection' },
    ] as const)(
      'storage $storage, environment selected: $selectEnvironment → token in $holder variables, reused over 3 iterations',
      async ({ storage, selectEnvironment, holder }) => {
        const dir = await mkdtemp(join(tmpdir(), 'gen-collection-e2e-data-'));
        try {
          const dataFile = join(dir, 'orders.json');
          await writeFile(dataFile, JSON.stringify([{ order_id: '11' }, { order_id: '12' }, { order_id: '13' }]));
          await withRig({ ttlSeconds: 60 }, async (rig) => {
            const items = [
              { name: 'Get order from data', url: '{{base_url}}/orders/{{order_id}}', expect: { status: 200 } },
              LIST,
            ];
            const config = lifecycleConfig(
              rig,
              { grantType: 'client_credentials', clientAuth: 'body', storage },
              { items },
            );
            const envVars: Record<string, string> = selectEnvironment
              ? {}
              : { base_url: rig.api.url, token_url: rig.ts.tokenUrl, client_id: rig.ts.client.id };
            const result = await runGenerated(rig, config, {
              selectEnvironment,
              envVars,
              iterationCount: 3,
              iterationData: dataFile,
              exportEnvironment: true,
            });

            expect(outcome(result)).toEqual(GREEN);
            expect(rig.ts.tokenRequests).toHaveLength(1);
            expect(rig.api.stats.byPath).toEqual({ '/orders/11': 1, '/orders/12': 1, '/orders/13': 1, '/orders': 3 });
            expect(rig.api.stats).toMatchObject({ unauthorized: 0, withoutToken: 0 });
            const inEnvironment = result.exportedEnvironment?.access_token ?? '';
            const inCollection = result.collectionVariables.access_token ?? '';
            const expectedHolder =
              holder === 'environment'
                ? { inEnvironment: true, inCollection: false }
                : { inEnvironment: false, inCollection: true };
            expect({ inEnvironment: inEnvironment.length > 0, inCollection: inCollection.length > 0 }).toEqual(
              expectedHolder,
            );
            const expiresAt =
              holder === 'environment'
                ? result.exportedEnvironment?.token_expires_at
                : result.collectionVariables.token_expires_at;
            expect(expiresAt).toMatch(/^\d{13}$/);
          });
        } finally {
          await rm(dir, { recursive: true, force: true });
        }
      },
    );
  });

  describe('case 6: retry on 401', () => {
    const files = REPLAY_TEST_FILES;

    it('a valid token rejected once: the request is replayed once and passes; the rejected attempt fails no test', async () => {
      await withRig({ ttlSeconds: 60 }, async (rig) => {
        const items = [{ ...LIST, scripts: { test: 'scripts-src/orders-shape.test.ts' } }, GET_ONE];
        const config = lifecycleConfig(
          rig,
          { grantType: 'client_credentials', clientAuth: 'basic', retryOn401: true },
          {
            items,
            scripts: { test: ['scripts-src/no-error.test.ts'] },
          },
        );
        rig.api.rejectNextValidTokenOnce();
        const result = await runGenerated(rig, config, { files });

        expect(outcome(result)).toEqual(GREEN);
        expect(rig.api.log.map((r) => `${r.path} ${r.status}`)).toEqual([
          '/orders 401',
          '/orders 200',
          '/orders/1 200',
        ]);
        expect(rig.ts.tokenRequests).toHaveLength(2);
        // Each test of the replayed item ran once (for the passing attempt), none for the rejected one.
        const ran = result.assertions
          .filter((a) => a.item === 'List orders' && !a.skipped)
          .map((a) => `${a.name} ${a.passed}`)
          .sort();
        expect(ran).toEqual([
          'orders body has an orders array true',
          'response has no error field true',
          'status is 200 true',
        ]);
      });
    });

    it('an endpoint that always answers 401: one replay, then a failing test; the run ends', async () => {
      await withRig({ ttlSeconds: 60 }, async (rig) => {
        const items = [{ name: 'Always 401', url: '{{base_url}}/always-401', expect: { status: 200 } }, LIST];
        const config = lifecycleConfig(
          rig,
          { grantType: 'client_credentials', clientAuth: 'basic', retryOn401: true },
          { items },
        );
        const result = await runGenerated(rig, config, { timeout: 30_000 });

        expect(result.runError).toBeUndefined();
        expect(result.exitCode).toBe(1);
        expect(rig.api.stats.byPath).toEqual({ '/always-401': 2, '/orders': 1 });
        expect(rig.api.log.at(-1)).toMatchObject({ path: '/orders', status: 200 });
        expect(result.failures.length).toBeGreaterThanOrEqual(1);
        expect(result.failures.every((f) => f.item === 'Always 401')).toBe(true);
        expect(result.failures.map(failureText).join('\n')).toMatch(/401/);
        expect(rig.ts.tokenRequests.length).toBeLessThanOrEqual(3);
      });
    });
  });

  describe('case 7: token endpoint faults', () => {
    // Issue 11 changed the second request: a permanent failure is not asked again, a transient one only after
    // its backoff window (the requests are spaced past the first window).
    it.each(FAULT_CASES)(
      '$fault → summary, a failing test naming URL/status/error, protected request not sent, next request after the window retries a transient failure only',
      async ({ fault, mentions, transient, recovers }) => {
        const refused = fault === 'refused' ? await refusedUrl('/token') : undefined;
        const serverFault = fault === 'refused' ? 'none' : fault;
        await withRig({ ttlSeconds: 60, fault: serverFault, slowMs: 2_500 }, async (rig) => {
          const tokenUrl = refused ?? rig.ts.tokenUrl;
          const config = lifecycleConfig(rig, { grantType: 'client_credentials', clientAuth: 'body' }, { tokenUrl });
          const result = await runGenerated(rig, config, {
            timeoutRequest: 1_000,
            timeout: 30_000,
            delayRequest: PAST_FIRST_BACKOFF_MS,
          });

          expect(result.runError).toBeUndefined();
          expect(result.exceptions).toEqual([]);
          expect(result.exitCode).toBe(1);
          const tokenAttempts = result.requests.filter((r) => r.url === tokenUrl);
          expect(tokenAttempts.map((r) => r.item)).toEqual(transient ? ['List orders', 'Get order'] : ['List orders']);

          const firstFailures = result.failures.filter((f) => f.item === 'List orders').map(failureText);
          const named = firstFailures.find((text) => text.includes(tokenUrl));
          expect(
            named,
            `a failure of "List orders" naming ${tokenUrl}; got: ${firstFailures.join(' | ')}`,
          ).toBeDefined();
          for (const mention of mentions) expect(named).toMatch(mention);

          if (recovers) {
            expect(rig.api.log.map((r) => `${r.path} ${r.status}`)).toEqual(['/orders/1 200']);
            expect(result.failures.every((f) => f.item === 'List orders')).toBe(true);
          } else {
            expect(rig.api.stats.requests).toBe(0);
            expect(result.failures.some((f) => f.item === 'Get order' && failureText(f).includes(tokenUrl))).toBe(true);
          }
        });
      },
    );
  });

  describe('case 8: secret hygiene', () => {
    it('a distinctive secret passed by --env-var shows in no CLI output, report, generated file or thrown message', async () => {
      const secret = 'cs-E2E-7f3Kq9LzWm2Xv8Rt';
      const password = 'pw-E2E-4Jd8Rk2Qs6Tn1Vy';
      const dir = await mkdtemp(join(tmpdir(), 'gen-collection-e2e-cli-'));
      try {
        // The first token request times out (a failure path with the secret in its body), later ones work.
        const server = {
          ttlSeconds: 60,
          client: { id: 'hygiene-client', secret },
          user: { username: 'bob', password },
          fault: 'slow-once' as const,
          slowMs: 2_500,
        };
        await withRig(server, async (rig) => {
          const config = {
            ...lifecycleConfig(
              rig,
              { grantType: 'password', clientAuth: 'body', retryOn401: true },
              {
                items: [LIST, GET_ONE, { name: 'Always 401', url: '{{base_url}}/always-401', expect: { status: 200 } }],
              },
            ),
            output: dir,
          };
          const built = await buildFromConfig(config, { baseDir: dir });
          const files = buildOutputFiles(built);
          for (const file of files) await writeFile(file.path, file.content);
          const jsonReport = join(dir, 'report.json');
          const junitReport = join(dir, 'report.xml');

          const cli = await promisify(execFile)(
            NEWMAN_BIN,
            [
              'run',
              join(dir, built.collectionFile),
              '-e',
              join(dir, built.environments[0]?.file ?? ''),
              '--env-var',
              `client_secret=${secret}`,
              '--env-var',
              `password=${password}`,
              // Past the backoff window of the timed-out first attempt (issue 11), so the second request asks again.
              '--timeout-request',
              '1000',
              '--timeout',
              '30000',
              '--delay-request',
              String(PAST_FIRST_BACKOFF_MS),
              '-r',
              'cli,json,junit',
              '--reporter-json-export',
              jsonReport,
              '--reporter-junit-export',
              junitReport,
              '--color',
              'off',
            ],
            { timeout: 60_000, env: { ...process.env, FORCE_COLOR: '0' } },
          ).then(
            (out) => ({ code: 0, stdout: out.stdout, stderr: out.stderr }),
            (error: { code?: number; stdout?: string; stderr?: string }) => ({
              code: error.code ?? -1,
              stdout: error.stdout ?? '',
              stderr: error.stderr ?? '',
            }),
          );

          // The run is real: the timed-out token request failed its item, the next item got a token, the 401 item failed.
          expect(cli.code).toBe(1);
          expect(rig.api.log.map((r) => `${r.path} ${r.status}`)).toEqual([
            '/orders/1 200',
            '/always-401 401',
            '/always-401 401',
          ]);
          expect(cli.stdout).toContain(rig.ts.tokenUrl);
          expect(cli.stdout).toContain('Always 401');

          const report: unknown = JSON.parse(await readFile(jsonReport, 'utf8'));
          const { rest, copies } = withoutNewmanCopies(report, {
            envVarKeys: ['client_secret', 'password'],
            tokenUrl: rig.ts.tokenUrl,
          });
          // Newman itself writes every --env-var value and the errored token request into its JSON report
          // (README: keep that report private); everything else in it must be clean.
          expect(copies.envVars).toBe(2);
          expect(copies.tokenRequests).toBeGreaterThanOrEqual(1);
          const places = {
            'CLI stdout': cli.stdout,
            'CLI stderr': cli.stderr,
            'JUnit report': await readFile(junitReport, 'utf8'),
            "JSON report (less Newman's own copies)": JSON.stringify(rest),
            ...Object.fromEntries(
              await Promise.all(
                files.map(async (f) => [`generated ${f.path}`, await readFile(f.path, 'utf8')] as const),
              ),
            ),
          };
          assertNoSecret(secretForms(secret, rig.ts.client.id), places);
          assertNoSecret(secretForms(password), places);
          const logs = { 'CLI stdout': cli.stdout, 'CLI stderr': cli.stderr, 'JUnit report': places['JUnit report'] };
          for (const token of rig.ts.issuedTokens()) assertNoSecret({ token }, logs);
        });

        // A secret written into the config is refused, and the message does not repeat it.
        const leaky = {
          name: 'Leaky',
          auth: { type: 'oauth2', tokenUrl: 'http://127.0.0.1:1/token' },
          environments: { dev: { client_secret: secret } },
          items: [LIST],
        };
        const thrown = await buildFromConfig(leaky, { baseDir: dir }).then(
          () => undefined,
          (error: unknown) => error,
        );
        expect(thrown).toBeInstanceOf(Error);
        assertNoSecret(secretForms(secret), {
          'thrown message': String((thrown as Error).message),
          'thrown fix': String((thrown as { fix?: string }).fix),
        });
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    });
  });
});
