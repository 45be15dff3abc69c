/**
 * DPoP runs for the e2e tests, shared by Newman's and the Postman CLI's: oidc-provider with `features.dPoP` and
 * nonces required plus the API that verifies every proof, a generated DPoP collection run against them, and the
 * checks of a green run (issue 22's bounds).
 */

import { expect } from 'vitest';
import { runPostmanCli } from '../postman-cli/postman-cli.js';
import { generate } from './generate.js';
import { runNewman, type NewmanFailure } from './newman.js';
import { startDpopApi, type DpopApi, type DpopRequestRecord } from './servers/dpop-api.js';
import { DPOP_ALGORITHMS, SHORT_TOKEN_BUFFER_SECONDS, startOidcProvider, type OidcProvider } from './servers/oidc.js';
import type { TokenRequestRecord } from './servers/token-request-record.js';
import { newKeyPair } from '../../src/keys/key-pair.js';

/** One of the proof algorithms. */
export type Algorithm = (typeof DPOP_ALGORITHMS)[number];

export const TTL_SECONDS = 4;
export const BUFFER_SECONDS = SHORT_TOKEN_BUFFER_SECONDS;
export const ITERATIONS = 2;
// 2 iterations of 4 requests (plus nonce replays) 1.4 s apart: just over 10 s.
const DELAY_MS = 1_400;
// The API's nonce changes every 3 s (the previous one stays good until the next change): the scripts keep the
// newest from every response, so the first request of a run is challenged and the ones after it are not.
const NONCE_ROTATION_MS = 3_000;
export const ITEMS = [
  { name: 'List orders', url: '{{base_url}}/orders?page=1', expect: { status: 200 } },
  // htu is the URL as sent: the query left out, the path variable filled in.
  { name: 'Get order', url: '{{base_url}}/orders/:id', pathVariables: { id: '7' }, expect: { status: 200 } },
  {
    name: 'Create order',
    method: 'POST',
    url: '{{base_url}}/orders',
    body: { json: { sku: 'A1', qty: 1 } },
    expect: { status: 201 },
  },
  { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
];
/** The requests that use the DPoP auth. */
export const DPOP_ITEMS = ITEMS.filter((item) => item.auth !== 'none').length;

/** A fresh PKCS#8 PEM private key for `alg`. */
export function keyPem(alg: Algorithm): string {
  const pair =
    alg === 'ES256'
      ? newKeyPair('ec', { namedCurve: 'P-256' })
      : alg === 'EdDSA'
        ? newKeyPair('ed25519')
        : newKeyPair('rsa', { modulusLength: 2048 });
  return pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
}

export interface Servers {
  op: OidcProvider;
  api: DpopApi;
  close(): Promise<void>;
}

/** oidc-provider with DPoP and nonces required, and the DPoP API introspecting its tokens. */
export async function startServers(ttlSeconds = TTL_SECONDS): Promise<Servers> {
  const op = await startOidcProvider({ ttlSeconds, dpop: true });
  const api = await startDpopApi({ introspect: op.introspect, nonceRotationMs: NONCE_ROTATION_MS });
  return {
    op,
    api,
    close: async () => {
      await api.close();
      await op.close();
    },
  };
}

/** What one run did, whichever runner ran it. */
export interface DpopRun {
  failures: NewmanFailure[];
  runError?: string;
  seconds: number;
  /** The final environment. */
  environment: Record<string, string>;
  collection: object;
  tokenRequests: TokenRequestRecord[];
  apiLog: DpopRequestRecord[];
}

/** The generated DPoP collection for `alg`, run by `runner` with the key passed at run time. */
export async function runDpop(
  { op, api }: Servers,
  alg: Algorithm,
  key: string,
  opts: {
    runner?: 'newman' | 'postman-cli';
    iterations?: number;
    env?: Record<string, string>;
    items?: typeof ITEMS;
    delay?: number;
  } = {},
): Promise<DpopRun> {
  const tokensBefore = op.tokenRequests.length;
  const apiBefore = api.log.length;
  const { collection, environment } = await generate({
    name: `DPoP ${alg}`,
    auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: BUFFER_SECONDS, dpop: { algorithm: alg } },
    environments: { e2e: { base_url: api.url, token_url: op.tokenUrl, client_id: op.clients.post.id } },
    items: opts.items ?? ITEMS,
  });
  const options = {
    environment: environment('e2e')!,
    envVars: { client_secret: op.clients.post.secret, dpop_private_key: key, ...opts.env },
    iterationCount: opts.iterations ?? ITERATIONS,
    delayRequest: opts.delay ?? DELAY_MS,
  };
  const started = Date.now();
  const ran =
    opts.runner === 'postman-cli'
      ? await runPostmanCli(collection, options).then((r) => ({
          failures: r.failures,
          runError: r.exitCode === 0 || r.failures.length ? undefined : `exit ${r.exitCode}: ${r.stderr}`,
          environment: r.environment,
        }))
      : await runNewman(collection, { ...options, exportEnvironment: true }).then((r) => ({
          failures: r.failures,
          runError: r.runError,
          environment: r.exportedEnvironment ?? {},
        }));
  return {
    ...ran,
    seconds: (Date.now() - started) / 1000,
    collection,
    tokenRequests: op.tokenRequests.slice(tokensBefore),
    apiLog: api.log.slice(apiBefore),
  };
}

