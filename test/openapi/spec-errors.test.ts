import { describe, expect, it } from 'vitest';
import { Warnings } from '../../src/warnings.js';
import { loadSpec, specToConfig } from '../../src/openapi/index.js';
import { openapi, specError } from './map-spec.js';

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
  ];

  it.each(cases)('$name', async ({ spec, pointer, reason }) => {
    const error = await specError(map(spec));
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
    const error = await specError(() => loadSpec(fixtures + file));
    expect(error.exitCode).toBe(2);
    expect(error.code).toBe(code);
    expect(error.file).toBe(fixtures + file);
    expect(error.line).toBe(line);
    expect(error.message).toMatch(reason);
  });

  it('a remote $ref is not fetched: an error naming the $ref', async () => {
    const file = fixtures + 'remote-ref.yaml';
    const error = await specError(() => loadSpec(file));
    expect(error.exitCode).toBe(2);
    expect(error.pointer).toBe('/paths/~1a/get/parameters/0/$ref');
    expect(error.message).toMatch(
      /\$ref 'http:\/\/127\.0\.0\.1:9\/p\.json#\/Page' is remote: gen-collection reads local files only/,
    );
    expect(error.fix).toMatch(/download the referenced document/);
  });

  it('an external $ref to a missing file names the $ref and where it is', async () => {
    const file = fixtures + 'broken-ref/openapi.yaml';
    const error = await specError(() => loadSpec(file));
    expect(error.exitCode).toBe(2);
    expect(error.file).toBe(file);
    expect(error.pointer).toBe('/paths/~1items/get/parameters/0/$ref');
    expect(error.message).toMatch(/\$ref '\.\/missing\.json#\/Page' does not resolve: .*ENOENT/);
  });
});
