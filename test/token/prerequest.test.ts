/**
 * The collection-level pre-request token script, run in both real Postman sandboxes against a fake token
 * server: the exact token request it sends, what it stores, and how it reports failures.
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { OAuth2Resolved } from '../../src/config/resolved.js';
import {
  runScript,
  SANDBOXES,
  disposeSandboxes,
  type ScriptResult,
  type SentRequest,
  type ServerReply,
} from './sandbox-harness.js';
import {
  BASE_AUTH,
  BASE_VARIABLES,
  CLIENT_ID,
  CLIENT_SECRET,
  PASSWORD,
  REFRESH_TOKEN,
  SECRETS,
  STORED_TOKEN,
  USERNAME,
  formRequest,
  jsonRequest,
  scriptsFor,
  visibleOutput,
} from './token-fixtures.js';

afterAll(disposeSandboxes);

/** An expected variable: its value, absent (`null`), or an expiry `expiresIn` seconds after the run. */
type Expected = string | null | { expiresIn: number };

interface Case {
  name: string;
  auth?: Partial<OAuth2Resolved>;
  skipRequestIds?: string[];
  /** Collection variables on top of BASE_VARIABLES (given the time of the run, for expiries); `null` removes one. */
  collection?: (now: number) => Record<string, string | null>;
  environment?: (now: number) => { name?: string; values: Record<string, string> };
  request?: object;
  replies?: ServerReply[];
  sent: SentRequest[];
  collectionAfter?: Record<string, Expected>;
  environmentAfter?: Record<string, Expected>;
  /** The error of the one failing assertion expected (the request is then skipped). */
  failure?: RegExp;
}

const GRANTED = { access_token: 'tok-new-access', token_type: 'Bearer', expires_in: 300 };
const CLIENT_FIELDS: [string, string][] = [
  ['client_id', CLIENT_ID],
  ['client_secret', CLIENT_SECRET],
];
const CC_FORM = formRequest([['grant_type', 'client_credentials'], ['scope', 'read write'], ...CLIENT_FIELDS]);
const REFRESH_FORM = formRequest([
  ['grant_type', 'refresh_token'],
  ['refresh_token', REFRESH_TOKEN],
  ['scope', 'read write'],
  ...CLIENT_FIELDS,
]);
/** RFC 6749 §2.3.1: id and secret urlencoded (space as %20, which every decoder reads), joined by `:`, base64. */
const BASIC = 'Basic b3JkZXJzLWNpOlMzY3IzdCUzQSUyRiUyQiUyMCVDMyVBOS12YWx1ZQ==';
const NEW_TOKEN_SAVED: Record<string, Expected> = {
  access_token: 'tok-new-access',
  token_expires_at: { expiresIn: 300 },
};
const NOTHING_SAVED: Record<string, Expected> = { access_token: null, token_expires_at: null };

function jwt(claims: object): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}
// `sub` with characters that base64url encodes as `-` and `_`.
const JWT_WITH_EXP = jwt({ sub: 'user>>??', exp: 2_000_000_000 });

