import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Locate } from '../../src/json/locate.js';
import { GenCollectionError } from '../../src/errors.js';
import { GeneratedPlaces, type GeneratedOrigin } from '../../src/openapi/generated-places.js';
import { buildFromSpec } from '../../src/build/build-from-spec.js';
import type { Place } from '../../src/warnings.js';
import { tempDir } from '../helpers/temp-dir.js';

const lines =
  (table: Record<string, number>): Locate =>
  (pointer) =>
    table[pointer] === undefined ? undefined : { line: table[pointer]!, column: 1 };

const sources = new Map([
  ['/items/0', '/tags/0'],
  ['/items/0/items/1', '/paths/~1pets/post'],
  ['/items/1', '/paths/~1health/get'],
]);
const spec = { file: 'api.yaml', locate: lines({ '/paths/~1pets/post': 40, '/tags/0': 3 }) };
const withoutConfig: GeneratedOrigin = { checkedAs: 'api.yaml', spec, sources, generatedItems: 2 };
const withConfig: GeneratedOrigin = {
  checkedAs: 'gc.yaml',
  spec,
  sources,
  generatedItems: 2,
  config: { file: 'gc.yaml', locate: lines({ '/items/0': 7, '/items/0/headers': 9, '/auth': 2 }) },
};

/** A JWT-shaped example (header {"alg":"HS256","typ":"JWT"}), as API descriptions show them. */
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJkZW1vIn0.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU';

/** A 3.0 spec of `paths` (its `info` beyond title T and version 1), written as JSON into a new temporary directory. */
function specOnDisk(name: string, paths: object, info: object = {}): { dir: string; specFile: string } {
  const dir = tempDir('gen-collection-generated-places-').dir;
  const specFile = join(dir, name);
  const spec = {
    openapi: '3.0.3',
    info: { title: 'T', version: '1', ...info },
    servers: [{ url: 'https://api.example.com' }],
    paths,
  };
  writeFileSync(specFile, JSON.stringify(spec));
  return { dir, specFile };
}

