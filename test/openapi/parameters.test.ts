import { describe, expect, it } from 'vitest';
import { mapSpec, onlyRequest, oneOperation, openapi, requests, swagger } from './map-spec.js';

const ok = { '200': { description: 'ok' } };

describe('path parameters → :name path variables', () => {
  const cases: { name: string; param: Record<string, unknown>; extra?: Record<string, unknown>; value: unknown }[] = [
    { name: 'example', param: { example: 'p-1', schema: { type: 'string', example: 'ignored' } }, value: 'p-1' },
    { name: 'first of examples', param: { examples: { a: { value: 5 }, b: { value: 6 } } }, value: 5 },
    {
      name: 'examples entry given as a $ref',
      param: { examples: { a: { $ref: '#/components/examples/Id' } } },
      extra: { components: { examples: { Id: { value: 'from-ref' } } } },
      value: 'from-ref',
    },
    { name: 'schema example', param: { schema: { type: 'integer', example: 42 } }, value: 42 },
    { name: 'schema default', param: { schema: { type: 'string', default: 'me' } }, value: 'me' },
    { name: 'schema first enum value', param: { schema: { type: 'string', enum: ['a', 'b'] } }, value: 'a' },
    {
      name: 'schema given as a $ref',
      param: { schema: { $ref: '#/components/schemas/Id' } },
      extra: { components: { schemas: { Id: { type: 'string', example: 'id-7' } } } },
      value: 'id-7',
    },
    {
      name: 'content instead of schema (its JSON text, percent-encoded)',
      param: { content: { 'application/json': { example: { a: 1 } } } },
      value: '%7B%22a%22:1%7D',
    },
    // as a path segment carries it: what would end or split the segment encoded, path characters as they are
    { name: 'a slash, a ? and a #', param: { example: 'a/b?c#d' }, value: 'a%2Fb%3Fc%23d' },
    { name: 'a space, a % and an é', param: { example: '50% é' }, value: '50%25%20%C3%A9' },
    {
      name: 'path characters',
      param: { example: "user@example.com:it's(1)+x=y,z;w" },
      value: "user@example.com:it's(1)+x=y,z;w",
    },
    { name: 'a {{variable}} kept', param: { example: '{{tenant}}/a b' }, value: '{{tenant}}%2Fa%20b' },
    { name: 'a lone surrogate', param: { example: 'a\ud800' }, value: 'a%EF%BF%BD' },
    {
      // left as written for the build's redaction to find (and write empty): encoded, it would lose its shape
      name: 'a secret-shaped value',
      param: { example: 'https://hooks.slack.com/services/T0A1B2C3D/B4E5F6G7H/abcDEFghiJKLmnoPQRstuVWX' },
      value: 'https://hooks.slack.com/services/T0A1B2C3D/B4E5F6G7H/abcDEFghiJKLmnoPQRstuVWX',
    },
    // no value given: a sample of its type, since Postman sends an empty path variable as `:petId` itself
    { name: 'nothing given: a string sample', param: { schema: { type: 'string' } }, value: 'string' },
    { name: 'nothing given: an integer sample', param: { schema: { type: 'integer', minimum: 1 } }, value: 1 },
    {
      name: 'nothing given: a sample of the format, through a $ref',
      param: { schema: { $ref: '#/components/schemas/Id' } },
      extra: { components: { schemas: { Id: { type: 'string', format: 'uuid' } } } },
      value: '3fa85f64-5717-4562-b3fc-2c963f66afa6',
    },
    { name: 'no type at all: empty', param: {}, value: '' },
  ];
  it.each(cases)('value from $name', async ({ param, extra, value }) => {
    const spec = oneOperation(
      { parameters: [{ name: 'petId', in: 'path', required: true, description: 'The pet', ...param }] },
      extra ?? {},
      'get',
      '/pets/{petId}',
    );
    const request = await onlyRequest(spec);
    expect(request.url).toBe('{{base_url}}/pets/:petId');
    expect(request.pathVariables).toEqual([{ key: 'petId', value, description: 'The pet' }]);
  });

  it('every {name} segment, in path order, even undeclared ones', async () => {
    const spec = oneOperation(
      {
        parameters: [
          { name: 'b', in: 'path', required: true, example: 2 },
          { name: 'a', in: 'path', required: true, example: 1 },
        ],
      },
      {},
      'get',
      '/x/{a}/y/{b}/{c}',
    );
    const request = await onlyRequest(spec);
    expect(request.url).toBe('{{base_url}}/x/:a/y/:b/:c');
    expect(request.pathVariables).toEqual([
      { key: 'a', value: 1 },
      { key: 'b', value: 2 },
      { key: 'c', value: '' },
    ]);
  });

  it('Swagger 2.0: a path parameter without a value gets a sample of the type it gives itself', async () => {
    const parameters = [{ name: 'petId', in: 'path', required: true, type: 'integer', format: 'int64' }];
    const spec = swagger({ paths: { '/pets/{petId}': { get: { parameters, responses: ok } } } });
    expect((await onlyRequest(spec)).pathVariables).toEqual([{ key: 'petId', value: 0 }]);
  });

  it('a parameter inside a segment goes inline (value) or as {{name}} (no value)', async () => {
    const spec = oneOperation(
      {
        parameters: [
          { name: 'period', in: 'path', required: true, example: 'D7 / 2' },
          { name: 'format', in: 'path', required: true },
        ],
      },
      {},
      'get',
      "/reports/usage(period='{period}')/file.{format}",
    );
    const request = await onlyRequest(spec);
    expect(request.url).toBe("{{base_url}}/reports/usage(period='D7%20%2F%202')/file.{{format}}");
    expect(request.pathVariables).toBeUndefined();
  });
});

