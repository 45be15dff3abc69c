import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { GenCollectionConfig } from '../../src/config/config-types.generated.js';
import { readConfig } from '../../src/config/read.js';
import {
  ASSERTION_DEFAULTS,
  AUTH_DEFAULTS,
  DPOP_DEFAULTS,
  DPOP_KEY_VARIABLE_DEFAULT,
  OAUTH2_DEFAULTS,
  PRIVATE_KEY_VARIABLE_DEFAULT,
  TOKEN_VARIABLE_DEFAULTS,
} from '../../src/config/resolve-auth.js';
import { DEFAULT_FORMATS, resolveConfig } from '../../src/config/resolve.js';
import type { ResolvedBody, ResolvedConfig } from '../../src/config/resolved.js';
import { configSchema, schemaDefinition } from '../../src/config/schema.js';
import type { OutputFormat } from '../../src/render/render.js';
import { validateConfig } from '../../src/config/validate.js';
import { Warnings } from '../../src/warnings.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const base = resolve(fixtures);
const script = (display: string, pointer: string) => ({
  path: join(base, display),
  display,
  pointer,
  configFile: join(base, 'gen-collection.config.json'),
});

const EXPECTED: ResolvedConfig = {
  name: 'Orders API',
  slug: 'orders-api',
  description: 'Orders: list and create.',
  configFile: join(base, 'gen-collection.config.json'),
  baseDir: base,
  outputDir: join(base, 'out/postman'),
  formats: ['postman'],
  auth: {
    type: 'oauth2',
    grantType: 'password',
    tokenUrl: '{{base_url}}/oauth/token',
    allowHttp: false,
    clientAuth: 'basic',
    client: {
      method: 'basic',
      sends: { client_id: 'basic', client_secret: 'basic' },
      inputs: ['client_id', 'orders_client_secret', 'username', 'password'],
      secretInputs: ['orders_client_secret', 'password'],
    },
    presentation: 'bearer',
    bodyFormat: 'form',
    params: { scope: 'read write', resource: 'https://api.example.com', tenant: '{{tenant_id}}' },
    expiryBufferSeconds: 5,
    storage: 'environment',
    retryOn401: true,
    variables: { ...TOKEN_VARIABLE_DEFAULTS, clientSecret: 'orders_client_secret' },
  },
  authProfiles: {},
  secretVariables: ['orders_client_secret', 'password', 'access_token', 'refresh_token', 'signing_key'],
  environments: {
    dev: {
      base_url: 'https://dev.example.com',
      client_id: 'orders-ci',
      orders_client_secret: '',
      page: '10',
      debug: 'true',
    },
    prod: { base_url: 'https://api.example.com' },
  },
  variables: { tenant_id: 'acme', signing_key: '' },
  scripts: {
    prerequest: [script('scripts-src/trace-id.ts', '/scripts/prerequest/0')],
    test: [script('scripts-src/common-tests.ts', '/scripts/test')],
  },
  items: [
    {
      kind: 'folder',
      name: 'Orders',
      description: 'Order endpoints.',
      auth: 'inherit',
      scripts: {
        prerequest: [],
        test: [
          script('scripts-src/orders/a.ts', '/items/0/scripts/test/0'),
          script('scripts-src/orders/b.ts', '/items/0/scripts/test/1'),
        ],
      },
      pointer: '/items/0',
      items: [
        {
          kind: 'request',
          name: 'List orders',
          method: 'GET',
          url: '{{base_url}}/orders',
          pathVariables: [],
          query: [
            { key: 'limit', value: '10' },
            { key: 'open', value: 'true' },
          ],
          headers: [
            { key: 'Accept', value: 'application/json', description: 'JSON please' },
            { key: 'X-Debug', value: '1', disabled: true },
            { key: 'X-Empty', value: '' },
          ],
          auth: 'inherit',
          expectStatus: [200],
          scripts: {
            prerequest: [],
            test: [script('scripts-src/orders/list.test.ts', '/items/0/items/0/scripts/test')],
          },
          pointer: '/items/0/items/0',
        },
        {
          kind: 'request',
          name: 'Create order',
          method: 'POST',
          url: '{{base_url}}/orders',
          pathVariables: [],
          query: [],
          headers: [],
          body: { mode: 'json', json: { sku: 'A1', qty: 1 } },
          auth: 'inherit',
          expectStatus: [200, 201],
          scripts: { prerequest: [], test: [] },
          pointer: '/items/0/items/1',
        },
        {
          kind: 'request',
          name: 'Get order',
          method: 'GET',
          url: '{{base_url}}/orders/:id',
          pathVariables: [{ key: 'id', value: '42' }],
          query: [],
          headers: [],
          auth: 'inherit',
          expectStatus: [],
          scripts: { prerequest: [], test: [] },
          pointer: '/items/0/items/2',
        },
      ],
    },
    request('Upload', 'PUT', '/files', 1, { mode: 'form', entries: [{ key: 'file', value: 'a.txt' }] }),
    request('Login form', 'POST', '/login', 2, { mode: 'urlencoded', entries: [{ key: 'user', value: 'me' }] }),
    request('XML', 'POST', '/xml', 3, { mode: 'raw', raw: '<a/>', contentType: 'application/xml' }),
    request('Plain', 'POST', '/plain', 4, { mode: 'raw', raw: 'hi' }),
    { ...request('Health', 'GET', '/health', 5), auth: 'none' },
  ],
};

