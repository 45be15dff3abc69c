import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { CORE_SCHEMA, dump, load } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { loadSpec } from '../../src/openapi/index.js';
import { oneByteYaml, parseYamlWithLines } from '../../src/openapi/yaml-lines.js';
import { toPointer } from '../../src/json/pointer.js';
import { thrownError } from '../helpers/gen-collection-error.js';
import { tempDir } from '../helpers/temp-dir.js';

const work = tempDir('gen-collection-one-byte-yaml-').dir;

/** js-yaml's reading of the text as written: what the stand-ins must give back. */
const asWritten = (text: string): unknown => load(text, { schema: CORE_SCHEMA });

/** The pointer of every object and list in a value (the pointers a YAML spec's `locate` answers for). */
function containerPointers(value: unknown, at: string[] = [], out: string[] = []): string[] {
  if (typeof value !== 'object' || value === null) return out;
  out.push(toPointer(at));
  for (const [key, child] of Object.entries(value)) containerPointers(child, [...at, key], out);
  return out;
}

/** Parses a text through `oneByteYaml` as `loadSpec` does; the text as written when it gives none. */
function viaStandIns(text: string) {
  const bytes = Buffer.from(text, 'utf8');
  const source = oneByteYaml(bytes, 0);
  if (!source) return undefined;
  return { source, ...parseYamlWithLines(source.text, source.standIns) };
}

// Characters of every kind the text can hold: ASCII, Latin-1 (the stand-ins' own range among them), the BMP
// beyond it, and astral ones (two UTF-16 units, four UTF-8 bytes).
const char = fc.constantFrom(...'aZ09 _-/.:#{}[],"\'\\é\u00a1\u00a2\u00bf\u00d7\u00ff\u00ad’—€₽–中\u2028', '🍫', '🪲');
const text = fc.array(char, { maxLength: 12 }).map((chars) => chars.join(''));
const tree: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof({ depthSize: 'small' }, text, fc.integer(), fc.boolean(), tie('list'), tie('map')),
  list: fc.array(tie('node'), { maxLength: 4 }),
  map: fc.dictionary(text, tie('node'), { maxKeys: 4 }),
})).node;
const style = fc.record({
  flowLevel: fc.constantFrom(-1, 0, 1),
  forceQuotes: fc.boolean(),
  quotingType: fc.constantFrom<"'" | '"'>("'", '"'),
  lineWidth: fc.constantFrom(8, 80),
});

