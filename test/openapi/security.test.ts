import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapSpec, openapi, requests, swagger } from './map-spec.js';
import { thrownError } from '../helpers/gen-collection-error.js';

const ok = { '200': { description: 'ok' } };
const schemes = (securitySchemes: Record<string, unknown>) => ({ components: { securitySchemes } });
const cc = (tokenUrl: string, extra: Record<string, unknown> = {}) => ({
  type: 'oauth2',
  flows: { clientCredentials: { tokenUrl, scopes: {} }, ...extra },
});

/** A spec whose operations (`GET /opN`) each have the given security (undefined: none of their own). */
function withOps(parts: Record<string, unknown>, ...security: unknown[]): object {
  const paths = Object.fromEntries(
    security.map((s, i) => [`/op${i}`, { get: { responses: ok, ...(s === undefined ? {} : { security: s }) } }]),
  );
  return openapi({ ...parts, paths });
}

describe('collection auth from the security schemes', () => {
  const cases: { name: string; spec: object; auth: unknown; environments?: unknown; warning?: RegExp }[] = [
    {
      name: 'oauth2 clientCredentials (absolute tokenUrl), scopes: union of what operations need, trimmed, sorted',
      spec: withOps(
        { ...schemes({ oauth: cc('https://auth.example.com/token') }), security: [{ oauth: ['read'] }] },
        undefined,
        [{ oauth: ['write', ' ', ''] }],
        [{ oauth: ['admin read'] }],
      ),
      auth: {
        type: 'oauth2',
        grantType: 'client_credentials',
        tokenUrl: 'https://auth.example.com/token',
        scope: 'admin read write',
      },
    },
    {
      name: 'no scopes required: no scope',
      spec: withOps(
        { ...schemes({ oauth: cc('https://auth.example.com/token') }), security: [{ oauth: [] }] },
        undefined,
      ),
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: 'https://auth.example.com/token' },
    },
    {
      name: 'relative tokenUrl under the server: {{base_url}} + path',
      spec: withOps(
        {
          servers: [{ url: 'https://api.example.com/v1' }, { url: 'https://test.example.com/v1' }],
          ...schemes({ oauth: cc('oauth/token') }),
          security: [{ oauth: [] }],
        },
        undefined,
      ),
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: '{{base_url}}/oauth/token' },
    },
    {
      name: 'root-relative tokenUrl with servers on one origin: one absolute URL',
      spec: withOps(
        {
          servers: [{ url: 'https://api.example.com/v1' }, { url: 'https://api.example.com/v2' }],
          ...schemes({ oauth: cc('/oauth/token') }),
          security: [{ oauth: [] }],
        },
        undefined,
      ),
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: 'https://api.example.com/oauth/token' },
    },
    {
      name: 'root-relative tokenUrl with servers on several origins: {{token_url}} per environment',
      spec: withOps(
        {
          servers: [
            { url: 'https://api.example.com/v1', description: 'prod' },
            { url: 'https://dev.example.com/v1', description: 'dev' },
          ],
          ...schemes({ oauth: cc('/oauth/token') }),
          security: [{ oauth: [] }],
        },
        undefined,
      ),
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: '{{token_url}}' },
      environments: {
        prod: { base_url: 'https://api.example.com/v1', token_url: 'https://api.example.com/oauth/token' },
        dev: { base_url: 'https://dev.example.com/v1', token_url: 'https://dev.example.com/oauth/token' },
      },
    },
    // found by the fuzzer (issue 16): a server URL the URL parser refuses made resolving the tokenUrl throw (exit 1)
    {
      name: 'relative tokenUrl, a server variable whose default is no host name: {{base_url}} + path',
      spec: withOps(
        {
          servers: [{ url: 'https://{host}/v1', variables: { host: { default: 'a b' } } }],
          ...schemes({ oauth: cc('oauth/token') }),
          security: [{ oauth: [] }],
        },
        undefined,
      ),
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: '{{base_url}}/oauth/token' },
    },
    {
      name: 'password flow → password grant',
      spec: withOps(
        {
          ...schemes({
            oauth: { type: 'oauth2', flows: { password: { tokenUrl: 'https://a.example.com/t', scopes: {} } } },
          }),
          security: [{ oauth: ['x'] }],
        },
        undefined,
      ),
      auth: { type: 'oauth2', grantType: 'password', tokenUrl: 'https://a.example.com/t', scope: 'x' },
    },
    {
      name: 'several flows: client credentials preferred, the others warned about',
      spec: withOps(
        {
          ...schemes({
            oauth: cc('https://a.example.com/t', {
              password: { tokenUrl: 'https://a.example.com/p', scopes: {} },
              authorizationCode: {
                authorizationUrl: 'https://a.example.com/a',
                tokenUrl: 'https://a.example.com/t',
                scopes: {},
              },
            }),
          }),
          security: [{ oauth: [] }],
        },
        undefined,
      ),
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: 'https://a.example.com/t' },
      warning:
        /\/components\/securitySchemes\/oauth: the collection uses the clientCredentials flow; the other flows \(password, authorizationCode\) are not used/,
    },
    {
      name: 'several schemes: client credentials preferred over bearer and API key, warned once',
      spec: withOps(
        {
          ...schemes({
            key: { type: 'apiKey', in: 'header', name: 'X-Key' },
            jwt: { type: 'http', scheme: 'bearer' },
            oauth: cc('https://a.example.com/t'),
          }),
        },
        [{ key: [] }],
        [{ jwt: [] }, { oauth: ['r'] }],
        [{ key: [] }],
      ),
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: 'https://a.example.com/t', scope: 'r' },
      warning:
        /several security schemes; the collection authenticates with 'oauth' \(OAuth2 client credentials\), not 'key' \(API key in header\), 'jwt' \(HTTP bearer\)/,
    },
    {
      name: 'http bearer → bearer',
      spec: withOps({ ...schemes({ jwt: { type: 'http', scheme: 'Bearer' } }), security: [{ jwt: [] }] }, undefined),
      auth: { type: 'bearer' },
    },
    {
      name: 'http basic → basic',
      spec: withOps({ ...schemes({ b: { type: 'http', scheme: 'basic' } }), security: [{ b: [] }] }, undefined),
      auth: { type: 'basic' },
    },
    {
      name: 'apiKey in query → apikey',
      spec: withOps(
        { ...schemes({ k: { type: 'apiKey', in: 'query', name: 'api_key' } }), security: [{ k: [] }] },
        undefined,
      ),
      auth: { type: 'apikey', name: 'api_key', in: 'query' },
    },
    // issue 23, token rule 12: a spec's plain-HTTP token URL is mapped, allowed and warned about
    {
      name: 'plain-HTTP absolute tokenUrl: allowHttp, with a warning',
      spec: withOps(
        { ...schemes({ oauth: cc('http://auth.example.com/token') }), security: [{ oauth: [] }] },
        undefined,
      ),
      auth: {
        type: 'oauth2',
        grantType: 'client_credentials',
        tokenUrl: 'http://auth.example.com/token',
        allowHttp: true,
      },
      warning:
        /the token URL "http:\/\/auth.example.com\/token" is plain HTTP: .*"allowHttp": true\)\. fix: use an https:\/\/ token URL in the spec/,
    },
    {
      name: 'relative tokenUrl under a plain-HTTP server: allowHttp, with a warning naming the resolved URL',
      spec: withOps(
        {
          servers: [{ url: 'https://api.example.com/v1' }, { url: 'http://test.example.com/v1' }],
          ...schemes({ oauth: cc('oauth/token') }),
          security: [{ oauth: [] }],
        },
        undefined,
      ),
      auth: {
        type: 'oauth2',
        grantType: 'client_credentials',
        tokenUrl: '{{base_url}}/oauth/token',
        allowHttp: true,
      },
      warning: /the token URL "http:\/\/test.example.com\/v1\/oauth\/token" is plain HTTP/,
    },
    {
      name: 'plain-HTTP tokenUrl on loopback: no allowHttp, no warning',
      spec: withOps({ ...schemes({ oauth: cc('http://127.0.0.1:4010/token') }), security: [{ oauth: [] }] }, undefined),
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: 'http://127.0.0.1:4010/token' },
    },
    {
      name: 'root-relative tokenUrl under a relative server: {{token_url}} left empty, with a warning',
      spec: withOps(
        { servers: [{ url: '/api' }], ...schemes({ oauth: cc('/oauth/token') }), security: [{ oauth: [] }] },
        undefined,
      ),
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: '{{token_url}}' },
      environments: { server: { base_url: '/api', token_url: '' } },
      warning: /the token URL "\/oauth\/token" is relative to a relative server URL, .*set token_url to the absolute/,
    },
    {
      name: 'authorizationCode only → static bearer, with a warning',
      spec: withOps(
        {
          ...schemes({
            oauth: {
              type: 'oauth2',
              flows: { authorizationCode: { authorizationUrl: 'https://a/a', tokenUrl: 'https://a/t', scopes: {} } },
            },
          }),
          security: [{ oauth: [] }],
        },
        undefined,
      ),
      auth: { type: 'bearer' },
      warning: /authorizationCode flow needs a browser; .*--env-var access_token=/,
    },
    {
      name: 'openIdConnect without --discover → static bearer, with a warning that says how to enable it',
      spec: withOps(
        {
          ...schemes({
            oidc: {
              type: 'openIdConnect',
              openIdConnectUrl: 'https://id.example.com/.well-known/openid-configuration',
            },
          }),
          security: [{ oidc: [] }],
        },
        undefined,
      ),
      auth: { type: 'bearer' },
      warning: /fetched only with --discover/,
    },
    {
      name: 'a scheme no operation uses is ignored',
      spec: withOps({ ...schemes({ oauth: cc('https://a.example.com/t') }) }, undefined),
      auth: undefined,
    },
    {
      name: 'mutual TLS cannot be sent: no auth, a warning',
      spec: withOps({ ...schemes({ mtls: { type: 'mutualTLS' } }), security: [{ mtls: [] }] }, undefined),
      auth: undefined,
      warning: /1 operation\(s\) require 'mtls' \(mutual TLS .*\), which gen-collection cannot send \(GET \/op0\)/,
    },
  ];
  it.each(cases)('$name', async ({ spec, auth, environments, warning }) => {
    const { config, warnings } = await mapSpec(spec);
    expect(config.auth).toEqual(auth);
    if (environments) expect(config.environments).toEqual(environments);
    if (warning) expect(warnings.join('\n')).toMatch(warning);
    else expect(warnings).toEqual([]);
  });
});

