// Arbitraries for the property tests: valid documents (the repo's fixtures and examples) mutated the ways real
// files go wrong — truncated, types changed, keys deleted, nested past every limit, huge strings, lone UTF-16
// surrogates, NUL bytes, BOMs, CRLF, duplicate keys — and arbitrary JSON.
import fc from 'fast-check';
import { stringify as yamlStringify } from 'yaml';
import { MAX_JSON_NESTING, MAX_YAML_NESTING } from '../../src/json/nesting.js';

type Json = unknown;
export type Format = 'json' | 'yaml';

/** Nesting depths worth trying: around both limits, and far past them (the 5,000-level folder of issue 16). */
const DEPTHS = [
  MAX_YAML_NESTING - 1,
  MAX_YAML_NESTING,
  MAX_YAML_NESTING + 1,
  MAX_JSON_NESTING - 3,
  MAX_JSON_NESTING - 1,
  MAX_JSON_NESTING,
  MAX_JSON_NESTING + 1,
  5000,
];

/** Paths to the values of `doc` (root included, document order), not below depth 40: deep chains add nothing. */
function paths(doc: Json): (string | number)[][] {
  const out: (string | number)[][] = [];
  const stack: { node: Json; path: (string | number)[] }[] = [{ node: doc, path: [] }];
  while (stack.length > 0) {
    const { node, path } = stack.pop()!;
    out.push(path);
    if (typeof node !== 'object' || node === null || path.length >= 40) continue;
    const entries: [string | number, Json][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [k, v] of entries.reverse()) stack.push({ node: v, path: [...path, k] });
  }
  return out;
}

/** `doc` with the value at `path` replaced by `replace(old)` (undefined deletes it), copying only the containers on the path. */
function replaceAt(doc: Json, path: (string | number)[], replace: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return replace(doc);
  const [key, ...rest] = path;
  const copy = (Array.isArray(doc) ? [...doc] : { ...(doc as object) }) as Record<string | number, Json>;
  const next = replaceAt(copy[key!], rest, replace);
  if (next !== undefined || rest.length > 0) copy[key!] = next;
  else if (Array.isArray(copy)) copy.splice(Number(key), 1);
  else delete copy[key!];
  return copy;
}

/** A chain of `depth` arrays or objects, shaped like real nesting: folders (`item`), plain objects, arrays. */
function nested(depth: number, shape: 'folders' | 'objects' | 'arrays', leaf: Json): Json {
  let value = leaf;
  for (let i = 1; i < depth; i++)
    value =
      shape === 'arrays'
        ? [value]
        : shape === 'objects'
          ? { a: value }
          : i % 2
            ? [value]
            : { name: `f${i}`, item: value };
  return shape === 'folders' && depth % 2 === 0 ? [value] : value;
}

const oddStrings = fc.constantFrom(
  'x'.repeat(200_000),
  '\uD800',
  'a\uDC00b',
  '\uDBFF\uDBFF',
  'nul\u0000byte',
  '\uFEFFbom',
  'line\r\nbreak',
  '{{client_secret}}',
  '{{',
  '}}{{',
  '$ref',
  '#/components/schemas/X',
  '../outside.yaml',
  'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl',
  '__proto__',
  'constructor',
);

/** Values that replace a member: other types, empty containers, odd strings, deep nesting. */
const replacement: fc.Arbitrary<(old: Json) => Json | undefined> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc
      .constantFrom(null, 0, -1, 1.5, 1e308, true, false, '', [], {}, [null], { '': null })
      .map((v) => () => JSON.parse(JSON.stringify(v)) as Json),
  },
  { weight: 2, arbitrary: fc.constant(() => undefined) },
  { weight: 2, arbitrary: oddStrings.map((s) => () => s) },
  { weight: 1, arbitrary: fc.constant((old: Json) => (typeof old === 'string' ? old + '\uD83D' : old)) },
  { weight: 1, arbitrary: fc.constant((old: Json) => [old, old]) },
  { weight: 1, arbitrary: fc.constant((old: Json) => ({ old })) },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...DEPTHS), fc.constantFrom('folders' as const, 'objects' as const, 'arrays' as const))
      .map(
        ([d, s]) =>
          (old: Json) =>
            nested(d, s, old ?? null),
      ),
  },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => () => v) },
);

