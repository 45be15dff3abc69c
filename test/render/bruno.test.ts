/**
 * The bruno renderer: every file it writes is valid against the vendored OpenCollection JSON Schema (draft-07), the
 * bytes are the same for the same plan, the layout is DESIGN.md's, secrets are declared without a value, and each
 * request carries the auth its plan says (Bruno folders cannot turn an inherited auth off).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { buildFromConfigFile } from '../../src/build/build-from-config.js';
import { renderBruno } from '../../src/render/bruno.js';
import { brunoRequestNames } from '../../src/render/bruno-names.js';
import { siblingFileNames } from '../../src/render/file-names.js';
import type { RenderedFile } from '../../src/render/render.js';
import { planFromConfig } from '../bruno/plan-from-config.js';

const SCHEMA = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../schema/vendor/opencollection.schema.json'), 'utf8'),
) as { $id: string };
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addSchema(SCHEMA);
const validators = {
  collection: ajv.getSchema(SCHEMA.$id)!,
  folder: ajv.getSchema(`${SCHEMA.$id}#/$defs/Folder`)!,
  request: ajv.getSchema(`${SCHEMA.$id}#/$defs/HttpRequest`)!,
  environment: ajv.getSchema(`${SCHEMA.$id}#/$defs/Environment`)!,
};

/** Which schema definition a rendered file must meet, by its place in the collection. */
function kindOf(path: string): keyof typeof validators | undefined {
  if (path.endsWith('/opencollection.yml')) return 'collection';
  if (path.endsWith('/folder.yml')) return 'folder';
  if (/\/environments\/[^/]+\.yml$/.test(path)) return 'environment';
  return path.endsWith('.yml') ? 'request' : undefined;
}

const CONFIG = {
  name: 'Shop: API / v2',
  description: 'Orders and stock.',
  auth: { type: 'oauth2', tokenUrl: '{{base_url}}/token', clientAuth: 'private_key_jwt' },
  authProfiles: { admin: { type: 'oauth2', tokenUrl: '{{admin_token_url}}', scope: 'orders:admin' } },
  environments: { dev: { base_url: 'https://dev.example.test', client_id: 'shop', admin_token_url: 'https://a.test' } },
  variables: { page_size: '10' },
  items: [
    { name: 'Health', url: '{{base_url}}/health', auth: 'none', expect: { status: 200 } },
    {
      name: 'Orders',
      description: 'Everything about orders.',
      items: [
        {
          name: 'List',
          url: '{{base_url}}/orders?sort=id',
          query: { limit: '{{page_size}}' },
          headers: { Accept: 'application/json' },
          expect: { status: [200, 204] },
        },
        { name: 'Get', url: '{{base_url}}/orders/:id', pathVariables: { id: '7' } },
        { name: 'Create', method: 'POST', url: '{{base_url}}/orders', body: { json: { sku: 'A1' } } },
        {
          name: 'Form',
          method: 'POST',
          url: '{{base_url}}/forms',
          body: { urlencoded: { a: '1' } },
        },
        { name: 'Upload', method: 'POST', url: '{{base_url}}/up', body: { form: { f: 'x' } } },
        { name: 'Raw', method: 'PUT', url: '{{base_url}}/raw', body: { raw: '<a/>', contentType: 'application/xml' } },
      ],
    },
    { name: 'Admin', auth: 'admin', items: [{ name: 'List', url: '{{base_url}}/admin/orders' }] },
    { name: 'Public', auth: 'none', items: [{ name: 'Status', url: '{{base_url}}/status' }] },
  ],
};

async function render(): Promise<RenderedFile[]> {
  return renderBruno(await planFromConfig(CONFIG));
}

function file(files: RenderedFile[], path: string): Record<string, unknown> {
  const found = files.find((f) => f.path === path);
  if (!found) throw new Error(`no ${path} among ${files.map((f) => f.path).join(', ')}`);
  return parse(found.content) as Record<string, unknown>;
}

