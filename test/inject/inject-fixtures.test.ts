import { Collection } from 'postman-collection';
import { describe, expect, it } from 'vitest';
import { auditJson } from '../../src/audit/scan-json.js';
import { COLLECTION_SCHEMA_V21 } from '../../src/postman/collection.js';
import { Warnings } from '../../src/warnings.js';
import { injectCollection } from '../../src/inject/inject-collection.js';
import { BLOCK_BEGIN, BLOCK_END, placeScriptBlocks } from '../../src/inject/script-block.js';
import { FIXTURES, NEEDS_FORCE, fixtureText, undoInjection, withArrayAuthParams } from './fixtures.js';
import { oauth2 } from '../helpers/oauth2.js';
import { v21SchemaErrors } from '../helpers/postman-schema.js';

const inject = (text: string, file: string, warnings = new Warnings()) =>
  injectCollection(text, { file, auth: oauth2(), warnings, force: NEEDS_FORCE.has(file) });

describe('inject: every exported-collection fixture', () => {
  it('has at least 8 fixtures', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(8);
  });

  describe.each(FIXTURES)('%s', (file) => {
    const input = fixtureText(file);

    it('gives v2.1 with the collection Bearer and the token block that postman-collection parses', async () => {
      const out = await inject(input, file);
      const json = JSON.parse(out.text);
      expect(json.info.schema).toBe(COLLECTION_SCHEMA_V21);
      expect(json.auth).toEqual({
        type: 'bearer',
        bearer: [{ key: 'token', value: '{{access_token}}', type: 'string' }],
      });
      const sdk = new Collection(JSON.parse(out.text));
      expect(sdk.items.count()).toBe(json.item.length);
      expect(sdk.auth?.type).toBe('bearer');
      const pre = sdk.events.listeners('prerequest');
      expect(pre.length).toBeGreaterThanOrEqual(1);
      const code = pre.map((e) => e.script.toSource()).join('\n');
      expect(code).toContain(BLOCK_BEGIN);
      expect(code).toContain(BLOCK_END);
      expect(code).toContain('const genCollection = ');
    });

    it('gives a collection the official v2.1.0 schema accepts', async () => {
      expect(v21SchemaErrors(JSON.parse((await inject(input, file)).text))).toEqual([]);
    });

    it('is idempotent: injecting the output again gives the same bytes', async () => {
      const once = await inject(input, file);
      const twice = await inject(once.text, file);
      expect(twice.text).toBe(once.text);
      expect(twice.variables).toEqual(once.variables);
    });

    it('without `templates` (inject with no --env-dir): the same text, and no template variables looked for', async () => {
      const full = await inject(input, file);
      const bare = await injectCollection(input, {
        file,
        auth: oauth2(),
        warnings: new Warnings(),
        force: NEEDS_FORCE.has(file),
        templates: false,
      });
      expect(bare.text).toBe(full.text);
      expect(bare.collectionVariables).toEqual(full.collectionVariables);
      expect(full.variables).toContain('access_token');
      expect([bare.variables, bare.secretVariables]).toEqual([[], []]);
    });

    it('is lossless: minus the documented additions the output is the input, key order included', async () => {
      const out = await inject(input, file);
      const original = JSON.parse(input.replace(/^\uFEFF/, ''));
      const undone = undoInjection(JSON.parse(out.text), original);
      expect(JSON.stringify(undone, null, 1)).toBe(JSON.stringify(withArrayAuthParams(original), null, 1));
    });

    it('writes nothing audit flags', async () => {
      const out = await inject(input, file);
      expect(auditJson(file, JSON.parse(out.text))).toEqual([]);
    });

    it('keeps the layout: indentation and line endings of the input, no BOM, final newline', async () => {
      const out = await inject(input, file);
      const source = input.replace(/^\uFEFF/, '');
      expect(out.text.charCodeAt(0)).not.toBe(0xfeff);
      expect(out.text.endsWith(source.includes('\r\n') ? '}\r\n' : '}\n')).toBe(true);
      const indent = /\n([ \t]+)"/.exec(source)?.[1] ?? '  ';
      expect(/\n([ \t]+)"/.exec(out.text)?.[1]).toBe(indent);
      expect(out.text.includes('\r\n')).toBe(source.includes('\r\n'));
    });
  });
});

