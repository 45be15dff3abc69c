import { describe, expect, it } from 'vitest';
import { onlyRequest, oneOperation, swagger } from './map-spec.js';

const post = (requestBody: unknown, components: Record<string, unknown> = {}) =>
  oneOperation({ requestBody }, Object.keys(components).length ? { components } : {}, 'post');

describe('OpenAPI 3 request bodies', () => {
  const cases: {
    name: string;
    requestBody: unknown;
    components?: Record<string, unknown>;
    body: unknown;
    headers?: unknown;
  }[] = [
    {
      name: 'JSON from the media example',
      requestBody: {
        content: {
          'application/json': {
            example: { sku: 'A1' },
            schema: { type: 'object', properties: { x: { type: 'string' } } },
          },
        },
      },
      body: { json: { sku: 'A1' } },
    },
    {
      name: 'JSON from the first of examples ($ref followed)',
      requestBody: {
        content: {
          'application/json': { examples: { first: { $ref: '#/components/examples/Order' }, second: { value: 2 } } },
        },
      },
      components: { examples: { Order: { summary: 'an order', value: { qty: 1 } } } },
      body: { json: { qty: 1 } },
    },
    {
      name: 'JSON example written as JSON text',
      requestBody: { content: { 'application/json': { example: '{"a": [1, 2]}' } } },
      body: { json: { a: [1, 2] } },
    },
    {
      name: 'JSON sample from the schema (requestBody and schema as $refs)',
      requestBody: { $ref: '#/components/requestBodies/Order' },
      components: {
        requestBodies: {
          Order: { content: { 'application/json; charset=utf-8': { schema: { $ref: '#/components/schemas/Order' } } } },
        },
        schemas: {
          Order: {
            type: 'object',
            properties: { id: { type: 'string', readOnly: true }, qty: { type: 'integer', minimum: 1 } },
          },
        },
      },
      body: { json: { qty: 1 } },
    },
    {
      name: '+json media type: JSON body and its Content-Type header',
      requestBody: {
        content: {
          'application/merge-patch+json': { schema: { type: 'object', properties: { name: { type: 'string' } } } },
        },
      },
      body: { json: { name: 'string' } },
      headers: [{ key: 'Content-Type', value: 'application/merge-patch+json' }],
    },
    {
      name: 'JSON preferred over XML and forms',
      requestBody: {
        content: {
          'application/xml': { example: '<a/>' },
          'application/x-www-form-urlencoded': {},
          'application/json': { example: [1] },
        },
      },
      body: { json: [1] },
    },
    {
      name: 'urlencoded from the schema: required fields enabled, optional disabled, descriptions',
      requestBody: {
        content: {
          'application/x-www-form-urlencoded': {
            schema: {
              allOf: [
                {
                  type: 'object',
                  required: ['grant'],
                  properties: { grant: { type: 'string', enum: ['code'], description: 'Grant type' } },
                },
                {
                  type: 'object',
                  properties: {
                    tags: { type: 'array', items: { type: 'string' } },
                    meta: { type: 'object', properties: { a: { type: 'integer' } } },
                  },
                },
              ],
            },
          },
        },
      },
      body: {
        urlencoded: [
          { key: 'grant', value: 'code', description: 'Grant type' },
          { key: 'tags', value: 'string', disabled: true },
          { key: 'meta', value: '{"a":0}', disabled: true },
        ],
      },
    },
    {
      name: 'urlencoded from an example: every field enabled',
      requestBody: { content: { 'application/x-www-form-urlencoded': { example: { a: 1, b: true } } } },
      body: {
        urlencoded: [
          { key: 'a', value: 1 },
          { key: 'b', value: true },
        ],
      },
    },
    {
      name: 'multipart → form, binary fields empty',
      requestBody: {
        content: {
          'multipart/form-data': {
            schema: {
              type: 'object',
              required: ['file'],
              properties: { file: { type: 'string', format: 'binary' }, note: { type: 'string' } },
            },
          },
        },
      },
      body: {
        form: [
          { key: 'file', value: '' },
          { key: 'note', value: 'string', disabled: true },
        ],
      },
    },
    {
      name: 'text/plain → raw with the example and its content type',
      requestBody: { content: { 'text/plain': { example: 'hello' } } },
      body: { raw: 'hello', contentType: 'text/plain' },
    },
    {
      name: 'XML without a text example → raw, empty',
      requestBody: { content: { 'application/xml': { schema: { type: 'object' } } } },
      body: { raw: '', contentType: 'application/xml' },
    },
    {
      name: 'wildcard media type → raw without a content type',
      requestBody: { content: { '*/*': { schema: { type: 'string' } } } },
      body: { raw: 'string' },
    },
  ];
  it.each(cases)('$name', async ({ requestBody, components, body, headers }) => {
    const request = await onlyRequest(post(requestBody, components));
    expect(request.body).toEqual(body);
    expect(request.headers).toEqual(headers);
  });

  it('no requestBody, or no content: no body', async () => {
    expect((await onlyRequest(oneOperation({}, {}, 'post'))).body).toBeUndefined();
    expect((await onlyRequest(post({ description: 'nothing' }))).body).toBeUndefined();
  });
});

