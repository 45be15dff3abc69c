/**
 * One place can hold many secrets of one kind: a sample body with a hundred `"password"` or `"imageInsightsToken"`
 * members (Bing's Image Search description has 103 in one saved response). `audit` reports one finding per place
 * and kind, but redaction and extraction must find them all: they took one a pass, a few passes at most, so
 * `openapi` wrote a collection `audit` flags, and `inject --extract-secrets` refused one it could have cleaned.
 */
import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/audit/redact.js';
import { auditJson, locateSecrets } from '../../src/audit/scan-json.js';
import { buildResolved } from '../../src/build/build-from-config.js';
import { injectCollection } from '../../src/inject/inject-collection.js';
import { Warnings } from '../../src/warnings.js';
import { oauth2 } from '../helpers/oauth2.js';
import { resolvedSpecConfig } from '../helpers/spec-config.js';

const COUNT = 12;
const passwords = Array.from({ length: COUNT }, (_, i) => `hunter2-${String.fromCharCode(97 + i)}x`);
const users = passwords.map((password, i) => ({ name: `user ${i}`, password }));

function collection(requestName = 'Create users') {
  return {
    info: { name: 'Many', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: requestName,
        request: {
          method: 'POST',
          url: { raw: '{{base_url}}/users', host: ['{{base_url}}'], path: ['users'] },
          body: { mode: 'raw', raw: JSON.stringify({ users }, null, 2) },
        },
        response: [{ name: 'ok', code: 200, body: JSON.stringify({ users }, null, 2) }],
      },
    ],
  };
}

describe('many secrets of one kind in one place', () => {
  it('audit reports one finding per place and kind; locateSecrets finds every secret', () => {
    const value = collection();
    expect(auditJson('c.json', value).map((f) => f.pointer)).toEqual([
      '/item/0/request/body/raw',
      '/item/0/response/0/body',
    ]);
    const located = locateSecrets(value);
    expect(located.filter((l) => l.path.join('/') === 'item/0/request/body/raw').map((l) => l.secret)).toEqual(
      passwords,
    );
    expect(located).toHaveLength(2 * COUNT);
  });

  it('redactSecrets empties them all: the result is audit-clean', () => {
    const value = collection();
    redactSecrets(value);
    expect(auditJson('c.json', value)).toEqual([]);
    expect(JSON.stringify(value)).not.toMatch(/hunter2/);
    expect(value.item[0]!.request.body.raw).toContain('"name": "user 11"');
  });

  it('inject --extract-secrets moves them all into variables, named with at most 40 characters of the request name', async () => {
    const name = 'The Image Search API lets you send a search query to Bing and get back a list of relevant images';
    const out = await injectCollection(JSON.stringify(collection(name)), {
      file: 'c.json',
      auth: oauth2(),
      warnings: new Warnings(),
      extractSecrets: true,
    });
    expect(auditJson('c.json', JSON.parse(out.text))).toEqual([]);
    expect(out.secretValues.map((v) => v.value)).toEqual(passwords);
    expect(out.secretValues.map((v) => v.key)).toEqual([
      // `password` is the token flow's own variable
      'the_image_search_api_lets_you_send_a_password',
      ...passwords.slice(1).map((_, i) => `the_image_search_api_lets_you_send_a_password_${i + 2}`),
    ]);
  });

  it('openapi leaves them all empty in an example body', async () => {
    const spec = {
      openapi: '3.0.3',
      info: { title: 'Many', version: '1' },
      servers: [{ url: 'https://api.example.com' }],
      paths: {
        '/users': {
          post: {
            summary: 'Create users',
            requestBody: { content: { 'application/json': { example: { users } } } },
            responses: { '200': { description: 'ok' } },
          },
        },
      },
    };
    const resolved = await resolvedSpecConfig(spec, ['postman', 'bruno']);
    const result = await buildResolved(resolved, 'redact');
    expect(auditJson(result.collectionFile, result.collection)).toEqual([]);
    for (const { files } of result.outputs) for (const f of files) expect(f.content, f.path).not.toMatch(/hunter2/);
  });
});
