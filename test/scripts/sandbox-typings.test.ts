import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadTypeScript } from '../../src/scripts/load-typescript.js';
import { ambientDeclarations, sandboxTypingFiles } from '../../src/scripts/sandbox-typings.js';

const ts = loadTypeScript();
const parse = (text: string) => ts.createSourceFile('/pkg/scripts-src/sandbox.d.ts', text, ts.ScriptTarget.ES2020, true);

describe('sandboxTypingFiles', () => {
  it.each(['prerequest', 'test'] as const)('%s: the event typings, postman-collection typings and the augmentations, all present', (event) => {
    const files = sandboxTypingFiles(event);
    expect(files[0]).toMatch(new RegExp(`postman-sandbox[\\\\/]types[\\\\/]sandbox[\\\\/]${event}\\.d\\.ts$`));
    expect(files[1]).toMatch(/postman-collection[\\/]types[\\/]index\.d\.ts$/);
    expect(files[2]).toMatch(/scripts-src[\\/]sandbox\.d\.ts$/);
    for (const file of files) expect(existsSync(file)).toBe(true);
  });
});

const ambientCases: { name: string; augmentations?: string; untyped: string[]; present: RegExp[]; absent: RegExp[] }[] = [
  {
    name: 'no augmentations: the untyped modules',
    untyped: ['lodash', 'csv-parse/lib/sync'],
    present: [/declare module "lodash";/, /declare module "csv-parse\/lib\/sync";/],
    absent: [],
  },
  {
    name: 'modules the augmentations declare are left out',
    augmentations: "declare function require(id: string): any;\ndeclare module 'lodash' { export function sum(a: number[]): number; }\n",
    untyped: ['lodash', 'uuid'],
    present: [/declare module "uuid";/],
    absent: [/"lodash"/, /require/],
  },
];

describe('ambientDeclarations', () => {
  it.each(ambientCases)('$name', ({ augmentations, untyped, present, absent }) => {
    const text = ambientDeclarations(ts, augmentations === undefined ? undefined : parse(augmentations), untyped);
    for (const pattern of present) expect(text).toMatch(pattern);
    for (const pattern of absent) expect(text).not.toMatch(pattern);
  });
});
