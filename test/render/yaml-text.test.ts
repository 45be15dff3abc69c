/**
 * yamlText writes the postman-v3 and Bruno files without the `yaml` package, and must give its bytes exactly:
 * every case here is compared with `yaml`'s `stringify` under the same style's options. `emitYaml` is the emitter
 * alone (undefined where it hands a value to `yaml`), so a case it gets wrong cannot hide behind the fallback.
 */
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Document, parse, stringify } from 'yaml';
import { buildFromConfig, buildFromConfigFile } from '../../src/build/build-from-config.js';
import { renderFormat } from '../../src/render/index.js';
import {
  CORE_SCALAR_TESTS,
  emitYaml,
  YAML_11_SCALAR_TESTS,
  YAML_OPTIONS,
  yamlText,
  type YamlStyle,
} from '../../src/render/yaml-text.js';
import { params } from '../fuzz/property.js';

const STYLES: YamlStyle[] = ['postman-v3', 'bruno'];
const REPO = join(import.meta.dirname, '../..');
const expected = (value: unknown, style: YamlStyle) => stringify(value, YAML_OPTIONS[style]);

/** One-line strings that a plain scalar cannot hold, or only just can. */
const ONE_LINE = [
  '',
  ' ',
  'plain',
  'two words',
  ' leading',
  'trailing ',
  'a: b',
  'a:b',
  'ends:',
  'a #b',
  'a#b',
  '#start',
  'tab\tinside',
  '\tlead',
  'trail\t',
  ...'-?:,[]{}#&*!|>\'"%@`'.split('').flatMap((c) => [c, `${c}x`, `${c} x`, `x${c}`]),
  '- item',
  '? key',
  '--',
  '---',
  '--- x',
  '...',
  '... x',
  '%YAML',
  'yes',
  'no',
  'on',
  'off',
  'y',
  'n',
  'true',
  'True',
  'TRUE',
  'tRUE',
  'false',
  'null',
  'Null',
  'NULL',
  'nULL',
  '~',
  '1',
  '-1',
  '+1',
  '007',
  '1.5',
  '.5',
  '1.',
  '1e3',
  '1E-3',
  '-1.5e+3',
  '0x1F',
  '0X1F',
  '0o17',
  '0b101',
  '1_000',
  '.inf',
  '-.Inf',
  '.nan',
  '.NaN',
  '12:30',
  '2024-01-01',
  // what a YAML 1.1 reader (the Postman CLI's) takes for a date or a number: postman-v3 quotes them
  '2025-10-15T13:51:01.572Z',
  '2024-12-31 10:00:00',
  '2024-01-01T10:00:00+02:00',
  '2024-1-1 1:00:00',
  '2024-13-45',
  '-1_000',
  '1_0.5',
  '0x_1F',
  '12:30:00',
  '1:20.5',
  'ON',
  'Yes',
  '<<',
  '=',
  '{{base_url}}',
  '{{base_url}}/x/:id',
  'https://example.com/a?b=c#d',
  "it's",
  'say "hi"',
  'both \' and "',
  'back\\slash',
  'ünïcödé ✓ 日本',
  'emoji 🎉',
  '\u00a0nbsp',
  'line\u2028separator',
  'x'.repeat(2000),
  `${'word '.repeat(400)}end`,
];

/** Multi-line strings: scripts, JSON bodies, and the block scalar's indicator cases. */
const MULTI_LINE = [
  'a\nb',
  'a\nb\n',
  'a\nb\n\n',
  'a\nb\n\n\n',
  '\na',
  '\n\na\n',
  '  indented\nnext',
  ' one space\n',
  'a\n  b\n',
  'a\n\n\nb',
  'a\n \nb',
  'a  \nb',
  'a\nb  ',
  'a\nb \n',
  'a\n\t\n',
  '\n',
  '\n\n',
  'x: 1\ny: 2',
  '# comment\ncode();',
  '- a\n- b',
  '---\nx',
  'a\n---\nb',
  'a\n...\n',
  '%x\ny',
  'a\n%b',
  '"quoted"\n',
  "'single'\n",
  'tab\tin\nline',
  '\tstarts with tab\n',
  '{\n  "name": "item 1",\n  "tags": [\n    "a"\n  ]\n}',
  '// header\nconst pm = require("./lib/x");\n\nawait pm.settle();\n',
  `${'long line '.repeat(300)}\nnext`,
];

