import { describe, expect, it } from 'vitest';
import { Warnings } from '../../src/warnings.js';
import { loadSpec, specToConfig } from '../../src/openapi/index.js';
import { oneOperation, openapi } from './map-spec.js';
import { thrownError } from '../helpers/gen-collection-error.js';

const fixtures = new URL('../fixtures/openapi/', import.meta.url).pathname;

const map = (spec: unknown) => () => specToConfig(spec as object, { file: 'spec.yaml', warnings: new Warnings() });

describe('invalid specs: exit 2 with the file, the JSON pointer and the reason', () => {
  const cases: { name: string; spec: unknown; pointer: string; reason: RegExp }[] = [
    { name: 'not an object', spec: ['openapi'], pointer: '', reason: /not an object/ },
    {
      name: 'no version field',
      spec: { info: { title: 'x' }, paths: {} },
      pointer: '',
      reason: /no openapi or swagger version/,
    },
    {
      name: 'Swagger 1.2',
      spec: { swagger: '1.2', paths: {} },
      pointer: '/swagger',
      reason: /unsupported Swagger version '1\.2'/,
    },
    {
      name: 'OpenAPI 4.0',
      spec: { openapi: '4.0.0', paths: {} },
      pointer: '/openapi',
      reason: /unsupported OpenAPI version '4\.0\.0'/,
    },
    {
      name: 'OpenAPI 2.0 under openapi',
      spec: { openapi: '2.0', paths: {} },
      pointer: '/openapi',
      reason: /unsupported OpenAPI version/,
    },
    {
      name: 'paths not an object',
      spec: openapi({ paths: ['/a'] }),
      pointer: '/paths',
      reason: /paths is not an object/,
    },
    {
      name: 'path item not an object',
      spec: openapi({ paths: { '/a': 'GET' } }),
      pointer: '/paths/~1a',
      reason: /path item must be an object/,
    },
    {
      name: 'operation not an object',
      spec: openapi({ paths: { '/a': { get: true } } }),
      pointer: '/paths/~1a/get',
      reason: /get operation must be an object/,
    },
    {
      name: 'parameters not a list',
      spec: oneOperation({ parameters: { name: 'a' } }),
      pointer: '/paths/~1things/get/parameters',
      reason: /parameters is not a list/,
    },
    {
      name: 'parameter without in',
      spec: oneOperation({ parameters: [{ name: 'a' }] }),
      pointer: '/paths/~1things/get/parameters/0',
      reason: /needs a string name and in/,
    },
    {
      name: 'parameter $ref that does not resolve',
      spec: oneOperation(
        { parameters: [{ $ref: '#/components/parameters/Nope' }] },
        { components: { parameters: {} } },
      ),
      pointer: '/paths/~1things/get/parameters/0/$ref',
      reason: /'#\/components\/parameters\/Nope' does not resolve: \/components\/parameters has no 'Nope'/,
    },
    {
      name: 'body schema $ref that does not resolve',
      spec: oneOperation(
        { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
        {},
        'post',
      ),
      pointer: '/paths/~1things/post/requestBody/content/application~1json/schema/$ref',
      reason: /does not resolve: \/ has no 'components'/,
    },
    {
      name: 'a $ref chain that loops',
      spec: oneOperation(
        { parameters: [{ $ref: '#/components/parameters/A' }] },
        {
          components: {
            parameters: { A: { $ref: '#/components/parameters/B' }, B: { $ref: '#/components/parameters/A' } },
          },
        },
      ),
      pointer: '/components/parameters/B/$ref',
      reason: /refers to itself/,
    },
    {
      name: 'a $ref that is an anchor, not a pointer',
      spec: oneOperation({ parameters: [{ $ref: '#limit' }] }),
      pointer: '/paths/~1things/get/parameters/0/$ref',
      reason: /not a JSON pointer/,
    },
    {
      name: 'security not a list',
      spec: openapi({ security: { oauth: [] } }),
      pointer: '/security',
      reason: /security requirement must be a list/,
    },
    {
      name: 'operation security scopes not a list',
      spec: oneOperation({ security: [{ oauth: 'read' }] }),
      pointer: '/paths/~1things/get/security/0/oauth',
      reason: /security requirement must be a list/,
    },
  ];

  it.each(cases)('$name', async ({ spec, pointer, reason }) => {
    const error = await thrownError(map(spec));
    expect(error.exitCode).toBe(2);
    expect(error.code).toBe('spec-invalid');
    expect(error.file).toBe('spec.yaml');
    expect(error.pointer).toBe(pointer);
    expect(error.message).toMatch(reason);
    expect(error.fix).toBeTruthy();
  });
});

describe('unreadable or unparsable files: exit 2 with the position', () => {
  const cases = [
    { name: 'invalid YAML', file: 'invalid.yaml', code: 'spec-invalid', line: 7, reason: /invalid YAML/ },
    {
      name: 'invalid JSON',
      file: 'invalid.json',
      code: 'spec-invalid',
      line: 3,
      reason: /invalid JSON: expected "," between two entries/,
    },
    {
      name: 'missing file',
      file: 'no-such-spec.yaml',
      code: 'spec-read',
      line: undefined,
      reason: /cannot read the spec: no such file/,
    },
  ];
  it.each(cases)('$name', async ({ file, code, line, reason }) => {
    const error = await thrownError(() => loadSpec(fixtures + file));
    expect(error.exitCode).toBe(2);
    expect(error.code).toBe(code);
    expect(error.file).toBe(fixtures + file);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(reason);
  });

  it('a remote $ref is not fetched: an error naming the $ref', async () => {
    const file = fixtures + 'remote-ref.yaml';
    const error = await thrownError(() => loadSpec(file));
    expect(error.exitCode).toBe(2);
    expect(error.pointer).toBe('/paths/~1a/get/parameters/0/$ref');
    expect(error.message).toMatch(
      /\$ref 'http:\/\/127\.0\.0\.1:9\/p\.json#\/Page' is remote: gen-collection reads local files only/,
    );
    expect(error.fix).toMatch(/download the referenced document/);
  });

  it('an external $ref to a missing file names the $ref and where it is', async () => {
    const file = fixtures + 'broken-ref/openapi.yaml';
    const error = await thrownError(() => loadSpec(file));
    expect(error.exitCode).toBe(2);
    expect(error.file).toBe(file);
    expect(error.pointer).toBe('/paths/~1items/get/parameters/0/$ref');
    expect(error.message).toMatch(/\$ref '\.\/missing\.json#\/Page' does not resolve: .*ENOENT/);
  });
});