/** Fragments that steer a reader into its deeper code: `$ref`s (missing, circular, external), Postman auth, scripts, bodies. */
const fragments: Json[] = [
  { $ref: '#' },
  { $ref: '#/paths' },
  { $ref: '#/components/schemas/Missing' },
  { $ref: '#/definitions/Pet/properties/tags' },
  { $ref: 'components/item.yaml' },
  { $ref: 'missing.yaml#/x' },
  { $ref: 'https://example.com/spec.yaml' },
  { $ref: 7 },
  { type: 'object', properties: { a: { $ref: '#' } }, required: ['a'] },
  { allOf: [{ $ref: '#' }, { type: 'string' }], oneOf: [{}], anyOf: 'x' },
  {
    type: 'oauth2',
    oauth2: [
      { key: 'accessToken', value: 'x' },
      { key: 'clientSecret', value: 'hunter2hunter2' },
    ],
  },
  { type: 'oauth2', oauth2: { accessToken: 'x', tokenType: null } },
  { type: 'bearer', bearer: [{ key: 'token', value: '{{access_token}}' }] },
  { type: 'basic', basic: 'user:pass' },
  { type: 'apikey', apikey: [{ key: 'value', value: ['sk_live_0123456789abcdef'] }] },
  { listen: 'prerequest', script: { exec: ['// >>> gen-collection', 'x'] } },
  { listen: 'test', script: { exec: 'pm.test()' } },
  { mode: 'raw', raw: '{"password": "p4ssw0rd-value"}', options: { raw: { language: 'json' } } },
  { mode: 'urlencoded', urlencoded: [{ key: 'client_secret', value: 's3cr3t-value-1' }] },
  { raw: 'https://u:p@example.com/?access_token=abc123abc123abc123', query: 'x' },
  { name: 'f', item: [{ name: 'g', item: [] }] },
  { json: { a: [1] }, form: {} },
  {
    type: 'oauth2',
    tokenUrl: '{{t}}',
    grantType: 'jwt_bearer',
    clientAuth: 'private_key_jwt',
    assertion: { algorithm: 'ES256' },
  },
];

/** Keys that trip naive object handling, or make a member mean something else. */
const oddKeys = fc.constantFrom(
  '__proto__',
  'constructor',
  'toString',
  'hasOwnProperty',
  '',
  '$ref',
  'item',
  'items',
  'auth',
  'event',
  'value',
  '\uD800',
  'a\u0000b',
);

/** One structural mutation of a parsed document. */
function valueMutation(doc: Json): fc.Arbitrary<Json> {
  const all = paths(doc);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.tuple(fc.constantFrom(...all), replacement).map(([path, replace]) => replaceAt(doc, path, replace)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...all), fc.constantFrom(...fragments))
        .map(([path, fragment]) => replaceAt(doc, path, () => JSON.parse(JSON.stringify(fragment)) as Json)),
    },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom(...all), oddKeys, fc.constantFrom<Json>(null, 'x', {}, [], ...fragments))
        .map(([path, key, value]) =>
          replaceAt(doc, path, (old) => {
            if (typeof old !== 'object' || old === null || Array.isArray(old)) return old;
            const copy = { ...old };
            // defineProperty: an own member even for "__proto__", as JSON.parse makes it
            Object.defineProperty(copy, key, { value, enumerable: true, writable: true, configurable: true });
            return copy;
          }),
        ),
    },
  );
}

/** A document after one to three structural mutations. */
export function mutatedValue(doc: Json): fc.Arbitrary<Json> {
  return fc.integer({ min: 1, max: 3 }).chain((n) => {
    let arb: fc.Arbitrary<Json> = fc.constant(doc);
    for (let i = 0; i < n; i++) arb = arb.chain(valueMutation);
    return arb;
  });
}

/** A value as text in `format`: YAML via the yaml package, or as JSON (YAML 1.2 reads JSON too) when that fails or by chance. */
export function render(value: Json, format: Format, pretty: boolean): string {
  if (value === undefined) return ''; // the root deleted: an empty file
  try {
    if (format === 'yaml' && pretty) return yamlStringify(value, { aliasDuplicateObjects: false }) ?? '';
    return JSON.stringify(value, null, pretty ? 2 : undefined) ?? 'null';
  } catch {
    return compactJson(value); // nested too deeply for the recursive stringifiers
  }
}

/** JSON text of a JSON value without recursion. */
function compactJson(value: Json): string {
  class Raw {
    constructor(readonly text: string) {}
  }
  const out: string[] = [];
  const stack: Json[] = [value];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node instanceof Raw) {
      out.push(node.text);
    } else if (typeof node === 'object' && node !== null) {
      const entries = Array.isArray(node)
        ? node.map((v): [string | undefined, Json] => [undefined, v])
        : Object.entries(node);
      const parts = entries.flatMap(([k, v], i) => [
        ...(i ? [new Raw(',')] : []),
        ...(k === undefined ? [] : [new Raw(JSON.stringify(k) + ':')]),
        v,
      ]);
      out.push(Array.isArray(node) ? '[' : '{');
      stack.push(new Raw(Array.isArray(node) ? ']' : '}'), ...parts.reverse());
    } else {
      out.push(JSON.stringify(node) ?? 'null');
    }
  }
  return out.join('');
}

