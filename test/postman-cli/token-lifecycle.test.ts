/**
 * Issue 4, item 9: cases 1, 3, 6 and the whole token-endpoint fault matrix (7) of the Newman suite
 * (test/e2e/token-lifecycle.test.ts), run under the official Postman CLI (sandbox 6.x) and under Newman
 * side by side, each against its own servers. Every case checks that the two runs have the same outcome
 * (exit code, failing tests and their messages, what the API and the token server received, which tests
 * ran) and that the Postman CLI run meets the case's expectations; no secret or token reaches the output.
 */
import { describe, expect, it } from 'vitest';
import { REPLAY_TEST_FILES } from '../e2e/replay-scripts.js';
import { FAULT_CASES, PAST_FIRST_BACKOFF_MS } from '../e2e/fault-cases.js';
import { failureText } from '../helpers/newman-outcome.js';
import {
  expectNothingLeaked as expectNoSecretIn,
  GET_ONE,
  LIST,
  lifecycleConfig,
  type LifecycleParts,
} from '../helpers/token-lifecycle.js';
import { WRONG_SECRET } from '../helpers/wrong-secret.js';
import { runBoth, type CaseRun, type Rig, type Runner, type RunnerRun } from './side-by-side.js';

const ALWAYS_401 = { name: 'Always 401', url: '{{base_url}}/always-401', expect: { status: 200 } };

/** The lifecycle config of a case, for the rig each runner gets. */
function configFor(auth: Record<string, unknown>, parts: LifecycleParts = {}): (rig: Rig) => Record<string, unknown> {
  return (rig) => lifecycleConfig(rig, auth, parts);
}

/** Runs the case under both runners and checks they agree; returns the Postman CLI run for the case's own checks. */
async function sameOutcomeAsNewman(spec: CaseRun): Promise<{ postman: RunnerRun; newman: RunnerRun }> {
  const runs = await runBoth(spec);
  for (const run of Object.values(runs)) expectNothingLeaked(run);
  // One comparison of whole outcomes, so a difference shows every field of both runs at once.
  const outcomes = (['newman', 'postman-cli'] as Runner[]).map((runner) => runs[runner].outcome);
  expect(outcomes[1], 'Postman CLI outcome (actual) vs Newman outcome (expected)').toEqual(outcomes[0]);
  return { postman: runs['postman-cli'], newman: runs.newman };
}

/** No client secret, password or issued token in what the runner printed or reported (tokens: outside the JSON report, which copies them). */
function expectNothingLeaked(run: RunnerRun): void {
  const places = Object.fromEntries(Object.entries(run.texts).map(([place, text]) => [`${run.runner} ${place}`, text]));
  const logs = Object.fromEntries(Object.entries(places).filter(([place]) => !place.includes('JSON report')));
  expectNoSecretIn(run.rig.ts, places, logs);
}

const GREEN = { completed: true, exitCode: 0, failedTests: [], otherFailures: [] };

