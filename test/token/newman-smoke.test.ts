/**
 * Newman smoke check of the token scripts: a tiny collection against a token server and API of our own on
 * 127.0.0.1, two iterations. Proves the retry-on-401 replay happens once per request and is reported the
 * second time (the "already replayed" memory survives from one request to the next and is cleaned up),
 * and measures the variable persistence that choice rests on.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPLAY_MARKER } from '../../src/scripts/token-config.js';
import { CLIENT_ID, CLIENT_SECRET, scriptsFor } from './token-fixtures.js';

const require = createRequire(import.meta.url);

interface NewmanSummary {
  run: { failures: { error: { message: string; test?: string }; source?: { name?: string } }[] };
  environment: { toObject(): Record<string, string> };
}

const newman = require('newman') as {
  run(
    options: object,
    callback: (error: unknown, summary: NewmanSummary) => void,
  ): { on(event: string, listener: (...args: unknown[]) => void): void };
};

interface Hit {
  path: string;
  authorization?: string;
  contentType?: string;
  body: string;
}

let server: Server;
let base: string;
const hits: Hit[] = [];
let issued = 0;

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await readBody(req);
    const path = (req.url ?? '').split('?')[0]!;
    const { authorization, 'content-type': contentType } = req.headers;
    hits.push({ path, body, ...(authorization ? { authorization } : {}), ...(contentType ? { contentType } : {}) });
    const reply = (status: number, json: object) => {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(json));
    };
    if (path === '/oauth/token')
      return reply(200, { access_token: `tok-${++issued}`, token_type: 'Bearer', expires_in: 300 });
    if (path === '/oauth/refuse') return reply(401, { error: 'invalid_client', error_description: 'unknown client' });
    // The API rejects the first token ever issued (as if revoked) and accepts the later ones.
    if (path === '/api/orders')
      return /^Bearer tok-([2-9]|\d\d+)$/.test(req.headers.authorization ?? '') ? reply(200, []) : reply(401, {});
    return reply(401, { error: 'invalid_token' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString('utf8')));
    req.on('end', () => resolve(text));
  });
}

/** Runs Newman (bounded by its own timeouts) and collects the names of all assertions, passed or failed. */
function runNewman(options: object): Promise<{ summary: NewmanSummary; assertions: string[] }> {
  const assertions: string[] = [];
  return new Promise((resolve, reject) => {
    const emitter = newman.run(
      { reporters: [], timeout: 30_000, timeoutRequest: 5_000, ...options },
      (error, summary) => (error ? reject(error) : resolve({ summary, assertions })),
    );
    emitter.on('assertion', (_error, args) => assertions.push((args as { assertion: string }).assertion));
  });
}

function event(listen: 'prerequest' | 'test', code: string): object {
  return { listen, script: { type: 'text/javascript', exec: code.split('\n') } };
}

/** A generated status test, guarded like the generator guards it: the attempt that will be replayed is skipped. */
const STATUS_200_TEST = event(
  'test',
  `if (!pm.variables.get('${REPLAY_MARKER}')) pm.test('status 200', () => pm.response.to.have.status(200));`,
);

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** A collection with the token scripts, collection Bearer auth and the given requests. */
function collectionWith(scripts: { prerequest: string; test: string }, item: object[]): object {
  return {
    info: { name: 'Smoke', schema: SCHEMA },
    auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }] },
    event: [event('prerequest', scripts.prerequest), event('test', scripts.test)],
    variable: [{ key: 'base_url', value: base }],
    item,
  };
}

/** A request without auth whose test names what the variables hold (Newman reports no final collection variables). */
const CHECK_VARIABLES = {
  id: 'check',
  name: 'Check variables',
  request: { method: 'GET', url: '{{base_url}}/check', auth: { type: 'noauth' } },
  event: [
    event(
      'test',
      `pm.test('replay memory=' + pm.collectionVariables.get('gen_collection_replayed_request') + ' collection token=' + pm.collectionVariables.get('access_token') + ' environment token=' + pm.environment.get('access_token'), () => {});`,
    ),
  ],
};

const CREDENTIALS = [
  { key: 'client_id', value: CLIENT_ID },
  { key: 'client_secret', value: CLIENT_SECRET },
];