/** Text-level damage: what editors, shells and broken downloads do to a file. */
const textMutation: fc.Arbitrary<(text: string, format: Format) => string> = fc.oneof(
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (t: string) => t.slice(0, Math.floor(t.length * at))),
  fc.constant((t: string) => '\uFEFF' + t),
  fc.constant((t: string) => '\uFEFF\uFEFF' + t),
  fc.constant((t: string) => t.replace(/\n/g, '\r\n')),
  fc.constant((t: string) => t.replace(/\n/g, '\r')),
  fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.constantFrom(
        '\u0000',
        '\uD800',
        '\uDFFF',
        '\t',
        '"',
        "'",
        '{',
        '[',
        ']',
        '}',
        ',',
        ':',
        '#',
        '&a',
        '*a',
        '<<: *a',
        '!!binary',
        '\\',
        '\n- ',
        '\n  ',
        '---\n',
        '%YAML 1.1\n',
      ),
    )
    .map(([at, s]) => (t: string) => {
      const i = Math.floor(t.length * at);
      return t.slice(0, i) + s + t.slice(i);
    }),
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (t: string) => {
    const i = Math.floor(t.length * at);
    return t.slice(0, i) + t.slice(i + 1);
  }),
  // a duplicate key: repeat the first member of some object (JSON) or some mapping line (YAML)
  fc.double({ min: 0, max: 1, noNaN: true }).map((at) => (t: string, format: Format) => {
    if (format === 'json') {
      const opens = [
        ...t.matchAll(/\{\s*("(?:[^"\\]|\\.)*"\s*:\s*(?:"(?:[^"\\]|\\.)*"|-?\d[\d.eE+-]*|true|false|null))/g),
      ];
      const m = opens[Math.floor(opens.length * at)];
      return m ? t.slice(0, m.index + m[0].length) + ',' + m[1] + t.slice(m.index + m[0].length) : t;
    }
    const lines = t.split('\n');
    const keyed = lines.map((l, i) => [l, i] as const).filter(([l]) => /^\s*[\w$-]+:\s*\S/.test(l));
    const pick = keyed[Math.floor(keyed.length * at)];
    if (pick) lines.splice(pick[1] + 1, 0, pick[0]);
    return lines.join('\n');
  }),
  // YAML-only hazards on JSON text too: tabs as indentation, an alias bomb
  fc.constant((t: string) => t.replace(/\n {2}/g, '\n\t')),
  fc.constant((t: string, format: Format) =>
    format === 'yaml'
      ? `a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n${t}`
      : t,
  ),
);

/** Deeply nested text that no structural mutation reaches: brackets alone, unclosed, or YAML block indentation. */
const deepText: fc.Arbitrary<(format: Format) => string> = fc
  .tuple(fc.constantFrom(...DEPTHS), fc.constantFrom('[', '{"a":', '{a: ', '- '), fc.boolean())
  .map(([depth, open, closed]) => (format: Format) => {
    if (open === '- ')
      return format === 'yaml'
        ? Array.from({ length: Math.min(depth, 1200) }, (_, i) => ' '.repeat(i * 2) + '-').join('\n') + ' x\n'
        : '['.repeat(depth);
    const close = open === '[' ? ']' : '}';
    return open.repeat(depth) + (open === '[' ? '' : '1') + (closed ? close.repeat(depth) : '');
  });

/**
 * The text of a mutated input: a seed document (parsed value and its file text) → structural mutations,
 * rendered in `format`, then text-level damage; sometimes arbitrary JSON or deep nesting instead.
 */
export function mutatedText(seeds: readonly { value: Json; text: string }[], format: Format): fc.Arbitrary<string> {
  const fromSeed = fc.constantFrom(...seeds).chain((seed) =>
    fc.oneof(
      {
        weight: 4,
        arbitrary: fc.tuple(mutatedValue(seed.value), fc.boolean()).map(([v, pretty]) => render(v, format, pretty)),
      },
      {
        weight: 3,
        arbitrary: fc
          .array(textMutation, { minLength: 1, maxLength: 3 })
          .map((ms) => ms.reduce((t, m) => m(t, format), seed.text)),
      },
      {
        weight: 2,
        arbitrary: fc
          .tuple(mutatedValue(seed.value), fc.boolean(), textMutation)
          .map(([v, pretty, m]) => m(render(v, format, pretty), format)),
      },
    ),
  );
  return fc.oneof(
    { weight: 8, arbitrary: fromSeed },
    { weight: 1, arbitrary: fc.jsonValue().map((v) => render(v, format, true)) },
    { weight: 1, arbitrary: deepText.map((make) => make(format)) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }) },
  );
}

/** A text as the bytes of a file: mostly UTF-8, sometimes UTF-16 with a BOM, Latin-1 or UTF-8 with a stray byte. */
export function fileBytes(text: fc.Arbitrary<string>): fc.Arbitrary<Uint8Array> {
  return fc
    .tuple(text, fc.integer({ min: 0, max: 19 }), fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([t, pick, at]) => {
      switch (pick) {
        case 0:
          return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(t, 'utf16le')]);
        case 1:
          return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(t, 'utf16le').swap16()]);
        case 2:
          return Buffer.from(t, 'latin1');
        case 3: {
          const bytes = Buffer.from(t, 'utf8');
          const i = Math.floor(bytes.length * at);
          return Buffer.concat([bytes.subarray(0, i), Buffer.from([0xc3]), bytes.subarray(i)]);
        }
        default:
          return Buffer.from(t, 'utf8');
      }
    });
}
