import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILE_NAMES, configFileIn, findConfigFile } from '../../src/config/find.js';
import { configFormatOf, loadConfigFile, parseConfigText } from '../../src/config/load-config.js';
import { GenCollectionError } from '../../src/errors.js';
import { thrownError, thrownErrorSync } from '../helpers/gen-collection-error.js';
import { tempDir } from '../helpers/temp-dir.js';

const tmp = tempDir();

const JSON_TEXT = `{
  "name": "Orders API",
  "auth": { "type": "oauth2", "tokenUrl": "{{base_url}}/oauth/token" },
  "items": [
    {
      "name": "Orders",
      "items": [
        { "name": "List", "url": "{{base_url}}/orders" }
      ]
    }
  ],
  "a/b": { "c~d": 1 }
}
`;

const YAML_TEXT = `# a comment
name: Orders API
auth:
  type: oauth2
  tokenUrl: "{{base_url}}/oauth/token"
items:
  - name: Orders
    items:
      - name: List
        url: "{{base_url}}/orders"
"a/b":
  c~d: 1
`;

describe('locate: JSON pointer → position of the key in the source', () => {
  const json = parseConfigText(JSON_TEXT, 'c.json');
  const yaml = parseConfigText(YAML_TEXT, 'c.yaml');
  it.each([
    { pointer: '', json: { line: 1, column: 1 }, yaml: { line: 2, column: 1 } },
    { pointer: '/name', json: { line: 2, column: 3 }, yaml: { line: 2, column: 1 } },
    { pointer: '/auth/tokenUrl', json: { line: 3, column: 31 }, yaml: { line: 5, column: 3 } },
    { pointer: '/items/0', json: { line: 5, column: 5 }, yaml: { line: 7, column: 5 } },
    { pointer: '/items/0/items/0/url', json: { line: 8, column: 27 }, yaml: { line: 10, column: 9 } },
    { pointer: '/a~1b/c~0d', json: { line: 12, column: 12 }, yaml: { line: 12, column: 3 } },
    { pointer: '/items/1', json: undefined, yaml: undefined },
    { pointer: '/nope', json: undefined, yaml: undefined },
    { pointer: '/name/x', json: undefined, yaml: undefined },
  ])('$pointer', ({ pointer, json: inJson, yaml: inYaml }) => {
    expect(json.locate(pointer)).toEqual(inJson);
    expect(yaml.locate(pointer)).toEqual(inYaml);
  });

  it('JSON and YAML give the same value', () => {
    expect(yaml.config).toEqual(json.config);
    expect([json.format, yaml.format]).toEqual(['json', 'yaml']);
  });

  it('follows YAML aliases and merges keys', () => {
    const loaded = parseConfigText(
      'name: x\nvariables: &b\n  url: u\nitems:\n  - name: r\n    <<: *b\nenvironments:\n  dev: *b\n',
      'c.yaml',
    );
    expect(loaded.config).toEqual({
      name: 'x',
      variables: { url: 'u' },
      items: [{ name: 'r', url: 'u' }],
      environments: { dev: { url: 'u' } },
    });
    expect(loaded.locate('/environments/dev/url')).toEqual({ line: 3, column: 3 });
    expect(loaded.locate('/items/0/name')).toEqual({ line: 5, column: 5 });
  });
});

