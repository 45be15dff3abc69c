/**
 * The static collection auths (no token flow) of the postman-v3 format, run by the Postman CLI's v3 runtime
 * (`postman collection run` on the folder) against a loopback server that records what each request carried. An
 * API key in the query once went as the apikey auth `postman collection migrate` writes (`in: query`), which the
 * v3 runtime of Postman CLI 1.34.0 sends as a header whatever `in` says: the API never saw it. Now it is a query
 * parameter of each request that uses the collection's auth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRecordingServer, type RecordedRequest, type RecordingServer } from '../helpers/recording-server.js';
import { runV3Folder } from './postman-v3.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

async function run(auth: object, envVars: Record<string, string>): Promise<RecordedRequest[]> {
  server.reset();
  const config = {
    name: 'Static',
    auth,
    environments: { e2e: { base_url: server.base } },
    items: [
      { name: 'Things', url: '{{base_url}}/things?x=1' },
      { name: 'Public', url: '{{base_url}}/public', auth: 'none' },
    ],
  };
  const result = await runV3Folder({ source: 'postman-v3', config, envVars });
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  return [...server.seen];
}

describe('static collection auths of the postman-v3 format under the v3 runtime', () => {
  it('an API key in the query: in the query of each request that uses the collection auth', async () => {
    const requests = await run({ type: 'apikey', name: 'key', in: 'query', variable: 'api_key' }, { api_key: 'k-1' });
    expect(requests.map((r) => [r.path, r.key, r.headers.key])).toEqual([
      ['/things', 'k-1', undefined],
      ['/public', null, undefined],
    ]);
  });

  it('an API key in a header, a bearer token', async () => {
    const header = await run({ type: 'apikey', name: 'key', in: 'header', variable: 'api_key' }, { api_key: 'k-2' });
    expect(header.map((r) => [r.path, r.headers.key, r.key])).toEqual([
      ['/things', 'k-2', null],
      ['/public', undefined, null],
    ]);
    const bearer = await run({ type: 'bearer' }, { access_token: 't-3' });
    expect(bearer.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/things', 'Bearer t-3'],
      ['/public', undefined],
    ]);
  });
});