describe('Swagger 2.0 securityDefinitions', () => {
  const cases: { name: string; definition: Record<string, unknown>; auth: unknown; warning?: RegExp }[] = [
    {
      name: 'application flow → client credentials',
      definition: { type: 'oauth2', flow: 'application', tokenUrl: 'https://a.example.com/t', scopes: {} },
      auth: { type: 'oauth2', grantType: 'client_credentials', tokenUrl: 'https://a.example.com/t', scope: 's' },
    },
    {
      name: 'password flow',
      definition: { type: 'oauth2', flow: 'password', tokenUrl: 'https://a.example.com/t', scopes: {} },
      auth: { type: 'oauth2', grantType: 'password', tokenUrl: 'https://a.example.com/t', scope: 's' },
    },
    {
      name: 'accessCode → static bearer',
      definition: { type: 'oauth2', flow: 'accessCode', authorizationUrl: 'https://a/a', tokenUrl: 'https://a/t' },
      auth: { type: 'bearer' },
      warning: /accessCode flow needs a browser/,
    },
    { name: 'basic', definition: { type: 'basic' }, auth: { type: 'basic' } },
    {
      name: 'apiKey header',
      definition: { type: 'apiKey', in: 'header', name: 'X-Key' },
      auth: { type: 'apikey', name: 'X-Key', in: 'header' },
    },
  ];
  it.each(cases)('$name', async ({ definition, auth, warning }) => {
    const spec = swagger({
      securityDefinitions: { s1: definition },
      security: [{ s1: ['s'] }],
      paths: { '/a': { get: { responses: ok } } },
    });
    const { config, warnings } = await mapSpec(spec);
    expect(config.auth).toEqual(auth);
    if (warning) expect(warnings.join('\n')).toMatch(warning);
    else expect(warnings).toEqual([]);
  });
});

