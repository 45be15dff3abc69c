/**
 * The static collection auths (no token flow) of the postman-v3 format, run by the Postman CLI's v3 runtime
 * (`postman collection run` on the folder) against a loopback server that records what each request carried. An
 * API key in the query once went as the apikey auth `postman collection migrate` writes (`in: query`), which the
 * v3 runtime of Postman CLI 1.34.0 sends as a header whatever `in` says: the API never saw it. Now it is a query
 * parameter of each request that uses the collection's auth.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runV3Folder } from './postman-v3.js';

interface Seen {
  path: string;
  key: string | null;
  header: string | undefined;
  authorization: string | undefined;
}

const seen: Seen[] = [];
const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1');
  seen.push({
    path: url.pathname,
    key: url.searchParams.get('key'),
    header: req.headers.key as string | undefined,
    authorization: req.headers.authorization,
  });
  res.setHeader('Content-Type', 'application/json');
  res.end('{}');
});
let base = '';

beforeAll(async () => {
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((closed) => server.close(() => closed())));

async function run(auth: object, envVars: Record<string, string>): Promise<Seen[]> {
  seen.length = 0;
  const config = {
    name: 'Static',
    auth,
    environments: { e2e: { base_url: base } },
    items: [
      { name: 'Things', url: '{{base_url}}/things?x=1' },
      { name: 'Public', url: '{{base_url}}/public', auth: 'none' },
    ],
  };
  const result = await runV3Folder({ source: 'postman-v3', config, envVars });
  expect(result.exitCode, result.stdout + result.stderr).toBe(0);
  return [...seen];
}

describe('static collection auths of the postman-v3 format under the v3 runtime', () => {
  it('an API key in the query: in the query of each request that uses the collection auth', async () => {
    const requests = await run({ type: 'apikey', name: 'key', in: 'query', variable: 'api_key' }, { api_key: 'k-1' });
    expect(requests).toEqual([
      { path: '/things', key: 'k-1', header: undefined, authorization: undefined },
      { path: '/public', key: null, header: undefined, authorization: undefined },
    ]);
  });

  it('an API key in a header, a bearer token', async () => {
    const header = await run({ type: 'apikey', name: 'key', in: 'header', variable: 'api_key' }, { api_key: 'k-2' });
    expect(header.map((r) => [r.path, r.header, r.key])).toEqual([
      ['/things', 'k-2', null],
      ['/public', undefined, null],
    ]);
    const bearer = await run({ type: 'bearer' }, { access_token: 't-3' });
    expect(bearer.map((r) => [r.path, r.authorization])).toEqual([
      ['/things', 'Bearer t-3'],
      ['/public', undefined],
    ]);
  });
});