describe('oneByteYaml: a YAML text one byte a character, its characters beyond Latin-1 put back when parsed', () => {
  it('gives the value and the lines of the text as written, for every style js-yaml writes (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(text, tree, { minKeys: 1, maxKeys: 5 }), style, (value, options) => {
        const written = dump(value, { ...options, schema: CORE_SCHEMA });
        let expected: unknown;
        try {
          expected = asWritten(written);
        } catch {
          // js-yaml writes some keys in flow style that it cannot read back (`{a:]: x}`): so do the stand-ins
          expect(() => viaStandIns(written)).toThrow();
          return;
        }
        const parsed = viaStandIns(written);
        expect(parsed).toBeDefined();
        expect(parsed!.source.text).toMatch(/^[\0-\xff]*$/);
        expect(parsed!.root).toEqual(expected);
        // keys in the same order
        expect(JSON.stringify(parsed!.root)).toBe(JSON.stringify(expected));
        const asWrittenLines = parseYamlWithLines(written).locate;
        for (const pointer of containerPointers(expected))
          expect(parsed!.locate(pointer), pointer).toEqual(asWrittenLines(pointer));
      }),
      { numRuns: 300 },
    );
  });

  it('puts the characters back in keys, anchors and aliases, block and quoted scalars, and leaves comments out', () => {
    const written = [
      'openapi: 3.1.0 # a comment with ’ and 🍫',
      'info:',
      '  title: &title Crédit — ’quoted’ 🍫',
      '  description: |',
      '    Line one: €5,',
      '    line two: ₽ 🪲',
      '  summary: >',
      '    folded ’',
      '    text',
      '  x-alias: *title',
      '  x-double: "a\\u2019b ’ \\U0001F36B 🍫"',
      "  x-single: 'it''s ’'",
      '  x-flow: { ’key’: [a—b, 🍫] }',
      '  ? explicit ’ key',
      '  : value',
      '“key”: 1',
      '',
    ].join('\n');
    const parsed = viaStandIns(written)!;
    expect(parsed.source.standIns?.chars.size).toBe(8);
    expect(parsed.root).toEqual(asWritten(written));
    expect(parsed.root).toMatchObject({
      info: { title: 'Crédit — ’quoted’ 🍫', 'x-alias': 'Crédit — ’quoted’ 🍫', 'explicit ’ key': 'value' },
      '“key”': 1,
    });
  });

  it('picks stand-ins the text does not use', () => {
    // every stand-in candidate but three is used by the text itself
    const used = Array.from({ length: 0xff - 0xa1 + 1 }, (_, i) => String.fromCharCode(0xa1 + i))
      .filter((c) => c !== '\u00ad')
      .slice(3)
      .join('');
    const written = `a: "${used}"\nb: ’—€\n`;
    const parsed = viaStandIns(written)!;
    expect(parsed.source.standIns?.chars.size).toBe(3);
    expect(parsed.root).toEqual(asWritten(written));
    // one more distinct character than there are free stand-ins: the text as written
    expect(viaStandIns(`a: "${used}"\nb: ’—€₽\n`)).toBeUndefined();
  });

  it('a Latin-1 text needs no stand-ins; an ASCII text is the bytes as they are', () => {
    expect(viaStandIns('a: Crédit ×\n')!.source).toEqual({ text: 'a: Crédit ×\n' });
    expect(viaStandIns('a: b\n')!.source).toEqual({ text: 'a: b\n' });
  });

  it('gives none for characters js-yaml treats apart, and for invalid UTF-8', () => {
    for (const apart of ['\ufeff', '\ufffe', '\uffff']) expect(viaStandIns(`a: ’${apart}\n`)).toBeUndefined();
    expect(oneByteYaml(Buffer.from([0x61, 0x3a, 0x20, 0xc3, 0x28, 0x0a]), 0)).toBeUndefined();
  });

  it('reads from `start`, past the byte order marks', () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    const source = oneByteYaml(Buffer.concat([bom, Buffer.from('a: ’\n')]), 3)!;
    expect(parseYamlWithLines(source.text, source.standIns).root).toEqual({ a: '’' });
  });
});

describe('loadSpec: a YAML spec with characters beyond Latin-1', () => {
  // A BOM in a comment makes `oneByteYaml` give none: the text is read as written, as before stand-ins.
  const spec = (extra: string, asWritten = false) =>
    [
      `openapi: 3.0.3${asWritten ? ' # \ufeff' : ''}`,
      'info: { title: Crédit ’ 🍫, version: "1" }',
      'paths: {}',
      extra,
      '',
    ].join('\n');

  it('reads the values of the text as written', async () => {
    const written = spec('x-note: “€” 🪲');
    const { spec: loaded, locate } = await loadSpec(join(work, write('wide.yaml', written)));
    expect(loaded).toEqual(asWritten(written));
    expect(loaded).toEqual(
      (await loadSpec(join(work, write('wide-as-written.yaml', spec('x-note: “€” 🪲', true))))).spec,
    );
    expect(locate?.('/info')).toEqual({ line: 2, column: 1 });
  });

  // The error, line and column of the text as written: an astral character before the error would move the
  // column in the text with stand-ins by one.
  const invalid = [
    { name: 'an unknown escape after a wide character', extra: 'x: "🍫 \\’"', line: 4 },
    { name: 'a character js-yaml refuses', extra: 'x: ’ \u0001', line: undefined },
    { name: 'a syntax error after astral characters', extra: 'x: [🍫🍫, b', line: 5 },
  ];
  it.each(invalid)('$name: the error of the text as written', async ({ extra, line }) => {
    const error = await thrownError(() => loadSpec(join(work, write('invalid-wide.yaml', spec(extra)))));
    const before = await thrownError(() => loadSpec(join(work, write('invalid-wide.yaml', spec(extra, true)))));
    expect(error.code).toBe('spec-invalid');
    expect(error.message).toMatch(/YAML/);
    expect(error.line).toBe(line);
    expect(error.message).toBe(before.message);
    expect({ ...error }).toEqual({ ...before });
  });
});

function write(name: string, content: string): string {
  writeFileSync(join(work, name), content);
  return name;
}

it('containerPointers: every object and list, keys escaped as JSON pointers', () => {
  expect(containerPointers({ 'a/b': { '~': [] }, c: 'd' })).toEqual(['', '/a~1b', '/a~1b/~0']);
});
