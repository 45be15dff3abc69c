import { describe, expect, it } from 'vitest';
import { GenCollectionError } from '../../src/errors.js';
import { Warnings } from '../../src/warnings.js';
import { injectCollection } from '../../src/inject/inject-collection.js';
import { BLOCK_BEGIN } from '../../src/inject/script-block.js';
import { fixtureText } from './fixtures.js';
import { oauth2 } from '../helpers/oauth2.js';
import { folderPointer, nestedFolders } from '../helpers/nested.js';

const FILE = 'exports/in.json';

async function injectError(text: string): Promise<GenCollectionError> {
  const error = await injectCollection(text, { file: FILE, auth: oauth2(), warnings: new Warnings() }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GenCollectionError)) throw new Error(`expected a GenCollectionError, got ${String(error)}`);
  return error;
}

const minimal = (extra: object) =>
  JSON.stringify({
    info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [],
    ...extra,
  });

/** [case, file text, error code, message parts, pointer, line] */
const BAD_INPUTS: [string, string, string, (string | RegExp)[], string | undefined, number | undefined][] = [
  ['empty file', '', 'collection-read', ['the file is empty', 'Export'], undefined, undefined],
  ['only whitespace and a BOM', '\uFEFF \n\t\n', 'collection-read', ['the file is empty'], undefined, undefined],
  ['not JSON at all', 'hello there', 'collection-read', ['not valid JSON', 'fix the JSON at that spot'], undefined, 1],
  [
    'a trailing comma on line 3',
    '{\n  "info": {},\n  "item": [],\n}',
    'collection-read',
    ['not valid JSON', 'trailing comma'],
    undefined,
    3,
  ],
  ['truncated', '{\n  "info": {\n    "name": "x"', 'collection-read', ['not valid JSON'], undefined, 3],
  ['comments', '{\n  // exported\n  "item": []\n}', 'collection-read', ['comments are not allowed'], undefined, 2],
  [
    'v1 collection (requests and order)',
    JSON.stringify({
      id: 'a',
      name: 'Old',
      order: ['r1'],
      folders: [],
      requests: [{ id: 'r1', url: 'http://x', method: 'GET' }],
    }),
    'collection-invalid',
    [
      'Postman v1 collection',
      'npx postman-collection-transformer convert -i exports/in.json -o exports/in.v2.1.json -j 1.0.0 -p 2.1.0',
      'export it again as Collection v2.1',
    ],
    '/requests',
    undefined,
  ],
  [
    'v1 schema in info',
    JSON.stringify({
      info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v1.0.0/collection.json' },
      item: [],
    }),
    'collection-invalid',
    ['Postman v1 collection'],
    '/info/schema',
    undefined,
  ],
  [
    'OpenAPI 3 JSON',
    JSON.stringify({ openapi: '3.0.3', info: { title: 'Orders', version: '1' }, paths: {} }),
    'collection-invalid',
    ['OpenAPI/Swagger', `gen-collection openapi ${FILE}`],
    '',
    undefined,
  ],
  [
    'Swagger 2 JSON',
    JSON.stringify({ swagger: '2.0', info: { title: 'Orders', version: '1' }, paths: {} }),
    'collection-invalid',
    ['OpenAPI/Swagger', 'gen-collection openapi'],
    '',
    undefined,
  ],
  [
    'OpenAPI YAML',
    'openapi: 3.1.0\ninfo:\n  title: Orders\n  version: "1"\npaths: {}\n',
    'collection-invalid',
    ['OpenAPI/Swagger', 'gen-collection openapi'],
    '',
    undefined,
  ],
  [
    'environment file',
    JSON.stringify({
      id: 'e',
      name: 'dev',
      values: [{ key: 'base_url', value: 'x', enabled: true }],
      _postman_variable_scope: 'environment',
    }),
    'collection-invalid',
    ['Postman environment file', 'newman with -e'],
    '',
    undefined,
  ],
  [
    'globals file',
    JSON.stringify({ id: 'g', name: 'Globals', values: [], _postman_variable_scope: 'globals' }),
    'collection-invalid',
    ['Postman globals file', '-g'],
    '',
    undefined,
  ],
  [
    'environment without scope',
    JSON.stringify({ name: 'dev', values: [] }),
    'collection-invalid',
    ['Postman environment file'],
    '',
    undefined,
  ],
  ['top-level array', '[{"info": {}}]', 'collection-invalid', ['the top level is an array'], '', undefined],
  ['top-level string', '"collection"', 'collection-invalid', ['the top level is a string'], '', undefined],
  [
    'Postman API response wrapper',
    JSON.stringify({ collection: { info: { name: 'x' }, item: [] } }),
    'collection-invalid',
    ['wraps the collection', 'jq .collection'],
    '/collection',
    undefined,
  ],
  [
    'data dump',
    JSON.stringify({ version: 1, collections: [{ id: 'a' }], environments: [] }),
    'collection-invalid',
    ['data dump'],
    '/collections',
    undefined,
  ],
  [
    'neither info nor item',
    JSON.stringify({ name: 'x', variable: [] }),
    'collection-invalid',
    ['no "info" object and no "item" list'],
    '/info',
    undefined,
  ],
  [
    'info that is not an object',
    JSON.stringify({ info: 'x', item: [] }),
    'collection-invalid',
    ['"info" is not an object'],
    '/info',
    undefined,
  ],
  ['no item', JSON.stringify({ info: { name: 'x' } }), 'collection-invalid', ['"item" is missing'], '/item', undefined],
  [
    'unknown schema version',
    minimal({ info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v3.0.0/collection.json' } }),
    'collection-invalid',
    ['unsupported collection schema'],
    '/info/schema',
    undefined,
  ],
  [
    'an item that is not an object',
    minimal({ item: [{ name: 'Folder', item: ['oops'] }] }),
    'collection-invalid',
    ['an item is not an object'],
    '/item/0/item/0',
    undefined,
  ],
  [
    '"event" of the wrong type',
    minimal({ event: 'prerequest' }),
    'collection-invalid',
    ['"event" is neither'],
    '/event',
    undefined,
  ],
  [
    'token scripts outside a block (a build output)',
    minimal({
      event: [
        {
          listen: 'prerequest',
          script: { exec: ['// gen-collection 0.1.0: OAuth2 token', 'const genCollection = {', '};'] },
        },
      ],
    }),
    'collection-invalid',
    ['already holds gen-collection token scripts', 'regenerated with build'],
    '/event/0/script/exec',
    undefined,
  ],
  [
    'a 5,000-level nested folder (issue 16: it overflowed the stack)',
    nestedFolders(5000),
    'collection-invalid',
    ['nested more than 2,000 levels deep', 'flatten the structure', 'Newman 6'],
    folderPointer(1000),
    1,
  ],
  [
    'the same, cut off (not JSON, too deep to describe with jsonc-parser)',
    nestedFolders(5000, true),
    'collection-read',
    ['not valid JSON: nested more than 2,000 levels deep'],
    undefined,
    1,
  ],
  [
    'a block without its end marker',
    minimal({ event: [{ listen: 'prerequest', script: { exec: [BLOCK_BEGIN, 'code();'] } }] }),
    'collection-invalid',
    ['no end marker'],
    '/event/0/script/exec',
    undefined,
  ],
];

describe('inject: bad input is exit 2 with the file, what it is and the fix', () => {
  it.each(BAD_INPUTS)('%s', async (_name, text, code, parts, pointer, line) => {
    const error = await injectError(text);
    expect(error.code).toBe(code);
    expect(error.exitCode).toBe(2);
    expect(error.file).toBe(FILE);
    expect(error.message.startsWith(FILE)).toBe(true);
    for (const part of parts) expect(error.message).toMatch(typeof part === 'string' ? new RegExp(escape(part)) : part);
    if (pointer !== undefined) expect(error.pointer).toBe(pointer);
    if (line !== undefined) expect(error.line).toBe(line);
    expect(error.fix).toBeTruthy();
  });

  it('never quotes the invalid text (it may be a secret)', async () => {
    const error = await injectError('{\n  "info": {"name": "x"},\n  "token": s3cr3t-T0ken-value-99\n}');
    expect(error.line).toBe(3);
    expect(error.column).toBe(12);
    expect(error.message).not.toContain('s3cr3t');
  });
});

describe('inject refuses a collection holding literal secrets (it would write a file audit flags)', () => {
  const secret = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlcnMifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
  const json = JSON.parse(fixtureText('app-every-auth-type.postman_collection.json'));
  json.item[1].request.auth.basic[0].value = 'hunter2-hunter2';
  json.item[12].request.auth.bearer[0].value = secret;

  it('exit 2, naming each pointer and kind, never the values', async () => {
    const error = await injectError(JSON.stringify(json));
    expect(error.code).toBe('collection-invalid');
    expect(error.exitCode).toBe(2);
    expect(error.pointer).toBe('/item/1/request/auth/basic/0/value');
    expect(error.message).toContain('2 literal secrets in the collection');
    expect(error.message).toContain('/item/1/request/auth/basic/0/value: basic password in request auth');
    expect(error.message).toContain('/item/12/request/auth/bearer/0/value: bearer token in request auth');
    expect(error.message).toContain(`gen-collection audit ${FILE}`);
    expect(error.message).toContain('pass --extract-secrets FILE');
    expect(error.message).not.toContain('hunter2');
    expect(error.message).not.toContain(secret.slice(0, 12));
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// issue 23: a refusal points into the user's file (a v2.0 param by its name, as audit reads it), every cause at once
describe('inject refusals point into the input and give every cause at once', () => {
  const V20 = 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json';
  const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlcnMifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
  const collection = (schema: string, extra: object) =>
    JSON.stringify({ info: { name: 'x', schema }, item: [], ...extra });
  const basic = { type: 'basic', basic: { username: 'admin', password: 'hunter2-hunter2' } };

  it.each([
    {
      name: 'a v2.0 request param: by its name, not the v2.1 list position',
      text: collection(V20, { item: [{ name: 'r', request: { url: 'u', auth: basic } }] }),
      pointers: ['/item/0/request/auth/basic/password'],
    },
    {
      name: 'a v2.0 param of a saved example request',
      text: collection(V20, {
        item: [
          {
            name: 'r',
            request: { url: 'u' },
            response: [{ name: 'ok', originalRequest: { url: 'u', auth: { type: 'bearer', bearer: { token: jwt } } } }],
          },
        ],
      }),
      pointers: ['/item/0/response/0/originalRequest/auth/bearer/token'],
    },
    {
      name: 'a secret under a single-object item and response (wrapped into lists on output)',
      text: collection(V20, {
        item: [
          {
            name: 'folder',
            item: {
              name: 'r',
              request: { url: 'u', header: [{ key: 'Authorization', value: `Bearer ${jwt}` }] },
              response: { name: 'ok', originalRequest: { url: 'u', auth: basic } },
            },
          },
        ],
      }),
      pointers: ['/item/0/item/request/header/0/value', '/item/0/item/response/originalRequest/auth/basic/password'],
    },
  ])('$name', async ({ text, pointers }) => {
    const error = await injectError(text);
    expect(error.code).toBe('collection-invalid');
    expect(error.pointer).toBe(pointers[0]);
    for (const pointer of pointers) expect(error.message).toContain(`${FILE}: ${pointer}: `);
    expect(error.message).not.toMatch(/\/auth\/\w+\/\d+\/value/);
    expect(error.message).not.toContain('hunter2');
  });

  it('a collection refused for its own auth also lists its literal secrets (v2.0 pointers)', async () => {
    const error = await injectError(
      collection(V20, {
        auth: basic,
        item: [{ name: 'r', request: { url: 'u', auth: { type: 'bearer', bearer: { token: jwt } } } }],
      }),
    );
    expect(error.code).toBe('auth-conflict');
    expect(error.pointer).toBe('/auth');
    expect(error.message).toContain('the collection already has a collection-level basic auth');
    expect(error.message).toContain('2 literal secrets in the collection');
    expect(error.message).toContain(`${FILE}: /auth/basic/password: `);
    expect(error.message).toContain(`${FILE}: /item/0/request/auth/bearer/token: `);
    expect(error.message).toContain('pass --force to replace it');
    expect(error.message).toContain('pass --extract-secrets FILE');
    expect(error.message).not.toContain('hunter2');
  });

  it('with --extract-secrets the auth is the only cause left', async () => {
    const text = collection(V20, { auth: basic });
    const error = await injectCollection(text, {
      file: FILE,
      auth: oauth2(),
      warnings: new Warnings(),
      extractSecrets: true,
    }).then(
      () => undefined,
      (e: unknown) => e as GenCollectionError,
    );
    expect(error?.code).toBe('auth-conflict');
    expect(error?.message).not.toContain('literal secret');
  });

  it('"moved to" lines name the input position too', async () => {
    const text = collection(V20, { item: [{ name: 'r', request: { url: 'u', auth: basic } }] });
    const out = await injectCollection(text, {
      file: FILE,
      auth: oauth2(),
      warnings: new Warnings(),
      extractSecrets: true,
    });
    expect(out.extracted.map((m) => m.pointer)).toEqual(['/item/0/request/auth/basic/password']);
  });
});