/** Strings the emitter leaves to `yaml` (escapes it writes its own way). */
const TO_YAML = [
  '\r',
  'a\rb',
  'a\r\nb',
  '\x00',
  '\x07',
  '\x1b[0m',
  '\x7f',
  '\x85',
  '\ud800',
  'a\nb\r\n',
  // blanks after the last line break: yaml quotes the string
  'a\n ',
  'a\n\t',
  'a\n \t',
];

const NUMBERS = [0, 1, -1, 42, 1000, 2 ** 53 - 1, -(2 ** 53) + 1];
const OTHER = [true, false];

describe('yamlText: the yaml package’s bytes', () => {
  it("tests for the core schema's scalars are the yaml package's own", () => {
    const tags = new Document().schema.tags as { default?: boolean; tag: string; test?: RegExp }[];
    const tests = tags.filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test).map((t) => t.test!);
    expect(CORE_SCALAR_TESTS.map(String)).toEqual(tests.map(String));
  });

  it("tests for the YAML 1.1 schema's scalars (postman-v3, beside the core schema's) are the yaml package's own", () => {
    const tags = new Document(null, { schema: 'yaml-1.1' }).schema.tags as {
      default?: boolean;
      tag: string;
      test?: RegExp;
    }[];
    const tests = tags.filter((t) => t.default && t.tag !== 'tag:yaml.org,2002:str' && t.test).map((t) => t.test!);
    expect(YAML_11_SCALAR_TESTS.map(String)).toEqual(tests.map(String));
  });

  describe.each(STYLES)('%s', (style) => {
    const emits = (value: unknown) => {
      const text = emitYaml(value, style);
      expect(text, JSON.stringify(value)).toBe(expected(value, style));
      expect(yamlText(value, style)).toBe(expected(value, style));
    };

    it.each([...ONE_LINE, ...MULTI_LINE].map((s) => [JSON.stringify(s).slice(0, 60), s]))(
      'string %s: as a value, a list item, a nested value, and a key',
      (_, s) => {
        emits({ value: s });
        emits({ list: [s, 'x'] });
        emits({ a: { b: [{ c: s, d: [s] }] } });
        if (!s.includes('\n') && s.length < 1000) emits({ [s]: 'v', next: { [s]: [s] } });
      },
    );

    it.each(TO_YAML.map((s) => [JSON.stringify(s), s]))('string %s goes to yaml, which writes it', (_, s) => {
      expect(emitYaml({ value: s }, style)).toBeUndefined();
      expect(yamlText({ value: s }, style)).toBe(expected({ value: s }, style));
    });

    it.each([...NUMBERS, ...OTHER].map((v) => [String(v), v]))('scalar %s', (_, v) => emits({ v, list: [v] }));

    it.each([
      { name: 'empty map', value: {} },
      { name: 'empty collections', value: { a: {}, b: [], c: [[], {}], d: { e: [] } } },
      {
        name: 'list of lists',
        value: {
          a: [
            ['x', 'y'],
            ['z', ['w']],
          ],
        },
      },
      { name: 'list of maps', value: { a: [{ b: 1, c: { d: 'e' } }, { f: [] }] } },
      { name: 'a block scalar in a list in a map', value: { a: [{ code: 'x\ny\n', type: 'js' }] } },
      { name: 'undefined values drop their key', value: { a: undefined, b: 'x', c: { d: undefined } } },
      { name: 'integer-like keys', value: { b: 1, 2: 'two', 1: 'one', a: 0 } },
      { name: 'a root list', value: ['a', { b: 'c' }, ['d']] },
      { name: 'a root empty list', value: [] },
      {
        name: 'keys that read as document markers',
        value: { '--- x': 1, '...': { '---': 2, '... y': [{ '---': 3 }] } },
      },
    ])('$name', ({ value }) => emits(value));

    it.each([
      { name: 'null', value: { a: null } },
      { name: 'a float', value: { a: 1.5 } },
      { name: 'minus zero', value: { a: -0 } },
      { name: 'NaN', value: { a: NaN } },
      { name: 'a Date', value: { a: new Date(0) } },
      { name: 'a Map', value: { a: new Map([['k', 'v']]) } },
      { name: 'a hole in a list', value: { a: new Array<string>(2).fill('x', 1) } },
      { name: 'a root string', value: 'text' },
      { name: 'a key over 1,000 characters', value: { ['k'.repeat(1001)]: 1 } },
      { name: 'a multi-line key', value: { 'a\nb': 1 } },
    ])('$name goes to yaml', ({ value }) => {
      expect(emitYaml(value, style)).toBeUndefined();
      expect(yamlText(value, style)).toBe(expected(value, style));
    });

    it('one object twice', () => {
      const shared = { type: 'bearer' };
      const value = { a: shared, b: [shared] };
      // Bruno's style keeps yaml's anchors and aliases for it, so yaml writes it; postman-v3 writes it twice.
      expect(emitYaml(value, style) === undefined).toBe(style === 'bruno');
      expect(yamlText(value, style)).toBe(expected(value, style));
    });

    it('random values of the renderers’ shapes', () => {
      // Strings from an alphabet of the characters that decide quoting, so the edge cases meet often.
      const char = fc.constantFrom(...[...' \n\t:#-?,[]{}&*!|>\'"%@`~.0x1eE+abyntrufls\\é🎉'], '---');
      const text = fc.oneof(
        fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')),
        fc.constantFrom(...ONE_LINE, ...MULTI_LINE),
        fc.string(),
        fc.string({ unit: 'binary', maxLength: 8 }),
      );
      const scalar = fc.oneof(text, fc.integer(), fc.boolean());
      const value = fc.letrec((tie) => ({
        node: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
        list: fc.array(tie('node'), { maxLength: 4 }),
        map: fc.dictionary(text, tie('node'), { maxKeys: 4 }),
      })).map;
      let emitted = 0;
      fc.assert(
        fc.property(value, (v) => {
          const text = emitYaml(v, style);
          if (text !== undefined) emitted++;
          expect(text ?? expected(v, style)).toBe(expected(v, style));
        }),
        params(2000),
      );
      // The property must mostly test the emitter, not the fallback.
      expect(emitted).toBeGreaterThan(1000);
    });
  });
});

