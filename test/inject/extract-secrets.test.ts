import { Collection } from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { auditJson } from '../../src/audit/scan-json.js';
import { injectCollection } from '../../src/inject/inject-collection.js';
import { Warnings } from '../../src/warnings.js';
import { oauth2 } from '../helpers/oauth2.js';
import { undoInjection, withArrayAuthParams } from './fixtures.js';
import { SECRET_FIXTURES, allStrings, kindCases, secretFixtureText, substitute } from './secret-fixtures.js';

const extract = (text: string, file: string, warnings = new Warnings()) =>
  injectCollection(text, { file, auth: oauth2(), warnings, extractSecrets: true });

const CASES: [string, string, string[] | undefined][] = [
  ...kindCases(),
  ...SECRET_FIXTURES.map((file) => [file, secretFixtureText(file), undefined] as [string, string, undefined]),
];

describe('inject --extract-secrets: every kind of literal, v2.0 and v2.1', () => {
  it.each(CASES)('%s: refused without the flag, naming it', async (file, text) => {
    await expect(injectCollection(text, { file, auth: oauth2(), warnings: new Warnings() })).rejects.toThrow(
      /--extract-secrets FILE/,
    );
  });

  describe.each(CASES)('%s', (file, text, literals) => {
    const original = JSON.parse(text);

    it('gives an audit-clean collection that postman-collection parses, holding none of the values', async () => {
      const out = await extract(text, file);
      const json = JSON.parse(out.text);
      expect(auditJson(file, json)).toEqual([]);
      expect(out.secretValues.length).toBeGreaterThan(0);
      const sdk = new Collection(json);
      expect(sdk.items.count()).toBe(json.item.length);
      const strings = allStrings(json).join('\n');
      for (const { value } of out.secretValues)
        expect(strings.includes(value), `value of a moved variable left in the output`).toBe(false);
      if (literals) expect(out.secretValues.map((v) => v.value).sort()).toEqual([...literals].sort());
    });

    it('is lossless: the values substituted back give the original (besides inject’s documented additions)', async () => {
      const out = await extract(text, file);
      const restored = substitute(JSON.parse(out.text), out.secretValues);
      expect(JSON.stringify(undoInjection(restored, original), null, 1)).toBe(
        JSON.stringify(withArrayAuthParams(original), null, 1),
      );
    });

    it('one variable per distinct value, names unique, none a token-flow or collection variable', async () => {
      const out = await extract(text, file);
      const keys = out.secretValues.map((v) => v.key);
      expect(new Set(keys).size).toBe(keys.length);
      expect(new Set(out.secretValues.map((v) => v.value)).size).toBe(keys.length);
      for (const key of keys) expect(key).toMatch(/^[a-z][a-z0-9_]*$/);
      const reserved = [
        ...Object.values(oauth2().variables),
        'base_url',
        'echo_url',
        'echo_host',
        'token_url',
        'partner_secret',
        'region',
      ];
      for (const key of keys) expect(reserved).not.toContain(key);
      expect(out.extracted.map((m) => m.variable).every((v) => keys.includes(v))).toBe(true);
      for (const moved of out.extracted) expect(moved.masked).toMatch(/^(.{4})?…$/u);
      expect(out.secretVariables).toEqual(expect.arrayContaining(keys.filter((k) => out.variables.includes(k))));
    });

    it('is deterministic and idempotent: the same input gives the same bytes; the output again, with or without the flag, too', async () => {
      const once = await extract(text, file);
      const again = await extract(text, file);
      expect(again.text).toBe(once.text);
      expect(again.secretValues).toEqual(once.secretValues);
      const twice = await extract(once.text, file);
      expect(twice.text).toBe(once.text);
      expect(twice.extracted).toEqual([]);
      const plain = await injectCollection(once.text, { file, auth: oauth2(), warnings: new Warnings() });
      expect(plain.text).toBe(once.text);
      expect(plain.secretVariables).toEqual(once.secretVariables);
    });
  });
});

