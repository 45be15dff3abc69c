import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/audit/audit-files.js';
import { buildFromConfig, buildFromConfigFile } from '../../src/build/build-from-config.js';
import { GenCollectionError } from '../../src/errors.js';
import { injectCollection } from '../../src/inject/inject-collection.js';
import { MAX_JSON_NESTING, MAX_YAML_NESTING, tooDeepOffset, tooDeepPointer } from '../../src/json/nesting.js';
import { buildFromSpec } from '../../src/build/build-from-spec.js';
import { Warnings } from '../../src/warnings.js';
import { listFiles, runCli } from '../cli/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { oauth2 } from '../helpers/oauth2.js';
import {
  folderColumn,
  folderPointer,
  nestedFolders,
  nestedObjects,
  nestedYamlBlocks,
  objectPointer,
} from '../helpers/nested.js';

describe('tooDeepPointer: the first array or object past the limit, depth first', () => {
  it.each<[string, unknown, number, string | undefined]>([
    ['a scalar', 'x', 1, undefined],
    ['the root within the limit', {}, 1, undefined],
    ['the root past a limit of 0', [], 0, ''],
    ['a member at level 2 with limit 1', { a: { b: 1 } }, 1, '/a'],
    ['scalars do not count as a level', { a: { b: 1 } }, 2, undefined],
    ['array elements', [[1], [[2]]], 2, '/1/0'],
    ['document order: the first member that is too deep', { x: [[]], y: [[]] }, 2, '/x/0'],
    ['keys escaped as in any pointer', { 'a/b': { '~': {} } }, 2, '/a~1b/~0'],
    ['nested objects at exactly the limit', JSON.parse(nestedObjects(MAX_JSON_NESTING)), MAX_JSON_NESTING, undefined],
    [
      'nested objects one past the limit',
      JSON.parse(nestedObjects(MAX_JSON_NESTING + 1)),
      MAX_JSON_NESTING,
      objectPointer(MAX_JSON_NESTING + 1),
    ],
  ])('%s', (_name, value, limit, pointer) => {
    expect(tooDeepPointer(value, limit)).toBe(pointer);
  });

  it('does not itself overflow on 100,000 levels', () => {
    expect(tooDeepPointer(JSON.parse('['.repeat(100_000) + ']'.repeat(100_000)), MAX_JSON_NESTING)).toBe(
      '/0'.repeat(MAX_JSON_NESTING),
    );
  });
});

describe('tooDeepOffset: where brackets in JSON text (valid or not) first pass the limit', () => {
  it.each<[string, string, number, number | undefined]>([
    ['flat', '{"a": [1, 2]}', 2, undefined],
    ['one past', '{"a": [[1]]}', 2, 7],
    ['brackets inside strings do not count', '["[[[", "\\"[[["]', 1, undefined],
    ['unclosed brackets count', '[[[', 2, 2],
    ['an unterminated string ends at the line break', '["[[[\n[[', 2, 7],
  ])('%s', (_name, text, limit, offset) => {
    expect(tooDeepOffset(text, limit)).toBe(offset);
  });
});

/** The error a call rejects with, or 'ok'; anything but a GenCollectionError fails the test. */
async function outcome(run: () => unknown): Promise<'ok' | GenCollectionError> {
  try {
    await run();
    return 'ok';
  } catch (error) {
    if (error instanceof GenCollectionError) return error;
    throw error;
  }
}

const tmp = tempDir('gen-collection-nesting-');
const write = tmp.write;
const inject = (text: string) => injectCollection(text, { file: 'in.json', auth: oauth2(), warnings: new Warnings() });
const audit = (text: string) => auditFiles([{ file: 'in.json', text }]);
// Each input nests `levels` deep: a chain of objects whose outermost sits at level s is levels − s + 1 long, and
// the first object past `limit` is its level limit + 2 − s.
const collection = (levels: number) =>
  `{"info":{"name":"Deep"},"item":[],"variable":[{"key":"k","value":${nestedObjects(levels - 3)}}]}`;
const config = (levels: number) =>
  `{"name":"Deep","items":[{"name":"r","url":"u","body":{"json":${nestedObjects(levels - 4)}}}]}`;
const spec = (levels: number) =>
  `{"openapi":"3.0.3","info":{"title":"Deep","version":"1"},"paths":{},"x-deep":${nestedObjects(levels - 1)}}`;
const specYaml = (levels: number) =>
  `openapi: 3.0.3\ninfo:\n  title: Deep\n  version: "1"\npaths: {}\nx-deep:\n${nestedYamlBlocks(levels - 1).replace(/^/gm, '  ')}`;
const configYaml = (levels: number) => `name: Deep\nvariables:\n${nestedYamlBlocks(levels - 1).replace(/^/gm, '  ')}`;

