// splitUrl must split URLs exactly as postman-collection's Url.parse (what Postman and Newman use) does.
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { splitUrl } from '../../src/postman/url.js';

const { Url } = createRequire(import.meta.url)('postman-collection') as { Url: { parse(raw: string): object } };

const urls = [
  '{{base_url}}/orders',
  '{{base_url}}/orders/:id?limit=10&x',
  'https://api.example.com:8443/v1/orders/',
  'http://user:pw@host/a',
  '{{base_url}}',
  '{{host}}.example.com/a//b',
  'https://h/p?q=a=b&r#frag',
  'localhost:3000/x',
  '{{base_url}}/a?x={{y}}&z',
  '/relative/path',
  '{{scheme}}://{{host}}:{{port}}/x',
  'https://[::1]:8080/x',
  'http://127.0.0.1:4010/v1/pets/:petId/photos',
  '{{base_url}}/search?q={{term}}&page=1&size=',
  'https://example.com',
  'https://example.com/?',
  '{{base_url}}/files/{{file_id}}/content#top',
  'https://api.example.com/v1/projects/{{project}}:batchGet',
];

describe('splitUrl', () => {
  it.each(urls)('%s splits as Url.parse does', (raw) => {
    expect(splitUrl(raw)).toEqual(
      JSON.parse(JSON.stringify(Url.parse(raw), (key, value) => (key === 'variable' ? undefined : value))),
    );
  });

  it('treats {{variables}} as opaque', () => {
    expect(splitUrl('{{a.b}}/x?{{q?}}=1')).toEqual({
      raw: '{{a.b}}/x?{{q?}}=1',
      host: ['{{a.b}}'],
      path: ['x'],
      query: [{ key: '{{q?}}', value: '1' }],
    });
  });
});
