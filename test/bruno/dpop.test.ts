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

  // ES256 signs with a bundled curve library; EdDSA with gen-collection's own arithmetic and the sandbox's crypto-js.
  it.each(['ES256', 'EdDSA'] as const)(
    '%s: every request accepted after at most one nonce replay, proofs on the token requests, no Bearer',
    async (algorithm) => {
      const { op, api } = servers;
      const tokensBefore = op.tokenRequests.length;
      const apiBefore = api.log.length;
      const files = await renderBruno(
        await planFromConfig({
          name: `DPoP bruno ${sandbox} ${algorithm}`,
          auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: 1, dpop: { algorithm } },
          environments: { e2e: { base_url: api.url, token_url: op.tokenUrl, client_id: op.clients.post.id } },
          items: ITEMS,
        }),
      );
      expect(files.map((f) => f.path)).toContain(
        `bruno/dpop-bruno-${sandbox}-${algorithm.toLowerCase()}/lib/gen-collection-dpop-${algorithm.toLowerCase()}.js`,
      );
      const result = await runBru(files, {
        sandbox,
        env: 'e2e',
        envVars: { client_secret: op.clients.post.secret, dpop_private_key: keyPem(algorithm).replace(/\n/g, '\\n') },
      });
      expect(result.exitCode, result.stdout + result.stderr).toBe(0);
      expect(result.changedFiles).toEqual([]);
      // The run's first request has no nonce yet: challenged once, replayed, accepted; the others at once.
      expect(outcomes(api.log.slice(apiBefore))).toEqual([
        'GET /orders use_dpop_nonce',
        'GET /orders ok',
        'GET /orders/7 ok',
        'POST /orders ok',
        'GET /health health',
      ]);
      expect(op.tokenRequests.slice(tokensBefore).map((r) => [r.status, !!r.dpopProof, r.bearer])).toEqual([
        [400, true, false],
        [200, true, false],
      ]);
    },
  );
});
