/**
 * Issue 11, no token storms, in real Newman: a wrong secret against oidc-provider asks once in a run, a
 * missing input asks never, an outage of the token endpoint is retried with backoff until it recovers, and
 * `Retry-After` is honoured. Every protected request that cannot get a token is reported failed and not sent.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { generate } from './generate.js';
import { runNewman, type NewmanResult } from './newman.js';
import { withoutNewmanCopies } from './newman-report.js';
import { assertNoSecret, secretForms } from './no-secret.js';
import { startOidcProvider, type ClientCredentials } from './servers/oidc.js';
import { startProtectedApi, type ProtectedApi } from './servers/protected-api.js';
import { WRONG_SECRET } from '../helpers/wrong-secret.js';
import { startTokenServer, type TokenServerOptions } from './servers/token-server.js';

const ROOT = join(import.meta.dirname, '../..');
const NEWMAN_BIN = join(ROOT, 'node_modules/.bin/newman');
const SKIPPED = 'gen-collection: no access token, request skipped';

/** `count` protected requests and one without auth, against `api`, token URL and client id from the `e2e` environment. */
function config(
  api: ProtectedApi,
  tokenUrl: string,
  clientId: string,
  auth: Record<string, unknown>,
  count: number,
): Record<string, unknown> {
  return {
    name: 'Token storms',
    auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: 1, ...auth },
    environments: { e2e: { base_url: api.url, token_url: tokenUrl, client_id: clientId } },
    items: [
      ...Array.from({ length: count }, (_, i) => ({
        name: `Order ${i + 1}`,
        url: `{{base_url}}/orders/${i + 1}`,
        expect: { status: 200 },
      })),
      { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
    ],
  };
}

/** The failing tests of a run as `item: test name`, and the distinct problems they report. */
function failedTests(result: NewmanResult): { tests: string[]; problems: string[] } {
  return {
    tests: result.failures.map((f) => `${f.item}: ${f.test ?? f.name}`),
    problems: [...new Set(result.failures.map((f) => f.message))],
  };
}

function expectNoSecret(result: NewmanResult, secrets: string[], clientId: string): void {
  const places = {
    failures: JSON.stringify(result.failures),
    console: result.consoleLines.join('\n'),
    exceptions: result.exceptions.join('\n'),
  };
  for (const secret of secrets) assertNoSecret(secretForms(secret, clientId), places);
}

