import { describe, expect, it } from 'vitest';
import { redactSecrets } from '../../src/audit/redact.js';
import { auditJson } from '../../src/audit/scan-json.js';

const GH = 'ghp_' + 'a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8';
// GitHub tokens have 36 characters after the prefix (secretlint's GitHub rule matches no other length)
const GH2 = 'ghu_' + '1234567890abcdef1234567890abcdef1234';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----';

function collection() {
  return {
    info: { name: 'Samples', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
    item: [
      {
        name: 'Create',
        request: {
          method: 'POST',
          header: [
            { key: 'Authorization', value: 'Bearer s3cr3t-token-value' },
            { key: 'Accept', value: 'application/json' },
          ],
          url: {
            raw: '{{base_url}}/x?api_key=k3y-v4lue-123&page=2',
            host: ['{{base_url}}'],
            path: ['x'],
            query: [
              { key: 'api_key', value: 'k3y-v4lue-123' },
              { key: 'page', value: '2' },
            ],
          },
          body: {
            mode: 'raw',
            raw: JSON.stringify(
              {
                name: 'kept',
                access_token: 'e72e16c7e42f292c6912e7710c838347ae178b4a',
                key: PEM,
                tokens: [GH, GH2],
                hide_secret: 'true',
              },
              null,
              2,
            ),
          },
        },
      },
    ],
  };
}

describe('redactSecrets', () => {
  it('empties every secret audit finds, and nothing else', () => {
    const value = collection();
    expect(auditJson('c.json', value).length).toBeGreaterThanOrEqual(3);
    const changed = redactSecrets(value);
    expect(changed.length).toBeGreaterThanOrEqual(3);
    expect(auditJson('c.json', value)).toEqual([]);
    const text = JSON.stringify(value);
    for (const secret of [
      's3cr3t-token-value',
      'k3y-v4lue-123',
      'e72e16c7e42f292c6912e7710c838347ae178b4a',
      GH,
      GH2,
      'MIIEow',
    ])
      expect(text).not.toContain(secret);
    const request = value.item[0]!.request;
    expect(request.header[1]).toEqual({ key: 'Accept', value: 'application/json' });
    expect(request.url.query[1]).toEqual({ key: 'page', value: '2' });
    const body = JSON.parse(request.body.raw) as Record<string, unknown>;
    expect(body.name).toBe('kept');
    expect(body.hide_secret).toBe('true');
  });

  it('leaves a clean value alone', () => {
    const value = {
      name: 'x',
      values: [
        { key: 'client_secret', value: '', type: 'secret' },
        { key: 'base_url', value: 'https://x' },
      ],
    };
    const before = JSON.stringify(value);
    expect(redactSecrets(value)).toEqual([]);
    expect(JSON.stringify(value)).toBe(before);
  });
});

describe('redactSecrets on a collection with folders: what it changed is scanned again, the rest left as it is', () => {
  const clean = (name: string) => ({ name, request: { method: 'GET', url: { raw: `{{base_url}}/${name}` } } });
  const nested = () => ({
    info: collection().info,
    item: [
      clean('a'),
      { name: 'folder', item: [clean('b'), clean('c'), collection().item[0]!, clean('d')] },
      { name: 'deep', item: [{ name: 'inner', item: [collection().item[0]!] }] },
      clean('e'),
    ],
  });
  it('every secret found at every depth, the same as at the top, nothing else changed', () => {
    const flat = redactSecrets(collection());
    const value = nested();
    const changed = redactSecrets(value);
    expect(auditJson('c.json', value)).toEqual([]);
    expect(changed).toEqual([
      ...flat.map((p) => p.replace(/^\/item\/0/, '/item/1/item/2')),
      ...flat.map((p) => p.replace(/^\/item\/0/, '/item/2/item/0/item/0')),
    ]);
    const untouched = nested();
    for (const [i, j] of [[0], [1, 0], [1, 1], [1, 3], [3]] as const) {
      const pick = (v: ReturnType<typeof nested>) =>
        j === undefined ? v.item[i] : (v.item[i] as { item: unknown[] }).item[j];
      expect(pick(value)).toEqual(pick(untouched));
    }
  });
});
