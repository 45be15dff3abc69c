/**
 * DPoP under the official Postman CLI (sandbox 6.x): the generated collection against oidc-provider with nonces
 * required and the API verifying every proof, the same bounds as Newman's (test/e2e/dpop.test.ts).
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import { expectGreenDpopRun, keyPem, runDpop, startServers, type Servers } from '../e2e/dpop-run.js';

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
});