/** The API's outcomes in order, each a compact `METHOD path outcome`. */
export const outcomes = (log: DpopRequestRecord[]) => log.map((r) => `${r.method} ${r.path} ${r.outcome}`);

/**
 * Checks a green run of ITEMS × ITERATIONS and prints its figures: no failure, ≥ 10 s, token requests within
 * ⌈run s ÷ (TTL − buffer)⌉ + 1 with at most one nonce challenge each, every token request with a proof and no
 * Bearer, every API request accepted (a nonce challenge answered by one replay that is), no Bearer auth anywhere.
 */
export function expectGreenDpopRun(label: string, alg: Algorithm, run: DpopRun): void {
  const { tokenRequests, apiLog } = run;
  const challenges = tokenRequests.filter((r) => r.nonceChallenge);
  const proper = tokenRequests.filter((r) => !r.nonceChallenge);
  const bound = Math.ceil(run.seconds / (TTL_SECONDS - BUFFER_SECONDS)) + 1;
  const apiChallenges = apiLog.filter((r) => r.outcome === 'use_dpop_nonce');
  console.info(
    `dpop ${label} (${alg}): ${apiLog.length} API requests in ${run.seconds.toFixed(1)} s, ${proper.length} token ` +
      `requests (bound ${bound}) + ${challenges.length} token nonce challenges, ${apiChallenges.length} API nonce replays`,
  );
  expect({ label, alg, failures: run.failures, runError: run.runError }).toEqual({
    label,
    alg,
    failures: [],
    runError: undefined,
  });
  expect(run.seconds).toBeGreaterThanOrEqual(10);
  expect(proper.length).toBeGreaterThanOrEqual(2);
  expect(proper.length).toBeLessThanOrEqual(bound);
  expect(challenges.length).toBeLessThanOrEqual(proper.length);
  for (const record of tokenRequests) {
    expect(record.dpopProof, alg).toBeTruthy();
    expect(record.bearer, alg).toBe(false);
  }
  for (const record of proper) expect(record.status, alg).toBe(200);
  expect(apiLog.filter((r) => r.outcome === 'ok').length).toBe(ITERATIONS * DPOP_ITEMS);
  apiLog.forEach((record, i) => {
    if (record.path === '/health') return;
    expect(['ok', 'use_dpop_nonce'], `${alg}: ${outcomes(apiLog).join(', ')}`).toContain(record.outcome);
    if (record.outcome === 'use_dpop_nonce')
      expect(outcomes([apiLog[i + 1]!])).toEqual(outcomes([{ ...record, outcome: 'ok' }]));
    else expect(record.alg).toBe(alg);
  });
  expect(apiChallenges.length).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(run.collection)).not.toMatch(/"type":\s*"bearer"/);
}
