/**
 * DPoP end to end (issue 22): generated collections run by Newman against oidc-provider with `features.dPoP` and
 * nonces required, and an API that verifies every proof with jose and the token's key binding by introspection;
 * for ES256, EdDSA, RS256 and PS256 side by side. Then a stored token bound to another key, and an API that
 * challenges for a nonce again right after the replay with its nonce.
 */
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import {
  DPOP_ITEMS,
  expectGreenDpopRun,
  ITEMS,
  keyPem,
  outcomes,
  runDpop,
  startServers,
  type Algorithm,
  type Servers,
} from './dpop-run.js';
import { DPOP_ALGORITHMS } from './servers/oidc.js';

describe('DPoP with Newman against oidc-provider (nonces required) and an API verifying every proof', () => {
  const servers: Partial<Record<Algorithm, Servers>> = {};
  beforeAll(async () => {
    for (const alg of DPOP_ALGORITHMS) servers[alg] = await startServers();
  });
  afterAll(async () => {
    for (const s of Object.values(servers)) await s.close();
  });

  it('ES256, EdDSA, RS256, PS256: 0 failures, few token requests, each API request accepted after at most one nonce replay, no Bearer', async () => {
    // The runs wait more than they compute: side by side they take one run's time.
    const runs = await Promise.all(
      DPOP_ALGORITHMS.map(async (alg) => ({ alg, run: await runDpop(servers[alg]!, alg, keyPem(alg)) })),
    );
    for (const { alg, run } of runs) expectGreenDpopRun('newman', alg, run);
  });

  it('a stored token bound to another key: the API refuses it once, a new token bound to the key follows, no storm', async () => {
    // Tokens that outlive two runs.
    const s = await startServers(60);
    onTestFinished(s.close);
    const first = await runDpop(s, 'ES256', keyPem('ES256'), { iterations: 1, items: ITEMS.slice(0, 1), delay: 200 });
    expect(first.environment.access_token).toBeTruthy();
    const { failures, tokenRequests, apiLog } = await runDpop(s, 'ES256', keyPem('ES256'), {
      iterations: 1,
      delay: 200,
      env: { access_token: first.environment.access_token!, token_expires_at: String(Date.now() + 600_000) },
    });
    const refused = apiLog.filter((r) => r.outcome === 'invalid_token');
    expect(refused.map((r) => r.reason)).toEqual([
      'the token is not bound to the proof key (cnf.jkt differs from its thumbprint)',
    ]);
    // Rule 8: the refused attempt is replayed once with a token fetched with this key; it fails no test.
    expect(failures).toEqual([]);
    expect(tokenRequests.filter((r) => !r.nonceChallenge).map((r) => r.status)).toEqual([200]);
    expect(apiLog.filter((r) => r.outcome === 'ok').length).toBe(DPOP_ITEMS);
  });

  it('a nonce challenge right after the replay with its nonce: one failing test, no second replay, the run goes on', async () => {
    const s = servers.EdDSA!;
    const before = s.api.log.length;
    const running = runDpop(s, 'EdDSA', keyPem('EdDSA'), { iterations: 1, delay: 200 });
    // The run's first request has no nonce yet and is challenged anyway; the forced challenge hits its replay.
    s.api.challengeNext(1);
    const { failures, apiLog } = await running;
    expect(s.api.log.length - before).toBe(apiLog.length);
    expect(failures.map((f) => [f.item, f.test])).toEqual([['List orders', 'gen-collection: DPoP nonce']]);
    expect(failures[0]!.message).toMatch(/asked for a new DPoP nonce again right after the replay/);
    expect(outcomes(apiLog).filter((o) => o.startsWith('GET /orders ')).length).toBe(2);
    expect(apiLog.filter((r) => r.outcome === 'ok').length).toBe(DPOP_ITEMS - 1);
  });
});
