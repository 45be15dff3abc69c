import { describe, expect, it } from 'vitest';
import { compatProblems } from '../../src/scripts/compat.js';
import { loadTypeScript } from '../../src/scripts/load-typescript.js';

const ts = loadTypeScript();

/** The problems of one in-memory file, as `line:column message`. */
function problems(code: string, file = '/project/script.ts'): string[] {
  const sourceFile = ts.createSourceFile(file, code, ts.ScriptTarget.Latest, true);
  return compatProblems([sourceFile]).map((p) => `${p.line}:${p.column} ${p.message}`);
}

const rejected: { name: string; code: string; file?: string; found: RegExp[] }[] = [
  { name: 'top-level await', code: 'await x;\n', found: [/^1:1 top-level await/] },
  { name: 'top-level await in a block', code: 'if (a) {\n  await x;\n}\n', found: [/^2:3 top-level await/] },
  { name: 'top-level for await', code: 'for await (const x of y) {}\n', found: [/^1:1 top-level await/] },
  { name: 'top-level await using', code: 'await using r = get();\nexport {};\n', found: [/^1:1 top-level await/] },
  {
    name: 'await (x) in a JS script',
    code: 'const y = await (x);\n',
    file: '/project/a.js',
    found: [/^1:11 top-level await/],
  },
  { name: 'pm.require', code: "pm.require('@team/lib');\n", found: [/^1:1 pm\.require /] },
  { name: 'pm.vault', code: "pm.vault.get('k');\n", found: [/^1:1 pm\.vault /] },
  { name: 'pm?.vault', code: "pm?.vault?.get('k');\n", found: [/^1:1 pm\.vault /] },
  { name: "pm['vault']", code: "pm['vault'].get('k');\n", found: [/^1:1 pm\.vault /] },
  { name: '(pm).vault', code: "(pm).vault.get('k');\n", found: [/^1:1 pm\.vault /] },
  { name: 'pm.datasets', code: "pm.datasets('d');\n", found: [/^1:1 pm\.datasets /] },
  {
    name: 'pm.execution.runRequest',
    code: "pm.execution.runRequest('id');\n",
    found: [/^1:1 pm\.execution\.runRequest /],
  },
  {
    name: 'awaited pm.sendRequest in a function',
    code: 'async function f() {\n  return await pm.sendRequest(u);\n}\n',
    found: [/^2:16 pm\.sendRequest without a callback/],
  },
  {
    name: 'pm.sendRequest().then',
    code: 'pm.sendRequest(u).then(f);\n',
    found: [/^1:1 pm\.sendRequest without a callback/],
  },
  {
    name: 'pm.sendRequest result assigned',
    code: 'const p = pm.sendRequest(u);\n',
    found: [/^1:11 pm\.sendRequest without a callback/],
  },
  { name: "require('fs')", code: "const fs = require('fs');\n", found: [/^1:12 Node's "fs" module/] },
  {
    name: "import from 'node:fs'",
    code: "import { readFileSync } from 'node:fs';\n",
    found: [/^1:1 Node's "node:fs" module/],
  },
  { name: "import('os')", code: "import('os').then(f);\n", found: [/^1:1 Node's "os" module/] },
  { name: "export * from 'http'", code: "export * from 'http';\n", found: [/^1:1 Node's "http" module/] },
  {
    name: "import x = require('child_process')",
    code: "import cp = require('child_process');\n",
    found: [/^1:1 Node's "child_process" module/],
  },
  { name: "'fs/promises'", code: "import fsp from 'fs/promises';\n", found: [/^1:1 Node's "fs\/promises" module/] },
  {
    name: "'node:buffer'",
    code: "import { Buffer } from 'node:buffer';\n",
    found: [/^1:1 "node:buffer" cannot be required/],
  },
  { name: "'lodash/fp'", code: "const fp = require('lodash/fp');\n", found: [/^1:12 "lodash\/fp" is not provided/] },
  {
    name: 'several in one file, in source order',
    code: "pm.vault.get('k');\nawait x;\nrequire('tls');\n",
    found: [/^1:1 pm\.vault/, /^2:1 top-level await/, /^3:1 Node's "tls"/],
  },
];

const allowed: { name: string; code: string; file?: string }[] = [
  {
    name: 'await inside async functions, methods and arrows',
    code: 'async function a() { await x; }\nconst b = async () => { for await (const y of z) {} };\nclass C { async m() { await x; } }\n',
  },
  {
    name: 'look-alikes in comments',
    code: "// await x; pm.vault; require('fs')\n/* pm.require('a'); import 'node:os' */\n",
  },
  {
    name: 'look-alikes in strings and templates',
    code: "const a = \"await pm.vault.get('x') require('fs')\";\nconst b = `pm.require('y') ${a}`;\n",
  },
  {
    name: 'callback and fire-and-forget pm.sendRequest',
    code: 'pm.sendRequest(u, (err, res) => {});\npm.sendRequest(u);\nvoid pm.sendRequest(u);\nsetTimeout(() => pm.sendRequest(u), 10);\n',
  },
  {
    name: 'sandbox modules',
    code: "import _ from 'lodash';\nconst CryptoJS = require('crypto-js');\nimport { parse } from 'csv-parse/lib/sync';\nimport 'postman-collection';\n",
  },
  {
    name: 'npm packages and local modules',
    code: "import a from 'left-pad';\nimport b from './fs';\nimport c from '@scope/os';\n",
  },
  {
    name: 'type-only imports of Node built-ins',
    code: "import type { Stats } from 'fs';\nimport { type Agent } from 'http';\nexport type { Socket } from 'net';\n",
  },
  {
    name: 'other pm members',
    code: "pm.variables.get('a');\npm.execution.skipRequest();\npm.execution.setNextRequest(null);\nconst vault = 1;\n",
  },
  { name: 'a file with a syntax error (left to the type check and the bundler)', code: 'const a = (1 + ;\nawait x;\n' },
];

describe('compatProblems', () => {
  it.each(rejected)('rejects $name', ({ code, file, found }) => {
    const list = problems(code, file);
    expect(list).toHaveLength(found.length);
    found.forEach((pattern, i) => expect(list[i]).toMatch(pattern));
  });

  it.each(allowed)('allows $name', ({ code, file }) => {
    expect(problems(code, file)).toEqual([]);
  });

  it('names the file of each problem and gives a fix', () => {
    const sourceFile = ts.createSourceFile('/project/x.ts', "pm.vault.get('k');\n", ts.ScriptTarget.Latest, true);
    expect(compatProblems([sourceFile])).toEqual([
      {
        file: '/project/x.ts',
        line: 1,
        column: 1,
        message: 'pm.vault (Postman Vault) is not available in Newman 6 (postman-sandbox 4.7)',
        fix: 'read the secret from a variable given at run time (newman run … --env-var name=value)',
      },
    ]);
  });
});
