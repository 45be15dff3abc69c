// Property: any spec text, JSON or YAML, gives a build result or gen-collection's own error (exit 2).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { load as parseYaml } from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { buildFromSpec } from '../../src/build/build-from-spec.js';
import { copyInto, params, REPO, returnsOrOwnError, scratchDir, seedsIn, timeout } from './property.js';
import { fileBytes, mutatedText } from './mutations.js';

// The fixtures' folder is copied whole, so that the multi-file spec's `$ref`s still resolve beside a mutated copy.
const dir = scratchDir();
const FIXTURES = join(REPO, 'test/fixtures/openapi');
copyInto(FIXTURES, dir);
const valid = (f: string) => !f.startsWith('invalid');
const json = seedsIn(FIXTURES, (f) => valid(f) && f.endsWith('.json'), JSON.parse);
const yaml = [
  ...seedsIn(
    FIXTURES,
    (f) => valid(f) && /\.ya?ml$/.test(f) && f !== 'remote-ref.yaml',
    (t) => parseYaml(t),
  ),
  ...seedsIn(
    join(FIXTURES, 'multi-file'),
    (f) => f.endsWith('.yaml'),
    (t) => parseYaml(t),
  ),
];

const RUNS = 60;

describe('OpenAPI specs: mutated or arbitrary text never crashes buildFromSpec', () => {
  it('has seeds of both formats', () => {
    expect(json.length).toBeGreaterThanOrEqual(2);
    expect(yaml.length).toBeGreaterThanOrEqual(3);
  });

  it.each([
    ['JSON', join(dir, 'fuzzed.json'), json, 'json'],
    ['YAML', join(dir, 'multi-file', 'fuzzed.yaml'), yaml, 'yaml'],
  ] as const)(
    '%s text',
    async (_name, file, seeds, format) => {
      await fc.assert(
        fc.asyncProperty(fileBytes(mutatedText(seeds, format)), async (bytes) => {
          writeFileSync(file, bytes);
          await returnsOrOwnError(() => buildFromSpec(file));
        }),
        params(RUNS),
      );
    },
    timeout(RUNS, 500),
  );
});