/** [reader, its limit, input text of `levels` levels, the reader on that text, the pointer of level limit + 1] */
const READERS: [string, number, (levels: number) => string, (text: string) => unknown, string][] = [
  [
    'inject: collection',
    MAX_JSON_NESTING,
    collection,
    inject,
    '/variable/0/value' + objectPointer(MAX_JSON_NESTING - 2),
  ],
  ['audit: collection', MAX_JSON_NESTING, collection, audit, '/variable/0/value' + objectPointer(MAX_JSON_NESTING - 2)],
  [
    'audit: environment',
    MAX_JSON_NESTING,
    (l) => `{"name":"dev","values":[{"key":"k","value":${nestedObjects(l - 3)}}]}`,
    audit,
    '/values/0/value' + objectPointer(MAX_JSON_NESTING - 2),
  ],
  [
    'build: JSON config',
    MAX_JSON_NESTING,
    config,
    (t) => buildFromConfigFile(write('c.json', t)),
    '/items/0/body/json' + objectPointer(MAX_JSON_NESTING - 3),
  ],
  [
    'build: YAML config',
    MAX_YAML_NESTING,
    configYaml,
    (t) => buildFromConfigFile(write('c.yaml', t)),
    '/variables' + objectPointer(MAX_YAML_NESTING),
  ],
  [
    'openapi: JSON spec',
    MAX_JSON_NESTING,
    spec,
    (t) => buildFromSpec(write('s.json', t)),
    '/x-deep' + objectPointer(MAX_JSON_NESTING),
  ],
  [
    'openapi: YAML spec',
    MAX_YAML_NESTING,
    specYaml,
    (t) => buildFromSpec(write('s.yaml', t)),
    '/x-deep' + objectPointer(MAX_YAML_NESTING),
  ],
];

describe('every reader takes nesting up to its limit and refuses one level more, naming the pointer', () => {
  it.each(READERS)('%s', async (name, limit, input, read, pointer) => {
    if (!name.includes('YAML')) {
      // the JSON input is exactly as deep as said
      expect(tooDeepOffset(input(limit), limit)).toBeUndefined();
      expect(tooDeepOffset(input(limit), limit - 1)).toBeDefined();
    }
    const within = await outcome(() => read(input(limit)));
    if (within !== 'ok') expect(within.message).not.toMatch(/nested more than/);
    const past = await outcome(() => read(input(limit + 1)));
    expect(past).toBeInstanceOf(GenCollectionError);
    const e = past as GenCollectionError;
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(`nested more than ${limit.toLocaleString('en-US')} levels deep`);
    expect(e.pointer).toBe(pointer);
    expect(e.fix).toMatch(/flatten the structure/);
  });

  it('buildFromConfig refuses a config value nested too deeply (no file read it)', async () => {
    const e = await outcome(() => buildFromConfig(JSON.parse(config(MAX_JSON_NESTING + 1)), { baseDir: tmp.dir }));
    expect(e).toBeInstanceOf(GenCollectionError);
    expect((e as GenCollectionError).pointer).toBe('/items/0/body/json' + objectPointer(MAX_JSON_NESTING - 3));
  });
});

describe('the 5,000-level nested folder of issue 16, through the CLI', () => {
  it.each([
    ['inject', ['inject', 'in.json', '-o', 'out/in.json', '--env-dir', 'out']],
    ['audit', ['audit', 'in.json']],
  ])('%s: exit 2 naming the pointer and the line, nothing written', (_name, args) => {
    const { dir, remove } = tempDir();
    try {
      writeFileSync(join(dir, 'in.json'), nestedFolders(5000));
      const r = runCli(args, dir);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        `in.json:1:${folderColumn(1000)}: ${folderPointer(1000)}: nested more than 2,000 levels deep`,
      );
      expect(r.stderr).not.toMatch(/internal error|RangeError/);
      expect(listFiles(dir)).toEqual(['in.json']);
    } finally {
      remove();
    }
  });
});

describe('the deepest folders the limit allows go through every command (the walkers recurse once a level)', () => {
  const FOLDERS = (MAX_JSON_NESTING - 5) >> 1; // 997: the request's url at level 1,999
  const configFolders = `{"name":"Deep","items":[${'{"name":"f","items":['.repeat(FOLDERS)}{"name":"r","url":"{{base_url}}/x","expect":{"status":200}}${']}'.repeat(FOLDERS)}]}`;

  it.each<[string, () => Promise<unknown>]>([
    ['inject', () => inject(nestedFolders(FOLDERS))],
    ['audit', async () => audit(nestedFolders(FOLDERS))],
    ['build', () => buildFromConfigFile(write('folders.json', configFolders))],
    // found by the fuzzer after merging inject's secret extraction: its walker spent four frames a level on arrays
    [
      'inject, arrays at the limit',
      () =>
        inject(
          `{"info":{"name":"Deep"},"item":[],"variable":[{"key":"k","value":${'['.repeat(MAX_JSON_NESTING - 3)}${']'.repeat(MAX_JSON_NESTING - 3)}}]}`,
        ),
    ],
  ])('%s', async (_name, run) => {
    expect(tooDeepOffset(nestedFolders(FOLDERS), MAX_JSON_NESTING - 1)).toBeUndefined();
    expect(await outcome(run)).toBe('ok');
  });
});

describe('YAML nested past the composers never reaches them (found by the fuzzer)', () => {
  // 1,200 nested block sequences: the yaml composer overflowed the stack inside a vitest worker, and V8 aborted
  // the whole process ("RegExpCompiler Allocation failed - process out of memory") instead of throwing.
  const sequences = Array.from({ length: 1200 }, (_, i) => ' '.repeat(i * 2) + '-').join('\n') + ' x\n';

  it.each<[string, () => Promise<unknown>]>([
    ['a spec', () => buildFromSpec(write('seqs.yaml', sequences))],
    ['a config', () => buildFromConfigFile(write('seqs.config.yaml', sequences))],
  ])('%s: exit 2 with the pointer, the line and the column', async (_name, run) => {
    const e = await outcome(run);
    expect(e).toBeInstanceOf(GenCollectionError);
    expect((e as GenCollectionError).message).toContain('nested more than 500 levels deep');
    expect((e as GenCollectionError).pointer).toBe('/0'.repeat(500));
    expect((e as GenCollectionError).line).toBe(501);
    expect((e as GenCollectionError).column).toBe(1001);
  });
});
