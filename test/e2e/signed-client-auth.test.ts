/**
 * Issue 13 end to end: generated collections run by Newman, signing in the sandbox, against real verifiers:
 * oidc-provider with clients registered for private_key_jwt (RS256 2048, PS256, ES256 P-256, a PKCS#1 key, a
 * PEM with literal \n escapes) and client_secret_jwt (HS256); the JWT bearer grant against an endpoint that
 * checks the assertion with jose; and a wrong key, which oidc-provider refuses.
 */
import { type KeyObject } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from './generate.js';
import { runNewman, type NewmanResult } from './newman.js';
import { assertNoSecret, secretForms } from './no-secret.js';
import { startJwtBearerServer } from './servers/jwt-bearer-server.js';
import { SHORT_TOKEN_BUFFER_SECONDS, startOidcProvider, type OidcProvider, type SignedClient } from './servers/oidc.js';
import { startProtectedApi, type ProtectedApiStats } from './servers/protected-api.js';
import { newKeyPair } from '../../src/keys/key-pair.js';

const TTL_SECONDS = 4;
// four signing runs side by side on a loaded 2-core machine once sent a request on a token that expired on the way
// with a 1 s buffer (a replay: 29 requests)
const BUFFER_SECONDS = SHORT_TOKEN_BUFFER_SECONDS;
const ITERATIONS = 7;
const DELAY_MS = 450;
const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
const HS_SECRET = 'e2e-hs256-client-secret-4Kd9qP2w';
const ITEMS = [
  { name: 'List orders', url: '{{base_url}}/orders', expect: { status: 200 } },
  { name: 'Get order', url: '{{base_url}}/orders/7', expect: { status: 200 } },
  {
    name: 'Create order',
    method: 'POST',
    url: '{{base_url}}/orders',
    body: { json: { sku: 'A1', qty: 1 } },
    expect: { status: 201 },
  },
  { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
];

const pem = (key: KeyObject, type: 'pkcs8' | 'pkcs1' | 'sec1') => key.export({ type, format: 'pem' }).toString();
const rsa = () => newKeyPair('rsa', { modulusLength: 2048 });

interface SignedCase {
  label: string;
  client: SignedClient;
  clientAuth: 'private_key_jwt' | 'client_secret_jwt';
  /** The secret the collection signs with, as passed at run time. */
  runtime: Record<string, string>;
  /** The distinctive secret that must appear in no request. */
  secret: string;
}

function signedCases(): SignedCase[] {
  const [r1, r2, r3, r4] = [rsa(), rsa(), rsa(), rsa()];
  const ec = newKeyPair('ec', { namedCurve: 'P-256' });
  const keyCase = (
    label: string,
    alg: 'RS256' | 'PS256' | 'ES256',
    publicKey: KeyObject,
    text: string,
  ): SignedCase => ({
    label,
    client: { id: `e2e-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, method: 'private_key_jwt', alg, publicKey },
    clientAuth: 'private_key_jwt',
    runtime: { client_private_key: text },
    secret: text.split(/\n|\\n/)[2]!,
  });
  return [
    keyCase('RS256 2048 PKCS8', 'RS256', r1.publicKey, pem(r1.privateKey, 'pkcs8')),
    keyCase('PS256', 'PS256', r2.publicKey, pem(r2.privateKey, 'pkcs8')),
    keyCase('ES256 P-256 SEC1', 'ES256', ec.publicKey, pem(ec.privateKey, 'sec1')),
    keyCase('RS256 PKCS1', 'RS256', r3.publicKey, pem(r3.privateKey, 'pkcs1')),
    keyCase('RS256 escaped PEM', 'RS256', r4.publicKey, pem(r4.privateKey, 'pkcs8').replace(/\n/g, '\\n')),
    {
      label: 'HS256 client_secret_jwt',
      client: { id: 'e2e-hs256', method: 'client_secret_jwt', alg: 'HS256', secret: HS_SECRET },
      clientAuth: 'client_secret_jwt',
      runtime: { client_secret: HS_SECRET },
      secret: HS_SECRET,
    },
  ];
}

/** The collection for `auth` against the API, run by Newman for ≥ 12 s; with the API's counts. */
async function runSigned(
  name: string,
  auth: object,
  env: Record<string, string>,
  runtime: Record<string, string>,
  validate: (t: string) => Promise<boolean>,
  iterations = ITERATIONS,
): Promise<{ result: NewmanResult; stats: ProtectedApiStats; environment: object | undefined }> {
  const api = await startProtectedApi({ validate });
  try {
    const { collection, environment } = await generate({
      name,
      auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: BUFFER_SECONDS, ...auth },
      environments: { e2e: { base_url: api.url, ...env } },
      items: ITEMS,
    });
    const result = await runNewman(collection, {
      environment: environment('e2e'),
      envVars: runtime,
      iterationCount: iterations,
      delayRequest: DELAY_MS,
      exportEnvironment: true,
    });
    return { result, stats: structuredClone(api.stats), environment: environment('e2e') };
  } finally {
    await api.close();
  }
}

function expectCleanRun(label: string, result: NewmanResult, stats: ProtectedApiStats, iterations = ITERATIONS): void {
  expect({ label, failures: result.failures, runError: result.runError, exitCode: result.exitCode }).toEqual({
    label,
    failures: [],
    runError: undefined,
    exitCode: 0,
  });
  expect(stats.requests).toBe(iterations * ITEMS.length);
  expect(result.durationMs / 1000).toBeGreaterThanOrEqual(12);
  expect(stats.unauthorized).toBe(0);
  expect(stats.withoutToken).toBe(0);
}

describe('signed client authentication against oidc-provider', () => {
  const cases = signedCases();
  let op: OidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider({ ttlSeconds: TTL_SECONDS, signedClients: cases.map((c) => c.client) });
  });
  afterAll(async () => {
    await op.close();
  });

  it('every request authorized, few token requests, each authenticated by the registered method, no secret sent', async () => {
    // The runs wait more than they compute: side by side they take one run's time.
    const outcomes = await Promise.all(
      cases.map(async (c) => ({
        c,
        ...(await runSigned(
          `Signed ${c.label}`,
          {
            clientAuth: c.clientAuth,
            ...(c.client.alg === 'RS256' || c.client.alg === 'HS256' ? {} : { assertion: { algorithm: c.client.alg } }),
          },
          { token_url: op.tokenUrl, client_id: c.client.id },
          c.runtime,
          op.validateToken,
        )),
      })),
    );
    for (const { c, result, stats, environment } of outcomes) {
      const runSeconds = result.durationMs / 1000;
      const requests = op.tokenRequests.filter((r) => r.clientId === c.client.id);
      const granted = op.granted.filter((g) => g.clientId === c.client.id);
      const bound = Math.ceil(runSeconds / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
      console.info(
        `signed e2e (${c.label}): ${stats.requests} requests in ${runSeconds.toFixed(1)} s, ${requests.length} token requests (bound ${bound})`,
      );
      expectCleanRun(c.label, result, stats);
      expect(requests.length).toBeGreaterThanOrEqual(2);
      expect(requests.length).toBeLessThanOrEqual(bound);
      expect(granted.map((g) => g.clientAuthMethod)).toEqual(requests.map(() => c.clientAuth));
      for (const record of requests) {
        expect(record).toMatchObject({ grantType: 'client_credentials', clientAuth: c.clientAuth, status: 200 });
        expect(record.params.client_assertion_type).toBe(CLIENT_ASSERTION_TYPE);
        expect(record.params.client_secret).toBeUndefined();
      }
      assertNoSecret(secretForms(c.secret), {
        'token requests': JSON.stringify(requests),
        'environment template': JSON.stringify(environment),
        console: result.consoleLines.join('\n'),
      });
      expect(JSON.stringify(environment)).toContain(
        `"key":"${c.clientAuth === 'client_secret_jwt' ? 'client_secret' : 'client_private_key'}","value":"","type":"secret"`,
      );
    }
  });

  it('a key the provider does not know: one failing test per Bearer request naming the token URL and invalid_client, nothing sent without a token', async () => {
    const [registered] = cases;
    const before = op.tokenRequests.length;
    const { result, stats } = await runSigned(
      'Signed wrong key',
      { clientAuth: 'private_key_jwt' },
      { token_url: op.tokenUrl, client_id: registered!.client.id },
      { client_private_key: pem(rsa().privateKey, 'pkcs8') },
      op.validateToken,
      1,
    );
    const bearerItems = ITEMS.filter((i) => i.auth !== 'none').map((i) => i.name);
    expect(result.failures.map((f) => f.item)).toEqual(bearerItems);
    for (const failure of result.failures)
      expect(failure.message).toContain(`token request to ${op.tokenUrl} failed: HTTP 401 (invalid_client`);
    // A permanent failure (issue 11): asked once in the run, not once per request.
    expect(op.tokenRequests.slice(before).map((r) => r.status)).toEqual([401]);
    expect(stats.byPath).toEqual({ '/health': 1 });
    expect(stats.withoutToken).toBe(0);
  });
});

describe('the JWT bearer grant against an endpoint that verifies the assertion with jose', () => {
  it('signature, iss, sub, aud, lifetime, a new jti on each token request and the scope claim', async () => {
    const key = newKeyPair('rsa', { modulusLength: 2048 });
    const issuer = 'e2e-svc@project.iam.example';
    const server = await startJwtBearerServer({
      publicKey: key.publicKey,
      algorithm: 'RS256',
      issuer,
      subject: 'alice@example.test',
      scope: 'read write',
      ttlSeconds: TTL_SECONDS,
    });
    try {
      const { result, stats, environment } = await runSigned(
        'JWT bearer',
        {
          grantType: 'jwt_bearer',
          clientAuth: 'none',
          assertion: {
            issuer: '{{sa_email}}',
            subject: 'alice@example.test',
            lifetimeSeconds: 120,
            claims: { scope: 'read write' },
          },
        },
        { token_url: server.tokenUrl, sa_email: issuer },
        // As Google's service-account JSON holds it: one line, literal \n escapes.
        { client_private_key: pem(key.privateKey, 'pkcs8').replace(/\n/g, '\\n') },
        server.validateToken,
      );
      console.info(
        `jwt_bearer e2e: ${stats.requests} requests in ${(result.durationMs / 1000).toFixed(1)} s, ${server.tokenRequests.length} token requests`,
      );
      expect(server.refusals).toEqual([]);
      expectCleanRun('jwt_bearer', result, stats);
      expect(server.tokenRequests.length).toBeGreaterThanOrEqual(2);
      expect(new Set(server.jtis).size).toBe(server.tokenRequests.length);
      for (const record of server.tokenRequests)
        expect(Object.keys(record.params)).toEqual(['grant_type', 'assertion']);
      expect(JSON.stringify(environment)).toContain('"key":"client_private_key","value":"","type":"secret"');
    } finally {
      await server.close();
    }
  });
});
