import { afterAll, describe, expect, it } from 'vitest';
import { GenCollectionError } from '../../src/errors.js';
import { bundleUserScripts, type ScriptEvent } from '../../src/scripts/user-scripts.js';
import { VERSION } from '../../src/version.js';
import { scriptProject, TINY_PACKAGE, type ScriptProject } from './script-project.js';
import { thrownError } from '../helpers/gen-collection-error.js';

const projects: ScriptProject[] = [];
afterAll(() => projects.forEach((p) => p.remove()));

function project(files: Record<string, string>): ScriptProject {
  const p = scriptProject(files);
  projects.push(p);
  return p;
}

async function bundleError(p: ScriptProject, entries: string[], event: ScriptEvent): Promise<GenCollectionError> {
  const refs = entries.map((entry, i) => p.ref(entry, `/items/${i}/scripts/${event}`));
  return thrownError(() => bundleUserScripts(refs, event));
}

interface BundleCase {
  name: string;
  files: Record<string, string>;
  entry: string;
  event: ScriptEvent;
  contains?: string[];
  excludes?: string[];
}

const bundles: BundleCase[] = [
  {
    name: 'a local helper module is inlined',
    files: {
      'scripts-src/lib/twice.ts': 'export function twice(n: number): number {\n  return n * 2;\n}\n',
      'scripts-src/main.ts':
        "import { twice } from './lib/twice.js';\npm.test('twice', () => pm.expect(twice(2)).to.equal(4));\n",
    },
    entry: 'scripts-src/main.ts',
    event: 'test',
    contains: ['// scripts-src/lib/twice.ts', 'function twice(n)'],
    excludes: ['./lib/twice'],
  },
  {
    name: 'lodash (a sandbox module) stays a require call',
    files: {
      'scripts-src/main.ts': "import _ from 'lodash';\npm.test('sum', () => pm.expect(_.sum([1, 2])).to.equal(3));\n",
    },
    entry: 'scripts-src/main.ts',
    event: 'prerequest',
    contains: ['require("lodash")'],
  },
  {
    name: 'several sandbox modules stay require calls, typed or not',
    files: {
      'scripts-src/main.ts':
        "import CryptoJS from 'crypto-js';\nimport { v4 } from 'uuid';\nimport * as sdk from 'postman-collection';\n" +
        "const id: string = v4();\npm.variables.set('sig', CryptoJS.SHA256(id).toString());\nconsole.log(sdk.Url.parse('http://x').host);\n",
    },
    entry: 'scripts-src/main.ts',
    event: 'prerequest',
    contains: ['require("crypto-js")', 'require("uuid")', 'require("postman-collection")'],
  },
  {
    name: 'an npm package that is not a sandbox module is inlined',
    files: {
      ...TINY_PACKAGE,
      'scripts-src/main.ts': "import { shout } from 'tiny-shout';\nconsole.log(shout('hi'));\n",
    },
    entry: 'scripts-src/main.ts',
    event: 'test',
    contains: ['// node_modules/tiny-shout/index.js', 'text.toUpperCase()'],
    excludes: ['require("tiny-shout")'],
  },
  {
    name: 'a test script may use pm.response',
    files: {
      'scripts-src/status.ts':
        "pm.test('status', () => {\n  const code: number = pm.response.code;\n  pm.expect(code).to.equal(200);\n});\n",
    },
    entry: 'scripts-src/status.ts',
    event: 'test',
    contains: ['pm.response.code'],
  },
  {
    name: 'a JavaScript file is not type-checked (pm.response in a pre-request script)',
    files: {
      'scripts-src/plain.js': "const code = pm.response.code;\nconst n = 'not a number';\nconsole.log(code, n * 2);\n",
    },
    entry: 'scripts-src/plain.js',
    event: 'prerequest',
    contains: ['pm.response.code'],
  },
  {
    name: 'look-alikes in comments and strings are not flagged',
    files: {
      'scripts-src/quiet.ts': [
        "// pm.vault.get('x'), pm.require('@team/x'), await pm.sendRequest(url)",
        "/* import fs from 'node:fs'; const c = require('crypto'); for await (const x of y) {} */",
        "const text = \"pm.vault require('fs') await pm.sendRequest('u')\";",
        "const template = `pm.require(${text.length}) import('node:os')`;",
        'console.log(text, template);',
        '',
      ].join('\n'),
    },
    entry: 'scripts-src/quiet.ts',
    event: 'prerequest',
  },
  {
    name: 'callback pm.sendRequest, fire-and-forget pm.sendRequest and await inside an async function are allowed',
    files: {
      'scripts-src/send.ts': [
        "pm.sendRequest('https://example.com', (err, res) => console.log(err, res));",
        "pm.sendRequest('https://example.com/ping');",
        'async function later(): Promise<number> {',
        '  return await Promise.resolve(1);',
        '}',
        'later().then((n) => console.log(n), () => undefined);',
        '',
      ].join('\n'),
    },
    entry: 'scripts-src/send.ts',
    event: 'prerequest',
    contains: ['async function later()'],
  },
  {
    name: 'pm.sendRequest with a plain request object (gen-collection augmentation of the typings)',
    files: {
      'scripts-src/send.ts': [
        "pm.sendRequest({ url: 'https://example.com', method: 'POST', header: [{ key: 'A', value: 'b' }] }, (err, res) => {",
        '  console.log(err, res?.code);',
        '});',
        '',
      ].join('\n'),
    },
    entry: 'scripts-src/send.ts',
    event: 'prerequest',
  },
  {
    name: 'the sandbox globals type-check: console, require, timers, btoa and atob',
    files: {
      'scripts-src/globals.ts': [
        "const moment = require('moment');",
        "const timer = setTimeout(() => console.info(btoa('a'), atob('YQ==')), 10);",
        'clearTimeout(timer);',
        'const tick = setInterval(() => console.warn(moment()), 10);',
        'clearInterval(tick);',
        "setImmediate(() => console.error('done'));",
        '',
      ].join('\n'),
    },
    entry: 'scripts-src/globals.ts',
    event: 'test',
    contains: ['require("moment")'],
  },
  {
    name: 'a type-only import of a local module is erased',
    files: {
      'scripts-src/types.ts': 'export interface Thing { id: string }\n',
      'scripts-src/main.ts':
        "import type { Thing } from './types.js';\nconst thing: Thing = { id: 'a' };\nconsole.log(thing.id);\n",
    },
    entry: 'scripts-src/main.ts',
    event: 'test',
    excludes: ['./types'],
  },
];

