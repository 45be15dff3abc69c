/**
 * `--format` and the config's `formats` through the real binary: which files each format writes, the same
 * bytes for the same inputs, an unknown format refused with exit 2 and the fix, nothing written.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/temp-dir.js';
import { listFiles, runCli } from './run-cli.js';

const EXAMPLE = join(import.meta.dirname, '../../examples/orders-api');
const PETSTORE = join(import.meta.dirname, '../fixtures/openapi/petstore-3.0.yaml');

const V21 = [
  'orders-api.dev.postman_environment.json',
  'orders-api.postman_collection.json',
  'orders-api.staging.postman_environment.json',
];
const V3 = [
  'collections/orders-api/.resources/definition.yaml',
  'collections/orders-api/Health.request.yaml',
  'collections/orders-api/Orders/.resources/definition.yaml',
  'collections/orders-api/Orders/Create order.request.yaml',
  'collections/orders-api/Orders/Get order.request.yaml',
  'collections/orders-api/Orders/List orders.request.yaml',
  'environments/orders-api.dev.environment.yaml',
  'environments/orders-api.staging.environment.yaml',
];

function example(): string {
  const { dir } = tempDir();
  cpSync(EXAMPLE, dir, { recursive: true, filter: (src) => !src.includes('/postman') });
  return dir;
}

function readAll(dir: string): Record<string, string> {
  return Object.fromEntries(listFiles(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
}

describe('build --format', () => {
  it.each([
    { name: 'default: postman', args: [], config: undefined, files: V21 },
    { name: '--format postman-v3', args: ['--format', 'postman-v3'], config: undefined, files: V3 },
    {
      name: 'repeated --format',
      args: ['--format', 'postman-v3', '--format', 'postman'],
      config: undefined,
      files: [...V3, ...V21].sort(),
    },
    { name: 'the config\'s "formats"', args: [], config: ['postman', 'postman-v3'], files: [...V3, ...V21].sort() },
    { name: '--format wins over "formats"', args: ['--format', 'postman'], config: ['postman-v3'], files: V21 },
  ])('$name', ({ args, config, files }) => {
    const dir = example();
    if (config) {
      const file = join(dir, 'gen-collection.config.json');
      writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), formats: config }));
    }
    const r = runCli(['build', '-o', 'out', ...args], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(listFiles(join(dir, 'out'))).toEqual(files);
  });

  it('writes the same bytes for the same inputs, every format', () => {
    const dir = example();
    const args = ['--format', 'postman', '--format', 'postman-v3'];
    expect(runCli(['build', '-o', 'one', ...args], dir).status).toBe(0);
    expect(runCli(['build', '-o', 'two', ...args], dir).status).toBe(0);
    const one = readAll(join(dir, 'one'));
    expect(Object.keys(one)).toHaveLength(V3.length + V21.length);
    expect(readAll(join(dir, 'two'))).toEqual(one);
  });

  it('says what it wrote: a line per file, one per collection folder', () => {
    const dir = example();
    const r = runCli(['build', '-o', 'out', '--format', 'postman-v3'], dir);
    expect(r.stderr.trim().split('\n')).toEqual([
      'wrote out/collections/orders-api/ (4 requests in 6 files)',
      'wrote out/environments/orders-api.dev.environment.yaml',
      'wrote out/environments/orders-api.staging.environment.yaml',
    ]);
  });

  it.each([
    { format: 'postman-v4', hint: '(did you mean postman-v3?)' },
    { format: 'insomnia', hint: '' },
  ])('an unknown format ($format) is a usage error: exit 2, the formats named, nothing written', ({ format, hint }) => {
    const dir = example();
    const r = runCli(['build', '-o', 'out', '--format', format], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`unknown format "${format}"`);
    expect(r.stderr).toContain(hint);
    expect(r.stderr).toContain('use one of postman, postman-v3, bruno');
    expect(listFiles(dir)).not.toContain('out');
    expect(listFiles(dir).some((f) => f.startsWith('out/'))).toBe(false);
  });

  it('an unknown format in the config: exit 2 naming the file and /formats', () => {
    const dir = example();
    const file = join(dir, 'gen-collection.config.json');
    writeFileSync(file, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), formats: ['postman-v4'] }));
    const r = runCli(['build', '-o', 'out'], dir);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('gen-collection.config.json');
    expect(r.stderr).toContain('/formats/0');
    expect(listFiles(dir).some((f) => f.startsWith('out/'))).toBe(false);
  });

  it('openapi --format postman-v3 writes the v3 folder of the spec', () => {
    const { dir } = tempDir();
    const r = runCli(['openapi', PETSTORE, '-o', 'out', '--format', 'postman-v3'], dir);
    expect(r.status, r.stderr).toBe(0);
    const files = listFiles(join(dir, 'out'));
    expect(files.every((f) => f.startsWith('collections/') || f.startsWith('environments/'))).toBe(true);
    expect(files.filter((f) => f.endsWith('.request.yaml')).length).toBeGreaterThan(0);
  });

  it('--help of build and openapi teaches --format', () => {
    const { dir } = tempDir();
    for (const command of ['build', 'openapi']) {
      const help = runCli([command, '--help'], dir).stdout;
      expect(help, command).toContain('--format <format>');
      expect(help, command).toContain('postman-v3');
    }
  });

  it('a rebuild removes the v3 files of renamed or removed requests and folders, and nothing else', () => {
    const dir = example();
    expect(runCli(['build', '-o', 'out', '--format', 'postman-v3'], dir).status).toBe(0);
    writeFileSync(join(dir, 'out/collections/orders-api/notes.md'), 'kept\n');
    writeFileSync(join(dir, 'out/collections/orders-api/Orders/notes.md'), 'kept\n');
    const file = join(dir, 'gen-collection.config.json');
    const config = readFileSync(file, 'utf8')
      .replace('"List orders"', '"List all orders"')
      .replace('"Orders"', '"Shop"');
    writeFileSync(file, config);
    const r = runCli(['build', '-o', 'out', '--format', 'postman-v3'], dir);
    expect(r.status, r.stderr).toBe(0);
    expect(listFiles(join(dir, 'out/collections/orders-api'))).toEqual([
      '.resources/definition.yaml',
      'Health.request.yaml',
      'Orders/notes.md',
      'Shop/.resources/definition.yaml',
      'Shop/Create order.request.yaml',
      'Shop/Get order.request.yaml',
      'Shop/List all orders.request.yaml',
      'notes.md',
    ]);
    expect(r.stderr).toContain(
      'removed out/collections/orders-api/Orders/List orders.request.yaml (no longer in the config)',
    );
    expect(r.stderr).toContain('removed out/collections/orders-api/Orders/.resources/definition.yaml');
  });
});