describe('renderBruno', () => {
  it('writes every file valid against the OpenCollection schema, the same bytes twice', async () => {
    const [files, again] = await Promise.all([render(), render()]);
    expect(again).toEqual(files);
    const checked: string[] = [];
    for (const f of files) {
      const kind = kindOf(f.path);
      if (!kind) continue;
      const validate = validators[kind];
      expect(validate(parse(f.content)), `${f.path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      checked.push(f.path);
    }
    expect(checked).toHaveLength(files.filter((f) => f.path.endsWith('.yml')).length);
  });

  it('lays the collection out as DESIGN.md says, folders as directories, modules in lib/', async () => {
    expect((await render()).map((f) => f.path).sort()).toEqual(
      [
        'opencollection.yml',
        'Health.yml',
        'Orders/folder.yml',
        'Orders/List.yml',
        'Orders/Get.yml',
        'Orders/Create.yml',
        'Orders/Form.yml',
        'Orders/Upload.yml',
        'Orders/Raw.yml',
        'Admin/folder.yml',
        'Admin/List.yml',
        'Public/folder.yml',
        'Public/Status.yml',
        'environments/dev.yml',
        'lib/gen-collection-runtime.js',
        'lib/gen-collection-jwt-rs256.js',
      ]
        .map((path) => `bruno/shop-api-v2/${path}`)
        .sort(),
    );
  });

  it('declares secrets without a value and keeps token state out of every file', async () => {
    const files = await render();
    // Tokens are runtime variables on Bruno: no collection variable is declared for them.
    expect(
      (file(files, 'bruno/shop-api-v2/opencollection.yml') as { request: { variables: unknown } }).request.variables,
    ).toEqual([{ name: 'page_size', value: '10' }]);
    expect(file(files, 'bruno/shop-api-v2/environments/dev.yml')).toEqual({
      name: 'dev',
      variables: [
        { name: 'base_url', value: 'https://dev.example.test' },
        { name: 'client_id', value: 'shop' },
        { name: 'admin_token_url', value: 'https://a.test' },
        { name: 'client_id_admin', value: '' },
        { name: 'client_private_key', secret: true },
        { name: 'client_secret_admin', secret: true },
      ],
    });
  });

  it.each([
    ['Health.yml', undefined],
    ['Orders/List.yml', 'inherit'],
    ['Admin/List.yml', { type: 'bearer', token: '{{access_token_admin}}' }],
    ['Public/Status.yml', undefined],
  ])('%s: auth %j', async (path, auth) => {
    const request = file(await render(), `bruno/shop-api-v2/${path}`) as { http: { auth?: unknown } };
    expect(request.http.auth).toEqual(auth);
  });

  it.each([
    [{ type: 'bearer' }, { type: 'bearer', token: '{{access_token}}' }],
    [{ type: 'basic' }, { type: 'basic', username: '{{username}}', password: '{{password}}' }],
    [
      { type: 'apikey', name: 'X-Key', in: 'header' },
      { type: 'apikey', key: 'X-Key', value: '{{api_key}}', placement: 'header' },
    ],
    // in the query: a parameter of each request (below)
    [{ type: 'apikey', name: 'key', in: 'query' }, undefined],
    [{ type: 'none' }, undefined],
  ])('a static collection auth %j becomes %j, schema-valid, no token scripts', async (auth, expected) => {
    const files = await renderBruno(
      await planFromConfig({ name: 'Static', auth, items: [{ name: 'R', url: 'https://x.test/r' }] }),
    );
    const collection = file(files, 'bruno/static/opencollection.yml') as {
      request?: { auth?: unknown; scripts?: unknown };
    };
    expect(validators.collection(collection), ajv.errorsText(validators.collection.errors)).toBe(true);
    expect(collection.request?.auth).toEqual(expected);
    expect(collection.request?.scripts).toBeUndefined();
  });

  it('sends an API key that goes in the query as a query parameter of each request using the collection auth', async () => {
    // Bruno CLI 4.1.0 adds an apikey auth's query placement before it resolves variables: with a {{base_url}} URL
    // the key was not sent, with an absolute one the literal {{api_key}} was (measured against a loopback server).
    const files = await renderBruno(
      await planFromConfig({
        name: 'Keyed',
        auth: { type: 'apikey', name: 'key', in: 'query', variable: 'api_key' },
        items: [
          { name: 'List', url: '{{base_url}}/things?x=1' },
          { name: 'Own', url: '{{base_url}}/own', query: { key: '{{other_key}}' } },
          { name: 'Public', url: '{{base_url}}/status', auth: 'none' },
        ],
      }),
    );
    const http = (name: string) => (file(files, `bruno/keyed/${name}.yml`) as { http: object }).http;
    expect(http('List')).toMatchObject({
      url: '{{base_url}}/things?x=1&key={{api_key}}',
      params: [{ name: 'key', value: '{{api_key}}', type: 'query' }],
      auth: 'inherit',
    });
    expect(http('Own')).toMatchObject({
      url: '{{base_url}}/own?key={{other_key}}',
      params: [{ name: 'key', value: '{{other_key}}', type: 'query' }],
    });
    expect(http('Public')).toEqual({ method: 'GET', url: '{{base_url}}/status' });
    for (const f of files.filter((f) => f.path.endsWith('.yml') && !f.path.includes('/environments/'))) {
      const doc = parse(f.content) as object;
      const validate = f.path.endsWith('opencollection.yml') ? validators.collection : validators.request;
      expect(validate(doc), `${f.path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('writes the URL with its query, params, headers and each body kind', async () => {
    const files = await render();
    const http = (path: string) => (file(files, `bruno/shop-api-v2/Orders/${path}`) as { http: object }).http;
    expect(http('List.yml')).toEqual({
      method: 'GET',
      url: '{{base_url}}/orders?sort=id&limit={{page_size}}',
      headers: [{ name: 'Accept', value: 'application/json' }],
      params: [{ name: 'limit', value: '{{page_size}}', type: 'query' }],
      auth: 'inherit',
    });
    expect(http('Get.yml')).toMatchObject({ params: [{ name: 'id', value: '7', type: 'path' }] });
    expect(http('Create.yml')).toMatchObject({ body: { type: 'json', data: '{\n  "sku": "A1"\n}' } });
    expect(http('Form.yml')).toMatchObject({ body: { type: 'form-urlencoded', data: [{ name: 'a', value: '1' }] } });
    expect(http('Upload.yml')).toMatchObject({
      body: { type: 'multipart-form', data: [{ name: 'f', type: 'text', value: 'x' }] },
    });
    expect(http('Raw.yml')).toMatchObject({
      headers: [{ name: 'Content-Type', value: 'application/xml' }],
      body: { type: 'xml', data: '<a/>' },
    });
  });

  it('runs the collection scripts first (sequential flow) and loads the signer from lib/, not inline', async () => {
    const files = await render();
    const collection = file(files, 'bruno/shop-api-v2/opencollection.yml') as {
      request: { scripts: { type: string; code: string }[] };
      extensions: unknown;
    };
    expect(collection.extensions).toEqual({ bruno: { scripts: { flow: 'sequential' } } });
    expect(collection.request.scripts.map((s) => s.type)).toEqual(['before-request', 'after-response']);
    const [before] = collection.request.scripts;
    expect(before!.code).toContain("require('./lib/gen-collection-jwt-rs256.js')");
    expect(before!.code.trimEnd().endsWith('await pm.settle();')).toBe(true);
    // esprima 4, which reads inline scripts, rejects BigInt literals: those stay in lib/.
    for (const script of collection.request.scripts) expect(script.code).not.toMatch(/\b\d+n\b/);
  });
});

describe.each(['orders-api/gen-collection.config.json', 'inventory-yaml/gen-collection.config.yaml'])(
  'build --format bruno of examples/%s',
  (config) => {
    it('writes schema-valid files only', async () => {
      const result = await buildFromConfigFile(join(import.meta.dirname, '../../examples', config));
      const files = (await renderBruno(result.plan)).filter((f) => kindOf(f.path));
      expect(files.length).toBeGreaterThan(3);
      for (const f of files) {
        const validate = validators[kindOf(f.path)!];
        expect(validate(parse(f.content)), `${f.path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      }
    });
  },
);

describe('Bruno names', () => {
  it.each([
    [['List', 'list', 'a/b', 'x.', 'folder', ''], ['folder'], ['List', 'list (2)', 'a-b', 'x', 'folder (2)', '-']],
    [
      ['lib', 'environments'],
      ['lib', 'environments'],
      ['lib (2)', 'environments (2)'],
    ],
  ])('siblingFileNames(%j, reserved %j) → %j', (names, reserved, expected) => {
    expect(siblingFileNames(names, reserved)).toEqual(expected);
  });

  it('makes request names unique in run order (subfolders first), as bru run finds requests by name', async () => {
    const plan = await planFromConfig({
      name: 'Names',
      items: [
        { name: 'List', url: 'https://x.test/1' },
        { name: 'A', items: [{ name: 'List', url: 'https://x.test/2' }] },
      ],
    });
    const names = brunoRequestNames(plan.items);
    const [top, folder] = plan.items;
    expect(names.get(top!.id)).toBe('List (2)');
    expect(names.get(folder!.kind === 'folder' ? folder!.items[0]!.id : '')).toBe('List');
  });
});
