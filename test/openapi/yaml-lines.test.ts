import { describe, expect, it } from 'vitest';
import { yamlLines } from '../../src/openapi/yaml-lines.js';

const source = [
  'openapi: 3.0.3', // 1
  'info: { title: Pages, version: "1" }', // 2
  'paths:', // 3
  '  /v1/pages/{id}:', // 4
  '    get:', // 5
  '      parameters:', // 6
  '        - { in: header, name: Notion-Version }', // 7
  '        - in: header', // 8
  "          name: ''", // 9
  '      requestBody:', // 10
  '        content:', // 11
  "          '': { schema: { type: string } }", // 12
  '      responses: { "200": { description: ok } }', // 13
  '',
].join('\n');

describe('yamlLines: the line of a pointer of a YAML spec', () => {
  const cases: [string, number | undefined][] = [
    ['', 1],
    ['/info', 2],
    ['/info/title', 2],
    ['/paths/~1v1~1pages~1{id}', 4],
    ['/paths/~1v1~1pages~1{id}/get', 5],
    ['/paths/~1v1~1pages~1{id}/get/parameters', 6],
    ['/paths/~1v1~1pages~1{id}/get/parameters/0', 7],
    ['/paths/~1v1~1pages~1{id}/get/parameters/1', 8],
    ['/paths/~1v1~1pages~1{id}/get/parameters/1/name', 8],
    ['/paths/~1v1~1pages~1{id}/get/requestBody/content/', 12],
    ['/paths/~1v1~1pages~1{id}/get/responses/200', 13],
    ['/paths/~1v1~1pages~1{id}/post', undefined],
    ['/components/schemas/Bundled', undefined],
  ];
  it.each(cases)('%s → line %s', (pointer, line) => {
    expect(yamlLines(source)(pointer)?.line).toBe(line);
  });

  it('text js-yaml cannot read: no lines, no error', () => {
    expect(yamlLines('a: [')('/a')).toBeUndefined();
  });
});
