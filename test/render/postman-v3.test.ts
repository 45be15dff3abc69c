/**
 * The postman-v3 renderer on hand-made plans: which files, which keys, in the shapes `postman collection
 * migrate` writes (measured with Postman CLI 1.34.0 on gen-collection's v2.1 output), and the same bytes
 * for the same plan. `postman collection lint` and real runs are in test/postman-cli/.
 */
import { oauth2 } from '../helpers/oauth2.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Plan, PlanItem, PlanRequest } from '../../src/plan/plan.js';
import { renderPostmanV3 } from '../../src/render/postman-v3.js';
import { siblingFileNames } from '../../src/render/file-names.js';

const NO_SCRIPTS = { prerequest: [], test: [] };

function req(name: string, parts: Partial<PlanRequest> = {}): PlanRequest {
  return {
    kind: 'request',
    id: `id-${name}`,
    idPath: ['demo', name],
    name,
    auth: { kind: 'inherit' },
    scripts: NO_SCRIPTS,
    method: 'GET',
    url: '{{base_url}}/x',
    pathVariables: [],
    query: [],
    headers: [],
    effectiveAuth: { kind: 'collection' },
    expectStatus: [],
    ...parts,
  };
}

function plan(items: PlanItem[], parts: Partial<Plan> = {}): Plan {
  return {
    name: 'Demo API',
    slug: 'demo-api',
    auth: { type: 'bearer', tokenVariable: 'api_token' },
    // A profile, for the items that name it (a plan has profiles only beside an oauth2 auth; enough here).
    profiles: { admin: oauth2({ variables: { ...oauth2().variables, accessToken: 'access_token_admin' } }) },
    scripts: NO_SCRIPTS,
    items,
    variables: [],
    variablesUsed: ['api_token', 'base_url'],
    environments: [],
    ...parts,
  };
}

async function files(p: Plan): Promise<Map<string, unknown>> {
  const rendered = await renderPostmanV3(p);
  return new Map(rendered.map((f) => [f.path, parse(f.content) as unknown]));
}