describe('per-operation auth', () => {
  const base = {
    ...schemes({ oauth: cc('https://a.example.com/t'), basic: { type: 'http', scheme: 'basic' } }),
    security: [{ oauth: [] }],
  };
  const cases: { name: string; security: unknown; auth?: string; warning?: RegExp }[] = [
    { name: 'inherits the global requirement', security: undefined, auth: undefined },
    { name: 'security: [] → auth none', security: [], auth: 'none' },
    { name: 'optional auth ({} alternative) inherits', security: [{}, { oauth: [] }], auth: undefined },
    {
      name: 'an alternative with the collection scheme inherits',
      security: [{ basic: [] }, { oauth: ['x'] }],
      auth: undefined,
      warning: /several security schemes; the collection authenticates with 'oauth'/,
    },
    {
      name: 'another scheme only: inherits, with a warning',
      security: [{ basic: [] }],
      auth: undefined,
      warning:
        /1 operation\(s\) require 'basic' \(HTTP basic\) instead of 'oauth' \(OAuth2 client credentials\): they inherit the collection auth \(GET \/op0\)/,
    },
    {
      name: 'the collection scheme AND another: warning',
      security: [{ oauth: [], basic: [] }],
      auth: undefined,
      warning: /also require 'basic' \(HTTP basic\), which gen-collection does not send/,
    },
    {
      name: 'an undeclared scheme: warning',
      security: [{ nope: [] }],
      auth: undefined,
      warning: /'nope' \(not declared in the spec's security schemes\)/,
    },
  ];
  it.each(cases)('$name', async ({ security, auth, warning }) => {
    const { config, warnings } = await mapSpec(withOps(base, security, undefined));
    expect(requests(config)[0]!.auth).toBe(auth);
    if (warning) expect(warnings.join('\n')).toMatch(warning);
    else expect(warnings).toEqual([]);
  });

  it('operations without any security get auth none when others need auth', async () => {
    const { config } = await mapSpec(
      withOps(schemes({ oauth: cc('https://a.example.com/t') }), [{ oauth: [] }], undefined),
    );
    expect(requests(config).map((r) => r.auth)).toEqual([undefined, 'none']);
  });

  it('many operations needing another scheme: one warning with a count and examples', async () => {
    const { warnings } = await mapSpec(withOps(base, ...Array.from({ length: 5 }, () => [{ basic: [] }]), undefined));
    const unmet = warnings.filter((w) => w.includes('operation(s)'));
    expect(unmet).toHaveLength(1);
    expect(unmet[0]).toMatch(/5 operation\(s\) require 'basic' .*\(GET \/op0, GET \/op1, GET \/op2, …\)/);
  });
});

describe('API keys in cookies', () => {
  const cookie = { session: { type: 'apiKey', in: 'cookie', name: 'SESSIONID' } };

  it('→ a Cookie header with a secret variable, auth none at collection level, a warning', async () => {
    const spec = withOps({ ...schemes(cookie), security: [{ session: [] }] }, undefined, []);
    const { config, warnings } = await mapSpec(spec);
    expect(config.auth).toEqual({ type: 'none', secretVariables: ['session'] });
    const [first, open] = requests(config);
    expect(first!.headers).toEqual([{ key: 'Cookie', value: 'SESSIONID={{session}}' }]);
    expect(first!.auth).toBeUndefined();
    expect(open!.headers).toBeUndefined();
    expect(warnings.join('\n')).toMatch(
      /'session' \(API key in a cookie\) is sent as a Cookie header with \{\{session\}\}.*--env-var session=/,
    );
  });

  it('together with a header API key: apikey auth plus the Cookie header, joined with cookie parameters', async () => {
    const spec = openapi({
      ...schemes({ ...cookie, key: { type: 'apiKey', in: 'header', name: 'X-Key' } }),
      security: [{ key: [], session: [] }],
      paths: { '/a': { get: { parameters: [{ name: 'lang', in: 'cookie', example: 'en' }], responses: ok } } },
    });
    const { config } = await mapSpec(spec);
    expect(config.auth).toEqual({ type: 'apikey', name: 'X-Key', in: 'header', secretVariables: ['session'] });
    expect(requests(config)[0]!.headers).toEqual([{ key: 'Cookie', value: 'lang=en; SESSIONID={{session}}' }]);
  });

  it('a cookie-only operation in an oauth2 collection: auth none plus the Cookie header', async () => {
    const spec = withOps(
      { ...schemes({ ...cookie, oauth: cc('https://a.example.com/t') }) },
      [{ oauth: [] }],
      [{ session: [] }],
    );
    const [, cookieOnly] = requests((await mapSpec(spec)).config);
    expect(cookieOnly).toMatchObject({ auth: 'none', headers: [{ key: 'Cookie', value: 'SESSIONID={{session}}' }] });
  });
});

describe('OpenID Connect discovery (--discover)', () => {
  let server: Server;
  let origin = '';
  let discovery: Record<string, unknown> | undefined;

  beforeAll(async () => {
    server = createServer((req, res) => {
      if (req.url === '/.well-known/openid-configuration' && discovery) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(discovery));
      } else {
        res.writeHead(404).end('not found');
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const spec = (url: string) =>
    withOps(
      {
        servers: [{ url: origin }],
        ...schemes({ oidc: { type: 'openIdConnect', openIdConnectUrl: url } }),
        security: [{ oidc: ['openid', 'orders'] }],
      },
      undefined,
    );

  it('reads token_endpoint from the discovery document', async () => {
    discovery = {
      issuer: origin,
      token_endpoint: `${origin}/token`,
      grant_types_supported: ['authorization_code', 'client_credentials'],
    };
    const { config, warnings } = await mapSpec(spec(`${origin}/.well-known/openid-configuration`), {
      discoverOpenIdConnect: true,
    });
    expect(config.auth).toEqual({
      type: 'oauth2',
      grantType: 'client_credentials',
      tokenUrl: `${origin}/token`,
      scope: 'openid orders',
    });
    expect(warnings).toEqual([]);
  });

  it('a relative discovery URL is resolved against the server; password when only password is supported', async () => {
    discovery = { token_endpoint: `${origin}/token`, grant_types_supported: ['password'] };
    const { config } = await mapSpec(spec('/.well-known/openid-configuration'), { discoverOpenIdConnect: true });
    expect(config.auth).toMatchObject({ type: 'oauth2', grantType: 'password', tokenUrl: `${origin}/token` });
  });

  it('a failing discovery is an error naming the scheme', async () => {
    discovery = undefined;
    const error = await thrownError(() =>
      mapSpec(spec(`${origin}/.well-known/openid-configuration`), { discoverOpenIdConnect: true }),
    );
    expect(error.exitCode).toBe(2);
    expect(error.pointer).toBe('/components/securitySchemes/oidc/openIdConnectUrl');
    expect(error.message).toMatch(/discovery at .* failed: HTTP 404/);
  });

  it('a discovery document without token_endpoint is an error', async () => {
    discovery = { issuer: origin };
    const error = await thrownError(() =>
      mapSpec(spec(`${origin}/.well-known/openid-configuration`), { discoverOpenIdConnect: true }),
    );
    expect(error.message).toMatch(/has no token_endpoint/);
  });
});

describe('several OAuth2 token-flow schemes → auth profiles', () => {
  const two = schemes({
    userAuth: cc('https://users.example.com/token'),
    adminAuth: cc('https://admin.example.com/token'),
  });

  it('the scheme most operations use is auth, each other one a profile named by the slug rule with the union of its scopes', async () => {
    const { config, warnings } = await mapSpec(
      withOps(
        two,
        [{ adminAuth: ['admin:write'] }],
        [{ userAuth: ['orders:read'] }],
        [{ userAuth: [] }],
        [{ adminAuth: ['admin:read'] }],
        [],
      ),
    );
    expect(config.auth).toEqual({
      type: 'oauth2',
      grantType: 'client_credentials',
      tokenUrl: 'https://users.example.com/token',
      scope: 'orders:read',
    });
    expect(config.authProfiles).toEqual({
      adminauth: {
        type: 'oauth2',
        grantType: 'client_credentials',
        tokenUrl: 'https://admin.example.com/token',
        scope: 'admin:read admin:write',
      },
    });
    expect(requests(config).map((r) => r.auth)).toEqual(['adminauth', undefined, undefined, 'adminauth', 'none']);
    expect(warnings).toEqual([]);
  });

  it('an alternative with the collection scheme wins over a profile; a profile over another scheme', async () => {
    const spec = withOps(
      {
        ...two,
        ...{
          components: {
            securitySchemes: {
              ...two.components.securitySchemes,
              key: { type: 'apiKey', in: 'header', name: 'X-Key' },
            },
          },
        },
      },
      [{ userAuth: [] }],
      [{ userAuth: [] }],
      [{ adminAuth: [] }, { userAuth: [] }],
      [{ key: [] }, { adminAuth: [] }],
    );
    const { config } = await mapSpec(spec);
    expect(requests(config).map((r) => r.auth)).toEqual([undefined, undefined, undefined, 'adminauth']);
  });

  it('a profile whose token URL differs per server gets token_url_<profile> in each environment', async () => {
    const spec = withOps(
      {
        servers: [
          { url: 'https://api.example.com/v1', description: 'prod' },
          { url: 'https://dev.example.com/v1', description: 'dev' },
        ],
        ...schemes({ userAuth: cc('https://users.example.com/token'), adminAuth: cc('/admin/token') }),
      },
      [{ userAuth: [] }],
      [{ userAuth: [] }],
      [{ adminAuth: [] }],
    );
    const { config } = await mapSpec(spec);
    expect(config.authProfiles?.adminauth?.tokenUrl).toBe('{{token_url_adminauth}}');
    expect(config.environments).toEqual({
      prod: { base_url: 'https://api.example.com/v1', token_url_adminauth: 'https://api.example.com/admin/token' },
      dev: { base_url: 'https://dev.example.com/v1', token_url_adminauth: 'https://dev.example.com/admin/token' },
    });
  });

  it('an OAuth2 scheme with only browser flows stays a warning, not a profile', async () => {
    const spec = withOps(
      schemes({
        userAuth: cc('https://users.example.com/token'),
        browser: {
          type: 'oauth2',
          flows: { authorizationCode: { authorizationUrl: 'https://a/a', tokenUrl: 'https://a/t', scopes: {} } },
        },
      }),
      [{ userAuth: [] }],
      [{ browser: [] }],
    );
    const { config, warnings } = await mapSpec(spec);
    expect(config.authProfiles).toBeUndefined();
    expect(warnings.join('\n')).toMatch(/several security schemes; the collection authenticates with 'userAuth'/);
  });
});

describe('an operation that also lists the collection API key as a parameter', () => {
  /** The names of a request's query or headers (a config writes them as a list or a map). */
  const keys = (entries: Record<string, unknown> | { key: string }[] | undefined) =>
    Array.isArray(entries) ? entries.map((e) => e.key) : Object.keys(entries ?? {});
  const keyParams = [
    { name: 'key', in: 'query', required: true, schema: { type: 'string' } },
    { name: 'token', in: 'query', schema: { type: 'string' } },
    { name: 'x-app-key', in: 'header', schema: { type: 'string' } },
  ];
  const spec = (scheme: object) =>
    openapi({
      ...schemes({ k: scheme }),
      security: [{ k: [] }],
      paths: {
        '/a': { get: { parameters: keyParams, responses: ok } },
        '/open': { get: { parameters: keyParams, security: [], responses: ok } },
      },
    });

  it.each([
    { scheme: { type: 'apiKey', in: 'query', name: 'key' }, query: ['token'], headers: ['x-app-key'] },
    // header names compare case-insensitively
    { scheme: { type: 'apiKey', in: 'header', name: 'X-App-Key' }, query: ['key', 'token'], headers: [] },
  ])(
    '$scheme.in $scheme.name: left out where the auth sends it, kept where the request has no auth',
    async ({ scheme, query, headers }) => {
      const { config, warnings } = await mapSpec(spec(scheme));
      const [withAuth, open] = requests(config);
      expect(keys(withAuth!.query)).toEqual(query);
      expect(keys(withAuth!.headers)).toEqual(headers);
      expect(open!.auth).toBe('none');
      expect(keys(open!.query)).toEqual(['key', 'token']);
      expect(keys(open!.headers)).toEqual(['x-app-key']);
      expect(warnings.filter((w) => w.includes('left out: the collection'))).toEqual([
        expect.stringContaining(
          `1 operation parameter '${(scheme as { name: string }).name}' (${(scheme as { in: string }).in}) left out`,
        ),
      ]);
    },
  );
});