function request(name: string, method: string, path: string, index: number, body?: ResolvedBody) {
  return {
    kind: 'request' as const,
    name,
    method,
    url: `{{base_url}}${path}`,
    pathVariables: [],
    query: [],
    headers: [],
    ...(body !== undefined && { body }),
    auth: 'inherit' as const,
    expectStatus: [],
    scripts: { prerequest: [], test: [] },
    pointer: `/items/${index}`,
  };
}

describe('good configs resolve to the expected ResolvedConfig', () => {
  it('JSON: the whole object', async () => {
    const { resolved, warnings } = await readConfig(join(fixtures, 'gen-collection.config.json'));
    expect(resolved).toEqual(EXPECTED);
    expect(warnings).toEqual([]);
  });

  it('YAML: the same config as the JSON one', async () => {
    const { resolved } = await readConfig(join(fixtures, 'gen-collection.config.yaml'));
    // Only the config file name differs (the resolved config and every script reference carry it).
    const asJson = JSON.parse(
      JSON.stringify(resolved).replaceAll('gen-collection.config.yaml', 'gen-collection.config.json'),
    );
    expect(resolved.configFile).toBe(join(base, 'gen-collection.config.yaml'));
    expect(asJson).toEqual(EXPECTED);
  });

  it('-o wins over output and is relative to the working directory', async () => {
    const { resolved } = await readConfig(join(fixtures, 'gen-collection.config.json'), { output: 'elsewhere' });
    expect(resolved.outputDir).toBe(resolve(process.cwd(), 'elsewhere'));
  });
});

const resolveMinimal = (config: GenCollectionConfig, baseDir = '/work/project') =>
  resolveConfig(validateConfig(config, 'c.json'), { baseDir });