describe('query and header parameters', () => {
  it('required enabled, optional disabled, with descriptions and example/default values', async () => {
    const spec = oneOperation({
      parameters: [
        {
          name: 'limit',
          in: 'query',
          required: true,
          description: 'Page size',
          schema: { type: 'integer', default: 20 },
        },
        { name: 'sort', in: 'query', schema: { type: 'string', enum: ['asc', 'desc'] } },
        { name: 'tags', in: 'query', example: ['a', 'b'] },
        { name: 'filter', in: 'query', example: { status: 'open' } },
        { name: 'X-Trace', in: 'header', required: true, example: 'abc' },
        { name: 'X-Debug', in: 'header', description: 'Verbose output', schema: { type: 'boolean' } },
      ],
    });
    const request = await onlyRequest(spec);
    expect(request.query).toEqual([
      { key: 'limit', value: 20, description: 'Page size' },
      { key: 'sort', value: 'asc', disabled: true },
      // a list and an object in OpenAPI 3's default query style (form, exploded): see the table below
      { key: 'tags', value: 'a', disabled: true },
      { key: 'tags', value: 'b', disabled: true },
      { key: 'status', value: 'open', disabled: true },
    ]);
    expect(request.headers).toEqual([
      { key: 'X-Trace', value: 'abc' },
      { key: 'X-Debug', value: '', description: 'Verbose output', disabled: true },
    ]);
  });

  // What the API parses: OpenAPI 3.x `style`/`explode` (Parameter Object, "Style Examples"), Swagger 2.0
  // `collectionFormat`. `required` keeps the entries enabled; optional ones are all disabled.
  const styles: { name: string; spec: 'openapi' | 'swagger'; param: Record<string, unknown>; query: unknown[] }[] = [
    {
      name: 'list, form exploded (the default): one entry per element',
      spec: 'openapi',
      param: { name: 'id', required: true, description: 'Ids', schema: { type: 'array', example: [3, 4, 5] } },
      query: [
        { key: 'id', value: 3, description: 'Ids' },
        { key: 'id', value: 4, description: 'Ids' },
        { key: 'id', value: 5, description: 'Ids' },
      ],
    },
    {
      name: 'list, form not exploded: comma-separated',
      spec: 'openapi',
      param: { name: 'id', required: true, explode: false, example: [3, 4, 5] },
      query: [{ key: 'id', value: '3,4,5' }],
    },
    {
      name: 'list, spaceDelimited: space-separated',
      spec: 'openapi',
      param: { name: 'id', required: true, style: 'spaceDelimited', example: [3, 4, 5] },
      query: [{ key: 'id', value: '3 4 5' }],
    },
    {
      name: 'list, pipeDelimited: pipe-separated',
      spec: 'openapi',
      param: { name: 'id', required: true, style: 'pipeDelimited', explode: false, example: [3, 4, 5] },
      query: [{ key: 'id', value: '3|4|5' }],
    },
    {
      name: 'list, pipeDelimited exploded: one entry per element',
      spec: 'openapi',
      param: { name: 'id', required: true, style: 'pipeDelimited', explode: true, example: ['a', 'b'] },
      query: [
        { key: 'id', value: 'a' },
        { key: 'id', value: 'b' },
      ],
    },
    {
      name: 'object, form exploded (the default): one entry per property',
      spec: 'openapi',
      param: { name: 'color', required: true, example: { R: 100, G: 200, B: 150 } },
      query: [
        { key: 'R', value: 100 },
        { key: 'G', value: 200 },
        { key: 'B', value: 150 },
      ],
    },
    {
      name: 'object, form not exploded: key,value pairs',
      spec: 'openapi',
      param: { name: 'color', required: true, explode: false, example: { R: 100, G: 200, B: 150 } },
      query: [{ key: 'color', value: 'R,100,G,200,B,150' }],
    },
    {
      name: 'object, deepObject: name[property] entries, optional ones disabled',
      spec: 'openapi',
      param: { name: 'filter', style: 'deepObject', explode: true, schema: { default: { status: 'open', n: 2 } } },
      query: [
        { key: 'filter[status]', value: 'open', disabled: true },
        { key: 'filter[n]', value: 2, disabled: true },
      ],
    },
    {
      name: 'empty list: the parameter stays, empty',
      spec: 'openapi',
      param: { name: 'id', required: true, example: [] },
      query: [{ key: 'id', value: '' }],
    },
    {
      name: 'list of objects: JSON, one entry',
      spec: 'openapi',
      param: { name: 'q', required: true, example: [{ a: 1 }] },
      query: [{ key: 'q', value: '[{"a":1}]' }],
    },
    {
      name: 'object given as content (application/json): its JSON text, one entry',
      spec: 'openapi',
      param: { name: 'where', required: true, content: { 'application/json': { example: { a: 1 } } } },
      query: [{ key: 'where', value: '{"a":1}' }],
    },
    {
      name: 'Swagger 2.0 list, csv (the default): comma-separated',
      spec: 'swagger',
      param: { name: 'id', required: true, type: 'array', items: { type: 'integer' }, default: [1, 2] },
      query: [{ key: 'id', value: '1,2' }],
    },
    {
      name: 'Swagger 2.0 list, multi: one entry per element',
      spec: 'swagger',
      param: { name: 'id', required: true, type: 'array', collectionFormat: 'multi', default: [1, 2] },
      query: [
        { key: 'id', value: 1 },
        { key: 'id', value: 2 },
      ],
    },
    {
      name: 'Swagger 2.0 list, tsv: tab-separated',
      spec: 'swagger',
      param: { name: 'id', required: true, type: 'array', collectionFormat: 'tsv', default: ['a', 'b'] },
      query: [{ key: 'id', value: 'a\tb' }],
    },
  ];
  it.each(styles)('query $name', async ({ spec, param, query }) => {
    const parameters = [{ in: 'query', ...param }];
    const document =
      spec === 'openapi'
        ? oneOperation({ parameters })
        : swagger({ paths: { '/things': { get: { parameters, responses: ok } } } });
    expect((await onlyRequest(document)).query).toEqual(query);
  });

  it('Accept, Content-Type and Authorization header parameters are ignored (OpenAPI says so)', async () => {
    const spec = oneOperation({
      parameters: ['Accept', 'content-type', 'Authorization', 'X-Keep'].map((name) => ({
        name,
        in: 'header',
        required: true,
      })),
    });
    expect((await onlyRequest(spec)).headers).toEqual([{ key: 'X-Keep', value: '' }]);
  });

  it('path-level parameters merged with the operation ones: the operation wins, in place', async () => {
    const spec = openapi({
      paths: {
        '/a': {
          parameters: [
            { name: 'page', in: 'query', description: 'path-level' },
            { name: 'size', in: 'query' },
            { name: 'page', in: 'header', description: 'same name, other place' },
          ],
          get: {
            parameters: [
              { name: 'extra', in: 'query' },
              { name: 'page', in: 'query', required: true, example: 3 },
            ],
            responses: ok,
          },
          post: { responses: ok },
        },
      },
    });
    const [get, post] = requests((await mapSpec(spec)).config);
    expect(get!.query).toEqual([
      { key: 'page', value: 3 },
      { key: 'size', value: '', disabled: true },
      { key: 'extra', value: '', disabled: true },
    ]);
    expect(get!.headers).toEqual([{ key: 'page', value: '', description: 'same name, other place', disabled: true }]);
    expect(post!.query).toEqual([
      { key: 'page', value: '', description: 'path-level', disabled: true },
      { key: 'size', value: '', disabled: true },
    ]);
  });

  it('Swagger 2.0 parameters: $refs to #/parameters, values from the parameter (x-example, default, enum)', async () => {
    const spec = swagger({
      parameters: { Page: { name: 'page', in: 'query', type: 'integer', default: 1, required: true } },
      paths: {
        '/a/{id}': {
          get: {
            parameters: [
              { $ref: '#/parameters/Page' },
              { name: 'id', in: 'path', required: true, type: 'string', 'x-example': 'abc' },
              { name: 'mode', in: 'query', type: 'string', enum: ['fast', 'slow'] },
            ],
            responses: ok,
          },
        },
      },
    });
    const request = await onlyRequest(spec);
    expect(request.url).toBe('{{base_url}}/a/:id');
    expect(request.pathVariables).toEqual([{ key: 'id', value: 'abc' }]);
    expect(request.query).toEqual([
      { key: 'page', value: 1 },
      { key: 'mode', value: 'fast', disabled: true },
    ]);
  });
});

describe('cookie parameters → one Cookie header', () => {
  const cases: { name: string; params: Record<string, unknown>[]; header: Record<string, unknown> }[] = [
    {
      name: 'required cookies: enabled, with descriptions',
      params: [
        { name: 'session', in: 'cookie', required: true, example: 's1', description: 'Session id' },
        { name: 'lang', in: 'cookie', example: 'en' },
      ],
      header: { key: 'Cookie', value: 'session=s1; lang=en', description: 'session: Session id' },
    },
    {
      name: 'only optional cookies: disabled',
      params: [{ name: 'lang', in: 'cookie', example: 'en' }],
      header: { key: 'Cookie', value: 'lang=en', disabled: true },
    },
  ];
  it.each(cases)('$name', async ({ params, header }) => {
    expect((await onlyRequest(oneOperation({ parameters: params }))).headers).toEqual([header]);
  });
});