/** Issue 25: what the checks of the merged config report points at the spec or at the -c config, never at the merged config. */
describe('problems about the generated config: placed in the spec or the -c config', () => {
  const cases: { name: string; origin: GeneratedOrigin; place: Place; expected: Place }[] = [
    {
      name: 'a key of a generated request → its operation, with the YAML line',
      origin: withoutConfig,
      place: { file: 'api.yaml', pointer: '/items/0/items/1/headers/0/key', fix: 'f' },
      expected: { file: 'api.yaml', pointer: '/paths/~1pets/post', line: 40, fix: 'f' },
    },
    {
      name: 'a generated folder → its tag',
      origin: withoutConfig,
      place: { file: 'api.yaml', pointer: '/items/0/name' },
      expected: { file: 'api.yaml', pointer: '/tags/0', line: 3 },
    },
    {
      name: 'a generated request without a known line',
      origin: withoutConfig,
      place: { file: 'api.yaml', pointer: '/items/1' },
      expected: { file: 'api.yaml', pointer: '/paths/~1health/get' },
    },
    {
      name: 'a key of no generated item → the spec, without the pointer it does not have',
      origin: withoutConfig,
      place: { file: 'api.yaml', pointer: '/environments/x', fix: 'f' },
      expected: { file: 'api.yaml', fix: 'f' },
    },
    {
      name: 'with -c: an item the config added → its own index in the config, with its line',
      origin: withConfig,
      place: { file: 'gc.yaml', pointer: '/items/2/headers/0' },
      expected: { file: 'gc.yaml', pointer: '/items/0/headers/0', line: 9 },
    },
    {
      name: 'with -c: a key the config has',
      origin: withConfig,
      place: { file: 'gc.yaml', pointer: '/auth/tokenUrl' },
      expected: { file: 'gc.yaml', pointer: '/auth/tokenUrl', line: 2 },
    },
    {
      name: 'with -c: a generated request still → the spec',
      origin: withConfig,
      place: { file: 'gc.yaml', pointer: '/items/0/items/1/query' },
      expected: { file: 'api.yaml', pointer: '/paths/~1pets/post', line: 40 },
    },
    {
      name: 'a place in another file stays',
      origin: withConfig,
      place: { file: 'scripts/a.ts', pointer: '/items/0', line: 4 },
      expected: { file: 'scripts/a.ts', pointer: '/items/0', line: 4 },
    },
  ];
  it.each(cases)('$name', ({ origin, place, expected }) => {
    expect(new GeneratedPlaces(origin).place(place)).toEqual(expected);
  });

  it('an error listing several problems: each line placed', () => {
    const error = new GenCollectionError(
      'config-invalid',
      '2 problems in the config:\n  api.yaml: /items/0/items/1/query/0/key: must not be empty\n  api.yaml: /items/1/headers/0/key: must not be empty',
      { file: 'api.yaml', fix: 'fix each one listed' },
    );
    const placed = new GeneratedPlaces(withoutConfig).error(error) as GenCollectionError;
    expect(placed.message).toBe(
      'api.yaml: 2 problems in the config:\n  api.yaml:40: /paths/~1pets/post: must not be empty\n  api.yaml: /paths/~1health/get: must not be empty\n  fix: fix each one listed',
    );
  });

  it('an error about one key: its pointer and line placed', () => {
    const error = new GenCollectionError('config-invalid', 'must not be empty', {
      file: 'api.yaml',
      pointer: '/items/0/items/1/headers/1/key',
      fix: 'f',
    });
    expect(new GeneratedPlaces(withoutConfig).error(error)).toMatchObject({
      file: 'api.yaml',
      pointer: '/paths/~1pets/post',
      line: 40,
      code: 'config-invalid',
      exitCode: 2,
    });
  });

  it('example secrets emptied in the output: listed by the operation they come from', async () => {
    const body = { content: { 'application/json': { example: { username: 'ann', password: 'hunter2-hunter2' } } } };
    const { dir, specFile } = specOnDisk(
      'login.json',
      { '/login': { post: { tags: ['auth'], requestBody: body, responses: { '200': { description: 'ok' } } } } },
      { title: 'Login', description: `Send a JWT like ${JWT}` },
    );
    const result = await buildFromSpec(specFile, { output: join(dir, 'out') });
    expect(result.warnings).toEqual([
      `2 example values that look like secrets (tokens, passwords, keys) were left empty, e.g. ${specFile}#/info/description, ${specFile}#/paths/~1login/post; pass real values at run time`,
    ]);
  });

  it('a secret-shaped path example, not percent-encoded, is found and emptied; another is encoded', async () => {
    const webhook = 'https://hooks.slack.com/services/T0A1B2C3D/B4E5F6G7H/abcDEFghiJKLmnoPQRstuVWX';
    const param = (name: string, example: string) => ({ name, in: 'path', required: true, example });
    const parameters = [param('hook', webhook), param('folder', 'a/b')];
    const { dir, specFile } = specOnDisk('hooks.json', {
      '/hooks/{hook}/{folder}': { get: { parameters, responses: { '200': { description: 'ok' } } } },
    });
    const result = await buildFromSpec(specFile, { output: join(dir, 'out') });
    const text = JSON.stringify(result.collection);
    expect(text).not.toContain('hooks.slack.com');
    expect(text).not.toContain('T0A1B2C3D');
    expect(result.warnings).toEqual([
      `1 example value that looks like a secret (a token, password or key) was left empty, at ${specFile}#/paths/~1hooks~1{hook}~1{folder}/get; pass the real value at run time`,
    ]);
    const request = (result.collection as { item: { request: { url: { variable: unknown } } }[] }).item[0]!.request;
    expect(request.url.variable).toEqual([
      { key: 'hook', value: '' },
      { key: 'folder', value: 'a%2Fb' },
    ]);
  });

  it('openapi -c: a config item named like a generated request points at both, each in its file', async () => {
    const { dir, specFile } = specOnDisk('api.json', {
      '/things': { get: { responses: { '200': { description: 'ok' } } } },
    });
    const configFile = join(dir, 'gc.yaml');
    writeFileSync(configFile, 'name: Mine\nitems:\n  - name: GET /things\n    url: "{{base_url}}/mine"\n');
    const result = await buildFromSpec(specFile, { config: configFile, output: join(dir, 'out') });
    expect(result.warnings).toEqual([
      `${configFile}:3: /items/0: another item in the same folder is also named "GET /things" (${specFile}: /paths/~1things/get). fix: give sibling items distinct names: Newman reports and --folder tell items apart by name`,
    ]);
  });
});
