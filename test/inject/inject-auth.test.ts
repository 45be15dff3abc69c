import { describe, expect, it } from 'vitest';
import { stableId } from '../../src/plan/ids.js';
import { GenCollectionError } from '../../src/errors.js';
import { Warnings } from '../../src/warnings.js';
import { injectCollection } from '../../src/inject/inject-collection.js';
import { fixtureText, tokenConfigOf } from './fixtures.js';
import { oauth2 } from '../helpers/oauth2.js';

const BASE = 'app-v21-nested-folders.postman_collection.json';

/** The nested-folders fixture with its collection-level auth set to `auth` (removed for undefined). */
function withCollectionAuth(auth: unknown): string {
  const json = JSON.parse(fixtureText(BASE));
  if (auth === undefined) delete json.auth;
  else json.auth = auth;
  return JSON.stringify(json, null, '\t');
}

async function injectError(text: string, opts: { force?: boolean } = {}): Promise<GenCollectionError> {
  const error = await injectCollection(text, {
    file: 'in.json',
    auth: oauth2(),
    warnings: new Warnings(),
    ...opts,
  }).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof GenCollectionError)) throw new Error(`expected a GenCollectionError, got ${String(error)}`);
  return error;
}

const LITERAL_TOKEN = 'sk-literal-4f9a8b7c6d5e';

describe('inject: an existing collection-level auth', () => {
  const conflicts: [string, unknown, string][] = [
    [
      'basic',
      {
        type: 'basic',
        basic: [
          { key: 'username', value: '{{u}}' },
          { key: 'password', value: '{{p}}' },
        ],
      },
      'basic auth',
    ],
    [
      'apikey',
      {
        type: 'apikey',
        apikey: [
          { key: 'key', value: 'X-API-Key' },
          { key: 'value', value: '{{api_key}}' },
        ],
      },
      'apikey auth',
    ],
    ['Postman oauth2', { type: 'oauth2', oauth2: [{ key: 'accessToken', value: '{{partner_token}}' }] }, 'oauth2 auth'],
    [
      'bearer with another variable',
      { type: 'bearer', bearer: [{ key: 'token', value: '{{partner_token}}', type: 'string' }] },
      'Bearer auth with {{partner_token}}',
    ],
    [
      'bearer with a literal token',
      { type: 'bearer', bearer: [{ key: 'token', value: LITERAL_TOKEN, type: 'string' }] },
      'Bearer auth with a literal token',
    ],
    [
      'v2.0 bearer with another variable',
      { type: 'bearer', bearer: { token: '{{other}}' } },
      'Bearer auth with {{other}}',
    ],
    ['awsv4', { type: 'awsv4', awsv4: [{ key: 'secretKey', value: '{{aws_secret}}' }] }, 'awsv4 auth'],
  ];

  it.each(conflicts)('%s: refused without --force (exit 2, says what is there)', async (_name, auth, described) => {
    const error = await injectError(withCollectionAuth(auth));
    expect(error.code).toBe('auth-conflict');
    expect(error.exitCode).toBe(2);
    expect(error.pointer).toBe('/auth');
    expect(error.message).toContain(`collection-level ${described}`);
    expect(error.message).toContain('--force');
    expect(error.message).not.toContain(LITERAL_TOKEN);
  });

  it.each(conflicts)('%s: replaced with --force, with a warning', async (_name, auth, described) => {
    const warnings = new Warnings();
    const out = await injectCollection(withCollectionAuth(auth), {
      file: 'in.json',
      auth: oauth2(),
      warnings,
      force: true,
    });
    expect(JSON.parse(out.text).auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }],
    });
    expect(warnings.list).toEqual([
      `replaced the collection-level ${described} with Bearer {{access_token}} (--force)`,
    ]);
    expect(out.text).not.toContain(LITERAL_TOKEN);
  });

  const fine: [string, unknown][] = [
    ['absent', undefined],
    ['null', null],
    ['noauth', { type: 'noauth' }],
    ['inherit', { type: 'inherit' }],
    ['our bearer (v2.1)', { type: 'bearer', bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }] }],
    ['our bearer (v2.0 object form)', { type: 'bearer', bearer: { token: '{{access_token}}' } }],
  ];

  it.each(fine)('%s: set to the Bearer without --force or warning', async (_name, auth) => {
    const warnings = new Warnings();
    const out = await injectCollection(withCollectionAuth(auth), { file: 'in.json', auth: oauth2(), warnings });
    expect(JSON.parse(out.text).auth).toEqual({
      type: 'bearer',
      bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }],
    });
    expect(warnings.list).toEqual([]);
  });

  it('uses the configured token variable, so a Bearer with the default name is then another auth', async () => {
    const auth = oauth2({ variables: { ...oauth2().variables, accessToken: 'orders_token' } });
    const text = withCollectionAuth({
      type: 'bearer',
      bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }],
    });
    await expect(injectCollection(text, { file: 'in.json', auth, warnings: new Warnings() })).rejects.toMatchObject({
      code: 'auth-conflict',
    });
    const out = await injectCollection(withCollectionAuth(undefined), {
      file: 'in.json',
      auth,
      warnings: new Warnings(),
    });
    expect(JSON.parse(out.text).auth.bearer[0].value).toBe('{{orders_token}}');
    expect(out.variables).toContain('orders_token');
  });
});