describe('defaults are applied in resolveConfig', () => {
  it('a config with only a name', () => {
    expect(resolveMinimal({ name: 'Hello, World!' })).toEqual({
      name: 'Hello, World!',
      slug: 'hello-world',
      baseDir: '/work/project',
      outputDir: '/work/project/postman',
      formats: ['postman'],
      auth: { type: 'none' },
      authProfiles: {},
      secretVariables: [],
      environments: {},
      variables: {},
      scripts: { prerequest: [], test: [] },
      items: [],
    });
  });

  it.each<{ name: string; auth: GenCollectionConfig['auth']; resolved: ResolvedConfig['auth']; secrets: string[] }>([
    { name: 'none', auth: { type: 'none', secretVariables: ['x'] }, resolved: { type: 'none' }, secrets: ['x'] },
    {
      name: 'oauth2 with defaults',
      auth: { type: 'oauth2', tokenUrl: 'https://t' },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'body',
          sends: { client_id: 'body', client_secret: 'body' },
          inputs: ['client_id', 'client_secret'],
          secretInputs: ['client_secret'],
        },
        presentation: 'bearer',
        tokenUrl: 'https://t',
        ...OAUTH2_DEFAULTS,
        params: {},
        variables: TOKEN_VARIABLE_DEFAULTS,
      },
      secrets: ['client_secret', 'password', 'access_token', 'refresh_token'],
    },
    {
      name: 'oauth2 allowing a plain-HTTP token URL',
      auth: { type: 'oauth2', tokenUrl: 'http://keycloak:8080/token', allowHttp: true },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'body',
          sends: { client_id: 'body', client_secret: 'body' },
          inputs: ['client_id', 'client_secret'],
          secretInputs: ['client_secret'],
        },
        presentation: 'bearer',
        tokenUrl: 'http://keycloak:8080/token',
        ...OAUTH2_DEFAULTS,
        allowHttp: true,
        params: {},
        variables: TOKEN_VARIABLE_DEFAULTS,
      },
      secrets: ['client_secret', 'password', 'access_token', 'refresh_token'],
    },
    {
      name: 'oauth2 private_key_jwt with defaults: RS256, the client id as iss and sub, the token URL as aud',
      auth: { type: 'oauth2', tokenUrl: 'https://t', clientAuth: 'private_key_jwt' },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'private_key_jwt',
          sends: { client_id: 'body' },
          inputs: ['client_id', 'client_private_key'],
          secretInputs: ['client_private_key'],
          signer: { algorithm: 'RS256', keyVariable: 'client_private_key' },
        },
        presentation: 'bearer',
        tokenUrl: 'https://t',
        ...OAUTH2_DEFAULTS,
        clientAuth: 'private_key_jwt',
        assertion: {
          algorithm: 'RS256',
          issuer: '{{client_id}}',
          subject: '{{client_id}}',
          audience: 'https://t',
          lifetimeSeconds: 60,
        },
        params: {},
        variables: { ...TOKEN_VARIABLE_DEFAULTS, privateKey: 'client_private_key' },
      },
      secrets: ['client_secret', 'password', 'access_token', 'refresh_token', 'client_private_key'],
    },
    {
      name: 'oauth2 client_secret_jwt: HS256 and no private key variable',
      auth: {
        type: 'oauth2',
        tokenUrl: 'https://t',
        clientAuth: 'client_secret_jwt',
        variables: { clientId: 'app_id', privateKey: 'unused' },
      },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'client_secret_jwt',
          sends: { client_id: 'body' },
          inputs: ['app_id', 'client_secret'],
          secretInputs: ['client_secret'],
          signer: { algorithm: 'HS256', keyVariable: 'client_secret' },
        },
        presentation: 'bearer',
        tokenUrl: 'https://t',
        ...OAUTH2_DEFAULTS,
        clientAuth: 'client_secret_jwt',
        assertion: {
          algorithm: 'HS256',
          issuer: '{{app_id}}',
          subject: '{{app_id}}',
          audience: 'https://t',
          lifetimeSeconds: 60,
        },
        params: {},
        variables: { ...TOKEN_VARIABLE_DEFAULTS, clientId: 'app_id' },
      },
      secrets: ['client_secret', 'password', 'access_token', 'refresh_token'],
    },
    {
      name: 'oauth2 jwt_bearer: no subject unless set; settings kept',
      auth: {
        type: 'oauth2',
        tokenUrl: 'https://t',
        grantType: 'jwt_bearer',
        clientAuth: 'none',
        assertion: {
          algorithm: 'ES256',
          issuer: 'svc',
          audience: 'a',
          lifetimeSeconds: 300,
          keyId: 'k',
          header: { x5t: 'h' },
          claims: { scope: 's' },
        },
        variables: { privateKey: 'sa_key' },
      },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'none',
          sends: { client_id: 'body' },
          inputs: ['sa_key'],
          secretInputs: ['sa_key'],
          signer: { algorithm: 'ES256', keyVariable: 'sa_key' },
        },
        presentation: 'bearer',
        tokenUrl: 'https://t',
        ...OAUTH2_DEFAULTS,
        grantType: 'jwt_bearer',
        clientAuth: 'none',
        assertion: {
          algorithm: 'ES256',
          issuer: 'svc',
          audience: 'a',
          lifetimeSeconds: 300,
          keyId: 'k',
          header: { x5t: 'h' },
          claims: { scope: 's' },
        },
        params: {},
        variables: { ...TOKEN_VARIABLE_DEFAULTS, privateKey: 'sa_key' },
      },
      secrets: ['client_secret', 'password', 'access_token', 'refresh_token', 'sa_key'],
    },
    {
      name: 'oauth2 with dpop: ES256 and the key in dpop_private_key, a secret',
      auth: { type: 'oauth2', tokenUrl: 'https://t', dpop: {} },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'body',
          sends: { client_id: 'body', client_secret: 'body' },
          inputs: ['client_id', 'client_secret'],
          secretInputs: ['client_secret'],
        },
        presentation: 'dpop',
        tokenUrl: 'https://t',
        ...OAUTH2_DEFAULTS,
        dpop: { algorithm: 'ES256', keyVariable: 'dpop_private_key' },
        params: {},
        variables: TOKEN_VARIABLE_DEFAULTS,
      },
      secrets: ['client_secret', 'password', 'access_token', 'refresh_token', 'dpop_private_key'],
    },
    {
      name: 'oauth2 with dpop EdDSA, its key variable named, beside private_key_jwt',
      auth: {
        type: 'oauth2',
        tokenUrl: 'https://t',
        clientAuth: 'private_key_jwt',
        dpop: { algorithm: 'EdDSA' },
        variables: { dpopKey: 'proof_key' },
      },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'private_key_jwt',
          sends: { client_id: 'body' },
          inputs: ['client_id', 'client_private_key'],
          secretInputs: ['client_private_key'],
          signer: { algorithm: 'RS256', keyVariable: 'client_private_key' },
        },
        presentation: 'dpop',
        tokenUrl: 'https://t',
        ...OAUTH2_DEFAULTS,
        clientAuth: 'private_key_jwt',
        assertion: {
          algorithm: 'RS256',
          issuer: '{{client_id}}',
          subject: '{{client_id}}',
          audience: 'https://t',
          lifetimeSeconds: 60,
        },
        dpop: { algorithm: 'EdDSA', keyVariable: 'proof_key' },
        params: {},
        variables: { ...TOKEN_VARIABLE_DEFAULTS, privateKey: 'client_private_key' },
      },
      secrets: ['client_secret', 'password', 'access_token', 'refresh_token', 'client_private_key', 'proof_key'],
    },
    {
      name: 'oauth2 without dpop: a dpopKey variable name alone adds nothing',
      auth: { type: 'oauth2', tokenUrl: 'https://t', variables: { dpopKey: 'proof_key' } },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'body',
          sends: { client_id: 'body', client_secret: 'body' },
          inputs: ['client_id', 'client_secret'],
          secretInputs: ['client_secret'],
        },
        presentation: 'bearer',
        tokenUrl: 'https://t',
        ...OAUTH2_DEFAULTS,
        params: {},
        variables: TOKEN_VARIABLE_DEFAULTS,
      },
      secrets: ['client_secret', 'password', 'access_token', 'refresh_token'],
    },
    {
      name: 'bearer',
      auth: { type: 'bearer' },
      resolved: { type: 'bearer', tokenVariable: 'access_token' },
      secrets: ['access_token'],
    },
    {
      name: 'basic',
      auth: { type: 'basic', usernameVariable: 'u', secretVariables: ['password', 'other'] },
      resolved: { type: 'basic', usernameVariable: 'u', passwordVariable: 'password' },
      secrets: ['password', 'other'],
    },
    {
      name: 'apikey',
      auth: { type: 'apikey', name: 'X-Key' },
      resolved: { type: 'apikey', name: 'X-Key', in: 'header', variable: 'api_key' },
      secrets: ['api_key'],
    },
  ])('auth $name', ({ auth, resolved, secrets }) => {
    const result = resolveMinimal({ name: 'x', auth });
    expect(result.auth).toEqual(resolved);
    expect(result.secretVariables).toEqual(secrets);
  });

  it.each<{
    name: string;
    profile: NonNullable<GenCollectionConfig['authProfiles']>[string];
    resolved: ResolvedConfig['authProfiles'][string];
    secrets: string[];
  }>([
    {
      name: 'defaults of auth, not its values; variable names suffixed _<profile>',
      profile: { type: 'oauth2', tokenUrl: 'https://admin-t' },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'body',
          sends: { client_id: 'body', client_secret: 'body' },
          inputs: ['client_id_admin', 'client_secret_admin'],
          secretInputs: ['client_secret_admin'],
        },
        presentation: 'bearer',
        tokenUrl: 'https://admin-t',
        ...OAUTH2_DEFAULTS,
        params: {},
        variables: {
          accessToken: 'access_token_admin',
          expiresAt: 'token_expires_at_admin',
          refreshToken: 'refresh_token_admin',
          clientId: 'client_id_admin',
          clientSecret: 'client_secret_admin',
          username: 'username_admin',
          password: 'password_admin',
        },
      },
      secrets: ['client_secret_admin', 'password_admin', 'access_token_admin', 'refresh_token_admin'],
    },
    {
      name: 'variables override the suffixed names (a shared client); the private key suffixed too',
      profile: {
        type: 'oauth2',
        tokenUrl: 'https://t',
        clientAuth: 'private_key_jwt',
        scope: 'orders:admin',
        variables: { clientId: 'client_id' },
        secretVariables: ['x'],
      },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'private_key_jwt',
          sends: { client_id: 'body' },
          inputs: ['client_id', 'client_private_key_admin'],
          secretInputs: ['client_private_key_admin'],
          signer: { algorithm: 'RS256', keyVariable: 'client_private_key_admin' },
        },
        presentation: 'bearer',
        tokenUrl: 'https://t',
        ...OAUTH2_DEFAULTS,
        clientAuth: 'private_key_jwt',
        assertion: {
          algorithm: 'RS256',
          issuer: '{{client_id}}',
          subject: '{{client_id}}',
          audience: 'https://t',
          lifetimeSeconds: 60,
        },
        params: { scope: 'orders:admin' },
        variables: {
          accessToken: 'access_token_admin',
          expiresAt: 'token_expires_at_admin',
          refreshToken: 'refresh_token_admin',
          clientId: 'client_id',
          clientSecret: 'client_secret_admin',
          username: 'username_admin',
          password: 'password_admin',
          privateKey: 'client_private_key_admin',
        },
      },
      secrets: [
        'client_secret_admin',
        'password_admin',
        'access_token_admin',
        'refresh_token_admin',
        'client_private_key_admin',
        'x',
      ],
    },
    {
      name: 'dpop: the key variable suffixed _<profile>',
      profile: { type: 'oauth2', tokenUrl: 'https://t', dpop: { algorithm: 'PS256' } },
      resolved: {
        type: 'oauth2',
        client: {
          method: 'body',
          sends: { client_id: 'body', client_secret: 'body' },
          inputs: ['client_id_admin', 'client_secret_admin'],
          secretInputs: ['client_secret_admin'],
        },
        presentation: 'dpop',
        tokenUrl: 'https://t',
        ...OAUTH2_DEFAULTS,
        dpop: { algorithm: 'PS256', keyVariable: 'dpop_private_key_admin' },
        params: {},
        variables: {
          accessToken: 'access_token_admin',
          expiresAt: 'token_expires_at_admin',
          refreshToken: 'refresh_token_admin',
          clientId: 'client_id_admin',
          clientSecret: 'client_secret_admin',
          username: 'username_admin',
          password: 'password_admin',
        },
      },
      secrets: [
        'client_secret_admin',
        'password_admin',
        'access_token_admin',
        'refresh_token_admin',
        'dpop_private_key_admin',
      ],
    },
  ])('auth profile: $name', ({ profile, resolved, secrets }) => {
    const result = resolveMinimal({
      name: 'x',
      auth: { type: 'oauth2', tokenUrl: 'https://t', storage: 'collection', retryOn401: false },
      authProfiles: { admin: profile },
    });
    expect(result.authProfiles).toEqual({ admin: resolved });
    expect(result.secretVariables).toEqual(['client_secret', 'password', 'access_token', 'refresh_token', ...secrets]);
  });

  it('token params: scope, audience, resource when not empty, then extraParams', () => {
    const result = resolveMinimal({
      name: 'x',
      auth: {
        type: 'oauth2',
        tokenUrl: 'https://t',
        extraParams: { z: '1', a: '2' },
        resource: 'r',
        scope: '',
        audience: 'aud',
      },
    });
    expect(result.auth.type === 'oauth2' && Object.entries(result.auth.params)).toEqual([
      ['audience', 'aud'],
      ['resource', 'r'],
      ['z', '1'],
      ['a', '2'],
    ]);
  });

  it.each<{ name: string; formats?: GenCollectionConfig['formats']; cli?: OutputFormat[]; expected: OutputFormat[] }>([
    { name: 'default', expected: ['postman'] },
    { name: 'the config', formats: ['postman-v3', 'postman'], expected: ['postman-v3', 'postman'] },
    { name: '--format wins', formats: ['postman'], cli: ['postman-v3'], expected: ['postman-v3'] },
    { name: 'each once', cli: ['postman-v3', 'postman', 'postman-v3'], expected: ['postman-v3', 'postman'] },
  ])('formats: $name', ({ formats, cli, expected }) => {
    const config = validateConfig({ name: 'x', ...(formats ? { formats } : {}) }, 'c.json');
    expect(resolveConfig(config, { baseDir: '/p', ...(cli ? { formats: cli } : {}) }).formats).toEqual(expected);
  });

  it('output relative to baseDir; absolute script paths kept', () => {
    const result = resolveMinimal({ name: 'x', output: '../out', scripts: { test: '/abs/t.ts' } }, '/work/project/cfg');
    expect(result.outputDir).toBe('/work/project/out');
    expect(result.scripts.test).toEqual([{ path: '/abs/t.ts', display: '/abs/t.ts', pointer: '/scripts/test' }]);
  });

  it('the resolve defaults are the schema defaults', () => {
    const props = (name: string) =>
      schemaDefinition(name).properties as Record<
        string,
        { default?: unknown; properties?: Record<string, { default?: unknown }> }
      >;
    const oauth2 = props('oauth2Auth');
    for (const [key, value] of Object.entries(OAUTH2_DEFAULTS)) expect(oauth2[key].default, key).toEqual(value);
    for (const [key, value] of Object.entries(TOKEN_VARIABLE_DEFAULTS))
      expect(oauth2.variables.properties?.[key].default, key).toEqual(value);
    expect(oauth2.variables.properties?.privateKey.default).toBe(PRIVATE_KEY_VARIABLE_DEFAULT);
    expect(oauth2.variables.properties?.dpopKey.default).toBe(DPOP_KEY_VARIABLE_DEFAULT);
    expect(oauth2.dpop.properties?.algorithm.default).toBe(DPOP_DEFAULTS.algorithm);
    for (const [key, value] of Object.entries(ASSERTION_DEFAULTS))
      expect(props('assertion')[key].default, key).toEqual(value);
    expect(props('bearerAuth').tokenVariable.default).toBe(AUTH_DEFAULTS.bearer.tokenVariable);
    expect(props('basicAuth').usernameVariable.default).toBe(AUTH_DEFAULTS.basic.usernameVariable);
    expect(props('basicAuth').passwordVariable.default).toBe(AUTH_DEFAULTS.basic.passwordVariable);
    expect(props('apikeyAuth').in.default).toBe(AUTH_DEFAULTS.apikey.in);
    expect(props('apikeyAuth').variable.default).toBe(AUTH_DEFAULTS.apikey.variable);
    expect(props('request').method.default).toBe('GET');
    expect((configSchema().properties as Record<string, { default?: unknown }>).formats!.default).toEqual(
      DEFAULT_FORMATS,
    );
  });
});