describe('postman-v3 renderer', () => {
  it('lays out the collection folder, folders as directories and one file per request, in order', async () => {
    const p = plan([
      req('Health', { auth: { kind: 'none' }, effectiveAuth: { kind: 'none' } }),
      {
        kind: 'folder',
        id: 'id-orders',
        idPath: ['demo', 'Orders'],
        name: 'Orders',
        auth: { kind: 'inherit' },
        scripts: NO_SCRIPTS,
        items: [req('List orders'), req('Who: am/I?')],
      },
    ]);
    const out = await files(p);
    expect([...out.keys()]).toEqual([
      'collections/demo-api/.resources/definition.yaml',
      'collections/demo-api/Health.request.yaml',
      'collections/demo-api/Orders/.resources/definition.yaml',
      'collections/demo-api/Orders/List orders.request.yaml',
      'collections/demo-api/Orders/Who- am-I-.request.yaml',
    ]);
    expect(out.get('collections/demo-api/Orders/.resources/definition.yaml')).toEqual({
      $kind: 'collection',
      id: 'id-orders',
      order: 2000,
    });
    expect(out.get('collections/demo-api/Orders/Who- am-I-.request.yaml')).toMatchObject({
      $kind: 'http-request',
      name: 'Who: am/I?',
      order: 2000,
    });
    expect(out.get('collections/demo-api/Health.request.yaml')).toEqual({
      $kind: 'http-request',
      id: 'id-Health',
      url: '{{base_url}}/x',
      method: 'GET',
      auth: { type: 'noauth' },
      order: 1000,
    });
  });

  it('writes an API key that goes in the query into each request that uses the collection auth, not as an auth', async () => {
    // the v3 runtime (Postman CLI 1.34.0) sends an apikey auth as a header whatever its `in` says
    const apikey = { type: 'apikey' as const, name: 'key', in: 'query' as const, variable: 'api_key' };
    const out = await files(
      plan(
        [
          req('A', { url: '{{base_url}}/a?x=1' }),
          req('Own', { query: [{ key: 'key', value: '{{other}}' }] }),
          req('Open', { auth: { kind: 'none' }, effectiveAuth: { kind: 'none' } }),
        ],
        { auth: apikey },
      ),
    );
    const definition = out.get('collections/demo-api/.resources/definition.yaml') as Record<string, unknown>;
    expect(definition.auth).toBeUndefined();
    const request = (name: string) => out.get(`collections/demo-api/${name}.request.yaml`) as Record<string, unknown>;
    expect(request('A')).toMatchObject({
      url: '{{base_url}}/a?x=1&key={{api_key}}',
      queryParams: { x: '1', key: '{{api_key}}' },
    });
    expect(request('A').auth).toBeUndefined();
    expect(request('Own')).toMatchObject({ url: '{{base_url}}/x?key={{other}}', queryParams: { key: '{{other}}' } });
    expect(request('Open')).toMatchObject({ url: '{{base_url}}/x', auth: { type: 'noauth' } });
    expect(request('Open').queryParams).toBeUndefined();
    const header = await files(plan([req('A')], { auth: { ...apikey, in: 'header' } }));
    const headerDefinition = header.get('collections/demo-api/.resources/definition.yaml') as Record<string, unknown>;
    expect(headerDefinition.auth).toEqual([
      expect.objectContaining({ type: 'apikey', credentials: { key: 'key', value: '{{api_key}}', in: 'header' } }),
    ]);
  });

  it('writes the collection auth, variables and collection scripts in the definition', async () => {
    const out = await files(
      plan([req('A')], {
        description: 'Line one.\nLine two.',
        variables: [{ key: 'page_size', value: '10' }],
        scripts: { prerequest: ['console.log(1);'], test: [] },
      }),
    );
    const definition = out.get('collections/demo-api/.resources/definition.yaml') as Record<string, unknown>;
    expect(Object.keys(definition)).toEqual(['$kind', 'id', 'name', 'description', 'variables', 'scripts', 'auth']);
    expect(definition).toMatchObject({
      name: 'Demo API',
      description: 'Line one.\nLine two.',
      variables: { page_size: '10' },
      auth: [{ type: 'bearer', name: 'bearer auth', credentials: { token: '{{api_token}}' } }],
    });
    const [script] = definition.scripts as { type: string; code: string }[];
    expect(script!.type).toBe('http:beforeRequest');
    expect(script!.code).toMatch(/^\/\/ gen-collection .*\n\nconsole\.log\(1\);$/);
  });

  it.each([
    {
      name: 'json body: pretty JSON and its Content-Type',
      parts: { method: 'POST', body: { mode: 'json', json: { sku: 'A1', qty: 1 } } },
      expected: {
        headers: { 'Content-Type': 'application/json' },
        body: { type: 'json', content: '{\n  "sku": "A1",\n  "qty": 1\n}' },
      },
    },
    {
      name: 'form body: formdata text fields',
      parts: { method: 'POST', body: { mode: 'form', entries: [{ key: 'a', value: '1' }] } },
      expected: { body: { type: 'formdata', content: [{ type: 'text', key: 'a', value: '1' }] } },
    },
    {
      name: 'urlencoded body: a map',
      parts: { method: 'PATCH', body: { mode: 'urlencoded', entries: [{ key: 'delta', value: '-1' }] } },
      expected: { body: { type: 'urlencoded', content: { delta: '-1' } } },
    },
    {
      name: 'raw body: its language from the content type',
      parts: { method: 'PUT', body: { mode: 'raw', raw: '<a/>', contentType: 'application/xml' } },
      expected: { headers: { 'Content-Type': 'application/xml' }, body: { type: 'xml', content: '<a/>' } },
    },
    {
      name: 'query: appended to the URL and listed; descriptions and disabled entries make a list',
      parts: {
        query: [
          { key: 'warehouse', value: 'berlin', description: 'Warehouse code' },
          { key: 'page', value: '1', disabled: true },
        ],
      },
      expected: {
        url: '{{base_url}}/x?warehouse=berlin',
        queryParams: [
          { key: 'warehouse', value: 'berlin', description: 'Warehouse code' },
          { key: 'page', value: '1', disabled: true },
        ],
      },
    },
    {
      name: 'path variables and headers: maps',
      parts: {
        url: '{{base_url}}/orders/:orderId',
        pathVariables: [{ key: 'orderId', value: '{{order_id}}' }],
        headers: [{ key: 'Accept', value: 'application/json' }],
      },
      expected: { headers: { Accept: 'application/json' }, pathVariables: { orderId: '{{order_id}}' } },
    },
    {
      name: 'a profile: its own Bearer',
      parts: {
        auth: { kind: 'profile', profile: 'admin', tokenVariable: 'access_token_admin' },
        effectiveAuth: { kind: 'profile', profile: 'admin' },
      },
      expected: { auth: { type: 'bearer', credentials: { token: '{{access_token_admin}}' } } },
    },
    {
      name: 'scripts: beforeRequest / afterResponse without the protocol prefix',
      parts: { scripts: { prerequest: ['let a = 1;'], test: ["pm.test('t', () => {});"] } },
      expected: {
        scripts: [
          { type: 'beforeRequest', language: 'text/javascript' },
          { type: 'afterResponse', language: 'text/javascript' },
        ],
      },
    },
  ] as const)('$name', async ({ parts, expected }) => {
    const out = await files(plan([req('R', parts as Partial<PlanRequest>)]));
    expect(out.get('collections/demo-api/R.request.yaml')).toMatchObject(expected);
  });

  it('writes each environment with secrets declared secret and empty', async () => {
    const out = await files(
      plan([req('A')], {
        environments: [
          {
            name: 'dev',
            title: 'Demo API - dev',
            id: 'env-id',
            values: [
              { key: 'base_url', value: 'https://dev.example.com', secret: false },
              { key: 'api_token', value: '', secret: true },
            ],
          },
        ],
      }),
    );
    expect(out.get('environments/demo-api.dev.environment.yaml')).toEqual({
      id: 'env-id',
      name: 'Demo API - dev',
      values: [
        { key: 'base_url', value: 'https://dev.example.com', type: 'default', enabled: true },
        { key: 'api_token', value: '', type: 'secret', enabled: true },
      ],
    });
  });

  it('gives the same bytes for the same plan, in the YAML style migrate writes', async () => {
    const p = plan([req('A', { description: 'x\ny', query: [{ key: 'n', value: '1' }] })]);
    const [first, second] = [await renderPostmanV3(p), await renderPostmanV3(p)];
    expect(second).toEqual(first);
    expect(first.find((f) => f.path.endsWith('A.request.yaml'))!.content).toBe(
      [
        '$kind: http-request',
        'id: id-A',
        'description: |-',
        '  x',
        '  y',
        'url: "{{base_url}}/x?n=1"',
        'method: GET',
        'queryParams:',
        // `n` is YAML 1.1's false, and the Postman CLI reads v3 files as YAML 1.1: quoted, as `yaml` writes it then
        '  "n": "1"',
        'order: 1000',
        '',
      ].join('\n'),
    );
  });
});

describe('file names of items', () => {
  it.each([
    { names: ['List', 'list'], expected: ['List', 'list (2)'] },
    { names: ['a/b', 'a:b'], expected: ['a-b', 'a-b (2)'] },
    { names: ['Trailing. ', '..', ''], expected: ['Trailing', '-', '- (2)'] },
  ])('$names → $expected', ({ names, expected }) => {
    expect(siblingFileNames(names)).toEqual(expected);
  });
});
