/**
 * writeFilesAtomic: every file written or none. A missing directory is written whole beside its place and
 * renamed in once; in an existing one each file goes through a temporary file, and an unchanged file is left alone.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GenCollectionError } from '../src/errors.js';
import { jsonPieces, jsonText, piecewiseFile, writeFilesAtomic, type OutputFile } from '../src/write-files.js';
import { tempDir } from './helpers/temp-dir.js';

/** Every file under `dir`, relative, sorted (temporary files and directories included). */
function listAll(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .map((e) => `${relative(dir, join(e.parentPath, e.name))}${e.isDirectory() ? '/' : ''}`)
    .sort();
}

const files = (root: string, entries: Record<string, string>, mode?: number): OutputFile[] =>
  Object.entries(entries).map(([name, content]) => ({
    path: join(root, name),
    content,
    ...(mode !== undefined ? { mode } : {}),
  }));

describe('writeFilesAtomic', () => {
  it.each([
    { name: 'a missing output directory', existing: [] as string[], out: 'out' },
    { name: 'a missing directory two levels down', existing: [], out: 'a/b/out' },
    { name: 'an existing empty output directory', existing: ['out'], out: 'out' },
  ])('writes a tree into $name, no temporary left', async ({ existing, out }) => {
    const { dir } = tempDir();
    for (const d of existing) mkdirSync(join(dir, d), { recursive: true });
    const root = join(dir, out);
    await writeFilesAtomic(files(root, { 'x.json': '{}\n', 'c/d/e.yaml': 'e: 1\n', 'c/f.yaml': 'ü\n' }));
    expect(listAll(root)).toEqual(['c/', 'c/d/', 'c/d/e.yaml', 'c/f.yaml', 'x.json']);
    expect(readFileSync(join(root, 'c/f.yaml'), 'utf8')).toBe('ü\n');
    expect(listAll(dir).filter((f) => f.includes('.tmp'))).toEqual([]);
  });

  it('sets the mode of a secret file, in a new directory and in an existing one', async () => {
    const { dir } = tempDir();
    mkdirSync(join(dir, 'old'));
    await writeFilesAtomic([
      ...files(join(dir, 'new'), { 's.json': 'a' }, 0o600),
      ...files(join(dir, 'old'), { 's.json': 'b' }, 0o600),
    ]);
    expect(statSync(join(dir, 'new/s.json')).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'old/s.json')).mode & 0o777).toBe(0o600);
  });

  it('leaves an unchanged file alone, rewrites a changed one, adds a new folder beside them', async () => {
    const { dir } = tempDir();
    const root = join(dir, 'out');
    await writeFilesAtomic(files(root, { 'same.yaml': 'same\n', 'changed.yaml': 'old\n' }));
    const before = statSync(join(root, 'same.yaml')).ino;
    await writeFilesAtomic(files(root, { 'same.yaml': 'same\n', 'changed.yaml': 'new\n', 'Folder/r.yaml': 'r\n' }));
    expect(statSync(join(root, 'same.yaml')).ino).toBe(before);
    expect(readFileSync(join(root, 'changed.yaml'), 'utf8')).toBe('new\n');
    expect(listAll(root)).toEqual(['Folder/', 'Folder/r.yaml', 'changed.yaml', 'same.yaml']);
  });

  it('rewrites a file whose bytes only decode to its content (an invalid byte read as U+FFFD)', async () => {
    const { dir } = tempDir();
    writeFileSync(join(dir, 'a.yaml'), Buffer.from([0x61, 0xff]));
    await writeFilesAtomic(files(dir, { 'a.yaml': 'a\uFFFD' }));
    expect([...readFileSync(join(dir, 'a.yaml'))]).toEqual([0x61, 0xef, 0xbf, 0xbd]);
  });

  it('brings nothing along from a temporary tree an earlier run of the same process id left', async () => {
    const { dir } = tempDir();
    mkdirSync(join(dir, `.out.${process.pid}.tmp`));
    writeFileSync(join(dir, `.out.${process.pid}.tmp`, 'junk.yaml'), 'junk');
    await writeFilesAtomic(files(join(dir, 'out'), { 'a.yaml': 'a' }));
    expect(listAll(dir)).toEqual(['out/', 'out/a.yaml']);
  });

  it.each<{ name: string; existing: Record<string, string>; entries: Record<string, string> }>([
    // the second file needs a directory where the first one is a file
    { name: 'in a new directory', existing: {}, entries: { 'new/a.yaml': 'a', 'new/a.yaml/b.yaml': 'b' } },
    {
      name: 'in an existing directory',
      existing: { 'kept.yaml': 'kept' },
      entries: { 'x.yaml': 'x', 'kept.yaml/b.yaml': 'b' },
    },
    {
      name: 'across both',
      existing: { 'kept.yaml': 'kept' },
      entries: { 'kept.yaml': 'changed', 'new/a.yaml': 'a', 'kept.yaml/c/b.yaml': 'b' },
    },
  ])('a failure $name: a GenCollectionError, nothing written, no temporary left', async ({ existing, entries }) => {
    const { dir } = tempDir();
    const root = join(dir, 'out');
    mkdirSync(root);
    for (const [name, content] of Object.entries(existing)) writeFileSync(join(root, name), content);
    const before = listAll(root);
    const error = await writeFilesAtomic(files(root, entries)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GenCollectionError);
    expect((error as GenCollectionError).code).toBe('io');
    expect(listAll(root)).toEqual(before);
    for (const [name, content] of Object.entries(existing))
      expect(readFileSync(join(root, name), 'utf8')).toBe(content);
  });
});

