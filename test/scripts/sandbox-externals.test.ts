import { describe, expect, it } from 'vitest';
import { SANDBOX_MODULES, unsupportedModule } from '../../src/scripts/sandbox-externals.js';

const cases: { specifier: string; message?: RegExp; fix?: RegExp }[] = [
  ...SANDBOX_MODULES.map((specifier) => ({ specifier })),
  { specifier: 'left-pad' },
  { specifier: '@scope/fs' },
  { specifier: 'csv-parse' },
  {
    specifier: 'fs',
    message: /^Node's "fs" module is not available in the Postman sandbox/,
    fix: /iteration data file/,
  },
  { specifier: 'fs/promises', message: /"fs\/promises"/, fix: /iteration data file/ },
  { specifier: 'node:fs', message: /"node:fs"/, fix: /iteration data file/ },
  { specifier: 'crypto', message: /"crypto"/, fix: /crypto-js/ },
  { specifier: 'node:crypto', message: /"node:crypto"/, fix: /crypto-js/ },
  { specifier: 'https', message: /"https"/, fix: /pm\.sendRequest\(request, callback\)/ },
  {
    specifier: 'child_process',
    message: /"child_process"/,
    fix: /remove the import; the sandbox provides only lodash, crypto-js/,
  },
  { specifier: 'worker_threads', message: /"worker_threads"/ },
  { specifier: 'node:test', message: /"node:test"/ },
  {
    specifier: 'node:buffer',
    message: /^"node:buffer" cannot be required in the Postman sandbox/,
    fix: /^import "buffer" instead$/,
  },
  { specifier: 'node:url', fix: /^import "url" instead$/ },
  {
    specifier: 'lodash/fp',
    message: /^"lodash\/fp" is not provided by the Postman sandbox \(it provides "lodash" only\)$/,
    fix: /^import "lodash" instead$/,
  },
  { specifier: 'uuid/v4', message: /"uuid\/v4"/ },
];

describe('unsupportedModule', () => {
  it.each(cases)('$specifier', ({ specifier, message, fix }) => {
    const problem = unsupportedModule(specifier);
    if (!message && !fix) {
      expect(problem).toBeUndefined();
      return;
    }
    expect(problem).toBeDefined();
    if (message) expect(problem!.message).toMatch(message);
    if (fix) expect(problem!.fix).toMatch(fix);
  });
});
