/**
 * Smoke test of the e2e machinery with plain fetch: oidc-provider (both client auth methods,
 * introspection, JWT access tokens), the protected API, every fault of the token server, and the
 * Newman harness on a hand-written collection.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runNewman } from './newman.js';
import { withoutNewmanCopies } from './newman-report.js';
import { assertNoSecret, secretForms } from './no-secret.js';
import { refusedUrl } from './servers/http-util.js';
import { startOidcProvider, type ClientCredentials, type OidcProvider } from './servers/oidc.js';
import { startProtectedApi, type ProtectedApi } from './servers/protected-api.js';
import { FAULT_BODIES, startTokenServer, type TokenServer } from './servers/token-server.js';

type TokenBody = {
  access_token?: string;
  expires_in?: number;
  refresh_token?: string;
  error?: string;
  error_description?: string;
  token_type?: string;
};

const FORM = 'application/x-www-form-urlencoded';

function basicHeader(client: ClientCredentials): string {
  return 'Basic ' + Buffer.from(`${client.id}:${client.secret}`).toString('base64');
}

async function postToken(
  url: string,
  init: { params: Record<string, string>; basic?: ClientCredentials; json?: boolean; timeoutMs?: number },
) {
  const headers: Record<string, string> = { 'content-type': init.json ? 'application/json' : FORM };
  if (init.basic) headers.authorization = basicHeader(init.basic);
  const res = await fetch(url, {
    method: 'POST',
    headers,
    body: init.json ? JSON.stringify(init.params) : new URLSearchParams(init.params),
    signal: AbortSignal.timeout(init.timeoutMs ?? 5_000),
  });
  const text = await res.text();
  let body: TokenBody | undefined;
  try {
    body = JSON.parse(text) as TokenBody;
  } catch {
    body = undefined;
  }
  return { status: res.status, body, text };
}

function decodeJwtPayload(token: string): Record<string, unknown> {
  return JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
}

async function callApi(api: ProtectedApi, path: string, token?: string, method = 'GET') {
  const res = await fetch(api.url + path, {
    method,
    headers: {
      ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}),
      ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
    },
    body: method === 'POST' ? JSON.stringify({ sku: 'A1' }) : undefined,
    signal: AbortSignal.timeout(5_000),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

describe('oidc-provider', () => {
  let op: OidcProvider;
  beforeAll(async () => {
    op = await startOidcProvider({ ttlSeconds: 4 });
  });
  afterAll(async () => {
    await op.close();
  });

  it.each([{ method: 'basic' as const }, { method: 'body' as const }])(
    'issues a client_credentials token with client auth $method and records the method used',
    async ({ method }) => {
      const client = method === 'basic' ? op.clients.basic : op.clients.post;
      const before = op.tokenRequests.length;
      const params: Record<string, string> = { grant_type: 'client_credentials', scope: 'read' };
      if (method === 'body') Object.assign(params, { client_id: client.id, client_secret: client.secret });
      const { status, body } = await postToken(op.tokenUrl, { params, basic: method === 'basic' ? client : undefined });

      expect(status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 4, scope: 'read' });
      expect(op.tokenRequests.slice(before)).toMatchObject([
        {
          grantType: 'client_credentials',
          clientAuth: method,
          clientId: client.id,
          bodyFormat: 'form',
          status: 200,
          params: { scope: 'read' },
        },
      ]);
      expect(op.tokenRequests[before].clientSecret === client.secret).toBe(true);
      expect(await op.validateToken(body?.access_token ?? '')).toBe(true);
    },
  );

  it('rejects a wrong secret, a JSON body, and an unknown token at introspection', async () => {
    const wrong = await postToken(op.tokenUrl, {
      params: { grant_type: 'client_credentials' },
      basic: { id: op.clients.basic.id, secret: 'wrong-secret' },
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body?.error).toBe('invalid_client');
    const json = await postToken(op.tokenUrl, {
      params: {
        grant_type: 'client_credentials',
        client_id: op.clients.post.id,
        client_secret: op.clients.post.secret,
      },
      json: true,
    });
    expect(json.status).toBe(400);
    expect(op.tokenRequests.at(-1)).toMatchObject({ bodyFormat: 'json', clientAuth: 'body', status: 400 });
    expect(await op.validateToken('not-a-token')).toBe(false);
  });
});

describe('oidc-provider with JWT access tokens', () => {
  it('issues an RS256 JWT with exp = iat + TTL that the validator accepts until it expires', async () => {
    // exp is whole seconds (iat + TTL): 2 s leaves the fresh token at least 1 s to live.
    const op = await startOidcProvider({ ttlSeconds: 2, jwtAccessTokens: true });
    try {
      const { status, body } = await postToken(op.tokenUrl, {
        params: { grant_type: 'client_credentials' },
        basic: op.clients.basic,
      });
      expect(status).toBe(200);
      const token = body?.access_token ?? '';
      const claims = decodeJwtPayload(token);
      expect(claims).toMatchObject({ aud: op.resource, client_id: op.clients.basic.id });
      expect(Number(claims.exp) - Number(claims.iat)).toBe(2);
      expect(await op.validateToken(token)).toBe(true);
      expect(await op.validateToken(token.slice(0, -4) + 'AAAA')).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, Number(claims.exp) * 1000 - Date.now() + 50));
      expect(await op.validateToken(token)).toBe(false);
    } finally {
      await op.close();
    }
  });
});

describe('protected API (introspection at oidc-provider)', () => {
  let op: OidcProvider;
  let api: ProtectedApi;
  let token: string;
  beforeAll(async () => {
    op = await startOidcProvider({ ttlSeconds: 30 });
    api = await startProtectedApi({ validate: op.validateToken });
    const { body } = await postToken(op.tokenUrl, {
      params: { grant_type: 'client_credentials' },
      basic: op.clients.basic,
    });
    token = body?.access_token ?? '';
  });
  afterAll(async () => {
    await api.close();
    await op.close();
  });

  it.each([
    { path: '/health', method: 'GET', auth: 'none', status: 200 },
    { path: '/orders', method: 'GET', auth: 'none', status: 401 },
    { path: '/orders', method: 'GET', auth: 'null', status: 401 },
    { path: '/orders', method: 'GET', auth: '{{access_token}}', status: 401 },
    { path: '/orders', method: 'GET', auth: 'garbage', status: 401 },
    { path: '/orders', method: 'GET', auth: 'valid', status: 200 },
    { path: '/orders/42', method: 'GET', auth: 'valid', status: 200 },
    { path: '/orders', method: 'POST', auth: 'valid', status: 201 },
    { path: '/always-401', method: 'GET', auth: 'valid', status: 401 },
    { path: '/nowhere', method: 'GET', auth: 'valid', status: 404 },
  ])('$method $path with token $auth → $status', async ({ path, method, auth, status }) => {
    const sent = auth === 'none' ? undefined : auth === 'valid' ? token : auth;
    const result = await callApi(api, path, sent, method);
    expect(result.status).toBe(status);
  });

  it('counted requests, 401s and requests without a usable token', () => {
    expect(api.stats).toEqual({
      requests: 10,
      unauthorized: 5,
      withoutToken: 3,
      byPath: { '/health': 1, '/orders': 6, '/orders/42': 1, '/always-401': 1, '/nowhere': 1 },
    });
  });

  it('rejects the next valid token once, then accepts it again', async () => {
    api.rejectNextValidTokenOnce();
    expect((await callApi(api, '/orders')).status).toBe(401);
    expect((await callApi(api, '/orders', token)).status).toBe(401);
    expect((await callApi(api, '/orders', token)).status).toBe(200);
  });
});

describe('token server', () => {
  let ts: TokenServer;
  beforeAll(async () => {
    ts = await startTokenServer({ refreshTokens: { ttlSeconds: 30 } });
  });
  afterAll(async () => {
    await ts.close();
  });

  it.each([
    { grant: 'client_credentials', clientAuth: 'basic' as const, json: false },
    { grant: 'client_credentials', clientAuth: 'body' as const, json: true },
    { grant: 'password', clientAuth: 'body' as const, json: false },
    { grant: 'password', clientAuth: 'basic' as const, json: true },
  ])(
    '$grant with client auth $clientAuth, JSON body $json → token + refresh token, recorded',
    async ({ grant, clientAuth, json }) => {
      const params: Record<string, string> = { grant_type: grant, scope: 'orders:read', audience: 'orders-api' };
      if (grant === 'password') Object.assign(params, { username: ts.user.username, password: ts.user.password });
      if (clientAuth === 'body') Object.assign(params, { client_id: ts.client.id, client_secret: ts.client.secret });
      const before = ts.tokenRequests.length;
      const { status, body } = await postToken(ts.tokenUrl, {
        params,
        json,
        basic: clientAuth === 'basic' ? ts.client : undefined,
      });

      expect(status).toBe(200);
      expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 4, scope: 'orders:read' });
      expect(typeof body?.refresh_token).toBe('string');
      expect(await ts.validateToken(body?.access_token ?? '')).toBe(true);
      expect(ts.tokenRequests.slice(before)).toMatchObject([
        {
          grantType: grant,
          clientAuth,
          clientId: ts.client.id,
          bodyFormat: json ? 'json' : 'form',
          params: { audience: 'orders-api' },
          status: 200,
        },
      ]);
    },
  );

  it('refreshes once per refresh token and refuses a reused one or a wrong password', async () => {
    const first = await postToken(ts.tokenUrl, { params: { grant_type: 'client_credentials' }, basic: ts.client });
    const refresh = { grant_type: 'refresh_token', refresh_token: first.body?.refresh_token ?? '' };
    const second = await postToken(ts.tokenUrl, { params: refresh, basic: ts.client });
    expect(second.status).toBe(200);
    expect(second.body?.access_token).not.toBe(first.body?.access_token);
    const reused = await postToken(ts.tokenUrl, { params: refresh, basic: ts.client });
    expect(reused).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const badUser = await postToken(ts.tokenUrl, {
      params: { grant_type: 'password', username: 'alice', password: 'nope' },
      basic: ts.client,
    });
    expect(badUser).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    const badClient = await postToken(ts.tokenUrl, {
      params: { grant_type: 'client_credentials' },
      basic: { id: ts.client.id, secret: 'wrong' },
    });
    expect(badClient).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('answers invalid_grant to every refresh when told to', async () => {
    const first = await postToken(ts.tokenUrl, { params: { grant_type: 'client_credentials' }, basic: ts.client });
    ts.setRefreshFault('invalid_grant');
    try {
      const refreshed = await postToken(ts.tokenUrl, {
        params: { grant_type: 'refresh_token', refresh_token: first.body?.refresh_token ?? '' },
        basic: ts.client,
      });
      expect(refreshed).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    } finally {
      ts.setRefreshFault('none');
    }
  });
});

// Independent servers, each waiting out a 1 s lifetime: run them side by side.
describe.concurrent('token server expiry styles', () => {
  it.each([
    { expiry: 'expires_in' as const, expiresIn: 2, jwt: false },
    { expiry: 'jwt-exp' as const, expiresIn: undefined, jwt: true },
    { expiry: 'none' as const, expiresIn: undefined, jwt: false },
  ])(
    '$expiry: expires_in $expiresIn, JWT $jwt, token invalid after its server-side lifetime',
    async ({ expiry, expiresIn, jwt }) => {
      // 2 s: a JWT's exp is whole seconds, so its token lives between 1 and 2 s.
      const ts = await startTokenServer({ expiry, ttlSeconds: 2 });
      try {
        const { body } = await postToken(ts.tokenUrl, {
          params: { grant_type: 'client_credentials' },
          basic: ts.client,
        });
        const token = body?.access_token ?? '';
        expect(body?.expires_in).toBe(expiresIn);
        expect(body?.refresh_token).toBeUndefined();
        expect(token.split('.').length === 3).toBe(jwt);
        if (jwt) expect(Number(decodeJwtPayload(token).exp) * 1000).toBeGreaterThan(Date.now());
        expect(await ts.validateToken(token)).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 2_050));
        expect(await ts.validateToken(token)).toBe(false);
      } finally {
        await ts.close();
      }
    },
  );
});

describe('token server faults', () => {
  const ok = { grant_type: 'client_credentials' };

  it.each([
    { fault: 'status-500' as const, status: 500, body: FAULT_BODIES['status-500'] },
    { fault: 'non-json' as const, status: 200, body: undefined, text: FAULT_BODIES['non-json'] },
    { fault: 'no-access-token' as const, status: 200, body: FAULT_BODIES['no-access-token'] },
    { fault: 'invalid-client' as const, status: 401, body: FAULT_BODIES['invalid-client'] },
  ])('$fault → $status every time', async ({ fault, status, body, text }) => {
    const ts = await startTokenServer({ fault });
    try {
      for (let attempt = 0; attempt < 2; attempt += 1) {
        const result = await postToken(ts.tokenUrl, { params: ok, basic: ts.client });
        expect(result.status).toBe(status);
        expect(result.body).toEqual(body);
        if (text) expect(result.text).toBe(text);
      }
      expect(ts.tokenRequests.map((r) => r.status)).toEqual([status, status]);
      expect(ts.issuedAccessTokens()).toBe(0);
    } finally {
      await ts.close();
    }
  });

  it('status-503-once → 503 with the OAuth error, then a token', async () => {
    const ts = await startTokenServer({ fault: 'status-503-once' });
    try {
      const first = await postToken(ts.tokenUrl, { params: ok, basic: ts.client });
      expect(first).toMatchObject({ status: 503, body: FAULT_BODIES['status-503-once'] });
      const second = await postToken(ts.tokenUrl, { params: ok, basic: ts.client });
      expect(second.status).toBe(200);
      expect(typeof second.body?.access_token).toBe('string');
    } finally {
      await ts.close();
    }
  });

  it('status-503-for → 503 until the outage, counted from the first token request, is over', async () => {
    const ts = await startTokenServer({ fault: 'status-503-for', outageMs: 600 });
    try {
      const first = await postToken(ts.tokenUrl, { params: ok, basic: ts.client });
      expect(first).toMatchObject({ status: 503, body: FAULT_BODIES['status-503-for'] });
      expect((await postToken(ts.tokenUrl, { params: ok, basic: ts.client })).status).toBe(503);
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect((await postToken(ts.tokenUrl, { params: ok, basic: ts.client })).status).toBe(200);
    } finally {
      await ts.close();
    }
  });

  it('status-429-once → 429 with Retry-After, then a token', async () => {
    const ts = await startTokenServer({ fault: 'status-429-once', retryAfterSeconds: 7 });
    try {
      const first = await fetch(ts.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ ...ok, client_id: ts.client.id, client_secret: ts.client.secret }),
        signal: AbortSignal.timeout(2_000),
      });
      expect([first.status, first.headers.get('retry-after'), await first.json()]).toEqual([
        429,
        '7',
        FAULT_BODIES['status-429-once'],
      ]);
      expect((await postToken(ts.tokenUrl, { params: ok, basic: ts.client })).status).toBe(200);
    } finally {
      await ts.close();
    }
  });

  it('slow → a client with a shorter timeout gives up; closing does not wait for the answer', async () => {
    const ts = await startTokenServer({ fault: 'slow', slowMs: 10_000 });
    try {
      await expect(postToken(ts.tokenUrl, { params: ok, basic: ts.client, timeoutMs: 200 })).rejects.toThrow(
        /abort|timeout/i,
      );
      expect(ts.tokenRequests).toHaveLength(1);
    } finally {
      await ts.close();
    }
  });

  it('slow-once → only the first answer is late', async () => {
    const ts = await startTokenServer({ fault: 'slow-once', slowMs: 10_000 });
    try {
      await expect(postToken(ts.tokenUrl, { params: ok, basic: ts.client, timeoutMs: 200 })).rejects.toThrow(
        /abort|timeout/i,
      );
      expect((await postToken(ts.tokenUrl, { params: ok, basic: ts.client, timeoutMs: 2_000 })).status).toBe(200);
    } finally {
      await ts.close();
    }
  });

  it('setFault switches faults at run time', async () => {
    const ts = await startTokenServer();
    try {
      ts.setFault('status-500');
      expect((await postToken(ts.tokenUrl, { params: ok, basic: ts.client })).status).toBe(500);
      ts.setFault('none');
      expect((await postToken(ts.tokenUrl, { params: ok, basic: ts.client })).status).toBe(200);
    } finally {
      await ts.close();
    }
  });

  it('a closed port refuses connections', async () => {
    const url = await refusedUrl();
    await expect(fetch(url, { method: 'POST', signal: AbortSignal.timeout(2_000) })).rejects.toMatchObject({
      cause: { code: 'ECONNREFUSED' },
    });
  });
});

describe('Newman harness', () => {
  const secret = 'harness-secret-QpX81vZr';
  let ts: TokenServer;
  let api: ProtectedApi;
  beforeAll(async () => {
    ts = await startTokenServer({ ttlSeconds: 30 });
    api = await startProtectedApi({ validate: ts.validateToken });
  });
  afterAll(async () => {
    await api.close();
    await ts.close();
  });

  it('runs a hand-written collection: requests, assertions, console, exported environment and exit code', async () => {
    const { body } = await postToken(ts.tokenUrl, { params: { grant_type: 'client_credentials' }, basic: ts.client });
    const collection = {
      info: { name: 'harness', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{tok}}', type: 'string' }] },
      item: [
        {
          name: 'Health',
          request: { method: 'GET', url: '{{api}}/health', auth: { type: 'noauth' } },
          event: [
            {
              listen: 'test',
              script: {
                exec: [
                  "pm.test('health 200', () => pm.response.to.have.status(200));",
                  "console.log('iteration', pm.info.iteration);",
                ],
              },
            },
          ],
        },
        {
          name: 'Orders',
          request: { method: 'GET', url: '{{api}}/orders' },
          event: [
            {
              listen: 'test',
              script: {
                exec: [
                  "pm.test('orders 200', () => pm.response.to.have.status(200));",
                  "pm.environment.set('seen', 'yes');",
                ],
              },
            },
          ],
        },
        {
          name: 'Always 401',
          request: { method: 'GET', url: '{{api}}/always-401' },
          event: [
            { listen: 'test', script: { exec: ["pm.test('wants 200', () => pm.response.to.have.status(200));"] } },
          ],
        },
      ],
    };
    const result = await runNewman(collection, {
      envVars: { api: api.url, tok: body?.access_token ?? '', client_secret: secret },
      iterationCount: 2,
      exportEnvironment: true,
    });

    expect(result.runError).toBeUndefined();
    expect(result.exitCode).toBe(1);
    expect(result.failures).toEqual([
      expect.objectContaining({ item: 'Always 401', test: 'wants 200', at: 'assertion:0 in test-script' }),
      expect.objectContaining({ item: 'Always 401', test: 'wants 200' }),
    ]);
    expect(result.assertions.filter((a) => a.passed)).toHaveLength(4);
    expect(result.requests.map((r) => `${r.item} ${r.status}`)).toEqual([
      'Health 200',
      'Orders 200',
      'Always 401 401',
      'Health 200',
      'Orders 200',
      'Always 401 401',
    ]);
    expect(result.consoleLines).toEqual(['iteration 0', 'iteration 1']);
    expect(result.exportedEnvironment).toMatchObject({ seen: 'yes', api: api.url });
    expect(result.environment).toMatchObject({ seen: 'yes' });
    expect(api.stats.withoutToken).toBe(0);
    assertNoSecret(secretForms(secret), {
      console: result.consoleLines.join('\n'),
      failures: JSON.stringify(result.failures),
    });
  });

  it('an all-green run exits 0', async () => {
    const collection = {
      info: { name: 'green', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [{ name: 'Health', request: { method: 'GET', url: `${api.url}/health` } }],
    };
    const result = await runNewman(collection);
    expect(result).toMatchObject({ exitCode: 0, failures: [], runError: undefined });
    expect(result.requests).toHaveLength(1);
  });
});

describe('secret checks', () => {
  const secret = 'check-secret-Zx81Lm';

  it.each([
    { where: 'raw', text: `a=${secret}`, found: 'raw in t' },
    {
      where: 'url-encoded',
      text: `a=${encodeURIComponent('s3cr/t+value=1')}`,
      found: 'url-encoded in t',
      value: 's3cr/t+value=1',
    },
    {
      where: 'basic header',
      text: `Authorization: Basic ${Buffer.from(`id:${secret}`).toString('base64')}`,
      found: 'basic header in t',
    },
    { where: 'nowhere', text: 'nothing to see', found: undefined },
  ])('assertNoSecret finds the $where form and never repeats the secret', ({ text, found, value }) => {
    const forms = secretForms(value ?? secret, 'id');
    const check = () => assertNoSecret(forms, { t: text });
    if (!found) {
      expect(check).not.toThrow();
      return;
    }
    const error = (() => {
      try {
        check();
      } catch (caught) {
        return caught as Error;
      }
      return undefined;
    })();
    expect(error?.message).toContain(found);
    expect(error?.message.includes(value ?? secret)).toBe(false);
  });

  it('withoutNewmanCopies sets aside exactly the --env-var values and the token requests', () => {
    const tokenRequest = {
      method: 'POST',
      url: { protocol: 'http', host: ['127', '0', '0', '1'], port: '5', path: ['token'] },
      body: { urlencoded: [{ key: 'client_secret', value: secret }] },
    };
    const report = {
      environment: {
        values: [
          { key: 'client_secret', value: secret },
          { key: 'base_url', value: 'http://x' },
        ],
      },
      run: {
        executions: [
          { request: tokenRequest },
          { request: { method: 'GET', url: 'http://127.0.0.1:6/orders', header: [{ key: 'X', value: secret }] } },
        ],
        failures: [{ source: { name: 'List', request: tokenRequest } }],
      },
    };
    const { rest, copies } = withoutNewmanCopies(report, {
      envVarKeys: ['client_secret'],
      tokenUrl: 'http://127.0.0.1:5/token',
    });
    expect(copies).toEqual({ envVars: 1, tokenRequests: 2 });
    // The secret in a non-token request header is still there to be found.
    expect(() => assertNoSecret({ secret }, { rest: JSON.stringify(rest) })).toThrow(/raw|secret in rest/);
    expect(JSON.stringify(rest)).toContain('http://x');
  });
});