describe('Swagger 2.0 bodies', () => {
  const spec = (parameters: unknown[], consumes?: string[]) =>
    swagger({
      definitions: { Pet: { type: 'object', properties: { name: { type: 'string', example: 'Rex' } } } },
      paths: {
        '/pets': {
          post: { parameters, ...(consumes ? { consumes } : {}), responses: { '200': { description: 'ok' } } },
        },
      },
    });
  const cases: { name: string; parameters: unknown[]; consumes?: string[]; body: unknown }[] = [
    {
      name: 'in: body → JSON sample',
      parameters: [{ name: 'b', in: 'body', schema: { $ref: '#/definitions/Pet' } }],
      body: { json: { name: 'Rex' } },
    },
    {
      name: 'in: body with only XML consumed → raw',
      parameters: [{ name: 'b', in: 'body', schema: { $ref: '#/definitions/Pet' } }],
      consumes: ['application/xml'],
      body: { raw: '', contentType: 'application/xml' },
    },
    {
      name: 'in: formData → urlencoded',
      parameters: [
        { name: 'name', in: 'formData', type: 'string', required: true, description: 'Name' },
        { name: 'age', in: 'formData', type: 'integer', default: 3 },
      ],
      body: {
        urlencoded: [
          { key: 'name', value: '', description: 'Name' },
          { key: 'age', value: 3, disabled: true },
        ],
      },
    },
    {
      name: 'in: formData with a file → form',
      parameters: [{ name: 'file', in: 'formData', type: 'file', required: true }],
      body: { form: [{ key: 'file', value: '' }] },
    },
    {
      name: 'in: formData consuming multipart → form',
      parameters: [{ name: 'a', in: 'formData', type: 'string', required: true }],
      consumes: ['multipart/form-data'],
      body: { form: [{ key: 'a', value: '' }] },
    },
  ];
  it.each(cases)('$name', async ({ parameters, consumes, body }) => {
    expect((await onlyRequest(spec(parameters, consumes))).body).toEqual(body);
  });
});

