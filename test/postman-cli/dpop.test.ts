/**
 * DPoP under the official Postman CLI: the generated v2.1 collection (sandbox 6.x) with the same bounds as
 * Newman's (test/e2e/dpop.test.ts), and the v3 runtime on the same config migrated to v3 and built with
 * `--format postman-v3`; all
 * against oidc-provider with nonces required and the API verifying every proof.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectGreenDpopRun, ITEMS, keyPem, outcomes, runDpop, startServers, type Servers } from '../e2e/dpop-run.js';
import { runV3Folder } from './postman-v3.js';

describe('DPoP under the Postman CLI', () => {
  let servers: Servers;
  beforeAll(async () => {
    servers = await startServers();
  });
  afterAll(async () => {
    await servers.close();
  });

  it('ES256: 0 failures, few token requests, each API request accepted after at most one nonce replay, no Bearer', async () => {
    expectGreenDpopRun(
      'postman-cli',
      'ES256',
      await runDpop(servers, 'ES256', keyPem('ES256'), { runner: 'postman-cli' }),
    );
  });

  it.each(['migrated', 'postman-v3'] as const)(
    'v3 runtime, %s (EdDSA): every request accepted after at most one nonce replay, proofs on the token requests, no Bearer',
    async (source) => {
      const { op, api } = servers;
      const [tokensBefore, apiBefore] = [op.tokenRequests.length, api.log.length];
      const run = await runV3Folder({
        source,
        config: {
          name: `DPoP ${source}`,
          auth: { type: 'oauth2', tokenUrl: '{{token_url}}', expiryBufferSeconds: 1, dpop: { algorithm: 'EdDSA' } },
          environments: { e2e: { base_url: api.url, token_url: op.tokenUrl, client_id: op.clients.post.id } },
          items: ITEMS,
        },
        envVars: { client_secret: op.clients.post.secret, dpop_private_key: keyPem('EdDSA') },
        delayRequest: 200,
        timeout: 60_000,
      });
      expect(run.exitCode, run.stdout).toBe(0);
      const log = api.log.slice(apiBefore);
      // The run's first request has no nonce yet: challenged once, replayed, accepted; the others at once.
      expect(outcomes(log)).toEqual([
        'GET /orders use_dpop_nonce',
        'GET /orders ok',
        'GET /orders/7 ok',
        'POST /orders ok',
        'GET /health health',
      ]);
      const tokenRequests = op.tokenRequests.slice(tokensBefore);
      expect(tokenRequests.map((r) => [r.status, !!r.dpopProof, r.bearer])).toEqual([
        [400, true, false],
        [200, true, false],
      ]);
    },
  );
});
