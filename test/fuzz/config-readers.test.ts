// Property: any config text, JSON or YAML, gives a build result or gen-collection's own error (exit 2).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildFromConfig, buildFromConfigFile } from '../../src/build/build-from-config.js';
import { copyInto, params, REPO, returnsOrOwnError, scratchDir, seedsIn, timeout } from './property.js';
import { fileBytes, mutatedText, mutatedValue } from './mutations.js';

// The examples build as they are (their scripts are copied beside the mutated config); the test fixtures reach
// every config key.
const dir = scratchDir();
copyInto(join(REPO, 'examples/orders-api/scripts-src'), join(dir, 'scripts-src'));
copyInto(join(REPO, 'examples/inventory-yaml/scripts-src'), join(dir, 'scripts-src'));
const json = [
  ...seedsIn(join(REPO, 'examples/orders-api'), (f) => f.endsWith('.json'), JSON.parse),
  ...seedsIn(join(REPO, 'test/config/fixtures'), (f) => f.endsWith('.json'), JSON.parse),
];
const yaml = [
  ...seedsIn(
    join(REPO, 'examples/inventory-yaml'),
    (f) => f.endsWith('.yaml'),
    (t) => parseYaml(t, { merge: true }),
  ),
  ...seedsIn(
    join(REPO, 'test/config/fixtures'),
    (f) => f.endsWith('.yaml'),
    (t) => parseYaml(t, { merge: true }),
  ),
];

const RUNS = 60;

describe('configs: mutated or arbitrary text never crashes build', () => {
  it('has seeds of both formats that build', async () => {
    expect(json.length).toBeGreaterThanOrEqual(2);
    expect(yaml.length).toBeGreaterThanOrEqual(2);
    const file = join(dir, 'gen-collection.config.yaml');
    writeFileSync(file, yaml[0]!.text);
    expect((await buildFromConfigFile(file)).collection.item.length).toBeGreaterThan(0);
  });

  it.each([
    ['JSON', 'gen-collection.config.json', json, 'json'],
    ['YAML', 'gen-collection.config.yaml', yaml, 'yaml'],
  ] as const)(
    '%s text through buildFromConfigFile',
    async (_name, name, seeds, format) => {
      const file = join(dir, name);
      await fc.assert(
        fc.asyncProperty(fileBytes(mutatedText(seeds, format)), async (bytes) => {
          writeFileSync(file, bytes);
          await returnsOrOwnError(() => buildFromConfigFile(file));
        }),
        params(RUNS),
      );
    },
    timeout(RUNS, 300),
  );

  it(
    'parsed values through buildFromConfig',
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...json, ...yaml).chain((seed) => mutatedValue(seed.value)),
          async (config) => void (await returnsOrOwnError(() => buildFromConfig(config, { baseDir: dir }))),
        ),
        params(RUNS),
      );
    },
    timeout(RUNS, 300),
  );
});
