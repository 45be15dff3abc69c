import { describe, expect, it } from 'vitest';
import { Warnings } from '../../src/warnings.js';
import { specToConfig } from '../../src/openapi/index.js';
import { mapSpec, oneOperation, openapi, requests } from './map-spec.js';

const ok = { '200': { description: 'ok' } };

describe('operation → request: name, description, method, URL', () => {
  const cases: { name: string; operation: Record<string, unknown>; expected: Record<string, unknown> }[] = [
    {
      name: 'summary first',
      operation: { summary: 'List things', operationId: 'listThings' },
      expected: { name: 'List things' },
    },
    { name: 'then operationId', operation: { operationId: 'listThings' }, expected: { name: 'listThings' } },
    { name: 'then METHOD path', operation: {}, expected: { name: 'GET /things' } },
    { name: 'blank summary skipped', operation: { summary: '  ', operationId: 'x' }, expected: { name: 'x' } },
    { name: 'whitespace collapsed', operation: { summary: 'List\n  things ' }, expected: { name: 'List things' } },
    {
      name: 'description kept',
      operation: { description: 'Lists **things**.' },
      expected: { description: 'Lists **things**.' },
    },
  ];
  it.each(cases)('$name', async ({ operation, expected }) => {
    const [request] = requests((await mapSpec(oneOperation(operation))).config);
    expect(request).toMatchObject({ method: 'GET', url: '{{base_url}}/things', ...expected });
  });

  it('every method of a path item in document order; x- keys and unknown keys skipped', async () => {
    const spec = openapi({
      paths: {
        'x-internal': { get: { responses: ok } },
        '/a': {
          post: { responses: ok },
          summary: 'path summary',
          get: { responses: ok },
          'x-foo': {},
          delete: { responses: ok },
        },
        '/b': { patch: { responses: ok } },
      },
    });
    const all = requests((await mapSpec(spec)).config);
    expect(all.map((r) => `${r.method} ${r.url}`)).toEqual([
      'POST {{base_url}}/a',
      'GET {{base_url}}/a',
      'DELETE {{base_url}}/a',
      'PATCH {{base_url}}/b',
    ]);
  });

  it('a path item given as a $ref is followed', async () => {
    const spec = openapi({
      paths: { '/a': { $ref: '#/x-items/shared' } },
      'x-items': { shared: { get: { summary: 'Shared', responses: ok } } },
    });
    expect(requests((await mapSpec(spec)).config).map((r) => r.name)).toEqual(['Shared']);
  });

  it('3.1 webhooks are not requests', async () => {
    const spec = openapi(
      { webhooks: { ping: { post: { responses: ok } } }, paths: { '/a': { get: { responses: ok } } } },
      '3.1.0',
    );
    expect(requests((await mapSpec(spec)).config)).toHaveLength(1);
  });

  it('collection name and description from info; the file name when there is no title', async () => {
    const withInfo = await mapSpec(
      openapi({ info: { title: ' Orders API ', description: 'All about orders', version: '1' } }),
    );
    expect(withInfo.config).toMatchObject({ name: 'Orders API', description: 'All about orders' });
    const untitled = await mapSpec(openapi({ info: { version: '1' } }), { file: 'specs/orders.openapi.yaml' });
    expect(untitled.config.name).toBe('orders.openapi');
  });
});

describe('expect.status from the responses', () => {
  const cases: { name: string; responses: Record<string, unknown>; status: unknown }[] = [
    { name: 'the only 2xx', responses: { '201': {}, '400': {} }, status: 201 },
    { name: 'the lowest of several 2xx', responses: { '204': {}, '202': {}, default: {} }, status: 202 },
    { name: 'numeric YAML keys', responses: { 200: {} }, status: 200 },
    {
      name: '2XX range: every registered 2xx code',
      responses: { '2XX': {}, '404': {} },
      status: [200, 201, 202, 203, 204, 205, 206, 207, 208, 226],
    },
    { name: 'explicit code wins over the range', responses: { '2XX': {}, '201': {} }, status: 201 },
    { name: 'only default: no expect', responses: { default: {} }, status: undefined },
    { name: 'only redirects: no expect', responses: { '302': {} }, status: undefined },
    { name: 'no responses: no expect', responses: {}, status: undefined },
  ];
  it.each(cases)('$name', async ({ responses, status }) => {
    const [request] = requests((await mapSpec(oneOperation({ responses }))).config);
    expect(request!.expect?.status).toEqual(status);
  });
});

describe('tags → folders', () => {
  const spec = openapi({
    tags: [{ name: 'stores', description: 'Shops' }, { name: 'unused' }, { name: 'pets', description: 'Animals' }],
    paths: {
      '/health': { get: { summary: 'Health', responses: ok } },
      '/owners': { get: { summary: 'Owners', tags: ['owners'], responses: ok } },
      '/pets': { get: { summary: 'Pets', tags: ['pets', 'stores'], responses: ok } },
      '/stores': { get: { summary: 'Stores', tags: ['stores'], responses: ok } },
      '/misc': { get: { summary: 'Misc', tags: [], responses: ok } },
      '/more-owners': { post: { summary: 'More owners', tags: ['owners'], responses: ok } },
    },
  });

  it('folders in top-level tag order, then first use; first tag only; untagged at the root after the folders', async () => {
    const { config } = await mapSpec(spec);
    const shape = (config.items ?? []).map((i) =>
      'items' in i ? { folder: i.name, description: i.description, items: i.items.map((r) => r.name) } : i.name,
    );
    expect(shape).toEqual([
      { folder: 'stores', description: 'Shops', items: ['Stores'] },
      { folder: 'pets', description: 'Animals', items: ['Pets'] },
      { folder: 'owners', description: undefined, items: ['Owners', 'More owners'] },
      'Health',
      'Misc',
    ]);
  });
});

describe('determinism and progress', () => {
  const spec = openapi({
    paths: Object.fromEntries(
      Array.from({ length: 250 }, (_, i) => [
        `/r${i}/{id}`,
        { get: { tags: [`t${i % 7}`], parameters: [{ name: 'id', in: 'path', required: true }], responses: ok } },
      ]),
    ),
  });

  it('the same spec gives the same config, byte for byte', async () => {
    const a = JSON.stringify((await mapSpec(spec)).config);
    const b = JSON.stringify((await mapSpec(structuredClone(spec))).config);
    expect(a).toBe(b);
  });

  it('reports progress: increasing, bounded in count, ending at (total, total)', async () => {
    const calls: [number, number][] = [];
    await specToConfig(spec, {
      file: 'spec.yaml',
      warnings: new Warnings(),
      onProgress: (done, total) => calls.push([done, total]),
    });
    expect(calls.length).toBeGreaterThan(1);
    expect(calls.length).toBeLessThanOrEqual(101);
    expect(calls.at(-1)).toEqual([250, 250]);
    expect(calls.every(([done, total], i) => total === 250 && (i === 0 || done > calls[i - 1]![0]))).toBe(true);
  });
});