describe('samples generated from schemas', () => {
  const sampleOf = async (schema: unknown, schemas: Record<string, unknown> = {}, version = '3.0.3') => {
    const spec = {
      ...(oneOperation(
        { requestBody: { content: { 'application/json': { schema } } } },
        { components: { schemas } },
        'post',
      ) as object),
      openapi: version,
    };
    const body = (await onlyRequest(spec)).body;
    return body && 'json' in body ? body.json : undefined;
  };

  const cases: {
    name: string;
    schema: unknown;
    schemas?: Record<string, unknown>;
    version?: string;
    sample: unknown;
  }[] = [
    {
      name: 'formats',
      schema: {
        type: 'object',
        properties: {
          at: { type: 'string', format: 'date-time' },
          day: { type: 'string', format: 'date' },
          mail: { type: 'string', format: 'email' },
          id: { type: 'string', format: 'uuid' },
          site: { type: 'string', format: 'uri' },
          secret: { type: 'string', format: 'password' },
          plain: { type: 'string' },
          // a format named like an Object.prototype member is no known format (issue 16)
          odd: { type: 'string', format: 'constructor' },
        },
      },
      sample: {
        at: '2024-01-01T00:00:00Z',
        day: '2024-01-01',
        mail: 'user@example.com',
        id: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
        site: 'https://example.com',
        secret: '',
        plain: 'string',
        odd: 'string',
      },
    },
    {
      name: 'numbers, bounds, booleans, enums, const, default, null',
      schema: {
        type: 'object',
        properties: {
          n: { type: 'number' },
          min: { type: 'integer', minimum: 5 },
          exclusive30: { type: 'integer', minimum: 5, exclusiveMinimum: true },
          exclusive31: { type: 'integer', exclusiveMinimum: 9 },
          negative: { type: 'integer', maximum: -3 },
          flag: { type: 'boolean' },
          color: { type: 'string', enum: [null, 'red'] },
          kind: { const: 'fixed' },
          size: { type: 'string', default: 'M' },
          nothing: { type: 'null' },
        },
      },
      sample: {
        n: 0,
        min: 5,
        exclusive30: 6,
        exclusive31: 10,
        negative: -3,
        flag: true,
        color: 'red',
        kind: 'fixed',
        size: 'M',
        nothing: null,
      },
    },
    {
      name: 'arrays hold one item',
      schema: { type: 'array', items: { type: 'string', format: 'date' } },
      sample: ['2024-01-01'],
    },
    {
      name: 'allOf merged, oneOf/anyOf first non-null option',
      schema: {
        allOf: [
          { type: 'object', properties: { a: { type: 'integer' } } },
          { type: 'object', properties: { b: { oneOf: [{ type: 'null' }, { type: 'string', example: 'x' }] } } },
        ],
        properties: { c: { anyOf: [{ type: 'boolean' }, { type: 'string' }] } },
      },
      sample: { a: 0, b: 'x', c: true },
    },
    {
      name: '3.1 type lists and examples',
      version: '3.1.0',
      schema: {
        type: 'object',
        properties: { t: { type: ['null', 'string'] }, e: { type: 'integer', examples: [7, 8] } },
      },
      sample: { t: 'string', e: 7 },
    },
    {
      name: 'an example on the schema wins over its properties',
      schema: { type: 'object', example: { given: true }, properties: { other: { type: 'string' } } },
      sample: { given: true },
    },
    {
      name: 'readOnly properties left out (on the property or its target)',
      schema: {
        type: 'object',
        properties: {
          id: { $ref: '#/components/schemas/Id' },
          created: { type: 'string', readOnly: true },
          name: { type: 'string' },
        },
      },
      schemas: { Id: { type: 'string', readOnly: true } },
      sample: { name: 'string' },
    },
    {
      name: 'a circular schema stops at the cycle',
      schema: { $ref: '#/components/schemas/Node' },
      schemas: {
        Node: {
          type: 'object',
          properties: {
            name: { type: 'string' },
            parent: { $ref: '#/components/schemas/Node' },
            children: { type: 'array', items: { $ref: '#/components/schemas/Node' } },
          },
        },
      },
      sample: { name: 'string', children: [] },
    },
    {
      name: 'mutually circular schemas',
      schema: { $ref: '#/components/schemas/A' },
      schemas: {
        A: { type: 'object', properties: { b: { $ref: '#/components/schemas/B' } } },
        B: { type: 'object', properties: { a: { $ref: '#/components/schemas/A' }, n: { type: 'integer' } } },
      },
      sample: { b: { n: 0 } },
    },
    {
      name: 'depth bounded: objects deeper than 4 levels are empty',
      schema: { $ref: '#/components/schemas/L1' },
      schemas: Object.fromEntries(
        [1, 2, 3, 4, 5, 6].map((i) => [
          `L${i}`,
          { type: 'object', properties: { v: { type: 'integer' }, next: { $ref: `#/components/schemas/L${i + 1}` } } },
        ]),
      ),
      sample: { v: 0, next: { v: 0, next: { v: 0, next: { v: 0, next: {} } } } },
    },
    { name: 'an untyped schema is null', schema: { type: 'object', properties: { any: {} } }, sample: { any: null } },
  ];
  it.each(cases)('$name', async ({ schema, schemas, version, sample }) => {
    expect(await sampleOf(schema, schemas, version)).toEqual(sample);
  });

  it('wide schemas are bounded in size', async () => {
    const properties = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [
        `p${i}`,
        { type: 'object', properties: { a: { type: 'string' }, b: { type: 'string' } } },
      ]),
    );
    const sample = (await sampleOf({ type: 'object', properties })) as Record<string, unknown>;
    const size = Object.keys(sample).length;
    expect(size).toBeGreaterThan(10);
    expect(size).toBeLessThan(300);
  });
});