describe('warnings', () => {
  const tmp = tempDir();

  it('duplicate sibling names and an environment hiding the stored token: warned, not rejected', async () => {
    const file = tmp.write(
      'gen-collection.config.yaml',
      [
        'name: Orders',
        'auth: { type: oauth2, tokenUrl: "https://t", storage: collection }',
        'environments:',
        '  dev: { access_token: "" }',
        'items:',
        '  - { name: A, url: u }',
        '  - name: F',
        '    items:',
        '      - { name: B, url: u }',
        '      - { name: B, url: v }',
        '  - { name: A, url: w }',
        '',
      ].join('\n'),
    );
    const { warnings } = await readConfig(file);
    expect(warnings).toEqual([
      `${file}:4: /environments/dev/access_token: "access_token" in an environment (even empty) hides the collection variable where the token is stored (storage: collection). fix: remove it from the environment, or use storage "auto" or "environment"`,
      `${file}:10: /items/1/items/1: another item in the same folder is also named "B" (/items/1/items/0). fix: give sibling items distinct names: Newman reports and --folder tell items apart by name`,
      `${file}:11: /items/2: another item in the same folder is also named "A" (/items/0). fix: give sibling items distinct names: Newman reports and --folder tell items apart by name`,
    ]);
  });

  it('an environment hiding the stored token of an auth profile (storage: collection): warned', async () => {
    const file = tmp.write(
      'gen-collection.config.yaml',
      [
        'name: Orders',
        'auth: { type: oauth2, tokenUrl: "https://t" }',
        'authProfiles:',
        '  admin: { type: oauth2, tokenUrl: "https://t", storage: collection }',
        'environments:',
        '  dev: { access_token: "", access_token_admin: "" }',
        '',
      ].join('\n'),
    );
    const { warnings } = await readConfig(file);
    expect(warnings).toEqual([
      `${file}:6: /environments/dev/access_token_admin: "access_token_admin" in an environment (even empty) hides the collection variable where the token is stored (storage: collection). fix: remove it from the environment, or use storage "auto" or "environment"`,
    ]);
  });

  it('validateConfig adds to a Warnings collector', () => {
    const warnings = new Warnings();
    validateConfig(
      {
        name: 'x',
        items: [
          { name: 'a', url: 'u' },
          { name: 'a', url: 'u' },
        ],
      },
      'c.json',
      undefined,
      warnings,
    );
    expect(warnings.list).toEqual([
      'c.json: /items/1: another item in the same folder is also named "a" (/items/0). fix: give sibling items distinct names: Newman reports and --folder tell items apart by name',
    ]);
  });
});