describe('loadConfigFile', () => {
  it('reads JSON and YAML files by extension and keeps the file name as given', async () => {
    const jsonFile = tmp.write('load/gen-collection.config.json', JSON_TEXT);
    const ymlFile = tmp.write('load/gen-collection.config.yml', YAML_TEXT);
    const json = await loadConfigFile(jsonFile);
    const yml = await loadConfigFile(ymlFile);
    expect(json.file).toBe(jsonFile);
    expect(json.format).toBe('json');
    expect(yml.format).toBe('yaml');
    expect(yml.config).toEqual(json.config);
  });

  it('accepts a UTF-8 BOM and keeps line numbers', async () => {
    const file = tmp.write('bom/gen-collection.config.json', '\uFEFF{\n  "name": "Orders"\n}\n');
    const loaded = await loadConfigFile(file);
    expect(loaded.config).toEqual({ name: 'Orders' });
    expect(loaded.locate('/name')).toEqual({ line: 2, column: 3 });
    const yaml = await loadConfigFile(tmp.write('bom/gen-collection.config.yaml', '\uFEFFname: Orders\n'));
    expect(yaml.config).toEqual({ name: 'Orders' });
  });

  it('reads YAML 1.2: yes/no/on stay strings, no dates', () => {
    const loaded = parseConfigText('name: yes\ndescription: 2024-01-01\nvariables:\n  flag: on\n  n: 010\n', 'c.yaml');
    expect(loaded.config).toEqual({ name: 'yes', description: '2024-01-01', variables: { flag: 'on', n: 10 } });
  });

  it.each([
    {
      name: 'missing file',
      path: () => join(tmp.dir, 'nope', 'gen-collection.config.json'),
      includes: ['no such file', 'gen-collection init'],
    },
    { name: 'a directory', path: () => join(tmp.dir), includes: ['is a directory'] },
    {
      name: 'invalid UTF-8',
      path: () => tmp.write('bad-utf8.json', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])),
      includes: ['not valid UTF-8'],
    },
  ])('read failure: $name → config-read, exit 2', async ({ path, includes }) => {
    const file = path();
    const e = await thrownError(() => loadConfigFile(file));
    expect(e.code).toBe('config-read');
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(file);
    for (const part of includes) expect(e.message).toContain(part);
    expect(e.fix).toBeTruthy();
  });

  it.each([
    { text: '{"name": "x", "a": }', problem: 'expected a value', column: 20 },
    { text: '{"name": "x" "a": 1}', problem: 'expected "," between two entries', column: 14 },
    { text: '{"name" "x"}', problem: 'expected ":" after the key', column: 9 },
    { text: '{"name": "x"', problem: 'expected "}" to close an object', column: 13 },
    { text: '{"name": "x"} {}', problem: 'unexpected content after the end', column: 15 },
    { text: '{"name": "a\\qb"}', problem: 'invalid escape sequence', column: 10 },
    { text: '{"name": "x", "n": 1.}', problem: 'invalid number', column: 20 },
    { text: '{"name": "x\ny"}', problem: 'unterminated string', column: 10 },
  ])('JSON syntax error "$problem" gives line and column', ({ text, problem, column }) => {
    const e = thrownErrorSync(() => parseConfigText(text, 'c.json'));
    expect(e.code).toBe('config-parse');
    expect(e.line).toBe(1);
    expect(e.column).toBe(column);
    expect(e.message).toContain(`c.json:1:${column}: invalid JSON: ${problem}`);
  });

  it('takes the format from the extension, case-insensitively', () => {
    expect(['a.json', 'a.YAML', 'a.yml', 'a.config', 'a'].map(configFormatOf)).toEqual([
      'json',
      'yaml',
      'yaml',
      'json',
      'json',
    ]);
  });
});

describe('findConfigFile', () => {
  it.each(CONFIG_FILE_NAMES.map((name) => ({ name })))('finds $name', ({ name }) => {
    const dir = join(tmp.dir, 'find-' + name);
    const file = tmp.write(join('find-' + name, name), '{}');
    expect(findConfigFile(dir)).toBe(file);
    expect(configFileIn(dir)).toBe(file);
  });

  it('none: exit 2 with the fix', () => {
    const dir = join(tmp.dir, 'find-none');
    mkdirSync(dir);
    const e = thrownErrorSync(() => findConfigFile(dir));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('no config file found');
    expect(e.message).toContain('gen-collection init');
    expect(e.message).toContain('-c');
    expect(configFileIn(dir)).toBeUndefined();
  });

  it('ignores a directory of that name', () => {
    const dir = join(tmp.dir, 'find-dir');
    mkdirSync(join(dir, 'gen-collection.config.json'), { recursive: true });
    expect(configFileIn(dir)).toBeUndefined();
  });

  it('more than one: exit 2 naming both', () => {
    tmp.write('find-two/gen-collection.config.json', '{}');
    tmp.write('find-two/gen-collection.config.yaml', '');
    const e = thrownErrorSync(() => findConfigFile(join(tmp.dir, 'find-two')));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('gen-collection.config.json');
    expect(e.message).toContain('gen-collection.config.yaml');
    expect(e.fix).toContain('-c');
  });
});

describe('duplicate keys in JSON (JSON.parse would silently keep the last)', () => {
  const duplicate = (text: string) => {
    try {
      parseConfigText(text, 'c.json');
      return undefined;
    } catch (error) {
      return (error as GenCollectionError).message;
    }
  };
  it.each([
    ['{"name":"a","name":"b"}', 'name'],
    ['{"name":"a","items":[{"name":"x","url":"u","url":"v"}]}', 'url'],
    ['{"name":"a","variables":{"a\\"b":"1","a\\u0022b":"2"}}', 'a"b'],
    ['{\n  "name": "a",\n  "auth": { "type": "none" },\n  "auth" : {}\n}', 'auth'],
  ])('%s → duplicate "%s"', (text, key) => {
    expect(duplicate(text)).toContain(`duplicate key "${key}"`);
  });
  it.each([
    '{"name":"a","description":"{\\"name\\":1,\\"name\\":2}"}',
    '{"name":"a","items":[{"name":"x","url":"u"},{"name":"x","url":"u"}]}',
    '{"name":"a","variables":{"name":"n"},"environments":{"dev":{"name":"d"}}}',
    '{"name":"a","description":"ends with a backslash \\\\"}',
  ])('%s has none', (text) => {
    expect(duplicate(text)).toBeUndefined();
  });
});