describe('token scripts in Newman 6', () => {
  it('replays a 401 once per request, reports the second, leaves auth-none requests alone (2 iterations)', async () => {
    const scripts = await scriptsFor();
    const collection = collectionWith(scripts, [
      {
        id: 'orders',
        name: 'List orders',
        request: { method: 'GET', url: '{{base_url}}/api/orders' },
        event: [STATUS_200_TEST],
      },
      {
        id: 'reject',
        name: 'Always rejected',
        request: { method: 'GET', url: '{{base_url}}/api/reject' },
        event: [STATUS_200_TEST],
      },
      {
        id: 'public',
        name: 'Public',
        request: { method: 'GET', url: '{{base_url}}/api/public', auth: { type: 'noauth' } },
      },
      CHECK_VARIABLES,
    ]);
    const environment = {
      name: 'ci',
      values: ['client_id', 'client_secret', 'access_token', 'token_expires_at'].map((key) => ({
        key,
        value: { client_id: CLIENT_ID, client_secret: CLIENT_SECRET }[key] ?? '',
        enabled: true,
      })),
    };
    hits.length = 0;
    issued = 0;

    const { summary, assertions } = await runNewman({ collection, environment, iterationCount: 2 });

    const auth = (path: string) => hits.filter((h) => h.path === path).map((h) => h.authorization ?? 'none');
    // Iteration 1: tok-1 is rejected, the replay fetches tok-2. "Always rejected": replayed with tok-3, reported.
    // Iteration 2: tok-3 is valid for orders; the rejected request is replayed once more (memory was cleaned up).
    expect(auth('/api/orders')).toEqual(['Bearer tok-1', 'Bearer tok-2', 'Bearer tok-3']);
    expect(auth('/api/reject')).toEqual(['Bearer tok-2', 'Bearer tok-3', 'Bearer tok-3', 'Bearer tok-4']);
    expect(auth('/api/public')).toEqual(['none', 'none']);
    expect(auth('/check')).toEqual(['none', 'none']);
    const tokenRequests = hits.filter((h) => h.path === '/oauth/token');
    expect(tokenRequests).toHaveLength(4);
    expect(Object.fromEntries(new URLSearchParams(tokenRequests[0]!.body))).toEqual({
      grant_type: 'client_credentials',
      scope: 'read write',
      client_id: CLIENT_ID,
      client_secret: CLIENT_SECRET,
    });

    // Per iteration: the reported second 401 and the rejected request's own status test; the replayed attempts fail nothing.
    const failures = summary.run.failures.map((f) => `${f.source?.name}: ${f.error.test}`);
    expect(failures).toEqual([
      'Always rejected: gen-collection: replay after 401',
      'Always rejected: status 200',
      'Always rejected: gen-collection: replay after 401',
      'Always rejected: status 200',
    ]);
    expect(summary.run.failures[0]!.error.message).toBe(
      'the API answered 401 again with a freshly fetched token (not retried)',
    );
    expect(summary.environment.toObject()).toMatchObject({
      access_token: 'tok-4',
      token_expires_at: expect.stringMatching(/^\d{13}$/),
    });
    // The replay memory is gone after each iteration; the token lives in the selected environment only.
    expect(assertions.filter((a) => a.startsWith('replay memory'))).toEqual([
      'replay memory=undefined collection token=undefined environment token=tok-3',
      'replay memory=undefined collection token=undefined environment token=tok-4',
    ]);
  });

  it('sends a JSON body with HTTP Basic client authentication over the wire', async () => {
    const scripts = await scriptsFor({ bodyFormat: 'json', clientAuth: 'basic' });
    hits.length = 0;
    issued = 1; // the API accepts tok-2 on
    const { summary, assertions } = await runNewman({
      collection: collectionWith(scripts, [
        { id: 'orders', name: 'List orders', request: { method: 'GET', url: '{{base_url}}/api/orders' } },
        CHECK_VARIABLES,
      ]),
      envVar: CREDENTIALS,
    });
    expect(summary.run.failures).toEqual([]);
    const [token, api] = hits;
    expect(token).toMatchObject({
      path: '/oauth/token',
      contentType: 'application/json',
      body: '{"grant_type":"client_credentials","scope":"read write"}',
    });
    const [id, secret] = Buffer.from(token!.authorization!.replace(/^Basic /, ''), 'base64')
      .toString('utf8')
      .split(':')
      .map(decodeURIComponent);
    expect([id, secret]).toEqual([CLIENT_ID, CLIENT_SECRET]);
    expect(api).toMatchObject({ path: '/api/orders', authorization: 'Bearer tok-2' });
    // --env-var without -e: a nameless environment, so `auto` stored the token in the collection variables.
    expect(assertions).toEqual(['replay memory=undefined collection token=tok-2 environment token=undefined']);
  });

  it('reports a refused token request as a failed test and skips the request', async () => {
    const scripts = await scriptsFor({ tokenUrl: '{{base_url}}/oauth/refuse' });
    hits.length = 0;
    const { summary } = await runNewman({
      collection: collectionWith(scripts, [
        { id: 'orders', name: 'List orders', request: { method: 'GET', url: '{{base_url}}/api/orders' } },
      ]),
      envVar: CREDENTIALS,
    });
    expect(hits.map((h) => h.path)).toEqual(['/oauth/refuse']);
    expect(summary.run.failures.map((f) => [f.error.test, f.error.message])).toEqual([
      [
        'gen-collection: no access token, request skipped',
        `token request to ${base}/oauth/refuse failed: HTTP 401 (invalid_client: unknown client) (not tried again in this run with the same token URL and credentials)`,
      ],
    ]);
  });

  it('measured: local and collection variables set by one request are visible to the next, across iterations', async () => {
    const probe = (name: string) => ({
      id: name,
      name,
      request: { method: 'GET', url: `${base}/probe` },
      event: [
        event(
          'prerequest',
          `pm.test('${name} local=' + pm.variables.get('probe_local') + ' collection=' + pm.collectionVariables.get('probe_collection'), () => {});
pm.variables.set('probe_local', '${name}');
pm.collectionVariables.set('probe_collection', '${name}');`,
        ),
      ],
    });
    const { summary, assertions: seen } = await runNewman({
      collection: { info: { name: 'Probe', schema: SCHEMA }, item: [probe('A'), probe('B')] },
      iterationCount: 2,
    });
    expect(summary.run.failures).toEqual([]);
    expect(seen).toEqual([
      'A local=undefined collection=undefined',
      'B local=A collection=A',
      'A local=B collection=B',
      'B local=A collection=A',
    ]);
  });
});
