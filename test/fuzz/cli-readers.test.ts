// Property, through the real binary: any input exits 0, 1 (audit only: findings) or 2 — never an internal
// error — and after exit 2 the working directory holds nothing new (no partial file).
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { listFiles, runCli } from '../cli/run-cli.js';
import { copyInto, countCase, params, REPO, scratchDir, seedsIn, timeout } from './property.js';
import { fileBytes, mutatedText, type Format } from './mutations.js';

const dir = scratchDir();
copyInto(join(REPO, 'examples/orders-api/scripts-src'), join(dir, 'scripts-src'));
copyInto(join(REPO, 'examples/inventory-yaml/scripts-src'), join(dir, 'scripts-src'));
const configs = {
  json: seedsIn(join(REPO, 'examples/orders-api'), (f) => f.endsWith('.json'), JSON.parse),
  yaml: seedsIn(
    join(REPO, 'examples/inventory-yaml'),
    (f) => f.endsWith('.yaml'),
    (t) => parseYaml(t),
  ),
};
const specs = seedsIn(
  join(REPO, 'test/fixtures/openapi'),
  (f) => f.endsWith('.json') && !f.startsWith('invalid'),
  JSON.parse,
);
const collections = seedsIn(join(REPO, 'test/fixtures/collections'), (f) => f.endsWith('.json'), JSON.parse);

/** Runs one command on one input file; checks the exit code, stderr and that exit 2 wrote nothing. */
function check(input: string, text: Uint8Array, args: string[], codes: number[]): void {
  countCase();
  writeFileSync(join(dir, input), text);
  const before = listFiles(dir);
  const r = runCli(args, dir);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(codes, `exit ${r.status}: ${r.stderr.slice(0, 500)}`).toContain(r.status);
  if (r.status === 2) {
    expect(r.stderr).toMatch(/^gen-collection: error: /m);
    expect(listFiles(dir)).toEqual(before);
  }
  rmSync(join(dir, 'out'), { recursive: true, force: true });
}

const RUNS = 3;

describe('the CLI on mutated input: exit 0, 1 (audit) or 2, never an internal error, nothing written on exit 2', () => {
  it.each(['json', 'yaml'] as const)(
    'build, %s config',
    async (format: Format) => {
      const input = `gen-collection.config.${format}`;
      await fc.assert(
        fc.property(fileBytes(mutatedText(configs[format], format)), (text) =>
          check(input, text, ['build', '-c', input, '-o', 'out'], [0, 2]),
        ),
        params(RUNS),
      );
    },
    timeout(RUNS, 3000),
  );

  it(
    'openapi',
    async () => {
      await fc.assert(
        fc.property(fileBytes(mutatedText(specs, 'json')), (text) =>
          check('spec.json', text, ['openapi', 'spec.json', '-o', 'out'], [0, 2]),
        ),
        params(RUNS),
      );
    },
    timeout(RUNS, 3000),
  );

  it(
    'inject',
    async () => {
      await fc.assert(
        fc.property(fileBytes(mutatedText(collections, 'json')), (text) =>
          check('in.json', text, ['inject', 'in.json', '-o', 'out/injected.json', '--env-dir', 'out/env'], [0, 2]),
        ),
        params(RUNS),
      );
    },
    timeout(RUNS, 3000),
  );

  it(
    'audit',
    async () => {
      await fc.assert(
        fc.property(fileBytes(mutatedText(collections, 'json')), (text) =>
          check('in.json', text, ['audit', 'in.json'], [0, 1, 2]),
        ),
        params(RUNS),
      );
    },
    timeout(RUNS, 3000),
  );
});
