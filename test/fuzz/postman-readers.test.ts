// Property: any collection, environment or globals text gives a result or gen-collection's own error (exit 2),
// through inject and audit.
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditFiles } from '../../src/audit/audit-files.js';
import { buildFromConfigFile } from '../../src/build/build-from-config.js';
import { GenCollectionError } from '../../src/errors.js';
import { injectCollection } from '../../src/inject/inject-collection.js';
import { Warnings } from '../../src/warnings.js';
import { oauth2 } from '../helpers/oauth2.js';
import { params, REPO, returnsOrOwnError, seedsIn, timeout } from './property.js';
import { mutatedText } from './mutations.js';

const collections = seedsIn(join(REPO, 'test/fixtures/collections'), (f) => f.endsWith('.json'), JSON.parse);

/** Environment templates as build writes them, and a globals file as the Postman app exports it. */
async function environments(): Promise<{ text: string; value: unknown }[]> {
  const built = await buildFromConfigFile(join(REPO, 'examples/orders-api/gen-collection.config.json'));
  const globals = {
    id: 'c0ffee00-0000-4000-8000-000000000001',
    name: 'Globals',
    values: [{ key: 'base_url', value: 'https://api.example.com', type: 'default', enabled: true }],
    _postman_variable_scope: 'globals',
  };
  return [...built.environments.map((e) => e.json), globals].map((value) => ({
    value,
    text: JSON.stringify(value, null, 2),
  }));
}

const RUNS = 100;
const FILE = 'fuzzed.postman_collection.json';

describe('collections, environments and globals: mutated or arbitrary text never crashes inject or audit', () => {
  it('has the collection fixtures as seeds', () => expect(collections.length).toBeGreaterThanOrEqual(5));

  it(
    'collections through injectCollection',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedText(collections, 'json'), async (text) => {
          await returnsOrOwnError(() =>
            injectCollection(text, { file: FILE, auth: oauth2(), warnings: new Warnings() }),
          );
        }),
        params(RUNS),
      );
    },
    timeout(RUNS, 200),
  );

  it(
    'collections through auditFiles',
    async () => {
      await fc.assert(
        fc.asyncProperty(mutatedText(collections, 'json'), async (text) => {
          await returnsOrOwnError(() => auditFiles([{ file: FILE, text }]));
        }),
        params(RUNS),
      );
    },
    timeout(RUNS, 50),
  );

  it(
    'environments and globals through auditFiles',
    async () => {
      const seeds = await environments();
      expect(seeds.length).toBeGreaterThanOrEqual(2);
      await fc.assert(
        fc.asyncProperty(mutatedText(seeds, 'json'), async (text) => {
          const outcome = await returnsOrOwnError(() =>
            auditFiles([{ file: 'fuzzed.postman_environment.json', text }]),
          );
          if (outcome instanceof GenCollectionError) expect(outcome.file).toBe('fuzzed.postman_environment.json');
        }),
        params(RUNS),
      );
    },
    timeout(RUNS, 50),
  );
});
