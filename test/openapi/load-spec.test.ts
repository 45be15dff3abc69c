import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/openapi/index.js';
import { mapSpec, requests } from './map-spec.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixtures = new URL('../fixtures/openapi/', import.meta.url).pathname;
const work = tempDir('gen-collection-openapi-load-').dir;

/** Every `$ref` string in a value. */
function refs(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => refs(v, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refs(v, out);
    }
  }
  return out;
}

describe('loadSpec: JSON or YAML', () => {
  const cases = [
    { name: 'YAML 3.0', file: 'petstore-3.0.yaml', title: 'Petstore', requests: 5 },
    { name: 'JSON 2.0', file: 'petstore-2.0.json', title: 'Petstore 2', requests: 4 },
    { name: 'YAML 3.1', file: 'library-3.1.yaml', title: 'Library', requests: 1 },
    { name: 'JSON with a byte order mark', file: 'bom.json', title: 'BOM', requests: 1 },
  ];
  it.each(cases)('$name', async ({ file, title, requests: count }) => {
    const loaded = await loadSpec(fixtures + file);
    expect(loaded.file).toBe(fixtures + file);
    const { config } = await mapSpec(loaded.spec, { file: loaded.file });
    expect(config.name).toBe(title);
    expect(requests(config)).toHaveLength(count);
  });

  it('local $refs are left in place (nothing is dereferenced)', async () => {
    const { spec } = await loadSpec(fixtures + 'petstore-3.0.yaml');
    expect(refs(spec)).toEqual(['#/components/parameters/Limit', '#/components/schemas/Pet']);
  });

  const sniffed = [
    { name: 'JSON in a file without extension', text: '{"swagger":"2.0","info":{"title":"Sniffed"},"paths":{}}' },
    { name: 'YAML with an unquoted swagger: 2.0', text: 'swagger: 2.0\ninfo:\n  title: Sniffed\npaths: {}\n' },
    { name: 'YAML with an unquoted openapi: 3.1', text: 'openapi: 3.1\ninfo:\n  title: Sniffed\npaths: {}\n' },
  ];
  it.each(sniffed)('$name', async ({ text }) => {
    const file = join(work, 'spec');
    writeFileSync(file, text);
    const { spec } = await loadSpec(file);
    expect((await mapSpec(spec)).config.name).toBe('Sniffed');
  });
});

describe('YAML reading', () => {
  it('reads the YAML 1.2 core schema: dates and yes/no stay strings; anchors and aliases work', async () => {
    const file = join(work, 'core.yaml');
    writeFileSync(
      file,
      [
        'openapi: 3.0.3',
        'info: {title: Core}',
        'paths:',
        '  /a:',
        '    get:',
        '      parameters:',
        '        - &since {name: since, in: query, required: true, example: 2024-01-31}',
        '        - {name: flag, in: query, required: true, example: yes}',
        '      responses: {200: {description: ok}}',
        '  /b:',
        '    get:',
        '      parameters: [*since]',
        '      responses: {200: {description: ok}}',
      ].join('\n'),
    );
    const { spec } = await loadSpec(file);
    const [a, b] = requests((await mapSpec(spec)).config);
    expect(a!.query).toEqual([
      { key: 'since', value: '2024-01-31' },
      { key: 'flag', value: 'yes' },
    ]);
    expect(b!.query).toEqual([{ key: 'since', value: '2024-01-31' }]);
  });
});

describe('multi-file specs', () => {
  it('external $refs are bundled into internal ones, including a circular external schema', async () => {
    const file = fixtures + 'multi-file/openapi.yaml';
    const { spec } = await loadSpec(file);
    expect(refs(spec).every((r) => r.startsWith('#'))).toBe(true);
    const { config } = await mapSpec(spec, { file });
    const [list, create] = requests(config);
    expect(list!.query).toEqual([{ key: 'page', value: 1 }]);
    // item.yaml refers to itself through `parent`: the sample stops at the cycle.
    expect(create!.body).toEqual({ json: { name: 'widget' } });
  });

  it('the spec file is not modified', async () => {
    const file = fixtures + 'multi-file/openapi.yaml';
    const before = readFileSync(file, 'utf8');
    await loadSpec(file);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });
});