describe('inject: details per export shape', () => {
  it('v2.0: converts object-form auth params and single-object events everywhere, keeps exec strings', async () => {
    const file = 'app-v20-object-auth.postman_collection.json';
    const warnings = new Warnings();
    const json = JSON.parse((await inject(fixtureText(file), file, warnings)).text);
    const create = json.item[0].item[1];
    expect(create.request.auth.basic).toEqual([
      { key: 'username', value: '{{billing_user}}', type: 'string' },
      { key: 'password', value: '{{billing_password}}', type: 'string' },
      { key: 'saveHelperData', value: true, type: 'boolean' },
      { key: 'showPassword', value: false, type: 'boolean' },
    ]);
    expect(create.response[0].originalRequest.auth.basic[1]).toEqual({
      key: 'password',
      value: '{{billing_password}}',
      type: 'string',
    });
    expect(json.item[1].request.auth.apikey.map((p: { key: string }) => p.key)).toEqual(['key', 'value', 'in']);
    // the collection's single event became a list; its exec string stays a string, user lines after the block
    expect(Array.isArray(json.event)).toBe(true);
    const exec: string = json.event[0].script.exec;
    expect(typeof exec).toBe('string');
    expect(exec.startsWith(`${BLOCK_BEGIN}\n`)).toBe(true);
    expect(
      exec.endsWith(`${BLOCK_END}\n// stamp every request\npostman.setEnvironmentVariable("request_ts", Date.now());`),
    ).toBe(true);
    // an item's single-object event is a list in v2.1 too (issue 23): the same one event, in a list
    expect(json.item[0].item[0].event).toEqual([JSON.parse(fixtureText(file)).item[0].item[0].event]);
    expect(warnings.list).toEqual([
      expect.stringContaining('request "Invoices / Legacy token call" (/item/0/item/2/request/auth)'),
    ]);
  });

  // issue 23: every single object a v2.0 reader takes where v2.1 wants a list, at every level, becomes a list
  it('wraps single-object event, variable, response and item lists: the output passes the v2.1 schema', async () => {
    const event = { listen: 'test', script: { type: 'text/javascript', exec: ['pm.test("ok", () => {});'] } };
    const variable = { key: 'page', value: '1' };
    const input = {
      info: { name: 'x', schema: 'https://schema.getpostman.com/json/collection/v2.0.0/collection.json' },
      item: [
        {
          name: 'folder',
          event,
          variable,
          item: { name: 'r', event, request: { url: 'u' }, response: { name: 'ok', code: 200, body: '' } },
        },
      ],
      variable,
    };
    expect(v21SchemaErrors({ ...input, info: { ...input.info, schema: COLLECTION_SCHEMA_V21 } })).not.toEqual([]);
    const json = JSON.parse((await inject(JSON.stringify(input, null, 2), 'single.json')).text);
    expect(v21SchemaErrors(json)).toEqual([]);
    const [folder] = json.item;
    expect(json.variable).toEqual([variable]);
    expect(folder.event).toEqual([event]);
    expect(folder.variable).toEqual([variable]);
    expect(folder.item).toEqual([expect.objectContaining({ name: 'r', event: [event] })]);
    expect(folder.item[0].response).toEqual([{ name: 'ok', code: 200, body: '' }]);
  });

  it.each([
    {
      name: "the collection's own top-level name (newman's inherited-entities shape)",
      root: { name: 'Inherited' },
      expected: 'Inherited',
      says: 'its top-level "name"',
    },
    { name: 'the file name when there is no top-level name', root: {}, expected: 'legacy', says: 'after the file' },
    {
      name: 'the file name when the top-level name is blank',
      root: { name: ' ' },
      expected: 'legacy',
      says: 'after the file',
    },
  ])('a collection without info is named by $name', async ({ root, expected, says }) => {
    const warnings = new Warnings();
    const text = JSON.stringify({ ...root, item: [{ name: 'r', request: { url: 'u' } }] });
    const json = JSON.parse((await inject(text, 'exports/legacy.postman_collection.json', warnings)).text);
    expect(json.info).toEqual({ name: expected, schema: COLLECTION_SCHEMA_V21 });
    expect(warnings.list.join('\n')).toContain(`wrote one named "${expected}" (${says})`);
    expect(v21SchemaErrors(json)).toEqual([]);
  });

  it('puts the block in front of the user lines of array-form scripts and keeps those lines', async () => {
    const file = 'app-v21-nested-folders.postman_collection.json';
    const json = JSON.parse((await inject(fixtureText(file), file)).text);
    const [pre, test] = json.event;
    expect(pre.listen).toBe('prerequest');
    expect(pre.script.exec[0]).toBe(BLOCK_BEGIN);
    expect(pre.script.exec.slice(-2)).toEqual([
      BLOCK_END,
      "pm.request.headers.upsert({ key: 'X-Trace-Id', value: pm.variables.replaceIn('{{$guid}}') });",
    ]);
    expect(test.script.exec.slice(-2)).toEqual([
      BLOCK_END,
      "console.log('response', pm.info.requestName, pm.response.code);",
    ]);
    expect(pre.script.packages).toEqual({});
  });

  it('adds a new test event when the only one is disabled, and warns about a hand-written token script', async () => {
    const file = 'scripts-and-bodies.postman_collection.json';
    const warnings = new Warnings();
    const json = JSON.parse((await inject(fixtureText(file), file, warnings)).text);
    expect(json.event.map((e: { listen: string; disabled?: boolean }) => [e.listen, e.disabled ?? false])).toEqual([
      ['prerequest', false],
      ['test', true],
      ['test', false],
    ]);
    expect(json.event[1].script.exec).toEqual([
      'pm.test("not a server error", () => pm.expect(pm.response.code).to.be.below(500));',
    ]);
    expect(json.event[2].script.exec[0]).toBe(BLOCK_BEGIN);
    expect(warnings.list).toEqual([expect.stringContaining('also calls pm.sendRequest')]);
  });

  it('adds events (before "variable") to a collection without any', async () => {
    const file = 'app-every-auth-type.postman_collection.json';
    const json = JSON.parse((await inject(fixtureText(file), file)).text);
    expect(Object.keys(json)).toEqual(['info', 'item', 'auth', 'event', 'variable']);
    expect(json.event.map((e: { listen: string }) => e.listen)).toEqual(['prerequest', 'test']);
  });

  it('leaves no test block when the test code is empty, and drops the event that held only the old block', async () => {
    const file = 'app-every-auth-type.postman_collection.json';
    const json = JSON.parse((await inject(fixtureText(file), file)).text);
    placeScriptBlocks(json, { prerequest: 'one();', test: '' }, file);
    expect(json.event.map((e: { listen: string }) => e.listen)).toEqual(['prerequest']);
    expect(json.event[0].script.exec).toEqual([BLOCK_BEGIN, 'one();', BLOCK_END]);
  });

  it('returns the variables for environment templates: {{…}} uses and the auth variables, and the collection-defined ones', async () => {
    const file = 'app-v21-nested-folders.postman_collection.json';
    const out = await injectCollection(fixtureText(file), {
      file,
      auth: oauth2({ tokenUrl: '{{auth_url}}/token', params: { audience: '{{audience}}' } }),
      warnings: new Warnings(),
    });
    expect(out.variables).toEqual([
      'access_token',
      'audience',
      'auth_url',
      'base_url',
      'client_id',
      'client_secret',
      'qty',
      'refresh_token',
      'token_expires_at',
    ]);
    expect(out.collectionVariables).toEqual(['base_url', 'qty']);
  });

  it('adds username and password to the variables for the password grant', async () => {
    const file = 'windows-bom-crlf.postman_collection.json';
    const out = await injectCollection(fixtureText(file), {
      file,
      auth: oauth2({ grantType: 'password' }),
      warnings: new Warnings(),
    });
    expect(out.variables).toEqual(expect.arrayContaining(['username', 'password']));
  });
});