describe('inject: request and folder auth (folder-auth fixture)', () => {
  const file = 'folder-auth.postman_collection.json';
  const run = async (inheritBearer: boolean) => {
    const warnings = new Warnings();
    const out = await injectCollection(fixtureText(file), { file, auth: oauth2(), warnings, inheritBearer });
    return { json: JSON.parse(out.text), warnings: warnings.list };
  };

  it('skips requests that inherit noauth or another auth from a folder, giving them deterministic ids when they have none', async () => {
    const { json } = await run(false);
    const [ping1, ping2, status] = json.item[0].item;
    const [partnerOrders, admin] = json.item[1].item;
    const report = admin.item[0];
    const root = '2e4f8a1c-93b7-4c2d-8e5f-6a7b8c9d0e1f';
    expect(ping1.id).toBe(stableId('gen-collection inject', root, 'Public', 'Ping'));
    expect(ping2.id).toBe(stableId('gen-collection inject', root, 'Public', 'Ping#2'));
    expect(report.id).toBe(stableId('gen-collection inject', root, 'Partner', 'Partner admin', 'Partner report'));
    expect(status.id).toBe('6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b');
    expect(partnerOrders.id).toBe('b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e');
    expect(tokenConfigOf(json).skipRequestIds).toEqual([ping1.id, ping2.id, status.id, partnerOrders.id, report.id]);
    // the id sits next to the name, as the Postman app writes it
    expect(Object.keys(ping1)).toEqual(['name', 'id', 'request', 'response']);
    // requests that get the collection Bearer have no id added
    expect(admin.item[1].id).toBeUndefined();
    expect(json.item[2].item[0].id).toBeUndefined();
    expect(json.item[4].id).toBeUndefined();
    for (const id of [ping1.id, ping2.id, report.id])
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('warns about requests and folders that repeat the collection Bearer, and keeps them', async () => {
    const { json, warnings } = await run(false);
    expect(warnings).toEqual([
      'request "Partner / Partner admin / Partner with our token" (/item/1/item/1/item/1/request/auth) sets its own Bearer {{access_token}} auth; it works, but --inherit-bearer makes it inherit the collection auth',
      'folder "Secure" (/item/2/auth) sets its own Bearer {{access_token}} auth; it works, but --inherit-bearer makes it inherit the collection auth',
      'request "Me" (/item/3/request/auth) sets its own Bearer {{access_token}} auth; it works, but --inherit-bearer makes it inherit the collection auth',
    ]);
    expect(json.item[2].auth.type).toBe('bearer');
    expect(json.item[3].request.auth.type).toBe('bearer');
  });

  it('with --inherit-bearer removes that auth where the parent gives the collection Bearer, and only there', async () => {
    const { json, warnings } = await run(true);
    expect(json.item[2].auth).toBeUndefined();
    expect(json.item[3].request.auth).toBeUndefined();
    expect(Object.keys(json.item[3].request)).toEqual(['method', 'header', 'url']);
    // under the apikey folder, inheriting would send the apikey instead: kept
    expect(json.item[1].item[1].item[1].request.auth.type).toBe('bearer');
    expect(warnings).toEqual([
      expect.stringContaining(
        '"Partner / Partner admin / Partner with our token" (/item/1/item/1/item/1/request/auth) keeps its own Bearer {{access_token}} auth',
      ),
      expect.stringContaining('folder "Secure" (/item/2/auth) had its own Bearer {{access_token}} auth: removed'),
      expect.stringContaining('request "Me" (/item/3/request/auth) had its own Bearer {{access_token}} auth: removed'),
    ]);
  });

  it('with --inherit-bearer is idempotent too', async () => {
    const opts = { file, auth: oauth2(), inheritBearer: true };
    const once = await injectCollection(fixtureText(file), { ...opts, warnings: new Warnings() });
    const twice = await injectCollection(once.text, { ...opts, warnings: new Warnings() });
    expect(twice.text).toBe(once.text);
  });

  it('leaves request auth of every other type as it was, and warns only about the same Bearer', async () => {
    const zoo = 'app-every-auth-type.postman_collection.json';
    const warnings = new Warnings();
    const input = JSON.parse(fixtureText(zoo));
    const out = JSON.parse(
      (await injectCollection(fixtureText(zoo), { file: zoo, auth: oauth2(), warnings, inheritBearer: true })).text,
    );
    input.item.forEach((item: { name: string; request: { auth?: unknown } }, i: number) => {
      if (item.name === 'Bearer, same token') expect(out.item[i].request.auth).toBeUndefined();
      else expect(out.item[i].request.auth).toEqual(item.request.auth);
    });
    expect(warnings.list).toEqual([
      expect.stringContaining('request "Bearer, same token" (/item/13/request/auth) had its own'),
    ]);
    expect(tokenConfigOf(out).skipRequestIds).toBeUndefined(); // none to skip: the key is left out
  });
});