const cases: Case[] = [
  // Whether a token is needed
  {
    name: 'no token: client_credentials, form body, client secret in the body',
    replies: [{ status: 200, json: GRANTED }],
    sent: [CC_FORM],
    collectionAfter: { ...NEW_TOKEN_SAVED, refresh_token: null },
  },
  {
    name: 'valid token: no token request',
    collection: (now) => ({ access_token: STORED_TOKEN, token_expires_at: String(now + 60_000) }),
    sent: [],
    collectionAfter: { access_token: STORED_TOKEN },
  },
  {
    name: 'token stored without expiry: used until a 401',
    collection: () => ({ access_token: STORED_TOKEN, token_expires_at: '' }),
    sent: [],
    collectionAfter: { access_token: STORED_TOKEN, token_expires_at: '' },
  },
  {
    name: 'token inside the expiry buffer: fetched again',
    collection: (now) => ({ access_token: STORED_TOKEN, token_expires_at: String(now + 3_000) }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [CC_FORM],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  {
    name: 'unreadable expiry counts as expired',
    collection: () => ({ access_token: STORED_TOKEN, token_expires_at: 'tomorrow' }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [CC_FORM],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  // Refresh
  {
    name: 'expired token with a refresh token: refresh_token grant, new refresh token saved',
    collection: (now) => ({
      access_token: STORED_TOKEN,
      token_expires_at: String(now - 1_000),
      refresh_token: REFRESH_TOKEN,
    }),
    replies: [{ status: 200, json: { ...GRANTED, refresh_token: 'rt-new-refresh' } }],
    sent: [REFRESH_FORM],
    collectionAfter: { ...NEW_TOKEN_SAVED, refresh_token: 'rt-new-refresh' },
  },
  {
    name: 'refresh response without a refresh token keeps the stored one',
    collection: () => ({ refresh_token: REFRESH_TOKEN }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [REFRESH_FORM],
    collectionAfter: { ...NEW_TOKEN_SAVED, refresh_token: REFRESH_TOKEN },
  },
  {
    name: 'refresh refused: falls back to client_credentials in the same run and drops the refresh token',
    collection: () => ({ refresh_token: REFRESH_TOKEN }),
    replies: [
      { status: 400, json: { error: 'invalid_grant' } },
      { status: 200, json: GRANTED },
    ],
    sent: [REFRESH_FORM, CC_FORM],
    collectionAfter: { ...NEW_TOKEN_SAVED, refresh_token: '' },
  },
  {
    name: 'refresh and fallback both fail: the fallback failure is reported',
    collection: () => ({ refresh_token: REFRESH_TOKEN }),
    replies: [{ networkError: { code: 'ECONNRESET' } }, { status: 401, json: { error: 'invalid_client' } }],
    sent: [REFRESH_FORM, CC_FORM],
    collectionAfter: { ...NOTHING_SAVED, refresh_token: '' },
    failure:
      /^token request to https:\/\/auth\.example\.test\/oauth\/token failed: HTTP 401 \(invalid_client\) \(not tried again in this run with the same token URL and credentials\)$/,
  },
  {
    name: 'password grant with a refresh token: refresh uses the same client authentication',
    auth: { grantType: 'password', clientAuth: 'basic' },
    // Rule 12: the username and password of the fallback grant are checked before the refresh too.
    collection: () => ({ refresh_token: REFRESH_TOKEN, username: USERNAME, password: PASSWORD }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [
      formRequest(
        [
          ['grant_type', 'refresh_token'],
          ['refresh_token', REFRESH_TOKEN],
          ['scope', 'read write'],
        ],
        { Authorization: BASIC },
      ),
    ],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  // Body format × client authentication, grants, parameters
  {
    name: 'form body, HTTP Basic client authentication',
    auth: { clientAuth: 'basic' },
    replies: [{ status: 200, json: GRANTED }],
    sent: [
      formRequest(
        [
          ['grant_type', 'client_credentials'],
          ['scope', 'read write'],
        ],
        { Authorization: BASIC },
      ),
    ],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  {
    name: 'JSON body, client secret in the body',
    auth: { bodyFormat: 'json' },
    replies: [{ status: 200, json: GRANTED }],
    sent: [
      jsonRequest({
        grant_type: 'client_credentials',
        scope: 'read write',
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
      }),
    ],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  {
    name: 'JSON body, HTTP Basic client authentication',
    auth: { bodyFormat: 'json', clientAuth: 'basic' },
    replies: [{ status: 200, json: GRANTED }],
    sent: [jsonRequest({ grant_type: 'client_credentials', scope: 'read write' }, { Authorization: BASIC })],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  {
    name: 'a public client (clientAuth none): client_id alone, a stored client secret is never sent',
    auth: { clientAuth: 'none' },
    replies: [{ status: 200, json: GRANTED }],
    sent: [
      formRequest([
        ['grant_type', 'client_credentials'],
        ['scope', 'read write'],
        ['client_id', CLIENT_ID],
      ]),
    ],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  {
    name: 'password grant: username and password from their variables',
    auth: { grantType: 'password', params: {} },
    collection: () => ({ username: USERNAME, password: PASSWORD }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [formRequest([['grant_type', 'password'], ['username', USERNAME], ['password', PASSWORD], ...CLIENT_FIELDS])],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  // Rule 10: an input that is missing fails the request with its fix; nothing is sent.
  {
    name: 'empty client secret: named with the fix, no token request',
    collection: () => ({ client_secret: '' }),
    sent: [],
    collectionAfter: NOTHING_SAVED,
    failure:
      /^no token request sent: client_secret is empty \(newman run … --env-var client_secret=…, or its current value in the Postman app\)$/,
  },
  {
    name: 'empty client secret with HTTP Basic, custom variable name',
    auth: { clientAuth: 'basic', variables: { ...BASE_AUTH.variables, clientSecret: 'app_key' } },
    collection: () => ({ app_key: '' }),
    sent: [],
    failure: /^no token request sent: app_key is empty \(newman run … --env-var app_key=…/,
  },
  {
    name: 'password grant with an empty password',
    auth: { grantType: 'password' },
    collection: () => ({ username: USERNAME, password: '' }),
    sent: [],
    failure: /^no token request sent: password is empty \(newman run … --env-var password=…/,
  },
  {
    name: 'no environment selected: {{token_url}} undefined, and the secret empty: every cause',
    auth: { tokenUrl: '{{token_url}}' },
    collection: () => ({ client_secret: '' }),
    sent: [],
    failure:
      /^no token request sent: not defined: {{token_url}} in the token URL \(no environment selected: newman run … -e <environment file>\); client_secret is empty/,
  },
  // Rule 12: every variable the token request uses is defined, every credential it sends non-empty, the URL https.
  {
    name: 'no environment selected: an undefined client_id named as undefined, with -e',
    collection: () => ({ client_id: null }),
    sent: [],
    failure:
      /^no token request sent: not defined: {{client_id}} \(no environment selected: newman run … -e <environment file>\)$/,
  },
  {
    name: 'a selected environment that lacks a variable: every undefined one, where it is used',
    auth: { tokenUrl: '{{token_url}}', params: { scope: '{{scopes}}', audience: '{{aud}}' } },
    collection: () => ({ client_id: null, aud: '' }),
    environment: () => ({ name: 'dev', values: {} }),
    sent: [],
    failure:
      /^no token request sent: not defined: {{token_url}} in the token URL, {{scopes}} in scope, {{client_id}} \(the selected environment lacks it\)$/,
  },
  {
    name: 'password grant: an empty username, an undefined password',
    auth: { grantType: 'password' },
    collection: () => ({ username: '' }),
    sent: [],
    failure:
      /^no token request sent: not defined: {{password}} \(no environment selected: newman run … -e <environment file>\); username is empty \(newman run … --env-var username=…/,
  },
  {
    name: 'an empty client_id',
    collection: () => ({ client_id: '' }),
    sent: [],
    failure:
      /^no token request sent: client_id is empty \(newman run … --env-var client_id=…, or its current value in the Postman app\)$/,
  },
  ...(
    [
      ['http://auth.example.test/oauth/token', 'is not https'],
      ['HTTP://10.0.0.1:8080/token', 'is not https'],
      ['http://127.0.0.1.example.test/token', 'is not https'],
      ['auth.example.test/oauth/token', 'has no scheme'],
      ['127.0.0.1:4010/token', 'has no scheme'],
    ] as const
  ).map(([url, problem]) => ({
    name: `token URL ${url}: refused at run time`,
    collection: () => ({ base_url: url.replace(/\/[^/]*$/, '').replace(/\/oauth$/, '') }),
    auth: { tokenUrl: url },
    sent: [],
    failure: new RegExp(`^no token request sent: the token URL ${url.replace(/[.?*+]/g, '\\$&')} ${problem} `),
  })),
  ...[
    'http://localhost:4010/token',
    'http://127.0.0.1:4010/token',
    'http://127.9.8.7/token',
    'http://[::1]:4010/token',
    'HTTPS://auth.example.test/token',
  ].map((url) => ({
    name: `token URL ${url}: allowed (loopback or https)`,
    auth: { tokenUrl: url },
    replies: [{ status: 200, json: GRANTED }],
    sent: [formRequest([['grant_type', 'client_credentials'], ['scope', 'read write'], ...CLIENT_FIELDS], {}, url)],
    collectionAfter: NEW_TOKEN_SAVED,
  })),
  {
    name: 'a plain-HTTP token URL with allowHttp: sent',
    auth: { tokenUrl: 'http://keycloak:8080/token', allowHttp: true } as Partial<OAuth2Resolved>,
    replies: [{ status: 200, json: GRANTED }],
    sent: [
      formRequest(
        [['grant_type', 'client_credentials'], ['scope', 'read write'], ...CLIENT_FIELDS],
        {},
        'http://keycloak:8080/token',
      ),
    ],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  {
    name: 'a credential holding an undefined {{variable}}',
    collection: () => ({ client_id: '{{realm}}-ci' }),
    sent: [],
    failure: /^no token request sent: not defined: {{realm}} in client_id \(no environment selected: newman run … -e/,
  },
  {
    name: 'scope, audience, resource and extra parameters resolved; empty ones left out',
    auth: {
      params: {
        scope: '{{scopes}}',
        audience: 'https://{{api_host}}/',
        resource: 'urn:orders',
        prompt: 'none',
        tenant: '{{tenant}}',
        empty: '',
      },
    },
    collection: () => ({ scopes: 'orders:read', api_host: 'api.example.test', tenant: '' }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [
      formRequest([
        ['grant_type', 'client_credentials'],
        ['scope', 'orders:read'],
        ['audience', 'https://api.example.test/'],
        ['resource', 'urn:orders'],
        ['prompt', 'none'],
        ...CLIENT_FIELDS,
      ]),
    ],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  {
    name: '{{var}} in the token URL and nested in credential variables, from the environment',
    auth: { tokenUrl: '{{idp}}/realms/{{realm}}/token', params: {} },
    environment: () => ({
      name: 'dev',
      values: { idp: 'https://idp.example.test', realm: 'orders', client_id: '{{realm}}-ci' },
    }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [
      formRequest(
        [
          ['grant_type', 'client_credentials'],
          ['client_id', 'orders-ci'],
          ['client_secret', CLIENT_SECRET],
        ],
        {},
        'https://idp.example.test/realms/orders/token',
      ),
    ],
    environmentAfter: NEW_TOKEN_SAVED,
  },
  // Expiry sources
  {
    name: 'no expires_in: expiry from the JWT exp claim',
    replies: [{ status: 200, json: { access_token: JWT_WITH_EXP } }],
    sent: [CC_FORM],
    collectionAfter: { access_token: JWT_WITH_EXP, token_expires_at: '2000000000000' },
  },
  {
    name: 'no expires_in and an opaque token: stored without expiry',
    collection: (now) => ({ token_expires_at: String(now - 5) }),
    replies: [{ status: 200, json: { access_token: 'tok-new-access' } }],
    sent: [CC_FORM],
    collectionAfter: { access_token: 'tok-new-access', token_expires_at: '' },
  },
  {
    name: 'expires_in as a string',
    replies: [{ status: 200, json: { access_token: 'tok-new-access', expires_in: '300' } }],
    sent: [CC_FORM],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  // Storage scope
  {
    name: 'auto with a selected environment: saved there, the stale collection copy emptied',
    collection: () => ({ access_token: 'tok-old-collection' }),
    environment: () => ({ name: 'dev', values: { access_token: '', token_expires_at: '' } }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [CC_FORM],
    environmentAfter: NEW_TOKEN_SAVED,
    collectionAfter: { access_token: '', token_expires_at: null },
  },
  {
    name: 'auto without a selected environment: collection variables, shadowing environment copies removed',
    environment: () => ({ values: { access_token: '', token_expires_at: '', client_secret: CLIENT_SECRET } }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [CC_FORM],
    collectionAfter: NEW_TOKEN_SAVED,
    environmentAfter: { ...NOTHING_SAVED, client_secret: CLIENT_SECRET },
  },
  {
    name: 'storage environment without a selected environment',
    auth: { storage: 'environment' },
    replies: [{ status: 200, json: GRANTED }],
    sent: [CC_FORM],
    environmentAfter: NEW_TOKEN_SAVED,
    collectionAfter: NOTHING_SAVED,
  },
  {
    name: 'storage collection with a selected environment holding an empty copy',
    auth: { storage: 'collection' },
    environment: () => ({ name: 'dev', values: { access_token: '' } }),
    replies: [{ status: 200, json: GRANTED }],
    sent: [CC_FORM],
    collectionAfter: NEW_TOKEN_SAVED,
    environmentAfter: NOTHING_SAVED,
  },
  {
    name: 'custom variable names',
    auth: {
      variables: {
        accessToken: 'orders_token',
        expiresAt: 'orders_token_exp',
        refreshToken: 'orders_rt',
        clientId: 'app_id',
        clientSecret: 'app_key',
        username: 'u',
        password: 'p',
      },
    },
    collection: () => ({ app_id: CLIENT_ID, app_key: CLIENT_SECRET, client_id: 'not-this-one' }),
    request: {
      url: 'https://api.example.test/orders',
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{orders_token}}' }] },
    },
    replies: [{ status: 200, json: { ...GRANTED, refresh_token: 'rt-new-refresh' } }],
    sent: [CC_FORM],
    collectionAfter: {
      orders_token: 'tok-new-access',
      orders_token_exp: { expiresIn: 300 },
      orders_rt: 'rt-new-refresh',
      access_token: null,
    },
  },
  // Requests the script leaves alone
  {
    name: 'skip: request with auth none',
    request: { url: 'https://api.example.test/health', auth: { type: 'noauth' } },
    sent: [],
    collectionAfter: NOTHING_SAVED,
  },
  {
    name: 'skip: request with its own basic auth',
    request: { url: 'https://api.example.test/x', auth: { type: 'basic', basic: [{ key: 'username', value: 'u' }] } },
    sent: [],
    collectionAfter: NOTHING_SAVED,
  },
  {
    name: 'skip: request with a bearer of another token',
    request: {
      url: 'https://api.example.test/x',
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{partner_token}}' }] },
    },
    sent: [],
    collectionAfter: NOTHING_SAVED,
  },
  {
    name: 'skip: request listed in skipRequestIds (inherits another auth from a folder)',
    skipRequestIds: ['other', 'request-1'],
    sent: [],
    collectionAfter: NOTHING_SAVED,
  },
  {
    name: 'request with its own bearer of the collection token: token fetched',
    request: {
      url: 'https://api.example.test/x',
      auth: { type: 'bearer', bearer: [{ key: 'token', value: '{{access_token}}' }] },
    },
    replies: [{ status: 200, json: GRANTED }],
    sent: [CC_FORM],
    collectionAfter: NEW_TOKEN_SAVED,
  },
  // Failures: one failing test naming URL, status and OAuth error; request skipped; nothing stored
  {
    name: 'network error (as Newman delivers it: a code, no message)',
    replies: [
      { networkError: { errno: -111, code: 'ECONNREFUSED', syscall: 'connect', address: '127.0.0.1', port: 9 } },
    ],
    sent: [CC_FORM],
    collectionAfter: NOTHING_SAVED,
    // The URL already says where: the code is enough.
    failure: /^token request to https:\/\/auth\.example\.test\/oauth\/token failed: ECONNREFUSED \(next try in 1 s\)$/,
  },
  {
    name: 'network error with a message',
    replies: [{ networkError: { message: 'getaddrinfo ENOTFOUND auth.example.test' } }],
    sent: [CC_FORM],
    collectionAfter: NOTHING_SAVED,
    failure: /failed: getaddrinfo ENOTFOUND auth\.example\.test \(next try in 1 s\)$/,
  },
  {
    name: 'HTTP 500 with an HTML body',
    replies: [{ status: 500, text: '<html>Internal error</html>' }],
    sent: [CC_FORM],
    collectionAfter: NOTHING_SAVED,
    failure:
      /^token request to https:\/\/auth\.example\.test\/oauth\/token failed: HTTP 500, the response is not JSON \(next try in 1 s\)$/,
  },
  {
    name: 'HTTP 502 with JSON but no OAuth error',
    replies: [{ status: 502, json: { message: 'bad gateway' } }],
    sent: [CC_FORM],
    collectionAfter: NOTHING_SAVED,
    failure: /failed: HTTP 502, the response has no access_token \(next try in 1 s\)$/,
  },
  {
    name: 'HTTP 400 with an access_token is still a failure',
    replies: [{ status: 400, json: { access_token: 'tok-new-access', error: 'invalid_scope' } }],
    sent: [CC_FORM],
    collectionAfter: NOTHING_SAVED,
    failure:
      /failed: HTTP 400 \(invalid_scope\) \(not tried again in this run with the same token URL and credentials\)$/,
  },
  {
    name: 'HTTP 200 that is not JSON',
    replies: [{ status: 200, text: 'access_token=abc' }],
    sent: [CC_FORM],
    collectionAfter: NOTHING_SAVED,
    failure: /failed: HTTP 200, the response is not JSON \(not tried again/,
  },
  {
    name: 'HTTP 200 JSON without access_token',
    replies: [{ status: 200, json: { token_type: 'Bearer', expires_in: 300 } }],
    sent: [CC_FORM],
    collectionAfter: NOTHING_SAVED,
    failure: /failed: HTTP 200, the response has no access_token \(not tried again/,
  },
  {
    name: 'invalid_client with error_description',
    replies: [{ status: 401, json: { error: 'invalid_client', error_description: 'client authentication failed' } }],
    sent: [CC_FORM],
    collectionAfter: NOTHING_SAVED,
    failure: /failed: HTTP 401 \(invalid_client: client authentication failed\) \(not tried again/,
  },
  {
    name: 'a server echoing the secret in error_description: redacted',
    replies: [{ status: 400, json: { error: 'invalid_request', error_description: `bad secret ${CLIENT_SECRET}` } }],
    sent: [CC_FORM],
    collectionAfter: NOTHING_SAVED,
    failure: /failed: HTTP 400 \(invalid_request: bad secret \*\*\*\) \(not tried again/,
  },
  {
    name: 'token URL with user info and query: neither in the message',
    auth: {
      tokenUrl: 'https://{{client_id}}:{{url_secret}}@auth.example.test/oauth/token?key={{url_secret}}',
      params: {},
    },
    collection: () => ({ url_secret: 'url-safe-secret' }),
    replies: [{ status: 503, text: '' }],
    sent: [
      formRequest(
        [['grant_type', 'client_credentials'], ...CLIENT_FIELDS],
        {},
        `https://${CLIENT_ID}:url-safe-secret@auth.example.test/oauth/token?key=url-safe-secret`,
      ),
    ],
    collectionAfter: NOTHING_SAVED,
    failure:
      /^token request to https:\/\/auth\.example\.test\/oauth\/token failed: HTTP 503, the response is not JSON \(next try in 1 s\)$/,
  },
];

it('encodes HTTP Basic client credentials so form decoding and decodeURIComponent both give them back', () => {
  const [id, secret] = Buffer.from(BASIC.slice('Basic '.length), 'base64').toString('utf8').split(':');
  const formDecode = (value: string) => new URLSearchParams(`v=${value}`).get('v');
  expect([formDecode(id!), formDecode(secret!)]).toEqual([CLIENT_ID, CLIENT_SECRET]);
  expect([decodeURIComponent(id!), decodeURIComponent(secret!)]).toEqual([CLIENT_ID, CLIENT_SECRET]);
});

describe.each(SANDBOXES)('collection pre-request script in $label', ({ module }) => {
  it.each(cases)('$name', async (c) => {
    const scripts = await scriptsFor(c.auth, c.skipRequestIds);
    const before = Date.now();
    const result = await runScript(module, {
      script: scripts.prerequest,
      listen: 'prerequest',
      collectionVariables: definedOnly({ ...BASE_VARIABLES, ...c.collection?.(before) }),
      ...(c.environment ? { environment: c.environment(before) } : {}),
      ...(c.request ? { request: c.request } : {}),
      replies: c.replies ?? [],
    });
    const after = Date.now();

    expect(result.errors).toEqual([]);
    expect(result.sent).toEqual(c.sent);
    expectVariables(result.collectionVariables, c.collectionAfter ?? {}, before, after);
    expectVariables(result.environment, c.environmentAfter ?? {}, before, after);
    if (c.failure) {
      expect(result.assertions).toHaveLength(1);
      // A short name and the problem as the error: runners print both, so the problem shows once.
      expect(result.assertions[0]).toMatchObject({
        passed: false,
        name: 'gen-collection: no access token, request skipped',
        error: expect.stringMatching(c.failure),
      });
      expect(result.skipped).toBe(true);
    } else {
      expect(result.assertions).toEqual([]);
      expect(result.skipped).toBe(false);
    }
    expectNoSecret(result);
  });

  it('ignores a second call of the sendRequest callback (Postman CLI repeats a callback that threw)', async () => {
    const scripts = await scriptsFor();
    const result = await runScript(module, {
      script: scripts.prerequest,
      // Calls back twice: with the token, then with an error, as Postman CLI does after a callback threw.
      pm: `Object.create(realPm, { sendRequest: { value: (request, callback) => realPm.sendRequest(request, (error, response) => {
        callback(error, response);
        callback({ code: 'ESECONDCALL' });
      }) } })`,
      listen: 'prerequest',
      collectionVariables: BASE_VARIABLES,
      replies: [{ status: 200, json: GRANTED }],
    });
    expect(result.errors).toEqual([]);
    expect(result.assertions).toEqual([]);
    expect(result.skipped).toBe(false);
    expect(result.collectionVariables.access_token).toBe('tok-new-access');
  });

  // The test script ends a replay (and drops a stale memory); a skipped request gets none, so its failure does.
  it.each([
    { name: 'token valid', replies: [], after: 'request-1', skipped: false },
    { name: 'token fetched', replies: [{ status: 200, json: GRANTED }], after: 'request-1', skipped: false },
    {
      name: 'token request failed: request skipped',
      replies: [{ status: 401, json: { error: 'invalid_client' } }],
      after: '',
      skipped: true,
    },
  ])('replay memory of the current request, $name', async ({ replies, after, skipped }) => {
    const scripts = await scriptsFor();
    const now = Date.now();
    const result = await runScript(module, {
      script: scripts.prerequest,
      listen: 'prerequest',
      collectionVariables: {
        ...BASE_VARIABLES,
        ...(replies.length ? {} : { access_token: STORED_TOKEN, token_expires_at: String(now + 60_000) }),
      },
      // Run-local memory: nothing of a replay is left in the collection.
      localVariables: { gen_collection_replayed_request: 'request-1' },
      requestId: 'request-1',
      replies,
    });
    expect(result.errors).toEqual([]);
    expect(result.skipped).toBe(skipped);
    expect(result.localVariables.gen_collection_replayed_request).toBe(after);
    expect(result.collectionVariables).not.toHaveProperty('gen_collection_replayed_request');
  });
});

/** The variables without those set to `null` (left undefined). */
function definedOnly(variables: Record<string, string | null>): Record<string, string> {
  return Object.fromEntries(Object.entries(variables).filter((entry): entry is [string, string] => entry[1] !== null));
}

function expectVariables(
  actual: Record<string, string>,
  expected: Record<string, Expected>,
  before: number,
  after: number,
): void {
  for (const [key, want] of Object.entries(expected)) {
    if (want === null) expect(actual, key).not.toHaveProperty(key);
    else if (typeof want === 'string') expect(actual[key], key).toBe(want);
    else {
      const expiry = Number(actual[key]);
      expect(expiry, key).toBeGreaterThanOrEqual(before + want.expiresIn * 1000);
      expect(expiry, key).toBeLessThanOrEqual(after + want.expiresIn * 1000);
    }
  }
}

function expectNoSecret(result: ScriptResult): void {
  const output = visibleOutput(result);
  for (const secret of SECRETS) expect(output).not.toContain(secret);
}