describe.concurrent('no token storms in Newman', () => {
  it('a wrong client secret against oidc-provider (basic and body), 40 requests: one token request, nothing sent without a token', async () => {
    const op = await startOidcProvider();
    try {
      const cases = [
        { clientAuth: 'basic', client: op.clients.basic },
        { clientAuth: 'body', client: op.clients.post },
      ];
      await Promise.all(
        cases.map(async ({ clientAuth, client }) => {
          const api = await startProtectedApi({ validate: op.validateToken });
          try {
            const { collection, environment } = await generate(config(api, op.tokenUrl, client.id, { clientAuth }, 10));
            const result = await runNewman(collection, {
              environment: environment('e2e'),
              envVars: { client_secret: WRONG_SECRET },
              iterationCount: 4,
            });
            expectNoSecret(result, [WRONG_SECRET, client.secret], client.id);

            const tokenRequests = op.tokenRequests.filter((r) => r.clientId === client.id);
            expect(tokenRequests.map((r) => `${r.clientAuth} ${r.status}`)).toEqual([`${clientAuth} 401`]);
            // Only the request without auth reached the API, once per iteration.
            expect(api.stats.byPath).toEqual({ '/health': 4 });
            expect(api.stats.withoutToken).toBe(0);
            expect(result.exitCode).toBe(1);
            const { tests, problems } = failedTests(result);
            expect(tests).toHaveLength(40);
            expect(new Set(tests)).toEqual(new Set(Array.from({ length: 10 }, (_, i) => `Order ${i + 1}: ${SKIPPED}`)));
            // Every one names the first cause.
            expect(problems).toEqual([
              `token request to ${op.tokenUrl} failed: HTTP 401 (invalid_client: client authentication failed) (not tried again in this run with the same token URL and credentials)`,
            ]);
          } finally {
            await api.close();
          }
        }),
      );
    } finally {
      await op.close();
    }
  });

  it.each([
    {
      name: 'an empty client secret',
      run: (environment: object | undefined) => ({ environment, envVars: {} }),
      problem:
        'no token request sent: client_secret is empty (newman run … --env-var client_secret=…, or its current value in the Postman app)',
    },
    {
      name: 'no environment selected (-e missing)',
      run: () => ({ envVars: { client_secret: WRONG_SECRET } }),
      problem:
        'no token request sent: not defined: {{token_url}} in the token URL, {{client_id}} (no environment selected: newman run … -e <environment file>)',
    },
    {
      // Issue 23: the token URL written out, the secret passed, -e forgotten: the client id is named, not sent empty.
      name: 'no environment selected (-e missing), the token URL written out',
      auth: (tokenUrl: string) => ({ tokenUrl }),
      run: () => ({ envVars: { client_secret: WRONG_SECRET } }),
      problem:
        'no token request sent: not defined: {{client_id}} (no environment selected: newman run … -e <environment file>)',
    },
  ] as { name: string; auth?: (tokenUrl: string) => object; run: (e?: object) => object; problem: string }[])(
    '$name against oidc-provider: no token request at all, the fix named on every request',
    async ({ auth, run, problem }) => {
      const op = await startOidcProvider();
      const api = await startProtectedApi({ validate: op.validateToken });
      try {
        const client: ClientCredentials = op.clients.post;
        const { collection, environment } = await generate(
          config(api, op.tokenUrl, client.id, { clientAuth: 'body', ...auth?.(op.tokenUrl) }, 5),
        );
        const result = await runNewman(collection, run(environment('e2e')));
        expectNoSecret(result, [WRONG_SECRET, client.secret], client.id);

        expect(op.tokenRequests).toEqual([]);
        expect(api.stats.withoutToken).toBe(0);
        expect(result.exitCode).toBe(1);
        // (Without an environment, Health's own URL holds {{base_url}} too: its request fails on its own.)
        const orders = result.failures.filter((f) => f.item.startsWith('Order'));
        expect(orders.map((f) => `${f.item}: ${f.test}`)).toEqual(
          Array.from({ length: 5 }, (_, i) => `Order ${i + 1}: ${SKIPPED}`),
        );
        expect(new Set(orders.map((f) => f.message))).toEqual(new Set([problem]));
      } finally {
        await api.close();
        await op.close();
      }
    },
  );

  /** Runs `count` protected requests `delayMs` apart against a token server with `server` faults. */
  async function againstTokenServer(server: TokenServerOptions, count: number, delayMs: number) {
    const ts = await startTokenServer({ ttlSeconds: 60, ...server });
    const api = await startProtectedApi({ validate: ts.validateToken });
    try {
      const { collection, environment } = await generate(
        config(api, ts.tokenUrl, ts.client.id, { clientAuth: 'body' }, count),
      );
      const result = await runNewman(collection, {
        environment: environment('e2e'),
        envVars: { client_secret: ts.client.secret },
        delayRequest: delayMs,
        timeout: 90_000,
      });
      expectNoSecret(result, [ts.client.secret], ts.client.id);
      return {
        result,
        attempts: ts.tokenRequests.map((r) => ({ at: r.at, status: r.status })),
        api: api.log.map((r) => `${r.path} ${r.status}`),
      };
    } finally {
      await api.close();
      await ts.close();
    }
  }

  it('a 5 s outage of the token endpoint (503): attempts back off 1, 2, 4 s …, then the run recovers green', async () => {
    const OUTAGE_SECONDS = 5;
    const { result, attempts, api } = await againstTokenServer(
      { fault: 'status-503-for', outageMs: OUTAGE_SECONDS * 1000 },
      40,
      250,
    );
    expect(result.runError).toBeUndefined();

    expect(attempts.length).toBeGreaterThanOrEqual(3);
    expect(attempts.length).toBeLessThanOrEqual(Math.ceil(Math.log2(OUTAGE_SECONDS)) + 2);
    expect(attempts.at(-1)?.status).toBe(200);
    expect(attempts.slice(0, -1).every((a) => a.status === 503)).toBe(true);
    // Each wait is at least the backoff window (counted from the failed answer, which came after the attempt).
    attempts
      .slice(1)
      .forEach((attempt, i) => expect(attempt.at - attempts[i]!.at).toBeGreaterThanOrEqual(1000 * 2 ** i));

    // Requests during the outage were skipped (none sent without a token), every one after it passed.
    const failedItems = result.failures.map((f) => f.item);
    expect(failedItems.length).toBeGreaterThan(0);
    expect(result.failures.every((f) => f.test === SKIPPED && / \(next try in \d+ s\)$/.test(f.message))).toBe(true);
    const recovered = 40 - failedItems.length;
    expect(api.filter((line) => line !== '/health 200')).toEqual(
      Array.from({ length: recovered }, (_, i) => `/orders/${40 - recovered + i + 1} 200`),
    );
    expect(failedItems).toEqual(Array.from({ length: failedItems.length }, (_, i) => `Order ${i + 1}`));
  });

  it('429 with Retry-After: 3: no token request before 3 s, then a token', async () => {
    const { result, attempts } = await againstTokenServer({ fault: 'status-429-once', retryAfterSeconds: 3 }, 20, 250);
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(3000);
    expect(result.failures.length).toBeGreaterThan(0);
    expect(result.failures[0]!.message).toMatch(/HTTP 429 \(slow_down: too many requests\) \(next try in 3 s\)$/);
  });

  it('the newman CLI and its JUnit report show each failure once, and no secret', async () => {
    const op = await startOidcProvider();
    const api = await startProtectedApi({ validate: op.validateToken });
    const dir = await mkdtemp(join(tmpdir(), 'gen-collection-e2e-storm-cli-'));
    try {
      const client = op.clients.basic;
      const { collection, environment } = await generate(
        config(api, op.tokenUrl, client.id, { clientAuth: 'basic' }, 3),
      );
      await writeFile(join(dir, 'collection.json'), JSON.stringify(collection));
      await writeFile(join(dir, 'environment.json'), JSON.stringify(environment('e2e')));
      const [junitReport, jsonReport] = [join(dir, 'report.xml'), join(dir, 'report.json')];
      const cli = await promisify(execFile)(
        NEWMAN_BIN,
        [
          'run',
          join(dir, 'collection.json'),
          '-e',
          join(dir, 'environment.json'),
          '--env-var',
          `client_secret=${WRONG_SECRET}`,
          '-r',
          'cli,junit,json',
          '--reporter-junit-export',
          junitReport,
          '--reporter-json-export',
          jsonReport,
          '--color',
          'off',
        ],
        { timeout: 60_000, env: { ...process.env, FORCE_COLOR: '0' } },
      ).then(
        () => ({ code: 0, stdout: '' }),
        (error: { code?: number; stdout?: string }) => ({ code: error.code ?? -1, stdout: error.stdout ?? '' }),
      );
      const junit = await readFile(junitReport, 'utf8');
      const { rest } = withoutNewmanCopies(JSON.parse(await readFile(jsonReport, 'utf8')), {
        envVarKeys: ['client_secret'],
        tokenUrl: op.tokenUrl,
      });
      assertNoSecret(secretForms(WRONG_SECRET, client.id), {
        'CLI output': cli.stdout,
        'JUnit report': junit,
        "JSON report (less Newman's copies)": JSON.stringify(rest),
      });

      expect(cli.code).toBe(1);
      expect(op.tokenRequests).toHaveLength(1);
      const problem = `token request to ${op.tokenUrl} failed: HTTP 401 (invalid_client: client authentication failed)`;
      const count = (text: string, part: string) => text.split(part).length - 1;
      // Three failures, each printed once in the CLI's failure table (the short test name is listed with it).
      expect(count(cli.stdout, problem)).toBe(3);
      expect(count(cli.stdout, SKIPPED)).toBe(6);
      // JUnit: the problem is the failure's message, the test case has the short name. Newman's JUnit reporter
      // lists only items that sent a request: the first (its token request); the skipped ones sent nothing.
      expect(count(junit, `<testcase name="${SKIPPED}"`)).toBe(1);
      expect(count(junit, `message="${problem}`)).toBe(1);
      expect(count(junit, `name="${problem}`)).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
      await api.close();
      await op.close();
    }
  });
});