/** A config reaching what the examples do not: signing, DPoP, profiles, every body kind, disabled entries. */
const SIGNED = {
  name: 'Signed API',
  auth: { type: 'oauth2', tokenUrl: '{{base_url}}/token', clientAuth: 'private_key_jwt', dpop: { algorithm: 'ES256' } },
  authProfiles: { edge: { type: 'oauth2', tokenUrl: 'http://127.0.0.1:9/token', retryOn401: true } },
  environments: { dev: { base_url: 'https://dev.example.com', client_id: 'signed', client_id_edge: 'edge' } },
  items: [
    { name: 'List', url: '{{base_url}}/list', query: { page: '1', q: 'a: b #c' }, expect: { status: [200, 201] } },
    {
      name: 'Edge',
      auth: 'edge',
      items: [{ name: 'Ping', method: 'PUT', url: '{{base_url}}/ping/:id', pathVariables: { id: '1' } }],
    },
    {
      name: 'Open',
      auth: 'none',
      method: 'POST',
      url: '{{base_url}}/open',
      body: { urlencoded: { a: '1', b: 'yes' } },
    },
    { name: 'Form', method: 'POST', url: '{{base_url}}/form', body: { form: { file: 'x', note: "it's" } } },
    {
      name: 'Raw',
      method: 'POST',
      url: '{{base_url}}/raw',
      body: { raw: '<a>\n  b\n</a>\n', contentType: 'application/xml' },
    },
  ],
};

describe.each([
  ['examples/orders-api', () => buildFromConfigFile(join(REPO, 'examples/orders-api/gen-collection.config.json'))],
  [
    'examples/inventory-yaml',
    () => buildFromConfigFile(join(REPO, 'examples/inventory-yaml/gen-collection.config.yaml')),
  ],
  ['a signed DPoP config with profiles', () => buildFromConfig(SIGNED, { baseDir: REPO })],
])('the files of %s', (_, build) => {
  // Read back, each file's value is written by the emitter itself: the build never needs yaml's stringify.
  it.each(STYLES)('as %s are the emitter’s', async (style) => {
    const files = (await renderFormat((await build()).plan, style)).filter((f) => /\.ya?ml$/.test(f.path));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) expect(emitYaml(parse(file.content), style), file.path).toBe(file.content);
  });
});
