import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleUserScripts } from '../../src/scripts/user-scripts.js';
import { runInSandbox, SANDBOX_PACKAGES, sandboxContext, type SandboxPackage } from './run-in-sandbox.js';
import { scriptProject, TINY_PACKAGE } from './script-project.js';

// Bundled user scripts run in the Postman app's sandbox (6.x) and in Newman 6's (4.7).
const project = scriptProject({
  ...TINY_PACKAGE,
  'scripts-src/lib/expect-order.ts': [
    'export interface Order {',
    '  id: string;',
    '  qty: number;',
    '}',
    '',
    'export function isOrder(value: unknown): value is Order {',
    "  return typeof value === 'object' && value !== null && typeof (value as Order).id === 'string';",
    '}',
    '',
  ].join('\n'),
  'scripts-src/orders.test.ts': [
    "import _ from 'lodash';",
    "import CryptoJS from 'crypto-js';",
    "import { shout } from 'tiny-shout';",
    "import { isOrder } from './lib/expect-order.js';",
    '',
    "pm.test('status is 200', () => pm.response.to.have.status(200));",
    "pm.test('body holds orders', () => {",
    '  const orders: unknown[] = pm.response.json().orders;',
    '  pm.expect(orders.every(isOrder)).to.equal(true);',
    "  pm.expect(_.sumBy(orders as { qty: number }[], 'qty')).to.equal(3);",
    '});',
    "pm.test('npm package inlined', () => pm.expect(shout('ok')).to.equal('OK!'));",
    "pm.test('crypto-js from the sandbox', () => pm.expect(CryptoJS.MD5('a').toString()).to.equal('0cc175b9c0f1b6a831c399e269772661'));",
    '',
  ].join('\n'),
  'scripts-src/trace-id.js': [
    "const { v4 } = require('uuid');",
    "pm.variables.set('trace_id', v4());",
    "pm.test('trace id set', () => pm.expect(pm.variables.get('trace_id')).to.match(/^[0-9a-f-]{36}$/));",
    '',
  ].join('\n'),
});
const contexts = new Map<SandboxPackage, Awaited<ReturnType<typeof sandboxContext>>>();

beforeAll(async () => {
  for (const pkg of SANDBOX_PACKAGES) contexts.set(pkg, await sandboxContext(pkg));
});
afterAll(() => {
  for (const context of contexts.values()) context.dispose();
  project.remove();
});

describe.each(SANDBOX_PACKAGES)('bundled user scripts run in %s', (pkg) => {
  it('a TypeScript test script with a local module, lodash, crypto-js and an inlined npm package', async () => {
    const [code] = await bundleUserScripts([project.ref('scripts-src/orders.test.ts')], 'test');
    const run = await runInSandbox(contexts.get(pkg)!, code!, 'test', {
      orders: [
        { id: 'a', qty: 1 },
        { id: 'b', qty: 2 },
      ],
    });
    expect(run.error).toBeUndefined();
    expect(run.assertions).toEqual([
      { name: 'status is 200', passed: true, error: undefined },
      { name: 'body holds orders', passed: true, error: undefined },
      { name: 'npm package inlined', passed: true, error: undefined },
      { name: 'crypto-js from the sandbox', passed: true, error: undefined },
    ]);
  });

  it('a JavaScript pre-request script requiring uuid', async () => {
    const [code] = await bundleUserScripts(
      [project.ref('scripts-src/trace-id.js', '/scripts/prerequest/0')],
      'prerequest',
    );
    const run = await runInSandbox(contexts.get(pkg)!, code!, 'prerequest');
    expect(run.error).toBeUndefined();
    expect(run.assertions).toEqual([{ name: 'trace id set', passed: true, error: undefined }]);
  });
});

// Why the compatibility check rejects these: Newman's sandbox cannot run them (the Postman app's can).
const newmanFailures = [
  {
    name: 'top-level await',
    code: "const n = await Promise.resolve(1);\npm.test('ran', () => pm.expect(n).to.equal(1));",
  },
  { name: 'pm.vault', code: "pm.vault.get('k').then(() => pm.test('ran', () => undefined));" },
  {
    name: "require('crypto')",
    code: "const c = require('crypto');\npm.test('ran', () => pm.expect(c).to.be.an('object'));",
  },
];

describe('what Newman 6 (postman-sandbox 4.7) cannot run', () => {
  it.each(newmanFailures)('$name fails there', async ({ code }) => {
    const run = await runInSandbox(contexts.get('postman-sandbox-4')!, code, 'prerequest');
    expect(run.error).toBeDefined();
    expect(run.assertions).toEqual([]);
  });
});
