/**
 * The static collection auths (no token flow) of the bruno format, run by the real Bruno CLI against a loopback
 * server that records what each request carried. An API key in the query once went as Bruno's apikey auth with
 * its query placement, which Bruno CLI 4.1.0 adds before it resolves variables: a `{{base_url}}` request went
 * without the key. Now it is a query parameter of each request that uses the collection's auth.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderBruno } from '../../src/render/bruno.js';
import { startRecordingServer, type RecordedRequest, type RecordingServer } from '../helpers/recording-server.js';
import { runBru } from './bru.js';
import { planFromConfig } from './plan-from-config.js';

let server: RecordingServer;
beforeAll(async () => {
  server = await startRecordingServer();
});
afterAll(() => server.close());

const items = [
  { name: 'Things', url: '{{base_url}}/things?x=1' },
  { name: 'Public', url: '{{base_url}}/public', auth: 'none' },
];

async function run(auth: object, envVars: Record<string, string>): Promise<RecordedRequest[]> {
  server.reset();
  const plan = await planFromConfig({ name: 'Static', auth, environments: { dev: { base_url: server.base } }, items });
  const result = await runBru(await renderBruno(plan), { sandbox: 'safe', env: 'dev', envVars });
  expect(result.exitCode, result.stderr).toBe(0);
  return [...server.seen];
}

describe('static collection auths under bru run', () => {
  it('an API key in the query: on each request that uses the collection auth, resolved', async () => {
    const requests = await run({ type: 'apikey', name: 'key', in: 'query', variable: 'api_key' }, { api_key: 'k-1' });
    expect(requests.map((r) => [r.path, r.key, r.headers.key])).toEqual([
      ['/things', 'k-1', undefined],
      ['/public', null, undefined],
    ]);
  });

  it('an API key in a header', async () => {
    const requests = await run(
      { type: 'apikey', name: 'X-Key', in: 'header', variable: 'api_key' },
      { api_key: 'k-2' },
    );
    expect(requests.map((r) => [r.path, r.headers['x-key'], r.key])).toEqual([
      ['/things', 'k-2', null],
      ['/public', undefined, null],
    ]);
  });

  it('a bearer token and HTTP Basic', async () => {
    const bearer = await run({ type: 'bearer' }, { access_token: 't-3' });
    expect(bearer.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/things', 'Bearer t-3'],
      ['/public', undefined],
    ]);
    const basic = await run({ type: 'basic' }, { username: 'u', password: 'p' });
    expect(basic.map((r) => [r.path, r.headers.authorization])).toEqual([
      ['/things', `Basic ${Buffer.from('u:p').toString('base64')}`],
      ['/public', undefined],
    ]);
  });
});
