// DPoP on Bruno: the same token flow through the Bruno runtime adapter (proofs signed in lib/, out of esprima's
// reach), against oidc-provider with nonces required and the API verifying every proof with jose.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBruno } from '../../src/render/bruno.js';
import { ITEMS, keyPem, outcomes, startServers, type Servers } from '../e2e/dpop-run.js';
import { runBru, type BrunoSandbox } from './bru.js';
import { planFromConfig } from './plan-from-config.js';

describe.each<BrunoSandbox>(['safe', 'developer'])('DPoP under bru run --sandbox %s', (sandbox) => {
  let servers: Servers;
  beforeAll(async () => {
    servers = await startServers(60);
  });
  afterAll(async () => {
    await servers.close();
  });

  it('ES256: every request accepted after at most one nonce replay, proofs on the token requests, no Bearer', async () => {
    const { op, api } = servers;
    const files = await renderBruno(
      await planFromConfig({
        name: `DPoP bruno ${sandbox}`,
        auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: 1, dpop: { algorithm: 'ES256' } },
        environments: { e2e: { base_url: api.url, token_url: op.tokenUrl, client_id: op.clients.post.id } },
        items: ITEMS,
      }),
    );
    expect(files.map((f) => f.path)).toContain(`bruno/dpop-bruno-${sandbox}/lib/gen-collection-dpop-es256.js`);
    const result = await runBru(files, {
      sandbox,
      env: 'e2e',
      envVars: { client_secret: op.clients.post.secret, dpop_private_key: keyPem('ES256').replace(/\n/g, '\\n') },
    });
    expect(result.exitCode, result.stdout + result.stderr).toBe(0);
    expect(result.changedFiles).toEqual([]);
    // The run's first request has no nonce yet: challenged once, replayed, accepted; the others at once.
    expect(outcomes(api.log)).toEqual([
      'GET /orders use_dpop_nonce',
      'GET /orders ok',
      'GET /orders/7 ok',
      'POST /orders ok',
      'GET /health health',
    ]);
    expect(op.tokenRequests.map((r) => [r.status, !!r.dpopProof, r.bearer])).toEqual([
      [400, true, false],
      [200, true, false],
    ]);
  });
});
