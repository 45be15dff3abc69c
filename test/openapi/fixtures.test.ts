import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { auditJson } from '../../src/audit/scan-json.js';
import { buildFromConfig, buildResolved } from '../../src/build/build-from-config.js';
import { loadSpec, mergeConfigOverrides } from '../../src/openapi/index.js';
import { mapSpec } from './map-spec.js';
import { resolvedSpecConfig } from '../helpers/spec-config.js';
import { tempDir } from '../helpers/temp-dir.js';

const fixtures = new URL('../fixtures/openapi/', import.meta.url).pathname;
const work = tempDir('gen-collection-openapi-build-').dir;

async function fixtureConfig(name: string) {
  const { spec } = await loadSpec(fixtures + name);
  return mapSpec(spec, { file: `test/fixtures/openapi/${name}` });
}

describe('whole configs from the fixture specs (reviewed snapshots)', () => {
  it.each(['petstore-3.0.yaml', 'petstore-2.0.json', 'library-3.1.yaml'])('%s', async (name) => {
    const { config, warnings } = await fixtureConfig(name);
    await expect(`${JSON.stringify({ config, warnings }, null, 2)}\n`).toMatchFileSnapshot(
      `__snapshots__/${name}.config.json`,
    );
  });
});

describe('the generated config goes through the build pipeline', () => {
  it('petstore 3.0 → collection with path variables, oauth2 token scripts, one environment per server', async () => {
    const { config } = await fixtureConfig('petstore-3.0.yaml');
    const result = await buildFromConfig(config, { baseDir: work, output: join(work, 'out') });
    const collection = result.collection as {
      auth: { type: string };
      event: { listen: string }[];
      item: {
        name: string;
        item?: { name: string; request: { url: { raw: string; variable?: unknown[] }; auth?: { type: string } } }[];
      }[];
    };
    expect(collection.auth.type).toBe('bearer');
    expect(collection.event.map((e) => e.listen)).toContain('prerequest');
    const pets = collection.item.find((i) => i.name === 'pets')!.item!;
    const show = pets.find((r) => r.name === 'Show a pet')!;
    expect(show.request.url.raw).toBe('{{base_url}}/pets/:petId');
    expect(show.request.url.variable).toEqual([{ key: 'petId', value: '42', description: 'The pet id' }]);
    const health = collection.item.find((i) => i.name === 'GET /health') as unknown as {
      request: { auth: { type: string } };
    };
    expect(health.request.auth.type).toBe('noauth');
    expect(result.environments.map((e) => e.file)).toEqual([
      'petstore.production.postman_environment.json',
      'petstore.staging.postman_environment.json',
    ]);
    const production = result.environments[0]!.json as { values: { key: string; value: string; type: string }[] };
    const values = Object.fromEntries(production.values.map((v) => [v.key, v]));
    expect(values.base_url!.value).toBe('https://eu.petstore.example.com/v1');
    expect(values.token_url!.value).toBe('https://eu.petstore.example.com/oauth/token');
    expect(values.client_secret).toMatchObject({ value: '', type: 'secret' });
  });

  it('a user config overrides environments and auth; the result still builds', async () => {
    const { config } = await fixtureConfig('petstore-2.0.json');
    const merged = mergeConfigOverrides(config, {
      name: 'My Pets',
      environments: { local: { base_url: 'http://127.0.0.1:3000', client_id: 'ci' } },
      auth: { type: 'oauth2', tokenUrl: '{{base_url}}/token', clientAuth: 'basic' },
    });
    const result = await buildFromConfig(merged, { baseDir: work, output: join(work, 'out2') });
    expect(result.collectionFile).toBe('my-pets.postman_collection.json');
    expect(result.environments.map((e) => e.name)).toEqual(['local']);
  });
});

describe('openapi outputs are audit-clean', () => {
  it.each(['petstore-3.0.yaml', 'petstore-2.0.json', 'library-3.1.yaml', 'bom.json', 'multi-file/openapi.yaml'])(
    '%s',
    async (name) => {
      const { config } = await fixtureConfig(name);
      const result = await buildFromConfig(config, { baseDir: work, output: join(work, 'audit') });
      expect(auditJson(result.collectionFile, result.collection)).toEqual([]);
      for (const env of result.environments) expect(auditJson(env.file, env.json)).toEqual([]);
    },
  );
});

describe('example secrets in a spec', () => {
  it('are left empty in the outputs, with one warning', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Tokens', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/exchange': {
          post: {
            summary: 'Exchange',
            parameters: [{ name: 'api_key', in: 'query', required: true, example: 'k3y-v4lue-12345' }],
            requestBody: {
              content: {
                'application/json': {
                  example: {
                    access_token: 'e72e16c7e42f292c6912e7710c838347ae178b4a',
                    note: 'kept',
                    tokens: ['ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8'],
                  },
                },
              },
            },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const resolved = await resolvedSpecConfig(spec);
    const result = await buildResolved(resolved, 'redact');
    expect(auditJson(result.collectionFile, result.collection)).toEqual([]);
    const text = JSON.stringify(result.collection);
    expect(text).not.toContain('e72e16c7e42f292c6912e7710c838347ae178b4a');
    expect(text).not.toContain('k3y-v4lue-12345');
    expect(text).toContain('kept');
    expect(result.warnings.filter((w) => w.includes('look like secrets'))).toHaveLength(1);
    await expect(buildResolved(resolved, 'reject')).rejects.toThrow(/literal secret/);
  });
});
