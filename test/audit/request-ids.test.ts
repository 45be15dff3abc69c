import { describe, expect, it } from 'vitest';
import { auditJson } from '../../src/audit/scan-json.js';
import { isSecretName } from '../../src/audit/secret-names.js';
import { kv, withRequest, withSavedResponse } from './cases.js';

const UUID = 'c0a8d3f1-6e2b-4b7a-9f41-2d8e5a7c3b19';

describe('audit: random request ids are not secrets', () => {
  it.each(['Postman-Token', 'postman-token', 'postman_token', 'postmanToken', 'X-Postman-Token'])(
    '%s is not a secret name',
    (name) => {
      expect(isSecretName(name)).toBe(false);
    },
  );

  it.each(['postman_api_key', 'postman_access_token', 'token_postman_x'])('%s still is', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  const ids = [
    'Postman-Token',
    'X-Request-Id',
    'X-Correlation-Id',
    'Request-Id',
    'X-Amzn-RequestId',
    'X-Amzn-Trace-Id',
    'CF-Ray',
    'traceparent',
  ];

  it.each(ids)(
    '%s with a UUID in a request, a saved request, response headers and an echoed body: no finding',
    (name) => {
      const echoed = JSON.stringify(
        {
          headers: { [name.toLowerCase()]: UUID, host: 'postman-echo.com' },
          url: `https://postman-echo.com/get?cb=${UUID}`,
        },
        null,
        4,
      );
      const json = withSavedResponse({
        originalRequest: { method: 'GET', header: [kv(name, UUID)], url: `https://postman-echo.com/get?cb=${UUID}` },
        header: [kv(name, UUID)],
        body: echoed,
      });
      (json.item as { request: { header: unknown[] } }[])[0]!.request.header.push(kv(name, UUID));
      expect(auditJson('ids.json', json)).toEqual([]);
    },
  );

  it('a UUID-shaped API key is still a secret', () => {
    expect(
      auditJson(
        'k.json',
        withSavedResponse({ originalRequest: { method: 'GET', header: [kv('X-API-Key', UUID)], url: 'https://x/' } }),
      ),
    ).toEqual([
      {
        file: 'k.json',
        pointer: '/item/0/response/0/originalRequest/header/0/value',
        what: 'literal X-API-Key header in saved response request',
        masked: 'c0a8…',
      },
    ]);
  });
});

describe('audit: URL passwords', () => {
  it.each([
    ['in a URL string', withRequest({ url: 'https://deploy:Url-Pa55word@api.example.com/v1' }), '/item/0/request/url'],
    [
      'in the raw of a URL with a query list',
      withRequest({
        url: {
          raw: 'https://deploy:Url-Pa55word@api.example.com/v1?a=1',
          host: ['api', 'example', 'com'],
          query: [kv('a', '1')],
        },
      }),
      '/item/0/request/url/raw',
    ],
  ])('%s', (_name, json, pointer) => {
    expect(auditJson('u.json', json)).toEqual([
      { file: 'u.json', pointer, what: 'literal URL password in request', masked: 'Url-…' },
    ]);
  });

  it.each([
    'https://deploy:{{password}}@api.example.com',
    'https://deploy@api.example.com',
    '{{base_url}}/x',
    'mailto:someone@example.com',
  ])('%s: no finding', (url) => {
    expect(auditJson('u.json', withRequest({ url }))).toEqual([]);
  });
});