describe('inject --extract-secrets: names and places', () => {
  const file = 'secrets-v21.postman_collection.json';

  it('names each variable after where the value was, prefixing the request name when the name is taken', async () => {
    const out = await extract(secretFixtureText(file), file);
    expect(out.secretValues.map((v) => v.key)).toEqual([
      'authorization_header',
      'oauth1_consumer_secret',
      'oauth1_token',
      'oauth1_token_secret',
      'hawk_auth_key',
      'awsv4_secret_key',
      'awsv4_session_token',
      'digest_password',
      'ntlm_password',
      'basic_password',
      'echo_client_secret', // client_secret is the token flow's own variable
      'api_key',
      'login_password', // password is the token flow's too
      'url_password',
      'x_api_key_header',
      'me_access_token',
      'me_authorization_header', // another value than authorization_header
      'session_cookie',
      'collection_partner_secret', // the collection variable keeps its own name and refers to this one
    ]);
    const json = JSON.parse(out.text);
    expect(json.item[0].item[0].request.header[0].value).toBe('OAuth {{authorization_header}}');
    expect(json.item[3].request.body.raw).toBe(
      '{\n    "username": "alice",\n    "password": "{{login_password}}",\n    "remember": true\n}',
    );
    expect(json.item[2].request.url.raw).toBe('{{echo_url}}/search?q=shoes&api_key={{api_key}}');
    expect(json.item[4].request.url.raw).toBe('http://legacy:{{url_password}}@{{echo_host}}/legacy');
    expect(json.item[5].response[0].header[1].value).toBe('session={{session_cookie}}; Path=/; HttpOnly');
    expect(json.variable[0]).toEqual({ key: 'partner_secret', value: '{{collection_partner_secret}}', type: 'string' });
  });

  it('lists one move per place, with the pointer in the output and the value masked', async () => {
    const out = await extract(secretFixtureText(file), file);
    expect(out.extracted.slice(0, 2)).toEqual([
      { pointer: '/item/0/item/0/request/header/0/value', variable: 'authorization_header', masked: 'oaut…' },
      { pointer: '/item/0/item/1/request/auth/oauth1/3/value', variable: 'oauth1_consumer_secret', masked: 'kd94…' },
    ]);
    // the same value in two places is one variable, reported at both
    expect(out.extracted.filter((m) => m.variable === 'session_cookie').map((m) => m.pointer)).toEqual([
      '/item/5/response/0/header/1/value',
      '/item/5/response/0/cookie/0/value',
    ]);
  });

  it('leaves Postman-Token and request ids alone', async () => {
    const out = JSON.parse((await extract(secretFixtureText(file), file)).text);
    const saved = out.item[5].response[0];
    expect(saved.originalRequest.header.slice(2)).toEqual([
      { key: 'Postman-Token', value: 'c0a8d3f1-6e2b-4b7a-9f41-2d8e5a7c3b19', type: 'string' },
      { key: 'X-Request-Id', value: '5f0c2a8e-1d3b-4c6f-8e9a-7b2d4f6a8c01', type: 'string' },
    ]);
    expect(saved.body).toContain('"postman-token": "c0a8d3f1-6e2b-4b7a-9f41-2d8e5a7c3b19"');
  });

  it('replaces a short value only where it stands on its own, not inside other words', async () => {
    const text = JSON.stringify({
      info: { name: 'short', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'Login',
          request: {
            method: 'POST',
            url: 'https://x/login',
            body: { mode: 'raw', raw: '{"name": "abc", "pwd": "a", "note": "a b"}' },
          },
        },
      ],
    });
    const out = await extract(text, 'short.json');
    expect(JSON.parse(out.text).item[0].request.body.raw).toBe('{"name": "abc", "pwd": "{{pwd}}", "note": "a b"}');
    expect(out.secretValues).toEqual([{ key: 'pwd', value: 'a' }]);
  });

  it('refuses secrets in scripts even with the flag: a {{variable}} is not resolved there', async () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJvcmRlcnMifQ.c2lnbmF0dXJlLXNpZ25hdHVyZQ';
    const text = JSON.stringify({
      info: { name: 'script', schema: 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json' },
      item: [
        {
          name: 'R',
          event: [{ listen: 'prerequest', script: { exec: [`pm.environment.set("t", "${jwt}");`] } }],
          request: { method: 'GET', url: 'https://x/' },
        },
      ],
    });
    await expect(extract(text, 'script.json')).rejects.toThrow(
      /\/item\/0\/event\/0\/script\/exec\/0[\s\S]*pm\.variables\.get/,
    );
  });
});