// A v2.1 collection is written piece by piece (its folders and requests one at a time), never as one string.
describe('jsonPieces and piecewiseFile', () => {
  const collection = JSON.parse(
    readFileSync(join(import.meta.dirname, 'fixtures/collections/app-every-auth-type.postman_collection.json'), 'utf8'),
  ) as object;
  const cases: { name: string; value: unknown }[] = [
    { name: 'a Postman app export (every auth type)', value: collection },
    { name: 'an empty object', value: {} },
    { name: 'an object without item', value: { a: 1, b: 'x', c: [1, { d: null }], e: {} } },
    { name: 'an empty item list', value: { info: { name: 'n' }, item: [] } },
    {
      name: 'items holding undefined, a function and nested lists',
      value: { item: [undefined, () => 1, [[]], { item: [{}] }] },
    },
    {
      name: 'keys and strings that need escapes',
      value: { 'a"b\n': 'x\ny', item: [{ name: 'ü\u2028"\\' }], z: '\uD83D\uDE00' },
    },
    {
      name: 'undefined, function and symbol values left out',
      value: { a: undefined, b: () => 0, c: Symbol('s'), item: [1], d: 2 },
    },
    { name: 'every key left out', value: { a: undefined } },
    { name: 'a toJSON on the value', value: { toJSON: () => ({ item: [1, 2] }) } },
    {
      name: 'a toJSON on a property',
      value: { when: new Date(0), item: [{ at: new Date(1) }], gone: { toJSON: () => undefined } },
    },
    { name: 'a toJSON that reads its key', value: { a: { toJSON: (key: string) => `key ${key}` }, item: [1] } },
    {
      name: 'an own __proto__ key',
      value: JSON.parse('{"__proto__": {"x": [1]}, "item": [{"__proto__": 2}]}') as unknown,
    },
    { name: 'item not a list', value: { item: { a: [1, 2] } } },
    { name: 'a top-level list', value: [{ item: [1] }, 2] },
    { name: 'a string', value: 'text' },
    { name: 'null', value: null },
  ];

  it.each(cases)('joined, they are jsonText: $name', ({ value }) => {
    expect([...jsonPieces(value)].join('')).toBe(jsonText(value));
  });

  it('the export comes in one piece per item, the content getter joins them', () => {
    const pieces = [...jsonPieces(collection)];
    expect(pieces.length).toBeGreaterThan((collection as { item: unknown[] }).item.length);
    const file = piecewiseFile('/x.json', () => jsonPieces(collection));
    expect(file.content).toBe(jsonText(collection));
  });

  it('a collection over the write batch (1 MB) is written whole, its pieces in order', async () => {
    const { dir } = tempDir();
    const big = {
      info: { name: 'big' },
      item: Array.from({ length: 3000 }, (_, i) => ({ name: `r${i}`, x: 'ü'.repeat(400) })),
    };
    const path = join(dir, 'big.json');
    await writeFilesAtomic([piecewiseFile(path, () => jsonPieces(big))]);
    expect(jsonText(big).length).toBeGreaterThan(1 << 20);
    expect(readFileSync(path, 'utf8')).toBe(jsonText(big));
  });

  it('writes the same bytes as the joined content, with a mode when given, and leaves an unchanged file alone', async () => {
    const { dir } = tempDir();
    mkdirSync(join(dir, 'out'));
    const path = join(dir, 'out', 'c.json');
    await writeFilesAtomic([piecewiseFile(path, () => jsonPieces(collection))]);
    expect(readFileSync(path, 'utf8')).toBe(jsonText(collection));
    const before = statSync(path);
    await writeFilesAtomic([piecewiseFile(path, () => jsonPieces(collection))]);
    expect(statSync(path).ino).toBe(before.ino);
    // one byte different: rewritten
    const changed = { ...collection, info: { name: 'other' } };
    await writeFilesAtomic([piecewiseFile(path, () => jsonPieces(changed))]);
    expect(readFileSync(path, 'utf8')).toBe(jsonText(changed));
    const secret = { ...piecewiseFile(join(dir, 'out', 's.json'), () => jsonPieces({ a: 1 })), mode: 0o600 };
    await writeFilesAtomic([secret]);
    expect(statSync(join(dir, 'out', 's.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'out', 's.json'), 'utf8')).toBe('{\n  "a": 1\n}\n');
  });
});
