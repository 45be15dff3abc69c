/**
 * DPoP end to end (issue 22): generated collections run by Newman against oidc-provider with `features.dPoP` and
 * nonces required, and an API that verifies every proof with jose and the token's key binding by introspection;
 * for ES256, EdDSA, RS256 and PS256 side by side. Then a stored token bound to another key, and an API that
 * challenges for a nonce again right after the replay with its nonce.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { generate } from './generate.js';
import { runNewman, type NewmanResult } from './newman.js';
import { startDpopApi, type DpopApi, type DpopRequestRecord } from './servers/dpop-api.js';
import { DPOP_ALGORITHMS, startOidcProvider, type OidcProvider } from './servers/oidc.js';
import type { TokenRequestRecord } from './servers/token-request-record.js';

type Algorithm = (typeof DPOP_ALGORITHMS)[number];

const TTL_SECONDS = 4;
const BUFFER_SECONDS = 1;
const ITERATIONS = 2;
// 2 iterations of 4 requests (plus nonce replays) 1.4 s apart: just over 10 s.
const DELAY_MS = 1_400;
// The API's nonce changes every 3 s and the previous one stays good until the next change: some requests
// carry a nonce gone stale and are challenged mid-run, not only the first.
const NONCE_ROTATION_MS = 3_000;
const ITEMS = [
  { name: 'List orders', url: '{{base_url}}/orders?page=1', expect: { status: 200 } },
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
const DPOP_ITEMS = ITEMS.filter((item) => item.auth !== 'none').length;

function keyPem(alg: Algorithm): string {
  const pair =
    alg === 'ES256'
      ? generateKeyPairSync('ec', { namedCurve: 'P-256' })
      : alg === 'EdDSA'
        ? generateKeyPairSync('ed25519')
        : generateKeyPairSync('rsa', { modulusLength: 2048 });
  return pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

interface Servers {
  op: OidcProvider;
  api: DpopApi;
}

async function startServers(ttlSeconds = TTL_SECONDS): Promise<Servers> {
  const op = await startOidcProvider({ ttlSeconds, dpop: true });
  const api = await startDpopApi({ introspect: op.introspect, nonceRotationMs: NONCE_ROTATION_MS });
  return { op, api };
}

interface DpopRun {
  result: NewmanResult;
  collection: object;
  tokenRequests: TokenRequestRecord[];
  apiLog: DpopRequestRecord[];
}

/** The generated DPoP collection for `alg`, run by Newman with the key passed at run time. */
async function runDpop(
  { op, api }: Servers,
  alg: Algorithm,
  key: string,
  opts: { iterations?: number; env?: Record<string, string>; items?: typeof ITEMS; delay?: number } = {},
): Promise<DpopRun> {
  const tokensBefore = op.tokenRequests.length;
  const apiBefore = api.log.length;
  const { collection, environment } = await generate({
    name: `DPoP ${alg}`,
    auth: {
      type: 'oauth2',
      tokenUrl: '{{token_url}}',
      expiryBufferSeconds: BUFFER_SECONDS,
      dpop: { algorithm: alg },
    },
    environments: {
      e2e: { base_url: api.url, token_url: op.tokenUrl, client_id: op.clients.post.id },
    },
    items: opts.items ?? ITEMS,
  });
  const result = await runNewman(collection, {
    environment: environment('e2e'),
    envVars: { client_secret: op.clients.post.secret, dpop_private_key: key, ...opts.env },
    iterationCount: opts.iterations ?? ITERATIONS,
    delayRequest: opts.delay ?? DELAY_MS,
    exportEnvironment: true,
  });
  return {
    result,
    collection,
    tokenRequests: op.tokenRequests.slice(tokensBefore),
    apiLog: api.log.slice(apiBefore),
  };
}

/** The API's outcomes in order, each a compact `METHOD path outcome`. */
const outcomes = (log: DpopRequestRecord[]) => log.map((r) => `${r.method} ${r.path} ${r.outcome}`);

