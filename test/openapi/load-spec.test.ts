import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/openapi/index.js';
import { mapSpec, requests } from './map-spec.js';
import { tempDir } from '../helpers/temp-dir.js';
import { thrownError } from '../helpers/gen-collection-error.js';

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

describe('JSON text with non-ASCII characters (read with them escaped)', () => {
  const write = (name: string, content: string | Buffer): string => {
    const file = join(work, name);
    writeFileSync(file, content);
    return file;
  };
  const title = 'Café ☕ 😀 naïve — ünïcödé';
  const cases = [
    { name: 'in strings', text: JSON.stringify({ openapi: '3.0.3', info: { title }, paths: {} }) },
    { name: 'in a key', text: JSON.stringify({ openapi: '3.0.3', info: { title, 'x-ключ': 'значение' }, paths: {} }) },
    {
      name: 'after an escaped backslash',
      text: JSON.stringify({ openapi: '3.0.3', info: { title: `\\${title}` }, paths: {} }),
    },
    {
      name: 'non-ASCII keys among number-like keys and __proto__: keys in the same order',
      text: '{"openapi": "3.0.3", "paths": {}, "info": {"b": 1, "ключ": 2, "10": 3, "__proto__": {"é": 4}, "a": 5, "2": 6}}',
    },
    {
      name: 'with \\u escapes past ASCII too',
      text: '{"openapi": "3.0.3", "paths": {}, "info": {"title": "Café \\u00e9 \\u2615 \\ud83d\\ude00", "ké": "\\u0080"}}',
    },
    {
      name: 'an escaped backslash before a u',
      text: '{"openapi": "3.0.3", "paths": {}, "info": {"title": "Café \\\\u00e9"}}',
    },
    {
      name: 'mostly non-ASCII',
      text: JSON.stringify({ openapi: '3.0.3', info: { title: '日本語'.repeat(500) }, paths: {} }),
    },
  ];
  it.each(cases)('$name: the value JSON.parse gives the text as written', async ({ text }) => {
    const { spec } = await loadSpec(write('unicode.json', text));
    expect(spec).toEqual(JSON.parse(text));
    // keys in the same order
    expect(JSON.stringify(spec)).toBe(JSON.stringify(JSON.parse(text)));
  });

  it('after two byte order marks', async () => {
    const text = JSON.stringify({ openapi: '3.0.3', info: { title }, paths: {} });
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const { spec } = await loadSpec(write('boms.json', Buffer.concat([bom, bom, Buffer.from(text)])));
    expect(spec).toEqual(JSON.parse(text));
  });

  it('a file without extension starting with a no-break space and `{` is read as JSON (which refuses the space)', async () => {
    const error = await thrownError(() => loadSpec(write('nbsp', `\u00a0{"openapi": "3.0.3"}`)));
    expect(error.message).toMatch(/invalid JSON/);
  });

  const invalid = [
    // `\é` is no JSON escape; escaped as `\\u00e9` it would be one
    { name: 'a backslash before a non-ASCII character', text: '{\n  "openapi": "3.0.3",\n  "x": "a\\é"\n}', line: 3 },
    { name: 'a non-ASCII character outside strings', text: '{\n  "openapi": "3.0.3",\n  é: 1\n}', line: 3 },
    { name: 'a syntax error after non-ASCII text', text: '{\n  "openapi": "ünï",\n  "x": 1,\n}', line: 3 },
  ];
  it.each(invalid)('$name: invalid JSON, with the line of the text as written', async ({ text, line }) => {
    const error = await thrownError(() => loadSpec(write('invalid-unicode.json', text)));
    expect(error.code).toBe('spec-invalid');
    expect(error.message).toMatch(/invalid JSON/);
    expect(error.line).toBe(line);
  });
});