describe('bundleUserScripts: scripts that bundle', () => {
  it.each(bundles)('$name', async (c) => {
    const p = project(c.files);
    const [code] = await bundleUserScripts([p.ref(c.entry)], c.event);
    const lines = code!.split('\n');
    expect(lines[0]).toBe(`// ${c.entry} (${c.event} script), bundled by gen-collection ${VERSION}`);
    expect(lines[1]).toBe('(() => {');
    expect(code).not.toMatch(/^\s*(?:import|export)\b/m);
    expect(code).not.toContain(p.dir);
    for (const text of c.contains ?? []) expect(code).toContain(text);
    for (const text of c.excludes ?? []) expect(code).not.toContain(text);
  });
});

interface ErrorCase {
  name: string;
  files: Record<string, string>;
  entries: string[];
  event: ScriptEvent;
  code: GenCollectionError['code'];
  file?: string;
  line?: number;
  column?: number;
  message: RegExp;
  fix?: RegExp;
}

const errors: ErrorCase[] = [
  {
    name: 'type error',
    files: { 'scripts-src/bad.ts': "const ok = 1;\nconst n: number = 'text';\nconsole.log(ok, n);\n" },
    entries: ['scripts-src/bad.ts'],
    event: 'test',
    code: 'script-type',
    file: 'scripts-src/bad.ts',
    line: 2,
    column: 7,
    message: /Type 'string' is not assignable to type 'number'\. \(TS2322\)/,
    fix: /strict mode against the Postman sandbox typings/,
  },
  {
    name: 'pm.response in a pre-request script',
    files: {
      'scripts-src/status.ts':
        "pm.test('status', () => {\n  const code: number = pm.response.code;\n  pm.expect(code).to.equal(200);\n});\n",
    },
    entries: ['scripts-src/status.ts'],
    event: 'prerequest',
    code: 'script-type',
    file: 'scripts-src/status.ts',
    line: 2,
    column: 27,
    message: /Property 'response' does not exist on type 'Postman'/,
    fix: /pm\.response exists in test scripts only/,
  },
  {
    name: 'type error in an imported local module, named relative to the config',
    files: {
      'scripts-src/lib/helper.ts': 'export function twice(n: number): string {\n  return n * 2;\n}\n',
      'scripts-src/main.ts': "import { twice } from './lib/helper.js';\nconsole.log(twice(1));\n",
    },
    entries: ['scripts-src/main.ts'],
    event: 'test',
    code: 'script-type',
    file: 'scripts-src/lib/helper.ts',
    line: 2,
    message: /Type 'number' is not assignable to type 'string'/,
  },
  {
    name: 'every type error of the batch is listed, the first one located',
    files: {
      'scripts-src/a.ts': "const a: number = 'a';\nconsole.log(a);\n",
      'scripts-src/b.ts': 'const b: string = 1;\nconsole.log(b);\n',
    },
    entries: ['scripts-src/a.ts', 'scripts-src/b.ts'],
    event: 'test',
    code: 'script-type',
    file: 'scripts-src/a.ts',
    line: 1,
    message: /\n {2}scripts-src\/b\.ts:1:7: Type 'number' is not assignable to type 'string'/,
  },
  {
    name: 'the list of errors is bounded',
    files: {
      'scripts-src/many.ts': Array.from({ length: 14 }, (_, i) => `const v${i}: number = '${i}';`).join('\n') + '\n',
    },
    entries: ['scripts-src/many.ts'],
    event: 'test',
    code: 'script-type',
    file: 'scripts-src/many.ts',
    line: 1,
    message: /many\.ts:10:7: [^\n]*\n {2}… and 4 more\n/,
  },
  {
    name: 'an npm package without typings is a type error in TypeScript',
    files: {
      'node_modules/untyped/package.json': JSON.stringify({ name: 'untyped', version: '1.0.0', main: 'index.js' }),
      'node_modules/untyped/index.js': 'exports.x = 1;\n',
      'scripts-src/main.ts': "import { x } from 'untyped';\nconsole.log(x);\n",
    },
    entries: ['scripts-src/main.ts'],
    event: 'test',
    code: 'script-type',
    file: 'scripts-src/main.ts',
    line: 1,
    message: /Could not find a declaration file for module 'untyped'/,
  },
  {
    name: 'a sandbox module whose types are installed keeps them',
    files: {
      'node_modules/@types/lodash/package.json': JSON.stringify({
        name: '@types/lodash',
        version: '4.0.0',
        types: 'index.d.ts',
      }),
      'node_modules/@types/lodash/index.d.ts': 'declare const _: { sum(values: number[]): number };\nexport = _;\n',
      'scripts-src/main.ts': "import _ from 'lodash';\nconst total: string = _.sum([1, 2]);\nconsole.log(total);\n",
    },
    entries: ['scripts-src/main.ts'],
    event: 'test',
    code: 'script-type',
    file: 'scripts-src/main.ts',
    line: 2,
    message: /Type 'number' is not assignable to type 'string'/,
  },
  {
    name: "Node's globals do not leak in from the typings' reference to @types/node",
    files: { 'scripts-src/env.ts': "console.log('start');\nconst home = process.env.HOME;\nconsole.log(home);\n" },
    entries: ['scripts-src/env.ts'],
    event: 'prerequest',
    code: 'script-type',
    file: 'scripts-src/env.ts',
    line: 2,
    column: 14,
    message: /Cannot find name 'process'/,
  },
  {
    name: 'syntax error in TypeScript',
    files: { 'scripts-src/broken.ts': 'const a = 1;\nconst b = (a + ;\nconsole.log(b);\n' },
    entries: ['scripts-src/broken.ts'],
    event: 'test',
    code: 'script-type',
    file: 'scripts-src/broken.ts',
    line: 2,
    message: /Expression expected/,
  },
  {
    name: 'syntax error in JavaScript',
    files: { 'scripts-src/broken.js': 'const a = 1;\nconst b = (a + ;\nconsole.log(b);\n' },
    entries: ['scripts-src/broken.js'],
    event: 'test',
    code: 'script-bundle',
    file: 'scripts-src/broken.js',
    line: 2,
    message: /Unexpected ";"/,
  },
  {
    name: 'missing file',
    files: {},
    entries: ['scripts-src/nowhere.ts'],
    event: 'test',
    code: 'script-missing',
    message: /^\/items\/0\/scripts\/test: script file not found: scripts-src\/nowhere\.ts \(/,
    fix: /correct the path at \/items\/0\/scripts\/test/,
  },
  {
    name: 'top-level await',
    files: { 'scripts-src/tla.ts': 'const a = 1;\nconst b = await Promise.resolve(a);\nconsole.log(b);\nexport {};\n' },
    entries: ['scripts-src/tla.ts'],
    event: 'prerequest',
    code: 'script-compat',
    file: 'scripts-src/tla.ts',
    line: 2,
    column: 11,
    message: /^scripts-src\/tla\.ts:2:11: top-level await: Newman 6/,
    fix: /callback form/,
  },
  {
    name: 'top-level for await',
    files: {
      'scripts-src/tla.ts': 'async function* gen() {\n  yield 1;\n}\nfor await (const x of gen()) console.log(x);\n',
    },
    entries: ['scripts-src/tla.ts'],
    event: 'prerequest',
    code: 'script-compat',
    line: 4,
    message: /top-level await/,
  },
  {
    name: 'top-level await (x) in a JavaScript script without imports',
    files: { 'scripts-src/tla.js': 'const x = 1;\nconst y = await (x);\nconsole.log(y);\n' },
    entries: ['scripts-src/tla.js'],
    event: 'prerequest',
    code: 'script-compat',
    file: 'scripts-src/tla.js',
    line: 2,
    message: /top-level await/,
  },
  {
    name: 'pm.require',
    files: { 'scripts-src/req.ts': "const shared = pm.require('@team/shared');\nconsole.log(shared);\n" },
    entries: ['scripts-src/req.ts'],
    event: 'prerequest',
    code: 'script-compat',
    file: 'scripts-src/req.ts',
    line: 1,
    column: 16,
    message: /pm\.require \(Postman package library\) is not available in Newman 6/,
    fix: /local file or an npm package/,
  },
  {
    name: 'pm.vault',
    files: { 'scripts-src/vault.ts': "\npm.vault.get('api-key').then(console.log, console.error);\n" },
    entries: ['scripts-src/vault.ts'],
    event: 'prerequest',
    code: 'script-compat',
    line: 2,
    column: 1,
    message: /pm\.vault \(Postman Vault\) is not available in Newman 6/,
    fix: /--env-var/,
  },
  {
    name: "pm['vault'] (element access)",
    files: { 'scripts-src/vault.ts': "const v = pm['vault'];\nconsole.log(v);\n" },
    entries: ['scripts-src/vault.ts'],
    event: 'prerequest',
    code: 'script-compat',
    line: 1,
    message: /pm\.vault/,
  },
  {
    name: 'pm.execution.runRequest',
    files: { 'scripts-src/run.ts': "pm.execution.runRequest('id').then(() => undefined, () => undefined);\n" },
    entries: ['scripts-src/run.ts'],
    event: 'test',
    code: 'script-compat',
    line: 1,
    message: /pm\.execution\.runRequest is not available in Newman 6/,
  },
  {
    name: 'await pm.sendRequest inside an async function',
    files: {
      'scripts-src/send.ts':
        "async function go(): Promise<void> {\n  const res = await pm.sendRequest('https://example.com');\n  console.log(res);\n}\ngo().catch(console.error);\n",
    },
    entries: ['scripts-src/send.ts'],
    event: 'prerequest',
    code: 'script-compat',
    line: 2,
    column: 21,
    message: /pm\.sendRequest without a callback returns a promise in the Postman app only/,
    fix: /pm\.sendRequest\(request, \(err, response\) =>/,
  },
  {
    name: 'pm.sendRequest(...).then',
    files: { 'scripts-src/send.js': "pm.sendRequest('https://example.com').then((res) => console.log(res));\n" },
    entries: ['scripts-src/send.js'],
    event: 'prerequest',
    code: 'script-compat',
    line: 1,
    column: 1,
    message: /pm\.sendRequest without a callback/,
  },
  {
    name: "require('fs')",
    files: { 'scripts-src/fs.js': "const fs = require('fs');\nconsole.log(fs.readFileSync('x'));\n" },
    entries: ['scripts-src/fs.js'],
    event: 'prerequest',
    code: 'script-compat',
    file: 'scripts-src/fs.js',
    line: 1,
    column: 12,
    message: /Node's "fs" module is not available in the Postman sandbox/,
    fix: /iteration data file/,
  },
  {
    name: "import fs from 'node:fs'",
    files: { 'scripts-src/fs.ts': "\nimport fs from 'node:fs';\nconsole.log(fs);\n" },
    entries: ['scripts-src/fs.ts'],
    event: 'test',
    code: 'script-compat',
    line: 2,
    column: 1,
    message: /Node's "node:fs" module is not available/,
  },
  {
    name: "require('crypto') points to crypto-js",
    files: { 'scripts-src/hash.js': "const { createHash } = require('crypto');\nconsole.log(createHash);\n" },
    entries: ['scripts-src/hash.js'],
    event: 'prerequest',
    code: 'script-compat',
    line: 1,
    message: /"crypto" module is not available/,
    fix: /crypto-js/,
  },
  {
    name: "a sandbox module with the node: prefix ('node:buffer')",
    files: { 'scripts-src/buf.ts': "import { Buffer } from 'node:buffer';\nconsole.log(Buffer);\n" },
    entries: ['scripts-src/buf.ts'],
    event: 'test',
    code: 'script-compat',
    line: 1,
    message: /"node:buffer" cannot be required in the Postman sandbox/,
    fix: /import "buffer" instead/,
  },
  {
    name: "a subpath of a sandbox module ('lodash/fp')",
    files: { 'scripts-src/fp.ts': "import fp from 'lodash/fp';\nconsole.log(fp);\n" },
    entries: ['scripts-src/fp.ts'],
    event: 'test',
    code: 'script-compat',
    line: 1,
    message: /"lodash\/fp" is not provided by the Postman sandbox \(it provides "lodash" only\)/,
  },
  {
    name: 'an incompatibility in an imported local module',
    files: {
      'scripts-src/lib/secret.ts': "export function secret(): unknown {\n  return pm.vault.get('k');\n}\n",
      'scripts-src/main.ts': "import { secret } from './lib/secret';\nconsole.log(secret());\n",
    },
    entries: ['scripts-src/main.ts'],
    event: 'test',
    code: 'script-compat',
    file: 'scripts-src/lib/secret.ts',
    line: 2,
    column: 10,
    message: /pm\.vault/,
  },
  {
    name: 'an npm package that needs a Node built-in',
    files: {
      'node_modules/reads-files/package.json': JSON.stringify({
        name: 'reads-files',
        version: '1.0.0',
        main: 'index.js',
      }),
      'node_modules/reads-files/index.js':
        "// reads a file\nconst fs = require('fs');\nexports.read = (f) => fs.readFileSync(f, 'utf8');\n",
      'scripts-src/main.js': "const { read } = require('reads-files');\nconsole.log(read('x'));\n",
    },
    entries: ['scripts-src/main.js'],
    event: 'test',
    code: 'script-compat',
    file: 'node_modules/reads-files/index.js',
    line: 2,
    message: /Node's "fs" module is not available/,
  },
  {
    name: 'every incompatibility of the batch is listed',
    files: {
      'scripts-src/a.js': "pm.vault.get('x');\n",
      'scripts-src/b.js': "\nrequire('child_process');\n",
    },
    entries: ['scripts-src/a.js', 'scripts-src/b.js'],
    event: 'test',
    code: 'script-compat',
    file: 'scripts-src/a.js',
    line: 1,
    message:
      /\n {2}scripts-src\/b\.js:2:1: Node's "child_process" module is not available[^\n]*\(fix: remove the import/,
  },
];

describe('bundleUserScripts: scripts that are rejected', () => {
  it.each(errors)('$name', async (c) => {
    const p = project(c.files);
    const error = await bundleError(p, c.entries, c.event);
    expect(error.code).toBe(c.code);
    expect(error.exitCode).toBe(2);
    if (c.file !== undefined) expect(error.file).toBe(c.file);
    if (c.line !== undefined) expect(error.line).toBe(c.line);
    if (c.column !== undefined) expect(error.column).toBe(c.column);
    expect(error.message).toMatch(c.message);
    if (c.fix) expect(error.fix).toMatch(c.fix);
  });
});

describe('bundleUserScripts: batches', () => {
  it('returns one bundle per ref in order, type-checking scripts that share top-level names together', async () => {
    const p = project({
      'scripts-src/a.ts': "const id = 'a';\nconsole.log(id);\n",
      'scripts-src/b.ts': "const id = 'b';\nconsole.log(id);\n",
    });
    const [a1, b, a2] = await bundleUserScripts(
      [p.ref('scripts-src/a.ts'), p.ref('scripts-src/b.ts'), p.ref('scripts-src/a.ts')],
      'test',
    );
    expect(a1).toContain('"a"');
    expect(b).toContain('"b"');
    expect(a2).toBe(a1);
  });

  it('returns no bundles for no refs', async () => {
    expect(await bundleUserScripts([], 'test')).toEqual([]);
  });

  it('rebuilds a script whose imported module changed since the last call', async () => {
    const p = project({
      'scripts-src/lib/value.ts': 'export const value = 1;\n',
      'scripts-src/main.ts': "import { value } from './lib/value';\nconsole.log(value);\n",
    });
    const [before] = await bundleUserScripts([p.ref('scripts-src/main.ts')], 'test');
    p.write({ 'scripts-src/lib/value.ts': 'export const value = 22222;\n' });
    const [after] = await bundleUserScripts([p.ref('scripts-src/main.ts')], 'test');
    expect(before).toContain('value = 1;');
    expect(after).toContain('value = 22222;');
  });
});