describe('DPoP with Newman against oidc-provider (nonces required) and an API verifying every proof', () => {
  const servers: Partial<Record<Algorithm, Servers>> = {};
  beforeAll(async () => {
    for (const alg of DPOP_ALGORITHMS) servers[alg] = await startServers();
  });
  afterAll(async () => {
    for (const s of Object.values(servers)) {
      await s.api.close();
      await s.op.close();
    }
  });

  it('ES256, EdDSA, RS256, PS256: 0 failures, few token requests, each API request accepted after at most one nonce replay, no Bearer', async () => {
    // The runs wait more than they compute: side by side they take one run's time.
    const runs = await Promise.all(
      DPOP_ALGORITHMS.map(async (alg) => ({ alg, ...(await runDpop(servers[alg]!, alg, keyPem(alg))) })),
    );
    for (const { alg, result, collection, tokenRequests, apiLog } of runs) {
      const runSeconds = result.durationMs / 1000;
      const challenges = tokenRequests.filter((r) => r.nonceChallenge);
      const proper = tokenRequests.filter((r) => !r.nonceChallenge);
      const bound = Math.ceil(runSeconds / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
      const apiChallenges = apiLog.filter((r) => r.outcome === 'use_dpop_nonce');
      console.info(
        `dpop e2e (${alg}): ${apiLog.length} API requests in ${runSeconds.toFixed(1)} s, ${proper.length} token requests ` +
          `(bound ${bound}) + ${challenges.length} token nonce challenges, ${apiChallenges.length} API nonce replays`,
      );
      expect({ alg, failures: result.failures, runError: result.runError }).toEqual({
        alg,
        failures: [],
        runError: undefined,
      });
      expect(runSeconds).toBeGreaterThanOrEqual(10);
      // Token requests: each with a proof, none with Bearer; at most one nonce challenge per token request.
      expect(proper.length).toBeGreaterThanOrEqual(2);
      expect(proper.length).toBeLessThanOrEqual(bound);
      expect(challenges.length).toBeLessThanOrEqual(proper.length);
      for (const record of tokenRequests) {
        expect(record.dpopProof, alg).toBeTruthy();
        expect(record.bearer, alg).toBe(false);
      }
      for (const record of proper) expect(record.status, alg).toBe(200);
      // The API: every request accepted, a nonce challenge answered by one replay of that request, then accepted.
      expect(apiLog.filter((r) => r.outcome === 'ok').length).toBe(ITERATIONS * DPOP_ITEMS);
      apiLog.forEach((record, i) => {
        if (record.path === '/health') return;
        expect(['ok', 'use_dpop_nonce'], `${alg}: ${outcomes(apiLog).join(', ')}`).toContain(record.outcome);
        if (record.outcome === 'use_dpop_nonce')
          expect(outcomes([apiLog[i + 1]!])).toEqual(outcomes([{ ...record, outcome: 'ok' }]));
        else expect(record.alg).toBe(alg);
      });
      expect(apiChallenges.length).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(collection)).not.toMatch(/"type":\s*"bearer"/);
    }
  });

  it('a stored token bound to another key: the API refuses it once, a new token bound to the key follows, no storm', async () => {
    // Tokens that outlive two runs.
    const s = await startServers(60);
    onTestFinished(async () => {
      await s.api.close();
      await s.op.close();
    });
    const first = await runDpop(s, 'ES256', keyPem('ES256'), { iterations: 1, items: ITEMS.slice(0, 1), delay: 200 });
    const stored = first.result.exportedEnvironment!;
    expect(stored.access_token).toBeTruthy();
    const { result, tokenRequests, apiLog } = await runDpop(s, 'ES256', keyPem('ES256'), {
      iterations: 1,
      delay: 200,
      env: { access_token: stored.access_token!, token_expires_at: String(Date.now() + 600_000) },
    });
    const refused = apiLog.filter((r) => r.outcome === 'invalid_token');
    expect(refused.map((r) => r.reason)).toEqual([
      'the token is not bound to the proof key (cnf.jkt differs from its thumbprint)',
    ]);
    // Rule 8: the refused attempt is replayed once with a token fetched with this key; it fails no test.
    expect(result.failures).toEqual([]);
    expect(tokenRequests.filter((r) => !r.nonceChallenge).map((r) => r.status)).toEqual([200]);
    expect(apiLog.filter((r) => r.outcome === 'ok').length).toBe(DPOP_ITEMS);
  });

  it('a nonce challenge right after the replay with its nonce: one failing test, no second replay, the run goes on', async () => {
    const s = servers.EdDSA!;
    // A first request that gets its nonce, then two forced challenges in a row for the next one.
    const warm = await runDpop(s, 'EdDSA', keyPem('EdDSA'), { iterations: 1, items: ITEMS.slice(0, 1), delay: 200 });
    expect(warm.result.failures).toEqual([]);
    const key = keyPem('EdDSA');
    const before = s.api.log.length;
    const runPromise = runDpop(s, 'EdDSA', key, { iterations: 1, delay: 200 });
    // The first request of the run is challenged for a nonce anyway (this run has none yet); the forced
    // challenges then hit its replay and the next request's replay.
    s.api.challengeNext(1);
    const { result, apiLog } = await runPromise;
    const log = s.api.log.slice(before);
    expect(log.length).toBe(apiLog.length);
    expect(result.failures.map((f) => [f.item, f.test])).toEqual([['List orders', 'gen-collection: DPoP nonce']]);
    expect(result.failures[0]!.message).toMatch(/asked for a new DPoP nonce again right after the replay/);
    expect(outcomes(apiLog).filter((o) => o.startsWith('GET /orders ')).length).toBe(2);
    expect(apiLog.filter((r) => r.outcome === 'ok').length).toBe(DPOP_ITEMS - 1);
  });
});
