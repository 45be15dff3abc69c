import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Request } from '../../src/config/config-types.generated.js';
import { buildFromSpec } from '../../src/build/build-from-spec.js';
import { loadSpec, specToConfig } from '../../src/openapi/index.js';
import { Warnings } from '../../src/warnings.js';
import { mapSpec, oneOperation, openapi, requests, swagger } from './map-spec.js';

const ok = { '200': { description: 'ok' } };
const NAME_FIX = 'give the parameter the name it is sent with';
const MEDIA_FIX = "name the media type, e.g. 'application/json'";
const PATH_ITEM_FIX = 'see the OpenAPI specification for the path item object';

/**
 * Issue 25: what one place of a spec holds that a collection cannot express is left out of that request with
 * a warning naming the spec's own JSON pointer and what was done; the rest of the spec converts (and the
 * generated config passes the same validation as a hand-written one: `mapSpec` checks it).
 */
describe('quirks of real-world specs: left out with a warning at the spec pointer, the rest converts', () => {
  const cases: { name: string; spec: object; warning: string; requests: Partial<Request>[] }[] = [
    {
      name: 'unnamed header parameter (notion.com)',
      spec: oneOperation(
        {
          parameters: [
            { in: 'header', name: 'Notion-Version', required: true, schema: { type: 'string', example: '2022-06-28' } },
            { in: 'header', name: '', schema: { type: 'string', example: '' } },
          ],
        },
        {},
        'get',
        '/v1/pages/{id}',
      ),
      warning: `spec.yaml: /paths/~1v1~1pages~1{id}/get/parameters/1: the header parameter has an empty name: the parameter is left out of the request. fix: ${NAME_FIX}`,
      requests: [{ url: '{{base_url}}/v1/pages/:id', headers: [{ key: 'Notion-Version', value: '2022-06-28' }] }],
    },
    {
      name: 'unnamed query parameter (brainbi.net)',
      spec: oneOperation({
        parameters: [
          { in: 'query', name: '', schema: { type: 'string', example: '' } },
          { in: 'query', name: 'page', required: true, example: 2 },
        ],
      }),
      warning: `spec.yaml: /paths/~1things/get/parameters/0: the query parameter has an empty name: the parameter is left out of the request. fix: ${NAME_FIX}`,
      requests: [{ query: [{ key: 'page', value: 2 }] }],
    },
    {
      name: 'blank path-level cookie parameter',
      spec: openapi({
        paths: {
          '/things': {
            parameters: [{ in: 'cookie', name: '  ', required: true }],
            get: { responses: ok },
          },
        },
      }),
      warning: `spec.yaml: /paths/~1things/parameters/0: the cookie parameter has an empty name: the parameter is left out of the request. fix: ${NAME_FIX}`,
      requests: [{ name: 'GET /things', url: '{{base_url}}/things' }],
    },
    {
      name: 'unnamed Swagger 2.0 form field',
      spec: swagger({
        paths: {
          '/upload': {
            post: {
              consumes: ['application/x-www-form-urlencoded'],
              parameters: [
                { in: 'formData', name: '', type: 'string' },
                { in: 'formData', name: 'title', type: 'string', required: true, default: 'x' },
              ],
              responses: ok,
            },
          },
        },
      }),
      warning: `spec.yaml: /paths/~1upload/post/parameters/0: the formData parameter has an empty name: the parameter is left out of the request. fix: ${NAME_FIX}`,
      requests: [{ body: { urlencoded: [{ key: 'title', value: 'x' }] } }],
    },
    {
      name: 'header name HTTP cannot carry',
      spec: oneOperation({ parameters: [{ in: 'header', name: 'My API Key', required: true }] }),
      warning:
        "spec.yaml: /paths/~1things/get/parameters/0: header name 'My API Key' is not an HTTP token (letters, digits and !#$%&'*+.^_`|~-): the parameter is left out of the request. fix: give the header the name it is sent with",
      requests: [{ url: '{{base_url}}/things' }],
    },
    {
      name: 'parameter without in',
      spec: oneOperation({ parameters: [{ name: 'a' }, { name: 'b', in: 'query', required: true, example: 1 }] }),
      warning:
        "spec.yaml: /paths/~1things/get/parameters/0: a parameter needs a string name and in: the parameter is left out of the request. fix: give the parameter 'name' and 'in' (path, query, header or cookie)",
      requests: [{ query: [{ key: 'b', value: 1 }] }],
    },
    {
      name: 'parameter that is not an object',
      spec: oneOperation({ parameters: ['limit'] }),
      warning:
        "spec.yaml: /paths/~1things/get/parameters/0: a parameter needs a string name and in: the parameter is left out of the request. fix: give the parameter 'name' and 'in' (path, query, header or cookie)",
      requests: [{ url: '{{base_url}}/things' }],
    },
    {
      name: 'parameters not a list',
      spec: oneOperation({ parameters: { name: 'a' } }),
      warning:
        'spec.yaml: /paths/~1things/get/parameters: parameters is not a list: its parameters are left out of the request. fix: make parameters a list of parameter objects',
      requests: [{ url: '{{base_url}}/things' }],
    },
    {
      name: 'parameter $ref that does not resolve',
      spec: oneOperation(
        { parameters: [{ $ref: '#/components/parameters/Nope' }] },
        { components: { parameters: {} } },
      ),
      warning:
        "spec.yaml: /paths/~1things/get/parameters/0/$ref: $ref '#/components/parameters/Nope' does not resolve: /components/parameters has no 'Nope': the parameter is left out of the request. fix: point the $ref at an existing definition",
      requests: [{ url: '{{base_url}}/things' }],
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
      warning:
        "spec.yaml: /components/parameters/B/$ref: $ref '#/components/parameters/A' refers to itself through a chain of $refs: the parameter is left out of the request. fix: point the $ref at a definition, not at another $ref that leads back here",
      requests: [{ url: '{{base_url}}/things' }],
    },
    {
      name: 'a $ref that is an anchor, not a pointer',
      spec: oneOperation({ parameters: [{ $ref: '#limit' }] }),
      warning:
        "spec.yaml: /paths/~1things/get/parameters/0/$ref: $ref '#limit' is not a JSON pointer (anchors are not supported): the parameter is left out of the request. fix: use a '#/components/…' pointer",
      requests: [{ url: '{{base_url}}/things' }],
    },
    {
      name: 'content type "" alone (spoonacular.com)',
      spec: oneOperation(
        { requestBody: { content: { '': { schema: { type: 'object', properties: { hash: { type: 'string' } } } } } } },
        {},
        'delete',
      ),
      warning: `spec.yaml: /paths/~1things/delete/requestBody/content/: content type '' is not a media type (type/subtype): the request is sent without a body. fix: ${MEDIA_FIX}`,
      requests: [{ method: 'DELETE', url: '{{base_url}}/things' }],
    },
    {
      name: 'content type "" beside a JSON one',
      spec: oneOperation(
        {
          requestBody: {
            content: { '': { schema: { type: 'string' } }, 'application/json': { example: { a: 1 } } },
          },
        },
        {},
        'post',
      ),
      warning: `spec.yaml: /paths/~1things/post/requestBody/content/: content type '' is not a media type (type/subtype): the request body is 'application/json'. fix: ${MEDIA_FIX}`,
      requests: [{ method: 'POST', body: { json: { a: 1 } } }],
    },
    {
      name: 'content key that is no media type (plaid.com "examples")',
      spec: oneOperation({ requestBody: { content: { examples: {} } } }, {}, 'post'),
      warning: `spec.yaml: /paths/~1things/post/requestBody/content/examples: content type 'examples' is not a media type (type/subtype): the request is sent without a body. fix: ${MEDIA_FIX}`,
      requests: [{ method: 'POST', url: '{{base_url}}/things' }],
    },
    {
      name: 'Swagger 2.0 consumes entry ""',
      spec: swagger({
        paths: {
          '/things': {
            post: {
              consumes: [''],
              parameters: [{ in: 'body', name: 'body', schema: { type: 'object', example: { a: 1 } } }],
              responses: ok,
            },
          },
        },
      }),
      warning: `spec.yaml: /paths/~1things/post/consumes/0: consumes entry "" is not a media type (type/subtype): it is left out. fix: ${MEDIA_FIX}`,
      requests: [{ body: { json: { a: 1 } } }],
    },
    {
      name: 'form example with an unnamed field',
      spec: oneOperation(
        { requestBody: { content: { 'multipart/form-data': { example: { '': 'x', title: 't' } } } } },
        {},
        'post',
      ),
      warning:
        'spec.yaml: /paths/~1things/post/requestBody/content/multipart~1form-data: a form field has an empty name: it is left out of the request body. fix: give every field of the form the name it is sent with',
      requests: [{ body: { form: [{ key: 'title', value: 't' }] } }],
    },
    {
      name: 'body schema $ref that does not resolve',
      spec: oneOperation(
        { requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Pet' } } } } },
        {},
        'post',
      ),
      warning:
        "spec.yaml: /paths/~1things/post/requestBody/content/application~1json/schema/$ref: $ref '#/components/schemas/Pet' does not resolve: / has no 'components': the request is sent without a body. fix: point the $ref at an existing definition",
      requests: [{ method: 'POST', url: '{{base_url}}/things' }],
    },
    {
      name: 'path item not an object',
      spec: openapi({ paths: { '/a': 'GET', '/b': { get: { responses: ok } } } }),
      warning: `spec.yaml: /paths/~1a: the path item is not an object: its operations are left out. fix: ${PATH_ITEM_FIX}`,
      requests: [{ url: '{{base_url}}/b' }],
    },
    {
      name: 'path item $ref that does not resolve',
      spec: openapi({ paths: { '/a': { $ref: '#/x' }, '/b': { get: { responses: ok } } } }),
      warning:
        "spec.yaml: /paths/~1a/$ref: $ref '#/x' does not resolve: / has no 'x': the path's operations are left out. fix: point the $ref at an existing definition",
      requests: [{ url: '{{base_url}}/b' }],
    },
    {
      name: 'operation not an object',
      spec: openapi({ paths: { '/a': { get: true, post: { responses: ok } } } }),
      warning: `spec.yaml: /paths/~1a/get: the get operation is not an object: it is left out. fix: ${PATH_ITEM_FIX}`,
      requests: [{ method: 'POST', url: '{{base_url}}/a' }],
    },
    {
      name: 'security not a list',
      spec: oneOperation({}, { security: { oauth: [] } }),
      warning:
        'spec.yaml: /security: a security requirement must be a list of {scheme: [scopes]} objects: operations without their own security need none. fix: write security: [{ schemeName: [] }], or security: [] for no auth',
      requests: [{ url: '{{base_url}}/things' }],
    },
    {
      name: 'operation security scopes not a list',
      spec: oneOperation(
        { security: [{ key: 'read' }] },
        {
          security: [{ key: [] }],
          components: { securitySchemes: { key: { type: 'apiKey', in: 'header', name: 'X-Key' } } },
        },
      ),
      warning:
        "spec.yaml: /paths/~1things/get/security/0/key: a security requirement must be a list of {scheme: [scopes]} objects: the operation follows the spec's security. fix: write security: [{ schemeName: [] }], or security: [] for no auth",
      requests: [{ url: '{{base_url}}/things' }],
    },
  ];

  it.each(cases)('$name', async ({ spec, warning, requests: expected }) => {
    const { config, warnings } = await mapSpec(spec);
    expect(warnings).toContain(warning);
    expect(requests(config)).toMatchObject(expected);
  });
});

describe('every warning names a pointer of the spec', () => {
  it('servers, security schemes, operation servers, unnamed parameters: file: /pointer: …', async () => {
    const spec = openapi({
      servers: [{ url: '/v1' }],
      security: [{ key: [], session: [] }],
      components: {
        securitySchemes: {
          key: { type: 'apiKey', in: 'header', name: 'My API Key' },
          session: { type: 'apiKey', in: 'cookie', name: 'sid' },
          basic: { type: 'http', scheme: 'basic' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      paths: {
        '/a': {
          servers: [{ url: 'https://other.example.com' }],
          get: { security: [{ basic: [] }, { bearer: [] }], responses: ok },
          post: { parameters: [{ in: 'query', name: '' }], responses: ok },
        },
      },
    });
    const { warnings } = await mapSpec(spec);
    expect(warnings.length).toBeGreaterThanOrEqual(5);
    for (const warning of warnings) expect(warning).toMatch(/^spec\.yaml: \/\S*: /);
    expect(warnings).toContain(
      "spec.yaml: /security: 1 operation(s) require 'key' (apiKey in header 'My API Key', which is no HTTP header name) instead of 'bearer' (HTTP bearer): they inherit the collection auth (POST /a)",
    );
    expect(warnings).toContain(
      "spec.yaml: /servers/0/url: server URL '/v1' is relative: set base_url to the absolute URL in an environment or in a config given with -c",
    );
    expect(warnings).toContain(
      'spec.yaml: /paths/~1a/servers: operations on /a name their own server https://other.example.com: their URLs use it instead of {{base_url}}',
    );
  });
});

describe('names the output files cannot be made from, and names shared by siblings', () => {
  it('a title without an ASCII letter or digit: the collection is named after the file, with a warning', async () => {
    const { config, warnings } = await mapSpec(openapi({ info: { title: 'Ωμέγα', version: '1' } }), {
      file: 'specs/omega-api.yaml',
    });
    expect(config.name).toBe('omega-api');
    expect(warnings).toContain(
      "specs/omega-api.yaml: /info/title: the title has no ASCII letter or digit to name the output files by: the collection is named 'omega-api'. fix: give a config with a name (-c)",
    );
  });

  it('operations sharing a summary: later ones get their method and path, no config warning', async () => {
    const spec = openapi({
      paths: {
        '/a': { get: { summary: 'List', tags: ['t'], responses: ok } },
        '/b': { get: { summary: 'List', tags: ['t'], responses: ok }, post: { summary: 't', responses: ok } },
      },
    });
    const { config, warnings } = await mapSpec(spec);
    expect(config.items?.map((i) => i.name)).toEqual(['t', 't (POST /b)']);
    expect(requests(config).map((r) => r.name)).toEqual(['List', 'List (GET /b)', 't (POST /b)']);
    expect(warnings.filter((w) => /also named/.test(w))).toEqual([]);
  });
});

describe('a YAML spec: every warning and error names the line beside the pointer', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gen-collection-quirks-'));
  const yaml = [
    'openapi: 3.0.3',
    'info: { title: Pages, version: "1" }',
    'servers: [{ url: "https://api.example.com" }]',
    'paths:',
    '  /v1/pages/{id}:',
    '    get:',
    '      parameters:',
    '        - { in: header, name: Notion-Version, required: true }',
    "        - { in: header, name: '' }",
    '      responses: { "200": { description: ok } }',
    '',
  ].join('\n');

  it('warning: file:line: /pointer', async () => {
    const file = join(dir, 'pages.yaml');
    writeFileSync(file, yaml);
    const warnings = new Warnings();
    const result = await buildFromSpec(file, { warnings });
    expect(result.warnings).toContain(
      `${file}:9: /paths/~1v1~1pages~1{id}/get/parameters/1: the header parameter has an empty name: the parameter is left out of the request. fix: ${NAME_FIX}`,
    );
  });

  it('error (the one thing that still refuses a spec: no version gen-collection reads): its line', async () => {
    const file = join(dir, 'security.yaml');
    writeFileSync(file, yaml.replace('openapi: 3.0.3', 'openapi: 4.0.0'));
    const { spec, locate } = await loadSpec(file);
    const error = await specToConfig(spec, { file, warnings: new Warnings(), locate }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'spec-invalid', pointer: '/openapi', line: 1 });
  });
});