describe.concurrent('Postman CLI gives the same outcome as Newman', () => {
  describe('case 1: client_credentials, client auth × body format, parameters', () => {
    it.each([
      { clientAuth: 'basic', bodyFormat: 'form' },
      { clientAuth: 'basic', bodyFormat: 'json' },
      { clientAuth: 'body', bodyFormat: 'form' },
      { clientAuth: 'body', bodyFormat: 'json' },
    ] as const)('clientAuth $clientAuth, bodyFormat $bodyFormat', async ({ clientAuth, bodyFormat }) => {
      const { postman } = await sameOutcomeAsNewman({
        server: { ttlSeconds: 60 },
        config: configFor(
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
        ),
      });

      const { ts } = postman.rig;
      expect(postman.outcome).toMatchObject({
        ...GREEN,
        api: ['/orders 200', '/orders/1 200'],
        tokenRequests: [`client_credentials ${clientAuth} ${bodyFormat} 200`],
      });
      const [record] = ts.tokenRequests;
      expect(record.params).toMatchObject({
        grant_type: 'client_credentials',
        scope: 'orders:read orders:write',
        audience: 'https://orders.example.test',
        resource: 'urn:example:orders',
        tenant: 'acme-corp',
        prompt: 'none',
      });
      expect(record.clientId).toBe(ts.client.id);
      expect(record.clientSecret === ts.client.secret).toBe(true);
      expect('client_secret' in record.params).toBe(clientAuth === 'body');
    });
  });

  describe('case 3: refresh token', () => {
    // 2 s tokens with a 1 s buffer and 1.3 s between requests: every request after the first finds its token expired.
    const items = [LIST, GET_ONE, { ...LIST, name: 'List orders again' }];

    it.each([
      { clientAuth: 'basic', bodyFormat: 'form' },
      { clientAuth: 'body', bodyFormat: 'json' },
    ] as const)(
      'the next token request is refresh_token with the same client auth ($clientAuth, $bodyFormat)',
      async ({ clientAuth, bodyFormat }) => {
        const { postman } = await sameOutcomeAsNewman({
          server: { ttlSeconds: 2, refreshTokens: { ttlSeconds: 60 } },
          config: configFor({ grantType: 'client_credentials', clientAuth, bodyFormat }, { items }),
          delayRequest: 1300,
        });

        const grants = ['client_credentials', 'refresh_token', 'refresh_token'];
        expect(postman.outcome).toMatchObject({
          ...GREEN,
          api: ['/orders 200', '/orders/1 200', '/orders 200'],
          tokenRequests: grants.map((g) => `${g} ${clientAuth} ${bodyFormat} 200`),
        });
        const { ts } = postman.rig;
        for (const record of ts.tokenRequests) expect(record.clientSecret === ts.client.secret).toBe(true);
        // The CLI has no --export-environment: the final environment comes from its JSON report.
        const stored = postman.raw.environment.refresh_token ?? '';
        expect(stored.length).toBeGreaterThan(10);
        expect(ts.issuedTokens().includes(stored)).toBe(true);
      },
    );

    it.each([
      { clientAuth: 'basic', bodyFormat: 'form' },
      { clientAuth: 'body', bodyFormat: 'json' },
    ] as const)(
      'invalid_grant on refresh falls back to the primary grant in the same request; the run stays green ($clientAuth)',
      async ({ clientAuth, bodyFormat }) => {
        const { postman } = await sameOutcomeAsNewman({
          server: { ttlSeconds: 2, refreshTokens: { ttlSeconds: 60 }, refreshFault: 'invalid_grant' },
          config: configFor({ grantType: 'client_credentials', clientAuth, bodyFormat }, { items }),
          delayRequest: 1300,
        });

        const sent = [
          'client_credentials 200',
          'refresh_token 400',
          'client_credentials 200',
          'refresh_token 400',
          'client_credentials 200',
        ];
        expect(postman.outcome).toMatchObject({
          ...GREEN,
          api: ['/orders 200', '/orders/1 200', '/orders 200'],
          tokenRequests: sent.map((s) => s.replace(' ', ` ${clientAuth} ${bodyFormat} `)),
        });
      },
    );
  });

  describe('case 6: retry on 401', () => {
    const files = REPLAY_TEST_FILES;

    it('a valid token rejected once: the request is replayed once and passes; the rejected attempt fails no test', async () => {
      const { postman } = await sameOutcomeAsNewman({
        server: { ttlSeconds: 60 },
        config: configFor(
          { grantType: 'client_credentials', clientAuth: 'basic', retryOn401: true },
          {
            items: [{ ...LIST, scripts: { test: 'scripts-src/orders-shape.test.ts' } }, GET_ONE],
            scripts: { test: ['scripts-src/no-error.test.ts'] },
          },
        ),
        files,
        arm: (rig) => rig.api.rejectNextValidTokenOnce(),
      });

      expect(postman.outcome).toMatchObject({ ...GREEN, api: ['/orders 401', '/orders 200', '/orders/1 200'] });
      expect(postman.outcome.tokenRequests).toHaveLength(2);
      // Each test of the replayed item ran once (for the passing attempt), none for the rejected one.
      expect(postman.outcome.tests.filter((t) => t.startsWith('List orders:')).sort()).toEqual([
        'List orders: orders body has an orders array passed',
        'List orders: response has no error field passed',
        'List orders: status is 200 passed',
      ]);
    });

    it('an endpoint that always answers 401: one replay, then a failing test; the run ends', async () => {
      const { postman } = await sameOutcomeAsNewman({
        server: { ttlSeconds: 60 },
        config: configFor(
          { grantType: 'client_credentials', clientAuth: 'basic', retryOn401: true },
          { items: [ALWAYS_401, LIST] },
        ),
      });

      expect(postman.outcome).toMatchObject({
        completed: true,
        exitCode: 1,
        api: ['/always-401 401', '/always-401 401', '/orders 200'],
      });
      expect(postman.failures.length).toBeGreaterThanOrEqual(1);
      expect(postman.failures.every((f) => f.item === 'Always 401')).toBe(true);
      expect(postman.failures.map(failureText).join('\n')).toMatch(/401/);
      expect(postman.outcome.tokenRequests.length).toBeLessThanOrEqual(3);
    });
  });

  describe('case 7: token endpoint faults', () => {
    // Issue 11: a permanent failure is not asked again, a transient one after its backoff window (requests spaced past it).
    it.each(FAULT_CASES)(
      '$fault → summary, a failing test naming URL/status/error, protected request not sent, next request after the window retries a transient failure only',
      async ({ fault, mentions, transient, recovers }) => {
        const { postman } = await sameOutcomeAsNewman({
          server: { ttlSeconds: 60, fault: fault === 'refused' ? 'none' : fault, slowMs: 2_500 },
          refusedTokenUrl: fault === 'refused',
          config: configFor({ grantType: 'client_credentials', clientAuth: 'body' }),
          timeoutRequest: 1_000,
          delayRequest: PAST_FIRST_BACKOFF_MS,
          // A slow answer may or may not be written before the run ends.
          tokenStatuses: fault !== 'slow',
        });

        const { rig, outcome, failures } = postman;
        expect(outcome).toMatchObject({ completed: true, exitCode: 1 });
        // Both items asked for a token after a transient failure, only the first after a permanent one (the
        // server saw them, unless the port refused them).
        if (fault !== 'refused') expect(rig.ts.tokenRequests).toHaveLength(transient ? 2 : 1);

        const firstFailures = failures.filter((f) => f.item === 'List orders').map(failureText);
        const named = firstFailures.find((text) => text.includes(rig.tokenUrl));
        expect(
          named,
          `a failure of "List orders" naming the token URL; got: ${firstFailures.join(' | ')}`,
        ).toBeDefined();
        for (const mention of mentions) expect(named).toMatch(mention);

        if (recovers) {
          expect(outcome.api).toEqual(['/orders/1 200']);
          expect(failures.every((f) => f.item === 'List orders')).toBe(true);
        } else {
          expect(rig.api.stats.requests).toBe(0);
          expect(failures.some((f) => f.item === 'Get order' && failureText(f).includes(rig.tokenUrl))).toBe(true);
        }
      },
    );
  });

  describe('issue 11: no token storms', () => {
    const items = Array.from({ length: 6 }, (_, i) => ({
      name: `Order ${i + 1}`,
      url: `{{base_url}}/orders/${i + 1}`,
      expect: { status: 200 },
    }));
    const skipped = (problem: string) => items.map((item) => `${item.name}: ${problem}`);

    it.each([
      {
        name: 'a wrong client secret: one token request in the run',
        envVars: () => ({ client_secret: WRONG_SECRET }),
        noEnvironment: false,
        tokenRequests: ['client_credentials basic form 401'],
        problem:
          '<token_url> failed: HTTP 401 (invalid_client: client authentication failed) (not tried again in this run with the same token URL and credentials)',
      },
      {
        name: 'an empty client secret: no token request',
        envVars: () => ({}),
        noEnvironment: false,
        tokenRequests: [],
        problem:
          'no token request sent: client_secret is empty (newman run … --env-var client_secret=…, or its current value in the Postman app)',
      },
      {
        name: 'no environment selected: no token request',
        envVars: (rig: Rig) => ({ client_secret: rig.ts.client.secret }),
        noEnvironment: true,
        tokenRequests: [],
        problem:
          'no token request sent: not defined: {{token_url}} in the token URL, {{client_id}} (no environment selected: newman run … -e <environment file>)',
      },
    ])(
      '$name, every protected request skipped with the cause',
      async ({ envVars, noEnvironment, tokenRequests, problem }) => {
        const { postman } = await sameOutcomeAsNewman({
          server: { ttlSeconds: 60 },
          config: configFor({ grantType: 'client_credentials', clientAuth: 'basic' }, { items }),
          envVars,
          noEnvironment,
        });
        expect(postman.outcome).toMatchObject({ completed: true, exitCode: 1, api: [], tokenRequests });
        expect(
          postman.outcome.failedTests.map((t) => t.replace(/token request to <token_url>/, '<token_url>')),
        ).toEqual(skipped(problem));
        expect(postman.failures.every((f) => f.test === 'gen-collection: no access token, request skipped')).toBe(true);
      },
    );

    it('429 with Retry-After: 3: no token request before 3 s in either runner', async () => {
      const runs = await runBoth({
        server: { ttlSeconds: 60, fault: 'status-429-once', retryAfterSeconds: 3 },
        config: configFor(
          { grantType: 'client_credentials', clientAuth: 'body' },
          { items: [...items, ...items.map((item) => ({ ...item, name: `${item.name} again` }))] },
        ),
        delayRequest: 400,
      });
      for (const run of Object.values(runs)) {
        expectNothingLeaked(run);
        const attempts = run.rig.ts.tokenRequests;
        expect({ runner: run.runner, statuses: attempts.map((r) => r.status) }).toEqual({
          runner: run.runner,
          statuses: [429, 200],
        });
        expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(3000);
        expect(run.failures[0]?.message).toMatch(/HTTP 429 \(slow_down: too many requests\) \(next try in 3 s\)$/);
        // The run recovered: the last requests got through.
        expect(run.outcome.api.at(-1)).toBe('/orders/6 200');
      }
    });
  });
});
